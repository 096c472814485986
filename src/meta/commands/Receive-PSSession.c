/* SPDX-License-Identifier: MIT */
/* Receive-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		META_SETS(
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, BYPROP },
			{ "ComputerInstanceId", false, NAMED, BYPROP }),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces.AuthenticationMechanism",
		.type = META_TYPE_ENUM,
		.accepted_values = META_LIST(
			"Default", "Basic", "Negotiate",
			"NegotiateWithImplicitCredential", "Credssp", "Digest",
			"Kerberos"),
		.default_value = "Default",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ComputerName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.aliases = META_LIST("Cn"),
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerSessionName", true, 0, BYPROP },
			{ "ComputerInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, BYPROP },
			{ "ComputerInstanceId", false, NAMED, BYPROP },
			{ "ConnectionUriSessionName", false, NAMED, BYPROP },
			{ "ConnectionUriInstanceId", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri",
		.type = META_TYPE_URI,
		.aliases = META_LIST("URI", "CU"),
		.default_value = "http://localhost:5985/WSMAN",
		.supported = false,
		META_SETS(
			{ "ConnectionUriSessionName", true, 0, BYPROP },
			{ "ConnectionUriInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = META_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		META_SETS({ "Id", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid",
		.type = META_TYPE_GUID,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerInstanceId", true, NAMED, 0 },
			{ "ConnectionUriInstanceId", true, NAMED, 0 },
			{ "InstanceId", true, NAMED, 0 }),
	},
	{
		.name = "JobName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		META_SETS(
			{ "ComputerSessionName", true, NAMED, 0 },
			{ "ConnectionUriSessionName", true, NAMED, 0 },
			{ "SessionName", true, NAMED, 0 }),
	},
	{
		.name = "OutTarget",
		.type_name = "Microsoft.PowerShell.Commands.OutTarget",
		.type = META_TYPE_ENUM,
		.accepted_values = META_LIST("Default", "Host", "Job"),
		.default_value = "None",
		.supported = false,
		META_SETS({ META_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession",
		.type = META_TYPE_PSSESSION,
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
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		META_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
};

const struct meta_command cmd_receive_pssession = {
	.name = "Receive-PSSession",
	.aliases = META_LIST("rcsn"),
	.default_set = "Session",
	.sets = META_LIST(
		"Session", "Id", "ComputerSessionName", "ComputerInstanceId",
		"ConnectionUriSessionName", "ConnectionUriInstanceId",
		"InstanceId", "SessionName"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Gets what a session produced while it was disconnected.",
};
