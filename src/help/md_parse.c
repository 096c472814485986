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
 */
#include "md_parse.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"
#include "platyps_meta.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Pages with more H2s than this are not aligned; the rest are unknown. */
#define MAX_ALIGN_SEGMENTS 1024
/* Cells kept of one table; a bigger table loses its last rows. */
#define MAX_TABLE_CELLS ((size_t)1 << 20)
/* Work allowed for the name guesses that compare every pair. */
#define MAX_MATCH_WORK ((size_t)1 << 24)

/* A heading or a top-level block, in page order. */
struct item {
	int level;		/* 0: a block; 1-6: a heading */
	struct help_block blk;	/* the block, or the heading as a block */
	const char *text;	/* heading text, trimmed */
	struct help_pos pos;
	struct help_pos content_pos; /* code: first content line and column */
	bool link_heading;	/* heading that is only a link */
};

/* Where a link node was: runs only keep the destination pointer. */
struct link_pos {
	const char *url;
	struct help_pos pos;
};

struct mdp {
	struct help_doc *doc;
	struct arena *a;
	struct diag_ctx *dx;
	const struct md_parse_options *opt;
	const char *body;
	size_t body_len;
	uint32_t line0; /* file line of body line 1, minus 1 */
	int max_depth;

	/* forward-only cursor over body lines */
	size_t cur_off;
	uint32_t cur_line;

	struct link_pos *lpos;
	size_t nlpos, lpos_cap, lpos_next;

	struct item *items;
	size_t nitems, items_cap;

	const char *names[3]; /* file stem, title, H1: what SYNTAX starts with */
};

/* ---------- small string helpers ---------- */

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ASCII case-insensitive equality; other bytes must match exactly. */
static bool
eq_ci(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return false;
	for (; *a && *b; a++, b++)
		if (lower(*a) != lower(*b))
			return false;
	return *a == *b;
}

static int
cmp_ci(const char *a, const char *b)
{
	for (; *a && lower(*a) == lower(*b); a++, b++)
		;
	return (unsigned char)lower(*a) - (unsigned char)lower(*b);
}

static bool
prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (lower(*s) != lower(*prefix))
			return false;
	return true;
}

/* s without the spaces at both ends, copied into the arena. */
static const char *
trim_dup(struct arena *a, const char *s)
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
static const char *
clean_dup(struct arena *a, const char *s, size_t len, size_t *outlen)
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
	return clean_dup(m->a, s ? s : "", s ? strlen(s) : 0, NULL);
}

/* Copies a temporary array into the arena and frees it. */
static void *
to_arena(struct arena *a, void *v, size_t n, size_t size)
{
	void *r = NULL;
	if (n) {
		r = arena_array(a, n, size);
		memcpy(r, v, n * size);
	}
	free(v);
	return r;
}

#define PUSH(v, n, cap) (*((v) = xgrow((v), &(cap), (n) + 1, sizeof(*(v))), \
			   &(v)[(n)++]))

/* ---------- input checks ---------- */

static struct help_pos
pos_at(const char *buf, size_t off)
{
	struct help_pos p = {1, 1};
	const char *s = buf, *end = buf + off, *nl;
	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		p.line++;
		s = nl + 1;
	}
	p.col = (uint32_t)(end - s) + 1;
	return p;
}

static bool
input_ok(const char *buf, size_t len, size_t max, struct diag_ctx *dx)
{
	if (len > max) {
		diag_report(dx, DIAG_INPUT_TOO_LARGE, 0, 0, max);
		return false;
	}
	const char *nul = len ? memchr(buf, '\0', len) : NULL;
	size_t bad = utf8_first_invalid(buf, len);
	if (nul && (size_t)(nul - buf) <= bad) {
		struct help_pos p = pos_at(buf, (size_t)(nul - buf));
		diag_report(dx, DIAG_NUL_BYTE, p.line, p.col);
		return false;
	}
	if (bad < len) {
		struct help_pos p = pos_at(buf, bad);
		diag_report(dx, DIAG_UTF8_INVALID, p.line, p.col);
		return false;
	}
	return true;
}

/* ---------- guard against the parser's slow paths ---------- */

/*
 * cmark-gfm 0.29.0.gfm.6 spends quadratic time on a few inputs (fixed
 * upstream later): table rows with many cells, delimiter rows under long
 * paragraphs, tables padded out to a wide header, and unterminated
 * inline `<?`, `<!` or `![` openers.  One pass over the raw lines bounds
 * that work from above, per run of non-blank lines (no paragraph, table
 * or bracket stack crosses a blank line).  It decides nothing about the
 * page's structure.
 */
struct guard {
	uint64_t table_work, table_cells, html_work, image_work;
	uint64_t r_bytes, r_pipes, r_cols, r_html, r_image, r_close;
};

static uint64_t
count_byte(const char *s, size_t n, char c)
{
	uint64_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static uint64_t
count_pair(const char *s, size_t n, char c1, const char *c2)
{
	uint64_t k = 0;
	for (size_t i = 0; i + 1 < n; i++)
		k += s[i] == c1 && strchr(c2, s[i + 1]) && s[i + 1];
	return k;
}

/* Only spaces, '>' and the delimiter row alphabet: could open a table. */
static bool
delimiter_like(const char *s, size_t n, bool *blank)
{
	bool dash = false, pipe = false, other = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		dash |= c == '-';
		pipe |= c == '|';
		if (!strchr(" \t\r>|:-", c))
			other = true;
	}
	*blank = !dash && !pipe && !other;
	return dash && pipe && !other;
}

static void
guard_end_run(struct guard *g)
{
	g->html_work += g->r_html * g->r_bytes;
	g->image_work += g->r_image * g->r_close;
	g->r_bytes = g->r_pipes = g->r_cols = 0;
	g->r_html = g->r_image = g->r_close = 0;
}

static void
guard_line(struct guard *g, const char *s, size_t n)
{
	bool blank;
	bool delim = delimiter_like(s, n, &blank);
	if (blank) {
		guard_end_run(g);
		return;
	}
	uint64_t pipes = count_byte(s, n, '|');
	if (delim) {
		/* the paragraph above is re-read as a header row */
		g->table_work += g->r_pipes * g->r_pipes + g->r_bytes;
		if (pipes + 1 > g->r_cols)
			g->r_cols = pipes + 1;
	}
	if (g->r_cols) {
		g->table_work += pipes * pipes;
		g->table_cells += g->r_cols;
	}
	g->r_pipes += pipes;
	g->r_bytes += n;
	g->r_html += count_pair(s, n, '<', "?!");
	g->r_image += count_pair(s, n, '!', "[");
	g->r_close += count_byte(s, n, ']');
}

/*
 * Returns false (after reporting) for a page that would take too long;
 * *tables says whether the table extension can be used.
 */
static bool
guard_input(const char *s, size_t len, bool *tables, struct diag_ctx *dx)
{
	struct guard g = {0};
	uint64_t budget = 16 * (uint64_t)len + ((uint64_t)1 << 24);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
		guard_line(&g, s + i, n);
		i += n + 1;
	}
	guard_end_run(&g);
	*tables = g.table_work <= budget && g.table_cells <= len + (1u << 20);
	const char *what = NULL;
	if (g.html_work > budget)
		what = "<!";
	else if (g.image_work > budget)
		what = "![";
	if (what)
		diag_report(dx, DIAG_INPUT_TOO_COMPLEX, 0, 0, what);
	return what == NULL;
}

/* ---------- source lines ---------- */

static struct help_pos
node_pos(struct mdp *m, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);
	int col = cmark_node_get_start_column(n);
	return (struct help_pos){
		(uint32_t)(line > 0 ? line : 1) + m->line0,
		(uint32_t)(col > 0 ? col : 1)};
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

/* ---------- inline runs ---------- */

struct runs {
	struct help_run *v;
	size_t n, cap;
	struct strbuf text; /* pending text run */
	bool pending;
	unsigned flags;
	const char *link;
};

static void
runs_init(struct runs *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->text);
}

static void
runs_flush(struct mdp *m, struct runs *r)
{
	if (!r->pending)
		return;
	struct help_run *run = &PUSH(r->v, r->n, r->cap);
	memset(run, 0, sizeof(*run));
	run->kind = HELP_RUN_TEXT;
	run->flags = r->flags;
	run->link = r->link;
	run->text = clean_dup(m->a, r->text.buf, r->text.len, &run->len);
	strbuf_reset(&r->text);
	r->pending = false;
}

/* Adjacent text with the same flags becomes one run. */
static void
runs_text(struct mdp *m, struct runs *r, const char *s, size_t len,
	  unsigned flags, const char *link)
{
	if (len == 0)
		return;
	if (r->pending && (r->flags != flags || r->link != link))
		runs_flush(m, r);
	if (!r->pending) {
		r->pending = true;
		r->flags = flags;
		r->link = link;
	}
	strbuf_add(&r->text, s, len);
}

