/* SPDX-License-Identifier: MIT */
/*
 * Line breaking and display width.  ICU finds the UAX #14 break
 * opportunities; this file vetoes the ones help text must not use, fills
 * lines greedily and falls back to grapheme clusters for a run wider
 * than a line.
 *
 * Every walk over the text moves forward.  A cursor (struct tw_pos) steps
 * through the UTF-8 bytes and the UTF-16 copy that ICU reads in lockstep,
 * so a break found in UTF-16 maps back to a byte offset without an index
 * array, and a wrap costs time linear in the length of the line.
 *
 * Text of tab and printable ASCII takes a fast path: the breaks come from
 * textwrap_ascii.c, the offsets are the same in both encodings and no ICU
 * iterator is opened until a line needs one.  Text that adds only Latin
 * letters (Swedish, German, French...) takes the same break walker over a
 * narrowed copy (TEXTWRAP_LETTER), whose offsets are UTF-16 offsets, and
 * the general path for the rest: still no ICU iterator.  In both, every
 * unit is one cell, so the breaks that surely fit on the line are judged
 * from the units alone (see struct quick).
 */
#include "textwrap.h"
#include "textwrap_ascii.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "exitcodes.h"
#include "xalloc.h"

/* A UTF-16 buffer larger than this is freed after the call. */
#define TW_KEEP_UNITS 65536

struct textwrap {
	UBreakIterator *line;  /* UAX #14 break opportunities; lazy */
	UBreakIterator *chars; /* grapheme clusters, for overlong runs; lazy */
	char locale[ULOC_FULLNAME_CAPACITY]; /* ICU id both iterators use */
	UChar *u16;			     /* the text of the current call */
	size_t u16cap;
	unsigned char *narrow; /* or its narrowed form (textwrap_narrow) */
	size_t narrowcap;
	struct tw_span *spans; /* the caller's spans, sorted and merged */
	size_t spancap;
	bool keep_all; /* Korean: break between words only (CSS keep-all) */
	bool icu_only; /* no ASCII fast path (tests compare the two) */
};

/* A place in the text in both encodings, with the width before it. */
struct tw_pos {
	size_t b;     /* byte offset */
	int32_t u;    /* UTF-16 offset */
	size_t cells; /* width of text[0, b), with U+00AD as 0 */
	bool shy;     /* the code point just before is U+00AD */
};

/* The state of one textwrap_wrap call. */
struct wrap {
	struct textwrap *tw;
	const char *s;
	size_t len;
	int32_t n16;
	size_t width;
	const struct tw_span *spans;
	size_t nspans;
	struct tw_piece *out;
	size_t n, cap;
	bool ascii;		/* breaks from textwrap_ascii.c, not ICU */
	bool narrowed;		/* the same over tw->narrow; u = its offsets */
	struct tw_ascii ascii_it;
	struct tw_pos line;	/* start of the line being filled */
	struct tw_pos last;	/* last usable break on this line */
	struct tw_pos last_end; /* where the line would end there */
	bool have_last;
	bool chars_set; /* tw->chars was given the text (or failed) */
	bool chars_ok;
	size_t gspan;	  /* span sweep index of split_run */
	size_t wide_span; /* a span wider than a line, or SIZE_MAX */
};

/* The main scan over ICU's break opportunities. */
struct scan {
	struct tw_pos cur; /* at the opportunity being judged */
	struct tw_pos end; /* after the last non-space before cur */
	UChar32 prev;	   /* the code point before cur */
	size_t span;	   /* sweep index into the spans */
};

static const UChar no_text[1];

/* ---------- code points ---------- */

/* Line-break class of c (UAX #14). */
static int
lb_class(UChar32 c)
{
	int ascii = c >= 0 && c < 0x80 ? textwrap_ascii_class((unsigned char)c)
				       : 0;

	if (ascii)
		return ascii; /* the table ICU's own answers are checked against */
	return c < 0 ? U_LB_UNKNOWN : u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
}


