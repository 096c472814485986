/* SPDX-License-Identifier: MIT */
/*
 * Pages from metadata: a whole platyPS page for `pshelp new`, and the
 * pieces `pshelp update` splices into a page (SYNTAX lines, a parameter's
 * section, the ALIASES section).  Text the metadata cannot give is a
 * `{{ ... }}` placeholder, which validate reports as unfinished.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "update.h"
#include "xalloc.h"

static const char common_parameters_text[] =
	"This cmdlet supports the common parameters: -Debug, -ErrorAction, "
	"-ErrorVariable,\n-InformationAction, -InformationVariable, "
	"-OutVariable, -OutBuffer, -PipelineVariable, -Verbose,\n"
	"-WarningAction, and -WarningVariable. For more information, see\n"
	"[about_CommonParameters](https://go.microsoft.com/fwlink/"
	"?LinkID=113216).\n";

/* ---------- the metadata of one command ---------- */

static const struct meta_param *
find_param(const struct meta_param *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

void
page_meta_init(struct page_meta *pm, const struct meta_set *meta,
	       const struct meta_command *cmd)
{
	size_t nsp;
	const struct meta_param *sp = meta_should_process_params(&nsp);

	pm->cmd = cmd;
	pm->doc = meta_help_doc(cmd);
	pm->mp = xcalloc(pm->doc->nparams + 1, sizeof(*pm->mp));
	/* meta_help_doc lists the table's parameters, then -Confirm, -WhatIf. */
	for (size_t i = 0; i < pm->doc->nparams; i++) {
		const char *name = pm->doc->params[i].name;
		const struct meta_param *p = NULL;
		if (i < cmd->nparams)
			p = &cmd->params[i];
		if (!p && meta)
			p = find_param(meta->should_process,
				       meta->nshould_process, name);
		if (!p)
			p = find_param(sp, nsp, name);
		pm->mp[i] = p;
	}
	pm->lines = meta_syntax(cmd, META_SYNTAX_PLATYPS, &pm->nlines);
}

void
page_meta_release(struct page_meta *pm)
{
	help_doc_free(pm->doc);
	free(pm->mp);
	meta_syntax_free(pm->lines, pm->nlines);
	*pm = (struct page_meta){ 0 };
}

/* ---------- SYNTAX ---------- */

/*
 * The length of the SYNTAX unit at s: a parameter with its value type
 * ("[-Name] <String>", "[[-Id] <Int32>]") or one bracketed group.
 */
static size_t
unit_len(const char *s)
{
	size_t i = 0;
	int depth = 0;

	do {
		while (s[i] == ' ')
			i++;
		while (s[i] && (depth > 0 || s[i] != ' ')) {
			depth += (s[i] == '[') - (s[i] == ']');
			if (depth < 0)
				depth = 0;
			i++;
		}
		/* A mandatory parameter's type is a unit of its own after it. */
	} while (s[i] == ' ' && s[i + 1] == '<' &&
		 strncmp(s + i + 1, "<CommonParameters>", 18) != 0);
	return i;
}

void
page_syntax_lines(struct strbuf *sb, const char *text, const char *eol)
{
	size_t col = 0;

	while (*text == ' ')
		text++;
	while (*text) {
		size_t n = unit_len(text);
		if (col > 0) {
			/* a continuation line starts with one space */
			if (col + 1 + n > PAGE_SYNTAX_WIDTH) {
				strbuf_addstr(sb, eol);
				col = 0;
			}
			strbuf_addch(sb, ' ');
			col++;
		}
		strbuf_add(sb, text, n);
		col += n;
		text += n;
		while (*text == ' ')
			text++;
	}
	strbuf_addstr(sb, eol);
}

char *
page_syntax_heading(const struct page_meta *pm, size_t i,
		    enum help_schema schema)
{
	const struct meta_syntax_line *l = &pm->lines[i];
	struct strbuf sb = STRBUF_INIT;

	if (strcmp(l->set, HELP_ALL_SETS) == 0 &&
	    schema != HELP_SCHEMA_2024_05_01)
		return NULL;
	strbuf_init(&sb);
	strbuf_addf(&sb, "### %s%s", l->set, l->is_default ? " (Default)" : "");
	return strbuf_detach(&sb, NULL);
}

/* ---------- pieces ---------- */

void
page_param_section(struct strbuf *sb, const struct page_meta *pm, size_t i,
		   enum help_schema schema, const char *eol)
{
	const char *name = pm->doc->params[i].name;

	strbuf_addf(sb, "### -%s%s%s{{ Fill %s Description }}%s%s", name, eol,
		    eol, name, eol, eol);
	strbuf_addf(sb, "```yaml%s", eol);
	yaml_write_param(sb, pm, i, schema, eol);
	strbuf_addstr(sb, "```");
}

void
page_aliases_section(struct strbuf *sb, const struct page_meta *pm,
		     const char *eol)
{
	const char *const *a = pm->cmd->aliases;

	strbuf_addf(sb, "## ALIASES%s%s", eol, eol);
	if (a == NULL || a[0] == NULL) {
		strbuf_addstr(sb, "This cmdlet has no aliases.");
		return;
	}
	strbuf_addf(sb, "This cmdlet has the following aliases:%s", eol);
	for (; *a; a++)
		strbuf_addf(sb, "%s- `%s`", eol, *a);
}

/* ---------- whole pages ---------- */

static void
front_matter(struct strbuf *sb, const struct page_meta *pm,
	     enum help_schema schema)
{
	const struct meta_command *c = pm->cmd;

	strbuf_addstr(sb, "---\n");
	if (schema == HELP_SCHEMA_2024_05_01) {
		strbuf_addstr(sb, "document type: cmdlet\n"
				  "external help file: psh\n"
				  "HelpUri: ''\n"
				  "Locale: en-US\n"
				  "Module Name: psh\n"
				  "PlatyPS schema version: 2024-05-01\n");
		strbuf_addf(sb, "title: %s\n---\n", c->name);
		return;
	}
	strbuf_addstr(sb, "external help file: psh\n"
			  "Locale: en-US\n"
			  "Module Name: psh\n"
			  "schema: 2.0.0\n");
	strbuf_addf(sb, "title: %s\n", c->name);
	if (c->aliases == NULL || c->aliases[0] == NULL)
		strbuf_addstr(sb, "aliases: []\n");
	else
		strbuf_addstr(sb, "aliases:\n");
	for (const char *const *a = c->aliases; a && *a; a++) {
		strbuf_addstr(sb, "  - ");
		yaml_write_scalar(sb, *a); /* "?" and "%" need quotes */
		strbuf_addch(sb, '\n');
	}
	strbuf_addstr(sb, "---\n");
}

static void
syntax_section(struct strbuf *sb, const struct page_meta *pm,
	       enum help_schema schema)
{
	strbuf_addstr(sb, "## SYNTAX\n\n");
	for (size_t i = 0; i < pm->nlines; i++) {
		char *h = page_syntax_heading(pm, i, schema);
		if (h)
			strbuf_addf(sb, "%s\n\n", h);
		free(h);
		strbuf_addstr(sb, "```\n");
		page_syntax_lines(sb, pm->lines[i].text, "\n");
		strbuf_addstr(sb, "```\n\n");
	}
}

static void
parameters_section(struct strbuf *sb, const struct page_meta *pm,
		   enum help_schema schema)
{
	strbuf_addstr(sb, "## PARAMETERS\n\n");
	for (size_t i = 0; i < pm->doc->nparams; i++) {
		page_param_section(sb, pm, i, schema, "\n");
		strbuf_addstr(sb, "\n\n");
	}
	if (pm->cmd->common_parameters)
		strbuf_addf(sb, "### CommonParameters\n\n%s\n",
			    common_parameters_text);
}

/* INPUTS: the types parameters take from the pipeline by value. */
static void
inputs_section(struct strbuf *sb, const struct page_meta *pm)
{
	struct arena a;
	const char **seen = xcalloc(pm->doc->nparams + 1, sizeof(*seen));
	size_t nseen = 0;

	arena_init(&a);
	strbuf_addstr(sb, "## INPUTS\n\n");
	for (size_t i = 0; i < pm->doc->nparams; i++) {
		const struct help_param *hp = &pm->doc->params[i];
		if (!(hp->pipeline & HELP_PIPE_BY_VALUE))
			continue;
		const char *t = hp->type ? hp->type : "System.Object";
		char *elem = arena_strndup(&a, t, strcspn(t, "["));
		bool dup = false;
		for (size_t k = 0; k < nseen; k++)
			dup |= strcmp(seen[k], elem) == 0;
		if (dup)
			continue;
		seen[nseen++] = elem;
		strbuf_addf(sb, "### %s\n\n{{ Fill in the Description }}\n\n",
			    elem);
	}
	if (nseen == 0)
		strbuf_addstr(sb,
			      "### None\n\n"
			      "You cannot pipe objects to this cmdlet.\n\n");
	free(seen);
	arena_release(&a);
}

void
page_new(struct strbuf *sb, const struct page_meta *pm, enum help_schema schema)
{
	const struct meta_command *c = pm->cmd;
	const char *gap = schema == HELP_SCHEMA_2024_05_01 ? "\n" : "";

	front_matter(sb, pm, schema);
	strbuf_addf(sb, "\n# %s\n\n## SYNOPSIS\n%s", c->name, gap);
	if (c->synopsis && *c->synopsis)
		strbuf_addf(sb, "%s\n\n", c->synopsis);
	else
		strbuf_addstr(sb, "{{ Fill in the Synopsis }}\n\n");
	syntax_section(sb, pm, schema);
	if (schema == HELP_SCHEMA_2024_05_01) {
		page_aliases_section(sb, pm, "\n");
		strbuf_addstr(sb, "\n\n");
	}
	strbuf_addstr(sb, "## DESCRIPTION\n\n{{ Fill in the Description }}\n\n"
			  "## EXAMPLES\n\n"
			  "### Example 1: {{ Add example title here }}\n\n"
			  "```powershell\n{{ Add example code here }}\n```\n\n"
			  "{{ Add example description here }}\n\n");
	parameters_section(sb, pm, schema);
	inputs_section(sb, pm);
	strbuf_addstr(sb, "## OUTPUTS\n\n### System.Object\n\n"
			  "{{ Fill in the Description }}\n\n"
			  "## NOTES\n\n{{ Fill in the Notes }}\n\n"
			  "## RELATED LINKS\n\n"
			  "{{ Fill in the related links here }}\n");
}