static void
runs_other(struct mdp *m, struct runs *r, enum help_run_kind kind,
	   const char *s, unsigned flags, const char *link)
{
	runs_flush(m, r);
	struct help_run *run = &PUSH(r->v, r->n, r->cap);
	memset(run, 0, sizeof(*run));
	run->kind = kind;
	run->flags = flags;
	run->link = link;
	if (s)
		run->text = clean_dup(m->a, s, strlen(s), &run->len);
}

static struct help_inline
runs_finish(struct mdp *m, struct runs *r)
{
	runs_flush(m, r);
	strbuf_release(&r->text);
	struct help_inline in = {NULL, r->n};
	in.runs = to_arena(m->a, r->v, r->n, sizeof(*r->v));
	return in;
}

/* ---------- inline HTML ---------- */

static bool
is_void_element(const char *name, size_t n)
{
	static const char *const v[] = {"area", "base", "br", "col", "embed",
		"hr", "img", "input", "link", "meta", "param", "source",
		"track", "wbr"};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (strlen(v[i]) == n && prefix_ci(name, v[i]))
			return true;
	return false;
}

/* +1 for an opening tag that needs a closing one, -1 for a closing tag. */
static int
tag_effect(const char *t, bool *is_br)
{
	size_t n = strlen(t);
	*is_br = false;
	if (n < 3 || t[0] != '<')
		return 0;
	bool closing = t[1] == '/';
	const char *name = t + 1 + closing;
	size_t k = 0;
	while ((name[k] >= 'a' && name[k] <= 'z') ||
	       (name[k] >= 'A' && name[k] <= 'Z') ||
	       (k && name[k] >= '0' && name[k] <= '9'))
		k++;
	if (k == 0)
		return 0; /* comment, declaration, processing instruction */
	if (k == 2 && prefix_ci(name, "br")) {
		*is_br = true;
		return 0;
	}
	if (closing)
		return -1;
	if (t[n - 2] == '/' || is_void_element(name, k))
		return 0;
	return 1;
}

/* The value of attribute `name=` or `id=` of an <a> tag, or NULL. */
static const char *
anchor_of(struct arena *a, const char *t)
{
	if (!prefix_ci(t, "<a") || !is_space(t[2]))
		return NULL;
	for (const char *p = t + 2; *p && *p != '>'; p++) {
		if (!is_space(p[-1]))
			continue;
		size_t k = prefix_ci(p, "name=") ? 5 : prefix_ci(p, "id=") ? 3 : 0;
		if (k == 0)
			continue;
		p += k;
		char q = (*p == '"' || *p == '\'') ? *p++ : 0;
		size_t n = 0;
		while (p[n] && p[n] != '>' &&
		       (q ? p[n] != q : !is_space(p[n]) && p[n] != '/'))
			n++;
		return n ? clean_dup(a, p, n, NULL) : NULL;
	}
	return NULL;
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

/* The link destination in the arena; its position is remembered. */
static const char *
link_enter(struct mdp *m, cmark_node *n)
{
	const char *url = node_str(m, cmark_node_get_url(n));
	struct link_pos *lp = &PUSH(m->lpos, m->nlpos, m->lpos_cap);
	lp->url = url;
	lp->pos = node_pos(m, n);
	return url;
}

static void
inline_html(struct mdp *m, struct runs *r, struct inl_state *st,
	    const char *lit)
{
	bool br;
	int e = tag_effect(lit ? lit : "", &br);
	if (br)
		runs_other(m, r, HELP_RUN_LINEBREAK, NULL, inl_flags(st),
			   st->link);
	else if (e > 0)
		st->html++;
	else if (e < 0 && st->html)
		st->html--;
}

static void
inline_event(struct mdp *m, struct runs *r, struct inl_state *st,
	     cmark_node *n, bool enter)
{
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (lit)
			runs_text(m, r, lit, strlen(lit), inl_flags(st),
				  st->link);
		break;
	case CMARK_NODE_CODE:
		runs_other(m, r, HELP_RUN_CODE, node_str(m,
			   cmark_node_get_literal(n)), inl_flags(st), st->link);
		break;
	case CMARK_NODE_SOFTBREAK:
		runs_other(m, r, HELP_RUN_SOFTBREAK, NULL, inl_flags(st),
			   st->link);
		break;
	case CMARK_NODE_LINEBREAK:
		runs_other(m, r, HELP_RUN_LINEBREAK, NULL, inl_flags(st),
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

/* The inline children of a leaf block (paragraph, heading, table cell). */
static struct help_inline
convert_inlines(struct mdp *m, cmark_node *parent)
{
	struct runs r;
	struct inl_state st = {0};
	cmark_event_type ev;

	runs_init(&r);
	cmark_iter *it = cmark_iter_new(parent);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n != parent)
			inline_event(m, &r, &st, n, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
	return runs_finish(m, &r);
}

/* ---------- HTML blocks (libxml2) ---------- */

struct html_out {
	struct runs r;
	bool line_start, space;
};

static void
ho_text(struct mdp *m, struct html_out *o, const char *s)
{
	while (*s) {
		if (is_space(*s)) {
			o->space = true;
			s++;
			continue;
		}
		size_t k = 0;
		while (s[k] && !is_space(s[k]))
			k++;
		if (o->space && !o->line_start)
			runs_text(m, &o->r, " ", 1, HELP_RUN_HTML, NULL);
		runs_text(m, &o->r, s, k, HELP_RUN_HTML, NULL);
		o->line_start = o->space = false;
		s += k;
	}
}

static void
ho_break(struct mdp *m, struct html_out *o)
{
	if (!o->line_start)
		runs_other(m, &o->r, HELP_RUN_LINEBREAK, NULL, HELP_RUN_HTML,
			   NULL);
	o->line_start = true;
	o->space = false;
}

static bool
html_name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (eq_ci((const char *)n->name, *names))
			return true;
	return false;
}

/* Elements that end a line of text before and after them. */
static bool
html_is_block(const xmlNode *n)
{
	static const char *const names[] = {"p", "div", "li", "ul", "ol",
		"tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "pre", "dl", "dt", "dd", "hr", "section",
		"article", "header", "footer", "nav", "details", "summary",
		"figure", "caption", NULL};
	return html_name_in(n, names);
}

/* Returns whether to descend into the node. */
static bool
html_enter(struct mdp *m, struct html_out *o, const xmlNode *n)
{
	static const char *const hidden[] = {"script", "style", "head",
		"title", "template", NULL};
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			ho_text(m, o, (const char *)n->content);
		return false;
	case XML_ELEMENT_NODE:
		if (html_name_in(n, hidden))
			return false;
		if (eq_ci((const char *)n->name, "br") || html_is_block(n))
			ho_break(m, o);
		else if (eq_ci((const char *)n->name, "td") ||
			 eq_ci((const char *)n->name, "th"))
			o->space = true;
		return true;
	default:
		return false;
	}
}

static void
html_leave(struct mdp *m, struct html_out *o, const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && html_is_block(n))
		ho_break(m, o);
}

static bool
html_is_top(const xmlNode *n)
{
	return n == NULL || n->type == XML_HTML_DOCUMENT_NODE ||
	       n->type == XML_DOCUMENT_NODE;
}

/* Walks the tree without recursion: HTML can nest deeply. */
static void
html_walk(struct mdp *m, struct html_out *o, xmlNode *n)
{
	while (n != NULL) {
		if (html_enter(m, o, n) && n->children) {
			n = n->children;
			continue;
		}
		html_leave(m, o, n);
		while (n->next == NULL) {
			n = n->parent;
			if (html_is_top(n))
				return;
			html_leave(m, o, n);
		}
		n = n->next;
	}
}

