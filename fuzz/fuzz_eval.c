/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the psh evaluator and binder: the bytes are a
 * script, run against the built-in metadata with no session manager, so
 * nothing spawns a process.  Output and errors go to memory streams; the
 * language has no file redirection (the parser refuses '>' and the rest),
 * so nothing touches the filesystem.  Crashes, leaks and sanitizer
 * reports are the findings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "eval.h"
#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bigger scripts add time, not coverage. */
#define MAX_SCRIPT (64u << 10)

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
