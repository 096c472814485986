/* SPDX-License-Identifier: MIT */
/*
 * platyPS markdown -> help model.
 *
 * cmark-gfm parses the body.  Its tree is converted at once into a flat
 * list of top-level items (headings, and blocks already in help-model
 * form), so everything after that works on our own data and the cmark
 * tree is freed before md_parse() returns.  Command pages are then cut at
 * their H2s and each part is matched to a canonical section by what it
 * holds (syntax code, yaml, H3 shapes, links) more than by what its
 * heading says, because translated pages rename headings freely.  Names
 * (parameters, syntax sets, types) come from the culture-invariant parts
 * of the page or from the source page, never from translated headings.
 *
 * This file holds the entry points and everything that touches cmark;
 * the later stages are in the other md_*.c files (see md_internal.h).
 */
#include "md_internal.h"
#include "md_pool.h"
#include "file.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "utf8.h"

/* Cells kept of one table; a bigger table loses its last rows. */
#define MAX_TABLE_CELLS ((size_t)1 << 20)

/* ---------- arena copies ---------- */

/* s without the spaces at both ends, copied into the arena. */
const char *
md_trim_dup(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	return arena_strndup(a, s, n);
}

/*
 * A copy that is valid UTF-8 without NUL, whatever cmark or libxml2 made
 * of the (already checked) input: bad bytes become U+FFFD.
 */
const char *
md_clean_dup(struct arena *a, const char *s, size_t len, size_t *outlen)
{
	if (utf8_first_invalid(s, len) == len && !memchr(s, '\0', len)) {
		if (outlen)
			*outlen = len;
		return arena_strndup(a, s, len);
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp <= 0)
			utf8_encode(&sb, 0xFFFD);
		else
			strbuf_add(&sb, s + i, k);
		i += k;
	}
	const char *r = arena_strndup(a, sb.buf, sb.len);
	if (outlen)
		*outlen = sb.len;
	strbuf_release(&sb);
	return r;
}

static const char *
node_str(struct mdp *m, const char *s)
{
	return md_clean_dup(m->a, s ? s : "", s ? strlen(s) : 0, NULL);
}

/* Copies a temporary array into the arena and frees it. */
void *
md_to_arena(struct arena *a, void *v, size_t n, size_t size)
{
	void *r = NULL;
	if (n) {
		r = arena_array(a, n, size);
		memcpy(r, v, n * size);
	}
	free(v);
	return r;
}

/* ---------- source lines ---------- */

static struct help_pos
node_pos(struct mdp *m, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);
	int col = cmark_node_get_start_column(n);
	return (struct help_pos){ (uint32_t)(line > 0 ? line : 1) + m->line0,
				  (uint32_t)(col > 0 ? col : 1) };
}

/* Body line `line` (1-based) and its length, or NULL past the end. */
static const char *
body_line(struct mdp *m, long line, size_t *n)
{
	if (line < 1)
		return NULL;
	if ((unsigned long)line < m->cur_line) {
		m->cur_line = 1;
		m->cur_off = 0;
	}
	while (m->cur_line < (unsigned long)line) {
		const char *nl = memchr(m->body + m->cur_off, '\n',
					m->body_len - m->cur_off);
		if (nl == NULL)
			return NULL;
		m->cur_off = (size_t)(nl - m->body) + 1;
		m->cur_line++;
	}
	if (m->cur_off >= m->body_len)
		return NULL;
	const char *s = m->body + m->cur_off;
	const char *nl = memchr(s, '\n', m->body_len - m->cur_off);
	*n = nl ? (size_t)(nl - s) : m->body_len - m->cur_off;
	return s;
}

/* ---------- inline conversion ---------- */

struct inl_state {
	unsigned emph, strong, html, links;
	const char *link;
};

static unsigned
inl_flags(const struct inl_state *st)
{
	unsigned f = 0;
	if (st->emph)
		f |= HELP_RUN_EMPH;
	if (st->strong)
		f |= HELP_RUN_STRONG;
	if (st->links)
		f |= HELP_RUN_LINK;
	if (st->html)
		f |= HELP_RUN_HTML;
	return f;
}

