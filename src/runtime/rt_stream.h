/* SPDX-License-Identifier: MIT */
/*
 * Error, warning and verbose records in the output stream.  PowerShell
 * writes them to the host in the order they happen among the output
 * objects; psh's pipelines are not streaming, so a record travels in
 * the output array at the place it happened (and over the wire from an
 * endpoint), and whatever displays output (print, Out-Host) shows it
 * there.  Records never reach a variable nor a command's input: those
 * take them out (rt_stream_take) and pass them on.
 */
#ifndef PSHELP_RT_STREAM_H
#define PSHELP_RT_STREAM_H

#include "rt_value.h"

enum rt_stream {
	RT_STREAM_NONE, /* an ordinary output object */
	RT_STREAM_ERROR,
	RT_STREAM_WARNING,
	RT_STREAM_VERBOSE
};

/* A record of stream s carrying message (for errors, the whole text as
   it is shown). */
struct rt_value *rt_stream_record(enum rt_stream s, const char *message);
/* Which stream v belongs to (RT_STREAM_NONE for output objects). */
enum rt_stream rt_stream_of(const struct rt_value *v);
/* The message of a record ("" if it has none). */
const char *rt_stream_message(const struct rt_value *v);
/*
 * Moves every record of array a, in order, to the end of array into
 * (NULL: they are dropped); the other items keep their order.  Returns
 * the number moved.
 */
size_t rt_stream_take(struct rt_value *a, struct rt_value *into);

#endif
