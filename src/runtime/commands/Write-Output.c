/* SPDX-License-Identifier: MIT */
/* Write-Output: the handler, run after binding (metadata in src/meta/commands/Write-Output.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

int
rt_run_write_output(struct rt_context *ctx)
{
	struct rt_value *v = rt_binding_get(ctx->bind, "InputObject");

	if (v == NULL)
		return 0;
	if (v->kind != RT_VAL_ARRAY ||
	    rt_binding_switch(ctx->bind, "NoEnumerate")) {
		rt_exec_emit(ctx, rt_value_ref(v));
		return 0;
	}
	for (size_t i = 0; i < v->u.array.n; i++)
		rt_exec_emit(ctx, rt_value_ref(v->u.array.v[i]));
	return 0;
}
