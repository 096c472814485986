/* SPDX-License-Identifier: MIT */
/*
 * Out-Default: parameter metadata of PowerShell 7.2 (en-US page).  Table order
 * is by name, as the pages list them (PowerShell itself shows -Transcript
 * first).
 */
#include "meta_table.h"

static const struct meta_param params[] = {
	META_INPUT_OBJECT,
	/* Output only to the transcript: psh has none, so it is dropped. */
	{
		META_SWITCH("Transcript"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
};

const struct meta_command meta_cmd_out_default = {
	.name = "Out-Default",
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Sends the output to the default formatter and to the "
		    "default output cmdlet.",
};
