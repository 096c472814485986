/* SPDX-License-Identifier: MIT */
/* New-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

static const struct meta_param params[] = {
	META_P_ALLOW_REDIRECTION("None", { "Uri", false, NAMED, 0 }),
	META_P_APPLICATION_NAME({ "ComputerName", false, NAMED, BYPROP }),
	META_P_AUTHENTICATION("None", META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_CERTIFICATE_THUMBPRINT(META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_COMPUTER_NAME_ARRAY(
		{ "ComputerName", false, 0, BYVAL | BYPROP }),
	META_P_CONFIGURATION_NAME({ "ComputerName", false, NAMED, BYPROP },
				  { "Uri", false, NAMED, BYPROP },
				  { "VMId", false, NAMED, BYPROP },
				  { "VMName", false, NAMED, BYPROP },
				  { "ContainerId", false, NAMED, BYPROP }),
	META_P_CONNECTION_URI({ "Uri", true, 0, BYPROP }),
	META_P_CONTAINER_ID({ "ContainerId", true, NAMED, BYPROP }),
	META_P_CREDENTIAL({ "ComputerName", false, NAMED, BYPROP },
			  { "Uri", false, NAMED, BYPROP },
			  { "VMId", true, NAMED, BYPROP },
			  { "VMName", true, NAMED, BYPROP }),
	META_P_ENABLE_NETWORK_ACCESS({ "ComputerName", false, NAMED, 0 },
				     { "Uri", false, NAMED, 0 },
				     { "Session", false, NAMED, 0 }),
	META_P_HOST_NAME({ "SSHHost", true, 0, 0 }),
	META_P_KEY_FILE_PATH({ "SSHHost", false, NAMED, 0 }),
	META_P_NAME_ARRAY({ HELP_ALL_SETS, false, NAMED, 0 }),
	META_P_PORT({ "ComputerName", false, NAMED, 0 },
		    { "SSHHost", false, NAMED, 0 }),
	META_P_RUN_AS_ADMINISTRATOR({ "ContainerId", false, NAMED, 0 }),
	META_P_SESSION_ARRAY({ "Session", false, 0, BYVAL | BYPROP }),
	META_P_SESSION_OPTION(META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_SSH_CONNECTION({ "SSHHostHashParam", true, NAMED, 0 }),
	META_P_SSH_TRANSPORT({ "SSHHost", false, NAMED, 0 }),
	META_P_THROTTLE_LIMIT(
		"None", { "ComputerName", false, NAMED, 0 },
		{ "Uri", false, NAMED, 0 }, { "VMId", false, NAMED, 0 },
		{ "VMName", false, NAMED, 0 }, { "Session", false, NAMED, 0 },
		{ "ContainerId", false, NAMED, 0 }),
	META_P_USER_NAME({ "SSHHost", false, NAMED, 0 }),
	META_P_USE_SSL("None", { "ComputerName", false, NAMED, 0 }),
	META_P_VM_ID({ "VMId", true, 0, BYPROP }),
	META_P_VM_NAME({ "VMName", true, NAMED, BYPROP }),
	META_P_SUBSYSTEM({ "SSHHost", false, NAMED, BYPROP }),
	/* The yaml says Required: True, the SYNTAX line shows
	 * [-UseWindowsPowerShell]; the SYNTAX line wins. */
	{
		META_SWITCH("UseWindowsPowerShell"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "UseWindowsPowerShellParameterSet", false, NAMED,
			    0 }),
	},
};

const struct meta_command meta_cmd_new_pssession = {
	.name = "New-PSSession",
	.aliases = META_LIST("nsn"),
	.default_set = "ComputerName",
	.sets = META_LIST("ComputerName", "Uri", "VMId", "VMName", "Session",
			  "ContainerId", "UseWindowsPowerShellParameterSet",
			  "SSHHost", "SSHHostHashParam"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Creates a persistent session with a computer.",
};
