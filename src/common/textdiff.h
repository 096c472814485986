/* SPDX-License-Identifier: MIT */
/*
 * Unified diffs of two texts, line by line, for people to read: the
 * SYNTAX or code a page has against what it should have, the output an
 * example shows against what psh printed, a page before and after
 * `pshelp update --dry-run`.
 */
#ifndef PSHELP_TEXTDIFF_H
#define PSHELP_TEXTDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct text_diff_options {
	const char *a_name, *b_name; /* shown on the --- and +++ lines */
	size_t max_changes; /* 0: all; else "..." after that many -/+ lines */
};

/*
 * Appends the diff of a to b (three lines of context, hunk headers as
 * diff -u writes them) to out; nothing when they are equal.  The edit
 * script is a longest common subsequence; a changed region too large for
 * its table is shown as all removed, then all added.  Names and lines are
 * neutralized (no raw control bytes), a CR before LF is dropped and a
 * last line without LF is marked as diff marks it.  Returns whether the
 * texts differ.
 */
bool text_diff(struct strbuf *out, const char *a, size_t alen, const char *b,
	       size_t blen, const struct text_diff_options *opt);

#endif