/* The link destination in the arena; where the link was is remembered. */
static const char *
link_enter(struct mdp *m, cmark_node *n)
{
	const char *url = node_str(m, cmark_node_get_url(n));
	if (m->opt->names_only)
		return url; /* where links are is not asked */
	struct help_inline_link *lp = &PUSH(m->lpos, m->nlpos, m->lpos_cap);
	memset(lp, 0, sizeof(*lp));
	lp->target = url;
	lp->pos = node_pos(m, n);
	md_ext_find_link(m, cmark_node_get_start_line(n),
			 cmark_node_get_start_column(n), url, lp);
	return url;
}

static void
inline_html(struct mdp *m, struct runs *r, struct inl_state *st,
	    const char *lit)
{
	bool br;
	int e = md_tag_effect(lit ? lit : "", &br);
	if (br)
		md_runs_other(m, r, HELP_RUN_LINEBREAK, NULL, inl_flags(st),
			      st->link);
	else if (e > 0)
		st->html++;
	else if (e < 0 && st->html)
		st->html--;
}

static void
inline_event(struct mdp *m, struct runs *r, struct inl_state *st, cmark_node *n,
	     bool enter)
{
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (lit)
			md_runs_text(m, r, lit, strlen(lit), inl_flags(st),
				     st->link);
		break;
	case CMARK_NODE_CODE:
		md_runs_other(m, r, HELP_RUN_CODE,
			      node_str(m, cmark_node_get_literal(n)),
			      inl_flags(st), st->link);
		break;
	case CMARK_NODE_SOFTBREAK:
		md_runs_other(m, r, HELP_RUN_SOFTBREAK, NULL, inl_flags(st),
			      st->link);
		break;
	case CMARK_NODE_LINEBREAK:
		md_runs_other(m, r, HELP_RUN_LINEBREAK, NULL, inl_flags(st),
			      st->link);
		break;
	case CMARK_NODE_HTML_INLINE:
		inline_html(m, r, st, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_EMPH:
		st->emph += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		st->strong += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			st->link = link_enter(m, n);
			st->links++;
		} else if (--st->links == 0) {
			st->link = NULL;
		}
		break;
	default: /* images: their alt text is read as text */
		break;
	}
}

/*
 * The inline children of a leaf block (paragraph, heading, table cell)
 * whose source bytes are `where`.
 */
static struct help_inline
convert_inlines(struct mdp *m, cmark_node *parent, struct help_extent where)
{
	struct runs r;
	struct inl_state st = { 0 };
	cmark_event_type ev;

	m->link_from = where.start;
	m->link_to = where.end;
	md_runs_init(m, &r);
	r.sum = m->para_sum;
	cmark_iter *it = cmark_iter_new(parent);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n != parent)
			inline_event(m, &r, &st, n, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
	return md_runs_finish(m, &r);
}

/* ---------- blocks ---------- */

static bool convert_block(struct mdp *m, cmark_node *n, int depth,
			  struct help_block *out);

static struct help_blocks
convert_children(struct mdp *m, cmark_node *parent, int depth)
{
	struct help_block *v = NULL;
	size_t n = 0, cap = 0;
	struct help_block b;

	for (cmark_node *c = cmark_node_first_child(parent); c;
	     c = cmark_node_next(c))
		if (convert_block(m, c, depth, &b))
			PUSH(v, n, cap) = b;
	return (struct help_blocks){ md_to_arena(m->a, v, n, sizeof(*v)), n };
}

static bool
is_fence_run(const char *s, size_t n, size_t *i, int flen, char fch)
{
	size_t k = 0;
	while (k < 3 && k < n && s[k] == ' ')
		k++;
	size_t run = 0;
	while (k + run < n && s[k + run] == fch)
		run++;
	*i = k + run;
	return run >= (size_t)flen;
}

/* A closing fence: only fence characters after the container prefix. */
static bool
is_closing_fence(const char *s, size_t n, int flen, char fch)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	size_t run = 0;
	while (i < n && s[i] == fch) {
		run++;
		i++;
	}
	while (i < n && is_space(s[i]))
		i++;
	return run >= (size_t)flen && i == n;
}

/*
 * A line inside the code that opens a fence with an info string: the
 * author meant to close the block before it (```Output ... ```powershell).
 */
static bool
has_inner_opener(const char *text, int flen, char fch)
{
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s), i;
		if (is_fence_run(s, n, &i, flen, fch)) {
			while (i < n && is_space(s[i]))
				i++;
			if (i < n && (fch != '`' || !memchr(s + i, '`', n - i)))
				return true;
		}
		s += n + (nl != NULL);
	}
	return false;
}

