/* SPDX-License-Identifier: MIT */
/* SYNTAX lines, partial help and a help model built from metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "meta_help.h"
#include "meta_text.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---------- SYNTAX ---------- */

/* The names Get-Help writes in lower case, as PowerShell's accelerators. */
static const char *const accelerators[][2] = {
	{ "String", "string" },	      { "Int32", "int" },
	{ "Guid", "guid" },	      { "Uri", "uri" },
	{ "Hashtable", "hashtable" }, { "ScriptBlock", "scriptblock" },
};

static void
add_type(struct strbuf *sb, const struct meta_param *p,
	 enum meta_syntax_style style)
{
	struct arena a;
	arena_init(&a);
	const char *t =
		help_short_type(&a, p->type_name ? p->type_name : "Object");
	size_t n = strcspn(t, "[");
	const char *shown = NULL;

	for (size_t i = 0; style == META_SYNTAX_GET_HELP &&
			   i < sizeof(accelerators) / sizeof(*accelerators);
	     i++)
		if (strlen(accelerators[i][0]) == n &&
		    strncmp(t, accelerators[i][0], n) == 0)
			shown = accelerators[i][1];
	if (shown) {
		strbuf_addstr(sb, shown);
		strbuf_addstr(sb, t + n);
	} else {
		strbuf_addstr(sb, t);
	}
	arena_release(&a);
}

static void
add_param(struct strbuf *sb, const struct meta_param *p,
	  const struct meta_param_set *m, enum meta_syntax_style style)
{
	bool pos = m->position != META_POSITION_NAMED;

	strbuf_addch(sb, ' ');
	if (!m->mandatory)
		strbuf_addch(sb, '[');
	strbuf_addf(sb, pos ? "[-%s]" : "-%s", p->name);
	if (p->type != META_TYPE_SWITCH) {
		strbuf_addstr(sb, " <");
		add_type(sb, p, style);
		strbuf_addch(sb, '>');
	}
	if (!m->mandatory)
		strbuf_addch(sb, ']');
}

/* The next positional member of set after position `after`, or -1. */
static int
next_position(const struct meta_command *c, const char *set, int after)
{
	int best = -1;
	for (size_t i = 0; i < c->nparams; i++) {
		const struct meta_param_set *m =
			meta_param_in_set(&c->params[i], set);
		if (m && m->position > after &&
		    (best < 0 || m->position < best))
			best = m->position;
	}
	return best;
}

/* A parameter of a SYNTAX line with its membership in the line's set. */
struct member {
	const struct meta_param *p;
	const struct meta_param_set *m;
};

enum member_group { AT_POSITION, NAMED_MANDATORY, NAMED_OPTIONAL, NAMED_ANY };

static bool
in_group(const struct meta_param_set *m, enum member_group g, int position)
{
	bool named = m->position == META_POSITION_NAMED;
	switch (g) {
	case AT_POSITION:
		return m->position == position;
	case NAMED_MANDATORY:
		return named && m->mandatory;
	case NAMED_OPTIONAL:
		return named && !m->mandatory;
	default:
		return named;
	}
}

static size_t
add_members(struct member *v, size_t k, const struct meta_command *c,
	    const char *set, enum member_group g, int position)
{
	for (size_t i = 0; i < c->nparams; i++) {
		const struct meta_param_set *m =
			meta_param_in_set(&c->params[i], set);
		if (m && in_group(m, g, position))
			v[k++] = (struct member){ &c->params[i], m };
	}
	return k;
}

/*
 * The members of set in SYNTAX order: positional ones by position, then
 * Get-Help puts mandatory before optional ones, while platyPS keeps the
 * named ones in table order.  Each group in table order.  Caller frees.
 */
static struct member *
members(const struct meta_command *c, const char *set,
	enum meta_syntax_style style, size_t *n)
{
	struct member *v = xcalloc(c->nparams + 1, sizeof(*v));
	size_t k = 0;

