/* SPDX-License-Identifier: MIT */
/*
 * The help model as JSON (doc/json.md).  Keys always come in the same
 * order and every key is always present, so output can be diffed.
 * Objects are one key per line; runs and small records are written on
 * one line to keep paragraphs readable.
 */
#include "render_json.h"
#include "render.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "wildcard.h"

/* ---------- a small pretty-printing writer ---------- */

struct jw {
	struct strbuf *out;
	size_t depth;
	size_t inline_depth; /* > 0: inside a container kept on one line */
	bool comma;	     /* the current container already has a value */
	bool after_key;	     /* a key was written; its value comes next */
};

static void
jw_newline(struct jw *w)
{
	strbuf_addch(w->out, '\n');
	strbuf_addchars(w->out, ' ', 2 * w->depth);
}

/* Separator before a key or an array element. */
static void
jw_sep(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->comma)
		strbuf_addstr(w->out, w->inline_depth ? ", " : ",");
	if (!w->inline_depth)
		jw_newline(w);
	w->comma = true;
}

/* A JSON string (RFC 8259); controls as \u00XX, bad bytes as U+FFFD. */
static void
jw_strn(struct jw *w, const char *s, size_t len)
{
	jw_sep(w);
	utf8_json_string(w->out, s, len);
}

static void
jw_str(struct jw *w, const char *s)
{
	jw_strn(w, s, s ? strlen(s) : 0);
}

static void
jw_bool(struct jw *w, bool v)
{
	jw_sep(w);
	strbuf_addstr(w->out, v ? "true" : "false");
}

static void
jw_num(struct jw *w, long long v)
{
	jw_sep(w);
	strbuf_addf(w->out, "%lld", v);
}

static void
jw_key(struct jw *w, const char *key)
{
	jw_str(w, key);
	strbuf_addstr(w->out, ": ");
	w->after_key = true;
}

static void
jw_open(struct jw *w, char c, bool one_line)
{
	jw_sep(w);
	strbuf_addch(w->out, c);
	w->depth++;
	if (one_line || w->inline_depth)
		w->inline_depth++;
	w->comma = false;
}

static void
jw_close(struct jw *w, char c)
{
	w->depth--;
	if (w->inline_depth)
		w->inline_depth--;
	else if (w->comma)
		jw_newline(w);
	strbuf_addch(w->out, c);
	w->comma = true;
}

static void
jw_kstr(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

static void
jw_kbool(struct jw *w, const char *key, bool v)
{
	jw_key(w, key);
	jw_bool(w, v);
}

static void
jw_knum(struct jw *w, const char *key, long long v)
{
	jw_key(w, key);
	jw_num(w, v);
}

static void
jw_kstrings(struct jw *w, const char *key, const char *const *v, size_t n)
{
	jw_key(w, key);
	jw_open(w, '[', true);
	for (size_t i = 0; i < n; i++)
		jw_str(w, v[i]);
	jw_close(w, ']');
}

/* ---------- inline runs and blocks ---------- */

static const char *
run_kind(enum help_run_kind k)
{
	switch (k) {
	case HELP_RUN_TEXT:
		return "text";
	case HELP_RUN_CODE:
		return "code";
	case HELP_RUN_SOFTBREAK:
		return "softbreak";
	case HELP_RUN_LINEBREAK:
		return "linebreak";
	}
	return "unknown";
}

static void
put_run(struct jw *w, const struct help_run *r)
{
	static const struct {
		unsigned bit;
		const char *name;
	} flags[] = { { HELP_RUN_EMPH, "emph" },
		      { HELP_RUN_STRONG, "strong" },
		      { HELP_RUN_LINK, "link" },
		      { HELP_RUN_HTML, "html" } };
	jw_open(w, '{', true);
	jw_kstr(w, "kind", run_kind(r->kind));
	jw_key(w, "text");
	jw_strn(w, r->text, r->text ? r->len : 0);
	jw_key(w, "flags");
	jw_open(w, '[', true);
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (r->flags & flags[i].bit)
			jw_str(w, flags[i].name);
	jw_close(w, ']');
	jw_kstr(w, "link", (r->flags & HELP_RUN_LINK) ? r->link : NULL);
	jw_close(w, '}');
}

static void
put_inline(struct jw *w, const char *key, const struct help_inline *in)
{
	jw_key(w, key);
	jw_open(w, '[', false);
	for (size_t i = 0; i < in->n; i++)
		put_run(w, &in->runs[i]);
	jw_close(w, ']');
}

static void render_put_blocks(struct jw *w, const char *key,
			      const struct help_blocks *b);

static const char *
block_kind(enum help_block_kind k)
{
	static const char *const names[] = { "paragraph", "code",  "list",
					     "alert",	  "quote", "table",
					     "heading",	  "html",  "rule" };
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k]
							      : "unknown";
}

