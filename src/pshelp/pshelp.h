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

int cmd_help(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_update(int argc, char **argv);

#endif
