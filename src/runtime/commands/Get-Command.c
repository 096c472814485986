/* SPDX-License-Identifier: MIT */
/* Get-Command: the handler, run after binding (metadata in src/meta/commands/Get-Command.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "meta_help.h"
#include "rt_exec.h"
#include "session.h"
#include "wildcard.h"
#include "strbuf.h"
#include "xalloc.h"
#include "config.h"

/* The module every command of psh belongs to (Source). */
#define MODULE "psh"

/* One command found: a cmdlet, or one of its aliases. */
struct hit {
	const struct meta_command *c;
	const char *alias; /* NULL for the cmdlet itself */
};

static const char *
hit_name(const struct hit *h)
{
	return h->alias ? h->alias : h->c->name;
}

static struct rt_value *
command_info(const struct meta_command *c)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.CmdletInfo");

	rt_record_set(r, "CommandType", rt_string("Cmdlet"));
	rt_record_set(r, "Name", rt_string(c->name));
	rt_record_set(r, "Version", rt_string(PSHELP_VERSION));
	rt_record_set(r, "Source", rt_string(MODULE));
	return r;
}

static struct rt_value *
alias_info(const struct meta_command *c, const char *alias)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.AliasInfo");
	char *shown = xasprintf("%s -> %s", alias, c->name);

	rt_record_set(r, "CommandType", rt_string("Alias"));
	rt_record_set(r, "Name", rt_string(shown));
	rt_record_set(r, "Version", rt_string(""));
	rt_record_set(r, "Source", rt_string(""));
	free(shown);
	return r;
}

/*
 * The Syntax property of PowerShell's CommandInfo: a blank line before
 * each parameter set's line; for an alias a first line naming the
 * command, and the alias in place of the command's name.
 */
static struct rt_value *
syntax_info(const struct hit *h)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n, skip = strlen(h->c->name);
	struct meta_syntax_line *lines =
		meta_syntax(h->c, META_SYNTAX_GET_HELP, &n);
	struct rt_value *v;

	strbuf_init(&sb);
	if (h->alias)
		strbuf_addf(&sb, "%s (alias) -> %s\n", h->alias, h->c->name);
	for (size_t i = 0; i < n; i++) {
		const char *t = lines[i].text;
		strbuf_addch(&sb, '\n');
		if (h->alias && strncmp(t, h->c->name, skip) == 0) {
			strbuf_addstr(&sb, h->alias);
			t += skip;
		}
		strbuf_addstr(&sb, t);
		strbuf_addch(&sb, '\n');
	}
	meta_syntax_free(lines, n);
	/* Kept: the shell's newline after the value makes the blank line
	   PowerShell prints after the last set. */
	v = rt_string(sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return v;
}

/* The strings of a bound String[] parameter: count, and element i. */
static size_t
nstrings(const struct rt_value *v)
{
	if (v == NULL)
		return 0;
	return v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;
}

static const char *
string_at(const struct rt_value *v, size_t i)
{
	const struct rt_value *e = v->kind == RT_VAL_ARRAY ? v->u.array.v[i]
							   : v;
	return e->kind == RT_VAL_STRING ? e->u.s : NULL;
}

/* True if any pattern of the bound value matches text; NULL matches. */
static bool
any_match(const struct rt_value *patterns, const char *text)
{
	if (patterns == NULL)
		return true;
	for (size_t i = 0; i < nstrings(patterns); i++) {
		const char *p = string_at(patterns, i);
		if (p && wildcard_match_folded(p, text))
			return true;
	}
	return false;
}

/* -CommandType: which of Alias and Cmdlet (the types psh has) it selects. */
static void
selected_types(const char *types, bool *alias, bool *cmdlet)
{
	const char *p = types;

	if (types == NULL) {
		*alias = *cmdlet = true;
		return;
	}
	*alias = *cmdlet = false;
	while (*p) {
		size_t len = strcspn(p, ",");
		const char *s = p, *e = p + len;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if ((size_t)(e - s) == 3 && strncasecmp(s, "All", 3) == 0)
			*alias = *cmdlet = true;
		else if ((size_t)(e - s) == 5 && strncasecmp(s, "Alias", 5) == 0)
			*alias = true;
		else if ((size_t)(e - s) == 6 &&
			 strncasecmp(s, "Cmdlet", 6) == 0)
			*cmdlet = true;
		p += len;
		if (*p == ',')
			p++;
	}
}

static bool
param_matches(const struct rt_value *patterns, const struct meta_param *p,
	      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (any_match(patterns, p[i].name))
			return true;
		for (const char *const *a = p[i].aliases; a && *a; a++)
			if (any_match(patterns, *a))
				return true;
	}
	return false;
}

/* -ParameterName: a parameter of c, the common ones included. */
static bool
has_parameter(const struct meta_command *c, const struct rt_value *patterns)
{
	size_t n;
	const struct meta_param *p;

	if (patterns == NULL)
		return true;
	if (param_matches(patterns, c->params, c->nparams))
		return true;
	if (c->common_parameters) {
		p = meta_common_params(&n);
		if (param_matches(patterns, p, n))
			return true;
	}
	if (c->should_process) {
		p = meta_should_process_params(&n);
		if (param_matches(patterns, p, n))
			return true;
	}
	return false;
}