/*
 * cmark runs a fence that is never closed to the end of its container.
 * A closed block spans its content lines plus the two fence lines, and
 * its last line is a closing fence.
 */
/* The first line of the block after n in the document (not inside n), or
   0 when n is the last. */
static long
next_block_line(cmark_node *n)
{
	for (; n && cmark_node_get_type(n) != CMARK_NODE_DOCUMENT;
	     n = cmark_node_parent(n))
		if (cmark_node_next(n))
			return cmark_node_get_start_line(cmark_node_next(n));
	return 0;
}

static bool
fence_unclosed(struct mdp *m, cmark_node *n, const char *text, int flen,
	       char fch)
{
	long lines = (long)md_count_byte(text, strlen(text), '\n');
	long close = cmark_node_get_start_line(n) + lines + 1;
	long next = next_block_line(n);
	if (cmark_node_get_end_line(n) != close || (next && next <= close))
		return true; /* "- ```" then "```": the second opens a block */
	size_t len;
	const char *s = body_line(m, close, &len);
	return s == NULL || !is_closing_fence(s, len, flen, fch);
}

static uint32_t
max_u32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

/*
 * Content: whole lines after the opening fence, or from the first code
 * byte of an indented block.  The block ends at the end of its closing
 * fence, and never before its content does.
 */
static void
code_extents(struct mdp *m, cmark_node *n, bool fenced, bool open,
	     struct help_block *out)
{
	long line = cmark_node_get_start_line(n);
	const char *text = out->u.code.text;
	long first = fenced ? line + 1 : line;
	long lines = (long)md_count_byte(text, strlen(text), '\n');
	uint32_t from = fenced ? md_ext_line_start(m, first) : out->ext.start;
	struct help_extent c = { from, md_ext_line_start(m, first + lines) };

	if (c.end < c.start)
		c.end = c.start;
	uint32_t end = md_ext_line_trim(m, open ? line : first + lines);

	out->ext.end = max_u32(fenced ? end : c.start, c.end);
	out->u.code.content = c;
	out->u.code.verbatim = md_ext_verbatim(m, c, text);
}

static bool
convert_code(struct mdp *m, cmark_node *n, struct help_block *out)
{
	int flen = 0, foff = 0;
	char fch = 0;

	out->kind = HELP_BLOCK_CODE;
	out->u.code.info =
		md_trim_dup(m->a, node_str(m, cmark_node_get_fence_info(n)));
	out->u.code.text = node_str(m, cmark_node_get_literal(n));
	if (!cmark_node_get_fenced(n, &flen, &foff, &fch) || flen <= 0) {
		code_extents(m, n, false, false, out);
		return true;
	}
	bool open = fence_unclosed(m, n, out->u.code.text, flen, fch);
	code_extents(m, n, true, open, out);
	/* A fence line with an info string inside the block: the author
	 * meant to close the block and open another (about_Debuggers.md). */
	if (has_inner_opener(out->u.code.text, flen, fch)) {
		out->u.code.unclosed = true;
		diag_report(m->dx, DIAG_FENCE_SWALLOWED, out->pos.line,
			    out->pos.col);
	} else if (open) {
		out->u.code.unclosed = true;
		diag_report(m->dx, DIAG_FENCE_UNCLOSED, out->pos.line,
			    out->pos.col);
	}
	return true;
}

/* The start of node n in the source. */
static uint32_t
node_start(const struct mdp *m, cmark_node *n)
{
	return md_ext_at(m, cmark_node_get_start_line(n),
			 cmark_node_get_start_column(n));
}

/* A container ends with its first line or its last block, if later. */
static uint32_t
container_end(const struct mdp *m, cmark_node *n, const struct help_blocks *b)
{
	uint32_t end = md_ext_line_trim(m, cmark_node_get_start_line(n));
	return b->n ? max_u32(end, b->v[b->n - 1].ext.end) : end;
}

