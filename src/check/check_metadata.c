/* SPDX-License-Identifier: MIT */
/*
 * A command page against the command's metadata: SYNTAX lines, the
 * parameter list and each yaml field, CommonParameters, the types INPUTS
 * names and the command's aliases.  Names compare ignoring case, as
 * PowerShell binds them; set names and values compare as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "meta_help.h"
#include "platyps_meta.h"
#include "strbuf.h"
#include "xalloc.h"

struct mctx {
	const struct check_env *env;
	const struct help_doc *doc;
	const struct meta_command *cmd;
	struct diag_ctx *dx;
};

/* ---------- SYNTAX ---------- */

static bool
is_all_sets(const char *set)
{
	return !set || strcmp(set, HELP_ALL_SETS) == 0;
}

static const char *
set_label(const char *set)
{
	return is_all_sets(set) ? HELP_ALL_SETS : set;
}

/* The page's set for a metadata line, or NULL. */
static const struct help_syntax_set *
page_set(const struct help_doc *doc, const struct meta_syntax_line *line,
	 size_t nlines)
{
	if (nlines == 1 && doc->nsyntax == 1)
		return &doc->syntax[0];
	for (size_t i = 0; i < doc->nsyntax; i++) {
		const char *name = doc->syntax[i].name;
		if (is_all_sets(name) && is_all_sets(line->set))
			return &doc->syntax[i];
		if (name && line->set && strcmp(name, line->set) == 0)
			return &doc->syntax[i];
	}
	return NULL;
}

/* A SYNTAX parameter as written: "[[-Name] <T>]", "-Name <T>", "[-S]". */
static void
token_text(struct strbuf *sb, const struct help_syntax_param *p)
{
	struct strbuf name = STRBUF_INIT;
	strbuf_init(&name);
	strbuf_addf(&name, p->positional ? "[-%s]" : "-%s", p->name);
	if (p->type)
		strbuf_addf(&name, " <%s>", p->type);
	strbuf_addf(sb, p->required ? "%s" : "[%s]", name.buf);
	strbuf_release(&name);
}

static const struct help_syntax_param *
find_token(const struct help_syntax_set *s, const char *name)
{
	for (size_t i = 0; i < s->nparams; i++)
		if (strcasecmp(s->params[i].name, name) == 0)
			return &s->params[i];
	return NULL;
}

static bool
same_token(const struct help_syntax_param *a, const struct help_syntax_param *b)
{
	return a->required == b->required && a->positional == b->positional &&
	       (a->type ? b->type && strcasecmp(a->type, b->type) == 0
			: !b->type);
}

/* Lines "-token" for what only the page has, "+token" for the metadata. */
static void
token_diff(struct strbuf *d, const struct help_syntax_set *page,
	   const struct help_syntax_set *meta)
{
	for (size_t i = 0; i < page->nparams; i++) {
		const struct help_syntax_param *m =
			find_token(meta, page->params[i].name);
		if (m && same_token(m, &page->params[i]))
			continue;
		strbuf_addstr(d, d->len ? "\n-" : "-");
		token_text(d, &page->params[i]);
		if (m) {
			strbuf_addstr(d, "\n+");
			token_text(d, m);
		}
	}
	for (size_t i = 0; i < meta->nparams; i++) {
		if (find_token(page, meta->params[i].name))
			continue;
		strbuf_addstr(d, d->len ? "\n+" : "+");
		token_text(d, &meta->params[i]);
	}
	if (page->common_parameters != meta->common_parameters)
		strbuf_addf(d, "%s%c[<CommonParameters>]", d->len ? "\n" : "",
			    page->common_parameters ? '-' : '+');
}

/* The positional parameters, in the order they are written. */
static bool
same_positional_order(const struct help_syntax_set *a,
		      const struct help_syntax_set *b)
{
	size_t i = 0, k = 0;
	for (;;) {
		while (i < a->nparams && !a->params[i].positional)
			i++;
		while (k < b->nparams && !b->params[k].positional)
			k++;
		if (i == a->nparams || k == b->nparams)
			return i == a->nparams && k == b->nparams;
		if (strcasecmp(a->params[i].name, b->params[k].name) != 0)
			return false;
		i++;
		k++;
	}
}

