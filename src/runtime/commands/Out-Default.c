/* SPDX-License-Identifier: MIT */
/* Out-Default: the handler, run after binding (metadata in src/meta/commands/Out-Default.c). */
#include "handlers.h"

#include "rt_exec.h"

/*
 * The default formatter and output: what reaches the end of a pipeline,
 * sent to Out-Host.  -Transcript writes to the transcript alone, and
 * psh keeps none, so it drops the output.
 */
int
rt_run_out_default(struct rt_context *ctx)
{
	if (rt_binding_switch(ctx->bind, "Transcript"))
		return 0;
	rt_out_host_collect(ctx, rt_binding_get(ctx->bind, "InputObject"));
	return 0;
}

int
rt_end_out_default(struct rt_context *ctx)
{
	rt_out_host_write(ctx, *ctx->state);
	return 0;
}
