/* SPDX-License-Identifier: MIT */
/*
 * Get-Help text views (doc/layout.md).  Every line goes through
 * put_line(), which owns the empty-line discipline: a block asks for a
 * separating empty line with want_blank(), and the request is honoured
 * only when more text follows.  So no view can print two empty lines, a
 * line of spaces or trailing white space.
 */
#include "render_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "lookup.h"
#include "platyps_meta.h"
#include "textwrap.h"
#include "utf8.h"
#include "xalloc.h"

/* Narrowest text column we wrap to, however deep the indentation. */
#define MIN_AVAIL 10
/* Deepest nesting indentation when lines are not wrapped. */
#define MAX_NEST_INDENT 80
/* Narrowest value column of the attribute table before it is stacked. */
#define MIN_VALUE_W 16
/* platyPS pads example titles shorter than this with dashes. */
#define TITLE_PAD_LIMIT 62

struct rctx {
	const struct help_doc *doc;
	const struct render_options *opt;
	struct strbuf *out;
	struct textwrap *tw;
	struct arena scratch; /* short type names */
	size_t width;
	size_t label_col; /* value column of the attribute table */
	bool blank;	  /* an empty line is due before the next line */
	bool fresh;	  /* just after a heading: no empty line wanted */
	bool has_marker;  /* marker goes in front of the next line */
	struct strbuf marker;
	size_t marker_w;
};

/* ---------- lines ---------- */

static void
want_blank(struct rctx *r)
{
	if (!r->fresh)
		r->blank = true;
}

/* Starts a heading-like line: what follows hangs under it directly. */
static void
after_heading(struct rctx *r)
{
	r->fresh = true;
	r->blank = false;
}

/* Text for the start of the next line: a list marker or a label. */
static void
set_marker(struct rctx *r, const char *s, size_t len, size_t w)
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
	for (size_t i = 0; i + 1 < len; i++) {
		if ((unsigned char)s[i] != 0xC2 || (unsigned char)s[i + 1] != 0xAD)
			continue;
		strbuf_add(out, s + from, i - from);
		if (i + 2 == len)
			strbuf_addch(out, '-');
		from = i + 2;
		i++;
	}
	strbuf_add(out, s + from, len - from);
}

/*
 * Writes one line at indent (a pending marker takes the last columns of
 * the indentation).  Trailing blanks are dropped; an empty line is
 * dropped too, since empty lines only come from want_blank().
 */
static void
put_line(struct rctx *r, size_t indent, const char *s, size_t len)
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
				indent > r->marker_w ? indent - r->marker_w : 0);
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
			dst[k++] = (struct tw_span){st - cut, en - cut};
	}
	return k;
}

