/* SPDX-License-Identifier: MIT */
/*
 * Get-Help inside psh: the help engine of get-help (lookup, md_parse,
 * render_text) over the help roots, and partial help generated from the
 * command metadata when a command has no page, as PowerShell shows it.
 *
 * Help roots: $PSHELP_PATH (colon-separated), then the installed help
 * datadir, or the source tree's help/ when psh runs from its build
 * directory and PSHELP_PATH is unset.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buildtree.h"
#include "cmd_get_help.h"
#include "config.h"
#include "culture.h"
#include "diag.h"
#include "eval.h"
#include "i18n.h"
#include "lookup.h"
#include "md_parse.h"
#include "render_text.h"
#include "rt_exec.h"
#include "strbuf.h"
#include "xalloc.h"

#define DEFAULT_TOPIC "about_pshelp"

/* ---------- roots ---------- */

static void
help_roots(struct root_list *roots)
{
	/* From the build tree, the project's pages stand in for the
	   installed ones, unless PSHELP_PATH names the roots to use. */
	char *build =
		getenv("PSHELP_PATH") ? NULL : build_tree_path("meson-private");

	root_list_from_environment(roots, NULL, 0,
				   build ? PSHELP_SOURCE_HELP_DIR
					 : PSHELP_HELP_DATADIR);
	free(build);
}

/* ---------- partial help ---------- */

/* PowerShell's short type names in SYNTAX: string, int, guid, ... */
static void
add_type(struct strbuf *sb, const struct meta_param *p)
{
	const char *t = p->type_name ? p->type_name : "Object";
	const char *dot = strrchr(t, '.');
	size_t n;

	static const char *const lower[] = { "String",	  "Int32",
					     "Guid",	  "Uri",
					     "Hashtable", "ScriptBlock" };
	static const char *const shown[] = { "string",	  "int",
					     "guid",	  "uri",
					     "hashtable", "scriptblock" };
	t = dot ? dot + 1 : t;
	n = strcspn(t, "[");
	for (size_t i = 0; i < sizeof(lower) / sizeof(*lower); i++) {
		if (strlen(lower[i]) == n && strncmp(t, lower[i], n) == 0) {
			strbuf_addstr(sb, shown[i]);
			strbuf_addstr(sb, t + n);
			return;
		}
	}
	strbuf_addstr(sb, t);
}

static void
add_param(struct strbuf *sb, const struct meta_param *p,
	  const struct meta_param_set *m)
{
	bool sw = p->type == META_TYPE_SWITCH;
	bool pos = m->position != META_POSITION_NAMED;

	strbuf_addch(sb, ' ');
	if (!m->mandatory)
		strbuf_addch(sb, '[');
	strbuf_addf(sb, pos ? "[-%s]" : "-%s", p->name);
	if (!sw) {
		strbuf_addstr(sb, " <");
		add_type(sb, p);
		strbuf_addch(sb, '>');
	}
	if (!m->mandatory)
		strbuf_addch(sb, ']');
}

/* Positional parameters by position, then mandatory, then optional. */
static void
add_set(struct strbuf *sb, const struct meta_command *c, const char *set)
{
	strbuf_addf(sb, "    %s", c->name);
	for (int pass = 0; pass < 3; pass++) {
		for (int pos = 0; pos < (pass == 0 ? 16 : 1); pos++) {
			for (size_t i = 0; i < c->nparams; i++) {
				const struct meta_param *p = &c->params[i];
				const struct meta_param_set *m =
					meta_param_in_set(p, set);
				bool named =
					m && m->position == META_POSITION_NAMED;
				if (m == NULL ||
				    (pass == 0 &&
				     (named || m->position != pos)) ||
				    (pass == 1 && (!named || !m->mandatory)) ||
				    (pass == 2 && (!named || m->mandatory)))
					continue;
				add_param(sb, p, m);
			}
		}
	}
	if (c->should_process)
		strbuf_addstr(sb, " [-WhatIf] [-Confirm]");
	if (c->common_parameters)
		strbuf_addstr(sb, " [<CommonParameters>]");
	strbuf_addstr(sb, "\n\n");
}

