/* SPDX-License-Identifier: MIT */
/*
 * The block engine of the text views.  Every line goes through
 * render_put_line(), which owns the empty-line discipline: a block asks for a
 * separating empty line with render_want_blank(), and the request is honoured
 * only when more text follows.  So no view can print two empty lines, a
 * line of spaces or trailing white space.
 */
#include "render_internal.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* Narrowest text column we wrap to, however deep the indentation. */
#define MIN_AVAIL RENDER_MIN_AVAIL
/* Deepest nesting indentation when lines are not wrapped. */
#define MAX_NEST_INDENT 80

/* ---------- lines ---------- */

void
render_want_blank(struct rctx *r)
{
	if (!r->fresh)
		r->blank = true;
}

/* Starts a heading-like line: what follows hangs under it directly. */
void
render_after_heading(struct rctx *r)
{
	r->fresh = true;
	r->blank = false;
}

/* Text for the start of the next line: a list marker or a label. */
void
render_set_marker(struct rctx *r, const char *s, size_t len, size_t w)
{
	strbuf_reset(&r->marker);
	strbuf_add(&r->marker, s, len);
	r->marker_w = w;
	/* A marker of spaces only is just indentation. */
	r->has_marker = strspn(r->marker.buf, " ") < len;
}

/*
 * Appends a line's text: a soft hyphen (U+00AD) shows as '-' where the
 * line was broken after it and disappears elsewhere (textwrap.h).
 */
static void
add_line_text(struct strbuf *out, const char *s, size_t len)
{
	size_t from = 0;
	const char *c;

	/* memchr: a byte loop here was 3% of rendering every page */
	for (size_t i = 0; i + 1 < len; i = (size_t)(c - s) + 1) {
		c = memchr(s + i, 0xC2, len - 1 - i);
		if (c == NULL)
			break;
		if ((unsigned char)c[1] != 0xAD)
			continue;
		size_t at = (size_t)(c - s);
		strbuf_add(out, s + from, at - from);
		if (at + 2 == len)
			strbuf_addch(out, '-');
		from = at + 2;
		c++;
	}
	strbuf_add(out, s + from, len - from);
}

/*
 * Writes one line at indent (a pending marker takes the last columns of
 * the indentation).  Trailing blanks are dropped; an empty line is
 * dropped too, since empty lines only come from render_want_blank().
 */
void
render_put_line(struct rctx *r, size_t indent, const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 && !r->has_marker)
		return;
	if (r->blank)
		strbuf_addch(r->out, '\n');
	r->blank = false;
	r->fresh = false;
	if (r->has_marker) {
		r->has_marker = false;
		strbuf_addchars(r->out, ' ',
				indent > r->marker_w ? indent - r->marker_w
						     : 0);
		strbuf_add(r->out, r->marker.buf, r->marker.len);
		if (len == 0)
			strbuf_rtrim(r->out);
	} else {
		strbuf_addchars(r->out, ' ', indent);
	}
	add_line_text(r->out, s, len);
	strbuf_addch(r->out, '\n');
}

/* Cells available for text at indent; 0 means "do not wrap". */
static size_t
avail(const struct rctx *r, size_t indent)
{
	if (r->width == 0 || r->tw == NULL)
		return 0;
	if (r->width >= indent + MIN_AVAIL)
		return r->width - indent;
	return r->width < MIN_AVAIL ? r->width : MIN_AVAIL;
}

/*
 * The indentation of a nested container: n more, but never so deep that
 * less than MIN_AVAIL cells remain (hostile nesting stays readable and
 * the output stays linear in the input).
 */
static size_t
nest(const struct rctx *r, size_t indent, size_t n)
{
	size_t limit = MAX_NEST_INDENT;
	if (r->width)
		limit = r->width > MIN_AVAIL ? r->width - MIN_AVAIL : 0;
	if (indent + n <= limit)
		return indent + n;
	return indent > limit ? indent : limit;
}

/* Spans of [cut, len) moved to start at 0, clipped; returns the count. */
static size_t
shift_spans(const struct tw_span *sp, size_t n, size_t cut, size_t len,
	    struct tw_span *dst)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t st = sp[i].start < cut ? cut : sp[i].start;
		size_t en = sp[i].end > len ? len : sp[i].end;
		if (st < en)
			dst[k++] = (struct tw_span){ st - cut, en - cut };
	}
	return k;
}