static void
put_pieces(struct rctx *r, size_t ind1, size_t ind2, const char *s,
	   size_t len, const struct tw_piece *pc, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t st = pc[i].start, en = pc[i].end;
		if (en > len || st > en)
			continue;
		put_line(r, i ? ind2 : ind1, s + st, en - st);
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
	if (w1 == 0 || tw_width(s, len) <= w1) {
		put_line(r, ind1, s, len);
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

/* Display text of inline runs: hard breaks split it into segments. */
struct flat {
	struct strbuf s;
	struct tw_span *spans; /* nobreak; sorted by start within a segment */
	size_t nspans, cspans;
	struct tw_span *segs;
	size_t nsegs, csegs;
	size_t seg_start;
};

static void
flat_init(struct flat *f)
{
	memset(f, 0, sizeof(*f));
	strbuf_init(&f->s);
}

static void
flat_release(struct flat *f)
{
	strbuf_release(&f->s);
	free(f->spans);
	free(f->segs);
}

static void
flat_span(struct flat *f, size_t start, size_t end)
{
	if (start >= end)
		return;
	f->spans = xgrow(f->spans, &f->cspans, f->nspans + 1, sizeof(*f->spans));
	f->spans[f->nspans++] = (struct tw_span){start, end};
}

static void
flat_break(struct flat *f)
{
	f->segs = xgrow(f->segs, &f->csegs, f->nsegs + 1, sizeof(*f->segs));
	f->segs[f->nsegs++] = (struct tw_span){f->seg_start, f->s.len};
	f->seg_start = f->s.len;
}

/* Appends text made safe for a terminal; tabs become single spaces. */
static void
flat_add(struct flat *f, const char *s, size_t len)
{
	size_t from = f->s.len;
	if (s)
		utf8_neutralize(&f->s, s, len, false);
	for (size_t i = from; i < f->s.len; i++)
		if (f->s.buf[i] == '\t')
			f->s.buf[i] = ' ';
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
	const char *s = f->s.buf;
	size_t len = f->s.len, i = from, low = from;
	while (i + 3 <= len) {
		if (s[i] != ':' || s[i + 1] != '/' || s[i + 2] != '/') {
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
			flat_span(f, st, en);
		i = low = en;
	}
}

static void
flat_run(struct flat *f, const struct help_run *run)
{
	size_t start = f->s.len;
	switch (run->kind) {
	case HELP_RUN_TEXT:
		flat_add(f, run->text, run->len);
		flat_mark_urls(f, start);
		break;
	case HELP_RUN_CODE:
		strbuf_addch(&f->s, '`');
		flat_add(f, run->text, run->len);
		strbuf_addch(&f->s, '`');
		flat_span(f, start, f->s.len);
		break;
	case HELP_RUN_SOFTBREAK:
		strbuf_addch(&f->s, ' ');
		break;
	case HELP_RUN_LINEBREAK:
		flat_break(f);
		break;
	}
}

static void
flat_inline(struct flat *f, const struct help_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		flat_run(f, &in->runs[i]);
	flat_break(f);
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
	return (struct tw_span){st, en};
}

/* Writes each segment as a wrapped line with its nobreak spans. */
static void
put_flat(struct rctx *r, size_t ind1, size_t ind2, const struct flat *f)
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
	struct flat f;
	flat_init(&f);
	flat_inline(&f, in);
	put_flat(r, indent, indent, &f);
	flat_release(&f);
}

/* A plain string (a name, a title, a value): URLs kept whole. */
static void
put_str(struct rctx *r, size_t ind1, size_t ind2, const char *s)
{
	struct flat f;
	flat_init(&f);
	flat_add(&f, s, s ? strlen(s) : 0);
	flat_mark_urls(&f, 0);
	flat_break(&f);
	put_flat(r, ind1, ind2, &f);
	flat_release(&f);
}

/* ---------- blocks ---------- */

static void put_blocks(struct rctx *r, const struct help_blocks *b,
		       size_t indent, bool tight);

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
		col += tw_width(sb->buf + from, sb->len - from);
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
		want_blank(r); /* runs of empty lines collapse to one */
		return;
	}
	size_t w = avail(r, indent);
	if (w == 0 || tw_width(s, len) <= w) {
		put_line(r, indent, s, len);
		return;
	}
	/* Continuations keep the line's own indentation, within reason. */
	size_t lead = 0;
	while (lead < len && s[lead] == ' ' && lead < w / 2)
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
			want_blank(r); /* even before an empty item */
		strbuf_reset(&m);
		if (b->u.list.ordered)
			strbuf_addf(&m, "%lld.", first + (long long)i);
		else
			strbuf_addch(&m, '-');
		strbuf_addchars(&m, ' ', mw > m.len ? mw - m.len : 1);
		set_marker(r, m.buf, m.len, m.len);
		size_t inner = nest(r, indent, mw);
		put_blocks(r, &b->u.list.items[i], inner, b->u.list.tight);
		if (r->has_marker)
			put_line(r, inner, "", 0);
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
	put_str(r, indent, indent, alert_label(b->u.alert.kind));
	after_heading(r);
	put_blocks(r, &b->u.alert.body, nest(r, indent, 4), false);
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
};

static size_t
cell_width(const struct flat *f)
{
	size_t w = 0;
	for (size_t i = 0; i < f->nsegs; i++) {
		struct tw_span seg = flat_seg(f, i);
		size_t sw = tw_width(f->s.buf + seg.start, seg.end - seg.start);
		if (sw > w)
			w = sw;
	}
	return w;
}

/* Sum of the column widths when none is wider than cap. */
static size_t
capped_sum(const size_t *w, size_t n, size_t cap)
{
	size_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += w[i] < cap ? w[i] : cap;
	return sum;
}

/* Shrinks the widest columns until the table fits in budget cells. */
static void
shrink_columns(size_t *w, size_t n, size_t budget)
{
	size_t lo = 1, hi = 1;
	for (size_t i = 0; i < n; i++)
		if (w[i] > hi)
			hi = w[i];
	if (capped_sum(w, n, hi) <= budget)
		return;
	while (lo < hi) { /* largest cap that fits, at least 1 */
		size_t mid = lo + (hi - lo + 1) / 2;
		if (capped_sum(w, n, mid) <= budget)
			lo = mid;
		else
			hi = mid - 1;
	}
	size_t used = capped_sum(w, n, lo);
	for (size_t i = 0; i < n; i++) {
		bool wide = w[i] > lo;
		w[i] = wide ? lo : w[i];
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
	shrink_columns(tc->colw, n, budget);
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
		struct tw_piece one = {0, len}, *pc = &one;
		size_t np = 1;
		if (w && r->tw && tw_width(s, len) > w)
			np = textwrap_wrap(r->tw, s, len, w, NULL, 0, &pc);
		*out = xgrow(*out, cap, n + np, sizeof(**out));
		for (size_t k = 0; k < np; k++)
			if (pc[k].start <= pc[k].end && pc[k].end <= len)
				(*out)[n++] = (struct cell_line){
					s + pc[k].start, pc[k].end - pc[k].start};
		if (pc != &one)
			free(pc);
	}
	return n;
}