static bool
convert_list(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	size_t count = 0, i = 0;
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c))
		count++;
	out->kind = HELP_BLOCK_LIST;
	out->u.list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	out->u.list.tight = cmark_node_get_list_tight(n) != 0;
	out->u.list.start = cmark_node_get_list_start(n);
	out->u.list.items = arena_array(m->a, count ? count : 1,
					sizeof(struct help_blocks));
	out->u.list.item_ext = arena_array(m->a, count ? count : 1,
					   sizeof(struct help_extent));
	out->ext.end = md_ext_line_trim(m, cmark_node_get_start_line(n));
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c)) {
		struct help_blocks *item = &out->u.list.items[i];
		*item = convert_children(m, c, depth + 1);
		out->u.list.item_ext[i] =
			(struct help_extent){ node_start(m, c),
					      container_end(m, c, item) };
		out->ext.end =
			max_u32(out->ext.end, out->u.list.item_ext[i].end);
		/* an empty item (a lone "-", as machine translation leaves
		 * them) is nothing to show */
		if (item->n > 0)
			i++;
	}
	out->u.list.nitems = i;
	return i > 0;
}

static bool
alert_name(const char *s, enum help_alert_kind *kind)
{
	static const char *const names[] = { "note", "tip", "important",
					     "warning", "caution" };
	size_t n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	if (n < 4 || s[0] != '[' || s[1] != '!' || s[n - 1] != ']')
		return false;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n - 3 && prefix_ci(s + 2, names[i])) {
			*kind = (enum help_alert_kind)i;
			return true;
		}
	return false;
}

/*
 * `> [!NOTE]` alone on the quote's first line.  The marker's nodes (and
 * the line break after it) are removed from the tree.
 */
static bool
take_alert_marker(cmark_node *quote, enum help_alert_kind *kind)
{
	char buf[32];
	size_t len = 0;
	cmark_node *para = cmark_node_first_child(quote), *c;

	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
		return false;
	for (c = cmark_node_first_child(para);
	     c && cmark_node_get_type(c) == CMARK_NODE_TEXT;
	     c = cmark_node_next(c)) {
		const char *lit = cmark_node_get_literal(c);
		size_t k = lit ? strlen(lit) : 0;
		if (len + k >= sizeof(buf))
			return false;
		memcpy(buf + len, lit, k);
		len += k;
	}
	buf[len] = '\0';
	if (c && cmark_node_get_type(c) != CMARK_NODE_SOFTBREAK &&
	    cmark_node_get_type(c) != CMARK_NODE_LINEBREAK)
		return false;
	if (!alert_name(buf, kind))
		return false;
	cmark_node *stop = c ? cmark_node_next(c) : NULL, *next;
	for (c = cmark_node_first_child(para); c && c != stop; c = next) {
		next = cmark_node_next(c);
		cmark_node_free(c); /* unlinks it first */
	}
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
	return true;
}

/*
 * The paragraph that held the [!NOTE] marker now starts on the next line
 * (after its `>` prefix); the body is its blocks.
 */
static void
alert_body_extent(const struct mdp *m, cmark_node *n, struct help_block *out)
{
	struct help_blocks *b = &out->u.alert.body;
	long next = cmark_node_get_start_line(n) + 1;
	uint32_t from = md_ext_line_start(m, next);
	if (b->n == 0) {
		out->u.alert.body_ext =
			(struct help_extent){ out->ext.end, out->ext.end };
		return;
	}
	struct help_block *first = &b->v[0];
	if (first->kind == HELP_BLOCK_PARA && first->ext.start < from) {
		const char *s = m->doc->source;
		uint32_t e = md_ext_line_end(m, next);
		while (from < e &&
		       (s[from] == ' ' || s[from] == '\t' || s[from] == '>'))
			from++;
		first->ext.start =
			from < first->ext.end ? from : first->ext.end;
	}
	out->u.alert.body_ext = (struct help_extent){ first->ext.start,
						      b->v[b->n - 1].ext.end };
}

static bool
convert_quote(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	enum help_alert_kind kind;
	if (take_alert_marker(n, &kind)) {
		out->kind = HELP_BLOCK_ALERT;
		out->u.alert.kind = kind;
		out->u.alert.body = convert_children(m, n, depth + 1);
		out->ext.end = container_end(m, n, &out->u.alert.body);
		alert_body_extent(m, n, out);
	} else {
		out->kind = HELP_BLOCK_QUOTE;
		out->u.quote = convert_children(m, n, depth + 1);
		out->ext.end = container_end(m, n, &out->u.quote);
	}
	return true;
}

