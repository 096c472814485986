/* SPDX-License-Identifier: MIT */
/*
 * pshelp: the authors' and translators' program.  main.c parses the
 * subcommand name and dispatches through one table; each cmd_*.c parses
 * its own options and calls its stage.
 *
 * A subcommand gets argv with argv[0] = its name and returns the exit
 * status (see pshelp(1)).
 */
#ifndef PSHELP_PSHELP_H
#define PSHELP_PSHELP_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "help_model.h"
#include "meta.h"
#include "options.h"

int cmd_help(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_update(int argc, char **argv);
int cmd_pot(int argc, char **argv);
int cmd_translate(int argc, char **argv);
int cmd_gettextize(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_index(int argc, char **argv);

/* pages.c: a list of strings, and the pages of the operands. */
struct strv {
	char **v;
	size_t n, cap;
};
void strv_push(struct strv *s, char *str);
/*
 * The pages of operands (files as named, folders walked for *.md in byte
 * order) in out, sorted, each once, owned by out; a warning naming prog
 * on stderr when a walk was cut short.
 */
void pshelp_collect_pages(struct strv *out, const struct strv *operands,
			  const char *prog, struct diag_ctx *dx);

/* main.c: the dispatch table's usage, and a subcommand's --help. */
void pshelp_usage(FILE *f);
int pshelp_command_help(const char *name);

/* cli.c: what the subcommands' command lines share. */

/*
 * "PROG: error: MESSAGE" on stderr (fmt has one %s, for arg, which is
 * neutralized), then usage(stderr) when usage is not NULL.  Returns the
 * exit status of bad usage.
 */
int pshelp_usage_error(const char *prog, void (*usage)(FILE *f),
		       const char *fmt, const char *arg);
/* The same for a scanner status: unknown option, value missing or extra. */
int pshelp_option_error(const char *prog, void (*usage)(FILE *f),
			enum opt_status st, const char *arg);
/* A subcommand's command line: its options and what to do with each. */
struct pshelp_command_line {
	const char *prog; /* "pshelp pot", for messages */
	const struct opt_def *options;
	size_t noptions;
	int help_id; /* the id of -h and --help: usage on stdout, exit 0 */
	void (*usage)(FILE *f);
	/* Each returns -1 to go on, or the exit status to stop with. */
	int (*option)(void *cookie, const struct opt_hit *h);
	int (*operand)(void *cookie, const char *arg);
};

/*
 * Scans argv with cl: -1 when every argument was taken, else the exit
 * status to return (0 after --help, 5 after a usage error).
 */
int pshelp_scan(int argc, char **argv, const struct pshelp_command_line *cl,
		void *cookie);

/* --schema 2.0.0|2024-05-01; false for anything else. */
bool pshelp_schema_from_name(const char *name, enum help_schema *schema);
/*
 * --metadata FILE: the tables it holds, or false after reporting
 * metadata-invalid against FILE to a copy of dx (NULL: stderr).
 */
bool pshelp_load_metadata(const char *path, struct meta_set **out,
			  const struct diag_ctx *dx);

#endif
