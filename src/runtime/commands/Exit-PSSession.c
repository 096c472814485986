/* SPDX-License-Identifier: MIT */
/* Exit-PSSession: the handler, run after binding (metadata in src/meta/commands/Exit-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

int
rt_run_exit_pssession(struct rt_context *ctx)
{
	/* Outside an entered session this does nothing, as in PowerShell. */
	if (ctx->host && ctx->host->pop_runspace)
		ctx->host->pop_runspace(ctx);
	return 0;
}