/*
 * Named parameters may come in any order: PowerShell prints them in
 * declaration order, which the metadata does not record.  What must
 * agree is the command, each parameter's form and type, the order of
 * the positional ones and [<CommonParameters>].
 */
static void
compare_syntax(struct mctx *c, const struct help_syntax_set *set,
	       const char *meta_text)
{
	struct arena a;
	struct diag_ctx quiet;
	struct help_syntax_set meta = { 0 };
	arena_init(&a);
	diag_init(&quiet, NULL);
	quiet.threshold = DIAGL__COUNT;
	platyps_parse_syntax(&a, meta_text, (struct help_pos){ 1, 1 }, &meta,
			     &quiet);
	struct strbuf d = STRBUF_INIT;
	strbuf_init(&d);
	token_diff(&d, set, &meta);
	bool same_cmd = set->command && meta.command &&
			strcasecmp(set->command, meta.command) == 0;
	if (!same_cmd)
		strbuf_addf(&d, "%s-%s\n+%s", d.len ? "\n" : "",
			    set->command ? set->command : "",
			    meta.command ? meta.command : "");
	if (!d.len && !same_positional_order(set, &meta))
		strbuf_addf(&d, "-%s\n+%s", set->text, meta_text);
	if (d.len)
		diag_report_detail(c->dx, DIAG_SYNTAX_MISMATCH, set->pos.line,
				   set->pos.col, d.buf, set_label(set->name));
	strbuf_release(&d);
	arena_release(&a);
}

static void
check_syntax(struct mctx *c)
{
	size_t n;
	struct meta_syntax_line *lines =
		meta_syntax(c->cmd, META_SYNTAX_PLATYPS, &n);
	bool *used = xcalloc(c->doc->nsyntax + 1, sizeof(*used));
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_SYNTAX];

	for (size_t i = 0; i < n; i++) {
		const struct help_syntax_set *set =
			page_set(c->doc, &lines[i], n);
		if (!set) {
			diag_report(c->dx, DIAG_SYNTAX_SET_MISSING,
				    sec->pos.line, sec->pos.col,
				    set_label(lines[i].set));
			continue;
		}
		used[set - c->doc->syntax] = true;
		compare_syntax(c, set, lines[i].text);
	}
	for (size_t i = 0; i < c->doc->nsyntax; i++)
		if (!used[i])
			diag_report(c->dx, DIAG_SYNTAX_SET_STALE,
				    c->doc->syntax[i].pos.line,
				    c->doc->syntax[i].pos.col,
				    set_label(c->doc->syntax[i].name));
	free(used);
	meta_syntax_free(lines, n);
}

/* ---------- parameters ---------- */

/* Every parameter the page should document, WhatIf and Confirm included. */
struct plist {
	const struct meta_param **v;
	size_t n;
};

static struct plist
command_params(const struct mctx *c)
{
	size_t nsp = 0;
	const struct meta_param *sp =
		c->cmd->should_process ? c->env->meta->should_process : NULL;
	if (sp)
		nsp = c->env->meta->nshould_process;
	struct plist l = { xcalloc(c->cmd->nparams + nsp + 1, sizeof(*l.v)),
			   0 };
	for (size_t i = 0; i < c->cmd->nparams; i++)
		l.v[l.n++] = &c->cmd->params[i];
	for (size_t i = 0; i < nsp; i++)
		l.v[l.n++] = &sp[i];
	return l;
}

static const struct meta_param *
find_meta_param(const struct plist *l, const char *name)
{
	for (size_t i = 0; name && i < l->n; i++)
		if (strcasecmp(l->v[i]->name, name) == 0)
			return l->v[i];
	return NULL;
}

