/* SPDX-License-Identifier: MIT */
/* Start-Sleep: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

/* clang-format off */
static const struct meta_param params[] = {
	{
		.name = "Milliseconds",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.aliases = META_LIST("ms"),
		.default_value = "None",
		.supported = true,
		META_SETS({ "Milliseconds", true, NAMED, BYPROP }),
	},
	{
		.name = "Seconds",
		.type_name = "System.Double",
		.type = META_TYPE_OBJECT,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Seconds", true, 0, BYVAL | BYPROP }),
	},
};
/* clang-format on */

const struct meta_command meta_cmd_start_sleep = {
	.name = "Start-Sleep",
	.aliases = META_LIST("sleep"),
	.default_set = "Seconds",
	.sets = META_LIST("Seconds", "Milliseconds"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Suspends the activity in a script or session for the specified period of time.",
};
