/* SPDX-License-Identifier: MIT */
/*
 * Case folding and wildcard patterns (* ? [a-z]) compared by Unicode case
 * folding, independent of the process locale.
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

/* Compiles an already folded pattern; wildcard_release frees it. */
void wildcard_compile_folded(struct wildcard *w, const char *folded_pattern);
/* Matches an already folded text. */
bool wildcard_match_compiled(const struct wildcard *w, const char *folded);
void wildcard_release(struct wildcard *w);

/* Case-insensitive wildcard match by case folding; used for -Parameter too. */
bool wildcard_match_folded(const char *pattern, const char *text);

#endif
