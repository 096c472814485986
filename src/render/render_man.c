/* SPDX-License-Identifier: MIT */
/*
 * The help model as a man(7) page, for `get-help --format man` and for
 * the project's own man pages.  Everything from the page is escaped for
 * roff: backslashes, a '.' or '\'' that would start a request, and
 * hyphens (as \- so that options copy and paste); control characters are
 * neutralized first.  The section headings are the English platyPS names
 * in capitals, as man pages have them; the text keeps the page's language.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "utf8.h"

struct man {
	struct strbuf *out;
	struct strbuf text; /* scratch: neutralized text */
	bool at_line_start;
};

static void
put_escaped(struct man *m, const char *s, size_t n)
{
	strbuf_reset(&m->text);
	utf8_neutralize(&m->text, s, n, true);
	for (size_t i = 0; i < m->text.len; i++) {
		char c = m->text.buf[i];
		if (m->at_line_start && (c == '.' || c == '\''))
			strbuf_addstr(m->out, "\\&");
		if (c == '\\')
			strbuf_addstr(m->out, "\\e");
		else if (c == '-')
			strbuf_addstr(m->out, "\\-");
		else
			strbuf_addch(m->out, c);
		m->at_line_start = c == '\n';
	}
}

static void
put_str(struct man *m, const char *s)
{
	put_escaped(m, s, strlen(s));
}

/* A request or macro line: ".PP", ".SH NAME", ... */
static void
request(struct man *m, const char *line)
{
	if (!m->at_line_start)
		strbuf_addch(m->out, '\n');
	strbuf_addstr(m->out, line);
	strbuf_addch(m->out, '\n');
	m->at_line_start = true;
}

static void
end_line(struct man *m)
{
	if (!m->at_line_start)
		strbuf_addch(m->out, '\n');
	m->at_line_start = true;
}

static void
put_inline(struct man *m, const struct help_inline *in)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		const char *font =
			r->kind == HELP_RUN_CODE || (r->flags & HELP_RUN_STRONG)
				? "\\fB"
			: (r->flags & HELP_RUN_EMPH) ? "\\fI"
						     : NULL;
		if (r->kind == HELP_RUN_SOFTBREAK) {
			end_line(m);
			continue;
		}
		if (r->kind == HELP_RUN_LINEBREAK) {
			request(m, ".br");
			continue;
		}
		if (font)
			strbuf_addstr(m->out, font), m->at_line_start = false;
		put_escaped(m, r->text, r->len);
		if (font)
			strbuf_addstr(m->out, "\\fR");
	}
	end_line(m);
}

static void put_blocks(struct man *m, const struct help_blocks *b);

static void
put_code(struct man *m, const char *text)
{
	request(m, ".PP");
	request(m, ".EX");
	put_str(m, text);
	request(m, ".EE");
}

static void put_list(struct man *m, const struct help_block *b);
static void put_block(struct man *m, const struct help_block *b);

/* An item's blocks stay at its indent: .IP continues it, .PP would end
   it, and a nested list is shifted in with .RS. */
static void
put_item(struct man *m, const struct help_blocks *item)
{
	for (size_t i = 0; i < item->n; i++) {
		const struct help_block *b = &item->v[i];
		if (b->kind == HELP_BLOCK_LIST) {
			request(m, ".RS");
			put_list(m, b);
			request(m, ".RE");
			continue;
		}
		if (i > 0)
			request(m, ".IP");
		if (b->kind == HELP_BLOCK_PARA || b->kind == HELP_BLOCK_HTML) {
			put_inline(m, &b->u.para);
		} else if (b->kind == HELP_BLOCK_CODE) {
			request(m, ".EX");
			put_str(m, b->u.code.text);
			request(m, ".EE");
		} else {
			put_block(m, b);
		}
	}
}

