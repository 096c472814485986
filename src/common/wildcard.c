/* SPDX-License-Identifier: MIT */
/*
 * Locale-independent case folding (ICU) and wildcard patterns over folded
 * names, for topic lookup, -Parameter and the psh commands' filters.
 */
#include "wildcard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>

#include "utf8.h"
#include "xalloc.h"

/* Folding looks at this many bytes at most: no name is that long. */
#define FOLD_MAX ((size_t)1 << 20)

/* ---- case folding ---- */

UChar *
utf16_from_utf8(const char *s, size_t len, int32_t *n)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u = xmalloc((len + 1) * sizeof(*u));

	/* Invalid bytes become U+FFFD, which no indexed name contains. */
	u_strFromUTF8WithSub(u, (int32_t)len + 1, n, s, (int32_t)len, 0xFFFD,
			     NULL, &st);
	if (U_FAILURE(st))
		*n = 0;
	return u;
}

static UChar *
normalize(const UNormalizer2 *nf, UChar *src, int32_t n, int32_t *outn)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = unorm2_normalize(nf, src, n, NULL, 0, &st);
	UChar *dst = xmalloc(((size_t)need + 1) * sizeof(*dst));

	st = U_ZERO_ERROR;
	*outn = unorm2_normalize(nf, src, n, dst, need + 1, &st);
	if (U_FAILURE(st))
		*outn = 0;
	free(src);
	return dst;
}

static UChar *
fold16(UChar *src, int32_t n, int32_t *outn)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = u_strFoldCase(NULL, 0, src, n, U_FOLD_CASE_DEFAULT, &st);
	UChar *dst = xmalloc(((size_t)need + 1) * sizeof(*dst));

	st = U_ZERO_ERROR;
	*outn = u_strFoldCase(dst, need + 1, src, n, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st))
		*outn = 0;
	free(src);
	return dst;
}

static char *
utf8_from_utf16(UChar *u, int32_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	char *s;

	u_strToUTF8(NULL, 0, &need, u, n, &st);
	s = xmalloc((size_t)need + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(s, need + 1, NULL, u, n, &st);
	if (U_FAILURE(st))
		need = 0;
	s[need] = '\0';
	free(u);
	return s;
}

/*
 * Canonical caseless form: NFD, default (non-Turkic) folding, NFC.  The
 * NFD/NFC steps make a decomposed file name match a composed query.
 */
char *
fold_case(const char *s)
{
	/* Default case folding maps ASCII to lower case and nothing else:
	 * most names need no trip through UTF-16 and normalization. */
	size_t ascii = 0;
	while (s[ascii] && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (s[ascii] == '\0' && ascii <= FOLD_MAX) {
		char *f = xstrndup(s, ascii);
		for (char *p = f; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		return f;
	}

	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	size_t len = strlen(s);
	int32_t n;
	UChar *u;

	if (len > FOLD_MAX)
		len = FOLD_MAX;
	u = utf16_from_utf8(s, len, &n);
	if (U_SUCCESS(st)) {
		u = normalize(nfd, u, n, &n);
		u = fold16(u, n, &n);
		u = normalize(nfc, u, n, &n);
	} else {
		u = fold16(u, n, &n);
	}
	return utf8_from_utf16(u, n);
}

/* Code points of a folded (hence valid) UTF-8 string; caller frees. */
int32_t *
utf8_decode_all(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	int32_t *cp = xmalloc((len + 1) * sizeof(*cp));

	for (size_t i = 0; i < len;)
		i += utf8_decode(s + i, len - i, &cp[k++]);
	*n = k;
	return cp;
}

/* ---- wildcards ---- */

/*
 * The code points a pattern or a text is compared by: NFC, so that a
 * decomposed file name meets a composed pattern, then simple case folding
 * of each code point, so that every character stays one character for ?
 * and [ ].  At most FOLD_MAX bytes are looked at.
 */
static int32_t *
wc_fold_points(const char *s, size_t *n)
{
	size_t len = strnlen(s, FOLD_MAX), k = 0;
	bool ascii = true;
	int32_t *cp;

	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii) {
		cp = xmalloc((len + 1) * sizeof(*cp));
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			cp[i] = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
		}
		*n = len;
		return cp;
	}

	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	int32_t un;
	UChar *u = utf16_from_utf8(s, len, &un);

	if (U_SUCCESS(st))
		u = normalize(nfc, u, un, &un);
	/* Folding can leave a sequence that composes ("J" + caron folds to
	   "j" + caron, which is U+01F0): fold, then compose again. */
	UChar *f = xmalloc(((size_t)un * 2 + 1) * sizeof(*f));
	int32_t fn = 0;
	for (int32_t i = 0; i < un;) {
		UChar32 c;
		U16_NEXT(u, i, un, c);
		U16_APPEND_UNSAFE(f, fn, u_foldCase(c, U_FOLD_CASE_DEFAULT));
	}
	free(u);
	if (U_SUCCESS(st))
		f = normalize(nfc, f, fn, &fn);
	cp = xmalloc(((size_t)fn + 1) * sizeof(*cp));
	for (int32_t i = 0; i < fn;) {
		UChar32 c;
		U16_NEXT(f, i, fn, c);
		cp[k++] = c;
	}
	free(f);
	*n = k;
	return cp;
}

static void
wc_push(struct wildcard *w, enum wc_kind kind, int32_t cp)
{
	/* A run of stars is one star. */
	if (kind == WC_STAR && w->ntok && w->tok[w->ntok - 1].kind == WC_STAR)
		return;
	w->tok = xgrow(w->tok, &w->tcap, w->ntok + 1, sizeof(*w->tok));
	w->tok[w->ntok] = (struct wc_tok){ kind, cp, w->nrng, 0 };
	w->ntok++;
	if (kind != WC_STAR)
		w->nfixed++;
}

static void
wc_add_range(struct wildcard *w, int32_t lo, int32_t hi)
{
	w->rng = xgrow(w->rng, &w->rcap, w->nrng + 1, sizeof(*w->rng));
	w->rng[w->nrng++] = (struct wc_range){ lo, hi };
	w->tok[w->ntok - 1].count++;
}

/* Index of the ']' closing a class opened at p[i - 1], or n if none. */
static size_t
wc_class_end(const int32_t *p, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (p[i] == '`' && i + 1 < n)
			i++;
		else if (p[i] == ']')
			return i;
	}
	return n;
}