static void
add_syntax(struct strbuf *sb, const struct meta_command *c)
{
	if (c->sets == NULL || c->sets[0] == NULL) {
		add_set(sb, c, META_ALL_SETS);
		return;
	}
	if (c->default_set)
		add_set(sb, c, c->default_set);
	for (const char *const *s = c->sets; *s; s++)
		if (c->default_set == NULL || strcmp(*s, c->default_set) != 0)
			add_set(sb, c, *s);
}

char *
psh_partial_help(const struct meta_command *c)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	strbuf_addf(&sb, "\n%s\n    %s\n\n%s\n", _("NAME"), c->name,
		    _("SYNTAX"));
	add_syntax(&sb, c);
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

/* ---------- showing a page ---------- */

struct request {
	struct rt_context *ctx;
	struct render_options ro;
	bool online;
	struct strbuf out;
};

static size_t
width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col - 1;
	return 80;
}

static void
quiet_sink(void *cookie, const struct diag *d)
{
}

static struct help_doc *
parse_quietly(const struct topic *t)
{
	struct diag_ctx dx;
	struct md_parse_options mo = { .path = t->path, .culture = t->culture };

	diag_init(&dx, t->path);
	/* Page diagnostics are get-help's business, not the shell's. */
	dx.sink = quiet_sink;
	return md_parse_file(t->path, &mo, &dx);
}

static int
render_page(struct request *rq, const struct topic *t)
{
	struct help_doc *doc = parse_quietly(t);
	int rc = 0;

	if (doc == NULL) {
		rt_exec_error(rq->ctx, _("cannot read the help page %s"),
			      t->path);
		return 1;
	}
	if (rq->online) {
		if (doc->online_uri == NULL || !*doc->online_uri) {
			rt_exec_error(rq->ctx, "%s",
				      _("The online version of this Help topic "
					"cannot be displayed because the "
					"Internet address (URI) of the Help "
					"topic is not specified in the help "
					"file."));
			rc = 1;
		} else {
			strbuf_addf(&rq->out, "%s\n", doc->online_uri);
		}
	} else if (render_text(doc, &rq->ro, &rq->out) != 0) {
		rt_exec_error(rq->ctx, _("No parameter matches criteria %s."),
			      rq->ro.parameter);
		rc = 1;
	}
	help_doc_free(doc);
	return rc;
}

static bool in_categories(const struct rt_context *ctx, const struct topic *t);

static int
not_found(struct request *rq, const char *name)
{
	const struct meta_command *c = meta_command_find(name);
	const struct topic cmd = { .category = TOPIC_COMMAND };
	char *partial;

	if (c && !rq->online && in_categories(rq->ctx, &cmd)) {
		partial = psh_partial_help(c);
		strbuf_addstr(&rq->out, partial);
		free(partial);
		return 0;
	}
	if (strpbrk(name, "*?["))
		return 0;
	rt_exec_error(rq->ctx,
		      _("Get-Help could not find %s in a help file "
			"in this session."),
		      name);
	return 1;
}

/* Several topics: the Name / Category / Module / Synopsis table. */
static int
render_list(struct request *rq, const struct topic **found, size_t n)
{
	struct render_topic_row *rows;
	struct help_doc **docs;

	if (rq->online) {
		rt_exec_error(rq->ctx, "%s",
			      _("Multiple Help topics were found. "
				"Use only one Help topic with "
				"the -Online option."));
		return 1;
	}
	rows = xcalloc(n, sizeof(*rows));
	docs = xcalloc(n, sizeof(*docs));
	for (size_t i = 0; i < n; i++) {
		const struct topic *t = found[i];
		const char *synopsis = "", *module = t->module;
		docs[i] = parse_quietly(t);
		if (docs[i]) {
			synopsis = help_blocks_first_text(
				docs[i], t->category == TOPIC_COMMAND
						 ? &docs[i]->synopsis
						 : &docs[i]->short_description);
			if (module == NULL)
				module = docs[i]->module;
		}
		rows[i] = (struct render_topic_row){
			t->name,
			t->category == TOPIC_ABOUT ? "HelpFile" : "Cmdlet",
			module ? module : "", synopsis ? synopsis : ""
		};
	}
	render_topic_table(rows, n, rq->ro.width, &rq->out);
	for (size_t i = 0; i < n; i++)
		help_doc_free(docs[i]);
	free(docs);
	free(rows);
	return 0;
}

