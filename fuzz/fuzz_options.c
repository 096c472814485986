/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the option scanner: the input is a command line,
 * arguments separated by NUL bytes.  The scan must end after at most one
 * step per argument, and every hit must point into the arguments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct opt_def defs[] = {
	{ "Full", 0, false, false },   { "Format", 1, true, false },
	{ "Culture", 2, true, false }, { "UICulture", 2, true, false },
	{ "h", 3, false, true },       { "?", 3, false, true },
	{ "Help", 3, false, false },
};

static bool
inside(const char *p, const char *buf, size_t size)
{
	return p >= buf && p <= buf + size;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char prog[] = "prog";
	char *buf = malloc(size + 1);
	char **argv = malloc((size + 2) * sizeof(*argv));
	int argc = 1;
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;

	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = prog;
	for (size_t i = 0; i <= size; i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	for (unsigned flags = 0; flags <= OPT_PREFIXES; flags += OPT_PREFIXES) {
		int steps = 0;
		opt_init(&p, argc, argv, defs, sizeof(defs) / sizeof(*defs),
			 flags);
		while ((st = opt_next(&p, &h)) != OPT_END) {
			if (++steps > argc || !inside(h.arg, buf, size))
				abort();
			if (st == OPT_OPTION && h.def == NULL)
				abort();
			if (h.value && !inside(h.value, buf, size))
				abort();
		}
	}
	free(argv);
	free(buf);
	return 0;
}