static void
pad_cell(struct strbuf *sb, struct cell_line l, size_t w,
	 enum help_align align)
{
	size_t tw = tw_width(l.s, l.len), pad = tw < w ? w - tw : 0;
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
			struct cell_line l = i < nl[c] ? lines[c][i]
						       : (struct cell_line){"", 0};
			pad_cell(&sb, l, tc->colw[c], tc->t->align[c]);
			if (c + 1 < nc)
				strbuf_addstr(&sb, "  ");
		}
		put_line(r, tc->indent, sb.buf, sb.len);
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
	put_line(r, tc->indent, sb.buf, sb.len);
	strbuf_release(&sb);
}

static void
put_table(struct rctx *r, const struct help_table *t, size_t indent)
{
	if (t->ncols == 0 || t->nrows == 0)
		return;
	size_t n = t->nrows * t->ncols;
	struct table_ctx tc = {t, xcalloc(n, sizeof(struct flat)),
			       xcalloc(t->ncols, sizeof(size_t)), indent};
	for (size_t i = 0; i < n; i++) {
		flat_init(&tc.cells[i]);
		flat_inline(&tc.cells[i], &t->cells[i]);
		size_t w = cell_width(&tc.cells[i]);
		size_t *cw = &tc.colw[i % t->ncols];
		*cw = w > *cw ? w : *cw;
	}
	for (size_t c = 0; c < t->ncols; c++)
		tc.colw[c] = tc.colw[c] ? tc.colw[c] : 1;
	fit_columns(r, &tc);
	put_row(r, &tc, 0);
	put_dashes(r, &tc);
	for (size_t row = 1; row < t->nrows; row++)
		put_row(r, &tc, row);
	for (size_t i = 0; i < n; i++)
		flat_release(&tc.cells[i]);
	free(tc.cells);
	free(tc.colw);
}

static void
put_block(struct rctx *r, const struct help_block *b, size_t indent,
	  bool tight)
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
		put_blocks(r, &b->u.quote, nest(r, indent, 4), false);
		break;
	case HELP_BLOCK_TABLE:
		put_table(r, &b->u.table, indent);
		break;
	case HELP_BLOCK_RULE:
		break; /* the empty line around it is the separation */
	}
}

/* Blocks separated by one empty line, or by none in a tight list. */
static void
put_blocks(struct rctx *r, const struct help_blocks *b, size_t indent,
	   bool tight)
{
	for (size_t i = 0; i < b->n; i++) {
		if (!tight)
			want_blank(r);
		put_block(r, &b->v[i], indent, tight);
	}
}

/* ---------- command page sections ---------- */

static void
section(struct rctx *r, const char *title)
{
	want_blank(r);
	put_str(r, 0, 0, title);
	after_heading(r);
}

static void
put_blocks_section(struct rctx *r, const char *title,
		   const struct help_blocks *b)
{
	if (b->n == 0)
		return;
	section(r, title);
	put_blocks(r, b, 4, false);
}

static void
put_name(struct rctx *r)
{
	section(r, _("NAME"));
	put_str(r, 4, 4, r->doc->name);
}

/*
 * Extends a <T> or {A | B} group back over the "-Name " or "[-Name] "
 * before it, so that a parameter and its type stay on one line.
 */
static size_t
syntax_group_start(const char *s, size_t open)
{
	if (open < 2 || s[open - 1] != ' ')
		return open;
	if (s[open - 2] == ']') {
		size_t st = open - 2;
		while (st > 0 && s[st] != '[' && s[st] != ' ')
			st--;
		return s[st] == '[' && s[st + 1] == '-' ? st : open;
	}
	size_t st = open - 1;
	while (st > 0 && s[st - 1] != ' ' && s[st - 1] != '[' &&
	       s[st - 1] != ']')
		st--;
	return s[st] == '-' ? st : open;
}

/*
 * Nobreak spans of a SYNTAX line: every matched [..], <..> and {..}
 * group, and "-Name <T>" as a whole.  One pass with a stack.
 */
static void
syntax_spans(struct flat *f)
{
	const char *s = f->s.buf;
	size_t len = f->s.len, depth = 0, cap = 0;
	size_t *stack = NULL;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '[' || c == '<' || c == '{') {
			stack = xgrow(stack, &cap, depth + 1, sizeof(*stack));
			stack[depth++] = i;
		} else if ((c == ']' || c == '>' || c == '}') && depth) {
			size_t open = stack[--depth];
			if (depth == 0 && s[open] != '[')
				open = syntax_group_start(s, open);
			flat_span(f, open, i + 1);
		}
	}
	free(stack);
}

