/* SPDX-License-Identifier: MIT */
/* Helpers on the help model that every stage may use. */
#include "help_model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

struct help_doc *
help_doc_new(void)
{
	struct arena a;
	arena_init(&a);
	struct help_doc *doc = arena_alloc(&a, sizeof(*doc));
	doc->arena = a;
	return doc;
}

void
help_doc_free(struct help_doc *doc)
{
	if (doc == NULL)
		return;
	struct arena a = doc->arena;
	/* doc itself lives in its own arena */
	arena_release(&a);
}

static void
add_inline_plain(struct strbuf *sb, const struct help_inline *in)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		switch (r->kind) {
		case HELP_RUN_TEXT:
			strbuf_add(sb, r->text, r->len);
			break;
		case HELP_RUN_CODE:
			strbuf_addch(sb, '`');
			strbuf_add(sb, r->text, r->len);
			strbuf_addch(sb, '`');
			break;
		case HELP_RUN_SOFTBREAK:
		case HELP_RUN_LINEBREAK:
			strbuf_addch(sb, ' ');
			break;
		}
	}
}

const char *
help_inline_plain(struct help_doc *doc, const struct help_inline *in)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	add_inline_plain(&sb, in);
	const char *s = arena_strndup(&doc->arena, sb.buf, sb.len);
	strbuf_release(&sb);
	return s;
}

const char *
help_blocks_first_text(struct help_doc *doc, const struct help_blocks *blocks)
{
	for (size_t i = 0; i < blocks->n; i++)
		if (blocks->v[i].kind == HELP_BLOCK_PARA)
			return help_inline_plain(doc, &blocks->v[i].u.para);
	return "";
}

const char *
help_section_name(enum help_section sec)
{
	static const char *const names[HELP_SEC__COUNT] = {
		"SYNOPSIS", "SYNTAX",	  "DESCRIPTION",
		"EXAMPLES", "PARAMETERS", "INPUTS",
		"OUTPUTS",  "NOTES",	  "RELATED LINKS"
	};
	return (unsigned)sec < HELP_SEC__COUNT ? names[sec] : "?";
}

/* ---------- invariant checks ---------- */

static const char *check_blocks(const struct help_blocks *b, int depth);

static const char *
check_text(const char *s)
{
	if (s == NULL)
		return NULL;
	size_t len = strlen(s);
	if (utf8_first_invalid(s, len) != len)
		return "string is not valid UTF-8";
	return NULL;
}

static const char *
check_inline(const struct help_inline *in)
{
	if (in->n && in->runs == NULL)
		return "inline runs missing";
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		if (r->kind == HELP_RUN_TEXT || r->kind == HELP_RUN_CODE) {
			if (r->text == NULL)
				return "text run without text";
			if (utf8_first_invalid(r->text, r->len) != r->len)
				return "run text is not valid UTF-8";
			if (memchr(r->text, '\0', r->len))
				return "run text contains NUL";
		}
		if ((r->flags & HELP_RUN_LINK) && r->link == NULL)
			return "link run without destination";
	}
	return NULL;
}

static const char *
check_block(const struct help_block *b, int depth)
{
	const char *e = NULL;
	if (depth > 1000)
		return "blocks nested absurdly deep";
	switch (b->kind) {
	case HELP_BLOCK_PARA:
	case HELP_BLOCK_HTML:
		return check_inline(&b->u.para);
	case HELP_BLOCK_CODE:
		if (b->u.code.text == NULL || b->u.code.info == NULL)
			return "code block without text or info";
		return check_text(b->u.code.text);
	case HELP_BLOCK_LIST:
		if (b->u.list.nitems && b->u.list.items == NULL)
			return "list items missing";
		for (size_t i = 0; i < b->u.list.nitems && !e; i++)
			e = check_blocks(&b->u.list.items[i], depth + 1);
		return e;
	case HELP_BLOCK_ALERT:
		return check_blocks(&b->u.alert.body, depth + 1);
	case HELP_BLOCK_QUOTE:
		return check_blocks(&b->u.quote, depth + 1);
	case HELP_BLOCK_TABLE: {
		const struct help_table *t = &b->u.table;
		if (t->ncols == 0 || t->nrows == 0 || !t->cells || !t->align)
			return "empty table";
		for (size_t i = 0; i < t->ncols * t->nrows && !e; i++)
			e = check_inline(&t->cells[i]);
		return e;
	}
	case HELP_BLOCK_HEADING:
		return check_inline(&b->u.heading.text);
	case HELP_BLOCK_RULE:
		return NULL;
	}
	return "unknown block kind";
}

static const char *
check_blocks(const struct help_blocks *b, int depth)
{
	if (b->n && b->v == NULL)
		return "block array missing";
	for (size_t i = 0; i < b->n; i++) {
		const char *e = check_block(&b->v[i], depth);
		if (e)
			return e;
	}
	return NULL;
}

#define CHECK(x)                                                               \
	do {                                                                   \
		const char *e_ = (x);                                          \
		if (e_)                                                        \
			return e_;                                             \
	} while (0)