static const struct help_param *
find_page_param(const struct help_doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->nparams; i++)
		if (doc->params[i].name &&
		    strcasecmp(doc->params[i].name, name) == 0)
			return &doc->params[i];
	return NULL;
}

/* The line of the yaml block where key is, or the block's first line. */
static struct help_pos
key_pos(const struct help_param *p, const char *key)
{
	struct help_pos pos = p->metadata_pos;
	size_t k = strlen(key);
	uint32_t line = 0;
	for (const char *s = p->metadata_text; s && *s; line++) {
		const char *t = s;
		while (*t == ' ' || *t == '-')
			t++;
		if (strncasecmp(t, key, k) == 0 && t[k] == ':') {
			pos.line += line;
			pos.col = (uint32_t)(t - s) + (pos.col ? pos.col : 1);
			return pos;
		}
		const char *nl = strchr(s, '\n');
		if (!nl)
			break;
		s = nl + 1;
	}
	return pos;
}

static void
mismatch(struct mctx *c, const struct help_param *p, const char *key,
	 const char *field, const char *page, const char *meta)
{
	struct help_pos pos = key_pos(p, key);
	diag_report(c->dx, DIAG_PARAM_FIELD_MISMATCH, pos.line, pos.col,
		    p->name, field, page, meta);
}

static bool
v2(const struct mctx *c)
{
	return c->doc->schema == HELP_SCHEMA_2024_05_01;
}

static const char *
list_text(struct strbuf *sb, const char *const *v, size_t n)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", v[i]);
	return n ? sb->buf : "None";
}

static size_t
count_list(const char *const *v)
{
	size_t n = 0;
	while (v && v[n])
		n++;
	return n;
}

/* The same names in any order, ignoring case. */
static bool
same_names(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		size_t j = 0;
		while (j < nb && strcasecmp(a[i], b[j]) != 0)
			j++;
		if (j == nb)
			return false;
	}
	return true;
}

/* "(All)" when mp is in every set of the command, else its set names. */
static size_t
meta_set_names(const struct mctx *c, const struct meta_param *mp,
	       const char **out)
{
	size_t nsets = count_list(c->cmd->sets);
	if (mp->nsets == 1 && is_all_sets(mp->sets[0].set))
		return 0;
	if (nsets && mp->nsets == nsets)
		return 0;
	for (size_t i = 0; i < mp->nsets; i++)
		out[i] = mp->sets[i].set;
	return mp->nsets;
}

static void
check_sets(struct mctx *c, const struct help_param *p,
	   const struct meta_param *mp)
{
	const char **names = xcalloc(mp->nsets + 1, sizeof(*names));
	size_t n = meta_set_names(c, mp, names);
	const char **page = xcalloc(p->nset_info + 1, sizeof(*page));
	size_t np = 0;
	bool page_all = p->all_sets ||
			(p->nset_info == 1 && is_all_sets(p->set_info[0].name));
	for (size_t i = 0; !page_all && i < p->nset_info; i++)
		page[np++] = p->set_info[i].name;
	if (!page_all && np == count_list(c->cmd->sets) && n == 0)
		page_all = true;
	bool same = (page_all && n == 0) ||
		    (!page_all && n && same_names(page, np, names, n));
	if (!same) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		strbuf_init(&a);
		strbuf_init(&b);
		const char *pt = page_all ? "(All)" : list_text(&a, page, np);
		const char *mt = n == 0 ? "(All)" : list_text(&b, names, n);
		mismatch(c, p, v2(c) ? "ParameterSets" : "Parameter Sets",
			 "parameter sets", pt, mt);
		strbuf_release(&a);
		strbuf_release(&b);
	}
	free(names);
	free(page);
}

/* The page's entry for a metadata set: by name, else the (All) one. */
static const struct help_param_set *
page_set_info(const struct help_param *p, const char *set)
{
	const struct help_param_set *all = NULL;
	for (size_t i = 0; i < p->nset_info; i++) {
		const struct help_param_set *s = &p->set_info[i];
		if (!is_all_sets(set) && strcmp(s->name, set) == 0)
			return s;
		if (is_all_sets(s->name))
			all = s;
	}
	return all ? all : (p->nset_info == 1 ? &p->set_info[0] : NULL);
}

