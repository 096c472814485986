/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the REPL's incremental incomplete-input check
 * (src/runtime/repl_input.c).  The bytes are lines as the REPL reads
 * them; each is appended as the REPL does ('\n' and the line) until the
 * check says the entry is complete, then a new entry starts.  Every
 * verdict must equal the parser's on the same text (psh_input_incomplete).
 * A disagreement aborts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "repl_input.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size;
	struct psh_repl_input in;
	struct strbuf sb = STRBUF_INIT;

	if (size > (1u << 14)) /* the parser runs on every prefix */
		return 0;
	strbuf_init(&sb);
	psh_repl_input_init(&in);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		if (sb.len > 0)
			strbuf_addch(&sb, '\n');
		strbuf_add(&sb, s, n);
		s += n + (nl != NULL);
		if (psh_repl_input_incomplete(&in, sb.buf, sb.len) !=
		    psh_input_incomplete(sb.buf, sb.len))
			abort();
		if (!in.incomplete) {
			strbuf_reset(&sb);
			psh_repl_input_init(&in);
		}
	}
	strbuf_release(&sb);
	return 0;
}
