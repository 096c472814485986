/* SPDX-License-Identifier: MIT */
/* The interactive loop of psh and its line reader (see repl.c). */
#ifndef PSHELP_PSH_REPL_H
#define PSHELP_PSH_REPL_H

#include <stdbool.h>
#include <stdio.h>

struct psh_eval;

/*
 * Reads entries from in until end of input or `exit`, running each with
 * psh_eval_line.  With prompt, shows "PS> " (">> " for continuation
 * lines); with edit, reads through libedit.  Returns the exit status:
 * exit's code, or 1 when the last entry failed.
 */
int psh_repl(struct psh_eval *ev, FILE *in, bool prompt, bool edit);

#endif