static void
position_text(char *buf, size_t n, int pos)
{
	if (pos == META_POSITION_NAMED)
		snprintf(buf, n, "Named");
	else
		snprintf(buf, n, "%d", pos);
}

static bool
same_position(const char *page, int pos)
{
	char want[16];
	position_text(want, sizeof(want), pos);
	if (!page || !*page)
		return pos == META_POSITION_NAMED;
	return strcasecmp(page, want) == 0;
}

/* "position", or "position in set 'A'" for one set of several. */
static void
field_in_set(char *buf, size_t n, const char *field, const char *set)
{
	if (is_all_sets(set))
		snprintf(buf, n, "%s", field);
	else
		snprintf(buf, n, "%s in set '%s'", field, set);
}

static void
pipeline_mismatch(struct mctx *c, const struct help_param *p, const char *key,
		  unsigned page, unsigned meta)
{
	struct strbuf have = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_init(&have);
	strbuf_init(&want);
	help_pipeline_text(&have, page);
	help_pipeline_text(&want, meta);
	mismatch(c, p, key, "pipeline input", have.buf, want.buf);
	strbuf_release(&have);
	strbuf_release(&want);
}

/*
 * Required, position and (2024-05-01) pipeline input in each set of the
 * metadata, each reported once per parameter.  A 2.0.0 block has one
 * Position and one pipeline value that must hold in every set.
 */
static void
check_per_set(struct mctx *c, const struct help_param *p,
	      const struct meta_param *mp)
{
	bool pos_reported = false, req_reported = false, pipe_reported = false;
	for (size_t i = 0; i < mp->nsets; i++) {
		const struct meta_param_set *ms = &mp->sets[i];
		const struct help_param_set *ps = page_set_info(p, ms->set);
		char field[340], want[32];
		if (!ps)
			continue; /* reported as a set mismatch */
		if (!req_reported && ps->required != ms->mandatory) {
			field_in_set(field, sizeof(field), "required", ms->set);
			mismatch(c, p, v2(c) ? "IsRequired" : "Required", field,
				 ps->required ? "True" : "False",
				 ms->mandatory ? "True" : "False");
			req_reported = true;
		}
		if (!pos_reported &&
		    !same_position(ps->position, ms->position)) {
			field_in_set(field, sizeof(field), "position", ms->set);
			position_text(want, sizeof(want), ms->position);
			mismatch(c, p, "Position", field,
				 ps->position ? ps->position : "Named", want);
			pos_reported = true;
		}
		if (v2(c) && !pipe_reported && ps->pipeline != ms->pipeline) {
			pipeline_mismatch(c, p, "ValueFromPipeline",
					  ps->pipeline, ms->pipeline);
			pipe_reported = true;
		}
	}
	if (!v2(c) && p->pipeline != meta_pipeline_bits(mp))
		pipeline_mismatch(c, p, "Accept pipeline input", p->pipeline,
				  meta_pipeline_bits(mp));
}

static const char *
default_text(const char *v)
{
	return v && *v ? v : "None";
}

