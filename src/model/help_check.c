/* SPDX-License-Identifier: MIT */
/*
 * The rules extents obey (see help_doc_check_extents() in help_model.h).
 * A translator or updater splices bytes by them, so a broken extent would
 * silently corrupt a page: the parser runs this check in debug builds,
 * the fuzzers and the tests.
 */
#include <stdbool.h>
#include <string.h>

#include "help_model.h"
#include "strbuf.h"

struct chk {
	const struct help_doc *doc;
	struct strbuf *why;
	bool failed;
};

static bool
is_zero(struct help_extent x)
{
	return x.start == 0 && x.end == 0;
}

/* Records the first violation only; later ones are consequences. */
static bool
fail(struct chk *c, struct help_pos at, const char *what, struct help_extent x)
{
	if (!c->failed && c->why)
		strbuf_addf(c->why, "%u:%u: %s [%u, %u)", (unsigned)at.line,
			    (unsigned)at.col, what, (unsigned)x.start,
			    (unsigned)x.end);
	c->failed = true;
	return false;
}

static bool
valid(struct chk *c, struct help_pos at, const char *what, struct help_extent x)
{
	if (x.start > x.end || x.end > c->doc->source_len)
		return fail(c, at, what, x);
	return true;
}

/* inner is valid and lies inside outer. */
static bool
inside(struct chk *c, struct help_pos at, const char *what,
       struct help_extent outer, struct help_extent inner)
{
	if (!valid(c, at, what, inner))
		return false;
	if (inner.start < outer.start || inner.end > outer.end)
		return fail(c, at, what, inner);
	return true;
}

/* ---------- code text against its bytes ---------- */

/* The length of the line at s[0..n) and, in *next, where the next starts. */
static size_t
source_line(const char *s, size_t n, size_t *next)
{
	size_t i = 0;
	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	*next = i;
	if (i < n)
		*next += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	return i;
}

/*
 * A text line fits its source line when it is the source line less a
 * prefix (container markers, indentation); where the prefix ends inside a
 * tab, the tab's rest is spaces.
 */
static bool
line_fits(const char *t, size_t tn, const char *s, size_t sn)
{
	if (tn <= sn && memcmp(s + sn - tn, t, tn) == 0)
		return true;
	for (size_t k = 1; k <= 3 && k <= tn && t[k - 1] == ' '; k++) {
		size_t r = tn - k;
		if (r < sn && s[sn - r - 1] == '\t' &&
		    memcmp(s + sn - r, t + k, r) == 0)
			return true;
	}
	return false;
}

static bool
code_fits(const char *src, struct help_extent x, const char *text,
	  bool verbatim)
{
	size_t tlen = strlen(text), n = x.end - x.start;
	const char *s = src + x.start;
	if (verbatim)
		return tlen == n && memcmp(s, text, n) == 0;
	size_t off = 0;
	for (const char *t = text; *t;) {
		const char *nl = strchr(t, '\n');
		size_t tn = nl ? (size_t)(nl - t) : strlen(t), next;
		if (off >= n)
			return false;
		size_t sn = source_line(s + off, n - off, &next);
		if (!line_fits(t, tn, s + off, sn))
			return false;
		off += next;
		t += tn + (nl != NULL);
	}
	return off == n;
}

static bool
check_code(struct chk *c, struct help_pos at, const char *what,
	   struct help_extent ext, struct help_extent content, const char *text,
	   bool verbatim)
{
	if (!inside(c, at, what, ext, content))
		return false;
	if (text && !code_fits(c->doc->source, content, text, verbatim))
		return fail(c, at, "code text differs from its bytes", content);
	return true;
}

/* ---------- blocks ---------- */

static bool check_blocks(struct chk *c, const struct help_blocks *b,
			 struct help_extent parent, int depth);

static bool
check_list(struct chk *c, const struct help_block *b, int depth)
{
	uint32_t prev = b->ext.start;
	if (b->u.list.nitems && !b->u.list.item_ext)
		return fail(c, b->pos, "list without item extents", b->ext);
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		struct help_extent x = b->u.list.item_ext[i];
		if (!inside(c, b->pos, "list item outside its list", b->ext, x))
			return false;
		if (x.start < prev)
			return fail(c, b->pos, "list items overlap", x);
		prev = x.end;
		if (!check_blocks(c, &b->u.list.items[i], x, depth + 1))
			return false;
	}
	return true;
}