/* The verb or the noun of a Verb-Noun name. */
static bool
part_matches(const struct rt_value *patterns, const char *name, bool noun)
{
	const char *dash = strchr(name, '-');
	char *part;
	bool ok;

	if (patterns == NULL)
		return true;
	if (noun)
		return any_match(patterns, dash ? dash + 1 : "");
	part = xstrndup(name, dash ? (size_t)(dash - name) : 0);
	ok = any_match(patterns, part);
	free(part);
	return ok;
}

struct query {
	const struct rt_value *verb, *noun, *module, *parameter;
	bool alias, cmdlet;
};

/* Whether a command or alias passes every filter but -Name. */
static bool
passes(const struct query *q, const struct hit *h)
{
	if (h->alias)
		/* Aliases have no verb, noun, module or parameters here. */
		return q->alias && !q->verb && !q->noun && !q->parameter &&
		       any_match(q->module, "");
	return q->cmdlet && part_matches(q->verb, h->c->name, false) &&
	       part_matches(q->noun, h->c->name, true) &&
	       any_match(q->module, MODULE) && has_parameter(h->c, q->parameter);
}

/* Every command and alias of the runtime; *n of them. */
static struct hit *
all_hits(size_t *n)
{
	size_t nc, cap = 0, k = 0;
	const struct meta_command *const *all = meta_commands(&nc);
	struct hit *v;

	for (size_t i = 0; i < nc; i++) {
		cap++;
		for (const char *const *a = all[i]->aliases; a && *a; a++)
			cap++;
	}
	v = xcalloc(cap ? cap : 1, sizeof(*v));
	for (size_t i = 0; i < nc; i++) {
		v[k++] = (struct hit){ all[i], NULL };
		for (const char *const *a = all[i]->aliases; a && *a; a++)
			v[k++] = (struct hit){ all[i], *a };
	}
	*n = k;
	return v;
}

/* PowerShell's order: by command type (Alias before Cmdlet), then name. */
static int
hit_cmp(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;

	if ((a->alias != NULL) != (b->alias != NULL))
		return a->alias ? -1 : 1;
	return strcasecmp(hit_name(a), hit_name(b));
}

static bool
already(const struct hit *v, size_t n, const struct hit *h)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].c == h->c && v[i].alias == h->alias)
			return true;
	return false;
}

int
rt_run_get_command(struct rt_context *ctx)
{
	const struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	struct query q = {
		.verb = rt_binding_get(ctx->bind, "Verb"),
		.noun = rt_binding_get(ctx->bind, "Noun"),
		.module = rt_binding_get(ctx->bind, "Module"),
		.parameter = rt_binding_get(ctx->bind, "ParameterName"),
	};
	long total = rt_exec_int(ctx, "TotalCount", -1);
	bool syntax = rt_binding_switch(ctx->bind, "Syntax");
	bool sort = nstrings(names) == 0;
	size_t nall, nfound = 0;
	struct hit *all = all_hits(&nall);
	struct hit *found = xcalloc(nall ? nall : 1, sizeof(*found));
	int rc = 0;

	selected_types(rt_exec_string(ctx, "CommandType"), &q.alias,
		       &q.cmdlet);
	if (nstrings(names) == 0) {
		for (size_t i = 0; i < nall; i++)
			if (passes(&q, &all[i]))
				found[nfound++] = all[i];
	}
	for (size_t k = 0; k < nstrings(names); k++) {
		const char *name = string_at(names, k);
		bool wild = name && wildcard_has_wildcard(name), any = false;

		if (name == NULL)
			continue;
		sort = sort || wild;
		for (size_t i = 0; i < nall; i++) {
			bool match = wild ? wildcard_match_folded(
						    name, hit_name(&all[i]))
					  : strcasecmp(name,
						       hit_name(&all[i])) == 0;
			if (!match || !passes(&q, &all[i]))
				continue;
			any = true;
			if (!already(found, nfound, &all[i]))
				found[nfound++] = all[i];
		}
		if (!any && !wild) {
			/* One error per name, as PowerShell's
			   CommandNotFoundException. */
			rt_exec_error(ctx,
				      _("The term '%s' is not recognized as "
					"a name of a cmdlet, function, script "
					"file, or executable program.\nCheck "
					"the spelling of the name, or if a "
					"path was included, verify that the "
					"path is correct and try again."),
				      name);
			rc = 1;
		}
	}
	if (sort)
		qsort(found, nfound, sizeof(*found), hit_cmp);
	if (total >= 0 && (size_t)total < nfound)
		nfound = (size_t)total;
	for (size_t i = 0; i < nfound; i++) {
		const struct hit *h = &found[i];
		if (syntax)
			rt_exec_emit(ctx, syntax_info(h));
		else if (h->alias)
			rt_exec_emit(ctx, alias_info(h->c, h->alias));
		else
			rt_exec_emit(ctx, command_info(h->c));
	}
	free(found);
	free(all);
	return rc;
}
