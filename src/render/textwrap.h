/* SPDX-License-Identifier: MIT */
/*
 * Line breaking (ICU, UAX #14) and display width (East Asian Width) for
 * every script.  The only file that includes ICU's break iterator.
 */
#ifndef PSHELP_TEXTWRAP_H
#define PSHELP_TEXTWRAP_H

#include <stdbool.h>
#include <stddef.h>

/* A byte range [start, end) of the text that must not be broken. */
struct tw_span {
	size_t start, end;
};

/* One output line: bytes [start, end) of the input, trailing spaces dropped. */
struct tw_piece {
	size_t start, end;
};

struct textwrap;

/*
 * A wrapper for one locale (BCP 47 or ICU id; NULL or "" = root rules).
 * It keeps its ICU iterators and buffers between calls; use one per thread.
 * The iterators are opened at the first line that is not plain ASCII.
 */
struct textwrap *textwrap_new(const char *locale);
void textwrap_free(struct textwrap *tw);

/*
 * Display width of UTF-8 text in terminal cells: wide and fullwidth
 * characters take 2, combining marks and zero-width characters 0,
 * everything else 1.  Invalid bytes count 1.  A soft hyphen (U+00AD)
 * counts 1 only as the last character: a piece that ends in one should
 * show it as '-'.
 */
size_t textwrap_width(const char *s, size_t len);
/* textwrap_width(s, len) <= width, reading no further than it must. */
bool textwrap_fits(const char *s, size_t len, size_t width);

/*
 * Splits one line of text (no '\n') into pieces at most `width` cells
 * wide.  Breaks only at UAX #14 opportunities, never inside a nobreak
 * span and never after a hyphen between two letters or digits (so
 * Exit-PSSession stays whole), unless a single unbreakable run is wider
 * than the line: then it is broken between grapheme clusters.  Spaces at
 * a break are dropped; NBSP and U+2011 are not break points.  width 0
 * means no wrapping.  Returns the number of pieces (>= 1) and a malloc'd
 * array in *out that the caller frees.  nobreak spans may overlap and
 * need not be sorted.
 */
size_t textwrap_wrap(struct textwrap *tw, const char *s, size_t len,
		     size_t width, const struct tw_span *nobreak,
		     size_t nnobreak, struct tw_piece **out);

#endif
