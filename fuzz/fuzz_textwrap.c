/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the line breaker.  Byte 0 picks the width
 * (0..120), byte 1 the locale (low bits) and whether `code spans` are
 * nobreak spans (high bit); the rest is the text, valid UTF-8 or not.
 * Every wrap must keep the invariants of textwrap.h, and give the same
 * pieces as a wrapper forced onto the ICU path (textwrap_force_icu), for
 * the text, for a copy folded into printable ASCII, which always takes
 * the ASCII fast path, and for one whose other bytes become Latin letters
 * (the narrowed path); a violation aborts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "textwrap.h"
#include "textwrap_ascii.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const locales[] = { NULL,
				       "",
				       "en-US",
				       "sv-SE",
				       "ja-JP",
				       "th",
				       "zh-Hans-CN",
				       "ar",
				       "he",
				       "ja@lb=strict",
				       "de-u-lb-loose",
				       "bogus locale!",
				       "C",
				       "en_US.UTF-8",
				       "x-private",
				       "ko" };
#define NLOCALES (sizeof(locales) / sizeof(locales[0]))

static struct textwrap *wrappers[NLOCALES];
static struct textwrap *icu_wrappers[NLOCALES]; /* never the fast path */
static UBreakIterator *graphemes;

/* The white space a break may drop (the no-break spaces are kept). */
static bool
is_space(UChar32 c)
{
	if (c < 0 || c == 0xA0 || c == 0x2007 || c == 0x202F)
		return false;
	return u_isUWhiteSpace(c);
}

static void
check(bool ok)
{
	if (!ok)
		abort();
}

/* True if [start, end) holds only white space. */
static bool
all_space(const uint8_t *s, size_t start, size_t end)
{
	size_t i = start;

	while (i < end) {
		UChar32 c;

		U8_NEXT(s, i, end, c);
		if (!is_space(c))
			return false;
	}
	return true;
}

static UChar32
first_cp(const uint8_t *s, size_t start, size_t end)
{
	UChar32 c;

	U8_NEXT(s, start, end, c);
	return c;
}

static UChar32
last_cp(const uint8_t *s, size_t start, size_t end)
{
	int32_t from = (int32_t)start, to = (int32_t)end;
	UChar32 c;

	U8_PREV(s, from, to, c);
	return c;
}

/* Number of grapheme clusters in s[0, len), counting at most 2. */
static int
grapheme_count(const uint8_t *s, size_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u = xmalloc((len + 1) * sizeof(UChar));
	int32_t n16 = 0, n = 0;

	u_strFromUTF8WithSub(u, (int32_t)len + 1, &n16, (const char *)s,
			     (int32_t)len, 0xFFFD, NULL, &err);
	check(U_SUCCESS(err));
	ubrk_setText(graphemes, u, n16, &err);
	check(U_SUCCESS(err));
	ubrk_first(graphemes);
	while (n < 2 && ubrk_next(graphemes) != UBRK_DONE)
		n++;
	free(u);
	return n;
}

/* Code point boundaries of s, as U8_NEXT sees them. */
static bool *
boundaries(const uint8_t *s, size_t len)
{
	bool *at = xcalloc(len + 1, 1);
	size_t i = 0;

	while (i < len) {
		UChar32 c;

		at[i] = true;
		U8_NEXT(s, i, len, c);
		(void)c;
	}
	at[len] = true;
	return at;
}

static void
check_piece(const uint8_t *s, const struct tw_piece *p, size_t i, size_t width,
	    const bool *at)
{
	size_t n = p->end - p->start;

	check(at[p->start] && at[p->end]);
	if (n == 0)
		return;
	check(!is_space(last_cp(s, p->start, p->end)));
	if (i > 0)
		check(!is_space(first_cp(s, p->start, p->end)));
	if (width > 0 && textwrap_width((const char *)s + p->start, n) > width)
		check(grapheme_count(s + p->start, n) == 1);
}

/* Spans: from each opening backtick to just after its closing one. */
static size_t
code_spans(const uint8_t *s, size_t len, struct tw_span *sp)
{
	size_t n = 0, open = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '`')
			continue;
		if (!in) {
			/* ASCII before and after keep both ends on grapheme boundaries */
			in = i == 0 || s[i - 1] < 0x80;
			open = i;
		} else if (i + 1 == len || s[i + 1] < 0x80) {
			sp[n].start = open;
			sp[n++].end = i + 1;
			in = false;
		}
	}
	return n;
}

/* A break (between pieces) never falls inside a span that fits a line. */
static void
check_spans(const uint8_t *s, const struct tw_piece *p, size_t n,
	    const struct tw_span *sp, size_t nsp, size_t width)
{
	for (size_t k = 0; k < nsp; k++) {
		size_t w = textwrap_width((const char *)s + sp[k].start,
					  sp[k].end - sp[k].start);

		if (width == 0 || w > width)
			continue;
		for (size_t i = 0; i + 1 < n; i++)
			check(!(sp[k].start < p[i].end &&
				p[i + 1].start < sp[k].end));
	}
}

