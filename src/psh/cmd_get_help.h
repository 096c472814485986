/* SPDX-License-Identifier: MIT */
/* Get-Help inside psh (see cmd_get_help.c). */
#ifndef PSHELP_PSH_CMD_GET_HELP_H
#define PSHELP_PSH_CMD_GET_HELP_H

#include <stdbool.h>

struct rt_context;

/* Get-Help for the evaluator (a psh_help_fn); paged: through $PAGER. */
int psh_get_help(struct rt_context *ctx, bool paged, void *cookie);

#endif