static void
put_pieces(struct rctx *r, size_t ind1, size_t ind2, const char *s, size_t len,
	   const struct tw_piece *pc, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t st = pc[i].start, en = pc[i].end;
		if (en > len || st > en)
			continue;
		render_put_line(r, i ? ind2 : ind1, s + st, en - st);
	}
}

/*
 * Writes one line of text, wrapped: the first line at ind1, the others
 * at ind2.  When the two widths differ, the rest is wrapped again at the
 * narrower width.
 */
static void
put_text(struct rctx *r, size_t ind1, size_t ind2, const char *s, size_t len,
	 const struct tw_span *sp, size_t nsp)
{
	size_t w1 = avail(r, ind1), w2 = avail(r, ind2);
	if (w1 == 0 || textwrap_fits(s, len, w1)) {
		render_put_line(r, ind1, s, len);
		return;
	}
	struct tw_piece *pc = NULL;
	size_t n = textwrap_wrap(r->tw, s, len, w1, sp, nsp, &pc);
	if (w1 == w2 || n < 2 || pc[1].start >= len) {
		put_pieces(r, ind1, ind2, s, len, pc, n);
		free(pc);
		return;
	}
	put_pieces(r, ind1, ind1, s, len, pc, 1);
	size_t cut = pc[1].start;
	free(pc);
	struct tw_span *adj = xcalloc(nsp ? nsp : 1, sizeof(*adj));
	size_t nadj = shift_spans(sp, nsp, cut, len, adj);
	n = textwrap_wrap(r->tw, s + cut, len - cut, w2, adj, nadj, &pc);
	put_pieces(r, ind2, ind2, s + cut, len - cut, pc, n);
	free(pc);
	free(adj);
}

/* ---------- inline text, flattened ---------- */

void
render_flat_init(struct flat *f)
{
	memset(f, 0, sizeof(*f));
	strbuf_init(&f->s);
}

void
render_flat_release(struct flat *f)
{
	strbuf_release(&f->s);
	free(f->spans);
	free(f->segs);
}

/* Buffers bigger than this are not kept for the next text. */
#define FLAT_KEEP_BYTES ((size_t)64 * 1024)

struct flat *
render_flat_begin(struct rctx *r)
{
	struct flat *f = r->flat;

	if (f == NULL || r->flat_busy) {
		f = xmalloc(sizeof(*f));
		render_flat_init(f);
		if (r->flat == NULL)
			r->flat = f;
	}
	if (f == r->flat)
		r->flat_busy = true;
	return f;
}

void
render_flat_end(struct rctx *r, struct flat *f)
{
	if (f != r->flat || f->s.cap > FLAT_KEEP_BYTES ||
	    f->cspans * sizeof(*f->spans) > FLAT_KEEP_BYTES ||
	    f->csegs * sizeof(*f->segs) > FLAT_KEEP_BYTES) {
		render_flat_release(f);
		if (f == r->flat) {
			render_flat_init(f);
			r->flat_busy = false;
		} else {
			free(f);
		}
		return;
	}
	strbuf_reset(&f->s);
	f->nspans = f->nsegs = f->seg_start = 0;
	r->flat_busy = false;
}

void
render_flat_span(struct flat *f, size_t start, size_t end)
{
	if (start >= end)
		return;
	f->spans =
		xgrow(f->spans, &f->cspans, f->nspans + 1, sizeof(*f->spans));
	f->spans[f->nspans++] = (struct tw_span){ start, end };
}

void
render_flat_break(struct flat *f)
{
	f->segs = xgrow(f->segs, &f->csegs, f->nsegs + 1, sizeof(*f->segs));
	f->segs[f->nsegs++] = (struct tw_span){ f->seg_start, f->s.len };
	f->seg_start = f->s.len;
}

/* Appends text made safe for a terminal; tabs become single spaces. */
void
render_flat_add(struct flat *f, const char *s, size_t len)
{
	size_t from = f->s.len;
	if (s)
		utf8_neutralize(&f->s, s, len, false);
	char *end = f->s.buf + f->s.len;
	for (char *t = f->s.buf + from;
	     t < end && (t = memchr(t, '\t', (size_t)(end - t))) != NULL; t++)
		*t = ' ';
}