static bool
check_table(struct chk *c, const struct help_block *b)
{
	const struct help_table *t = &b->u.table;
	uint32_t prev = b->ext.start;
	if (t->ncols * t->nrows != 0 && !t->cell_ext)
		return fail(c, b->pos, "table without cell extents", b->ext);
	for (size_t i = 0; i < t->ncols * t->nrows; i++) {
		struct help_extent x = t->cell_ext[i];
		if (!inside(c, b->pos, "table cell outside its table", b->ext,
			    x))
			return false;
		if (x.start < prev)
			return fail(c, b->pos, "table cells out of order", x);
		prev = x.end;
	}
	return true;
}

static bool
check_block(struct chk *c, const struct help_block *b, int depth)
{
	switch (b->kind) {
	case HELP_BLOCK_CODE:
		return check_code(c, b->pos, "code content outside its block",
				  b->ext, b->u.code.content, b->u.code.text,
				  b->u.code.verbatim);
	case HELP_BLOCK_HEADING:
		return inside(c, b->pos, "heading text outside its line",
			      b->ext, b->u.heading.text_ext);
	case HELP_BLOCK_LIST:
		return check_list(c, b, depth);
	case HELP_BLOCK_ALERT:
		return inside(c, b->pos, "alert body outside the alert", b->ext,
			      b->u.alert.body_ext) &&
		       check_blocks(c, &b->u.alert.body, b->u.alert.body_ext,
				    depth + 1);
	case HELP_BLOCK_QUOTE:
		return check_blocks(c, &b->u.quote, b->ext, depth + 1);
	case HELP_BLOCK_TABLE:
		return check_table(c, b);
	default:
		return true;
	}
}

/* Blocks in order, without overlap, inside parent. */
static bool
check_blocks(struct chk *c, const struct help_blocks *b,
	     struct help_extent parent, int depth)
{
	uint32_t prev = parent.start;
	if (depth > 1000)
		return fail(c, (struct help_pos){ 0, 0 },
			    "blocks nested absurdly deep", parent);
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *k = &b->v[i];
		if (!inside(c, k->pos, "block outside its container", parent,
			    k->ext))
			return false;
		if (k->ext.start < prev)
			return fail(c, k->pos, "blocks overlap", k->ext);
		prev = k->ext.end;
		if (!check_block(c, k, depth))
			return false;
	}
	return true;
}

/* ---------- the document ---------- */

static struct help_extent
whole(const struct chk *c)
{
	return (struct help_extent){ 0, (uint32_t)c->doc->source_len };
}

/* A heading, and the part of the page after it. */
static bool
check_heading(struct chk *c, struct help_pos at, struct help_heading_ext h,
	      struct help_extent *after)
{
	*after = whole(c);
	if (is_zero(h.ext) && is_zero(h.text_ext))
		return true;
	if (!valid(c, at, "heading outside the page", h.ext) ||
	    !inside(c, at, "heading text outside its line", h.ext, h.text_ext))
		return false;
	after->start = h.ext.end;
	return true;
}

/* A heading and the blocks under it. */
static bool
check_part(struct chk *c, struct help_pos at, struct help_heading_ext h,
	   const struct help_blocks *body)
{
	struct help_extent after;
	return check_heading(c, at, h, &after) &&
	       check_blocks(c, body, after, 0);
}

static bool
check_frontmatter(struct chk *c)
{
	uint32_t prev = 0;
	for (size_t i = 0; i < c->doc->nfrontmatter; i++) {
		const struct help_fm_entry *e = &c->doc->frontmatter[i];
		if (!valid(c, e->pos, "front matter line outside the page",
			   e->ext) ||
		    !inside(c, e->pos, "front matter key outside its line",
			    e->ext, e->key_ext) ||
		    !inside(c, e->pos, "front matter value outside its line",
			    e->ext, e->value_ext))
			return false;
		if (e->ext.start < prev)
			return fail(c, e->pos, "front matter lines overlap",
				    e->ext);
		if (e->key_ext.end > e->value_ext.start)
			return fail(c, e->pos, "front matter value before key",
				    e->value_ext);
		prev = e->ext.end;
	}
	return true;
}

