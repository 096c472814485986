/* SPDX-License-Identifier: MIT */
/*
 * pshelp: the authors' and translators' program.  One table names every
 * subcommand, its function and its summary: main() dispatches through it
 * and the usage text is printed from it, so they cannot disagree (as in
 * git).  Exit statuses are pshelp(1)'s: the worst diagnostic level, 5 for
 * bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "culture.h"
#include "i18n.h"
#include "options.h"
#include "pshelp.h"

#define PROG "pshelp"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary; /* N_(): translated when printed */
};

static const struct command commands[] = {
	{ "validate", cmd_validate,
	  N_("check pages against the metadata, their roots and their "
	     "en-US source") },
	{ "new", cmd_new,
	  N_("write a complete page for a command from its "
	     "metadata") },
	{ "update", cmd_update,
	  N_("bring pages in line with the metadata, keeping their prose") },
	{ "pot", cmd_pot,
	  N_("write the translatable text of English pages as a PO "
	     "template") },
	{ "translate", cmd_translate,
	  N_("write a localized page from an English page and a catalog") },
	{ "gettextize", cmd_gettextize,
	  N_("make a catalog from an existing translation of a page") },
	{ "lint", cmd_lint,
	  N_("check translations against their English") },
	{ "index", cmd_index, N_("build or refresh the search index of help roots") },
	{ "help", cmd_help, N_("show the help of a subcommand") },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

enum opt_id { OPT_HELP, OPT_VERSION };

static const struct opt_def option_table[] = {
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
	{ "version", OPT_VERSION, false, false },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

/* Declared in cmd_help.c too (pshelp help uses the table). */

void
pshelp_usage(FILE *f)
{
	fprintf(f, _("Usage: %s COMMAND [OPTION]... [ARG]...\n"), PROG);
	fputs(_("Check and update platyPS help pages against the command "
		"metadata, and\ntranslate them through PO catalogs.\n\n"
		"Commands:\n"),
	      f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
			_(commands[i].summary));
	fputs(_("\nOptions:\n"
		"  -h, --help     show this help and exit\n"
		"      --version  show the version and exit\n"
		"\n"
		"Run 'pshelp COMMAND --help' or 'pshelp help COMMAND' for the "
		"options of a\n"
		"command.  See pshelp(1).\n"),
	      f);
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
pshelp_command_help(const char *name)
{
	const struct command *c = find_command(name);
	if (c == NULL) {
		pshelp_usage_error(PROG, NULL,
				   _("'%s' is not a pshelp command"), name);
		pshelp_usage(stderr);
		return DIAGL_USAGE;
	}
	char *argv[] = { (char *)c->name, (char *)"--help", NULL };
	return c->run(2, argv);
}

/* Options before the command: --help, --version, or a usage error. */
static int
main_options(int argc, char **argv, int *first)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;
	opt_init(&p, argc, argv, option_table, NOPTIONS, 0);
	for (;;) {
		st = opt_next(&p, &h);
		if (st == OPT_END || st == OPT_OPERAND) {
			/* The operand is the argument just scanned. */
			*first = st == OPT_END ? argc : p.next - 1;
			return -1;
		}
		if (st != OPT_OPTION) {
			pshelp_usage_error(PROG, NULL, _("unknown option '%s'"),
					   h.arg);
			pshelp_usage(stderr);
			return DIAGL_USAGE;
		}
		if (h.def->id == OPT_HELP) {
			pshelp_usage(stdout);
			return 0;
		}
		printf("%s %s\n", PROG, PSHELP_VERSION);
		return 0;
	}
}

static int
finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			perror(PROG ": stdout");
		return DIAGL_SYSTEM;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	culture_init_messages(NULL);
	int first = argc;
	int rc = main_options(argc, argv, &first);
	if (rc >= 0)
		return finish(rc);
	if (first >= argc) {
		pshelp_usage(stderr);
		return DIAGL_USAGE;
	}
	const struct command *c = find_command(argv[first]);
	if (c == NULL) {
		pshelp_usage_error(PROG, NULL,
				   _("'%s' is not a pshelp command"),
				   argv[first]);
		pshelp_usage(stderr);
		return DIAGL_USAGE;
	}
	return finish(c->run(argc - first, argv + first));
}