	for (int pos = next_position(c, set, -1); pos >= 0;
	     pos = next_position(c, set, pos))
		k = add_members(v, k, c, set, AT_POSITION, pos);
	if (style == META_SYNTAX_GET_HELP) {
		k = add_members(v, k, c, set, NAMED_MANDATORY, 0);
		k = add_members(v, k, c, set, NAMED_OPTIONAL, 0);
	} else {
		k = add_members(v, k, c, set, NAMED_ANY, 0);
	}
	*n = k;
	return v;
}

static char *
syntax_line(const struct meta_command *c, const char *set,
	    enum meta_syntax_style style)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;
	struct member *v = members(c, set, style, &n);

	strbuf_init(&sb);
	strbuf_addstr(&sb, c->name);
	for (size_t i = 0; i < n; i++)
		add_param(&sb, v[i].p, v[i].m, style);
	free(v);
	if (c->should_process)
		strbuf_addstr(&sb, " [-WhatIf] [-Confirm]");
	if (c->common_parameters)
		strbuf_addstr(&sb, " [<CommonParameters>]");
	return strbuf_detach(&sb, NULL);
}

static bool
is_default(const struct meta_command *c, const char *set)
{
	return c->default_set && strcmp(c->default_set, set) == 0;
}

struct meta_syntax_line *
meta_syntax(const struct meta_command *c, enum meta_syntax_style style,
	    size_t *n)
{
	size_t nsets = 0, k = 0;
	while (c->sets && c->sets[nsets])
		nsets++;
	struct meta_syntax_line *v = xcalloc(nsets ? nsets : 1, sizeof(*v));

	if (nsets == 0) {
		v[0] = (struct meta_syntax_line){ HELP_ALL_SETS, false,
						  syntax_line(c, HELP_ALL_SETS,
							      style) };
		*n = 1;
		return v;
	}
	for (size_t i = 0; i < nsets; i++)
		if (is_default(c, c->sets[i]))
			v[k++] = (struct meta_syntax_line){
				c->sets[i], true,
				syntax_line(c, c->sets[i], style)
			};
	for (size_t i = 0; i < nsets; i++)
		if (!is_default(c, c->sets[i]))
			v[k++] = (struct meta_syntax_line){
				c->sets[i], false,
				syntax_line(c, c->sets[i], style)
			};
	*n = k;
	return v;
}

void
meta_syntax_free(struct meta_syntax_line *lines, size_t n)
{
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i].text);
	free(lines);
}

/* ---------- partial help ---------- */

char *
meta_partial_help(const struct meta_command *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;
	struct meta_syntax_line *lines =
		meta_syntax(c, META_SYNTAX_GET_HELP, &n);

	strbuf_init(&sb);
	strbuf_addf(&sb, "\n%s\n    %s\n\n%s\n", _("NAME"), c->name,
		    _("SYNTAX"));
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "    %s\n\n", lines[i].text);
	meta_syntax_free(lines, n);
	strbuf_addf(&sb, "\n%s\n", _("ALIASES"));
	if (c->aliases == NULL || c->aliases[0] == NULL)
		strbuf_addf(&sb, "    %s\n", _("None"));
	for (const char *const *a = c->aliases; a && *a; a++)
		strbuf_addf(&sb, "    %s\n", *a);
	strbuf_addf(&sb, "\n\n%s\n    ", _("REMARKS"));
	strbuf_addstr(&sb, _("Get-Help cannot find the Help files for this "
			     "cmdlet on this computer. It is displaying only "
			     "partial help."));
	strbuf_addstr(&sb, "\n        -- ");
	strbuf_addf(&sb,
		    _("To add help, install %s.md in a help root "
		      "(PSHELP_PATH)."),
		    c->name);
	strbuf_addstr(&sb, "\n\n");
	return strbuf_detach(&sb, NULL);
}

/* ---------- the help model ---------- */

static const char **
copy_list(struct arena *a, const char *const *list, size_t *n)
{
	*n = 0;
	while (list && list[*n])
		(*n)++;
	if (*n == 0)
		return NULL;
	const char **v = arena_array(a, *n, sizeof(*v));
	for (size_t i = 0; i < *n; i++)
		v[i] = arena_strdup(a, list[i]);
	return v;
}

static const char *
text_of(struct arena *a, void (*fn)(struct strbuf *, const struct meta_param *),
	const struct meta_param *p)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	fn(&sb, p);
	const char *r = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

