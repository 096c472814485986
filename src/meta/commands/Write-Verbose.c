/* SPDX-License-Identifier: MIT */
/*
 * Write-Verbose: parameter metadata of PowerShell 7.2.  The page lives in
 * Microsoft.PowerShell.Utility, outside the shared corpus, so this table
 * is written from PowerShell's declaration: one unnamed set.
 */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		META_STRING("Message"),
		.aliases = META_LIST("Msg"),
		.default_value = "None",
		.supported = true,
		META_SETS({ HELP_ALL_SETS, true, 0, BYVAL }),
	},
};

const struct meta_command meta_cmd_write_verbose = {
	.name = "Write-Verbose",
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Writes text to the verbose message stream.",
};