static void
check_values(struct mctx *c, const struct help_param *p,
	     const struct meta_param *mp)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_init(&a);
	strbuf_init(&b);
	size_t nal = count_list(mp->aliases),
	       nacc = count_list(mp->accepted_values);
	if (!same_names(p->aliases, p->naliases, mp->aliases, nal))
		mismatch(c, p, "Aliases", "aliases",
			 list_text(&a, p->aliases, p->naliases),
			 list_text(&b, mp->aliases, nal));
	if (!same_names(p->accepted_values, p->naccepted, mp->accepted_values,
			nacc))
		mismatch(c, p, v2(c) ? "AcceptedValues" : "Accepted values",
			 "accepted values",
			 list_text(&a, p->accepted_values, p->naccepted),
			 list_text(&b, mp->accepted_values, nacc));
	if (strcmp(default_text(p->default_value),
		   default_text(mp->default_value)) != 0)
		mismatch(c, p, v2(c) ? "DefaultValue" : "Default value",
			 "default value", default_text(p->default_value),
			 default_text(mp->default_value));
	if (p->wildcards != mp->wildcards)
		mismatch(c, p,
			 v2(c) ? "SupportsWildcards"
			       : "Accept wildcard characters",
			 "wildcard support", p->wildcards ? "True" : "False",
			 mp->wildcards ? "True" : "False");
	strbuf_release(&a);
	strbuf_release(&b);
}

static void
check_param(struct mctx *c, const struct help_param *p,
	    const struct meta_param *mp)
{
	if (!p->has_metadata)
		return; /* the parser reported param-no-yaml */
	if (!p->type || strcasecmp(p->type, mp->type_name) != 0)
		mismatch(c, p, "Type", "type", p->type ? p->type : "None",
			 mp->type_name);
	check_sets(c, p, mp);
	check_per_set(c, p, mp);
	check_values(c, p, mp);
}

static void
check_params(struct mctx *c)
{
	struct plist l = command_params(c);
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_PARAMETERS];
	for (size_t i = 0; i < c->doc->nparams; i++) {
		const struct help_param *p = &c->doc->params[i];
		if (!p->name)
			continue;
		if (find_page_param(c->doc, p->name) != p) {
			diag_report(c->dx, DIAG_PARAM_DUPLICATE, p->pos.line,
				    p->pos.col, p->name);
			continue;
		}
		const struct meta_param *mp = find_meta_param(&l, p->name);
		if (!mp)
			diag_report(c->dx, DIAG_PARAM_STALE, p->pos.line,
				    p->pos.col, p->name, c->cmd->name);
		else
			check_param(c, p, mp);
	}
	for (size_t i = 0; i < l.n; i++)
		if (!find_page_param(c->doc, l.v[i]->name))
			diag_report(c->dx, DIAG_PARAM_MISSING, sec->pos.line,
				    sec->pos.col, l.v[i]->name);
	free(l.v);
}

/* ---------- CommonParameters, INPUTS, aliases ---------- */

static void
check_common(struct mctx *c)
{
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_PARAMETERS];
	if (c->cmd->common_parameters && !c->doc->common_parameters)
		diag_report(c->dx, DIAG_COMMON_PARAMETERS_MISSING,
			    sec->pos.line, sec->pos.col, c->cmd->name);
	else if (!c->cmd->common_parameters && c->doc->common_parameters)
		diag_report(c->dx, DIAG_COMMON_PARAMETERS_STALE, sec->pos.line,
			    sec->pos.col, c->cmd->name);
}

/* "System.Management.Automation.Runspaces.PSSession[]" -> "PSSession". */
static void
bare_type(const char *full, char *out, size_t n)
{
	const char *s = strrchr(full, '.');
	s = s ? s + 1 : full;
	size_t k = strcspn(s, "[");
	snprintf(out, n, "%.*s", (int)k, s);
}

/* An INPUTS heading may name several types: "System.String, X.PSSession". */
static bool
names_type(const char *heading, const char *bare)
{
	char *t = xstrdup(heading);
	bool found = false;
	char *save;
	for (char *tok = strtok_r(t, ", ", &save); tok && !found;
	     tok = strtok_r(NULL, ", ", &save)) {
		char b[256];
		bare_type(tok, b, sizeof(b));
		found = strcasecmp(b, bare) == 0;
	}
	free(t);
	return found;
}

static bool
inputs_name(const struct help_doc *doc, const char *bare)
{
	for (size_t i = 0; i < doc->ninputs; i++)
		if (doc->inputs[i].name &&
		    names_type(doc->inputs[i].name, bare))
			return true;
	return false;
}