/* A SYNTAX line rebuilt from its parameters (platyPS's rendering). */
static void
build_syntax(struct strbuf *sb, const struct help_doc *doc,
	     const struct help_syntax_set *set)
{
	const char *cmd = set->command ? set->command : doc->name;
	strbuf_addstr(sb, cmd ? cmd : "");
	for (size_t i = 0; i < set->nparams; i++) {
		const struct help_syntax_param *p = &set->params[i];
		const char *name = p->name ? p->name : "";
		strbuf_addstr(sb, p->required ? " " : " [");
		strbuf_addf(sb, p->positional ? "[-%s]" : "-%s", name);
		if (p->type)
			strbuf_addf(sb, " <%s>", p->type);
		if (!p->required)
			strbuf_addch(sb, ']');
	}
	if (set->common_parameters)
		strbuf_addstr(sb, " [<CommonParameters>]");
}

static void
put_syntax_set(struct rctx *r, const struct help_syntax_set *set)
{
	struct flat f;
	flat_init(&f);
	if (set->text && *set->text) {
		flat_add(&f, set->text, strlen(set->text));
	} else {
		struct strbuf sb = STRBUF_INIT;
		strbuf_init(&sb);
		build_syntax(&sb, r->doc, set);
		flat_add(&f, sb.buf, sb.len);
		strbuf_release(&sb);
	}
	syntax_spans(&f);
	flat_break(&f);
	put_flat(r, 4, 8, &f);
	flat_release(&f);
}

static void
put_syntax(struct rctx *r)
{
	if (r->doc->nsyntax == 0)
		return;
	section(r, _("SYNTAX"));
	for (size_t i = 0; i < r->doc->nsyntax; i++) {
		want_blank(r);
		put_syntax_set(r, &r->doc->syntax[i]);
	}
}

/* What a related link shows: a name the user can type, or a URL. */
static void
link_text(struct strbuf *sb, const struct help_link *l)
{
	const char *text = l->text ? l->text : "";
	const char *target = l->target ? l->target : "";
	switch (l->kind) {
	case HELP_LINK_COMMAND:
	case HELP_LINK_ABOUT:
		strbuf_addstr(sb, l->topic ? l->topic : *text ? text : target);
		break;
	case HELP_LINK_URL:
		if (*text && strcmp(text, target) != 0)
			strbuf_addf(sb, "%s ", text);
		strbuf_addstr(sb, target);
		break;
	case HELP_LINK_UNRESOLVED:
		strbuf_addstr(sb, *text ? text : target);
		break;
	}
}

static void
put_links(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	if (!doc->online_uri && doc->nlinks == 0)
		return;
	section(r, _("RELATED LINKS"));
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (doc->online_uri) {
		/* TRANSLATORS: label of the first related link, as platyPS
		   writes it; the URL follows after a space. */
		strbuf_addf(&sb, "%s %s", _("Online Version:"), doc->online_uri);
		put_str(r, 4, 4, sb.buf);
	}
	for (size_t i = 0; i < doc->nlinks; i++) {
		strbuf_reset(&sb);
		link_text(&sb, &doc->links[i]);
		put_str(r, 4, 4, sb.buf);
	}
	strbuf_release(&sb);
}

/* `label "Get-Help NAME option"`, the quoted command kept whole. */
static void
put_remark(struct rctx *r, const char *label, const char *option)
{
	struct flat f;
	flat_init(&f);
	size_t n = strlen(label);
	while (n && label[n - 1] == ' ')
		n--; /* the msgid carries PowerShell's trailing space */
	flat_add(&f, label, n);
	strbuf_addch(&f.s, ' ');
	size_t start = f.s.len;
	strbuf_addstr(&f.s, "\"Get-Help ");
	const char *name = r->doc->name ? r->doc->name : "";
	flat_add(&f, name, strlen(name));
	strbuf_addf(&f.s, " %s\"", option);
	flat_span(&f, start, f.s.len);
	flat_break(&f);
	put_flat(r, 4, 4, &f);
	flat_release(&f);
}

static void
put_remarks(struct rctx *r)
{
	section(r, _("REMARKS"));
	/* TRANSLATORS: the next four strings are followed by a command
	   such as "Get-Help Exit-PSSession -Examples" (not translated). */
	put_remark(r, _("To see the examples, type: "), "-Examples");
	put_remark(r, _("For more information, type: "), "-Detailed");
	put_remark(r, _("For technical information, type: "), "-Full");
	if (r->doc->online_uri || r->doc->nlinks)
		put_remark(r, _("For online help, type: "), "-Online");
}

/* ---------- parameters ---------- */

static const char *const attr_labels[] = {
	/* TRANSLATORS: labels of the parameter attribute table; values
	   start in one column after the longest label. */
	N_("Required?"),
	N_("Position?"),
	N_("Default value"),
	N_("Accept pipeline input?"),
	N_("Aliases"),
	N_("Accept wildcard characters?"),
	N_("Accepted values"),
};
enum { ATTR_REQUIRED, ATTR_POSITION, ATTR_DEFAULT, ATTR_PIPELINE,
       ATTR_ALIASES, ATTR_WILDCARDS, ATTR_ACCEPTED, ATTR__COUNT };

