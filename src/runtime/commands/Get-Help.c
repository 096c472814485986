/* SPDX-License-Identifier: MIT */
/* Get-Help: the handler, run after binding (metadata in src/meta/commands/Get-Help.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

int
rt_run_get_help(struct rt_context *ctx)
{
	if (ctx->host == NULL || ctx->host->get_help == NULL) {
		rt_exec_error(ctx, "%s", _("Help is not available here."));
		return 1;
	}
	return ctx->host->get_help(ctx);
}