static const char *
alert_kind(enum help_alert_kind k)
{
	static const char *const names[] = { "note", "tip", "important",
					     "warning", "caution" };
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k]
							      : "unknown";
}

static const char *
align_name(enum help_align a)
{
	static const char *const names[] = { "none", "left", "center",
					     "right" };
	return (unsigned)a < sizeof(names) / sizeof(names[0]) ? names[a]
							      : "none";
}

static void
put_list(struct jw *w, const struct help_block *b)
{
	jw_kbool(w, "ordered", b->u.list.ordered);
	jw_kbool(w, "tight", b->u.list.tight);
	jw_knum(w, "start", b->u.list.start);
	jw_key(w, "items");
	jw_open(w, '[', false);
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		jw_open(w, '{', false);
		render_put_blocks(w, "blocks", &b->u.list.items[i]);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
put_table(struct jw *w, const struct help_table *t)
{
	jw_key(w, "align");
	jw_open(w, '[', true);
	for (size_t c = 0; c < t->ncols; c++)
		jw_str(w, align_name(t->align[c]));
	jw_close(w, ']');
	jw_key(w, "rows");
	jw_open(w, '[', false);
	for (size_t r = 0; r < t->nrows; r++) {
		jw_open(w, '[', false);
		for (size_t c = 0; c < t->ncols; c++) {
			jw_open(w, '{', false);
			put_inline(w, "runs", &t->cells[r * t->ncols + c]);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	}
	jw_close(w, ']');
}

static void
put_block_body(struct jw *w, const struct help_block *b)
{
	switch (b->kind) {
	case HELP_BLOCK_PARA:
	case HELP_BLOCK_HTML:
		put_inline(w, "runs", &b->u.para);
		break;
	case HELP_BLOCK_CODE:
		jw_kstr(w, "info", b->u.code.info);
		jw_kstr(w, "text", b->u.code.text);
		jw_kbool(w, "unclosed", b->u.code.unclosed);
		break;
	case HELP_BLOCK_LIST:
		put_list(w, b);
		break;
	case HELP_BLOCK_ALERT:
		jw_kstr(w, "alert", alert_kind(b->u.alert.kind));
		render_put_blocks(w, "blocks", &b->u.alert.body);
		break;
	case HELP_BLOCK_QUOTE:
		render_put_blocks(w, "blocks", &b->u.quote);
		break;
	case HELP_BLOCK_TABLE:
		put_table(w, &b->u.table);
		break;
	case HELP_BLOCK_HEADING:
		jw_knum(w, "level", b->u.heading.level);
		jw_kstr(w, "anchor", b->u.heading.anchor);
		put_inline(w, "runs", &b->u.heading.text);
		break;
	case HELP_BLOCK_RULE:
		break;
	}
}

static void
render_put_blocks(struct jw *w, const char *key, const struct help_blocks *b)
{
	jw_key(w, key);
	jw_open(w, '[', false);
	for (size_t i = 0; i < b->n; i++) {
		jw_open(w, '{', false);
		jw_kstr(w, "kind", block_kind(b->v[i].kind));
		jw_knum(w, "line", b->v[i].pos.line);
		put_block_body(w, &b->v[i]);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* ---------- command pages ---------- */

static void
put_sections(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "sections");
	jw_open(w, '[', false);
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		const struct help_section_info *si = &doc->sections[s];
		if (!si->present)
			continue;
		jw_open(w, '{', true);
		jw_kstr(w, "section", help_section_name((enum help_section)s));
		jw_kstr(w, "heading", si->heading);
		jw_knum(w, "line", si->pos.line);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
put_syntax_param(struct jw *w, const struct help_syntax_param *p)
{
	jw_open(w, '{', true);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "type", p->type);
	jw_kbool(w, "required", p->required);
	jw_kbool(w, "positional", p->positional);
	jw_close(w, '}');
}

static void
put_syntax(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "syntax");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nsyntax; i++) {
		const struct help_syntax_set *s = &doc->syntax[i];
		jw_open(w, '{', false);
		jw_kstr(w, "name", s->name);
		jw_kstr(w, "heading", s->heading);
		jw_kbool(w, "default", s->is_default);
		jw_kstr(w, "command", s->command);
		jw_key(w, "parameters");
		jw_open(w, '[', false);
		for (size_t k = 0; k < s->nparams; k++)
			put_syntax_param(w, &s->params[k]);
		jw_close(w, ']');
		jw_kbool(w, "common_parameters", s->common_parameters);
		jw_kstr(w, "text", s->text);
		jw_knum(w, "line", s->pos.line);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
put_required(struct jw *w, const struct help_param *p)
{
	jw_key(w, "required");
	jw_open(w, '[', false);
	for (size_t i = 0; i < p->nrequired; i++) {
		jw_open(w, '{', true);
		jw_kstr(w, "set", p->required[i].set);
		jw_kbool(w, "required", p->required[i].required);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
put_pipeline(struct jw *w, unsigned pipe)
{
	jw_key(w, "pipeline");
	jw_open(w, '[', true);
	if (pipe & HELP_PIPE_BY_VALUE)
		jw_str(w, "ByValue");
	if (pipe & HELP_PIPE_BY_PROPERTY_NAME)
		jw_str(w, "ByPropertyName");
	if (pipe & HELP_PIPE_FROM_REMAINING)
		jw_str(w, "FromRemainingArguments");
	jw_close(w, ']');
}

static void
put_param(struct jw *w, const struct help_param *p)
{
	jw_open(w, '{', false);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "heading", p->heading);
	jw_knum(w, "line", p->pos.line);
	render_put_blocks(w, "description", &p->description);
	jw_kbool(w, "has_metadata", p->has_metadata);
	jw_knum(w, "metadata_line", p->metadata_pos.line);
	jw_kstr(w, "type", p->type);
	jw_kbool(w, "switch", p->is_switch);
	jw_kbool(w, "all_sets", p->all_sets);
	jw_kstrings(w, "sets", p->sets, p->nsets);
	jw_kstrings(w, "aliases", p->aliases, p->naliases);
	jw_kstrings(w, "accepted_values", p->accepted_values, p->naccepted);
	put_required(w, p);
	jw_kstr(w, "required_text", p->required_text);
	jw_kstr(w, "position", p->position);
	jw_kstr(w, "default_value", p->default_value);
	put_pipeline(w, p->pipeline);
	jw_kstr(w, "pipeline_text", p->pipeline_text);
	jw_kbool(w, "wildcards", p->wildcards);
	jw_close(w, '}');
}

/* The parameters whose name matches pattern (NULL: all); how many. */
static size_t
put_params(struct jw *w, const struct help_doc *doc, const char *pattern)
{
	size_t n = 0;
	jw_key(w, "parameters");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nparams; i++) {
		const struct help_param *p = &doc->params[i];
		if (pattern && !(p->name && wildcard_match_folded(pattern,
								  p->name)))
			continue;
		put_param(w, p);
		n++;
	}
	jw_close(w, ']');
	return n;
}

static void
put_examples(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "examples");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nexamples; i++) {
		const struct help_example *ex = &doc->examples[i];
		jw_open(w, '{', false);
		jw_kstr(w, "title", ex->title);
		jw_knum(w, "line", ex->pos.line);
		render_put_blocks(w, "blocks", &ex->body);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
put_types(struct jw *w, const char *key, const struct help_type_entry *v,
	  size_t n)
{
	jw_key(w, key);
	jw_open(w, '[', false);
	for (size_t i = 0; i < n; i++) {
		jw_open(w, '{', false);
		jw_kstr(w, "name", v[i].name);
		jw_kstr(w, "heading", v[i].heading);
		jw_knum(w, "line", v[i].pos.line);
		render_put_blocks(w, "description", &v[i].description);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static const char *
link_kind(enum help_link_kind k)
{
	static const char *const names[] = { "command", "about", "url",
					     "unresolved" };
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k]
							      : "unknown";
}

static void
put_links(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "links");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct help_link *l = &doc->links[i];
		jw_open(w, '{', true);
		jw_kstr(w, "kind", link_kind(l->kind));
		jw_kstr(w, "text", l->text);
		jw_kstr(w, "target", l->target);
		jw_kstr(w, "topic", l->topic);
		jw_kstr(w, "module", l->module);
		jw_knum(w, "line", l->pos.line);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* ---------- front matter, about parts, the document ---------- */

static void
put_frontmatter(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "frontmatter");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nfrontmatter; i++) {
		const struct help_fm_entry *e = &doc->frontmatter[i];
		jw_open(w, '{', true);
		jw_kstr(w, "key", e->key);
		jw_kstr(w, "value", e->value);
		if (e->value) {
			jw_key(w, "items");
			jw_open(w, '[', true);
			jw_close(w, ']');
		} else {
			jw_kstrings(w, "items", e->items, e->nitems);
		}
		jw_knum(w, "line", e->pos.line);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static const char *
part_kind(enum help_about_section k)
{
	static const char *const names[] = { "short_description",
					     "long_description", "see_also",
					     "other" };
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k]
							      : "other";
}

static void
put_parts(struct jw *w, const struct help_doc *doc)
{
	jw_key(w, "parts");
	jw_open(w, '[', false);
	for (size_t i = 0; i < doc->nparts; i++) {
		const struct help_about_part *p = &doc->parts[i];
		jw_open(w, '{', false);
		jw_kstr(w, "kind", part_kind(p->kind));
		jw_kstr(w, "heading", p->heading);
		jw_kstr(w, "anchor", p->anchor);
		jw_knum(w, "line", p->pos.line);
		render_put_blocks(w, "blocks", &p->body);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static const char *
doc_kind(enum help_doc_kind k)
{
	switch (k) {
	case HELP_DOC_COMMAND:
		return "command";
	case HELP_DOC_ABOUT:
		return "about";
	case HELP_DOC_MODULE:
		return "module";
	}
	return "unknown";
}

/* Every answer says which culture was asked for and which is shown. */
static void
put_cultures(struct jw *w, const char *requested, const char *shown)
{
	jw_kstr(w, "requested_culture", requested);
	jw_kstr(w, "shown_culture", shown);
}

static void
put_header(struct jw *w, const struct help_doc *doc,
	   const struct render_options *opt)
{
	jw_knum(w, "schema", 1);
	jw_kstr(w, "path", doc->path);
	jw_kstr(w, "name", doc->name);
	jw_kstr(w, "kind", doc_kind(doc->kind));
	jw_kstr(w, "title", doc->title);
	jw_kstr(w, "locale", doc->locale);
	jw_kstr(w, "module", doc->module);
	jw_kstr(w, "online_uri", doc->online_uri);
	put_cultures(w, opt ? opt->requested_culture : NULL, doc->locale);
	jw_kstrings(w, "aliases", doc->aliases, doc->naliases);
	put_frontmatter(w, doc);
}

static void
put_command(struct jw *w, const struct help_doc *doc)
{
	put_sections(w, doc);
	render_put_blocks(w, "synopsis", &doc->synopsis);
	put_syntax(w, doc);
	render_put_blocks(w, "description", &doc->description);
	put_examples(w, doc);
	put_params(w, doc, NULL);
	jw_kbool(w, "common_parameters", doc->common_parameters);
	render_put_blocks(w, "common_parameters_text",
			  &doc->common_parameters_text);
	put_types(w, "inputs", doc->inputs, doc->ninputs);
	put_types(w, "outputs", doc->outputs, doc->noutputs);
	render_put_blocks(w, "notes", &doc->notes);
	put_links(w, doc);
}

/* -Parameter: the command's matching parameters only. */
static int
render_json_parameters(const struct help_doc *doc,
		       const struct render_options *opt, struct strbuf *out)
{
	size_t start = out->len;
	struct jw w = { .out = out };
	jw_open(&w, '{', false);
	jw_knum(&w, "schema", 1);
	jw_kstr(&w, "name", doc->name);
	put_cultures(&w, opt->requested_culture, doc->locale);
	size_t n = doc->kind == HELP_DOC_COMMAND
			   ? put_params(&w, doc,
					opt->parameter ? opt->parameter : "*")
			   : 0;
	jw_close(&w, '}');
	strbuf_addch(out, '\n');
	if (n == 0) {
		out->len = start; /* nothing selected: out unchanged */
		out->buf[start] = '\0';
		return 1;
	}
	return 0;
}

int
render_json(const struct help_doc *doc, const struct render_options *opt,
	    struct strbuf *out)
{
	if (opt && opt->view == RENDER_PARAMETER)
		return render_json_parameters(doc, opt, out);
	struct jw w = { .out = out };
	jw_open(&w, '{', false);
	put_header(&w, doc, opt);
	put_command(&w, doc);
	render_put_blocks(&w, "short_description", &doc->short_description);
	put_parts(&w, doc);
	jw_close(&w, '}');
	strbuf_addch(out, '\n');
	return 0;
}

void
render_json_online(const struct help_doc *doc,
		   const struct render_options *opt, struct strbuf *out)
{
	struct jw w = { .out = out };
	jw_open(&w, '{', false);
	jw_knum(&w, "schema", 1);
	jw_kstr(&w, "name", doc->name);
	put_cultures(&w, opt ? opt->requested_culture : NULL, doc->locale);
	jw_kstr(&w, "online_uri", doc->online_uri);
	jw_close(&w, '}');
	strbuf_addch(out, '\n');
}

void
render_topics_json(const struct render_topic_row *rows, size_t n,
		   size_t width, struct strbuf *out)
{
	struct jw w = { .out = out };
	(void)width; /* JSON is not wrapped */
	jw_open(&w, '[', false);
	for (size_t i = 0; i < n; i++) {
		jw_open(&w, '{', true);
		jw_kstr(&w, "name", rows[i].name);
		jw_kstr(&w, "category", rows[i].category);
		jw_kstr(&w, "module", rows[i].module);
		jw_kstr(&w, "synopsis", rows[i].synopsis);
		put_cultures(&w, rows[i].requested_culture, rows[i].culture);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	strbuf_addch(out, '\n');
}

/* The ranked rows of a full-text search: the topic table's keys, the
   score (higher is better) and the text around the match. */
void
render_search_json(const struct render_topic_row *rows, const double *scores,
		   const char *const *snippets, size_t n, struct strbuf *out)
{
	struct jw w = { .out = out };
	jw_open(&w, '[', false);
	for (size_t i = 0; i < n; i++) {
		jw_open(&w, '{', true);
		jw_kstr(&w, "name", rows[i].name);
		jw_kstr(&w, "category", rows[i].category);
		jw_kstr(&w, "module", rows[i].module);
		jw_kstr(&w, "synopsis", rows[i].synopsis);
		put_cultures(&w, rows[i].requested_culture, rows[i].culture);
		jw_key(&w, "score");
		/* three decimals: enough to rank, the same on every machine */
		jw_sep(&w);
		strbuf_addf(out, "%.3f", scores[i]);
		jw_kstr(&w, "snippet", snippets[i]);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	strbuf_addch(out, '\n');
}