/* The text of a raw HTML block as runs; none for comments and anchors. */
static struct help_inline
html_block_text(struct mdp *m, const char *html)
{
	struct html_out o = {.line_start = true};
	size_t len = strlen(html);

	runs_init(&o.r);
	if (len > 0 && len < INT_MAX) {
		htmlDocPtr d = htmlReadMemory(html, (int)len, NULL, "UTF-8",
					      HTML_PARSE_NOERROR |
						      HTML_PARSE_NOWARNING |
						      HTML_PARSE_NONET);
		if (d != NULL) {
			html_walk(m, &o, d->children);
			xmlFreeDoc(d);
		}
	}
	runs_flush(m, &o.r);
	while (o.r.n && o.r.v[o.r.n - 1].kind == HELP_RUN_LINEBREAK)
		o.r.n--;
	return runs_finish(m, &o.r);
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
	return (struct help_blocks){to_arena(m->a, v, n, sizeof(*v)), n};
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
static bool
fence_unclosed(struct mdp *m, cmark_node *n, const char *text, int flen,
	       char fch)
{
	long lines = (long)count_byte(text, strlen(text), '\n');
	long close = cmark_node_get_start_line(n) + lines + 1;
	if (cmark_node_get_end_line(n) != close)
		return true;
	size_t len;
	const char *s = body_line(m, close, &len);
	return s == NULL || !is_closing_fence(s, len, flen, fch);
}

static bool
convert_code(struct mdp *m, cmark_node *n, struct help_block *out)
{
	int flen = 0, foff = 0;
	char fch = 0;

	out->kind = HELP_BLOCK_CODE;
	out->u.code.info = trim_dup(m->a, node_str(m,
				    cmark_node_get_fence_info(n)));
	out->u.code.text = node_str(m, cmark_node_get_literal(n));
	if (!cmark_node_get_fenced(n, &flen, &foff, &fch) || flen <= 0)
		return true;
	/* A fence line with an info string inside the block: the author
	 * meant to close the block and open another (about_Debuggers.md). */
	if (has_inner_opener(out->u.code.text, flen, fch)) {
		out->u.code.unclosed = true;
		diag_report(m->dx, DIAG_FENCE_SWALLOWED, out->pos.line,
			    out->pos.col);
	} else if (fence_unclosed(m, n, out->u.code.text, flen, fch)) {
		out->u.code.unclosed = true;
		diag_report(m->dx, DIAG_FENCE_UNCLOSED, out->pos.line,
			    out->pos.col);
	}
	return true;
}

static bool
convert_list(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	size_t count = 0, i = 0;
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		count++;
	out->kind = HELP_BLOCK_LIST;
	out->u.list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	out->u.list.tight = cmark_node_get_list_tight(n) != 0;
	out->u.list.start = cmark_node_get_list_start(n);
	out->u.list.items = arena_array(m->a, count ? count : 1,
					sizeof(struct help_blocks));
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		out->u.list.items[i++] = convert_children(m, c, depth + 1);
	out->u.list.nitems = count;
	return true;
}

static bool
alert_name(const char *s, enum help_alert_kind *kind)
{
	static const char *const names[] = {"note", "tip", "important",
					     "warning", "caution"};
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
	     c && cmark_node_get_type(c) == CMARK_NODE_TEXT; c = cmark_node_next(c)) {
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

static bool
convert_quote(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	enum help_alert_kind kind;
	if (take_alert_marker(n, &kind)) {
		out->kind = HELP_BLOCK_ALERT;
		out->u.alert.kind = kind;
		out->u.alert.body = convert_children(m, n, depth + 1);
	} else {
		out->kind = HELP_BLOCK_QUOTE;
		out->u.quote = convert_children(m, n, depth + 1);
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

	for (cmark_node *r = cmark_node_first_child(n); r; r = cmark_node_next(r))
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
	size_t r = 0;
	for (cmark_node *row = cmark_node_first_child(n); row && r < nrows;
	     row = cmark_node_next(row), r++) {
		size_t c = 0;
		for (cmark_node *cell = cmark_node_first_child(row);
		     cell && c < ncols; cell = cmark_node_next(cell), c++)
			t->cells[r * ncols + c] = convert_inlines(m, cell);
	}
	return true;
}

/* The anchor of a heading: its first <a name="slug"> tag. */
static const char *
heading_anchor(struct mdp *m, cmark_node *h)
{
	for (cmark_node *c = cmark_node_first_child(h); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_HTML_INLINE)
			continue;
		const char *a = anchor_of(m->a, cmark_node_get_literal(c));
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
	out->u.heading.text = convert_inlines(m, n);
	out->u.heading.anchor = heading_anchor(m, n);
}

/* Returns false for nodes that give no block (empty HTML, unknown). */
static bool
convert_block(struct mdp *m, cmark_node *n, int depth, struct help_block *out)
{
	memset(out, 0, sizeof(*out));
	out->pos = node_pos(m, n);
	if (depth > m->max_depth)
		return false;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		out->kind = HELP_BLOCK_PARA;
		out->u.para = convert_inlines(m, n);
		return true;
	case CMARK_NODE_HEADING:
		convert_heading(m, n, out);
		return true;
	case CMARK_NODE_CODE_BLOCK:
		return convert_code(m, n, out);
	case CMARK_NODE_HTML_BLOCK:
		out->kind = HELP_BLOCK_HTML;
		out->u.para = html_block_text(m, cmark_node_get_literal(n));
		return out->u.para.n > 0;
	case CMARK_NODE_THEMATIC_BREAK:
		out->kind = HELP_BLOCK_RULE;
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
	for (cmark_node *c = cmark_node_first_child(h); c; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_LINK)
			links++;
		else if (t != CMARK_NODE_HTML_INLINE)
			return false;
	}
	return links == 1;
}

static void
add_item(struct mdp *m, cmark_node *n)
{
	struct item it = {0};

	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		convert_block(m, n, 0, &it.blk);
		it.level = it.blk.u.heading.level;
		it.text = trim_dup(m->a, help_inline_plain(m->doc,
						&it.blk.u.heading.text));
		it.link_heading = is_link_heading(n);
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

/* Parses the body with cmark and turns it into m->items. */
static bool
read_body(struct mdp *m, bool tables)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_syntax_extension *ext = cmark_find_syntax_extension("table");
	if (tables && ext)
		cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, m->body, m->body_len);
	cmark_node *root = cmark_parser_finish(p);
	bool ok = root && depth_ok(m, root);
	if (ok)
		for (cmark_node *c = cmark_node_first_child(root); c;
		     c = cmark_node_next(c))
			add_item(m, c);
	if (root)
		cmark_node_free(root);
	cmark_parser_free(p);
	return ok;
}

static bool
is_yaml_info(const char *info)
{
	size_t n = 0;
	while (info[n] && !is_space(info[n]))
		n++;
	return (n == 4 && prefix_ci(info, "yaml")) ||
	       (n == 3 && prefix_ci(info, "yml"));
}

static bool
is_yaml_block(const struct help_block *b)
{
	return b->kind == HELP_BLOCK_CODE && is_yaml_info(b->u.code.info);
}

/* ---------- document fields ---------- */

/* "dir/Name.md" -> "Name" */
static const char *
path_stem(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return n ? clean_dup(a, base, n, NULL) : NULL;
}

/* "a/Module/Name.md" -> "Module" */
static const char *
path_folder(struct arena *a, const char *path)
{
	const char *end = strrchr(path, '/');
	if (end == NULL || end == path)
		return NULL;
	const char *start = end;
	while (start > path && start[-1] != '/')
		start--;
	return end > start ? clean_dup(a, start, (size_t)(end - start), NULL)
			   : NULL;
}

static const struct item *
first_heading(const struct mdp *m, int level)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].level == level)
			return &m->items[i];
	return NULL;
}

static void
fill_locale(struct mdp *m, const struct frontmatter *fm)
{
	const struct help_fm_entry *loc = frontmatter_find(fm, "Locale");
	const struct help_fm_entry *cl = frontmatter_find(fm, "ms.contentlocale");
	const char *culture = m->opt->culture;

	if (loc && cl && loc->value && cl->value && !eq_ci(loc->value, cl->value))
		diag_report(m->dx, DIAG_LOCALE_MISMATCH, loc->pos.line,
			    loc->pos.col, loc->value, cl->value);
	if (cl && cl->value && *cl->value)
		m->doc->locale = cl->value;
	else if (culture && *culture)
		m->doc->locale = clean_dup(m->a, culture, strlen(culture), NULL);
	else if (loc && loc->value && *loc->value)
		m->doc->locale = loc->value;
}

static void
fill_fields(struct mdp *m, const struct frontmatter *fm)
{
	struct help_doc *doc = m->doc;
	const char *path = m->opt->path;
	const char *title = frontmatter_get(fm, "title");
	const struct item *h1 = first_heading(m, 1);
	const struct help_fm_entry *al = frontmatter_find(fm, "aliases");

	doc->frontmatter = fm->entries;
	doc->nfrontmatter = fm->n;
	if (path)
		doc->path = clean_dup(m->a, path, strlen(path), NULL);
	doc->title = h1 ? h1->text : NULL;
	if (h1 == NULL)
		diag_report(m->dx, DIAG_NO_TITLE, m->line0 + 1, 1);
	m->names[0] = path ? path_stem(m->a, path) : NULL;
	m->names[1] = title && *title ? title : NULL;
	m->names[2] = h1 && *h1->text ? h1->text : NULL;
	for (size_t i = 0; i < 3 && !doc->name; i++)
		doc->name = m->names[i];
	if (doc->name == NULL)
		doc->name = "Untitled";
	fill_locale(m, fm);
	doc->module = frontmatter_get(fm, "Module Name");
	if ((doc->module == NULL || !*doc->module) && path)
		doc->module = path_folder(m->a, path);
	doc->online_uri = frontmatter_get(fm, "online version");
	if (al && al->nitems) {
		doc->aliases = al->items;
		doc->naliases = al->nitems;
	}
}

static enum help_doc_kind
detect_kind(const struct mdp *m, const struct frontmatter *fm)
{
	const char *folder = m->opt->path ? path_folder(m->a, m->opt->path) : NULL;
	size_t links = 0;

	for (size_t i = 0; i < 3; i++)
		if (m->names[i] && prefix_ci(m->names[i], "about_"))
			return HELP_DOC_ABOUT;
	if (folder && eq_ci(folder, "About"))
		return HELP_DOC_ABOUT;
	if (frontmatter_get(fm, "Module Guid"))
		return HELP_DOC_MODULE;
	for (size_t i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];
		if (it->level == 0 && is_yaml_block(&it->blk))
			return HELP_DOC_COMMAND; /* parameter metadata */
		links += it->level == 3 && it->link_heading;
	}
	return links >= 2 ? HELP_DOC_MODULE : HELP_DOC_COMMAND;
}