static bool
is_scheme_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
}

/* Marks scheme://... up to the next space in [from, s.len) as nobreak. */
static void
flat_mark_urls(struct flat *f, size_t from)
{
	const char *s = f->s.buf, *colon;
	size_t len = f->s.len, i = from, low = from;
	while (i + 3 <= len) {
		colon = memchr(s + i, ':', len - 2 - i);
		if (colon == NULL)
			break;
		i = (size_t)(colon - s);
		if (s[i + 1] != '/' || s[i + 2] != '/') {
			i++;
			continue;
		}
		size_t st = i;
		while (st > low && is_scheme_char(s[st - 1]))
			st--;
		size_t en = i + 3;
		while (en < len && s[en] != ' ')
			en++;
		if (i - st >= 2)
			render_flat_span(f, st, en);
		i = low = en;
	}
}

static void
flat_run(struct flat *f, const struct help_run *run)
{
	size_t start = f->s.len;
	switch (run->kind) {
	case HELP_RUN_TEXT:
		render_flat_add(f, run->text, run->len);
		flat_mark_urls(f, start);
		break;
	case HELP_RUN_CODE:
		strbuf_addch(&f->s, '`');
		render_flat_add(f, run->text, run->len);
		strbuf_addch(&f->s, '`');
		render_flat_span(f, start, f->s.len);
		break;
	case HELP_RUN_SOFTBREAK:
		strbuf_addch(&f->s, ' ');
		break;
	case HELP_RUN_LINEBREAK:
		render_flat_break(f);
		break;
	}
}

static void
flat_inline(struct flat *f, const struct help_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		flat_run(f, &in->runs[i]);
	render_flat_break(f);
}

/* Segment i without its surrounding spaces. */
static struct tw_span
flat_seg(const struct flat *f, size_t i)
{
	size_t st = f->segs[i].start, en = f->segs[i].end;
	while (st < en && f->s.buf[st] == ' ')
		st++;
	while (en > st && f->s.buf[en - 1] == ' ')
		en--;
	return (struct tw_span){ st, en };
}

/* Writes each segment as a wrapped line with its nobreak spans. */
void
render_put_flat(struct rctx *r, size_t ind1, size_t ind2, const struct flat *f)
{
	struct tw_span *adj = xcalloc(f->nspans ? f->nspans : 1, sizeof(*adj));
	size_t k = 0;
	for (size_t i = 0; i < f->nsegs; i++) {
		struct tw_span seg = flat_seg(f, i);
		size_t first = k;
		while (k < f->nspans && f->spans[k].start < f->segs[i].end)
			k++;
		size_t n = k > first ? shift_spans(f->spans + first, k - first,
						   seg.start, seg.end, adj)
				     : 0;
		put_text(r, i ? ind2 : ind1, ind2, f->s.buf + seg.start,
			 seg.end - seg.start, adj, n);
	}
	free(adj);
}

static void
put_inline(struct rctx *r, size_t indent, const struct help_inline *in)
{
	struct flat *f = render_flat_begin(r);
	flat_inline(f, in);
	render_put_flat(r, indent, indent, f);
	render_flat_end(r, f);
}

/* A plain string (a name, a title, a value): URLs kept whole. */
void
render_put_str(struct rctx *r, size_t ind1, size_t ind2, const char *s)
{
	struct flat *f = render_flat_begin(r);
	render_flat_add(f, s, s ? strlen(s) : 0);
	flat_mark_urls(f, 0);
	render_flat_break(f);
	render_put_flat(r, ind1, ind2, f);
	render_flat_end(r, f);
}

/* ---------- blocks ---------- */

/* Appends s with tabs expanded to the next multiple of 4 cells. */
static void
expand_tabs(struct strbuf *sb, const char *s, size_t len)
{
	size_t col = 0;
	while (len) {
		const char *tab = memchr(s, '\t', len);
		size_t n = tab ? (size_t)(tab - s) : len;
		size_t from = sb->len;
		utf8_neutralize(sb, s, n, false);
		col += textwrap_width(sb->buf + from, sb->len - from);
		if (!tab)
			break;
		strbuf_addchars(sb, ' ', 4 - col % 4);
		col += 4 - col % 4;
		s += n + 1;
		len -= n + 1;
	}
}

