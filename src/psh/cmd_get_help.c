/* SPDX-License-Identifier: MIT */
/*
 * Get-Help inside psh: the help query get-help uses (lookup/query.c) over
 * the help roots, rendered by render_text, and partial help generated from
 * the command metadata when a command has no page, as PowerShell shows it.
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
#include <unistd.h>

#include "buildtree.h"
#include "cmd_get_help.h"
#include "config.h"
#include "culture.h"
#include "eval.h"
#include "i18n.h"
#include "pager.h"
#include "lookup.h"
#include "meta_help.h"
#include "query.h"
#include "render.h"
#include "render_text.h"
#include "rt_exec.h"
#include "strbuf.h"
#include "term.h"
#include "wildcard.h"
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
				   build ? PSHELP_SOURCE_HELP_DIR ":" PSHELP_BUILD_HELP_DIR
					 : PSHELP_HELP_DATADIR);
	free(build);
}

/* ---------- showing a page ---------- */

struct request {
	struct rt_context *ctx;
	struct render_options ro;
	bool online;
	struct strbuf out;
};

/* PowerShell leaves the terminal's last column free. */
static size_t
width(void)
{
	size_t cols = term_columns(STDOUT_FILENO);

	return cols > 20 ? cols - 1 : 80;
}

static int
render_page(struct request *rq, const struct lookup_result *r)
{
	char *note;
	int rc = 0;

	if (rq->online) {
		if (r->doc->online_uri == NULL || !*r->doc->online_uri) {
			rt_exec_error(rq->ctx, "%s",
				      _("The online version of this Help topic "
					"cannot be displayed because the "
					"Internet address (URI) of the Help "
					"topic is not specified in the help "
					"file."));
			return 1;
		}
		strbuf_addf(&rq->out, "%s\n", r->doc->online_uri);
		return 0;
	}
	note = lookup_fallback_note(r);
	rq->ro.note = note;
	char *ui = culture_messages_for_content(r->doc->locale);
	int selected = render_format_find("text")->render(r->doc, &rq->ro,
							  &rq->out);
	i18n_restore(ui);
	if (selected != 0) {
		rt_exec_error(rq->ctx, _("No parameter matches criteria %s."),
			      rq->ro.parameter);
		rc = 1;
	}
	rq->ro.note = NULL;
	free(note);
	return rc;
}

static int
not_found(struct request *rq, const char *name, unsigned categories)
{
	const struct meta_command *c = meta_command_find(name);
	char *partial;

	if (c && !rq->online && (categories & LOOKUP_COMMANDS)) {
		partial = meta_partial_help(c);
		strbuf_addstr(&rq->out, partial);
		free(partial);
		return 0;
	}
	if (wildcard_has_wildcard(name))
		return 0;
	rt_exec_error(rq->ctx,
		      _("Get-Help could not find %s in a help file "
			"in this session."),
		      name);
	return 1;
}

/* Several topics: the Name / Category / Module / Synopsis table. */
static int
render_list(struct request *rq, const struct lookup_result *r)
{
	struct render_topic_row *rows;

	if (rq->online) {
		rt_exec_error(rq->ctx, "%s",
			      _("Multiple Help topics were found. "
				"Use only one Help topic with "
				"the -Online option."));
		return 1;
	}
	/* The table's columns are the query's rows, field by field. */
	rows = xcalloc(r->nrows, sizeof(*rows));
	for (size_t i = 0; i < r->nrows; i++)
		rows[i] = (struct render_topic_row){
			.name = r->rows[i].name,
			.category = r->rows[i].category,
			.module = r->rows[i].module,
			.synopsis = r->rows[i].synopsis,
		};
	render_topic_table(rows, r->nrows, rq->ro.width, &rq->out);
	free(rows);
	return 0;
}

/* -Category: Cmdlet and Alias mean command pages, HelpFile about
   topics, All everything; the other categories have no pages here. */
static unsigned
categories(const struct rt_context *ctx)
{
	struct rt_value *v = rt_binding_get(ctx->bind, "Category");
	unsigned mask = 0;

	if (v == NULL)
		return LOOKUP_ALL;
	for (size_t i = 0; i < rt_value_nitems(v); i++) {
		const struct rt_value *e = rt_value_item(v, i);
		const char *c = e->kind == RT_VAL_STRING ? e->u.s : "";
		if (!strcasecmp(c, "All"))
			mask |= LOOKUP_ALL;
		else if (!strcasecmp(c, "Cmdlet") || !strcasecmp(c, "Alias"))
			mask |= LOOKUP_COMMANDS;
		else if (!strcasecmp(c, "HelpFile"))
			mask |= LOOKUP_ABOUT;
	}
	return mask;
}

static int
lookup(struct request *rq, const char *name)
{
	struct culture_list user;
	struct root_list roots = { 0 };
	struct lookup_result r;
	const struct meta_command *c = meta_command_find(name);
	unsigned mask = categories(rq->ctx);
	int rc;

	/* An alias shows the help of its command. */
	if (c && !wildcard_has_wildcard(name))
		name = c->name;
	culture_from_environment(NULL, &user);
	help_roots(&roots);
	if (mask == 0) {
		/* Only categories without pages here: nothing matches. */
		rc = not_found(rq, name, mask);
	} else {
		struct lookup_request q = {
			.name = name,
			.user = &user,
			.roots = (const char *const *)roots.v,
			.nroots = roots.n,
			.categories = mask,
			.diagnostics = LOOKUP_DIAG_NONE,
			/* no name matches: the text is searched, as by
			   PowerShell's Get-Help */
			.search = LOOKUP_SEARCH_FALLBACK,
		};
		switch (lookup_query(&q, &r)) {
		case LOOKUP_PAGE:
			rc = render_page(rq, &r);
			break;
		case LOOKUP_TOPICS:
			rc = render_list(rq, &r);
			break;
		case LOOKUP_UNREADABLE:
			rt_exec_error(rq->ctx,
				      _("cannot read the help page %s"),
				      r.path);
			rc = 1;
			break;
		default:
			rc = not_found(rq, name, mask);
			break;
		}
		lookup_result_release(&r);
	}
	root_list_release(&roots);
	culture_list_release(&user);
	return rc;
}

/* help: through $PAGER or less when the output is a terminal. */
static bool
page(const char *text, size_t len)
{
	return isatty(STDIN_FILENO) && pager_show(text, len);
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