/* ---------- blocks of items ---------- */

/* A list of item indices: the content of one section, in page order. */
struct idx {
	size_t *v;
	size_t n, cap;
};

static void
idx_add_range(struct idx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		PUSH(x->v, x->n, x->cap) = i;
}

/* Items x[from..to) as blocks; headings become heading blocks. */
static struct help_blocks
blocks_of(struct mdp *m, const struct idx *x, size_t from, size_t to)
{
	struct help_blocks b = {NULL, 0};
	if (to <= from)
		return b;
	b.v = arena_array(m->a, to - from, sizeof(*b.v));
	for (size_t i = from; i < to; i++)
		b.v[b.n++] = m->items[x->v[i]].blk;
	return b;
}

static struct help_blocks
all_blocks(struct mdp *m, const struct idx *x)
{
	return blocks_of(m, x, 0, x->n);
}

/* Text runs and breaks only, at least one link, nothing outside links. */
static bool
inline_only_links(const struct help_inline *in)
{
	bool link = false;
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		if (r->flags & HELP_RUN_LINK) {
			link = true;
			continue;
		}
		if (r->kind != HELP_RUN_TEXT)
			continue;
		for (size_t k = 0; k < r->len; k++)
			if (!is_space(r->text[k]) && !strchr(",;|-•·", r->text[k]))
				return false;
	}
	return link;
}

static bool
block_only_links(const struct help_block *b, int depth)
{
	if (b->kind == HELP_BLOCK_PARA)
		return inline_only_links(&b->u.para);
	if (b->kind != HELP_BLOCK_LIST || depth > MD_PARSE_MAX_DEPTH)
		return false;
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		const struct help_blocks *it = &b->u.list.items[i];
		if (it->n == 0)
			return false;
		for (size_t k = 0; k < it->n; k++)
			if (!block_only_links(&it->v[k], depth + 1))
				return false;
	}
	return b->u.list.nitems > 0;
}

static size_t
inline_text_len(const struct help_inline *in)
{
	size_t n = 0;
	for (size_t i = 0; i < in->n; i++)
		n += in->runs[i].len;
	return n;
}

/* ---------- command pages: sections ---------- */

struct feat {
	size_t nblocks, nh3, nh3_yaml, nh3_code, nh3_num, nh3_short;
	size_t ncode_cmd, ncode_noinfo, ncode, nyaml;
	size_t npara, text_len, nlinkonly, nother;
	bool common;
};

struct seg {
	size_t head;	   /* item index of the H2 */
	size_t first, end; /* the items under it */
	int sec;	   /* section, or -1 */
	struct feat f;
};

/*
 * Heading text without leading dashes and spaces, inner spaces dropped,
 * lower-cased (xmalloc): "– Argument List" -> "argumentlist".
 */
static char *
name_key(const char *s)
{
	char *k = xmalloc(strlen(s) + 1), *o = k;
	for (;;) {
		if (*s == '-' || *s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xe2\x80\x93", 3) ||
			 !strncmp(s, "\xe2\x80\x94", 3))
			s += 3; /* en and em dash */
		else if (!strncmp(s, "\xc2\xa0", 2))
			s += 2;
		else
			break;
	}
	for (; *s; s++)
		if (!is_space(*s))
			*o++ = lower(*s);
	*o = '\0';
	return k;
}

static bool
is_common_heading(const char *text)
{
	char *k = name_key(text);
	bool r = strstr(k, "commonparameters") != NULL;
	free(k);
	return r;
}

/* Whether code starts with the command name (SYNTAX blocks do). */
static bool
starts_with_command(const struct mdp *m, const char *code)
{
	while (is_space(*code))
		code++;
	size_t n = 0;
	while (code[n] && !is_space(code[n]))
		n++;
	for (size_t i = 0; i < 3; i++) {
		const char *c = m->names[i];
		if (c && strlen(c) == n && n && prefix_ci(code, c))
			return true;
	}
	return false;
}

static bool
has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return true;
	return false;
}

/* An H3 part ends: count what it held. */
static void
feat_end_h3(struct feat *f, const struct item *h3, bool yaml, bool code)
{
	if (h3 == NULL)
		return;
	f->nh3++;
	f->nh3_yaml += yaml;
	f->nh3_code += code && !yaml;
	f->nh3_num += has_digit(h3->text);
	f->nh3_short += !yaml && !code && strlen(h3->text) <= 160;
	f->common |= !yaml && is_common_heading(h3->text);
}

static void
feat_block(const struct mdp *m, struct feat *f, const struct help_block *b,
	   bool *yaml, bool *code)
{
	f->nblocks++;
	if (b->kind == HELP_BLOCK_CODE) {
		f->ncode++;
		if (is_yaml_block(b)) {
			f->nyaml++;
			*yaml = true;
		} else if (*b->u.code.info == '\0') {
			f->ncode_noinfo++;
			f->ncode_cmd += starts_with_command(m, b->u.code.text);
			*code = true;
		} else {
			*code = true;
		}
		return;
	}
	if (b->kind == HELP_BLOCK_PARA) {
		f->npara++;
		f->text_len += inline_text_len(&b->u.para);
	}
	if (block_only_links(b, 0))
		f->nlinkonly++;
	else
		f->nother++;
}

static void
seg_features(const struct mdp *m, struct seg *s)
{
	const struct item *h3 = NULL;
	bool yaml = false, code = false;

	memset(&s->f, 0, sizeof(s->f));
	for (size_t i = s->first; i < s->end; i++) {
		const struct item *it = &m->items[i];
		if (it->level == 3) {
			feat_end_h3(&s->f, h3, yaml, code);
			h3 = it;
			yaml = code = false;
		} else if (it->level == 0) {
			feat_block(m, &s->f, &it->blk, &yaml, &code);
		} else {
			s->f.nother++;
		}
	}
	feat_end_h3(&s->f, h3, yaml, code);
}

static int
score_prose(const struct feat *f)
{
	if (f->nyaml || f->ncode_cmd || f->nh3_yaml || f->common)
		return -6;
	return f->nh3 ? 0 : 3;
}

/* How well a part's content fits a section, by structure alone. */
static int
score_structure(const struct feat *f, enum help_section sec, bool first,
		bool last)
{
	bool empty = f->nblocks == 0 && f->nh3 == 0;
	if (empty)
		return 1 + (sec == HELP_SEC_RELATED_LINKS && last);
	switch (sec) {
	case HELP_SEC_SYNOPSIS:
		if (f->nh3 || f->ncode)
			return -6;
		return (f->npara == 1 && f->nblocks == 1 && f->text_len <= 600
				? 6 : 2) + 2 * first;
	case HELP_SEC_SYNTAX:
		if (f->nyaml || f->ncode_noinfo == 0)
			return -6;
		if (f->ncode_cmd)
			return 10 + 2 * (f->ncode == f->ncode_noinfo);
		return f->npara == 0 && f->ncode == f->ncode_noinfo ? 4 : -6;
	case HELP_SEC_DESCRIPTION:
	case HELP_SEC_NOTES:
		return score_prose(f);
	case HELP_SEC_EXAMPLES:
		if (f->nh3 == 0 || f->nyaml || f->common)
			return -6;
		return 2 + 4 * (2 * f->nh3_code >= f->nh3) +
		       3 * (2 * f->nh3_num >= f->nh3);
	case HELP_SEC_PARAMETERS:
		return f->nh3_yaml || f->common ? 12 : -6;
	case HELP_SEC_INPUTS:
	case HELP_SEC_OUTPUTS:
		if (f->nh3 == 0 || f->nyaml || f->ncode || f->common ||
		    f->nh3_short < f->nh3)
			return -6;
		return 4;
	case HELP_SEC_RELATED_LINKS:
		if (f->nlinkonly && !f->nother && !f->nh3 && !f->ncode)
			return 8 + 2 * last;
		return -6;
	default:
		return -6;
	}
}

static int
seg_score(const struct mdp *m, const struct seg *s, enum help_section sec,
	  bool first, bool last)
{
	int score = score_structure(&s->f, sec, first, last);
	if (eq_ci(m->items[s->head].text, help_section_name(sec)))
		score += 7;
	return score;
}

#define NSTATE (HELP_SEC__COUNT + 1) /* 0: no section yet; s + 1 */
#define NEG_INF (INT_MIN / 4)

/*
 * Aligns the H2 parts to the canonical order: each part gets a section
 * not before the previous part's (the same one again counts as a
 * duplicate) or none, maximising the summed scores.
 */
