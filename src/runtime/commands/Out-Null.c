/* SPDX-License-Identifier: MIT */
/* Out-Null: the handler, run after binding (metadata in src/meta/commands/Out-Null.c). */
#include "handlers.h"

#include "rt_exec.h"

/* Discards its input: nothing goes down the pipeline or to the host. */
int
rt_run_out_null(struct rt_context *ctx)
{
	(void)ctx;
	return 0;
}