static bool
is_ext_type(cmark_node *n, const char *name)
{
	const char *t = cmark_node_get_type_string(n);
	return t && strcmp(t, name) == 0;
}

static enum help_align
align_of(uint8_t c)
{
	switch (c) {
	case 'l':
		return HELP_ALIGN_LEFT;
	case 'c':
		return HELP_ALIGN_CENTER;
	case 'r':
		return HELP_ALIGN_RIGHT;
	default:
		return HELP_ALIGN_NONE;
	}
}

static bool
convert_table(struct mdp *m, cmark_node *n, struct help_block *out)
{
	size_t ncols = cmark_gfm_extensions_get_table_columns(n), nrows = 0;
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);

	for (cmark_node *r = cmark_node_first_child(n); r;
	     r = cmark_node_next(r))
		nrows++;
	if (ncols == 0 || nrows == 0)
		return false;
	if (nrows * ncols > MAX_TABLE_CELLS)
		nrows = MAX_TABLE_CELLS / ncols ? MAX_TABLE_CELLS / ncols : 1;
	struct help_table *t = &out->u.table;
	out->kind = HELP_BLOCK_TABLE;
	t->ncols = ncols;
	t->nrows = nrows;
	t->align = arena_array(m->a, ncols, sizeof(*t->align));
	for (size_t c = 0; c < ncols; c++)
		t->align[c] = al ? align_of(al[c]) : HELP_ALIGN_NONE;
	t->cells = arena_array(m->a, nrows * ncols, sizeof(*t->cells));
	t->cell_ext = arena_array(m->a, nrows * ncols, sizeof(*t->cell_ext));
	/* the delimiter row is the line after the header */
	out->ext.end = md_ext_line_trim(m, cmark_node_get_start_line(n) + 1);
	size_t r = 0;
	for (cmark_node *row = cmark_node_first_child(n); row && r < nrows;
	     row = cmark_node_next(row), r++) {
		struct help_extent *ce = &t->cell_ext[r * ncols];
		long line = cmark_node_get_start_line(row);
		md_ext_table_row(m, line, cmark_node_get_start_column(row), ce,
				 ncols);
		out->ext.end = max_u32(out->ext.end, md_ext_line_trim(m, line));
		size_t c = m->opt->names_only ? ncols : 0; /* no names */
		for (cmark_node *cell = cmark_node_first_child(row);
		     cell && c < ncols; cell = cmark_node_next(cell), c++)
			t->cells[r * ncols + c] =
				convert_inlines(m, cell, ce[c]);
	}
	return true;
}

/* The anchor of a heading: its first <a name="slug"> tag. */
static const char *
heading_anchor(struct mdp *m, cmark_node *h)
{
	for (cmark_node *c = cmark_node_first_child(h); c;
	     c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_HTML_INLINE)
			continue;
		const char *a = md_anchor_of(m->a, cmark_node_get_literal(c));
		if (a)
			return a;
	}
	return NULL;
}

static void
convert_heading(struct mdp *m, cmark_node *n, struct help_block *out)
{
	out->kind = HELP_BLOCK_HEADING;
	out->u.heading.level = cmark_node_get_heading_level(n);
	md_ext_heading(m, out->ext.start, cmark_node_get_start_line(n),
		       cmark_node_get_end_line(n), &out->ext,
		       &out->u.heading.text_ext);
	out->u.heading.text = convert_inlines(m, n, out->u.heading.text_ext);
	out->u.heading.anchor = heading_anchor(m, n);
}

/*
 * The node whose position n has: n, or for a node cmark-gfm gave none
 * (the paragraph it splits off above a table's header row) the next
 * node that has one, else its container.  NULL: the document's start.
 */
static cmark_node *
positioned(cmark_node *n)
{
	while (n && cmark_node_get_start_line(n) <= 0)
		n = cmark_node_next(n) ? cmark_node_next(n)
				       : cmark_node_parent(n);
	return n;
}