static void
put_list(struct man *m, const struct help_block *b)
{
	char mark[32];
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		if (b->u.list.ordered)
			snprintf(mark, sizeof(mark), ".IP %d. 4",
				 b->u.list.start + (int)i);
		else
			snprintf(mark, sizeof(mark), ".IP \\(bu 2");
		request(m, mark);
		put_item(m, &b->u.list.items[i]);
	}
}

static void
put_table(struct man *m, const struct help_table *t)
{
	request(m, ".PP");
	request(m, ".nf");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				strbuf_addstr(m->out, "  ");
			const struct help_inline *cell =
				&t->cells[r * t->ncols + c];
			for (size_t k = 0; k < cell->n; k++)
				if (cell->runs[k].text)
					put_escaped(m, cell->runs[k].text,
						    cell->runs[k].len);
		}
		end_line(m);
	}
	request(m, ".fi");
}

static void
put_block(struct man *m, const struct help_block *b)
{
	switch (b->kind) {
	case HELP_BLOCK_PARA:
	case HELP_BLOCK_HTML:
		request(m, ".PP");
		put_inline(m, &b->u.para);
		break;
	case HELP_BLOCK_CODE:
		put_code(m, b->u.code.text);
		break;
	case HELP_BLOCK_LIST:
		put_list(m, b);
		break;
	case HELP_BLOCK_ALERT:
		request(m, ".RS 4");
		put_blocks(m, &b->u.alert.body);
		request(m, ".RE");
		break;
	case HELP_BLOCK_QUOTE:
		request(m, ".RS 4");
		put_blocks(m, &b->u.quote);
		request(m, ".RE");
		break;
	case HELP_BLOCK_TABLE:
		put_table(m, &b->u.table);
		break;
	case HELP_BLOCK_HEADING:
		strbuf_addstr(m->out, ".SS ");
		m->at_line_start = false;
		put_inline(m, &b->u.heading.text);
		break;
	case HELP_BLOCK_RULE:
		break;
	}
}

static void
put_blocks(struct man *m, const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++)
		put_block(m, &b->v[i]);
}

static void
section(struct man *m, const char *name)
{
	strbuf_addf(m->out, "%s.SH %s\n", m->at_line_start ? "" : "\n", name);
	m->at_line_start = true;
}

/* A quoted .TH field: shown characters only (bidi and other hidden
   format characters made visible, as everywhere), no '"' or '\\'. */
static void
put_title_field(struct man *m, const char *s, bool upper)
{
	struct strbuf safe = STRBUF_INIT;

	strbuf_init(&safe);
	utf8_neutralize(&safe, s ? s : "", s ? strlen(s) : 0, false);
	for (const char *p = safe.buf; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\' || c < 0x20)
			continue;
		strbuf_addch(m->out, upper ? (char)toupper(c) : (char)c);
	}
	strbuf_release(&safe);
}

static void
put_title(struct man *m, const struct help_doc *doc)
{
	strbuf_addstr(m->out, ".TH \"");
	put_title_field(m, doc->name, true);
	strbuf_addstr(m->out, "\" 1 \"\" \"pshelp\" \"");
	put_title_field(m, doc->module, false);
	/* No hyphenation (parameter names must not break at their dashes)
	   and ragged lines (SYNTAX lines are long words). */
	strbuf_addstr(m->out, "\"\n.nh\n.ad l\n");
	m->at_line_start = true;
}

/* NAME: "Name \- the first paragraph of the synopsis", on one line. */
static void
put_name(struct man *m, const struct help_doc *doc)
{
	const struct help_blocks *first = doc->kind == HELP_DOC_ABOUT
						  ? &doc->short_description
						  : &doc->synopsis;
	section(m, "NAME");
	put_str(m, doc->name ? doc->name : "");
	for (size_t i = 0; i < first->n; i++) {
		const struct help_block *b = &first->v[i];
		if (b->kind != HELP_BLOCK_PARA)
			continue;
		strbuf_addstr(m->out, " \\- ");
		for (size_t k = 0; k < b->u.para.n; k++) {
			const struct help_run *r = &b->u.para.runs[k];
			if (r->text)
				put_escaped(m, r->text, r->len);
			else
				strbuf_addch(m->out, ' ');
		}
		break;
	}
	end_line(m);
}

