/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for case-insensitive wildcard matching of non-ASCII
 * text (wildcard.h).  The input is "pattern\0text"; each byte 1..N picks
 * a piece of an alphabet of hard cases (Turkish dotted and dotless i,
 * German ß and ẞ, Greek sigmas, Kelvin and Ångström signs, ligatures,
 * title-case digraphs, combining marks, Deseret, Georgian, the wildcard
 * characters), any other byte stands for itself.  With fold(s) the
 * matcher's own folding (NFC, then simple case folding of each code
 * point) and nfd(s) the decomposed text:
 *   - a text without wildcard characters matches itself, fold(text) and
 *     nfd(text), and both of those match it (folding both ways);
 *   - a pattern matches text exactly when it matches fold(text) and
 *     nfd(text), and fold(pattern) matches the same texts;
 *   - fold_case() (lookup's exact names) is idempotent and agrees: a
 *     wildcard-free text has the same fold_case() as fold(text);
 *   - the cases wildcard.h documents hold (checked once).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "strbuf.h"
#include "wildcard.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const alphabet[] = {
	"a",	  "A",	    "b",      "B",	"s",	  "S",	    "k",
	"K",	  "i",	    "I",      "j",	"J",	  "ı",	    "İ",
	"ß",	  "ẞ",	    "σ",      "ς",	"Σ",	  "\u212A", "\u212B",
	"å",	  "Å",	    "\u030A", "\u030C", "\u0307", "\u0345", "ǰ",
	"ŉ",	  "ﬀ",	    "ﬆ",      "Ω",	"ω",	  "\u2126", "ΐ",
	"ᾈ",	  "ᾀ",	    "Ǆ",      "ǅ",	"ǆ",	  "ẛ",	    "ſ",
	"µ",	  "μ",	    "Ϊ",      "é",	"e\u0301", "É",	    "я",
	"Я",	  "ա",	    "Ա",      "ǈ",	"Ⴀ",	  "ⴀ",	    "𐐀",
	"𐐨",	  "ΣΑΣ",    "σας",    "STRASSE", "straße", "İstanbul",
	"ıi",	  "*",	    "?",      "[",	"]",	  "-",	    "`",
	"x",	  "\u0130\u0307", "I\u0307", "\u1E9E", "\u03C2\u0301",
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static void
check(bool ok)
{
	if (!ok)
		abort();
}

static bool
match(const char *pattern, const char *text)
{
	return wildcard_match_folded(pattern, text);
}

/* s[0, len) with each byte 1..NALPHA replaced by its alphabet piece. */
static char *
expand(const uint8_t *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= 1 && s[i] <= NALPHA)
			strbuf_addstr(&sb, alphabet[s[i] - 1]);
		else
			strbuf_addch(&sb, (char)s[i]);
	}
	return strbuf_detach(&sb, NULL);
}

static char *
to_utf8(const UChar *u, int32_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;

	u_strToUTF8(NULL, 0, &need, u, n, &st);
	char *s = xmalloc((size_t)need + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(s, need + 1, NULL, u, n, &st);
	check(U_SUCCESS(st));
	s[need] = '\0';
	return s;
}

static UChar *
normalized(const UNormalizer2 *nf, const char *s, int32_t *n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t un;
	UChar *u = utf16_from_utf8(s, strlen(s), &un);
	int32_t need = unorm2_normalize(nf, u, un, NULL, 0, &st);
	UChar *d = xmalloc(((size_t)need + 1) * sizeof(*d));

	st = U_ZERO_ERROR;
	*n = unorm2_normalize(nf, u, un, d, need + 1, &st);
	check(U_SUCCESS(st));
	free(u);
	return d;
}

/* The matcher's folding: NFC, then u_foldCase() of each code point. */
static char *
simple_fold(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;
	UChar *u = normalized(unorm2_getNFCInstance(&st), s, &n);
	UChar *f = xmalloc(((size_t)n * 2 + 1) * sizeof(*f));
	int32_t k = 0;

	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(u, i, n, c);
		U16_APPEND_UNSAFE(f, k, u_foldCase(c, U_FOLD_CASE_DEFAULT));
	}
	char *out = to_utf8(f, k);
	free(f);
	free(u);
	return out;
}

static char *
nfd(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;
	UChar *u = normalized(unorm2_getNFDInstance(&st), s, &n);
	char *out = to_utf8(u, n);
	free(u);
	return out;
}

/* The facts wildcard.h states. */
static void
check_documented(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	check(match("?", "ß"));
	check(!match("STRASSE", "straße"));
	check(match("ΣΑΣ", "σας"));
	check(match("I", "i") && !match("I", "ı"));
	check(match("İ", "İ") && !match("İ", "i") && !match("İ", "I"));
	check(match("[A-Z]", "q") && !match("[]", ""));
}

static bool
is_literal(const char *s)
{
	return strpbrk(s, "*?[`") == NULL;
}

/* A literal text and its folded and decomposed forms match each other. */
static void
check_literal(const char *text)
{
	char *f = simple_fold(text), *d = nfd(text);

	check(match(text, text));
	check(match(text, f) && match(f, text));
	check(match(text, d) && match(d, text));
	char *a = fold_case(text), *b = fold_case(f), *c = fold_case(a);
	check(strcmp(a, b) == 0);
	check(strcmp(a, c) == 0);
	free(a);
	free(b);
	free(c);
	free(d);
	free(f);
}

static void
check_pattern(const char *pattern, const char *text)
{
	char *ft = simple_fold(text), *dt = nfd(text);
	char *fp = simple_fold(pattern);
	bool m = match(pattern, text);

	check(match(pattern, ft) == m);
	check(match(pattern, dt) == m);
	check(match(fp, text) == m);
	free(fp);
	free(dt);
	free(ft);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	check_documented();
	const uint8_t *sep = memchr(data, 0, size);
	size_t plen = sep ? (size_t)(sep - data) : size;
	char *pattern = expand(data, plen);
	char *text = sep ? expand(sep + 1, size - plen - 1) : xstrdup("");

	if (is_literal(text))
		check_literal(text);
	if (is_literal(pattern))
		check_literal(pattern);
	check_pattern(pattern, text);
	free(text);
	free(pattern);
	return 0;
}
