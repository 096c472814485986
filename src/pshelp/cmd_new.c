/* SPDX-License-Identifier: MIT */
/*
 * pshelp new: a complete page for each COMMAND from its metadata, on
 * standard output or as DIR/<Command>.md (src/update writes it).
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

#define PROG "pshelp new"

enum opt_id { OPT_OUTPUT, OPT_SCHEMA, OPT_METADATA, OPT_FORCE, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "o", OPT_OUTPUT, true, true },
	{ "output", OPT_OUTPUT, true, false },
	{ "schema", OPT_SCHEMA, true, false },
	{ "metadata", OPT_METADATA, true, false },
	{ "force", OPT_FORCE, false, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp new [OPTION]... COMMAND...\n"
		"Write a complete platyPS page for each COMMAND from its "
		"metadata, with\n"
		"placeholders where the metadata has no text.\n"
		"\n"
		"  -o, --output DIR   write DIR/COMMAND.md instead of standard "
		"output\n"
		"  --force            replace a page that exists in DIR\n"
		"  --schema SCHEMA    2.0.0 (the default) or 2024-05-01\n"
		"  --metadata FILE    use the metadata JSON in FILE (psh "
		"--metadata)\n"
		"  -h, --help         show this help and exit\n"
		"\n"
		"Exit status: 0 written, 5 usage, 6 system error.  See "
		"pshelp(1).\n"),
	      f);
}

struct new_options {
	const char *dir, *metadata;
	enum help_schema schema;
	bool force;
	char **commands;
	int ncommands;
};

/* Options into o; returns -1 to go on, else the exit status. */
static int
new_option(void *cookie, const struct opt_hit *h)
{
	struct new_options *o = cookie;
	switch (h->def->id) {
	case OPT_OUTPUT:
		o->dir = h->value;
		break;
	case OPT_SCHEMA:
		if (!pshelp_schema_from_name(h->value, &o->schema))
			return pshelp_usage_error(
				PROG, print_usage,
				_("unknown schema '%s' (use 2.0.0 or "
				  "2024-05-01)"),
				h->value);
		break;
	case OPT_METADATA:
		o->metadata = h->value;
		break;
	default:
		o->force = true;
		break;
	}
	return -1;
}

static int
new_command(void *cookie, const char *arg)
{
	struct new_options *o = cookie;
	o->commands[o->ncommands++] = (char *)arg;
	return -1;
}

static int
parse_options(int argc, char **argv, struct new_options *o)
{
	static const struct pshelp_command_line cl = {
		PROG,	     option_table, NOPTIONS,   OPT_HELP,
		print_usage, new_option,   new_command
	};
	int st = pshelp_scan(argc, argv, &cl, o);
	if (st >= 0)
		return st;
	if (o->ncommands == 0)
		return pshelp_usage_error(PROG, print_usage, "%s",
					  _("no command given"));
	return -1;
}

/* Writes the page of one command; returns its exit status. */
static int
new_page(const struct new_options *o, const struct meta_set *meta,
	 const char *name)
{
	const struct meta_command *c = meta_set_find(meta, name, true);
	struct strbuf sb = STRBUF_INIT;
	struct page_meta pm;
	int rc = 0;

	if (c == NULL) {
		struct diag_ctx d;
		struct strbuf why = STRBUF_INIT;
		strbuf_init(&why);
		strbuf_addf(&why, _("no command '%s'"), name);
		diag_init(&d, NULL);
		diag_report(&d, DIAG_METADATA_INVALID, 0, 0, why.buf);
		strbuf_release(&why);
		return DIAGL_USAGE;
	}
	strbuf_init(&sb);
	page_meta_init(&pm, meta, c);
	page_new(&sb, &pm, o->schema);
	page_meta_release(&pm);
	if (o->dir == NULL) {
		fwrite(sb.buf, 1, sb.len, stdout);
	} else {
		struct strbuf path = STRBUF_INIT;
		struct diag_ctx d;
		strbuf_init(&path);
		strbuf_addf(&path, "%s/%s.md", o->dir, c->name);
		diag_init(&d, path.buf);
		if (!update_write_file(path.buf, sb.buf, sb.len, o->force, &d))
			rc = DIAGL_SYSTEM;
		strbuf_release(&path);
	}
	strbuf_release(&sb);
	return rc;
}

int
cmd_new(int argc, char **argv)
{
	struct new_options o = { .schema = HELP_SCHEMA_2_0_0 };
	struct meta_set *loaded = NULL;
	int rc = 0;

	o.commands = xcalloc((size_t)argc + 1, sizeof(*o.commands));
	if (o.commands == NULL)
		return DIAGL_SYSTEM;
	int st = parse_options(argc, argv, &o);
	if (st >= 0) {
		free(o.commands);
		return st;
	}
	if (o.metadata && !pshelp_load_metadata(o.metadata, &loaded, NULL)) {
		free(o.commands);
		return DIAGL_USAGE;
	}
	const struct meta_set *meta = loaded ? loaded : meta_builtin();
	for (int i = 0; i < o.ncommands; i++) {
		int r = new_page(&o, meta, o.commands[i]);
		if (r > rc)
			rc = r;
	}
	meta_set_free(loaded);
	free(o.commands);
	return rc;
}
