/* SPDX-License-Identifier: MIT */
/* The text of a page the index holds, taken from the help model. */
#include <string.h>

#include "help_model.h"
#include "index.h"
#include "strbuf.h"

static void add_blocks(struct strbuf *sb, const struct help_blocks *b);

static void
add_inline(struct strbuf *sb, const struct help_inline *in)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		if (r->text)
			strbuf_add(sb, r->text, r->len);
		else
			strbuf_addch(sb, ' ');
	}
	strbuf_addch(sb, '\n');
}

static void
add_line(struct strbuf *sb, const char *s)
{
	if (s && *s) {
		strbuf_addstr(sb, s);
		strbuf_addch(sb, '\n');
	}
}

static void
add_table(struct strbuf *sb, const struct help_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		add_inline(sb, &t->cells[i]);
}

static void
add_block(struct strbuf *sb, const struct help_block *b)
{
	switch (b->kind) {
	case HELP_BLOCK_PARA:
	case HELP_BLOCK_HTML:
		add_inline(sb, &b->u.para);
		break;
	case HELP_BLOCK_CODE:
		add_line(sb, b->u.code.text);
		break;
	case HELP_BLOCK_LIST:
		for (size_t i = 0; i < b->u.list.nitems; i++)
			add_blocks(sb, &b->u.list.items[i]);
		break;
	case HELP_BLOCK_ALERT:
		add_blocks(sb, &b->u.alert.body);
		break;
	case HELP_BLOCK_QUOTE:
		add_blocks(sb, &b->u.quote);
		break;
	case HELP_BLOCK_TABLE:
		add_table(sb, &b->u.table);
		break;
	case HELP_BLOCK_HEADING:
		add_inline(sb, &b->u.heading.text);
		break;
	case HELP_BLOCK_RULE:
		break;
	}
}

static void
add_blocks(struct strbuf *sb, const struct help_blocks *b)
{
	for (size_t i = 0; b && i < b->n; i++)
		add_block(sb, &b->v[i]);
}

static void
add_command(struct strbuf *sb, const struct help_doc *doc)
{
	add_blocks(sb, &doc->synopsis);
	for (size_t i = 0; i < doc->nsyntax; i++)
		add_line(sb, doc->syntax[i].text);
	add_blocks(sb, &doc->description);
	for (size_t i = 0; i < doc->nexamples; i++) {
		add_line(sb, doc->examples[i].title);
		add_blocks(sb, &doc->examples[i].body);
	}
	for (size_t i = 0; i < doc->nparams; i++) {
		add_line(sb, doc->params[i].name);
		add_blocks(sb, &doc->params[i].description);
	}
	for (size_t i = 0; i < doc->ninputs; i++) {
		add_line(sb, doc->inputs[i].name);
		add_blocks(sb, &doc->inputs[i].description);
	}
	for (size_t i = 0; i < doc->noutputs; i++) {
		add_line(sb, doc->outputs[i].name);
		add_blocks(sb, &doc->outputs[i].description);
	}
	add_blocks(sb, &doc->notes);
	for (size_t i = 0; i < doc->nlinks; i++)
		add_line(sb, doc->links[i].text);
}

char *
index_doc_text(struct help_doc *doc)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	add_line(&sb, doc->title);
	if (doc->kind == HELP_DOC_COMMAND)
		add_command(&sb, doc);
	for (size_t i = 0; i < doc->nparts; i++) {
		add_line(&sb, doc->parts[i].heading);
		add_blocks(&sb, &doc->parts[i].body);
	}
	return strbuf_detach(&sb, NULL);
}

const char *
index_doc_synopsis(struct help_doc *doc, bool command)
{
	return help_blocks_first_text(doc, command ? &doc->synopsis
						   : &doc->short_description);
}