static void
align_segments(const struct mdp *m, struct seg *segs, size_t n)
{
	int dp[NSTATE], nd[NSTATE];
	signed char *from = xcalloc(n * NSTATE, 1); /* previous state */
	signed char *act = xcalloc(n * NSTATE, 1);  /* section or -1 */

	for (int s = 0; s < NSTATE; s++)
		dp[s] = s ? NEG_INF : 0;
	for (size_t k = 0; k < n; k++) {
		int sc[HELP_SEC__COUNT];
		for (int s = 0; s < HELP_SEC__COUNT; s++)
			sc[s] = seg_score(m, &segs[k], (enum help_section)s,
					  k == 0, k + 1 == n);
		for (int s = 0; s < NSTATE; s++) {
			nd[s] = dp[s]; /* part k is unknown */
			from[k * NSTATE + s] = (signed char)s;
			act[k * NSTATE + s] = -1;
		}
		for (int st = 0; st < NSTATE; st++) {
			if (dp[st] == NEG_INF)
				continue;
			for (int s = st ? st - 1 : 0; s < HELP_SEC__COUNT; s++) {
				int v = dp[st] + sc[s] - (s == st - 1 ? 4 : 0);
				if (v >= nd[s + 1]) {
					nd[s + 1] = v;
					from[k * NSTATE + s + 1] = (signed char)st;
					act[k * NSTATE + s + 1] = (signed char)s;
				}
			}
		}
		memcpy(dp, nd, sizeof(dp));
	}
	int st = 0;
	for (int s = 1; s < NSTATE; s++)
		if (dp[s] > dp[st])
			st = s;
	for (size_t k = n; k-- > 0;) {
		segs[k].sec = act[k * NSTATE + st];
		st = from[k * NSTATE + st];
	}
	free(from);
	free(act);
}

/* The section an English heading names, or -1. */
static int
section_by_name(const char *text)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		if (eq_ci(text, help_section_name((enum help_section)s)))
			return s;
	return -1;
}

/* Cuts the page at its H2s; items before the first H2 are the preamble. */
static struct seg *
cut_segments(struct mdp *m, size_t *nseg, size_t *first_h2)
{
	struct seg *v = NULL;
	size_t n = 0, cap = 0;

	*first_h2 = m->nitems;
	for (size_t i = 0; i < m->nitems; i++) {
		if (m->items[i].level != 2)
			continue;
		if (n == 0)
			*first_h2 = i;
		else
			v[n - 1].end = i;
		struct seg *s = &PUSH(v, n, cap);
		memset(s, 0, sizeof(*s));
		s->head = i;
		s->first = i + 1;
		s->end = m->nitems;
		s->sec = -1;
	}
	*nseg = n;
	return v;
}

/* Reports and records where each part's content goes. */
static void
place_segments(struct mdp *m, struct seg *segs, size_t n, size_t first_h2,
	       struct idx *sec)
{
	struct help_doc *doc = m->doc;
	const struct item *h1 = first_heading(m, 1);
	int prev = HELP_SEC_DESCRIPTION;

	for (size_t i = 0; i < first_h2; i++)
		if (&m->items[i] != h1)
			PUSH(sec[prev].v, sec[prev].n, sec[prev].cap) = i;
	for (size_t k = 0; k < n; k++) {
		const struct item *h = &m->items[segs[k].head];
		int s = segs[k].sec;
		if (s < 0 && (s = section_by_name(h->text)) >= 0 &&
		    !doc->sections[s].present)
			s = -1; /* an English name, but out of order */
		if (s < 0) {
			diag_report(m->dx, DIAG_HEADING_UNKNOWN, h->pos.line,
				    h->pos.col, h->text);
			s = prev;
		} else if (doc->sections[s].present) {
			diag_report(m->dx, DIAG_SECTION_DUPLICATE, h->pos.line,
				    h->pos.col, help_section_name(s));
		} else {
			doc->sections[s].present = true;
			doc->sections[s].heading = h->text;
			doc->sections[s].pos = h->pos;
			if (!eq_ci(h->text, help_section_name(s)))
				diag_report(m->dx, DIAG_HEADING_TRANSLATED,
					    h->pos.line, h->pos.col, h->text,
					    help_section_name(s));
		}
		idx_add_range(&sec[s], segs[k].first, segs[k].end);
		prev = s;
	}
}

/* Parts of a section cut at its H3s. */
struct part {
	const struct item *h3; /* NULL for blocks before the first H3 */
	size_t from, to;       /* indices into the section's idx */
};

static struct part *
cut_parts(const struct mdp *m, const struct idx *x, size_t *nparts)
{
	struct part *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (it->level == 3 || n == 0) {
			struct part *p = &PUSH(v, n, cap);
			p->h3 = it->level == 3 ? it : NULL;
			p->from = i + (it->level == 3);
		}
		v[n - 1].to = i + 1;
	}
	*nparts = n;
	return v;
}

/* ---------- SYNTAX ---------- */

static void
build_syntax(struct mdp *m, const struct idx *x)
{
	struct help_syntax_set *v = NULL;
	size_t n = 0, cap = 0;
	const struct item *h3 = NULL;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (it->level == 3) {
			h3 = it;
			continue;
		}
		if (it->level != 0 || it->blk.kind != HELP_BLOCK_CODE ||
		    is_yaml_block(&it->blk))
			continue;
		struct help_syntax_set *set = &PUSH(v, n, cap);
		memset(set, 0, sizeof(*set));
		set->heading = h3 ? h3->text : NULL;
		platyps_parse_syntax(m->a, it->blk.u.code.text, it->content_pos,
				     set, m->dx);
		h3 = NULL;
	}
	m->doc->syntax = to_arena(m->a, v, n, sizeof(*v));
	m->doc->nsyntax = n;
}

/* ---------- PARAMETERS ---------- */

static bool
mentions_common(const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++) {
		if (b->v[i].kind != HELP_BLOCK_PARA)
			continue;
		const struct help_inline *in = &b->v[i].u.para;
		for (size_t k = 0; k < in->n; k++) {
			const struct help_run *r = &in->runs[k];
			if ((r->link && strstr(r->link, "CommonParameters")) ||
			    (r->text && strstr(r->text, "CommonParameters")))
				return true;
		}
	}
	return false;
}

/* One H3 of PARAMETERS: a parameter, or CommonParameters. */
static void
add_param(struct mdp *m, const struct idx *x, const struct part *pt,
	  bool last, struct help_param **v, size_t *n, size_t *cap)
{
	const struct item *yaml = NULL;
	struct idx desc = {0};

	for (size_t i = pt->from; i < pt->to; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (!yaml && it->level == 0 && is_yaml_block(&it->blk))
			yaml = it;
		else
			PUSH(desc.v, desc.n, desc.cap) = x->v[i];
	}
	struct idx all = {desc.v, desc.n, desc.cap};
	struct help_blocks blocks = blocks_of(m, &all, 0, all.n);
	free(desc.v);
	if (!yaml && (is_common_heading(pt->h3->text) ||
		      (last && mentions_common(&blocks)))) {
		m->doc->common_parameters = true;
		m->doc->common_parameters_text = blocks;
		return;
	}
	struct help_param *p = &PUSH(*v, *n, *cap);
	memset(p, 0, sizeof(*p));
	p->heading = pt->h3->text;
	p->pos = pt->h3->pos;
	p->description = blocks;
	if (yaml)
		platyps_parse_param_yaml(m->a, yaml->blk.u.code.text,
					 yaml->content_pos, p, m->dx);
	else
		diag_report(m->dx, DIAG_PARAM_NO_YAML, p->pos.line, p->pos.col,
			    p->heading);
}

static void
build_params(struct mdp *m, const struct idx *x)
{
	struct help_param *v = NULL;
	size_t n = 0, cap = 0, nparts;
	struct part *parts = cut_parts(m, x, &nparts);

	for (size_t i = 0; i < nparts; i++)
		if (parts[i].h3)
			add_param(m, x, &parts[i], i + 1 == nparts, &v, &n, &cap);
	free(parts);
	m->doc->params = to_arena(m->a, v, n, sizeof(*v));
	m->doc->nparams = n;
}

/* ---------- EXAMPLES, INPUTS, OUTPUTS ---------- */

static void
build_examples(struct mdp *m, const struct idx *x)
{
	size_t nparts;
	struct part *parts = cut_parts(m, x, &nparts);
	struct help_example *v = arena_array(m->a, nparts ? nparts : 1,
					     sizeof(*v));

	for (size_t i = 0; i < nparts; i++) {
		v[i].title = parts[i].h3 ? parts[i].h3->text : "";
		v[i].pos = parts[i].h3 ? parts[i].h3->pos
				       : m->items[x->v[parts[i].from]].pos;
		v[i].body = blocks_of(m, x, parts[i].from, parts[i].to);
	}
	free(parts);
	m->doc->examples = nparts ? v : NULL;
	m->doc->nexamples = nparts;
}

static bool
is_word_byte(char c)
{
	return (c & 0x80) || (c >= '0' && c <= '9') || c == '_' ||
	       (lower(c) >= 'a' && lower(c) <= 'z');
}

/* "System. Management. Automation" -> "System.Management.Automation" */
static const char *
repair_dotted(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; s[i]; i++) {
		strbuf_addch(&sb, s[i]);
		if (s[i] != '.' || i == 0 || !is_word_byte(s[i - 1]))
			continue;
		size_t k = i + 1;
		while (s[k] == ' ')
			k++;
		if (k > i + 1 && is_word_byte(s[k]))
			i = k - 1; /* drop the spaces */
	}
	const char *r = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

