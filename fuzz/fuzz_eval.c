/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the psh evaluator and binder: the bytes are a
 * script, run against the built-in metadata with no session manager, so
 * nothing spawns a process.  Output and errors go to memory streams; the
 * language has no file redirection (the parser refuses '>' and the rest),
 * so nothing touches the filesystem.  Crashes, leaks and sanitizer
 * reports are the findings.  A script may sleep (Start-Sleep 58): after
 * a short budget the stop request is raised, as Ctrl-C would, which also
 * exercises the evaluator's stopping paths.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "eval.h"
#include "parser.h"
#include "rt_interrupt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bigger scripts add time, not coverage. */
#define MAX_SCRIPT (64u << 10)
/* How long one input may run before it is stopped. */
#define BUDGET_NS (50 * 1000000L)

static struct timespec started;

static bool
over_budget(void *cookie)
{
	struct timespec now;

	(void)cookie;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - started.tv_sec) * 1000000000L +
		       (now.tv_nsec - started.tv_nsec) >
	       BUDGET_NS;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out, *err;

	if (size > MAX_SCRIPT)
		return 0;
	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	if (out == NULL || err == NULL)
		abort();
	rt_interrupt_clear();
	rt_interrupt_set_poll(over_budget, NULL);
	clock_gettime(CLOCK_MONOTONIC, &started);
	struct psh_eval_options o = { .out = out, .err = err };
	struct psh_eval *ev = psh_eval_new(&o);
	psh_eval_run(ev, (const char *)data, size, NULL);
	psh_eval_free(ev);
	fclose(out);
	fclose(err);
	free(obuf);
	free(ebuf);
	return 0;
}
