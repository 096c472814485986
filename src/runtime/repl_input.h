/* SPDX-License-Identifier: MIT */
/*
 * Whether a REPL entry needs more lines, in time linear in the entry.
 * The parser decides (psh_input_incomplete); after it said "incomplete"
 * because of an open string, script block or <# comment, each new line is
 * scanned alone with the state carried from the last one, and the parser
 * runs again only when the line could close that construct or end the
 * input's validity.  So the answer is always the parser's.
 */
#ifndef PSHELP_PSH_REPL_INPUT_H
#define PSHELP_PSH_REPL_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct psh_repl_input {
	int mode;	 /* what the last parse found open (repl_input.c) */
	size_t len;	 /* bytes the last verdict covers */
	size_t depth;	 /* braces opened inside the open block since */
	int sub;	 /* inside that block: 0, '\'', '"' or '#' (<# #>) */
	bool incomplete; /* the last verdict */
	size_t parses;	 /* full parses so far (for tests) */
};

/* A new, empty entry. */
void psh_repl_input_init(struct psh_repl_input *in);

/*
 * True if src[0, len) needs more lines.  Each call after the first of an
 * entry must pass the text of the previous call with more appended; a
 * piece starting with '\n' (a new line) is checked incrementally.
 */
bool psh_repl_input_incomplete(struct psh_repl_input *in, const char *src,
			       size_t len);

#endif