static void
put_code_line(struct rctx *r, size_t indent, const char *s, size_t len)
{
	while (len && s[len - 1] == ' ')
		len--;
	if (len == 0) {
		render_want_blank(r); /* runs of empty lines collapse to one */
		return;
	}
	size_t w = avail(r, indent);
	if (w == 0 || textwrap_fits(s, len, w)) {
		render_put_line(r, indent, s, len);
		return;
	}
	/* Continuations keep the line's own indentation, within reason. */
	size_t lead = 0;
	while (lead < len && s[lead] == ' ' && lead < w / 2 &&
	       lead + MIN_AVAIL < w) /* the rest keeps its room */
		lead++;
	put_text(r, indent + lead, indent + lead, s + lead, len - lead, NULL,
		 0);
}

static void
put_code(struct rctx *r, const char *text, size_t indent)
{
	struct strbuf line = STRBUF_INIT;
	strbuf_init(&line);
	const char *p = text ? text : "", *end = p + strlen(p);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n && p[n - 1] == '\r')
			n--;
		strbuf_reset(&line);
		expand_tabs(&line, p, n);
		put_code_line(r, indent, line.buf, line.len);
		p = nl ? nl + 1 : end;
	}
	strbuf_release(&line);
}

static size_t
count_digits(long long v)
{
	size_t n = v < 0 ? 2 : 1;
	while (v >= 10 || v <= -10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Items hang under their text; numbers are padded to the widest. */
static void
put_list(struct rctx *r, const struct help_block *b, size_t indent)
{
	long long first = b->u.list.start;
	long long last = first + (long long)b->u.list.nitems - 1;
	size_t mw = 2;
	if (b->u.list.ordered) {
		size_t d1 = count_digits(first), d2 = count_digits(last);
		mw = (d1 > d2 ? d1 : d2) + 2;
	}
	struct strbuf m = STRBUF_INIT;
	strbuf_init(&m);
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		if (!b->u.list.tight)
			render_want_blank(r); /* even before an empty item */
		strbuf_reset(&m);
		if (b->u.list.ordered)
			strbuf_addf(&m, "%lld.", first + (long long)i);
		else
			strbuf_addch(&m, '-');
		strbuf_addchars(&m, ' ', mw > m.len ? mw - m.len : 1);
		render_set_marker(r, m.buf, m.len, m.len);
		size_t inner = nest(r, indent, mw);
		render_put_blocks(r, &b->u.list.items[i], inner,
				  b->u.list.tight);
		if (r->has_marker)
			render_put_line(r, inner, "", 0);
	}
	strbuf_release(&m);
}

static const char *
alert_label(enum help_alert_kind kind)
{
	switch (kind) {
	case HELP_ALERT_NOTE:
		/* TRANSLATORS: this and the next four are the label lines
		   of note, tip, important, warning and caution boxes. */
		return _("Note:");
	case HELP_ALERT_TIP:
		return _("Tip:");
	case HELP_ALERT_IMPORTANT:
		return _("Important:");
	case HELP_ALERT_WARNING:
		return _("Warning:");
	case HELP_ALERT_CAUTION:
		return _("Caution:");
	}
	return _("Note:");
}

static void
put_alert(struct rctx *r, const struct help_block *b, size_t indent)
{
	render_put_str(r, indent, indent, alert_label(b->u.alert.kind));
	render_after_heading(r);
	render_put_blocks(r, &b->u.alert.body, nest(r, indent, 4), false);
}

/* ---------- tables ---------- */

struct cell_line {
	const char *s;
	size_t len;
};

struct table_ctx {
	const struct help_table *t;
	struct flat *cells; /* nrows * ncols */
	size_t *colw;
	size_t indent;
	size_t *word; /* per column, the width of its longest word */
};

/* The widest word (a run between spaces) of a cell. */
static size_t
longest_word(const struct flat *f)
{
	size_t w = 0;
	for (size_t i = 0; i < f->nsegs; i++) {
		struct tw_span seg = flat_seg(f, i);
		const char *s = f->s.buf + seg.start, *end = f->s.buf + seg.end;
		while (s < end) {
			const char *sp = memchr(s, ' ', (size_t)(end - s));
			const char *e = sp ? sp : end;
			size_t ww = textwrap_width(s, (size_t)(e - s));
			w = ww > w ? ww : w;
			s = e + (sp != NULL);
		}
	}
	return w;
}

static size_t
cell_width(const struct flat *f)
{
	size_t w = 0;
	for (size_t i = 0; i < f->nsegs; i++) {
		struct tw_span seg = flat_seg(f, i);
		size_t sw = textwrap_width(f->s.buf + seg.start,
					   seg.end - seg.start);
		if (sw > w)
			w = sw;
	}
	return w;
}

/* A column's width under cap, never below its floor (floor may be NULL). */
static size_t
capped(const size_t *w, const size_t *floor, size_t i, size_t cap)
{
	size_t v = w[i] < cap ? w[i] : cap;
	return floor && floor[i] > v ? (floor[i] < w[i] ? floor[i] : w[i]) : v;
}

/* Sum of the column widths when none is wider than cap (or its floor). */
static size_t
capped_sum(const size_t *w, const size_t *floor, size_t n, size_t cap)
{
	size_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += capped(w, floor, i, cap);
	return sum;
}

/* Shrinks the widest columns until the table fits in budget cells; no
 * column narrower than its longest word (floor) when the width allows. */
static void
shrink_columns(size_t *w, const size_t *floor, size_t n, size_t budget)
{
	size_t lo = 1, hi = 1;
	for (size_t i = 0; i < n; i++)
		if (w[i] > hi)
			hi = w[i];
	if (capped_sum(w, NULL, n, hi) <= budget)
		return;
	if (floor && capped_sum(w, floor, n, 1) > budget)
		floor = NULL; /* even the words do not fit: cut inside them */
	while (lo < hi) { /* largest cap that fits, at least 1 */
		size_t mid = lo + (hi - lo + 1) / 2;
		if (capped_sum(w, floor, n, mid) <= budget)
			lo = mid;
		else
			hi = mid - 1;
	}
	size_t used = capped_sum(w, floor, n, lo);
	for (size_t i = 0; i < n; i++) {
		size_t v = capped(w, floor, i, lo);
		bool wide = w[i] > v;
		w[i] = v;
		if (wide && used < budget) {
			w[i]++;
			used++;
		}
	}
}

static void
fit_columns(struct rctx *r, struct table_ctx *tc)
{
	size_t n = tc->t->ncols, gaps = 2 * (n - 1), total = gaps;
	for (size_t i = 0; i < n; i++)
		total += tc->colw[i];
	size_t w = avail(r, tc->indent);
	if (w == 0 || total <= w)
		return;
	size_t budget = w > gaps + n ? w - gaps : n;
	shrink_columns(tc->colw, tc->word, n, budget);
}

/* The lines of one cell at width w (no wrapping when w is 0). */
static size_t
cell_lines(struct rctx *r, const struct flat *f, size_t w,
	   struct cell_line **out, size_t *cap)
{
	size_t n = 0;
	for (size_t i = 0; i < f->nsegs; i++) {
		struct tw_span seg = flat_seg(f, i);
		const char *s = f->s.buf + seg.start;
		size_t len = seg.end - seg.start;
		struct tw_piece one = { 0, len }, *pc = &one;
		size_t np = 1;
		if (w && r->tw && !textwrap_fits(s, len, w))
			np = textwrap_wrap(r->tw, s, len, w, NULL, 0, &pc);
		*out = xgrow(*out, cap, n + np, sizeof(**out));
		for (size_t k = 0; k < np; k++)
			if (pc[k].start <= pc[k].end && pc[k].end <= len)
				(*out)[n++] = (struct cell_line){
					s + pc[k].start, pc[k].end - pc[k].start
				};
		if (pc != &one)
			free(pc);
	}
	return n;
}

static void
pad_cell(struct strbuf *sb, struct cell_line l, size_t w, enum help_align align)
{
	size_t tw = textwrap_width(l.s, l.len), pad = tw < w ? w - tw : 0;
	size_t left = align == HELP_ALIGN_RIGHT	   ? pad
		      : align == HELP_ALIGN_CENTER ? pad / 2
						   : 0;
	strbuf_addchars(sb, ' ', left);
	strbuf_add(sb, l.s, l.len);
	strbuf_addchars(sb, ' ', pad - left);
}

static void
put_row(struct rctx *r, struct table_ctx *tc, size_t row)
{
	size_t nc = tc->t->ncols, height = 0;
	struct cell_line **lines = xcalloc(nc, sizeof(*lines));
	size_t *nl = xcalloc(nc, sizeof(*nl)), cap;
	for (size_t c = 0; c < nc; c++) {
		cap = 0;
		nl[c] = cell_lines(r, &tc->cells[row * nc + c],
				   r->width ? tc->colw[c] : 0, &lines[c], &cap);
		height = nl[c] > height ? nl[c] : height;
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; i < height; i++) {
		strbuf_reset(&sb);
		for (size_t c = 0; c < nc; c++) {
			struct cell_line l =
				i < nl[c] ? lines[c][i]
					  : (struct cell_line){ "", 0 };
			pad_cell(&sb, l, tc->colw[c], tc->t->align[c]);
			if (c + 1 < nc)
				strbuf_addstr(&sb, "  ");
		}
		render_put_line(r, tc->indent, sb.buf, sb.len);
	}
	for (size_t c = 0; c < nc; c++)
		free(lines[c]);
	free(lines);
	free(nl);
	strbuf_release(&sb);
}

static void
put_dashes(struct rctx *r, struct table_ctx *tc)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t c = 0; c < tc->t->ncols; c++) {
		if (c)
			strbuf_addstr(&sb, "  ");
		strbuf_addchars(&sb, '-', tc->colw[c]);
	}
	render_put_line(r, tc->indent, sb.buf, sb.len);
	strbuf_release(&sb);
}