/* Parses the class body p[i, end) into ranges: "abc", "a-z", "`]". */
static void
wc_parse_class(struct wildcard *w, const int32_t *p, size_t i, size_t end)
{
	wc_push(w, WC_CLASS, 0);
	while (i < end) {
		int32_t lo, hi;
		if (p[i] == '`' && i + 1 < end)
			i++;
		lo = hi = p[i++];
		if (i + 1 < end && p[i] == '-') {
			i++;
			if (p[i] == '`' && i + 1 < end)
				i++;
			hi = p[i++];
		}
		wc_add_range(w, lo, hi);
	}
}

void
wildcard_compile(struct wildcard *w, const char *pattern)
{
	size_t n;
	int32_t *p = wc_fold_points(pattern, &n);
	/* Once a '[' finds no ']', no later one can: scanning stays linear. */
	bool closable = true;

	memset(w, 0, sizeof(*w));
	for (size_t i = 0; i < n; i++) {
		size_t end;
		if (p[i] == '*') {
			wc_push(w, WC_STAR, 0);
		} else if (p[i] == '?') {
			wc_push(w, WC_ANY, 0);
		} else if (p[i] == '`' && i + 1 < n) {
			wc_push(w, WC_LIT, p[++i]);
		} else if (p[i] == '[' && closable &&
			   (end = wc_class_end(p, n, i + 1)) < n) {
			wc_parse_class(w, p, i + 1, end);
			i = end;
		} else {
			if (p[i] == '[')
				closable = false;
			/* An unclosed '[' and a trailing '`' are literal. */
			wc_push(w, WC_LIT, p[i]);
		}
	}
	free(p);
}

void
wildcard_release(struct wildcard *w)
{
	free(w->tok);
	free(w->rng);
	memset(w, 0, sizeof(*w));
}

static bool
wc_tok_matches(const struct wildcard *w, const struct wc_tok *t, int32_t c)
{
	switch (t->kind) {
	case WC_ANY:
		return true;
	case WC_LIT:
		return t->cp == c;
	case WC_CLASS:
		for (size_t i = t->first; i < t->first + t->count; i++)
			if (c >= w->rng[i].lo && c <= w->rng[i].hi)
				return true;
		return false;
	default:
		return false;
	}
}

/* Backtracks only to the last star: O(text * pattern) at worst. */
static bool
wc_match(const struct wildcard *w, const int32_t *s, size_t n)
{
	size_t p = 0, t = 0, star = SIZE_MAX, star_t = 0;

	if (w->nfixed > n)
		return false;
	while (t < n) {
		if (p < w->ntok && w->tok[p].kind == WC_STAR) {
			star = p++;
			star_t = t;
		} else if (p < w->ntok && wc_tok_matches(w, &w->tok[p], s[t])) {
			p++;
			t++;
		} else if (star != SIZE_MAX) {
			p = star + 1;
			t = ++star_t;
		} else {
			return false;
		}
	}
	while (p < w->ntok && w->tok[p].kind == WC_STAR)
		p++;
	return p == w->ntok;
}

bool
wildcard_match(const struct wildcard *w, const char *text)
{
	size_t n;
	int32_t *cp = wc_fold_points(text, &n);
	bool ok = wc_match(w, cp, n);

	free(cp);
	return ok;
}

bool
wildcard_match_folded(const char *pattern, const char *text)
{
	struct wildcard w;
	bool ok;

	wildcard_compile(&w, pattern);
	ok = wildcard_match(&w, text);
	wildcard_release(&w);
	return ok;
}

bool
wildcard_has_wildcard(const char *pattern)
{
	for (const char *p = pattern; *p; p++) {
		if (*p == '`' && p[1]) {
			p++;
		} else if (*p == '*' || *p == '?') {
			return true;
		} else if (*p == '[') {
			/* As wc_compile reads it: a class only when a ']'
			   closes it, else a literal '['. */
			const char *q = p + 1;
			while (*q && *q != ']')
				q += (*q == '`' && q[1]) ? 2 : 1;
			if (*q == ']')
				return true;
		}
	}
	return false;
}
