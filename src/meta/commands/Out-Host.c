/* SPDX-License-Identifier: MIT */
/*
 * Out-Host: parameter metadata of PowerShell 7.2 (en-US page).  Table order
 * is by name, as the pages list them (PowerShell itself shows -Paging
 * first).
 */
#include "meta_table.h"

static const struct meta_param params[] = {
	META_INPUT_OBJECT,
	/* psh has no pager of its own for command output. */
	{
		META_SWITCH("Paging"),
		.default_value = "None",
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
};

const struct meta_command meta_cmd_out_host = {
	.name = "Out-Host",
	.aliases = META_LIST("oh"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Sends output to the command line.",
};
