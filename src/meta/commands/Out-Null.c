/* SPDX-License-Identifier: MIT */
/* Out-Null: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		.name = "InputObject",
		.type_name = "System.Management.Automation.PSObject",
		.type = META_TYPE_OBJECT,
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(BYVAL),
	},
};

const struct meta_command meta_cmd_out_null = {
	.name = "Out-Null",
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Hides the output instead of sending it down the "
		    "pipeline or displaying it.",
};