static void
check_wrap(const uint8_t *s, size_t len, size_t width, const struct tw_piece *p,
	   size_t n)
{
	bool *at = boundaries(s, len);
	size_t prev = 0;

	check(n >= 1 && p != NULL);
	check(width != 0 || n == 1);
	check(width != 0 || p[0].start == 0);
	for (size_t i = 0; i < n; i++) {
		check(p[i].start >= prev && p[i].end >= p[i].start);
		check(p[i].end <= len);
		check(all_space(s, prev, p[i].start)); /* only space is lost */
		check_piece(s, &p[i], i, width, at);
		prev = p[i].end;
	}
	check(all_space(s, prev, len));
	free(at);
}

static void
setup(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (graphemes != NULL)
		return;
	for (size_t i = 0; i < NLOCALES; i++) {
		wrappers[i] = textwrap_new(locales[i]);
		icu_wrappers[i] = textwrap_new(locales[i]);
		textwrap_force_icu(icu_wrappers[i], true);
	}
	graphemes = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
	check(U_SUCCESS(err));
}

/* The fast path (where it applies) and the ICU path give the same pieces. */
static void
check_same_as_icu(size_t loc, const uint8_t *s, size_t len, size_t width,
		  const struct tw_span *sp, size_t nsp,
		  const struct tw_piece *p, size_t n)
{
	struct tw_piece *q;
	size_t m = textwrap_wrap(icu_wrappers[loc], (const char *)s, len,
				 width, sp, nsp, &q);

	check(m == n && memcmp(p, q, n * sizeof(*p)) == 0);
	free(q);
}

/* s folded into tab and printable ASCII: the fast path's input. */
static uint8_t *
fold_ascii(const uint8_t *s, size_t len)
{
	uint8_t *t = xmalloc(len + 1);

	for (size_t i = 0; i < len; i++) {
		uint8_t c = s[i] & 0x7F;

		if (c == 0x7F)
			c = '~';
		else if (c < 0x20 && c != '\t')
			c = (uint8_t)(c + 0x20);
		t[i] = c;
	}
	return t;
}

/* s with each byte c of the high half a Latin letter, U+00C0 + 3 (c -
   0x80) (never × or ÷), and the rest folded as above. */
static uint8_t *
fold_latin(const uint8_t *s, size_t len, size_t *outlen)
{
	uint8_t *a = fold_ascii(s, len), *t = xmalloc(2 * len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		uint32_t c = 0xC0 + 3 * (uint32_t)(s[i] - 0x80);

		if (s[i] < 0x80) {
			t[n++] = a[i];
			continue;
		}
		t[n++] = (uint8_t)(0xC0 | c >> 6);
		t[n++] = (uint8_t)(0x80 | (c & 0x3F));
	}
	free(a);
	*outlen = n;
	return t;
}

static void
check_folded(size_t loc, uint8_t *t, size_t len, size_t width, bool spans)
{
	struct tw_span *sp = xmalloc((len / 2 + 1) * sizeof(*sp));
	size_t nsp = spans ? code_spans(t, len, sp) : 0;
	struct tw_piece *p;
	size_t n;

	n = textwrap_wrap(wrappers[loc], (const char *)t, len, width, sp, nsp,
			  &p);
	check_wrap(t, len, width, p, n);
	check_spans(t, p, n, sp, nsp, width);
	check_same_as_icu(loc, t, len, width, sp, nsp, p, n);
	free(p);
	free(sp);
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tw_piece *p, *q;
	struct tw_span *sp;
	size_t n, n2, nsp = 0, width;
	const uint8_t *s;
	struct textwrap *tw;
	size_t loc;

	if (size < 2 || size > (1u << 24))
		return 0;
	setup();
	width = data[0] % 121;
	loc = (data[1] & 0x7F) % NLOCALES;
	tw = wrappers[loc];
	s = data + 2;
	size -= 2;
	sp = xmalloc((size / 2 + 1) * sizeof(*sp));
	if (data[1] & 0x80)
		nsp = code_spans(s, size, sp);
	/* the early-stopping fit test agrees with the whole width */
	check(textwrap_fits((const char *)s, size, width) ==
	      (textwrap_width((const char *)s, size) <= width));
	n = textwrap_wrap(tw, (const char *)s, size, width, sp, nsp, &p);
	check_wrap(s, size, width, p, n);
	check_spans(s, p, n, sp, nsp, width);
	check_same_as_icu(loc, s, size, width, sp, nsp, p, n);
	/* a reused wrapper gives the same answer */
	n2 = textwrap_wrap(tw, (const char *)s, size, width, sp, nsp, &q);
	check(n2 == n && memcmp(p, q, n * sizeof(*p)) == 0);
	free(p);
	free(q);
	free(sp);
	uint8_t *t = fold_ascii(s, size);
	check(textwrap_ascii_only((const char *)t, size));
	check_folded(loc, t, size, width, (data[1] & 0x80) != 0);
	size_t tlen;
	t = fold_latin(s, size, &tlen);
	check(textwrap_narrow((const char *)t, tlen, (unsigned char *)t) ==
	      size);
	free(t);
	t = fold_latin(s, size, &tlen);
	check_folded(loc, t, tlen, width, (data[1] & 0x80) != 0);
	return 0;
}
