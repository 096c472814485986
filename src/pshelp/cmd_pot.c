/* SPDX-License-Identifier: MIT */
/*
 * pshelp pot: the translatable units of English pages as a PO template,
 * one for all pages or one per page (src/l10n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "l10n_pot.h"
#include "md_parse.h"
#include "options.h"
#include "pshelp.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "pshelp pot"

enum opt_id { OPT_OUTPUT, OPT_PER_PAGE, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "output", OPT_OUTPUT, true, false },
	{ "o", OPT_OUTPUT, true, true },
	{ "per-page", OPT_PER_PAGE, false, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp pot [-o OUT] [--per-page] PAGE|DIR...\n"
		"Write the translatable text of English pages as a PO "
		"template: headings,\n"
		"paragraphs, table cells and example titles; never code, yaml, "
		"SYNTAX,\n"
		"parameter headings or type names.\n"
		"\n"
		"  -o, --output OUT   the template (default: standard output); "
		"with --per-page\n"
		"                     a folder that gets PAGE.pot for each "
		"page\n"
		"      --per-page     one template per page\n"
		"  -h, --help         show this help and exit\n"
		"\n"
		"Exit status: 0 written, 3 a page could not be read, 5 usage, "
		"6 system\n"
		"error.  See pshelp(1).\n"),
	      f);
}

struct cli {
	const char *output;
	bool per_page;
	struct strv operands;
};

static int
pot_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	if (h->def->id == OPT_OUTPUT)
		o->output = h->value;
	else
		o->per_page = true;
	return -1;
}

static int
pot_operand(void *cookie, const char *arg)
{
	strv_push(&((struct cli *)cookie)->operands, (char *)arg);
	return -1;
}

static int
parse_options(int argc, char **argv, struct cli *o)
{
	static const struct pshelp_command_line cl = {
		PROG,	     option_table, NOPTIONS,   OPT_HELP,
		print_usage, pot_option,   pot_operand
	};
	int st = pshelp_scan(argc, argv, &cl, o);
	if (st >= 0)
		return st;
	if (o->operands.n == 0)
		return pshelp_usage_error(PROG, print_usage, "%s",
					  _("no page or folder given"));
	if (o->per_page && o->output == NULL)
		return pshelp_usage_error(PROG, print_usage, "%s",
					  _("--per-page needs -o FOLDER"));
	return -1;
}

/* One page's units, or false (reported) when it cannot be read. */
static bool
page_units(const char *path, struct help_doc **doc, struct l10n_units *u,
	   struct diag_ctx *dx)
{
	struct md_parse_options po = { .path = path };
	*doc = md_parse_file(path, &po, dx);
	if (*doc == NULL)
		return false;
	l10n_units_extract(*doc, u);
	return true;
}

/* PAGE.pot in folder for page path ("a/b/Get-X.md" -> "folder/Get-X.pot"). */
static char *
per_page_name(const char *folder, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	return xasprintf("%s/%.*s.pot", folder, (int)n, base);
}

static bool
written_before(const struct strv *written, const char *name)
{
	for (size_t i = 0; i < written->n; i++)
		if (strcmp(written->v[i], name) == 0)
			return true;
	return false;
}

static int
write_pot(struct l10n_pot *pot, const char *out)
{
	struct diag_ctx dx;
	diag_init(&dx, out);
	return l10n_pot_write(pot, out, NULL, false, &dx) ? DIAGL_SYSTEM : 0;
}

static int
run(const struct cli *o)
{
	struct strv pages = { 0 };
	struct diag_ctx dx;
	diag_init(&dx, PROG);
	pshelp_collect_pages(&pages, &o->operands, PROG, &dx);
	struct help_doc **docs = xcalloc(pages.n + 1, sizeof(*docs));
	struct l10n_units *units = xcalloc(pages.n + 1, sizeof(*units));
	struct l10n_pot all = { 0 };
	struct strv written = { 0 }; /* the --per-page templates so far */
	int rc = 0;

	for (size_t i = 0; i < pages.n; i++) {
		struct diag_ctx page;
		diag_init(&page, pages.v[i]);
		page.threshold = DIAGL_ERROR; /* what validate is for */
		if (!page_units(pages.v[i], &docs[i], &units[i], &page)) {
			rc = DIAGL_ERROR;
			continue;
		}
		if (!o->per_page) {
			l10n_pot_add(&all, pages.v[i], &units[i], NULL);
			continue;
		}
		struct l10n_pot one = { 0 };
		char *name = per_page_name(o->output, pages.v[i]);
		if (written_before(&written, name)) {
			char *shown = utf8_safe_dup(pages.v[i]);
			fprintf(stderr,
				_("%s: error: %s: another page of that name "
				  "was written to the same template; left "
				  "out\n"),
				PROG, shown);
			free(shown);
			free(name);
			rc = DIAGL_ERROR;
			continue;
		}
		strv_push(&written, xstrdup(name));
		l10n_pot_add(&one, pages.v[i], &units[i], NULL);
		int w = write_pot(&one, name);
		if (w > rc)
			rc = w;
		l10n_pot_release(&one);
		free(name);
	}
	if (!o->per_page) {
		int w = write_pot(&all, o->output ? o->output : "-");
		if (w > rc)
			rc = w;
	}
	l10n_pot_release(&all);
	for (size_t i = 0; i < written.n; i++)
		free(written.v[i]);
	free(written.v);
	for (size_t i = 0; i < pages.n; i++) {
		l10n_units_release(&units[i]);
		help_doc_free(docs[i]);
		free(pages.v[i]);
	}
	free(units);
	free(docs);
	free(pages.v);
	return rc;
}

int
cmd_pot(int argc, char **argv)
{
	struct cli o = { 0 };
	int st = parse_options(argc, argv, &o);
	if (st < 0)
		st = run(&o);
	free(o.operands.v);
	return st;
}
