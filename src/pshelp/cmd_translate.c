/* SPDX-License-Identifier: MIT */
/*
 * pshelp translate: a localized page from an English page and a catalog;
 * every byte no translation replaces is the English page's (src/l10n).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "file.h"
#include "i18n.h"
#include "l10n_translate.h"
#include "lookup.h"
#include "md_parse.h"
#include "options.h"
#include "pshelp.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "pshelp translate"

/* Exit statuses (pshelp(1)). */
enum { TRANSLATE_EXIT_BELOW_THRESHOLD = 1 };

enum opt_id { OPT_PO, OPT_CULTURE, OPT_KEEP, OPT_FUZZY, OPT_OUTPUT, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "po", OPT_PO, true, false },
	{ "p", OPT_PO, true, true },
	{ "culture", OPT_CULTURE, true, false },
	{ "l", OPT_CULTURE, true, true },
	{ "keep", OPT_KEEP, true, false },
	{ "k", OPT_KEEP, true, true },
	{ "fuzzy", OPT_FUZZY, false, false },
	{ "output", OPT_OUTPUT, true, false },
	{ "o", OPT_OUTPUT, true, true },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp translate -p FILE.po -l CULTURE [-k N] [--fuzzy] "
		"-o OUT.md PAGE\n"
		"Write the English PAGE with the translations of FILE.po "
		"spliced in; every\n"
		"other byte is the page's.\n"
		"\n"
		"  -p, --po FILE.po     the catalog\n"
		"  -l, --culture NAME   the page's culture (sv-SE): Locale and\n"
		"                       ms.contentlocale get it\n"
		"  -k, --keep N         write the page only when at least N%% of "
		"its units\n"
		"                       are translated (default 80)\n"
		"      --fuzzy          use fuzzy translations too\n"
		"  -o, --output OUT.md  the localized page ('-': standard "
		"output)\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Exit status: 0 written, 1 too little translated (nothing "
		"written), 3 bad\n"
		"page or catalog, 5 usage, 6 system error.  See pshelp(1).\n"),
	      f);
}

struct cli {
	const char *po, *culture, *output, *page;
	struct l10n_translate_options opt;
};

static bool
parse_percent(const char *s, unsigned *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 100)
		return false;
	*out = (unsigned)v;
	return true;
}

static int
set_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	switch (h->def->id) {
	case OPT_PO:
		o->po = h->value;
		break;
	case OPT_CULTURE:
		if (!lookup_is_culture_folder(h->value, strlen(h->value)))
			return pshelp_usage_error(
				PROG, print_usage,
				_("'%s' is not a culture name (like sv-SE)"),
				h->value);
		o->culture = h->value;
		break;
	case OPT_KEEP:
		if (!parse_percent(h->value, &o->opt.threshold))
			return pshelp_usage_error(
				PROG, print_usage,
				_("-k takes a percentage from 0 to 100, not "
				  "'%s'"),
				h->value);
		break;
	case OPT_FUZZY:
		o->opt.use_fuzzy = true;
		break;
	default:
		o->output = h->value;
		break;
	}
	return -1;
}

static int
set_page(void *cookie, const char *arg)
{
	struct cli *o = cookie;
	if (o->page)
		return pshelp_usage_error(
			PROG, print_usage,
			_("one page at a time: '%s' is one too many"), arg);
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
	const char *missing = !o->po	    ? "-p FILE.po"
			      : !o->culture ? "-l CULTURE"
			      : !o->output  ? "-o OUT.md"
			      : !o->page    ? "PAGE"
					    : NULL;
	if (missing)
		return pshelp_usage_error(PROG, print_usage,
					  _("%s is missing"), missing);
	o->opt.culture = o->culture;
	return -1;
}

static int
write_page(const char *out, const struct strbuf *page)
{
	int err = 0;
	if (strcmp(out, "-") == 0) {
		if (fwrite(page->buf, 1, page->len, stdout) != page->len)
			err = errno ? errno : EIO;
	} else {
		err = file_write_atomic(out, page->buf, page->len,
					FILE_REPLACE | FILE_DERIVED);
	}
	if (err) {
		struct diag_ctx dx;
		diag_init(&dx, out);
		diag_report(&dx, DIAG_WRITE_FAILED, 0, 0, strerror(err));
		return DIAGL_SYSTEM;
	}
	return 0;
}

static void
print_stats(const char *page, const struct l10n_stats *st)
{
	char *shown = utf8_safe_dup(page);
	unsigned total = st->translated + st->fuzzy + st->untranslated;
	fprintf(stderr,
		_("%s: %u translated, %u fuzzy, %u untranslated (%u%%)\n"),
		shown, st->translated, st->fuzzy, st->untranslated,
		total ? st->translated * 100u / total : 100u);
	free(shown);
}

static int
run(struct cli *o)
{
	struct diag_ctx po_dx, dx;
	struct l10n_catalog cat;
	diag_init(&po_dx, o->po);
	diag_init(&dx, o->page);
	if (l10n_catalog_read(o->po, &cat, &po_dx) != 0)
		return DIAGL_ERROR;
	struct md_parse_options mo = { .path = o->page };
	dx.threshold = DIAGL_ERROR; /* the page's own: validate's business */
	struct help_doc *doc = md_parse_file(o->page, &mo, &dx);
	if (doc == NULL) {
		l10n_catalog_release(&cat);
		return DIAGL_ERROR;
	}
	dx.threshold = DIAGL_STYLE;
	struct strbuf out = STRBUF_INIT;
	struct l10n_stats st;
	strbuf_init(&out);
	bool written = l10n_translate(doc, &cat, &o->opt, &out, &st, &dx,
				      &po_dx);
	print_stats(o->page, &st);
	int rc = written ? write_page(o->output, &out)
			 : TRANSLATE_EXIT_BELOW_THRESHOLD;
	if (rc == 0 && (dx.worst >= DIAGL_ERROR || po_dx.worst >= DIAGL_ERROR))
		rc = DIAGL_ERROR;
	strbuf_release(&out);
	help_doc_free(doc);
	l10n_catalog_release(&cat);
	return rc;
}

int
cmd_translate(int argc, char **argv)
{
	struct cli o = { .opt = { .threshold = 80 } };
	int st = parse_options(argc, argv, &o);
	return st >= 0 ? st : run(&o);
}