/* Returns false for nodes that give no block (empty HTML, unknown). */
static bool
convert_block(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	cmark_node *at = positioned(n);
	/* a block without a position gets an empty extent where it is */
	long last = at == n ? cmark_node_get_end_line(n) : 0;
	memset(out, 0, sizeof(*out));
	out->pos = at ? node_pos(m, at) : (struct help_pos){ m->line0 + 1, 1 };
	out->ext.start = out->ext.end = at ? node_start(m, at) : md_ext_at(m, 1, 1);
	if (depth > m->max_depth)
		return false;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		out->kind = HELP_BLOCK_PARA;
		out->ext.end =
			max_u32(out->ext.start, md_ext_line_trim(m, last));
		out->u.para = convert_inlines(m, n, out->ext);
		return true;
	case CMARK_NODE_HEADING:
		convert_heading(m, n, out);
		return true;
	case CMARK_NODE_CODE_BLOCK:
		return convert_code(m, n, out);
	case CMARK_NODE_HTML_BLOCK:
		out->kind = HELP_BLOCK_HTML;
		out->ext.end =
			max_u32(out->ext.start, md_ext_line_trim(m, last));
		out->u.para = md_html_block_text(m, cmark_node_get_literal(n));
		return out->u.para.n > 0;
	case CMARK_NODE_THEMATIC_BREAK:
		out->kind = HELP_BLOCK_RULE;
		out->ext.end = max_u32(
			out->ext.start,
			md_ext_line_trim(m, cmark_node_get_start_line(n)));
		return true;
	case CMARK_NODE_LIST:
		return convert_list(m, n, depth + 1, out);
	case CMARK_NODE_BLOCK_QUOTE:
		return convert_quote(m, n, depth + 1, out);
	default:
		return is_ext_type(n, "table") && convert_table(m, n, out);
	}
}

/* ---------- cmark pass ---------- */

static bool
is_container(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
	       t == CMARK_NODE_ITEM;
}

/* Container depth, measured without recursion before anything recurses. */
static bool
depth_ok(struct mdp *m, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int depth = 0;
	bool ok = true;

	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (!is_container(n))
			continue;
		depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
		if (depth > m->max_depth) {
			struct help_pos p = node_pos(m, n);
			diag_report(m->dx, DIAG_NESTING_TOO_DEEP, p.line, p.col,
				    m->max_depth);
			ok = false;
		}
	}
	cmark_iter_free(it);
	return ok;
}

/* A heading made of one link (and anchors): `### [Name](Name.md)`. */
static bool
is_link_heading(cmark_node *h)
{
	int links = 0;
	for (cmark_node *c = cmark_node_first_child(h); c;
	     c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_LINK)
			links++;
		else if (t != CMARK_NODE_HTML_INLINE)
			return false;
	}
	return links == 1;
}

/*
 * names_only: whether top-level paragraph n can be summed up (para_sum).
 * Not one right after an H2, which an INPUTS or OUTPUTS part may name a
 * type with.
 */
static bool
summarized_para(const struct mdp *m, cmark_node *n)
{
	return m->opt->names_only &&
	       cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
	       !(m->nitems && m->items[m->nitems - 1].level == 2);
}

/* A top-level paragraph summed up, or converted where that is unsure. */
static void
convert_summarized(struct mdp *m, cmark_node *n, struct item *it)
{
	m->para_sum = &it->sum;
	convert_block(m, n, 0, &it->blk);
	m->para_sum = NULL;
	it->summarized = !it->sum.unclean;
	if (!it->summarized)
		convert_block(m, n, 0, &it->blk);
}

static void
add_item(struct mdp *m, cmark_node *n)
{
	struct item it = { 0 };

	if (m->h1_only && (cmark_node_get_type(n) != CMARK_NODE_HEADING ||
			   cmark_node_get_heading_level(n) != 1))
		return;
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		convert_block(m, n, 0, &it.blk);
		it.level = it.blk.u.heading.level;
		it.text = md_trim_dup(
			m->a,
			help_inline_plain(m->doc, &it.blk.u.heading.text));
		it.link_heading = is_link_heading(n);
	} else if (summarized_para(m, n)) {
		convert_summarized(m, n, &it);
	} else if (!convert_block(m, n, 0, &it.blk)) {
		return;
	}
	int flen, foff;
	char fch;
	it.pos = it.content_pos = it.blk.pos;
	/* a fence's content starts on the next line, in the fence's column */
	if (it.blk.kind == HELP_BLOCK_CODE &&
	    cmark_node_get_fenced(n, &flen, &foff, &fch))
		it.content_pos.line++;
	PUSH(m->items, m->nitems, m->items_cap) = it;
}

