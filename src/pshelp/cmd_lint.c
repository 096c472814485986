/* SPDX-License-Identifier: MIT */
/*
 * pshelp lint: translations checked against their English, from a
 * catalog or from a translated page paired with its source (src/l10n).
 * Diagnostics and, last, the count of each check go to standard
 * error.  The exit status is the worst level found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "l10n_gettextize.h"
#include "l10n_lint.h"
#include "md_parse.h"
#include "options.h"
#include "pshelp.h"
#include "xalloc.h"

#define PROG "pshelp lint"

enum opt_id { OPT_PO, OPT_SOURCE, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "po", OPT_PO, true, false },
	{ "p", OPT_PO, true, true },
	{ "source", OPT_SOURCE, true, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp lint -p FILE.po\n"
		"   or: pshelp lint --source SOURCE.md TRANSLATED.md\n"
		"Check translations against their English: code spans, link "
		"targets, URLs\n"
		"and names kept; links to commands named as their target; code "
		"spans apart\n"
		"from words; emphasis closed.\n"
		"\n"
		"  -p, --po FILE.po        check the translations of a "
		"catalog\n"
		"      --source SOURCE.md  check TRANSLATED.md against its "
		"English page\n"
		"  -h, --help              show this help and exit\n"
		"\n"
		"Exit status: the worst level found (0 none, 1 style, 2 "
		"warning, 3 error),\n"
		"5 usage, 6 system error.  See pshelp(1).\n"),
	      f);
}

struct cli {
	const char *po, *source, *page;
};

static int
set_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	if (h->def->id == OPT_PO)
		o->po = h->value;
	else
		o->source = h->value;
	return -1;
}

static int
set_page(void *cookie, const char *arg)
{
	struct cli *o = cookie;
	if (o->page)
		return pshelp_usage_error(PROG, print_usage,
					  _("'%s' is one page too many"), arg);
	o->page = arg;
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
	bool po_mode = o->po && !o->source && !o->page;
	bool page_mode = !o->po && o->source && o->page;
	if (!po_mode && !page_mode)
		return pshelp_usage_error(
			PROG, print_usage, "%s",
			_("give -p FILE.po, or --source SOURCE.md and a "
			  "translated page"));
	return -1;
}

/* Parameter names from the catalog's contexts ("Page|PARAMETERS|-Name"). */
static void
catalog_params(const struct l10n_catalog *cat, struct l10n_lint_names *out)
{
	out->v = xcalloc(cat->n + 1, sizeof(*out->v));
	for (size_t i = 0; i < cat->n; i++) {
		const char *c = cat->v[i].msgctxt;
		const char *p = c ? strstr(c, "|PARAMETERS|-") : NULL;
		if (p)
			out->v[out->n++] = p + strlen("|PARAMETERS|-");
	}
}

static void
print_counts(const struct l10n_lint *l)
{
	fprintf(stderr, _("%s: %u translations checked"), PROG, l->pairs);
	for (int id = 0; id < DIAG__COUNT; id++)
		if (l->count[id])
			fprintf(stderr, ", %s %u", diag_slug((enum diag_id)id),
				l->count[id]);
	fputc('\n', stderr);
}

static int
lint_po(const char *path)
{
	struct diag_ctx dx;
	struct l10n_catalog cat;
	diag_init(&dx, path);
	if (l10n_catalog_read(path, &cat, &dx) != 0)
		return DIAGL_ERROR;
	struct l10n_lint_names names = { 0 };
	catalog_params(&cat, &names);
	struct l10n_lint l = { .dx = &dx, .names = &names };
	for (size_t i = 0; i < cat.n; i++)
		if (*cat.v[i].msgstr)
			l10n_lint_pair(&l, cat.v[i].msgid, cat.v[i].msgstr,
				       cat.v[i].po_line);
	print_counts(&l);
	free(names.v);
	l10n_catalog_release(&cat);
	return dx.worst;
}

static char *
link_bytes(const struct help_doc *d, const struct help_link *k)
{
	return xstrndup(d->source + k->ext.start, k->ext.end - k->ext.start);
}

/*
 * Related links to commands and topics are no units (their text is a
 * name), so they are paired here, by position, for the link text check.
 */
static void
lint_related_links(struct l10n_lint *l, const struct help_doc *en,
		   const struct help_doc *tr)
{
	for (size_t i = 0; i < en->nlinks && i < tr->nlinks; i++) {
		const struct help_link *a = &en->links[i], *b = &tr->links[i];
		if (a->ext.end <= a->ext.start || b->ext.end <= b->ext.start ||
		    (a->kind != HELP_LINK_COMMAND && a->kind != HELP_LINK_ABOUT))
			continue; /* a URL's link is a unit, checked already */
		char *x = link_bytes(en, a), *y = link_bytes(tr, b);
		l10n_lint_pair(l, x, y, b->pos.line);
		free(y);
		free(x);
	}
}

static int
lint_page(const char *source, const char *page)
{
	struct diag_ctx edx, tdx;
	diag_init(&edx, source);
	diag_init(&tdx, page);
	edx.threshold = tdx.threshold = DIAGL_ERROR;
	struct md_parse_options eo = { .path = source };
	struct help_doc *en = md_parse_file(source, &eo, &edx);
	struct md_parse_options to = { .path = page, .source = en };
	struct help_doc *tr = en ? md_parse_file(page, &to, &tdx) : NULL;
	if (tr == NULL) {
		help_doc_free(en);
		return DIAGL_ERROR;
	}
	tdx.threshold = DIAGL_STYLE;
	struct l10n_units eu, tu;
	l10n_units_extract(en, &eu);
	l10n_units_extract(tr, &tu);
	char **msgstrs = xcalloc(eu.n + 1, sizeof(*msgstrs));
	uint32_t *lines = xcalloc(eu.n + 1, sizeof(*lines));
	struct diag_ctx quiet = tdx; /* pairing is gettextize's report */
	quiet.threshold = DIAGL__COUNT;
	l10n_gettextize(en, &eu, tr, &tu, msgstrs, lines, &quiet);
	struct l10n_lint_names names = { 0 };
	names.v = xcalloc(en->nparams + 1, sizeof(*names.v));
	for (size_t i = 0; i < en->nparams; i++)
		if (en->params[i].name)
			names.v[names.n++] = en->params[i].name;
	struct l10n_lint l = { .dx = &tdx, .names = &names };
	for (size_t i = 0; i < eu.n; i++)
		if (msgstrs[i])
			l10n_lint_pair(&l, eu.v[i].msgid, msgstrs[i], lines[i]);
	lint_related_links(&l, en, tr);
	print_counts(&l);
	for (size_t i = 0; i < eu.n; i++)
		free(msgstrs[i]);
	free(msgstrs);
	free(lines);
	free(names.v);
	l10n_units_release(&eu);
	l10n_units_release(&tu);
	help_doc_free(tr);
	help_doc_free(en);
	return tdx.worst;
}

int
cmd_lint(int argc, char **argv)
{
	struct cli o = { 0 };
	int st = parse_options(argc, argv, &o);
	if (st >= 0)
		return st;
	return o.po ? lint_po(o.po) : lint_page(o.source, o.page);
}