static void
put_parameter(struct man *m, const struct help_param *p)
{
	request(m, ".TP");
	strbuf_addstr(m->out, "\\fB\\-");
	m->at_line_start = false;
	put_str(m, p->name ? p->name : "");
	strbuf_addstr(m->out, "\\fR");
	if (p->type && !p->is_switch) {
		strbuf_addstr(m->out, " <");
		put_str(m, p->type);
		strbuf_addch(m->out, '>');
	}
	end_line(m);
	for (size_t i = 0; i < p->description.n; i++) {
		if (i)
			request(m, ".IP");
		const struct help_block *b = &p->description.v[i];
		if (b->kind == HELP_BLOCK_PARA)
			put_inline(m, &b->u.para);
		else
			put_block(m, b);
	}
}

static void
put_command(struct man *m, const struct help_doc *doc)
{
	section(m, "SYNOPSIS");
	for (size_t i = 0; i < doc->nsyntax; i++) {
		request(m, ".PP");
		put_str(m, doc->syntax[i].text ? doc->syntax[i].text : "");
		end_line(m);
	}
	if (doc->description.n) {
		section(m, "DESCRIPTION");
		put_blocks(m, &doc->description);
	}
	if (doc->nparams || doc->common_parameters) {
		section(m, "PARAMETERS");
		for (size_t i = 0; i < doc->nparams; i++)
			put_parameter(m, &doc->params[i]);
		if (doc->common_parameters) {
			request(m, ".TP");
			put_str(m, "<CommonParameters>");
			end_line(m);
			put_blocks(m, &doc->common_parameters_text);
		}
	}
	if (doc->nexamples) {
		section(m, "EXAMPLES");
		for (size_t i = 0; i < doc->nexamples; i++) {
			strbuf_addstr(m->out, ".SS ");
			m->at_line_start = false;
			put_str(m, doc->examples[i].title
					   ? doc->examples[i].title
					   : "");
			end_line(m);
			put_blocks(m, &doc->examples[i].body);
		}
	}
	if (doc->notes.n) {
		section(m, "NOTES");
		put_blocks(m, &doc->notes);
	}
}

static void
put_links(struct man *m, const struct help_doc *doc)
{
	if (doc->nlinks == 0 && doc->online_uri == NULL)
		return;
	section(m, "SEE ALSO");
	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct help_link *l = &doc->links[i];
		request(m, ".PP");
		put_str(m, l->topic ? l->topic : l->text ? l->text : "");
		if (l->kind == HELP_LINK_URL && l->target) {
			strbuf_addstr(m->out, " <");
			put_str(m, l->target);
			strbuf_addch(m->out, '>');
		}
		end_line(m);
	}
	if (doc->online_uri && *doc->online_uri) {
		request(m, ".PP");
		put_str(m, doc->online_uri);
		end_line(m);
	}
}

int
render_man(const struct help_doc *doc, const struct render_options *opt,
	   struct strbuf *out)
{
	struct man m = { .out = out, .at_line_start = true };
	const struct help_doc *d = doc;

	(void)opt;
	strbuf_init(&m.text);
	put_title(&m, d);
	put_name(&m, d);
	if (d->kind == HELP_DOC_ABOUT) {
		for (size_t i = 0; i < d->nparts; i++) {
			if (d->parts[i].heading) {
				strbuf_addstr(out, ".SH ");
				m.at_line_start = false;
				put_str(&m, d->parts[i].heading);
				end_line(&m);
			}
			put_blocks(&m, &d->parts[i].body);
		}
	} else {
		put_command(&m, d);
	}
	put_links(&m, d);
	strbuf_release(&m.text);
	return 0;
}
