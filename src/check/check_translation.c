/* SPDX-License-Identifier: MIT */
/*
 * A translated page against its en-US source.  Translation changes
 * prose only: the sections, the examples and their code blocks, the
 * parameters and their order, every code, yaml and SYNTAX block and
 * every link target stay as they are, and a parameter heading keeps
 * the parameter's name.
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "textdiff.h"
#include "xalloc.h"

/* Lines of - and + a block's diff shows before "...". */
#define DIFF_MAX_CHANGES 40

static void
compare_block(const char *what, const char *source, const char *text,
	      struct help_pos pos, const struct help_doc *doc,
	      struct diag_ctx *dx)
{
	if (source == NULL || text == NULL || strcmp(source, text) == 0)
		return;
	struct text_diff_options o = {
		.a_name = "en-US",
		.b_name = doc->locale ? doc->locale : "translation",
		.max_changes = DIFF_MAX_CHANGES,
	};
	struct strbuf diff = STRBUF_INIT;
	strbuf_init(&diff);
	text_diff(&diff, source, strlen(source), text, strlen(text), &o);
	strbuf_rtrim(&diff);
	diag_report_detail(dx, DIAG_TRANSLATION_BLOCK_DIFFERS, pos.line,
			   pos.col, diff.buf, what);
	strbuf_release(&diff);
}

static void structure_differs(struct diag_ctx *dx, struct help_pos pos,
			      const char *what, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
structure_differs(struct diag_ctx *dx, struct help_pos pos, const char *what,
		  const char *fmt, ...)
{
	char how[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(how, sizeof(how), fmt, ap);
	va_end(ap);
	diag_report(dx, DIAG_TRANSLATION_STRUCTURE, pos.line, pos.col, what,
		    how);
}

/* ---------- code blocks in page order ---------- */

struct codes {
	const struct help_block **v;
	size_t n, cap;
};

static bool
add_code(void *cookie, const struct help_block *b)
{
	struct codes *c = cookie;
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->v[c->n++] = b;
	return true;
}

static void
codes_in(struct codes *c, const struct help_blocks *b)
{
	help_blocks_each_code(b, add_code, c);
}

/* Code outside the examples, yaml and SYNTAX: descriptions, notes. */
static void
other_codes(const struct help_doc *doc, struct codes *c)
{
	codes_in(c, &doc->synopsis);
	codes_in(c, &doc->description);
	for (size_t i = 0; i < doc->nparams; i++)
		codes_in(c, &doc->params[i].description);
	codes_in(c, &doc->common_parameters_text);
	for (size_t i = 0; i < doc->ninputs; i++)
		codes_in(c, &doc->inputs[i].description);
	for (size_t i = 0; i < doc->noutputs; i++)
		codes_in(c, &doc->outputs[i].description);
	codes_in(c, &doc->notes);
	for (size_t i = 0; i < doc->nparts; i++)
		codes_in(c, &doc->parts[i].body);
}

/* The H1, or the top of the page without one. */
static struct help_pos
title_pos(const struct help_doc *doc)
{
	return doc->title_pos.line ? doc->title_pos : (struct help_pos){ 1, 1 };
}

/*
 * The line:col of a yaml or SYNTAX block's opening fence (the model's
 * pos is its first content line): lines back from the content to the
 * fence, the column from the fence's line start.  Cheap, so a page of
 * many differing blocks stays linear.
 */
static struct help_pos
fence_pos(const struct help_doc *doc, struct help_extent ext,
	  struct help_extent content, struct help_pos pos)
{
	if (doc->source == NULL || ext.end <= ext.start ||
	    content.start < ext.start || content.start > doc->source_len)
		return pos;
	const char *s = doc->source;
	for (uint32_t i = ext.start; i < content.start; i++)
		if (s[i] == '\n' && pos.line > 1)
			pos.line--;
	uint32_t bol = ext.start;
	while (bol > 0 && s[bol - 1] != '\n')
		bol--;
	pos.col = ext.start - bol + 1;
	return pos;
}

static void
compare_codes(const char *what, const struct codes *t, const struct codes *s,
	      struct help_pos where, const struct help_doc *doc,
	      struct diag_ctx *dx)
{
	if (t->n != s->n)
		structure_differs(dx, where, what,
				  "the page has %zu, the source %zu", t->n,
				  s->n);
	for (size_t i = 0; i < t->n && i < s->n; i++)
		compare_block("code", s->v[i]->u.code.text,
			      t->v[i]->u.code.text, t->v[i]->pos, doc, dx);
}

/* ---------- command pages ---------- */

static void
compare_sections(const struct help_doc *doc, const struct help_doc *src,
		 struct diag_ctx *dx)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		bool here = doc->sections[s].present;
		if (here == src->sections[s].present)
			continue;
		const char *name = help_section_name(s);
		if (here)
			structure_differs(dx, doc->sections[s].pos,
					  "section list",
					  "'%s' is not in the source", name);
		else
			structure_differs(dx, title_pos(doc), "section list",
					  "no '%s', the source has it", name);
	}
}