static void
set_required(struct arena *a, struct help_param *hp, const struct meta_param *p)
{
	size_t nmand = 0;
	for (size_t i = 0; i < p->nsets; i++)
		nmand += p->sets[i].mandatory;
	if (nmand == 0 || nmand == p->nsets || hp->all_sets) {
		hp->required = arena_alloc(a, sizeof(*hp->required));
		hp->required[0] = (struct help_required){ NULL, nmand > 0 };
		hp->nrequired = 1;
		return;
	}
	hp->required = arena_array(a, p->nsets, sizeof(*hp->required));
	hp->nrequired = p->nsets;
	for (size_t i = 0; i < p->nsets; i++)
		hp->required[i] =
			(struct help_required){ arena_strdup(a, p->sets[i].set),
						p->sets[i].mandatory };
}

/* One help_param_set per set, as a 2024-05-01 block states them. */
static void
fill_set_info(struct arena *a, struct help_param *hp,
	      const struct meta_param *p)
{
	hp->set_info =
		arena_array(a, p->nsets ? p->nsets : 1, sizeof(*hp->set_info));
	for (size_t i = 0; i < p->nsets; i++) {
		const struct meta_param_set *m = &p->sets[i];
		char pos[16];
		if (m->position == META_POSITION_NAMED)
			snprintf(pos, sizeof(pos), "Named");
		else
			snprintf(pos, sizeof(pos), "%d", m->position);
		hp->set_info[i] =
			(struct help_param_set){ arena_strdup(a, m->set),
						 arena_strdup(a, pos),
						 m->mandatory, m->pipeline };
	}
	hp->nset_info = p->nsets;
	if (!p->nsets) {
		hp->set_info[0] = (struct help_param_set){ HELP_ALL_SETS,
							   "Named", false, 0 };
		hp->nset_info = 1;
	}
}

static void
fill_param(struct arena *a, struct help_param *hp, const struct meta_param *p)
{
	hp->name = arena_strdup(a, p->name);
	hp->heading = arena_alloc(a, strlen(p->name) + 2);
	memcpy((char *)hp->heading, "-", 1);
	memcpy((char *)hp->heading + 1, p->name, strlen(p->name) + 1);
	hp->has_metadata = true;
	hp->type = p->type_name ? arena_strdup(a, p->type_name) : NULL;
	hp->all_sets =
		p->nsets == 1 && strcmp(p->sets[0].set, HELP_ALL_SETS) == 0;
	if (!hp->all_sets && p->nsets) {
		hp->sets = arena_array(a, p->nsets, sizeof(*hp->sets));
		for (size_t i = 0; i < p->nsets; i++)
			hp->sets[i] = arena_strdup(a, p->sets[i].set);
		hp->nsets = p->nsets;
	}
	hp->aliases = copy_list(a, p->aliases, &hp->naliases);
	hp->accepted_values = copy_list(a, p->accepted_values, &hp->naccepted);
	set_required(a, hp, p);
	hp->required_text = text_of(a, meta_required_text, p);
	hp->position = text_of(a, meta_position_text, p);
	hp->default_value =
		arena_strdup(a, p->default_value ? p->default_value : "None");
	hp->pipeline = meta_pipeline_bits(p);
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	help_pipeline_text(&sb, hp->pipeline);
	hp->pipeline_text = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	hp->wildcards = p->wildcards;
	hp->is_switch = p->type == META_TYPE_SWITCH;
	fill_set_info(a, hp, p);
}

static void
fill_syntax_param(struct arena *a, struct help_syntax_param *sp,
		  const struct meta_param *p, const struct meta_param_set *m)
{
	sp->name = arena_strdup(a, p->name);
	sp->type = p->type == META_TYPE_SWITCH
			   ? NULL
			   : help_short_type(a, p->type_name ? p->type_name
							     : "Object");
	sp->required = m->mandatory;
	sp->positional = m->position != META_POSITION_NAMED;
}