static void
put_table(struct rctx *r, const struct help_table *t, size_t indent)
{
	if (t->ncols == 0 || t->nrows == 0)
		return;
	size_t n = t->nrows * t->ncols;
	struct table_ctx tc = { t, xcalloc(n, sizeof(struct flat)),
				xcalloc(t->ncols, sizeof(size_t)), indent,
				xcalloc(t->ncols, sizeof(size_t)) };
	for (size_t i = 0; i < n; i++) {
		render_flat_init(&tc.cells[i]);
		flat_inline(&tc.cells[i], &t->cells[i]);
		size_t w = cell_width(&tc.cells[i]);
		size_t *cw = &tc.colw[i % t->ncols];
		*cw = w > *cw ? w : *cw;
		size_t ww = longest_word(&tc.cells[i]);
		size_t *mw = &tc.word[i % t->ncols];
		*mw = ww > *mw ? ww : *mw;
	}
	for (size_t c = 0; c < t->ncols; c++)
		tc.colw[c] = tc.colw[c] ? tc.colw[c] : 1;
	fit_columns(r, &tc);
	put_row(r, &tc, 0);
	put_dashes(r, &tc);
	for (size_t row = 1; row < t->nrows; row++)
		put_row(r, &tc, row);
	for (size_t i = 0; i < n; i++)
		render_flat_release(&tc.cells[i]);
	free(tc.cells);
	free(tc.colw);
	free(tc.word);
}