static unsigned
cp_cells(UChar32 c)
{
	if ((c >= 0x20 && c < 0x7F) || textwrap_latin_letter((uint32_t)c))
		return 1;
	if (c == 0x200B)
		return 0;
	switch (u_charType(c)) {
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_FORMAT_CHAR: /* ZWJ, U+00AD (see piece_cells) */
		return 0;
	default:
		break;
	}
	switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
	case U_EA_WIDE:
	case U_EA_FULLWIDTH:
		return 2;
	default:
		return 1;
	}
}

/* White space that a break swallows; the no-break spaces are text. */
static bool
is_drop_space(UChar32 c)
{
	if (c < 0x80)
		return c == ' ' ||
		       (c >= '\t' && c <= '\r'); /* c < 0: invalid */
	if (c == 0xA0 || c == 0x2007 || c == 0x202F)
		return false;
	return u_isUWhiteSpace(c);
}

/*
 * Moves p over one code point and returns it, or a negative value for an
 * invalid sequence.  ICU's converter and U8_NEXT agree on where invalid
 * sequences end (maximal subparts), each becoming one U+FFFD.  Inlined by
 * force, like walk(): through a call, the copies of struct tw_pos that
 * follow each step stall on store forwarding (half the speed).
 */
static inline __attribute__((always_inline)) UChar32
step(const char *s, size_t len, struct tw_pos *p)
{
	size_t i = p->b;
	UChar32 c = (unsigned char)s[i];

	if (c < 0x80) { /* every ASCII character is one cell, even controls */
		p->cells++;
		p->u++;
		p->shy = false;
		p->b++;
		return c;
	}
	U8_NEXT((const uint8_t *)s, i, len, c);
	if (c < 0) {
		p->cells += i - p->b; /* one cell per invalid byte */
		p->u += 1;
	} else {
		p->cells += cp_cells(c);
		p->u += U16_LENGTH(c);
	}
	p->shy = c == 0xAD;
	p->b = i;
	return c;
}

/* Width of the piece [a, b): a soft hyphen that ends it shows as '-'. */
static size_t
piece_cells(const struct tw_pos *a, const struct tw_pos *b)
{
	if (b->b <= a->b)
		return 0;
	return b->cells - a->cells + (b->shy ? 1 : 0);
}

static const struct tw_pos *
later(const struct tw_pos *a, const struct tw_pos *b)
{
	return b->b > a->b ? b : a;
}

