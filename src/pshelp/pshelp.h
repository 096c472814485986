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

#include <stdio.h>

int cmd_help(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_update(int argc, char **argv);

/* main.c: the dispatch table's usage, and a subcommand's --help. */
void pshelp_usage(FILE *f);
int pshelp_command_help(const char *name);

#endif