static size_t
label_width(const char *label)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	utf8_neutralize(&sb, label, strlen(label), false);
	size_t w = tw_width(sb.buf, sb.len);
	strbuf_release(&sb);
	return w;
}

/* Widest translated label + 2: a translation cannot make it ragged. */
static size_t
attr_column(void)
{
	size_t w = 0;
	for (size_t i = 0; i < ATTR__COUNT; i++) {
		size_t lw = label_width(_(attr_labels[i]));
		w = lw > w ? lw : w;
	}
	return w + 2;
}

static const char *
bool_word(bool v)
{
	/* TRANSLATORS: attribute table values. */
	return v ? _("true") : _("false");
}

static void
join(struct strbuf *sb, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", v[i] ? v[i] : "");
}

/* The sets where the parameter's "required" is v, as "(A, B)". */
static void
required_group(struct strbuf *sb, const struct help_param *p, bool v)
{
	strbuf_addstr(sb, bool_word(v));
	size_t named = 0;
	for (size_t i = 0; i < p->nrequired; i++) {
		const struct help_required *q = &p->required[i];
		if (q->required != v || !q->set)
			continue;
		strbuf_addstr(sb, named++ ? ", " : " (");
		strbuf_addstr(sb, q->set);
	}
	if (named)
		strbuf_addch(sb, ')');
}

/* "true", or per set "true (Name), false (ComputerName, ConnectionUri)". */
static void
required_value(struct strbuf *sb, const struct help_param *p)
{
	if (p->nrequired == 0) {
		strbuf_addstr(sb, bool_word(false));
		return;
	}
	bool v0 = p->required[0].required;
	bool mixed = false;
	for (size_t i = 1; i < p->nrequired; i++)
		mixed |= p->required[i].required != v0;
	if (!mixed) {
		strbuf_addstr(sb, bool_word(v0));
		return;
	}
	required_group(sb, p, v0);
	strbuf_addstr(sb, ", ");
	required_group(sb, p, !v0);
}

static void
pipeline_value(struct strbuf *sb, unsigned pipe)
{
	if (!pipe) {
		strbuf_addstr(sb, bool_word(false));
		return;
	}
	static const struct {
		unsigned bit;
		const char *word;
	} kinds[] = {{HELP_PIPE_BY_PROPERTY_NAME, "ByPropertyName"},
		     {HELP_PIPE_BY_VALUE, "ByValue"},
		     {HELP_PIPE_FROM_REMAINING, "FromRemainingArguments"}};
	strbuf_addstr(sb, bool_word(true));
	const char *sep = " (";
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (pipe & kinds[i].bit) {
			strbuf_addf(sb, "%s%s", sep, kinds[i].word);
			sep = ", ";
		}
	}
	strbuf_addstr(sb, *sep == ',' ? ")" : "");
}

static void
attr_value(struct strbuf *sb, const struct help_param *p, int attr)
{
	switch (attr) {
	case ATTR_REQUIRED:
		required_value(sb, p);
		break;
	case ATTR_POSITION:
		if (!p->position || !*p->position ||
		    strcasecmp(p->position, "named") == 0)
			/* TRANSLATORS: "Position?" of a parameter that
			   has no position. */
			strbuf_addstr(sb, _("named"));
		else
			strbuf_addstr(sb, p->position);
		break;
	case ATTR_DEFAULT:
		if (p->default_value && *p->default_value)
			strbuf_addstr(sb, p->default_value);
		else
			/* TRANSLATORS: no default value, no aliases. */
			strbuf_addstr(sb, _("None"));
		break;
	case ATTR_PIPELINE:
		pipeline_value(sb, p->pipeline);
		break;
	case ATTR_ALIASES:
		if (p->naliases)
			join(sb, p->aliases, p->naliases);
		else
			strbuf_addstr(sb, _("None"));
		break;
	case ATTR_WILDCARDS:
		strbuf_addstr(sb, bool_word(p->wildcards));
		break;
	case ATTR_ACCEPTED:
		join(sb, p->accepted_values, p->naccepted);
		break;
	}
}

/*
 * One "Label       value" row; long values hang at the value column.
 * When that column leaves too little room, the value goes under the
 * label instead.
 */
static void
put_attr(struct rctx *r, size_t indent, const char *label, const char *value)
{
	if (r->width && r->width < indent + r->label_col + MIN_VALUE_W) {
		put_str(r, indent, indent, label);
		put_str(r, indent + 4, indent + 4, value);
		return;
	}
	struct strbuf m = STRBUF_INIT;
	strbuf_init(&m);
	utf8_neutralize(&m, label, strlen(label), false);
	size_t w = tw_width(m.buf, m.len);
	size_t mw = r->label_col > w ? r->label_col : w + 2;
	strbuf_addchars(&m, ' ', mw - w);
	set_marker(r, m.buf, m.len, mw);
	put_str(r, indent + mw, indent + mw, value);
	if (r->has_marker)
		put_line(r, indent + mw, "", 0);
	strbuf_release(&m);
}

