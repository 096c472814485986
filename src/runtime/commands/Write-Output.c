/* SPDX-License-Identifier: MIT */
/*
 * Write-Output: parameter metadata of PowerShell 7.2.  The page lives in
 * Microsoft.PowerShell.Utility, outside the shared corpus, so this table
 * is written from PowerShell's declaration: one unnamed set.
 */
#include "cmd_table.h"

static const struct rt_param params[] = {
	/* Also takes every left-over positional argument: Write-Output a b c. */
	{
		.name = "InputObject",
		.type_name = "System.Management.Automation.PSObject[]",
		.type = RT_TYPE_OBJECT,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, true, 0,
			  BYVAL | RT_PIPE_FROM_REMAINING }),
	},
	{
		.name = "NoEnumerate",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
};

static rt_handler_fn run_write_output;

const struct rt_command cmd_write_output = {
	.name = "Write-Output",
	.aliases = RT_LIST("echo"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Writes objects to the pipeline.",
	.run = run_write_output,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
run_write_output(struct rt_context *ctx)
{
	struct rt_value *v = rt_binding_get(ctx->bind, "InputObject");

	if (v == NULL)
		return 0;
	if (v->kind != RT_VAL_ARRAY || rt_binding_switch(ctx->bind, "NoEnumerate")) {
		rt_exec_emit(ctx, rt_value_ref(v));
		return 0;
	}
	for (size_t i = 0; i < v->u.array.n; i++)
		rt_exec_emit(ctx, rt_value_ref(v->u.array.v[i]));
	return 0;
}