/* The most cmark may take for a body of len bytes: what the peak memory of
   a parse is bounded by (get-help(1), LIMITS). */
static size_t
cmark_budget(size_t len)
{
	return MD_PARSE_BYTES_PER_BYTE * len + MD_PARSE_BASE_BYTES;
}

/* Parses the body with cmark and turns it into m->items. */
static bool
read_body(struct mdp *m, bool tables)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p =
		cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, md_pool_begin());
	cmark_syntax_extension *ext = cmark_find_syntax_extension("table");
	if (tables && ext)
		cmark_parser_attach_syntax_extension(p, ext);
	/* A page of very many tiny blocks (a million one-letter paragraphs)
	   costs cmark hundreds of bytes per byte: refused, not swapped. */
	size_t budget = cmark_budget(m->body_len);
	jmp_buf over;
	if (setjmp(over)) {
		md_pool_end(); /* the parser's memory, all in the pool */
		diag_report(m->dx, DIAG_INPUT_TOO_DENSE, 0, 0,
			    budget >> 20);
		return false;
	}
	md_pool_limit(budget, &over);
	cmark_parser_feed(p, m->body, m->body_len);
	cmark_node *root = cmark_parser_finish(p);
	md_pool_limit(0, NULL);
	bool ok = root && depth_ok(m, root);
	if (ok)
		for (cmark_node *c = cmark_node_first_child(root); c;
		     c = cmark_node_next(c))
			add_item(m, c);
	/* The tree and the parser are all in the pool: freed at once, not
	   node by node (cmark_node_free, cmark_parser_free). */
	md_pool_end();
	return ok;
}

/* ---------- a fragment ---------- */

bool
md_is_one_paragraph(const char *s, size_t len)
{
	struct diag_ctx quiet;
	bool tables = true;
	diag_init(&quiet, NULL);
	quiet.threshold = DIAGL__COUNT;
	if (len == 0 || len > MD_PARSE_MAX_BYTES || memchr(s, '\0', len) ||
	    !md_guard_input(s, len, &tables, &quiet))
		return false; /* what cmark would be slow on is no paragraph */
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p =
		cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, md_pool_begin());
	cmark_syntax_extension *ext = cmark_find_syntax_extension("table");
	if (ext && tables)
		cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, s, len);
	cmark_node *root = cmark_parser_finish(p);
	cmark_node *first = root ? cmark_node_first_child(root) : NULL;
	bool one = first && cmark_node_next(first) == NULL &&
		   cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
	md_pool_end(); /* the tree and the parser with it */
	return one;
}

/* ---------- entry points ---------- */

/* The page's bytes, kept with the document for the extents: a copy, or
   the caller's NUL-terminated malloc'd buffer itself (owned). */
static const char *
keep_source(struct help_doc *doc, const char *buf, size_t len, char *owned)
{
	char *s = owned;
	if (owned) {
		arena_adopt(&doc->arena, owned);
	} else {
		s = arena_alloc(&doc->arena, len + 1);
		if (len)
			memcpy(s, buf, len);
		s[len] = '\0';
	}
	doc->source = s;
	doc->source_len = len;
	return s;
}

#ifdef PSHELP_MODEL_CHECK
/* A model that breaks its own rules is a parser bug: stop loudly. */
static void
model_check(const struct help_doc *doc, const struct md_parse_options *opt)
{
	struct strbuf why = STRBUF_INIT;
	strbuf_init(&why);
	if (!help_doc_check_extents(doc, &why)) {
		fprintf(stderr, "pshelp: model check failed for %s: %s\n",
			opt->path ? opt->path : "(page)", why.buf);
		abort();
	}
	strbuf_release(&why);
}
#endif

/* Whether line s[0..n) opens or closes a fenced code block. */
static bool
is_fence_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	return n - i >= 3 && (memcmp(s + i, "```", 3) == 0 ||
			      memcmp(s + i, "~~~", 3) == 0);
}

/* Whether line s[0..n) is an ATX heading of level 2. */
static bool
is_h2_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	return n - i >= 3 && s[i] == '#' && s[i + 1] == '#' &&
	       (s[i + 2] == ' ' || s[i + 2] == '\t');
}

/*
 * Where a summary parse stops (see summary_only): the start of the
 * second level-2 heading outside front matter and code fences, or len.
 */
