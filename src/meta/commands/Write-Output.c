/* SPDX-License-Identifier: MIT */
/*
 * Write-Output: parameter metadata of PowerShell 7.2.  The page lives in
 * Microsoft.PowerShell.Utility, outside the shared corpus, so this table
 * is written from PowerShell's declaration: one unnamed set.
 */
#include "meta_table.h"

static const struct meta_param params[] = {
	/* Also takes every left-over positional argument: Write-Output a b c. */
	{
		.name = "InputObject",
		.type_name = "System.Management.Automation.PSObject[]",
		.type = META_TYPE_OBJECT,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ HELP_ALL_SETS, true, 0,
			    BYVAL | HELP_PIPE_FROM_REMAINING }),
	},
	{
		META_SWITCH("NoEnumerate"),
		.default_value = "False",
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
};

const struct meta_command meta_cmd_write_output = {
	.name = "Write-Output",
	.aliases = META_LIST("echo"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Writes objects to the pipeline.",
};