static void
build_types(struct mdp *m, const struct idx *x, bool outputs)
{
	size_t nparts;
	struct part *parts = cut_parts(m, x, &nparts);
	struct help_type_entry *v = arena_array(m->a, nparts ? nparts : 1,
						sizeof(*v));
	const struct help_doc *src = m->opt->source;
	const struct help_type_entry *sv = NULL;
	size_t sn = 0;

	if (src) {
		sv = outputs ? src->outputs : src->inputs;
		sn = outputs ? src->noutputs : src->ninputs;
	}

	for (size_t i = 0; i < nparts; i++) {
		struct help_type_entry *e = &v[i];
		size_t from = parts[i].from;
		if (parts[i].h3) {
			e->heading = parts[i].h3->text;
			e->pos = parts[i].h3->pos;
		} else { /* a type written as a paragraph */
			const struct item *it = &m->items[x->v[from]];
			e->heading = it->blk.kind == HELP_BLOCK_PARA
				     ? help_inline_plain(m->doc, &it->blk.u.para) : "";
			e->pos = it->pos;
			from += it->blk.kind == HELP_BLOCK_PARA;
		}
		e->name = sn == nparts && sv[i].name ? sv[i].name
			  : repair_dotted(m->a, e->heading);
		e->description = blocks_of(m, x, from, parts[i].to);
	}
	free(parts);
	if (outputs) {
		m->doc->outputs = nparts ? v : NULL;
		m->doc->noutputs = nparts;
	} else {
		m->doc->inputs = nparts ? v : NULL;
		m->doc->ninputs = nparts;
	}
}

/* ---------- RELATED LINKS ---------- */

static struct help_pos
link_pos_of(struct mdp *m, const char *url, struct help_pos fallback)
{
	for (size_t i = m->lpos_next; i < m->nlpos; i++)
		if (m->lpos[i].url == url) {
			m->lpos_next = i + 1;
			return m->lpos[i].pos;
		}
	return fallback;
}

struct linkvec {
	struct help_link *v;
	size_t n, cap;
};

static void
links_in_inline(struct mdp *m, const struct help_inline *in,
		struct help_pos pos, struct linkvec *out)
{
	for (size_t i = 0; i < in->n;) {
		const char *url = in->runs[i].link;
		if (!(in->runs[i].flags & HELP_RUN_LINK) || url == NULL) {
			i++;
			continue;
		}
		struct help_inline text = {(struct help_run *)&in->runs[i], 0};
		while (i < in->n && in->runs[i].link == url) {
			text.n++;
			i++;
		}
		struct help_link *l = &PUSH(out->v, out->n, out->cap);
		memset(l, 0, sizeof(*l));
		l->text = trim_dup(m->a, help_inline_plain(m->doc, &text));
		l->target = url;
		l->pos = link_pos_of(m, url, pos);
	}
}

static void
links_in_blocks(struct mdp *m, const struct help_blocks *b, int depth,
		struct linkvec *out)
{
	if (depth > MD_PARSE_MAX_DEPTH)
		return;
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *blk = &b->v[i];
		if (blk->kind == HELP_BLOCK_PARA)
			links_in_inline(m, &blk->u.para, blk->pos, out);
		else if (blk->kind == HELP_BLOCK_LIST)
			for (size_t k = 0; k < blk->u.list.nitems; k++)
				links_in_blocks(m, &blk->u.list.items[k],
						depth + 1, out);
	}
}

/*
 * A link to a topic whose text is not the topic's name (ignoring case):
 * machine translation writes [Anslut – PSSession](Connect-PSSession.md).
 */
static bool
link_text_misnames(const struct help_link *l)
{
	if (l->kind != HELP_LINK_COMMAND && l->kind != HELP_LINK_ABOUT)
		return false;
	return l->text && l->topic && *l->text &&
	       strcasecmp(l->text, l->topic) != 0;
}

static void
build_links(struct mdp *m, const struct idx *x)
{
	struct linkvec lv = {0};
	struct help_blocks b = blocks_of(m, x, 0, x->n);

	m->lpos_next = 0;
	links_in_blocks(m, &b, 0, &lv);
	for (size_t i = 0; i < lv.n; i++) {
		struct help_link *l = &lv.v[i];
		platyps_resolve_link(m->a, l);
		if (l->kind == HELP_LINK_UNRESOLVED)
			diag_report(m->dx, DIAG_LINK_UNRESOLVED, l->pos.line,
				    l->pos.col, l->target);
		else if (link_text_misnames(l))
			diag_report(m->dx, DIAG_LINK_TEXT_MISMATCH, l->pos.line,
				    l->pos.col, l->text, l->topic);
	}
	m->doc->links = to_arena(m->a, lv.v, lv.n, sizeof(*lv.v));
	m->doc->nlinks = lv.n;
}

/* ---------- names of parameters and syntax sets ---------- */

/* One distinct SYNTAX parameter and the sets it is in. */
struct sparam {
	char *key; /* name_key() of the name */
	const char *name;
	const char *stype; /* short type, "" for switches */
	size_t *sets;
	size_t nsets, cap;
	bool claimed;
};

struct names {
	struct sparam *sp;
	size_t nsp;
	const char **yaml; /* every yaml set name, sorted, unique */
	size_t nyaml;
	bool *set_known;   /* syntax set name is settled */
	bool *param_known; /* parameter name is settled */
	size_t work;
};

static int
sparam_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sparam *)a)->key,
		      ((const struct sparam *)b)->key);
}

static int
str_cmp_ci(const void *a, const void *b)
{
	return cmp_ci(*(const char *const *)a, *(const char *const *)b);
}

static const char *
short_type(struct mdp *m, const char *type)
{
	return type ? platyps_short_type(m->a, type) : "";
}

static bool
is_switch_stype(const char *t)
{
	return !*t || eq_ci(t, "SwitchParameter") || eq_ci(t, "switch");
}

/* PowerShell's short names for .NET types, as SYNTAX sometimes has them. */
static const char *
accelerator(const char *t, size_t n)
{
	static const char *const map[][2] = {{"int", "Int32"},
		{"long", "Int64"}, {"short", "Int16"}, {"uint", "UInt32"},
		{"ulong", "UInt64"}, {"ushort", "UInt16"}, {"bool", "Boolean"},
		{"float", "Single"}, {"switch", "SwitchParameter"},
		{"xml", "XmlDocument"}, {"bigint", "BigInteger"},
		{"scriptblock", "ScriptBlock"}, {"hashtable", "Hashtable"},
		{"psobject", "PSObject"}, {"pscustomobject", "PSObject"}};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strlen(map[i][0]) == n && prefix_ci(t, map[i][0]))
			return map[i][1];
	return NULL;
}

/* Short types equal, reading "int[]" as "Int32[]". */
static bool
same_type(const char *a, const char *b)
{
	size_t na = strcspn(a, "["), nb = strcspn(b, "[");
	const char *ma = accelerator(a, na), *mb = accelerator(b, nb);
	if (!eq_ci(a + na, b + nb))
		return false;
	if (ma)
		na = strlen(a = ma);
	if (mb)
		nb = strlen(b = mb);
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

static void
collect_sparams(struct mdp *m, struct names *nm)
{
	struct sparam *v = NULL;
	size_t n = 0, cap = 0;
	const struct help_doc *doc = m->doc;

	for (size_t s = 0; s < doc->nsyntax; s++)
		for (size_t j = 0; j < doc->syntax[s].nparams; j++) {
			const struct help_syntax_param *p = &doc->syntax[s].params[j];
			struct sparam *sp = &PUSH(v, n, cap);
			memset(sp, 0, sizeof(*sp));
			sp->key = name_key(p->name ? p->name : "");
			sp->name = p->name;
			sp->stype = short_type(m, p->type);
			PUSH(sp->sets, sp->nsets, sp->cap) = s;
		}
	if (n)
		qsort(v, n, sizeof(*v), sparam_cmp);
	size_t out = 0; /* merge equal keys */
	for (size_t i = 0; i < n; i++) {
		if (out && !strcmp(v[out - 1].key, v[i].key)) {
			struct sparam *d = &v[out - 1];
			PUSH(d->sets, d->nsets, d->cap) = v[i].sets[0];
			free(v[i].key);
			free(v[i].sets);
			continue;
		}
		v[out++] = v[i];
	}
	nm->sp = v;
	nm->nsp = out;
}

static void
collect_yaml_sets(struct mdp *m, struct names *nm)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < m->doc->nparams; i++)
		for (size_t k = 0; k < m->doc->params[i].nsets; k++)
			PUSH(v, n, cap) = m->doc->params[i].sets[k];
	if (n)
		qsort(v, n, sizeof(*v), str_cmp_ci);
	size_t out = 0;
	for (size_t i = 0; i < n; i++)
		if (out == 0 || cmp_ci(v[out - 1], v[i]))
			v[out++] = v[i];
	nm->yaml = v;
	nm->nyaml = out;
}