static void
put_attrs(struct rctx *r, const struct help_param *p, size_t indent)
{
	if (!p->has_metadata)
		return; /* nothing known; do not invent defaults */
	want_blank(r);
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (int a = 0; a < ATTR__COUNT; a++) {
		if (a == ATTR_ACCEPTED && p->naccepted == 0)
			continue;
		strbuf_reset(&sb);
		attr_value(&sb, p, a);
		put_attr(r, indent, _(attr_labels[a]), sb.buf);
	}
	strbuf_release(&sb);
}

/* "-Name <ShortType>", "-Name [<SwitchParameter>]" or "-Name". */
static void
put_param_header(struct rctx *r, const struct help_param *p, size_t indent)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb, "-%s", p->name ? p->name : "");
	if (p->is_switch)
		strbuf_addstr(&sb, " [<SwitchParameter>]");
	else if (p->type && *p->type)
		strbuf_addf(&sb, " <%s>",
			    platyps_short_type(&r->scratch, p->type));
	struct flat f;
	flat_init(&f);
	flat_add(&f, sb.buf, sb.len);
	flat_span(&f, 0, f.s.len);
	flat_break(&f);
	put_flat(r, indent, indent, &f);
	flat_release(&f);
	strbuf_release(&sb);
	after_heading(r);
}

static void
put_param(struct rctx *r, const struct help_param *p, size_t indent,
	  bool full)
{
	want_blank(r);
	put_param_header(r, p, indent);
	put_blocks(r, &p->description, indent + 4, false);
	if (full)
		put_attrs(r, p, indent + 4);
}

static bool
has_common_parameters(const struct help_doc *doc)
{
	if (doc->common_parameters)
		return true;
	for (size_t i = 0; i < doc->nsyntax; i++)
		if (doc->syntax[i].common_parameters)
			return true;
	return false;
}

static void
put_common_parameters(struct rctx *r)
{
	want_blank(r);
	/* TRANSLATORS: a SYNTAX token; usually left as it is. */
	put_str(r, 4, 4, _("<CommonParameters>"));
	after_heading(r);
	if (r->doc->common_parameters_text.n) {
		put_blocks(r, &r->doc->common_parameters_text, 8, false);
		return;
	}
	put_str(r, 8, 8,
		_("This cmdlet supports the common parameters: Verbose, "
		  "Debug, ErrorAction, ErrorVariable, WarningAction, "
		  "WarningVariable, InformationAction, InformationVariable, "
		  "OutBuffer, OutVariable, PipelineVariable. For more "
		  "information, see about_CommonParameters "
		  "(https://go.microsoft.com/fwlink/?LinkID=113216)."));
}

static void
put_params(struct rctx *r, bool full)
{
	bool common = has_common_parameters(r->doc);
	if (r->doc->nparams == 0 && !common)
		return;
	section(r, _("PARAMETERS"));
	for (size_t i = 0; i < r->doc->nparams; i++)
		put_param(r, &r->doc->params[i], 4, full);
	if (common)
		put_common_parameters(r);
}

/* ---------- inputs, outputs, notes, examples ---------- */

static void
put_types(struct rctx *r, const char *title,
	  const struct help_type_entry *v, size_t n)
{
	if (n == 0)
		return;
	section(r, title);
	for (size_t i = 0; i < n; i++) {
		want_blank(r);
		put_str(r, 4, 4, v[i].name ? v[i].name : v[i].heading);
		after_heading(r);
		put_blocks(r, &v[i].description, 8, false);
	}
}

/* platyPS's padding: "------- Example 1: Title -------". */
static void
put_example_title(struct rctx *r, const char *title)
{
	struct strbuf sb = STRBUF_INIT, t = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_init(&t);
	utf8_neutralize(&t, title ? title : "", title ? strlen(title) : 0,
			false);
	size_t w = tw_width(t.buf, t.len);
	if (w < TITLE_PAD_LIMIT) {
		size_t pad = (64 - w - 2) / 2;
		strbuf_addchars(&sb, '-', pad);
		strbuf_addf(&sb, " %s ", t.buf);
		strbuf_addchars(&sb, '-', pad);
	} else {
		strbuf_add(&sb, t.buf, t.len);
	}
	put_str(r, 4, 4, sb.buf);
	strbuf_release(&sb);
	strbuf_release(&t);
}

static void
put_examples(struct rctx *r)
{
	for (size_t i = 0; i < r->doc->nexamples; i++) {
		const struct help_example *ex = &r->doc->examples[i];
		want_blank(r);
		put_example_title(r, ex->title);
		put_blocks(r, &ex->body, 4, false);
	}
}

/* ---------- views ---------- */

static void
view_default(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &r->doc->description);
	put_links(r);
	put_remarks(r);
}

static void
view_detailed(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &r->doc->description);
	put_params(r, false);
	put_examples(r);
	put_remarks(r);
}

