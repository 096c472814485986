/* SPDX-License-Identifier: MIT */
/* Out-Null: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	META_INPUT_OBJECT,
};

const struct meta_command meta_cmd_out_null = {
	.name = "Out-Null",
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Hides the output instead of sending it down the "
		    "pipeline or displaying it.",
};