static size_t
summary_end(const char *buf, size_t len)
{
	size_t at = 0, h2 = 0;
	bool fence = false, front = len >= 3 && memcmp(buf, "---", 3) == 0;
	for (size_t line = 0; at < len; line++) {
		const char *nl = memchr(buf + at, '\n', len - at);
		size_t n = (nl ? (size_t)(nl - buf) : len) - at;
		if (front && line > 0 && n >= 3 && memcmp(buf + at, "---", 3) == 0)
			front = false;
		else if (!front && is_fence_line(buf + at, n))
			fence = !fence;
		else if (!front && !fence && is_h2_line(buf + at, n) && ++h2 == 2)
			return at;
		at += n + (nl != NULL);
	}
	return len;
}

static struct help_doc *
parse(const char *buf, size_t len, char *owned,
      const struct md_parse_options *opt, struct diag_ctx *dx)
{
	static const struct md_parse_options none;
	struct diag_ctx quiet;
	struct frontmatter fm;
	bool tables;

	if (dx == NULL) {
		diag_init_quiet(&quiet, NULL);
		dx = &quiet;
	}
	if (opt == NULL)
		opt = &none;
	if (buf == NULL)
		len = 0;
	size_t max = opt->max_bytes ? opt->max_bytes : MD_PARSE_MAX_BYTES;
	if (max >= UINT32_MAX) /* extents are 32-bit offsets */
		max = UINT32_MAX - 1;
	if (!md_input_ok(buf ? buf : "", len, max, dx)) {
		free(owned);
		return NULL;
	}
	if (opt->summary_only && buf)
		len = summary_end(buf, len);
	struct help_doc *doc = help_doc_new();
	const char *src = keep_source(doc, buf ? buf : "", len, owned);
	struct mdp m = { .doc = doc,
			 .a = &doc->arena,
			 .dx = dx,
			 .opt = opt,
			 .max_depth = opt->max_depth > 0 ? opt->max_depth
							 : MD_PARSE_MAX_DEPTH,
			 .cur_line = 1 };
	strbuf_init(&m.run_text);
	bool ok = frontmatter_parse(&doc->arena, src, len, &fm, dx) >= 0;
	doc->has_bom = len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0;
	doc->has_frontmatter = ok && fm.body_offset > 0;
	m.h1_only = ok && opt->names_only && md_no_command_by_header(&m, &fm);
	if (ok) {
		m.body = src + fm.body_offset;
		m.body_len = len - fm.body_offset;
		m.line0 = fm.body_line - 1;
		md_ext_lines_init(&m);
		ok = md_guard_input(m.body, m.body_len, &tables, dx) &&
		     read_body(&m, tables);
	}
	if (ok)
		md_parse_page(&m, &fm);
	free(m.items);
	free(m.line_start);
	md_runs_release(&m);
	doc->inline_links = md_to_arena(m.a, m.lpos, m.nlpos, sizeof(*m.lpos));
	doc->ninline_links = m.nlpos;
	if (!ok) {
		help_doc_free(doc);
		return NULL;
	}
#ifdef PSHELP_MODEL_CHECK
	model_check(doc, opt);
#endif
	return doc;
}

struct help_doc *
md_parse(const char *buf, size_t len, const struct md_parse_options *opt,
	 struct diag_ctx *dx)
{
	return parse(buf, len, NULL, opt, dx);
}

struct help_doc *
md_parse_file(const char *path, const struct md_parse_options *opt,
	      struct diag_ctx *dx)
{
	struct md_parse_options o = opt ? *opt : (struct md_parse_options){ 0 };
	size_t max = o.max_bytes ? o.max_bytes : MD_PARSE_MAX_BYTES, len;

	struct diag_ctx quiet;
	if (dx == NULL) {
		diag_init_quiet(&quiet, NULL);
		dx = &quiet;
	}
	if (o.path == NULL)
		o.path = path;
	/* At most max + 1 bytes: md_parse reports a page that is too big.
	   A FIFO or device never blocks the read. */
	char *buf;
	int err = o.regular_file ? file_read_regular(path, max, &buf, &len)
				 : file_read_all(path, max, &buf, &len);
	if (err) {
		diag_report(dx, DIAG_READ_FAILED, 0, 0, file_strerror(err));
		return NULL;
	}
	return parse(buf, len, buf, &o, dx); /* the page keeps buf */
}
