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
#include "meta_compare.h"
#include "meta_help.h"
#include "strbuf.h"
#include "xalloc.h"

struct mctx {
	const struct check_env *env;
	const struct help_doc *doc;
	const struct meta_command *cmd;
	struct help_doc
		*meta_doc; /* meta_help_doc(cmd): what the page should say */
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

static void
check_syntax(struct mctx *c)
{
	const struct help_doc *meta = c->meta_doc;
	bool *used = xcalloc(c->doc->nsyntax + 1, sizeof(*used));
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_SYNTAX];

	for (size_t i = 0; i < meta->nsyntax; i++) {
		const struct help_syntax_set *want = &meta->syntax[i];
		const char *name = want->name ? want->name : HELP_ALL_SETS;
		const struct help_syntax_set *set =
			meta_page_syntax_set(c->doc, name, meta->nsyntax);
		if (!set) {
			diag_report(c->dx, DIAG_SYNTAX_SET_MISSING,
				    sec->pos.line, sec->pos.col, name);
			continue;
		}
		used[set - c->doc->syntax] = true;
		struct strbuf d = STRBUF_INIT;
		strbuf_init(&d);
		if (meta_compare_syntax(set, want, &d))
			diag_report_detail(c->dx, DIAG_SYNTAX_MISMATCH,
					   set->pos.line, set->pos.col, d.buf,
					   set_label(set->name));
		strbuf_release(&d);
	}
	for (size_t i = 0; i < c->doc->nsyntax; i++)
		if (!used[i])
			diag_report(c->dx, DIAG_SYNTAX_SET_STALE,
				    c->doc->syntax[i].pos.line,
				    c->doc->syntax[i].pos.col,
				    set_label(c->doc->syntax[i].name));
	free(used);
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

/* "position", or "position in set 'A'": the message's words for a field. */
static void
field_label(char *buf, size_t n, const struct meta_difference *d)
{
	static const char *const names[] = {
		[META_FIELD_TYPE] = "type",
		[META_FIELD_SETS] = "parameter sets",
		[META_FIELD_ALIASES] = "aliases",
		[META_FIELD_ACCEPTED] = "accepted values",
		[META_FIELD_DEFAULT] = "default value",
		[META_FIELD_WILDCARDS] = "wildcard support",
		[META_FIELD_DONT_SHOW] = "DontShow",
		[META_FIELD_REQUIRED] = "required",
		[META_FIELD_POSITION] = "position",
		[META_FIELD_PIPELINE] = "pipeline input",
	};
	if (d->set)
		snprintf(buf, n, "%s in set '%s'", names[d->field], d->set);
	else
		snprintf(buf, n, "%s", names[d->field]);
}

struct param_ctx {
	struct mctx *c;
	const struct help_param *p;
};

static void
report_difference(void *cookie, const struct meta_difference *d)
{
	const struct param_ctx *pc = cookie;
	struct help_pos pos = key_pos(pc->p, d->key);
	char field[320];
	field_label(field, sizeof(field), d);
	diag_report(pc->c->dx, DIAG_PARAM_FIELD_MISMATCH, pos.line, pos.col,
		    pc->p->name, field, d->page, d->meta);
}

static void
check_param(struct mctx *c, const struct help_param *p,
	    const struct meta_param *mp)
{
	struct param_ctx pc = { c, p };
	if (p->has_metadata) /* else the parser reported param-no-yaml */
		meta_compare_param(c->cmd, mp, p, c->doc->schema,
				   report_difference, &pc);
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

static void
check_inputs(struct mctx *c)
{
	const struct help_section_info *sec =
		&c->doc->sections[HELP_SEC_INPUTS];
	if (!sec->present)
		return; /* structure reports the missing section */
	for (size_t i = 0; i < c->cmd->nparams; i++) {
		const struct meta_param *mp = &c->cmd->params[i];
		if (!meta_inputs_lacks(c->doc, mp))
			continue;
		char bare[256];
		meta_bare_type(mp->type_name, bare, sizeof(bare));
		diag_report(c->dx, DIAG_INPUTS_TYPE_MISSING, sec->pos.line,
			    sec->pos.col, bare, mp->name);
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
	const struct help_fm_entry *e = help_doc_frontmatter(doc, "aliases");
	return e ? e : help_doc_frontmatter(doc, "alias");
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
	if (doc->kind != HELP_DOC_COMMAND || !cmd)
		return;
	struct mctx c = { env, doc, cmd, meta_help_doc(cmd), dx };
	check_syntax(&c);
	check_params(&c);
	check_common(&c);
	check_inputs(&c);
	check_aliases(&c);
	help_doc_free(c.meta_doc);
}