/* The length of the ASCII start of s, eight bytes at a time. */
static size_t
ascii_prefix(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t v;

	for (; i + 8 <= len; i += 8) {
		memcpy(&v, s + i, 8);
		if (v & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
textwrap_width(const char *s, size_t len)
{
	struct tw_pos p = { 0 };

	if (s == NULL)
		return 0;
	p.b = ascii_prefix(s, len);
	p.cells = p.b;
	while (p.b < len)
		step(s, len, &p);
	return p.cells + (p.shy ? 1 : 0);
}

bool
textwrap_fits(const char *s, size_t len, size_t width)
{
	struct tw_pos p = { 0 };

	/* no character takes more cells than bytes, a final soft hyphen
	   included (two bytes, one cell) */
	if (s == NULL || len <= width)
		return true;
	p.b = ascii_prefix(s, width + 1); /* len > width */
	p.cells = p.b;
	/* cells never decrease along the text */
	while (p.b < len && p.cells <= width)
		step(s, len, &p);
	return p.cells + (p.shy ? 1 : 0) <= width;
}

/* ---------- walking ---------- */

/*
 * Steps p forward to UTF-16 offset u or byte offset b, whichever comes
 * first, keeping *end just after the last code point that is not space.
 */
static inline __attribute__((always_inline)) void
walk(const struct wrap *w, struct tw_pos *p, struct tw_pos *end, int32_t u,
     size_t b)
{
	struct tw_pos q = *p; /* a local copy stays in registers */

	while (q.u < u && q.b < b && q.b < w->len) {
		if (!is_drop_space(step(w->s, w->len, &q)))
			*end = q;
	}
	*p = q;
}

static void
skip_space(const struct wrap *w, struct tw_pos *p)
{
	while (p->b < w->len) {
		struct tw_pos q = *p;

		if (!is_drop_space(step(w->s, w->len, &q)))
			break;
		*p = q;
	}
}

/* The span holding byte b (start <= b < end), if any; b never decreases. */
static const struct tw_span *
span_over(const struct wrap *w, size_t *k, size_t b)
{
	while (*k < w->nspans && w->spans[*k].end <= b)
		(*k)++;
	if (*k < w->nspans && w->spans[*k].start <= b)
		return &w->spans[*k];
	return NULL;
}

/* ---------- output ---------- */

static void
push(struct wrap *w, size_t start, size_t end)
{
	w->out = xgrow(w->out, &w->cap, w->n + 1, sizeof(*w->out));
	w->out[w->n].start = start;
	w->out[w->n].end = end;
	w->n++;
}

/* Ends the current line at end; a line of nothing but space is dropped. */
static void
emit(struct wrap *w, const struct tw_pos *end)
{
	if (end->b > w->line.b)
		push(w, w->line.b, end->b);
}

/* ---------- grapheme fallback ---------- */

static UBreakIterator *open_iter(UBreakIteratorType type, const char *id);

static void
set_chars(struct wrap *w)
{
	UErrorCode err = U_ZERO_ERROR;

	if (w->chars_set)
		return;
	/* Most text never needs grapheme breaks: open the iterator late. */
	if (w->tw->chars == NULL)
		w->tw->chars = open_iter(UBRK_CHARACTER, w->tw->locale);
	ubrk_setText(w->tw->chars, w->tw->u16, w->n16, &err);
	w->chars_set = true;
	w->chars_ok = U_SUCCESS(err);
}

/* The grapheme boundary after g; ASCII needs no ICU call. */
static int32_t
next_grapheme(const struct wrap *w, const struct tw_pos *g)
{
	const unsigned char *s = (const unsigned char *)w->s + g->b;
	int32_t u = UBRK_DONE;

	if (s[0] < 0x80 && s[0] != '\r' && (g->b + 1 == w->len || s[1] < 0x80))
		return g->u + 1;
	if (w->chars_ok)
		u = ubrk_following(w->tw->chars, g->u);
	return u == UBRK_DONE || u <= g->u ? g->u + 1 : u;
}

/*
 * Moves g to the next place split_run may cut: the next grapheme
 * boundary, or past the nobreak span that the grapheme enters when the
 * rest of that span fits on a line.
 */
static void
next_unit(struct wrap *w, struct tw_pos *g, struct tw_pos *gend,
	  const struct tw_pos *limit)
{
	struct tw_pos start = *g, p, e;
	const struct tw_span *sp;

	walk(w, g, gend, next_grapheme(w, g), limit->b);
	sp = span_over(w, &w->gspan, g->b);
	if (sp == NULL || sp->start == g->b ||
	    (size_t)(sp - w->spans) == w->wide_span)
		return;
	p = *g;
	e = *gend;
	walk(w, &p, &e, INT32_MAX, sp->end < limit->b ? sp->end : limit->b);
	if (piece_cells(&start, later(&start, &e)) <= w->width) {
		*g = p;
		*gend = e;
	} else {
		w->wide_span = (size_t)(sp - w->spans);
	}
}

/* A place split_run may cut at, and where the piece then ends. */
struct cut {
	struct tw_pos at, end;
};

/*
 * Cuts the line at the best place before g: after white space if the
 * line has some, else at the last unit that fits, else after the single
 * unit that is wider than the line.
 */
static void
cut_line(struct wrap *w, const struct cut *word, const struct cut *fit,
	 const struct cut *here)
{
	const struct cut *c = here;

	if (word->at.b > w->line.b)
		c = word;
	else if (fit->at.b > w->line.b)
		c = fit;
	emit(w, &c->end);
	w->line = c->at;
	skip_space(w, &w->line);
}

/*
 * Breaks [line, limit), a run with no usable break that is wider than a
 * line, between grapheme clusters until the rest fits on one line.
 */
/*
 * Where an overlong run is best cut: after a hyphen inside a word
 * (PowerShell-|Installationsverzeichnis) or after '/', '?' or '&' (URLs).
 */
/* The code point that ends just before byte b. */
static UChar32
cp_before(const struct wrap *w, size_t b)
{
	if (b == 0)
		return -1;
	size_t a = b - 1;
	while (a > 0 && ((unsigned char)w->s[a] & 0xC0) == 0x80)
		a--;
	struct tw_pos p = { .b = a };
	return step(w->s, w->len, &p);
}

static bool
soft_cut_after(const struct wrap *w, const struct tw_pos *g)
{
	if (g->b < 2 || g->b >= w->len)
		return false;
	unsigned char c = (unsigned char)w->s[g->b - 1];
	if (c == '/' || c == '?' || c == '&')
		return true;
	UChar32 before = cp_before(w, g->b - 1);
	return c == '-' && before > 0 && u_isalnum(before);
}

/* No line may start with closing punctuation or a small kana, nor end
   with opening punctuation, even where a long run is cut. */
static bool
cut_allowed(const struct wrap *w, const struct tw_pos *g)
{
	if (g->b == 0 || g->b >= w->len)
		return true;
	struct tw_pos q = *g;
	UChar32 after = step(w->s, w->len, &q);
	int next = lb_class(after);
	UChar32 before = cp_before(w, g->b);
	if (before == '-' && after > 0 && u_isalnum(after))
		return false; /* a lone '-' of -Name at the end of a line */
	return lb_class(before) != U_LB_OPEN_PUNCTUATION &&
	       next != U_LB_CLOSE_PUNCTUATION &&
	       next != U_LB_CLOSE_PARENTHESIS && next != U_LB_EXCLAMATION &&
	       next != U_LB_NONSTARTER &&
	       next != U_LB_CONDITIONAL_JAPANESE_STARTER;
}

static void
split_run(struct wrap *w, const struct tw_pos *limit)
{
	struct tw_pos g = w->line, gend = w->line;
	struct cut word = { w->line, w->line }, fit = word, good = word,
		   soft = word, here;

	set_chars(w);
	while (g.b < limit->b) {
		next_unit(w, &g, &gend, limit);
		here.at = g;
		here.end = *later(&w->line, &gend);
		while (piece_cells(&w->line, &here.end) > w->width) {
			/* a soft cut, else one the punctuation allows, else
			   any that fits */
			const struct cut *c = soft.at.b > w->line.b   ? &soft
					      : good.at.b > w->line.b ? &good
								  : &fit;
			cut_line(w, &word, c, &here);
			here.end = *later(&w->line, &gend);
		}
		fit = here;
		if (cut_allowed(w, &g))
			good = here;
		if (soft_cut_after(w, &g))
			soft = here;
		if (gend.b < g.b)
			word = here; /* the unit ended in white space */
	}
}

/* ---------- the main scan ---------- */

/* Byte b of an ASCII text: offsets and width are all b. */
static struct tw_pos
ascii_pos(size_t b)
{
	struct tw_pos p = { .b = b, .u = (int32_t)b, .cells = b };

	return p;
}

/* scan_to for ASCII: jumps, then looks back for the last non-space. */
static void
scan_ascii_to(const struct wrap *w, struct scan *sc, size_t to)
{
	size_t from = sc->cur.b, k = to;

	if (to <= from)
		return;
	while (k > from && is_drop_space((unsigned char)w->s[k - 1]))
		k--;
	if (k > from)
		sc->end = ascii_pos(k);
	sc->prev = (unsigned char)w->s[to - 1];
	sc->cur = ascii_pos(to);
}

/* p moved forward to unit `unit` of narrowed text: one byte in the
   narrowed copy a unit, two in the text for a letter, one cell each. */
static struct tw_pos
narrowed_pos(const struct wrap *w, struct tw_pos p, size_t unit)
{
	const unsigned char *n = w->tw->narrow;
	size_t letters = 0;

	for (size_t i = (size_t)p.u; i < unit; i++)
		letters += n[i] == TEXTWRAP_LETTER;
	p.b += unit - (size_t)p.u + letters;
	p.cells += unit - (size_t)p.u;
	p.u = (int32_t)unit;
	return p;
}

/* scan_to for narrowed text, over the narrowed copy: a letter is one
   unit and one cell, and never space. */
static void
scan_narrowed_to(const struct wrap *w, struct scan *sc, int32_t u)
{
	const unsigned char *n = w->tw->narrow, *s = (const unsigned char *)w->s;
	size_t from = (size_t)sc->cur.u, to = (size_t)u, k;

	if (to > (size_t)w->n16)
		to = (size_t)w->n16;
	if (to <= from)
		return;
	k = to;
	while (k > from && n[k - 1] < 0x80 && is_drop_space(n[k - 1]))
		k--;
	if (k > from)
		sc->end = narrowed_pos(w, sc->cur, k);
	sc->cur = narrowed_pos(w, k > from ? sc->end : sc->cur, to);
	sc->prev = n[to - 1] < 0x80 ? n[to - 1]
				    : (UChar32)(s[sc->cur.b - 2] & 0x1F) << 6 |
					      (s[sc->cur.b - 1] & 0x3F);
}

static void
scan_to(const struct wrap *w, struct scan *sc, int32_t u)
{
	struct tw_pos q = sc->cur;

	if (w->ascii) {
		scan_ascii_to(w, sc, (size_t)u < w->len ? (size_t)u : w->len);
		return;
	}
	if (w->narrowed) {
		scan_narrowed_to(w, sc, u);
		return;
	}
	while (q.u < u && q.b < w->len) {
		UChar32 c = step(w->s, w->len, &q);

		if (!is_drop_space(c))
			sc->end = q;
		sc->prev = c;
	}
	sc->cur = q;
}

/* Keep-all: inside a Korean word (no space before the break) there is
   no break, whatever the scripts on either side. */
static bool
inside_korean_word(const struct wrap *w, const struct scan *sc)
{
	return w->tw->keep_all && sc->prev > 0 && !u_isUWhiteSpace(sc->prev) &&
	       sc->cur.b < w->len && !is_drop_space((unsigned char)w->s[sc->cur.b]);
}

/* A break right after the '-' of a word such as Exit-PSSession, or of a
   parameter reference such as -Name (in any script: "、-Name"). */
static bool
hyphen_joins(const struct wrap *w, const struct scan *sc)
{
	struct tw_pos q = sc->cur;
	UChar32 next;

	if (sc->prev != '-')
		return false;
	if (q.b >= w->len)
		return false;
	next = step(w->s, w->len, &q);
	return next > 0 && u_isalnum(next);
}

static bool
vetoed(const struct wrap *w, struct scan *sc)
{
	const struct tw_span *sp = span_over(w, &sc->span, sc->cur.b);

	if (sp != NULL && sp->start < sc->cur.b)
		return true;
	return hyphen_joins(w, sc) || inside_korean_word(w, sc);
}

/* Greedy fill: decides about the usable break at sc->cur. */
static void
take(struct wrap *w, const struct scan *sc)
{
	struct tw_pos end = *later(&w->line, &sc->end);

	if (piece_cells(&w->line, &end) > w->width && w->have_last) {
		emit(w, &w->last_end);
		w->line = *later(&w->line, &w->last);
		skip_space(w, &w->line);
		end = *later(&w->line, &sc->end);
	}
	if (piece_cells(&w->line, &end) > w->width)
		split_run(w, &end);
	w->have_last = true;
	w->last = *later(&w->line, &sc->cur);
	w->last_end = *later(&w->line, &sc->end);
}

static UBreakIterator *line_iter(struct textwrap *tw);

/* The next break opportunity, or UBRK_DONE. */
static int32_t
next_break(struct wrap *w)
{
	size_t b;

	if (!w->ascii && !w->narrowed)
		return ubrk_next(w->tw->line);
	b = textwrap_ascii_next(&w->ascii_it);
	return b == SIZE_MAX ? UBRK_DONE : (int32_t)b; /* len < INT32_MAX */
}

/* The first break opportunity after the start of the text. */
static int32_t
first_break(struct wrap *w)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi;

	if (w->ascii || w->narrowed) {
		textwrap_ascii_begin(&w->ascii_it,
				     w->ascii ? w->s : (const char *)w->tw->narrow,
				     (size_t)w->n16);
		return next_break(w);
	}
	bi = line_iter(w->tw);
	ubrk_setText(bi, w->tw->u16, w->n16, &err);
	if (U_FAILURE(err))
		return UBRK_DONE;
	ubrk_first(bi);
	return ubrk_next(bi);
}

/*
 * The quick path of wrap_line, for ASCII and narrowed text (one cell a
 * unit) without keep-all: a break at most `width` units past the line's
 * start leaves a piece that fits, so take() would only note it as the
 * line's last break.  Such breaks are judged here from the units alone,
 * and only the last one is handed to scan_to and take.
 */
struct quick {
	size_t u, b;   /* a unit and its byte offset, moving forward */
	int32_t noted; /* the last usable break not yet taken, or -1 */
};

static bool
can_go_quick(const struct wrap *w)
{
	return (w->ascii || w->narrowed) && !w->tw->keep_all;
}

/* The byte offset of unit u, at or after q's. */
static size_t
quick_byte(const struct wrap *w, struct quick *q, size_t u)
{
	const unsigned char *n = w->tw->narrow;

	if (w->ascii)
		return u;
	for (; q->u < u; q->u++)
		q->b += n[q->u] == TEXTWRAP_LETTER ? 2 : 1;
	return q->b;
}

/* vetoed() for the break at unit u, byte b (0 < u < n16). */
static bool
quick_vetoed(const struct wrap *w, struct scan *sc, size_t u, size_t b)
{
	const unsigned char *units = w->ascii ? (const unsigned char *)w->s
					      : w->tw->narrow;
	const struct tw_span *sp = span_over(w, &sc->span, b);

	if (sp != NULL && sp->start < b)
		return true;
	/* hyphen_joins: a narrowed letter is alphanumeric */
	return units[u - 1] == '-' &&
	       (units[u] == TEXTWRAP_LETTER ||
		(units[u] < 0x80 && u_isalnum(units[u])));
}

/* Whether break u was judged quickly (and noted when usable). */
static bool
quick_break(struct wrap *w, struct scan *sc, struct quick *q, int32_t u)
{
	if (u < w->line.u || (size_t)(u - w->line.u) > w->width)
		return false;
	if (!quick_vetoed(w, sc, (size_t)u, quick_byte(w, q, (size_t)u)))
		q->noted = u;
	return true;
}

/* Takes the noted break, as the plain loop would have. */
static void
take_noted(struct wrap *w, struct scan *sc, struct quick *q)
{
	if (q->noted >= 0) {
		scan_to(w, sc, q->noted);
		take(w, sc);
		q->noted = -1;
	}
}

static void
wrap_line(struct wrap *w)
{
	struct scan sc;
	struct quick q = { 0, 0, -1 };
	bool quick = can_go_quick(w);
	int32_t u;

	memset(&sc, 0, sizeof(sc));
	for (u = first_break(w); u != UBRK_DONE && u < w->n16;
	     u = next_break(w)) {
		if (quick && quick_break(w, &sc, &q, u))
			continue;
		take_noted(w, &sc, &q);
		scan_to(w, &sc, u);
		if (!vetoed(w, &sc))
			take(w, &sc);
		q.u = (size_t)sc.cur.u;
		q.b = sc.cur.b;
	}
	take_noted(w, &sc, &q);
	scan_to(w, &sc, w->n16);
	take(w, &sc);
	sc.end = *later(&w->line, &sc.end);
	if (sc.end.b > w->line.b || w->n == 0)
		push(w, w->line.b, sc.end.b);
}

/* ---------- setup ---------- */

static int
span_cmp(const void *a, const void *b)
{
	const struct tw_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Copies the spans into tw->spans, clamped, sorted and merged. */
static size_t
prepare_spans(struct textwrap *tw, size_t len, const struct tw_span *in,
	      size_t n)
{
	size_t m = 0, k = 0;

	if (in == NULL || n == 0)
		return 0;
	tw->spans = xgrow(tw->spans, &tw->spancap, n, sizeof(*tw->spans));
	for (size_t i = 0; i < n; i++) {
		struct tw_span sp = in[i];

		if (sp.end > len)
			sp.end = len;
		if (sp.start < sp.end && sp.end - sp.start >= 2)
			tw->spans[m++] = sp; /* a shorter one has no inside */
	}
	qsort(tw->spans, m, sizeof(*tw->spans), span_cmp);
	for (size_t i = 0; i < m; i++) {
		if (k > 0 && tw->spans[i].start < tw->spans[k - 1].end) {
			if (tw->spans[i].end > tw->spans[k - 1].end)
				tw->spans[k - 1].end = tw->spans[i].end;
		} else {
			tw->spans[k++] = tw->spans[i];
		}
	}
	return k;
}

/* ASCII needs no UTF-16 copy, nor grapheme breaks: every byte is one. */
static bool
try_ascii(struct wrap *w)
{
	if (w->tw->icu_only || !TEXTWRAP_ASCII_RULES || w->len >= INT32_MAX ||
	    !textwrap_ascii_only(w->s, w->len))
		return false;
	w->ascii = true;
	w->n16 = (int32_t)w->len;
	w->chars_set = true;
	w->chars_ok = false;
	return true;
}

/*
 * Latin letters need no UTF-16 copy nor grapheme breaks either: each is
 * one unit, one cell and one cluster.  Texts too short to wrap are not
 * narrowed.
 */
static bool
try_narrow(struct wrap *w)
{
	struct textwrap *tw = w->tw;
	size_t n;

	if (tw->icu_only || !TEXTWRAP_ASCII_RULES || w->len >= INT32_MAX ||
	    w->len <= w->width)
		return false;
	tw->narrow = xgrow(tw->narrow, &tw->narrowcap, w->len, 1);
	n = textwrap_narrow(w->s, w->len, tw->narrow);
	if (n == SIZE_MAX)
		return false;
	w->narrowed = true;
	w->n16 = (int32_t)n;
	w->chars_set = true;
	w->chars_ok = false;
	return true;
}

/* fits_one_line for narrowed text: each unit is one cell, and the
   trailing space is ASCII. */
static bool
fits_narrow(const struct wrap *w, struct tw_pos *end)
{
	size_t n = (size_t)w->n16, k = n;

	while (k > 0 && is_drop_space(w->tw->narrow[k - 1]))
		k--;
	end->b = w->len - (n - k);
	end->u = (int32_t)k;
	end->cells = k;
	end->shy = false;
	return k <= w->width;
}

/* fits_one_line for ASCII: the width is where the trailing space starts. */
static bool
fits_ascii(const struct wrap *w, struct tw_pos *end)
{
	size_t k = w->len;

	while (k > 0 && is_drop_space((unsigned char)w->s[k - 1]))
		k--;
	*end = ascii_pos(k);
	return k <= w->width;
}

static bool
to_utf16(struct wrap *w)
{
	struct textwrap *tw = w->tw;
	UErrorCode err = U_ZERO_ERROR;
	size_t cap;

	if (w->len >= INT32_MAX)
		return false;
	tw->u16 = xgrow(tw->u16, &tw->u16cap, w->len + 1, sizeof(UChar));
	cap = tw->u16cap < INT32_MAX ? tw->u16cap : INT32_MAX;
	u_strFromUTF8WithSub(tw->u16, (int32_t)cap, &w->n16, w->s,
			     (int32_t)w->len, 0xFFFD, NULL, &err);
	return U_SUCCESS(err);
}

/* Drops a big buffer, first pointing the iterators away from it. */
static void
release(struct textwrap *tw)
{
	UErrorCode err = U_ZERO_ERROR;

	if (tw->narrowcap > TW_KEEP_UNITS) {
		free(tw->narrow);
		tw->narrow = NULL;
		tw->narrowcap = 0;
	}
	if (tw->u16cap <= TW_KEEP_UNITS)
		return;
	if (tw->line)
		ubrk_setText(tw->line, no_text, 0, &err);
	err = U_ZERO_ERROR;
	if (tw->chars)
		ubrk_setText(tw->chars, no_text, 0, &err);
	free(tw->u16);
	tw->u16 = NULL;
	tw->u16cap = 0;
}

/* Where the only piece ends if the text fits (bail: stop when it can't). */
static bool
fits_one_line(const struct wrap *w, struct tw_pos *end, bool bail)
{
	struct tw_pos p = { 0 }, zero = { 0 };

	*end = p;
	while (p.b < w->len) {
		if (is_drop_space(step(w->s, w->len, &p)))
			continue;
		*end = p;
		if (bail && piece_cells(&zero, end) > w->width)
			return false;
	}
	return piece_cells(&zero, end) <= w->width;
}

size_t
textwrap_wrap(struct textwrap *tw, const char *s, size_t len, size_t width,
	      const struct tw_span *nobreak, size_t nnobreak,
	      struct tw_piece **out)
{
	struct wrap w;
	struct tw_pos end;
	bool fits;

	memset(&w, 0, sizeof(w));
	w.tw = tw;
	w.s = s;
	w.len = s != NULL ? len : 0;
	w.width = width > 0 ? width : SIZE_MAX;
	w.wide_span = SIZE_MAX;
	if (try_ascii(&w))
		fits = fits_ascii(&w, &end);
	else if (try_narrow(&w))
		fits = fits_narrow(&w, &end);
	else
		fits = fits_one_line(&w, &end, true);
	if (!fits && (w.ascii || w.narrowed || to_utf16(&w))) {
		w.nspans = prepare_spans(tw, w.len, nobreak, nnobreak);
		w.spans = tw->spans;
		wrap_line(&w);
		if (!w.ascii)
			release(tw);
	} else {
		if (!fits) /* too long for ICU (2 GiB): not wrapped */
			fits_one_line(&w, &end, false);
		push(&w, 0, end.b);
	}
	*out = w.out;
	return w.n;
}

/*
 * Turns a BCP 47 tag or an ICU/POSIX id into an ICU id.  Anything odd
 * becomes "" (root rules); an unknown id makes ICU fall back to root.
 */
static void
icu_locale(const char *tag, char *id, size_t cap)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyz"
				 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-@=;";
	char tmp[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	int32_t used = 0;
	size_t n;

	id[0] = '\0';
	if (tag == NULL)
		return;
	n = strcspn(tag, "."); /* sv_SE.UTF-8: drop the codeset */
	if (n == 0 || n >= cap || n >= sizeof(tmp) || strspn(tag, ok) < n)
		return;
	memcpy(id, tag, n);
	id[n] = '\0';
	if (strpbrk(id, "_@") != NULL)
		return; /* already an ICU id */
	uloc_forLanguageTag(id, tmp, sizeof(tmp), &used, &err);
	if (U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING &&
	    used == (int32_t)n)
		snprintf(id, cap, "%s", tmp);
}

static UBreakIterator *
open_iter(UBreakIteratorType type, const char *id)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(type, id, NULL, 0, &err);

	if (U_FAILURE(err)) {
		err = U_ZERO_ERROR;
		bi = ubrk_open(type, "", NULL, 0, &err);
	}
	if (U_FAILURE(err)) {
		fprintf(stderr, "pshelp: no ICU break iterator: %s\n",
			u_errorName(err));
		exit(EXIT_SYSTEM);
	}
	return bi;
}

struct textwrap *
textwrap_new(const char *locale)
{
	struct textwrap *tw = xcalloc(1, sizeof(*tw));
	char id[ULOC_FULLNAME_CAPACITY];

	icu_locale(locale, id, sizeof(id));
	tw->keep_all = strncmp(id, "ko", 2) == 0 && (id[2] == '\0' ||
						      id[2] == '_');
	/* Japanese: the strict rule, no line starting with a small kana or
	   the prolonged sound mark */
	if (strncmp(id, "ja", 2) == 0 && (id[2] == '\0' || id[2] == '_') &&
	    !strchr(id, '@'))
		snprintf(id + strlen(id), sizeof(id) - strlen(id), "@lb=strict");
	snprintf(tw->locale, sizeof(tw->locale), "%s", id);
	return tw;
}

/* Opening costs more than wrapping a page of ASCII: only when needed. */
static UBreakIterator *
line_iter(struct textwrap *tw)
{
	if (tw->line == NULL)
		tw->line = open_iter(UBRK_LINE, tw->locale);
	return tw->line;
}

void
textwrap_force_icu(struct textwrap *tw, bool icu_only)
{
	tw->icu_only = icu_only;
}

void
textwrap_free(struct textwrap *tw)
{
	if (tw == NULL)
		return;
	if (tw->line)
		ubrk_close(tw->line);
	if (tw->chars)
		ubrk_close(tw->chars);
	free(tw->u16);
	free(tw->narrow);
	free(tw->spans);
	free(tw);
}