static struct sparam *
find_sparam(struct names *nm, const char *text)
{
	struct sparam key = {.key = name_key(text)};
	struct sparam *r = nm->nsp ? bsearch(&key, nm->sp, nm->nsp,
				     sizeof(key), sparam_cmp) : NULL;
	free(key.key);
	return r;
}

/* The yaml set called name; inner spaces are ignored ("Script block"). */
static const char *
yaml_set(struct names *nm, const char *name)
{
	const char **r = nm->nyaml ? bsearch(&name, nm->yaml, nm->nyaml,
				     sizeof(name), str_cmp_ci) : NULL;
	if (r)
		return *r;
	char *key = name_key(name);
	const char *found = NULL;
	for (size_t i = 0; i < nm->nyaml && !found && nm->work < MAX_MATCH_WORK; i++) {
		char *k = name_key(nm->yaml[i]);
		nm->work += strlen(k) + 1;
		if (*key && strcmp(k, key) == 0)
			found = nm->yaml[i];
		free(k);
	}
	free(key);
	return found;
}

static void
claim(struct help_param *p, struct sparam *sp, struct names *nm, size_t i)
{
	p->name = sp->name;
	sp->claimed = true;
	nm->param_known[i] = true;
}

/* Parameters whose heading names a SYNTAX parameter (`– Session`, `-ID`). */
static void
names_by_heading(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct sparam *sp = find_sparam(nm, m->doc->params[i].heading);
		if (sp && sp->name)
			claim(&m->doc->params[i], sp, nm, i);
	}
}

static bool
in_list_ci(const char *s, const char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (eq_ci(s, v[i]))
			return true;
	return false;
}

/* The syntax sets sp is in agree with the yaml sets of p. */
static bool
sets_agree(struct mdp *m, struct names *nm, const struct sparam *sp,
	   const struct help_param *p)
{
	if (p->all_sets || p->nsets == 0)
		return true;
	for (size_t k = 0; k < sp->nsets; k++) {
		const struct help_syntax_set *set = &m->doc->syntax[sp->sets[k]];
		nm->work += p->nsets;
		if (nm->set_known[sp->sets[k]] && set->name &&
		    !in_list_ci(set->name, p->sets, p->nsets))
			return false;
	}
	return true;
}

/* An unclaimed SYNTAX parameter of the same short type and sets. */
static struct sparam *
match_by_type(struct mdp *m, struct names *nm, size_t pi)
{
	const struct help_param *p = &m->doc->params[pi];
	const struct help_doc *src = m->opt->source;
	const char *want = short_type(m, p->type);
	struct sparam *first = NULL;
	const char *src_name = src && pi < src->nparams ? src->params[pi].name
							: NULL;

	for (size_t i = 0; i < nm->nsp && nm->work < MAX_MATCH_WORK; i++) {
		struct sparam *sp = &nm->sp[i];
		nm->work++;
		if (sp->claimed || !sp->name)
			continue;
		bool same = p->is_switch || is_switch_stype(want)
			    ? is_switch_stype(sp->stype) : same_type(sp->stype, want);
		if (!same || !sets_agree(m, nm, sp, p))
			continue;
		if (src_name && eq_ci(src_name, sp->name))
			return sp;
		if (first == NULL)
			first = sp;
	}
	return first;
}

static void
names_by_type(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct help_param *p = &m->doc->params[i];
		if (nm->param_known[i] || !(p->type || p->is_switch))
			continue;
		struct sparam *sp = match_by_type(m, nm, i);
		if (sp)
			claim(p, sp, nm, i);
	}
}

static void
names_by_source(struct mdp *m, struct names *nm)
{
	const struct help_doc *src = m->opt->source;
	for (size_t i = 0; src && i < m->doc->nparams && i < src->nparams; i++) {
		const char *name = src->params[i].name;
		if (nm->param_known[i] || name == NULL || !*name)
			continue;
		struct sparam *sp = find_sparam(nm, name);
		if (sp && sp->name)
			claim(&m->doc->params[i], sp, nm, i);
		else
			m->doc->params[i].name = name;
		nm->param_known[i] = true;
	}
}

static void
names_guessed(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct help_param *p = &m->doc->params[i];
		if (nm->param_known[i])
			continue;
		const char *h = p->heading;
		while (*h == '-' || is_space(*h) || !strncmp(h, "\xe2\x80\x93", 3) ||
		       !strncmp(h, "\xe2\x80\x94", 3))
			h += *h == '-' || is_space(*h) ? 1 : 3;
		p->name = *h ? h : "Parameter";
		diag_report(m->dx, DIAG_PARAM_NAME_GUESSED, p->pos.line,
			    p->pos.col, p->heading, p->name);
	}
}

/* "Path (Default)" -> base "Path", marker "Default" (arena). */
static const char *
split_marker(struct arena *a, const char *h, const char **marker)
{
	size_t n = strlen(h);
	*marker = NULL;
	if (n < 3 || h[n - 1] != ')')
		return h;
	const char *open = memchr(h, '(', n);
	if (open == NULL || open == h ||
	    memchr(open + 1, '(', (size_t)(h + n - open - 1)))
		return h;
	const char *end = open;
	while (end > h && is_space(end[-1]))
		end--;
	if (end == h)
		return h;
	*marker = arena_strndup(a, open + 1, (size_t)(h + n - open - 2));
	return arena_strndup(a, h, (size_t)(end - h));
}

/* What a trailing "(x)" on a set heading says. */
enum marker { MARK_NONE, MARK_DEFAULT, MARK_OTHER };

/* First pass over the sets: the heading, else the source page. */
static void
sets_by_heading(struct mdp *m, struct names *nm, enum marker *mark)
{
	const struct help_doc *src = m->opt->source;

	for (size_t i = 0; i < m->doc->nsyntax; i++) {
		struct help_syntax_set *set = &m->doc->syntax[i];
		const struct help_syntax_set *ss =
			src && i < src->nsyntax ? &src->syntax[i] : NULL;
		const char *marker, *base, *y;
		if (set->heading == NULL)
			continue;
		base = split_marker(m->a, set->heading, &marker);
		if ((y = yaml_set(nm, set->heading)) != NULL) {
			marker = NULL;
		} else if (marker && (y = yaml_set(nm, base)) != NULL) {
			/* "InProcess (standard)" */
		} else if (ss && ss->name) {
			y = ss->name;
		}
		set->name = y ? y : base;
		nm->set_known[i] = y != NULL;
		mark[i] = !marker ? MARK_NONE
			  : eq_ci(marker, "Default") ? MARK_DEFAULT : MARK_OTHER;
	}
}

/*
 * `(Default)` marks the default set; another word in parentheses does
 * when the source page says so, or, without one, on the first set whose
 * name without it is a known set or that comes first (platyPS writes the
 * default set first).
 */
static void
choose_default(struct mdp *m, struct names *nm, const enum marker *mark)
{
	const struct help_doc *src = m->opt->source;
	bool have = false;

	for (size_t i = 0; i < m->doc->nsyntax; i++) {
		struct help_syntax_set *set = &m->doc->syntax[i];
		if (mark[i] == MARK_DEFAULT)
			set->is_default = true;
		else if (mark[i] == MARK_OTHER && src)
			set->is_default = i < src->nsyntax &&
					  src->syntax[i].is_default;
		have |= set->is_default;
	}
	for (size_t i = 0; i < m->doc->nsyntax && !have && !src; i++)
		if (mark[i] == MARK_OTHER && (nm->set_known[i] || i == 0))
			have = m->doc->syntax[i].is_default = true;
}

/* Members of yaml set `name` are exactly the parameters of set s. */
static bool
members_equal(struct mdp *m, struct names *nm, size_t s, const char *name)
{
	const struct help_syntax_set *set = &m->doc->syntax[s];
	size_t members = 0;

	for (size_t i = 0; i < m->doc->nparams; i++) {
		const struct help_param *p = &m->doc->params[i];
		nm->work += p->nsets + 1;
		if (!p->has_metadata ||
		    !(p->all_sets || in_list_ci(name, p->sets, p->nsets)))
			continue;
		members++;
		bool found = false;
		for (size_t k = 0; k < set->nparams && !found; k++)
			found = p->name && set->params[k].name &&
				eq_ci(p->name, set->params[k].name);
		nm->work += set->nparams;
		if (!found)
			return false;
	}
	return members == set->nparams && members > 0;
}

static void
sets_by_members(struct mdp *m, struct names *nm)
{
	for (size_t s = 0; s < m->doc->nsyntax; s++) {
		if (nm->set_known[s] || m->doc->syntax[s].heading == NULL)
			continue;
		for (size_t y = 0; y < nm->nyaml && nm->work < MAX_MATCH_WORK; y++)
			if (members_equal(m, nm, s, nm->yaml[y])) {
				m->doc->syntax[s].name = nm->yaml[y];
				nm->set_known[s] = true;
				break;
			}
	}
}

