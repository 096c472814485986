/* SPDX-License-Identifier: MIT */
/*
 * Shorthands for the declarative command tables in this directory.  Only
 * the commands/<Verb-Noun>.c files include this header.
 */
#ifndef PSHELP_CMD_TABLE_H
#define PSHELP_CMD_TABLE_H

#include <stddef.h>

#include "rt_meta.h"

/* A NULL-terminated list of strings. */
#define RT_LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The set memberships of a parameter: RT_SETS({ set, mandatory, position, pipeline }, ...). */
#define RT_SETS(...)                                                      \
	.sets = (const struct rt_param_set[]){ __VA_ARGS__ },             \
	.nsets = sizeof((const struct rt_param_set[]){ __VA_ARGS__ }) /   \
		 sizeof(struct rt_param_set)

#define NAMED RT_POSITION_NAMED
#define BYVAL RT_PIPE_BY_VALUE
#define BYPROP RT_PIPE_BY_PROPERTY_NAME

#endif