/* -Category: Cmdlet and Alias mean command pages, HelpFile about
   topics, All everything; the other categories have no pages here. */
static bool
in_categories(const struct rt_context *ctx, const struct topic *t)
{
	struct rt_value *v = rt_binding_get(ctx->bind, "Category");
	size_t n;

	if (v == NULL)
		return true;
	n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;
	for (size_t i = 0; i < n; i++) {
		const struct rt_value *e =
			v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : v;
		const char *c = e->kind == RT_VAL_STRING ? e->u.s : "";
		if (!strcasecmp(c, "All") ||
		    (t->category == TOPIC_COMMAND &&
		     (!strcasecmp(c, "Cmdlet") || !strcasecmp(c, "Alias"))) ||
		    (t->category == TOPIC_ABOUT && !strcasecmp(c, "HelpFile")))
			return true;
	}
	return false;
}

static size_t
filter_categories(const struct rt_context *ctx, const struct topic **v,
		  size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (in_categories(ctx, v[i]))
			v[k++] = v[i];
	return k;
}

static int
lookup(struct request *rq, const char *name)
{
	struct culture_list user, chain;
	struct root_list roots = { 0 };
	struct topic_index idx = { 0 };
	const struct topic **found = NULL;
	const struct meta_command *c = meta_command_find(name);
	size_t n;
	int rc;

	/* An alias shows the help of its command. */
	if (c && !strpbrk(name, "*?["))
		name = c->name;
	culture_from_environment(NULL, &user);
	culture_chain(&user, &chain);
	help_roots(&roots);
	topic_index_build(&idx, (const char *const *)roots.v, roots.n, &chain);
	n = topic_index_find(&idx, name, &found);
	n = filter_categories(rq->ctx, found, n);
	if (n == 1 || (n > 1 && !strpbrk(name, "*?[")))
		rc = render_page(rq, found[0]);
	else if (n > 1)
		rc = render_list(rq, found, n);
	else
		rc = not_found(rq, name);
	free(found);
	topic_index_release(&idx);
	root_list_release(&roots);
	culture_list_release(&chain);
	culture_list_release(&user);
	return rc;
}

/* help: through $PAGER or less when the output is a terminal. */
static bool
page(const char *text, size_t len)
{
	const char *pager = getenv("PAGER");
	FILE *p;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		return false;
	if (pager == NULL || *pager == '\0')
		pager = "less -s";
	fflush(stdout);
	p = popen(pager, "w");
	if (p == NULL)
		return false;
	fwrite(text, 1, len, p);
	pclose(p);
	return true;
}

static void
set_view(struct request *rq)
{
	const struct rt_binding *b = rq->ctx->bind;

	rq->ro.view = RENDER_DEFAULT;
	if (rt_binding_switch(b, "Full"))
		rq->ro.view = RENDER_FULL;
	else if (rt_binding_switch(b, "Detailed"))
		rq->ro.view = RENDER_DETAILED;
	else if (rt_binding_switch(b, "Examples"))
		rq->ro.view = RENDER_EXAMPLES;
	rq->ro.parameter = rt_exec_string(rq->ctx, "Parameter");
	if (rq->ro.parameter)
		rq->ro.view = RENDER_PARAMETER;
	rq->online = rt_binding_switch(b, "Online");
}

int
psh_get_help(struct rt_context *ctx, bool paged, void *cookie)
{
	struct request rq = { .ctx = ctx };
	const char *name = rt_exec_string(ctx, "Name");
	int rc;

	strbuf_init(&rq.out);
	set_view(&rq);
	rq.ro.width = width();
	rc = lookup(&rq, name ? name : DEFAULT_TOPIC);
	if (rq.out.len && !(paged && page(rq.out.buf, rq.out.len))) {
		/* The shell adds the newline after each output line. */
		if (rq.out.buf[rq.out.len - 1] == '\n')
			rq.out.buf[--rq.out.len] = '\0';
		rt_exec_emit(ctx, rt_string(rq.out.buf));
	}
	strbuf_release(&rq.out);
	return rc;
}
