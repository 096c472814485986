/* SPDX-License-Identifier: MIT */
/* Write-Warning: the handler (metadata in src/meta/commands/Write-Warning.c). */
#include "bind.h"
#include "handlers.h"
#include "rt_exec.h"
#include "rt_value.h"

int
rt_run_write_warning(struct rt_context *ctx)
{
	const struct rt_value *v = rt_binding_get(ctx->bind, "Message");
	/* The binder converted it to a string; Mandatory makes it present. */
	const char *msg = v && v->kind == RT_VAL_STRING ? v->u.s : "";

	rt_exec_warning(ctx, "%s", msg);
	return 0;
}
