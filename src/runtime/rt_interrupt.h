/* SPDX-License-Identifier: MIT */
/*
 * A request to stop the running pipeline.  In the client it comes from
 * Ctrl-C (the REPL's SIGINT handler raises it); in an endpoint from a
 * CANCEL frame of its client, which the endpoint finds through the poll
 * hook while a script runs.  The evaluator checks it before every
 * statement and every pipeline object; long waits (Start-Sleep, waiting
 * for an endpoint's answer) check it as they go.
 */
#ifndef PSHELP_RT_INTERRUPT_H
#define PSHELP_RT_INTERRUPT_H

#include <stdbool.h>

/* Async-signal-safe: only sets a flag. */
void rt_interrupt_raise(void);
void rt_interrupt_clear(void);

/* The flag, or else what the poll hook says (and then the flag is set). */
bool rt_interrupt_pending(void);

/* The flag alone: for a signal handler's caller that must not poll. */
bool rt_interrupt_raised(void);

/* fn(cookie) returns true when a stop was asked for; NULL: no hook. */
typedef bool rt_interrupt_poll_fn(void *cookie);
void rt_interrupt_set_poll(rt_interrupt_poll_fn *fn, void *cookie);

#endif