static void
put_block(struct rctx *r, const struct help_block *b, size_t indent, bool tight)
{
	switch (b->kind) {
	case HELP_BLOCK_PARA:
	case HELP_BLOCK_HTML:
		put_inline(r, indent, &b->u.para);
		break;
	case HELP_BLOCK_HEADING:
		put_inline(r, indent, &b->u.heading.text);
		break;
	case HELP_BLOCK_CODE:
		put_code(r, b->u.code.text, indent);
		break;
	case HELP_BLOCK_LIST:
		put_list(r, b, indent);
		break;
	case HELP_BLOCK_ALERT:
		put_alert(r, b, indent);
		break;
	case HELP_BLOCK_QUOTE:
		render_put_blocks(r, &b->u.quote, nest(r, indent, 4), false);
		break;
	case HELP_BLOCK_TABLE:
		put_table(r, &b->u.table, indent);
		break;
	case HELP_BLOCK_RULE:
		break; /* the empty line around it is the separation */
	}
}

/* Blocks separated by one empty line, or by none in a tight list. */
void
render_put_blocks(struct rctx *r, const struct help_blocks *b, size_t indent,
		  bool tight)
{
	for (size_t i = 0; i < b->n; i++) {
		if (!tight)
			render_want_blank(r);
		put_block(r, &b->v[i], indent, tight);
	}
}
