/* SPDX-License-Identifier: MIT */
/* Disconnect-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = META_TYPE_INT32,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Id", true, 1, BYPROP }),
	},
	{
		.name = "IdleTimeoutSec",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		/* ENDPOINT_DEFAULT_IDLE_SEC; the PowerShell page says 60. */
		.default_value = "7200",
		.supported = true,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid[]",
		.type = META_TYPE_GUID,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "InstanceId", true, NAMED, BYPROP }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "Name", true, NAMED, BYPROP }),
	},
	{
		.name = "Session",
		.type_name =
			"System.Management.Automation.Runspaces.PSSession[]",
		.type = META_TYPE_PSSESSION,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Session", true, 1, BYVAL | BYPROP }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "32",
		.supported = true,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "OutputBufferingMode",
		.type_name = "System.Management.Automation.Runspaces."
			     "OutputBufferingMode",
		.type = META_TYPE_ENUM,
		.default_value = "Block",
		.supported = false,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
};

const struct meta_command cmd_disconnect_pssession = {
	.name = "Disconnect-PSSession",
	.aliases = META_LIST("dnsn"),
	.default_set = "Session",
	.sets = META_LIST("Session", "Name", "InstanceId", "Id"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis =
		"Disconnects from sessions and leaves their endpoints running.",
};