static void
compare_examples(const struct help_doc *doc, const struct help_doc *src,
		 struct diag_ctx *dx)
{
	if (doc->nexamples != src->nexamples) {
		const struct help_section_info *si =
			&doc->sections[HELP_SEC_EXAMPLES];
		structure_differs(dx, si->present ? si->pos : title_pos(doc),
				  "example count",
				  "the page has %zu, the source %zu",
				  doc->nexamples, src->nexamples);
	}
	for (size_t i = 0; i < doc->nexamples && i < src->nexamples; i++) {
		struct codes t = { 0 }, s = { 0 };
		codes_in(&t, &doc->examples[i].body);
		codes_in(&s, &src->examples[i].body);
		char what[64];
		snprintf(what, sizeof(what), "code block count of example %zu",
			 i + 1);
		compare_codes(what, &t, &s, doc->examples[i].pos, doc, dx);
		free(t.v);
		free(s.v);
	}
}

static void
compare_syntax(const struct help_doc *doc, const struct help_doc *src,
	       struct diag_ctx *dx)
{
	if (doc->nsyntax != src->nsyntax) {
		const struct help_section_info *si =
			&doc->sections[HELP_SEC_SYNTAX];
		structure_differs(dx, si->present ? si->pos : title_pos(doc),
				  "SYNTAX block count",
				  "the page has %zu, the source %zu",
				  doc->nsyntax, src->nsyntax);
	}
	for (size_t i = 0; i < doc->nsyntax && i < src->nsyntax; i++)
		compare_block(
			"SYNTAX", src->syntax[i].code, doc->syntax[i].code,
			fence_pos(doc, doc->syntax[i].ext,
				  doc->syntax[i].content, doc->syntax[i].pos),
			doc, dx);
}

/* "-Job" (after blanks) names the parameter Job, ignoring case. */
static bool
heading_names(const char *heading, const char *name)
{
	while (*heading == ' ' || *heading == '\t')
		heading++;
	if (*heading != '-')
		return false;
	heading++;
	size_t n = strlen(name);
	if (strncasecmp(heading, name, n) != 0)
		return false;
	for (heading += n; *heading; heading++)
		if (*heading != ' ' && *heading != '\t')
			return false;
	return true;
}

/* The source's parameter named name, or NULL. */
static const struct help_param *
source_param(const struct help_doc *src, const char *name)
{
	for (size_t i = 0; name && i < src->nparams; i++)
		if (src->params[i].name &&
		    strcasecmp(src->params[i].name, name) == 0)
			return &src->params[i];
	return NULL;
}

/*
 * Parameters: by position when the lists are as long (the parser took
 * damaged names from the source by position), else by name.
 */
static void
compare_params(const struct help_doc *doc, const struct help_doc *src,
	       struct diag_ctx *dx)
{
	bool same_count = doc->nparams == src->nparams;
	if (!same_count) {
		const struct help_section_info *si =
			&doc->sections[HELP_SEC_PARAMETERS];
		structure_differs(dx, si->present ? si->pos : title_pos(doc),
				  "parameter count",
				  "the page has %zu, the source %zu",
				  doc->nparams, src->nparams);
	}
	for (size_t i = 0; i < doc->nparams; i++) {
		const struct help_param *p = &doc->params[i];
		const struct help_param *s =
			same_count ? &src->params[i]
				   : source_param(src, p->name);
		const char *english = s ? s->name : p->name;
		if (same_count && p->name && s->name &&
		    strcasecmp(p->name, s->name) != 0 &&
		    heading_names(p->heading ? p->heading : "", p->name))
			structure_differs(dx, p->pos, "parameter list",
					  "'-%s' where the source has '-%s'",
					  p->name, s->name);
		else if (p->heading && english &&
			 !heading_names(p->heading, english))
			diag_report(dx, DIAG_TRANSLATION_PARAM_NAME,
				    p->pos.line, p->pos.col, p->heading,
				    english);
		if (s && p->has_metadata && s->has_metadata)
			compare_block(
				"yaml", s->metadata_text, p->metadata_text,
				fence_pos(doc, p->metadata_ext,
					  p->metadata_content, p->metadata_pos),
				doc, dx);
	}
}

