/* SPDX-License-Identifier: MIT */
/*
 * pshelp gettextize: a catalog from an English page and an existing
 * translation of it, paired by structure (src/l10n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "l10n_gettextize.h"
#include "l10n_pot.h"
#include "lookup.h"
#include "md_parse.h"
#include "options.h"
#include "pshelp.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "pshelp gettextize"

enum opt_id { OPT_OUTPUT, OPT_NO_FUZZY, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "output", OPT_OUTPUT, true, false },
	{ "o", OPT_OUTPUT, true, true },
	{ "no-fuzzy", OPT_NO_FUZZY, false, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp gettextize [--no-fuzzy] -o OUT.po SOURCE.md "
		"TRANSLATED.md\n"
		"Write a catalog whose translations come from an existing "
		"translated page,\n"
		"paired with the English SOURCE.md by the pages' structure.\n"
		"\n"
		"  -o, --output OUT.po  the catalog ('-': standard output)\n"
		"      --no-fuzzy       trust the translations (by default "
		"each is fuzzy,\n"
		"                       to be reviewed)\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Exit status: 0 written, 2 written but some units had no "
		"counterpart, 3 a\n"
		"page could not be read, 5 usage, 6 system error.  See "
		"pshelp(1).\n"),
	      f);
}

struct cli {
	const char *output;
	bool no_fuzzy;
	const char *pages[2];
	int npages;
};

static int
set_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	if (h->def->id == OPT_OUTPUT)
		o->output = h->value;
	else
		o->no_fuzzy = true;
	return -1;
}

static int
set_page(void *cookie, const char *arg)
{
	struct cli *o = cookie;
	if (o->npages == 2)
		return pshelp_usage_error(
			PROG, print_usage,
			_("two pages, not more: '%s' is one too many"), arg);
	o->pages[o->npages++] = arg;
	return -1;
}

static int
parse_options(int argc, char **argv, struct cli *o)
{
	static const struct pshelp_command_line cl = {
		PROG,	     option_table, NOPTIONS, OPT_HELP,
		print_usage, set_option,   set_page
	};
	int st = pshelp_scan(argc, argv, &cl, o);
	if (st >= 0)
		return st;
	if (o->npages != 2 || o->output == NULL)
		return pshelp_usage_error(
			PROG, print_usage, "%s",
			_("needs -o OUT.po, SOURCE.md and TRANSLATED.md"));
	return -1;
}

static int
run(const struct cli *o)
{
	struct diag_ctx edx, tdx, odx;
	diag_init(&edx, o->pages[0]);
	diag_init(&tdx, o->pages[1]);
	diag_init(&odx, o->output);
	edx.threshold = DIAGL_ERROR;
	struct md_parse_options eo = { .path = o->pages[0] };
	struct help_doc *en = md_parse_file(o->pages[0], &eo, &edx);
	if (en == NULL)
		return DIAGL_ERROR;
	struct md_parse_options to = { .path = o->pages[1], .source = en };
	tdx.threshold = DIAGL_ERROR;
	struct help_doc *tr = md_parse_file(o->pages[1], &to, &tdx);
	if (tr == NULL) {
		help_doc_free(en);
		return DIAGL_ERROR;
	}
	tdx.threshold = DIAGL_STYLE;
	struct l10n_units eu, tu;
	l10n_units_extract(en, &eu);
	l10n_units_extract(tr, &tu);
	char **msgstrs = xcalloc(eu.n + 1, sizeof(*msgstrs));
	size_t aligned = l10n_gettextize(en, &eu, tr, &tu, msgstrs, NULL, &tdx);
	char *shown = utf8_safe_dup(o->pages[1]);
	fprintf(stderr, _("%s: %zu of %zu units paired\n"), shown, aligned,
		eu.n);
	free(shown);
	struct l10n_pot pot = { 0 };
	l10n_pot_add(&pot, o->pages[0], &eu, (const char *const *)msgstrs);
	/* only a culture name goes into the header: the page's text might
	 * hold anything, line breaks included */
	const char *language = tr->locale && lookup_is_culture_folder(
						     tr->locale,
						     strlen(tr->locale))
				       ? tr->locale
				       : "";
	int rc = l10n_pot_write(&pot, o->output, language,
				!o->no_fuzzy, &odx)
			 ? DIAGL_SYSTEM
		 : aligned < eu.n ? DIAGL_WARNING
				  : 0;
	l10n_pot_release(&pot);
	for (size_t i = 0; i < eu.n; i++)
		free(msgstrs[i]);
	free(msgstrs);
	l10n_units_release(&eu);
	l10n_units_release(&tu);
	help_doc_free(tr);
	help_doc_free(en);
	return rc;
}

int
cmd_gettextize(int argc, char **argv)
{
	struct cli o = { 0 };
	int st = parse_options(argc, argv, &o);
	return st >= 0 ? st : run(&o);
}