static void
view_full(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &doc->description);
	put_params(r, true);
	put_types(r, _("INPUTS"), doc->inputs, doc->ninputs);
	put_types(r, _("OUTPUTS"), doc->outputs, doc->noutputs);
	put_blocks_section(r, _("NOTES"), &doc->notes);
	put_examples(r);
	put_links(r);
}

static void
view_examples(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_examples(r);
}

static bool
param_matches(const struct help_param *p, const char *pattern)
{
	return p->name && wildcard_match_folded(pattern, p->name);
}

static const char *
param_pattern(const struct render_options *opt)
{
	return opt->parameter ? opt->parameter : "*";
}

static bool
any_param_matches(const struct help_doc *doc, const char *pattern)
{
	if (doc->kind != HELP_DOC_COMMAND)
		return false;
	for (size_t i = 0; i < doc->nparams; i++)
		if (param_matches(&doc->params[i], pattern))
			return true;
	return false;
}

static void
view_parameter(struct rctx *r)
{
	const char *pattern = param_pattern(r->opt);
	for (size_t i = 0; i < r->doc->nparams; i++)
		if (param_matches(&r->doc->params[i], pattern))
			put_param(r, &r->doc->params[i], 0, true);
}

/* s upper-cased by ICU's rules for a BCP 47 locale ("i" in tr-TR...). */
static char *
upper_case(const char *s, const char *bcp47)
{
	char loc[ULOC_FULLNAME_CAPACITY] = "";
	UErrorCode e = U_ZERO_ERROR;
	if (bcp47)
		uloc_forLanguageTag(bcp47, loc, sizeof(loc), NULL, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		loc[0] = '\0';
	size_t len = strlen(s);
	if (len > INT32_MAX / 4)
		return xstrdup(s);
	UChar *u16 = xcalloc(len + 1, sizeof(UChar));
	UChar *up = NULL;
	char *res = NULL;
	int32_t n16 = 0, nup, n8 = 0;
	e = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u16, (int32_t)len + 1, &n16, s, (int32_t)len,
			     0xFFFD, NULL, &e);
	if (U_FAILURE(e))
		goto fail;
	nup = u_strToUpper(NULL, 0, u16, n16, loc, &e);
	e = U_ZERO_ERROR;
	up = xcalloc((size_t)nup + 1, sizeof(UChar));
	u_strToUpper(up, nup + 1, u16, n16, loc, &e);
	if (U_FAILURE(e))
		goto fail;
	u_strToUTF8(NULL, 0, &n8, up, nup, &e);
	e = U_ZERO_ERROR;
	res = xmalloc((size_t)n8 + 1);
	u_strToUTF8(res, n8 + 1, NULL, up, nup, &e);
	if (U_FAILURE(e))
		goto fail;
	free(u16);
	free(up);
	return res;
fail:
	free(u16);
	free(up);
	free(res);
	return xstrdup(s);
}

/* About topics and module pages: TOPIC, then each part. */
static void
view_about(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	/* TRANSLATORS: heading above the name of an about_ topic. */
	section(r, _("TOPIC"));
	put_str(r, 4, 4, doc->name);
	for (size_t i = 0; i < doc->nparts; i++) {
		const struct help_about_part *part = &doc->parts[i];
		if (part->heading && *part->heading) {
			char *h = upper_case(part->heading, doc->locale);
			section(r, h);
			free(h);
		} else {
			want_blank(r);
		}
		put_blocks(r, &part->body, 4, false);
	}
}

static void
put_note(struct rctx *r, const char *note)
{
	const char *p = note;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		put_str(r, 0, 0, line);
		free(line);
		p += n + (nl != NULL);
	}
	want_blank(r);
}

static void
rctx_init(struct rctx *r, const struct help_doc *doc,
	  const struct render_options *opt, struct strbuf *out)
{
	memset(r, 0, sizeof(*r));
	r->doc = doc;
	r->opt = opt;
	r->out = out;
	r->width = opt->width;
	r->fresh = true;
	arena_init(&r->scratch);
	strbuf_init(&r->marker);
	r->label_col = attr_column();
	if (r->width)
		r->tw = textwrap_new(opt->locale ? opt->locale : doc->locale);
}

static void
rctx_release(struct rctx *r)
{
	if (r->tw)
		textwrap_free(r->tw);
	arena_release(&r->scratch);
	strbuf_release(&r->marker);
}

static void
render_view(struct rctx *r)
{
	if (r->doc->kind != HELP_DOC_COMMAND) {
		view_about(r);
		return;
	}
	switch (r->opt->view) {
	case RENDER_DEFAULT:
	default:
		view_default(r);
		break;
	case RENDER_DETAILED:
		view_detailed(r);
		break;
	case RENDER_FULL:
		view_full(r);
		break;
	case RENDER_EXAMPLES:
		view_examples(r);
		break;
	case RENDER_PARAMETER:
		view_parameter(r);
		break;
	}
}

