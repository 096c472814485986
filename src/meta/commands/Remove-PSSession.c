/* SPDX-License-Identifier: MIT */
/* Remove-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		META_STRINGS("ComputerName"),
		.aliases = META_LIST("Cn"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "ComputerName", true, 0, BYPROP }),
	},
	META_P_CONTAINER_ID({ "ContainerId", true, NAMED, BYPROP }),
	META_P_ID_ARRAY({ "Id", true, 0, BYPROP }),
	META_P_INSTANCE_ID_ARRAY({ "InstanceId", true, NAMED, BYPROP }),
	META_P_NAME_ARRAY_WILDCARDS({ "Name", true, NAMED, BYPROP }),
	META_P_SESSION_ARRAY({ "Session", true, 0, BYVAL | BYPROP }),
	META_P_VM_ID({ "VMId", true, NAMED, BYPROP }),
	META_P_VM_NAME({ "VMName", true, NAMED, BYPROP }),
};

const struct meta_command meta_cmd_remove_pssession = {
	.name = "Remove-PSSession",
	.aliases = META_LIST("rsn"),
	.default_set = "Id",
	.sets = META_LIST("Id", "Session", "ContainerId", "VMId", "VMName",
			  "InstanceId", "Name", "ComputerName"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Closes sessions and ends their endpoints.",
};
