/* SPDX-License-Identifier: MIT */
/* Exit-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static rt_handler_fn run_exit_pssession;

const struct rt_command cmd_exit_pssession = {
	.name = "Exit-PSSession",
	.aliases = RT_LIST("exsn"),
	.common_parameters = true,
	.synopsis = "Ends the interactive session.",
	.run = run_exit_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
run_exit_pssession(struct rt_context *ctx)
{
	/* Outside an entered session this does nothing, as in PowerShell. */
	if (ctx->host && ctx->host->pop_runspace)
		ctx->host->pop_runspace(ctx);
	return 0;
}