int
render_text(const struct help_doc *doc, const struct render_options *opt,
	    struct strbuf *out)
{
	if (opt->view == RENDER_PARAMETER &&
	    !any_param_matches(doc, param_pattern(opt)))
		return 1;
	struct rctx r;
	rctx_init(&r, doc, opt, out);
	strbuf_addch(out, '\n');
	if (opt->note && *opt->note)
		put_note(&r, opt->note);
	render_view(&r);
	strbuf_addch(out, '\n');
	rctx_release(&r);
	return 0;
}

/* ---------- the topic table ---------- */

enum { TT_NAME, TT_CATEGORY, TT_MODULE, TT_SYNOPSIS, TT__COUNT };

/* A table cell: safe, on one line, tabs as spaces. */
static void
cell_text(struct strbuf *sb, const char *s)
{
	strbuf_reset(sb);
	if (!s)
		return;
	for (const char *p = s; *p; p++) {
		size_t n = strcspn(p, "\t\r\n");
		utf8_neutralize(sb, p, n, false);
		p += n;
		if (!*p)
			break;
		strbuf_addch(sb, ' ');
	}
}

/* Appends s cut to w cells, ending in "…" when it was cut. */
static void
add_cut(struct strbuf *out, const char *s, size_t len, size_t w)
{
	if (tw_width(s, len) <= w) {
		strbuf_add(out, s, len);
		return;
	}
	size_t used = 0, i = 0;
	while (i < len && w > 0) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t cw = tw_width(s + i, n);
		if (used + cw > w - 1)
			break;
		used += cw;
		i += n;
	}
	while (i > 0 && s[i - 1] == ' ')
		i--; /* "Describes…", not "Describes …" */
	strbuf_add(out, s, i);
	if (w > 0)
		strbuf_addstr(out, "\u2026");
}

static void
add_padded(struct strbuf *out, const struct strbuf *cell, size_t w)
{
	size_t cw = tw_width(cell->buf, cell->len);
	strbuf_add(out, cell->buf, cell->len);
	strbuf_addchars(out, ' ', cw < w ? w - cw : 0);
}

/* Adds one table line: three padded columns, then the synopsis. */
static void
add_topic_line(struct strbuf *out, struct strbuf *cells, const size_t *w,
	       size_t width)
{
	size_t used = 0;
	for (int c = 0; c < TT_SYNOPSIS; c++) {
		add_padded(out, &cells[c], w[c]);
		strbuf_addch(out, ' ');
		used += w[c] + 1;
	}
	struct strbuf *syn = &cells[TT_SYNOPSIS];
	if (width == 0)
		strbuf_add(out, syn->buf, syn->len);
	else
		add_cut(out, syn->buf, syn->len, width > used ? width - used : 1);
	strbuf_rtrim(out);
	strbuf_addch(out, '\n');
}

static void
topic_cells(struct strbuf *cells, const struct render_topic_row *row)
{
	cell_text(&cells[TT_NAME], row->name);
	cell_text(&cells[TT_CATEGORY], row->category);
	cell_text(&cells[TT_MODULE], row->module);
	cell_text(&cells[TT_SYNOPSIS], row->synopsis);
}

static void
topic_headers(struct strbuf *cells, struct strbuf *dashes)
{
	/* TRANSLATORS: column headers of the list of matching topics. */
	const char *const h[TT__COUNT] = {_("Name"), _("Category"),
					  _("Module"), _("Synopsis")};
	for (int c = 0; c < TT__COUNT; c++) {
		cell_text(&cells[c], h[c]);
		strbuf_reset(&dashes[c]);
		strbuf_addchars(&dashes[c], '-',
				tw_width(cells[c].buf, cells[c].len));
	}
}

void
render_topic_table(const struct render_topic_row *rows, size_t n,
		   size_t width, struct strbuf *out)
{
	struct strbuf cells[TT__COUNT], dashes[TT__COUNT];
	size_t w[TT__COUNT] = {0};
	for (int c = 0; c < TT__COUNT; c++) {
		strbuf_init(&cells[c]);
		strbuf_init(&dashes[c]);
	}
	/* Column widths: the headers first, then every row. */
	for (size_t i = 0; i <= n; i++) {
		if (i == 0)
			topic_headers(cells, dashes);
		else
			topic_cells(cells, &rows[i - 1]);
		for (int c = 0; c < TT_SYNOPSIS; c++) {
			size_t cw = tw_width(cells[c].buf, cells[c].len);
			w[c] = cw > w[c] ? cw : w[c];
		}
	}
	strbuf_addch(out, '\n');
	topic_headers(cells, dashes);
	add_topic_line(out, cells, w, width);
	add_topic_line(out, dashes, w, width);
	for (size_t i = 0; i < n; i++) {
		topic_cells(cells, &rows[i]);
		add_topic_line(out, cells, w, width);
	}
	strbuf_addch(out, '\n');
	for (int c = 0; c < TT__COUNT; c++) {
		strbuf_release(&cells[c]);
		strbuf_release(&dashes[c]);
	}
}
