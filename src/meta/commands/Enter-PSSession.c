/* SPDX-License-Identifier: MIT */
/* Enter-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

static const struct meta_param params[] = {
	META_P_ALLOW_REDIRECTION("None", { "Uri", false, NAMED, 0 }),
	META_P_APPLICATION_NAME({ "ComputerName", false, NAMED, BYPROP }),
	META_P_AUTHENTICATION("None", META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_CERTIFICATE_THUMBPRINT(META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_COMPUTER_NAME({ "ComputerName", true, 0, BYVAL | BYPROP }),
	META_P_CONFIGURATION_NAME({ "ComputerName", false, NAMED, BYPROP },
				  { "Uri", false, NAMED, BYPROP },
				  { "VMId", false, NAMED, BYPROP },
				  { "VMName", false, NAMED, BYPROP },
				  { "ContainerId", false, NAMED, BYPROP }),
	/* The page gives ConnectionUri and Credential the same Position, 1,
	 * in the Uri set; kept as documented (the binder tries them in
	 * table order). */
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri",
		.type = META_TYPE_URI,
		.aliases = META_LIST("URI", "CU"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "Uri", false, 1, BYPROP }),
	},
	{
		META_STRING("ContainerId"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "ContainerId", true, 0, BYVAL | BYPROP }),
	},
	META_P_CREDENTIAL({ "ComputerName", false, 1, BYPROP },
			  { "Uri", false, 1, BYPROP },
			  { "VMId", true, 1, BYPROP },
			  { "VMName", true, 1, BYPROP }),
	META_P_ENABLE_NETWORK_ACCESS(META_COMPUTER_NAME_URI_OPTIONAL),
	{
		META_STRING("HostName"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "SSHHost", true, 0, BYVAL }),
	},
	META_P_ID({ "Id", false, 0, BYPROP }),
	META_P_INSTANCE_ID({ "InstanceId", false, NAMED, BYPROP }),
	META_P_KEY_FILE_PATH({ "SSHHost", false, NAMED, 0 }),
	META_P_NAME({ "Name", false, NAMED, BYPROP }),
	META_P_PORT({ "ComputerName", false, NAMED, 0 },
		    { "SSHHost", false, NAMED, 0 }),
	META_P_RUN_AS_ADMINISTRATOR({ "ContainerId", false, NAMED, 0 }),
	META_P_SESSION({ "Session", false, 0, BYVAL | BYPROP }),
	META_P_SESSION_OPTION(META_COMPUTER_NAME_URI_OPTIONAL),
	META_P_SSH_TRANSPORT({ "SSHHost", false, NAMED, 0 }),
	/*
	 * The yaml block puts -Subsystem in the SSHHost set, though no
	 * SYNTAX line of the page shows it.  The runtime follows the yaml:
	 * in no set the parameter could never bind, so it could not say
	 * that it is not supported.
	 */
	META_P_SUBSYSTEM({ "SSHHost", false, NAMED, BYPROP }),
	META_P_USER_NAME({ "SSHHost", false, NAMED, 0 }),
	META_P_USE_SSL("None", { "ComputerName", false, NAMED, 0 }),
	{
		.name = "VMId",
		.type_name = "System.Guid",
		.type = META_TYPE_GUID,
		.aliases = META_LIST("VMGuid"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "VMId", true, 0, BYVAL | BYPROP }),
	},
	{
		META_STRING("VMName"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "VMName", true, 0, BYVAL | BYPROP }),
	},
};

const struct meta_command meta_cmd_enter_pssession = {
	.name = "Enter-PSSession",
	.aliases = META_LIST("etsn"),
	.default_set = "ComputerName",
	.sets = META_LIST("ComputerName", "SSHHost", "Session", "Uri",
			  "InstanceId", "Id", "Name", "VMId", "VMName",
			  "ContainerId"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Starts an interactive session with a computer.",
};
