/* SPDX-License-Identifier: MIT */
/*
 * pshelp help [COMMAND]: the usage of pshelp, or of one subcommand (its
 * --help text, which pshelp(1) repeats).  The text is the program's own,
 * so it is there even where the man page is not installed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "i18n.h"
#include "options.h"
#include "pshelp.h"

enum opt_id { OPT_HELP };

static const struct opt_def option_table[] = {
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
help_usage(FILE *f)
{
	fputs(_("Usage: pshelp help [COMMAND]\n"
		"Show the options of COMMAND, or the list of commands.\n"
		"\n"
		"  -h, --help  show this help and exit\n"),
	      f);
}

int
cmd_help(int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;
	const char *name = NULL;

	opt_init(&p, argc, argv, option_table, NOPTIONS, 0);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		if (st == OPT_OPTION) {
			help_usage(stdout);
			return 0;
		}
		if (st != OPT_OPERAND)
			return pshelp_usage_error("pshelp help", help_usage,
						  _("unknown option '%s'"),
						  h.arg);
		if (name)
			return pshelp_usage_error(
				"pshelp help", help_usage,
				_("more than one command given: "
				  "'%s'"),
				h.arg);
		name = h.arg;
	}
	if (name == NULL) {
		pshelp_usage(stdout);
		return 0;
	}
	return pshelp_command_help(name);
}
