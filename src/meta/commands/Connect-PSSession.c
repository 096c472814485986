/* SPDX-License-Identifier: MIT */
/* Connect-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP }),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces.AuthenticationMechanism",
		.type = META_TYPE_ENUM,
		.accepted_values = META_LIST(
			"Default", "Basic", "Negotiate",
			"NegotiateWithImplicitCredential", "Credssp", "Digest",
			"Kerberos"),
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "ComputerName",
		.type_name = "System.String[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.aliases = META_LIST("Cn"),
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerNameGuid", true, NAMED, 0 },
			{ "ComputerName", true, NAMED, 0 }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP },
			{ "ConnectionUriGuid", false, NAMED, BYPROP },
			{ "ConnectionUri", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = META_TYPE_URI,
		.is_array = true,
		.aliases = META_LIST("URI", "CU"),
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ConnectionUriGuid", true, 0, BYPROP },
			{ "ConnectionUri", true, 0, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = META_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = META_TYPE_INT32,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Id", true, 0, BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid[]",
		.type = META_TYPE_GUID,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerNameGuid", true, NAMED, 0 },
			{ "ConnectionUriGuid", true, NAMED, 0 },
			{ "InstanceId", true, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "Name", true, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession[]",
		.type = META_TYPE_PSSESSION,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Session", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = META_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
	},
};

const struct meta_command cmd_connect_pssession = {
	.name = "Connect-PSSession",
	.aliases = META_LIST("cnsn"),
	.default_set = "Name",
	.sets = META_LIST(
		"Name", "Session", "ComputerNameGuid", "ComputerName",
		"ConnectionUriGuid", "ConnectionUri", "InstanceId", "Id"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Reconnects to disconnected sessions.",
};
