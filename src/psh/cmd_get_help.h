/* SPDX-License-Identifier: MIT */
/* Get-Help inside psh (see cmd_get_help.c). */
#ifndef PSHELP_PSH_CMD_GET_HELP_H
#define PSHELP_PSH_CMD_GET_HELP_H

#include <stdbool.h>

struct rt_command;
struct rt_context;

/* Set before running Get-Help for `help`: page the text on a terminal. */
extern bool psh_help_paged;

/* The handler behind Get-Help (installed as psh_get_help_hook). */
int psh_get_help(struct rt_context *ctx);

/* PowerShell's partial help of a command without a page (caller frees). */
char *psh_partial_help(const struct rt_command *c);

#endif