/* ---------- links ---------- */

static bool
same_target(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void
compare_related(const struct help_doc *doc, const struct help_doc *src,
		struct diag_ctx *dx)
{
	if (doc->nlinks != src->nlinks) {
		const struct help_section_info *si =
			&doc->sections[HELP_SEC_RELATED_LINKS];
		structure_differs(dx, si->present ? si->pos : title_pos(doc),
				  "related link count",
				  "the page has %zu, the source %zu",
				  doc->nlinks, src->nlinks);
	}
	for (size_t i = 0; i < doc->nlinks && i < src->nlinks; i++)
		if (!same_target(doc->links[i].target, src->links[i].target))
			diag_report(dx, DIAG_TRANSLATION_LINK_DIFFERS,
				    doc->links[i].pos.line,
				    doc->links[i].pos.col,
				    doc->links[i].target ? doc->links[i].target
							 : "",
				    src->links[i].target ? src->links[i].target
							 : "");
}

static int
cmp_target(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The source's inline link targets, sorted for bsearch. */
static const char **
sorted_targets(const struct help_doc *src, size_t *n)
{
	const char **v = xcalloc(src->ninline_links + 1, sizeof(*v));
	*n = 0;
	for (size_t i = 0; i < src->ninline_links; i++)
		if (src->inline_links[i].target)
			v[(*n)++] = src->inline_links[i].target;
	qsort(v, *n, sizeof(*v), cmp_target);
	return v;
}

/*
 * Inline links: a translation may reorder sentences, so a target only
 * has to be one the source links to; the source's link at the same
 * place is named as the likely original.
 */
static void
compare_inline(const struct help_doc *doc, const struct help_doc *src,
	       struct diag_ctx *dx)
{
	size_t ntargets;
	const char **targets = sorted_targets(src, &ntargets);
	bool *related = help_doc_related_inline(doc);
	for (size_t i = 0; i < doc->ninline_links; i++) {
		const struct help_inline_link *il = &doc->inline_links[i];
		if (il->target == NULL || related[i] ||
		    bsearch(&il->target, targets, ntargets, sizeof(*targets),
			    cmp_target))
			continue;
		const char *orig =
			i < src->ninline_links && src->inline_links[i].target
				? src->inline_links[i].target
				: "";
		diag_report(dx, DIAG_TRANSLATION_LINK_DIFFERS, il->pos.line,
			    il->pos.col, il->target, orig);
	}
	free(related);
	free(targets);
}

/* ---------- the check ---------- */

void
check_translation(const struct check_env *env, const struct help_doc *doc,
		  const struct help_doc *source, struct diag_ctx *dx)
{
	(void)env;
	if (source == NULL)
		return;
	if (doc->kind != source->kind) {
		static const char *const kinds[] = { "command page",
						     "about topic",
						     "module page" };
		structure_differs(dx, title_pos(doc), "page kind",
				  "%s, source is a %s", kinds[doc->kind],
				  kinds[source->kind]);
		return;
	}
	if (doc->kind == HELP_DOC_COMMAND) {
		compare_sections(doc, source, dx);
		compare_syntax(doc, source, dx);
		compare_examples(doc, source, dx);
		compare_params(doc, source, dx);
		compare_related(doc, source, dx);
	} else if (doc->nparts != source->nparts) {
		structure_differs(dx, title_pos(doc), "section count",
				  "the page has %zu, the source %zu",
				  doc->nparts, source->nparts);
	}
	struct codes t = { 0 }, s = { 0 };
	other_codes(doc, &t);
	other_codes(source, &s);
	compare_codes("code block count", &t, &s, title_pos(doc), doc, dx);
	free(t.v);
	free(s.v);
	compare_inline(doc, source, dx);
}
