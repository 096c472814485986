/* SPDX-License-Identifier: MIT */
/*
 * UAX #14 line-break opportunities for printable ASCII text without ICU:
 * the same breaks ICU 72's line rules give (root and every tailoring ICU
 * ships, which differ only outside ASCII).  Internal to render/.
 */
#ifndef PSHELP_TEXTWRAP_ASCII_H
#define PSHELP_TEXTWRAP_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/uvernum.h>

/* The rules below were derived from and checked against ICU 72. */
#define TEXTWRAP_ASCII_RULES (U_ICU_VERSION_MAJOR_NUM == 72)

/* A forward walk over the break opportunities of one text (ASCII or
   narrowed, see TEXTWRAP_LETTER). */
struct tw_ascii {
	const unsigned char *s;
	size_t len;
	size_t pos;	   /* the last break returned */
	size_t seg;	   /* where the current segment started */
	size_t num_end;	   /* end of the furthest number (LB25) seen */
	size_t num_from;   /* next start to try for a number */
};

/* The UCHAR_LINE_BREAK class this file gives byte c; 0 = not handled. */
int textwrap_ascii_class(unsigned char c);

/* True if every byte is a tab or printable ASCII (0x20..0x7E). */
bool textwrap_ascii_only(const char *s, size_t len);

/*
 * Text whose only other characters are Latin letters (U+00C0..U+024F
 * but × and ÷; each is line-break class AL, one cell, one UTF-16 unit
 * and a grapheme cluster of its own) breaks as the same text with each
 * letter replaced by the one byte TEXTWRAP_LETTER, which the walker
 * below reads as AL.  Offsets in that narrowed text are UTF-16 offsets.
 */
#define TEXTWRAP_LETTER 0x80

/* Whether code point c is one of those letters. */
bool textwrap_latin_letter(uint32_t c);

/* Writes the narrowed s to out (room for len bytes; may be s) and
   returns its length, or SIZE_MAX if s has anything else, or invalid
   UTF-8. */
size_t textwrap_narrow(const char *s, size_t len, unsigned char *out);

void textwrap_ascii_begin(struct tw_ascii *it, const char *s, size_t len);

/* The next break after the last one: len at the end, SIZE_MAX after. */
size_t textwrap_ascii_next(struct tw_ascii *it);

struct textwrap;

/* Tests: true makes tw take the ICU path for every text. */
void textwrap_force_icu(struct textwrap *tw, bool icu_only);

#endif