static void
resolve_names(struct mdp *m)
{
	struct names nm = {0};
	size_t ns = m->doc->nsyntax, np = m->doc->nparams;
	enum marker *mark = xcalloc(ns ? ns : 1, sizeof(*mark));

	nm.set_known = xcalloc(ns ? ns : 1, sizeof(bool));
	nm.param_known = xcalloc(np ? np : 1, sizeof(bool));
	collect_sparams(m, &nm);
	collect_yaml_sets(m, &nm);
	names_by_heading(m, &nm);
	sets_by_heading(m, &nm, mark);
	names_by_type(m, &nm);
	names_by_source(m, &nm);
	sets_by_members(m, &nm);
	choose_default(m, &nm, mark);
	names_guessed(m, &nm);
	for (size_t i = 0; i < nm.nsp; i++) {
		free(nm.sp[i].key);
		free(nm.sp[i].sets);
	}
	free(nm.sp);
	free(nm.yaml);
	free(nm.set_known);
	free(nm.param_known);
	free(mark);
}

/* ---------- command pages ---------- */

static void
build_command(struct mdp *m)
{
	struct help_doc *doc = m->doc;
	struct idx sec[HELP_SEC__COUNT] = {{0}};
	size_t nseg, first_h2;
	struct seg *segs = cut_segments(m, &nseg, &first_h2);
	size_t nalign = nseg < MAX_ALIGN_SEGMENTS ? nseg : MAX_ALIGN_SEGMENTS;

	for (size_t k = 0; k < nalign; k++)
		seg_features(m, &segs[k]);
	align_segments(m, segs, nalign);
	place_segments(m, segs, nseg, first_h2, sec);
	free(segs);

	doc->synopsis = all_blocks(m, &sec[HELP_SEC_SYNOPSIS]);
	doc->description = all_blocks(m, &sec[HELP_SEC_DESCRIPTION]);
	doc->notes = all_blocks(m, &sec[HELP_SEC_NOTES]);
	build_syntax(m, &sec[HELP_SEC_SYNTAX]);
	build_params(m, &sec[HELP_SEC_PARAMETERS]);
	resolve_names(m);
	build_examples(m, &sec[HELP_SEC_EXAMPLES]);
	build_types(m, &sec[HELP_SEC_INPUTS], false);
	build_types(m, &sec[HELP_SEC_OUTPUTS], true);
	build_links(m, &sec[HELP_SEC_RELATED_LINKS]);
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		free(sec[s].v);
}

/* ---------- about topics and module pages ---------- */

static bool
says(const struct help_about_part *p, const char *slug, const char *text)
{
	return (p->anchor && eq_ci(p->anchor, slug)) ||
	       (p->heading && eq_ci(p->heading, text));
}

static size_t
blocks_text_len(const struct help_blocks *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].kind == HELP_BLOCK_PARA)
			n += inline_text_len(&b->v[i].u.para);
	return n;
}

static bool
only_links(const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (!block_only_links(&b->v[i], 0))
			return false;
	return b->n > 0;
}

/* Which H2 part is which; parts[first] is the first one with a heading. */
static void
classify_parts(struct help_about_part *parts, size_t n, size_t first)
{
	size_t shrt = first;

	for (size_t i = first; i < n; i++)
		parts[i].kind = HELP_ABOUT_OTHER;
	if (first >= n)
		return;
	for (size_t i = first; i < n; i++)
		if (says(&parts[i], "short-description", "short description")) {
			shrt = i;
			break;
		}
	parts[shrt].kind = HELP_ABOUT_SHORT_DESCRIPTION;
	if (shrt + 1 < n) {
		struct help_about_part *p = &parts[shrt + 1];
		bool large = p->body.n >= 2 || blocks_text_len(&p->body) >= 200;
		if (says(p, "long-description", "long description") ||
		    says(p, "detailed-description", "detailed description") ||
		    (shrt + 1 == first + 1 && large))
			p->kind = HELP_ABOUT_LONG_DESCRIPTION;
	}
	for (size_t i = first; i < n; i++)
		if (parts[i].kind == HELP_ABOUT_OTHER &&
		    (says(&parts[i], "see-also", "see also") ||
		     (i + 1 == n && i != shrt && only_links(&parts[i].body))))
			parts[i].kind = HELP_ABOUT_SEE_ALSO;
}

static void
build_about(struct mdp *m)
{
	size_t nseg, first_h2;
	struct seg *segs = cut_segments(m, &nseg, &first_h2);
	const struct item *h1 = first_heading(m, 1);
	struct idx pre = {0};
	struct help_about_part *parts;
	size_t n = 0, shrt;

	for (size_t i = 0; i < first_h2; i++)
		if (&m->items[i] != h1)
			PUSH(pre.v, pre.n, pre.cap) = i;
	parts = arena_array(m->a, nseg + 1, sizeof(*parts));
	if (pre.n) {
		parts[n].kind = HELP_ABOUT_OTHER;
		parts[n].pos = m->items[pre.v[0]].pos;
		parts[n++].body = blocks_of(m, &pre, 0, pre.n);
	}
	free(pre.v);
	for (size_t k = 0; k < nseg; k++) {
		const struct item *h = &m->items[segs[k].head];
		struct idx x = {0};
		idx_add_range(&x, segs[k].first, segs[k].end);
		parts[n].heading = h->text;
		parts[n].anchor = h->blk.u.heading.anchor;
		parts[n].pos = h->pos;
		parts[n++].body = blocks_of(m, &x, 0, x.n);
		free(x.v);
	}
	free(segs);
	classify_parts(parts, n, n - nseg);
	for (shrt = 0; shrt < n; shrt++)
		if (parts[shrt].kind == HELP_ABOUT_SHORT_DESCRIPTION)
			break;
	if (shrt < n)
		m->doc->short_description = parts[shrt].body;
	m->doc->parts = n ? parts : NULL;
	m->doc->nparts = n;
}

/* ---------- entry points ---------- */

static void
discard_diag(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

static void
parse_page(struct mdp *m, const struct frontmatter *fm)
{
	fill_fields(m, fm);
	m->doc->kind = detect_kind(m, fm);
	if (m->doc->kind == HELP_DOC_COMMAND)
		build_command(m);
	else
		build_about(m);
}

struct help_doc *
md_parse(const char *buf, size_t len, const struct md_parse_options *opt,
	 struct diag_ctx *dx)
{
	static const struct md_parse_options none;
	struct diag_ctx quiet;
	struct frontmatter fm;
	bool tables;

	if (dx == NULL) {
		diag_init(&quiet, NULL);
		quiet.sink = discard_diag;
		dx = &quiet;
	}
	if (opt == NULL)
		opt = &none;
	if (buf == NULL)
		len = 0;
	if (!input_ok(buf ? buf : "", len, opt->max_bytes ? opt->max_bytes
				     : MD_PARSE_MAX_BYTES, dx))
		return NULL;
	struct help_doc *doc = help_doc_new();
	struct mdp m = {.doc = doc, .a = &doc->arena, .dx = dx, .opt = opt,
			.max_depth = opt->max_depth > 0 ? opt->max_depth
							 : MD_PARSE_MAX_DEPTH,
			.cur_line = 1};
	bool ok = frontmatter_parse(&doc->arena, buf ? buf : "", len, &fm, dx) >= 0;
	if (ok) {
		m.body = (buf ? buf : "") + fm.body_offset;
		m.body_len = len - fm.body_offset;
		m.line0 = fm.body_line - 1;
		ok = guard_input(m.body, m.body_len, &tables, dx) &&
		     read_body(&m, tables);
	}
	if (ok)
		parse_page(&m, &fm);
	free(m.items);
	free(m.lpos);
	if (!ok) {
		help_doc_free(doc);
		return NULL;
	}
	return doc;
}

/* Reads at most max + 1 bytes: enough to tell that a page is too big. */
static char *
read_all(FILE *f, size_t max, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = xmalloc(cap);

	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t want = cap - n;
		if (want > max + 1 - n)
			want = max + 1 - n;
		if (want == 0 || (got = fread(buf + n, 1, want, f)) == 0)
			break;
		n += got;
	}
	*len = n;
	return buf;
}

struct help_doc *
md_parse_file(const char *path, const struct md_parse_options *opt,
	      struct diag_ctx *dx)
{
	struct md_parse_options o = opt ? *opt : (struct md_parse_options){0};
	size_t max = o.max_bytes ? o.max_bytes : MD_PARSE_MAX_BYTES, len;

	struct diag_ctx quiet;
	if (dx == NULL) {
		diag_init(&quiet, NULL);
		quiet.sink = discard_diag;
		dx = &quiet;
	}
	if (o.path == NULL)
		o.path = path;
	errno = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		diag_report(dx, DIAG_READ_FAILED, 0, 0, strerror(errno));
		return NULL;
	}
	char *buf = read_all(f, max, &len);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (err) {
		free(buf);
		diag_report(dx, DIAG_READ_FAILED, 0, 0, strerror(err));
		return NULL;
	}
	struct help_doc *doc = md_parse(buf, len, &o, dx);
	free(buf);
	return doc;
}
