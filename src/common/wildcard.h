/* SPDX-License-Identifier: MIT */
/*
 * Case folding and PowerShell wildcard patterns, independent of the
 * process locale: one matcher for topic lookup, -Parameter and the psh
 * commands' -Name and -ComputerName filters.
 */
#ifndef PSHELP_WILDCARD_H
#define PSHELP_WILDCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

enum wc_kind { WC_LIT, WC_ANY, WC_STAR, WC_CLASS };

struct wc_tok {
	enum wc_kind kind;
	int32_t cp;	     /* WC_LIT */
	size_t first, count; /* WC_CLASS: ranges [first, first + count) */
};

struct wc_range {
	int32_t lo, hi;
};

struct wildcard {
	struct wc_tok *tok;
	size_t ntok, tcap;
	struct wc_range *rng;
	size_t nrng, rcap;
	size_t nfixed; /* tokens that consume exactly one code point */
};

/* Case-folded copy of s (ICU default folding, locale-independent); caller frees. */
char *fold_case(const char *s);
/* UTF-16 of s[0..len) (invalid bytes: U+FFFD); *n its length; caller frees. */
UChar *utf16_from_utf8(const char *s, size_t len, int32_t *n);
/* Code points of a valid UTF-8 string; caller frees. */
int32_t *utf8_decode_all(const char *s, size_t *n);

/*
 * PowerShell's wildcard patterns (WildcardPattern, IgnoreCase):
 *   *       any run of characters, also none
 *   ?       exactly one character
 *   [abc]   one of a, b, c;  [a-z] one in the range;  [a-cxy] mixed
 *   `c      the character c itself: `* `? `[ `] `` (also inside [ ])
 * Pattern and text are compared as NFC code points under Unicode simple
 * case folding, independent of the locale: every character stays one
 * character, so "?" matches "ß", "STRASSE" does not match "straße" (full
 * folding would make ß "ss"), "ΣΑΣ" matches "σας", "I" matches "i" but
 * not "ı", and "İ" matches only itself.  Range ends are folded too: [A-Z]
 * is [a-z].  PowerShell rejects an unclosed '[' as an invalid pattern;
 * here it and a trailing '`' match themselves, so every string is a
 * pattern.  "[]" matches nothing.
 */
void wildcard_compile(struct wildcard *w, const char *pattern);
bool wildcard_match(const struct wildcard *w, const char *text);
void wildcard_release(struct wildcard *w);

/* One-shot wildcard_compile + wildcard_match. */
bool wildcard_match_folded(const char *pattern, const char *text);

/* Whether pattern has a * ? or [ that is not escaped by a backtick. */
bool wildcard_has_wildcard(const char *pattern);

#endif
