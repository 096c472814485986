/* SPDX-License-Identifier: MIT */
/* Disconnect-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

static const struct meta_param params[] = {
	META_P_ID_ARRAY({ "Id", true, 1, BYPROP }),
	{
		META_INT32("IdleTimeoutSec"),
		/* ENDPOINT_DEFAULT_IDLE_SEC; the PowerShell page says 60. */
		.default_value = "7200",
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
	META_P_INSTANCE_ID_ARRAY({ "InstanceId", true, NAMED, BYPROP }),
	META_P_NAME_ARRAY_WILDCARDS({ "Name", true, NAMED, BYPROP }),
	META_P_SESSION_ARRAY({ "Session", true, 1, BYVAL | BYPROP }),
	META_P_THROTTLE_LIMIT("32", { HELP_ALL_SETS, false, NAMED, 0 }),
	{
		.name = "OutputBufferingMode",
		.type_name = "System.Management.Automation.Runspaces."
			     "OutputBufferingMode",
		.type = META_TYPE_ENUM,
		.default_value = "Block",
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
};

const struct meta_command meta_cmd_disconnect_pssession = {
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