static void
check_inputs(struct mctx *c)
{
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_INPUTS];
	if (!sec->present)
		return; /* structure reports the missing section */
	for (size_t i = 0; i < c->cmd->nparams; i++) {
		const struct meta_param *mp = &c->cmd->params[i];
		/* INPUTS lists what can be piped whole, not by property */
		if (!(meta_pipeline_bits(mp) & HELP_PIPE_BY_VALUE))
			continue;
		char bare[256];
		bare_type(mp->type_name, bare, sizeof(bare));
		if (!inputs_name(c->doc, bare))
			diag_report(c->dx, DIAG_INPUTS_TYPE_MISSING,
				    sec->pos.line, sec->pos.col, bare,
				    mp->name);
	}
}

/* Is alias named in the ALIASES section as a code span? */
static bool
aliases_text_names(const struct help_blocks *b, const char *alias)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *blk = &b->v[i];
		if (blk->kind == HELP_BLOCK_LIST) {
			for (size_t k = 0; k < blk->u.list.nitems; k++)
				if (aliases_text_names(&blk->u.list.items[k],
						       alias))
					return true;
			continue;
		}
		if (blk->kind != HELP_BLOCK_PARA)
			continue;
		const struct help_inline *in = &blk->u.para;
		for (size_t r = 0; r < in->n; r++) {
			const struct help_run *run = &in->runs[r];
			if (run->kind != HELP_RUN_CODE || !run->text)
				continue;
			/* "`dir`, `gci`" or "`dir, gci`" */
			char *t = xstrndup(run->text, run->len);
			char *save;
			for (char *tok = strtok_r(t, ", ", &save); tok;
			     tok = strtok_r(NULL, ", ", &save))
				if (strcasecmp(tok, alias) == 0) {
					free(t);
					return true;
				}
			free(t);
		}
	}
	return false;
}

static bool
page_lists_alias(const struct help_doc *doc, const char *alias)
{
	for (size_t i = 0; i < doc->naliases; i++)
		if (strcasecmp(doc->aliases[i], alias) == 0)
			return true;
	return aliases_text_names(&doc->aliases_text, alias);
}

static const struct help_fm_entry *
aliases_entry(const struct help_doc *doc)
{
	for (size_t i = 0; i < doc->nfrontmatter; i++)
		if (strcasecmp(doc->frontmatter[i].key, "aliases") == 0 ||
		    strcasecmp(doc->frontmatter[i].key, "alias") == 0)
			return &doc->frontmatter[i];
	return NULL;
}

/*
 * Only pages that list aliases at all (front matter or ## ALIASES) are
 * held to the command's list: 2.0.0 pages have no place for them.
 */
static void
check_aliases(struct mctx *c)
{
	const struct help_doc *doc = c->doc;
	const struct help_fm_entry *fm = aliases_entry(doc);
	if (!fm && !doc->aliases_section.present)
		return;
	struct help_pos at = fm ? fm->pos : doc->aliases_section.pos;
	for (const char *const *a = c->cmd->aliases; a && *a; a++)
		if (!page_lists_alias(doc, *a))
			diag_report(c->dx, DIAG_ALIAS_MISSING, at.line, at.col,
				    *a);
	for (size_t i = 0; i < doc->naliases; i++) {
		bool known = false;
		for (const char *const *a = c->cmd->aliases; a && *a; a++)
			known |= strcasecmp(*a, doc->aliases[i]) == 0;
		if (!known)
			diag_report(c->dx, DIAG_ALIAS_STALE, at.line, at.col,
				    doc->aliases[i]);
	}
}

void
check_metadata(const struct check_env *env, const struct help_doc *doc,
	       const struct meta_command *cmd, struct diag_ctx *dx)
{
	struct mctx c = { env, doc, cmd, dx };
	if (doc->kind != HELP_DOC_COMMAND || !cmd)
		return;
	check_syntax(&c);
	check_params(&c);
	check_common(&c);
	check_inputs(&c);
	check_aliases(&c);
}
