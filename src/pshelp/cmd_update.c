/* SPDX-License-Identifier: MIT */
/*
 * pshelp update: pages brought in line with the metadata by splicing
 * (src/update); --dry-run shows the diff, --check only says which pages
 * would change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "meta.h"
#include "options.h"
#include "pshelp.h"
#include "strbuf.h"
#include "update.h"
#include "xalloc.h"

#define PROG "pshelp update"

/* Exit statuses (pshelp(1)). */
enum { UPDATE_EXIT_CHANGES = 1, UPDATE_EXIT_BAD_PAGE = 3 };

enum opt_id {
	OPT_DRY_RUN,
	OPT_CHECK,
	OPT_REMOVE_STALE,
	OPT_SCHEMA,
	OPT_METADATA,
	OPT_HELP
};

static const struct opt_def option_table[] = {
	{ "dry-run", OPT_DRY_RUN, false, false },
	{ "check", OPT_CHECK, false, false },
	{ "remove-stale", OPT_REMOVE_STALE, false, false },
	{ "schema", OPT_SCHEMA, true, false },
	{ "metadata", OPT_METADATA, true, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp update [OPTION]... PAGE...\n"
		"Bring each PAGE in line with the command metadata: SYNTAX and "
		"yaml blocks\n"
		"rewritten, missing parameters added; every other byte is "
		"kept.\n"
		"\n"
		"  --dry-run          print a unified diff instead of writing\n"
		"  --check            print the pages that would change and "
		"write nothing\n"
		"  --remove-stale     remove parameters and SYNTAX sets the "
		"command does not\n"
		"                     have (otherwise they are only reported)\n"
		"  --schema SCHEMA    2024-05-01 migrates 2.0.0 pages; 2.0.0 "
		"keeps each page's\n"
		"                     own schema (the default)\n"
		"  --metadata FILE    use the metadata JSON in FILE (psh "
		"--metadata)\n"
		"  -h, --help         show this help and exit\n"
		"\n"
		"Exit status: 0 done, 1 --check found pages to change, 3 a "
		"page "
		"could not be\n"
		"read, 5 usage, 6 system error.  See pshelp(1).\n"),
	      f);
}

struct cli {
	enum update_mode mode;
	struct update_options opt;
	const char *metadata;
	char **pages;
	int npages;
};

static int
update_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	enum help_schema schema;

	switch (h->def->id) {
	case OPT_DRY_RUN:
	case OPT_CHECK: {
		enum update_mode m =
			h->def->id == OPT_CHECK ? UPDATE_CHECK : UPDATE_DRY_RUN;
		if (o->mode != UPDATE_WRITE && o->mode != m)
			return pshelp_usage_error(
				PROG, print_usage,
				_("'%s' cannot go with the other of "
				  "--dry-run and --check"),
				h->arg);
		o->mode = m;
		break;
	}
	case OPT_REMOVE_STALE:
		o->opt.remove_stale = true;
		break;
	case OPT_SCHEMA:
		if (!pshelp_schema_from_name(h->value, &schema))
			return pshelp_usage_error(
				PROG, print_usage,
				_("unknown schema '%s' (use 2.0.0 or "
				  "2024-05-01)"),
				h->value);
		o->opt.migrate = schema == HELP_SCHEMA_2024_05_01;
		break;
	default:
		o->metadata = h->value;
		break;
	}
	return -1;
}

static int
update_page(void *cookie, const char *arg)
{
	struct cli *o = cookie;
	o->pages[o->npages++] = (char *)arg;
	return -1;
}

static int
parse_options(int argc, char **argv, struct cli *o)
{
	static const struct pshelp_command_line cl = {
		PROG,	     option_table,  NOPTIONS,	OPT_HELP,
		print_usage, update_option, update_page
	};
	int st = pshelp_scan(argc, argv, &cl, o);
	if (st >= 0)
		return st;
	if (o->npages == 0)
		return pshelp_usage_error(PROG, print_usage, "%s",
					  _("no page given"));
	return -1;
}

static int
update_pages(const struct cli *o)
{
	int rc = 0;

	for (int i = 0; i < o->npages; i++) {
		struct diag_ctx dx;
		struct strbuf report = STRBUF_INIT;
		strbuf_init(&report);
		diag_init(&dx, o->pages[i]);
		enum update_result r = update_file(o->pages[i], &o->opt,
						   o->mode, &report, &dx);
		fwrite(report.buf, 1, report.len, stdout);
		strbuf_release(&report);
		int status = r == UPDATE_BAD_INPUT     ? UPDATE_EXIT_BAD_PAGE
			     : r == UPDATE_WRITE_ERROR ? DIAGL_SYSTEM
			     : r == UPDATE_CHANGED && o->mode == UPDATE_CHECK
				     ? UPDATE_EXIT_CHANGES
				     : 0;
		if (status > rc)
			rc = status;
	}
	return rc;
}

int
cmd_update(int argc, char **argv)
{
	struct cli o = { .mode = UPDATE_WRITE };
	struct meta_set *loaded = NULL;

	o.pages = xcalloc((size_t)argc + 1, sizeof(*o.pages));
	if (o.pages == NULL)
		return DIAGL_SYSTEM;
	int st = parse_options(argc, argv, &o);
	if (st >= 0) {
		free(o.pages);
		return st;
	}
	if (o.metadata && !pshelp_load_metadata(o.metadata, &loaded, NULL)) {
		free(o.pages);
		return DIAGL_USAGE;
	}
	o.opt.meta = loaded ? loaded : meta_builtin();
	int rc = update_pages(&o);
	meta_set_free(loaded);
	free(o.pages);
	return rc;
}