/* The members of set as a platyPS page's SYNTAX line lists them. */
static void
fill_syntax_params(struct arena *a, struct help_syntax_set *s,
		   const struct meta_command *c, const char *set,
		   const struct meta_param *sp, size_t nsp)
{
	size_t n;
	struct member *v = members(c, set, META_SYNTAX_PLATYPS, &n);
	size_t total = n + (c->should_process ? nsp : 0);

	s->params = total ? arena_array(a, total, sizeof(*s->params)) : NULL;
	for (size_t i = 0; i < n; i++)
		fill_syntax_param(a, &s->params[i], v[i].p, v[i].m);
	for (size_t i = 0; i < total - n; i++)
		fill_syntax_param(a, &s->params[n + i], &sp[i], &sp[i].sets[0]);
	s->nparams = total;
	free(v);
}

static void
fill_syntax(struct help_doc *doc, const struct meta_command *c)
{
	struct arena *a = &doc->arena;
	size_t n, nsp;
	const struct meta_param *sp = meta_should_process_params(&nsp);
	struct meta_syntax_line *lines =
		meta_syntax(c, META_SYNTAX_PLATYPS, &n);

	doc->syntax = arena_array(a, n, sizeof(*doc->syntax));
	doc->nsyntax = n;
	for (size_t i = 0; i < n; i++) {
		struct help_syntax_set *s = &doc->syntax[i];
		bool unnamed = strcmp(lines[i].set, HELP_ALL_SETS) == 0;
		s->name = unnamed ? NULL : arena_strdup(a, lines[i].set);
		s->is_default = lines[i].is_default;
		s->command = arena_strdup(a, c->name);
		s->common_parameters = c->common_parameters;
		s->text = arena_strdup(a, lines[i].text);
		fill_syntax_params(a, s, c, lines[i].set, sp, nsp);
	}
	meta_syntax_free(lines, n);
}

static void
fill_params(struct help_doc *doc, const struct meta_command *c)
{
	size_t nsp;
	const struct meta_param *sp = meta_should_process_params(&nsp);
	size_t n = c->nparams + (c->should_process ? nsp : 0);

	doc->params =
		n ? arena_array(&doc->arena, n, sizeof(*doc->params)) : NULL;
	for (size_t i = 0; i < c->nparams; i++)
		fill_param(&doc->arena, &doc->params[i], &c->params[i]);
	/* A page lists -Confirm and -WhatIf last, by name. */
	for (size_t i = 0; i < n - c->nparams; i++) {
		size_t rank = 0;
		for (size_t k = 0; k < nsp; k++)
			rank += strcmp(sp[k].name, sp[i].name) < 0;
		fill_param(&doc->arena, &doc->params[c->nparams + rank],
			   &sp[i]);
	}
	doc->nparams = n;
}

/* The synopsis as one paragraph of plain text. */
static void
fill_synopsis(struct help_doc *doc, const char *synopsis)
{
	struct arena *a = &doc->arena;
	if (synopsis == NULL || *synopsis == '\0')
		return;
	struct help_block *b = arena_alloc(a, sizeof(*b));
	struct help_run *r = arena_alloc(a, sizeof(*r));
	r->kind = HELP_RUN_TEXT;
	r->text = arena_strdup(a, synopsis);
	r->len = strlen(synopsis);
	b->kind = HELP_BLOCK_PARA;
	b->u.para = (struct help_inline){ r, 1 };
	doc->synopsis = (struct help_blocks){ b, 1 };
}

struct help_doc *
meta_help_doc(const struct meta_command *c)
{
	struct help_doc *doc = help_doc_new();
	static const enum help_section shown[] = { HELP_SEC_SYNOPSIS,
						   HELP_SEC_SYNTAX,
						   HELP_SEC_PARAMETERS };

	doc->kind = HELP_DOC_COMMAND;
	doc->name = arena_strdup(&doc->arena, c->name);
	doc->title = doc->name;
	doc->aliases = copy_list(&doc->arena, c->aliases, &doc->naliases);
	for (size_t i = 0; i < sizeof(shown) / sizeof(*shown); i++)
		doc->sections[shown[i]] = (struct help_section_info){
			.present = true, .heading = help_section_name(shown[i])
		};
	fill_synopsis(doc, c->synopsis);
	fill_syntax(doc, c);
	fill_params(doc, c);
	doc->common_parameters = c->common_parameters;
	return doc;
}