static bool
check_link(struct chk *c, struct help_pos at, struct help_extent ext,
	   struct help_extent target)
{
	return valid(c, at, "link outside the page", ext) &&
	       inside(c, at, "link target outside its link", ext, target);
}

static bool
check_links(struct chk *c)
{
	const struct help_doc *d = c->doc;
	uint32_t prev = 0;
	for (size_t i = 0; i < d->ninline_links; i++) {
		const struct help_inline_link *l = &d->inline_links[i];
		if (!check_link(c, l->pos, l->ext, l->target_ext))
			return false;
		if (l->ext.start < prev)
			return fail(c, l->pos, "inline links overlap", l->ext);
		prev = l->ext.end;
	}
	for (size_t i = 0; i < d->nlinks; i++)
		if (!check_link(c, d->links[i].pos, d->links[i].ext,
				d->links[i].target_ext))
			return false;
	return true;
}

static bool
check_syntax(struct chk *c)
{
	for (size_t i = 0; i < c->doc->nsyntax; i++) {
		const struct help_syntax_set *s = &c->doc->syntax[i];
		struct help_extent after;
		if (!check_heading(c, s->pos, s->heading_ext, &after) ||
		    !inside(c, s->pos, "SYNTAX block before its heading", after,
			    s->ext) ||
		    !check_code(c, s->pos, "SYNTAX content outside its block",
				s->ext, s->content, s->code, s->verbatim))
			return false;
	}
	return true;
}

static bool
check_params(struct chk *c)
{
	for (size_t i = 0; i < c->doc->nparams; i++) {
		const struct help_param *p = &c->doc->params[i];
		struct help_extent after;
		if (!check_part(c, p->pos, p->heading_ext, &p->description))
			return false;
		if (!p->has_metadata || !p->metadata_text)
			continue;
		check_heading(c, p->pos, p->heading_ext, &after);
		if (!inside(c, p->metadata_pos, "yaml block before its heading",
			    after, p->metadata_ext) ||
		    !check_code(c, p->metadata_pos,
				"yaml content outside its block",
				p->metadata_ext, p->metadata_content,
				p->metadata_text, p->metadata_verbatim))
			return false;
	}
	return true;
}

static bool
check_sections(struct chk *c)
{
	const struct help_doc *d = c->doc;
	struct help_extent after;
	bool ok = check_heading(c, (struct help_pos){ 1, 1 }, d->title_ext,
				&after);
	for (int s = 0; ok && s < HELP_SEC__COUNT; s++)
		ok = check_heading(c, d->sections[s].pos,
				   d->sections[s].heading_ext, &after);
	for (size_t i = 0; ok && i < d->nexamples; i++)
		ok = check_part(c, d->examples[i].pos,
				d->examples[i].heading_ext,
				&d->examples[i].body);
	for (size_t i = 0; ok && i < d->ninputs; i++)
		ok = check_part(c, d->inputs[i].pos, d->inputs[i].heading_ext,
				&d->inputs[i].description);
	for (size_t i = 0; ok && i < d->noutputs; i++)
		ok = check_part(c, d->outputs[i].pos, d->outputs[i].heading_ext,
				&d->outputs[i].description);
	for (size_t i = 0; ok && i < d->nparts; i++)
		ok = check_part(c, d->parts[i].pos, d->parts[i].heading_ext,
				&d->parts[i].body);
	return ok;
}

bool
help_doc_check_extents(const struct help_doc *doc, struct strbuf *why)
{
	struct chk c = { .doc = doc, .why = why };
	if (doc == NULL || doc->source == NULL)
		return true;
	const struct help_blocks *lists[] = { &doc->synopsis, &doc->description,
					      &doc->notes,
					      &doc->common_parameters_text,
					      &doc->short_description };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (!check_blocks(&c, lists[i], whole(&c), 0))
			return false;
	return check_frontmatter(&c) && check_sections(&c) &&
	       check_syntax(&c) && check_params(&c) && check_links(&c);
}