static const char *
check_params(const struct help_doc *doc)
{
	for (size_t i = 0; i < doc->nparams; i++) {
		const struct help_param *p = &doc->params[i];
		if (p->name == NULL || !*p->name)
			return "parameter without name";
		CHECK(check_text(p->name));
		CHECK(check_blocks(&p->description, 0));
		if (p->nsets && p->sets == NULL)
			return "parameter sets missing";
		if (p->naliases && p->aliases == NULL)
			return "parameter aliases missing";
		if (p->nrequired && p->required == NULL)
			return "parameter required entries missing";
		if (p->has_metadata && p->nrequired == 0)
			return "parameter metadata without Required";
	}
	return NULL;
}

const char *
help_doc_check(const struct help_doc *doc)
{
	if (doc->name == NULL || !*doc->name)
		return "document without name";
	CHECK(check_text(doc->name));
	if (doc->nfrontmatter && doc->frontmatter == NULL)
		return "front matter entries missing";
	CHECK(check_blocks(&doc->synopsis, 0));
	CHECK(check_blocks(&doc->description, 0));
	CHECK(check_blocks(&doc->notes, 0));
	CHECK(check_blocks(&doc->short_description, 0));
	CHECK(check_blocks(&doc->common_parameters_text, 0));
	if (doc->nsyntax && doc->syntax == NULL)
		return "syntax sets missing";
	for (size_t i = 0; i < doc->nsyntax; i++)
		if (doc->syntax[i].nparams && doc->syntax[i].params == NULL)
			return "syntax parameters missing";
	CHECK(check_params(doc));
	if (doc->nexamples && doc->examples == NULL)
		return "examples missing";
	for (size_t i = 0; i < doc->nexamples; i++)
		CHECK(check_blocks(&doc->examples[i].body, 0));
	for (size_t i = 0; i < doc->ninputs; i++)
		CHECK(check_blocks(&doc->inputs[i].description, 0));
	for (size_t i = 0; i < doc->noutputs; i++)
		CHECK(check_blocks(&doc->outputs[i].description, 0));
	if (doc->nlinks && doc->links == NULL)
		return "links missing";
	for (size_t i = 0; i < doc->nlinks; i++)
		if (doc->links[i].target == NULL)
			return "link without target";
	if (doc->nparts && doc->parts == NULL)
		return "about parts missing";
	for (size_t i = 0; i < doc->nparts; i++)
		CHECK(check_blocks(&doc->parts[i].body, 0));
	return NULL;
}

const struct help_fm_entry *
help_doc_frontmatter(const struct help_doc *doc, const char *key)
{
	for (size_t i = 0; i < doc->nfrontmatter; i++)
		if (doc->frontmatter[i].key &&
		    strcasecmp(doc->frontmatter[i].key, key) == 0)
			return &doc->frontmatter[i];
	return NULL;
}

/* a before b in the page: by source offset, else by line and column */
static int
page_order(const struct help_link *l, const struct help_inline_link *il)
{
	bool ext = l->ext.end > l->ext.start;
	uint32_t x = ext ? l->ext.start : l->pos.line;
	uint32_t y = ext ? il->ext.start : il->pos.line;
	if (x == y && !ext) {
		x = l->pos.col;
		y = il->pos.col;
	}
	return x < y ? -1 : x > y;
}

bool *
help_doc_related_inline(const struct help_doc *doc)
{
	bool *related = xcalloc(doc->ninline_links + 1, sizeof(*related));
	size_t k = 0;
	for (size_t i = 0; i < doc->ninline_links; i++) {
		const struct help_inline_link *il = &doc->inline_links[i];
		while (k < doc->nlinks && page_order(&doc->links[k], il) < 0)
			k++;
		if (k == doc->nlinks || page_order(&doc->links[k], il) != 0)
			continue;
		const struct help_link *l = &doc->links[k];
		related[i] = l->ext.end > l->ext.start
				     ? l->ext.end == il->ext.end
				     : l->target == il->target;
	}
	return related;
}

bool
help_blocks_each_code(const struct help_blocks *blocks, help_code_fn *fn,
		      void *cookie)
{
	for (size_t i = 0; i < blocks->n; i++) {
		const struct help_block *b = &blocks->v[i];
		bool go = true;
		switch (b->kind) {
		case HELP_BLOCK_CODE:
			go = fn(cookie, b);
			break;
		case HELP_BLOCK_LIST:
			for (size_t k = 0; go && k < b->u.list.nitems; k++)
				go = help_blocks_each_code(&b->u.list.items[k],
							   fn, cookie);
			break;
		case HELP_BLOCK_ALERT:
			go = help_blocks_each_code(&b->u.alert.body, fn,
						   cookie);
			break;
		case HELP_BLOCK_QUOTE:
			go = help_blocks_each_code(&b->u.quote, fn, cookie);
			break;
		default:
			break;
		}
		if (!go)
			return false;
	}
	return true;
}

struct help_pos
help_doc_pos_at(const struct help_doc *doc, size_t off)
{
	struct help_pos p = { 1, 1 };
	if (doc->source == NULL)
		return p;
	if (off > doc->source_len)
		off = doc->source_len;
	const char *s = doc->source, *bol = s, *nl;
	while ((nl = memchr(bol, '\n', (size_t)(s + off - bol))) != NULL) {
		p.line++;
		bol = nl + 1;
	}
	p.col = (uint32_t)(s + off - bol) + 1;
	return p;
}
