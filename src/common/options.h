/* SPDX-License-Identifier: MIT */
/*
 * Option tables for the programs' command lines.  One scanner serves
 * get-help, psh and pshelp: each program declares its options in a table
 * and applies what the scanner hands back; wording of errors stays the
 * program's own.
 *
 * Accepted spellings: "--name", "--name=value", "-Name", "-Name:value"
 * (PowerShell's form), a value in the next argument, "--" to end options,
 * "-" alone as an operand.  Names match case-insensitively; with
 * OPT_PREFIXES a unique prefix also matches, as PowerShell binds
 * parameter names (entries with the same id are one option).
 */
#ifndef PSHELP_OPTIONS_H
#define PSHELP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct opt_def {
	const char *name; /* without dashes: "Full", "culture", "c" */
	int id;		  /* the program's own option number */
	bool takes_value;
	bool exact; /* never matched by a prefix ("h", "?") */
};

enum opt_flags {
	OPT_PREFIXES = 1u << 0, /* a unique prefix of a name matches */
};

enum opt_status {
	OPT_OPTION,	   /* hit->def and hit->value are set */
	OPT_OPERAND,	   /* hit->arg is an operand */
	OPT_END,	   /* no more arguments */
	OPT_UNKNOWN,	   /* hit->arg names no option */
	OPT_AMBIGUOUS,	   /* hit->arg is a prefix of several */
	OPT_NEEDS_VALUE,   /* the last argument lacks its value */
	OPT_TAKES_NO_VALUE /* "--flag=value" for a flag */
};

struct opt_parser {
	int argc;
	char **argv;
	int next; /* the argument to look at next */
	bool operands_only;
	const struct opt_def *defs;
	size_t ndefs;
	unsigned flags;
};

struct opt_hit {
	const struct opt_def *def;
	const char *arg;   /* the argument as given */
	const char *value; /* the option's value, or NULL */
};

/* Scans argv[1..argc). */
void opt_init(struct opt_parser *p, int argc, char **argv,
	      const struct opt_def *defs, size_t ndefs, unsigned flags);
/* The next option or operand; after an error status the scan may go on. */
enum opt_status opt_next(struct opt_parser *p, struct opt_hit *hit);

#endif
