/* SPDX-License-Identifier: MIT */
/* Invoke-Command: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

/* Optional and named in every set but InProcess. */
/* clang-format off */
#define REMOTE_SETS_OPTIONAL                         \
	{ "FilePathRunspace", false, NAMED, 0 },     \
	{ "Session", false, NAMED, 0 },              \
	{ "FilePathComputerName", false, NAMED, 0 }, \
	{ "ComputerName", false, NAMED, 0 },         \
	{ "Uri", false, NAMED, 0 },                  \
	{ "FilePathUri", false, NAMED, 0 },          \
	{ "VMId", false, NAMED, 0 },                 \
	{ "VMName", false, NAMED, 0 },               \
	{ "FilePathVMId", false, NAMED, 0 },         \
	{ "FilePathVMName", false, NAMED, 0 },       \
	{ "SSHHost", false, NAMED, 0 },              \
	{ "ContainerId", false, NAMED, 0 },          \
	{ "FilePathContainerId", false, NAMED, 0 },  \
	{ "SSHHostHashParam", false, NAMED, 0 },     \
	{ "FilePathSSHHost", false, NAMED, 0 },      \
	{ "FilePathSSHHostHash", false, NAMED, 0 }
/* clang-format on */

/* Optional and named in the (FilePath)ComputerName and (FilePath)Uri sets. */
/* clang-format off */
#define COMPUTER_AND_URI_SETS_OPTIONAL               \
	{ "FilePathComputerName", false, NAMED, 0 }, \
	{ "ComputerName", false, NAMED, 0 },         \
	{ "Uri", false, NAMED, 0 },                  \
	{ "FilePathUri", false, NAMED, 0 }
/* clang-format on */

static const struct meta_param params[] = {
	META_P_ALLOW_REDIRECTION("False", { "Uri", false, NAMED, 0 },
				 { "FilePathUri", false, NAMED, 0 }),
	{
		META_STRING("ApplicationName"),
		.default_value = "$PSSessionApplicationName if set on the "
				 "local computer, "
				 "otherwise WSMAN",
		.supported = false,
		META_SETS({ "FilePathComputerName", false, NAMED, BYPROP },
			  { "ComputerName", false, NAMED, BYPROP }),
	},
	{
		.name = "ArgumentList",
		.type_name = "System.Object[]",
		.type = META_TYPE_OBJECT,
		.is_array = true,
		.aliases = META_LIST("Args"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_SWITCH("AsJob"),
		.default_value = "False",
		.supported = true,
		META_SETS(REMOTE_SETS_OPTIONAL),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces."
			     "AuthenticationMechanism",
		.type = META_TYPE_ENUM,
		.accepted_values = META_LIST("Basic", "Default", "Credssp",
					     "Digest", "Kerberos", "Negotiate",
					     "NegotiateWithImplicitCredential"),
		.default_value = "Default",
		.supported = false,
		META_SETS(COMPUTER_AND_URI_SETS_OPTIONAL),
	},
	META_P_CERTIFICATE_THUMBPRINT(META_COMPUTER_NAME_URI_OPTIONAL),
	{
		META_STRINGS("ComputerName"),
		.aliases = META_LIST("Cn"),
		.default_value = "Local computer",
		.supported = true,
		META_SETS({ "FilePathComputerName", false, 0, 0 },
			  { "ComputerName", false, 0, 0 }),
	},
	{
		META_STRING("ConfigurationName"),
		.default_value = "$PSSessionConfigurationName if set on the "
				 "local computer, "
				 "otherwise Microsoft.PowerShell",
		.supported = true,
		META_SETS({ "FilePathComputerName", false, NAMED, BYPROP },
			  { "ComputerName", false, NAMED, BYPROP },
			  { "Uri", false, NAMED, BYPROP },
			  { "FilePathUri", false, NAMED, BYPROP },
			  { "VMId", false, NAMED, BYPROP },
			  { "VMName", false, NAMED, BYPROP },
			  { "FilePathVMId", false, NAMED, BYPROP },
			  { "FilePathVMName", false, NAMED, BYPROP },
			  { "ContainerId", false, NAMED, BYPROP },
			  { "FilePathContainerId", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = META_TYPE_URI,
		.is_array = true,
		.aliases = META_LIST("URI", "CU"),
		.default_value = "http://localhost:5985/WSMAN",
		.supported = false,
		META_SETS({ "Uri", false, 0, 0 },
			  { "FilePathUri", false, 0, 0 }),
	},
	META_P_CONTAINER_ID({ "ContainerId", true, NAMED, BYPROP },
			    { "FilePathContainerId", true, NAMED, BYPROP }),
	META_P_CREDENTIAL({ "FilePathComputerName", false, NAMED, BYPROP },
			  { "ComputerName", false, NAMED, BYPROP },
			  { "Uri", false, NAMED, BYPROP },
			  { "FilePathUri", false, NAMED, BYPROP },
			  { "VMId", true, NAMED, BYPROP },
			  { "VMName", true, NAMED, BYPROP },
			  { "FilePathVMId", true, NAMED, BYPROP },
			  { "FilePathVMName", true, NAMED, BYPROP }),
	{
		META_SWITCH("EnableNetworkAccess"),
		.default_value = "False",
		.supported = false,
		META_SETS(COMPUTER_AND_URI_SETS_OPTIONAL),
	},
	/* The yaml says Position 1, but the SYNTAX lines of the two SSH file
	 * path sets show -FilePath as named; the SYNTAX lines win. */
	{
		META_STRING("FilePath"),
		.aliases = META_LIST("PSPath"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "FilePathRunspace", true, 1, 0 },
			  { "FilePathComputerName", true, 1, 0 },
			  { "FilePathUri", true, 1, 0 },
			  { "FilePathVMId", true, 1, 0 },
			  { "FilePathVMName", true, 1, 0 },
			  { "FilePathContainerId", true, 1, 0 },
			  { "FilePathSSHHost", true, NAMED, 0 },
			  { "FilePathSSHHostHash", true, NAMED, 0 }),
	},
	{
		META_SWITCH("HideComputerName"),
		.aliases = META_LIST("HCN"),
		.default_value = "False",
		.supported = true,
		META_SETS(REMOTE_SETS_OPTIONAL),
	},
	META_P_HOST_NAME({ "SSHHost", true, NAMED, 0 },
			 { "FilePathSSHHost", true, NAMED, 0 }),
	{
		META_SWITCH("InDisconnectedSession"),
		.aliases = META_LIST("Disconnected"),
		.default_value = "False",
		.supported = true,
		META_SETS(COMPUTER_AND_URI_SETS_OPTIONAL),
	},
	META_INPUT_OBJECT,
	{
		META_STRING("JobName"),
		.default_value = "Job<n>",
		.supported = true,
		META_SETS({ "FilePathRunspace", false, NAMED, 0 },
			  { "Session", false, NAMED, 0 },
			  { "FilePathComputerName", false, NAMED, 0 },
			  { "ComputerName", false, NAMED, 0 },
			  { "Uri", false, NAMED, 0 },
			  { "FilePathUri", false, NAMED, 0 },
			  { "SSHHost", false, NAMED, 0 },
			  { "ContainerId", false, NAMED, 0 },
			  { "FilePathContainerId", false, NAMED, 0 },
			  { "SSHHostHashParam", false, NAMED, 0 }),
	},
	META_P_KEY_FILE_PATH({ "SSHHost", false, NAMED, 0 },
			     { "FilePathSSHHost", false, NAMED, 0 }),
	{
		META_SWITCH("NoNewScope"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "InProcess", false, NAMED, 0 }),
	},
	META_P_PORT({ "FilePathComputerName", false, NAMED, 0 },
		    { "ComputerName", false, NAMED, 0 },
		    { "SSHHost", false, NAMED, 0 }),
	{
		META_SWITCH("RemoteDebug"),
		.default_value = "False",
		.supported = false,
		META_SETS(REMOTE_SETS_OPTIONAL),
	},
	{
		META_SWITCH("RunAsAdministrator"),
		.default_value = "False",
		.supported = false,
		META_SETS({ "ContainerId", false, NAMED, 0 },
			  { "FilePathContainerId", false, NAMED, 0 }),
	},
	/* The yaml collapses positions to 0.  PowerShell declares
	 * -ScriptBlock at position 1 in every remote set (after -Session,
	 * -ComputerName, -ConnectionUri or -VMId) and 0 only in InProcess;
	 * the SYNTAX lines agree that both are positional. */
	{
		.name = "ScriptBlock",
		.type_name = "System.Management.Automation.ScriptBlock",
		.type = META_TYPE_SCRIPTBLOCK,
		.aliases = META_LIST("Command"),
		.default_value = "None",
		.supported = true,
		META_SETS({ "InProcess", true, 0, 0 },
			  { "Session", true, 1, 0 },
			  { "ComputerName", true, 1, 0 }, { "Uri", true, 1, 0 },
			  { "VMId", true, 1, 0 }, { "VMName", true, 1, 0 },
			  { "SSHHost", true, 1, 0 },
			  { "ContainerId", true, 1, 0 },
			  { "SSHHostHashParam", true, 1, 0 }),
	},
	META_P_SESSION_ARRAY({ "FilePathRunspace", false, 0, 0 },
			     { "Session", false, 0, 0 }),
	{
		META_STRINGS("SessionName"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "FilePathComputerName", false, NAMED, 0 },
			  { "ComputerName", false, NAMED, 0 }),
	},
	META_P_SESSION_OPTION(COMPUTER_AND_URI_SETS_OPTIONAL),
	META_P_SSH_CONNECTION({ "SSHHostHashParam", true, NAMED, 0 },
			      { "FilePathSSHHostHash", true, NAMED, 0 }),
	{
		META_SWITCH("SSHTransport"),
		.accepted_values = META_LIST("true"),
		.default_value = "False",
		.supported = false,
		META_SETS({ "SSHHost", false, NAMED, 0 },
			  { "FilePathSSHHost", false, NAMED, 0 }),
	},
	META_P_THROTTLE_LIMIT(
		"32", { "FilePathRunspace", false, NAMED, 0 },
		{ "Session", false, NAMED, 0 },
		{ "FilePathComputerName", false, NAMED, 0 },
		{ "ComputerName", false, NAMED, 0 }, { "Uri", false, NAMED, 0 },
		{ "FilePathUri", false, NAMED, 0 }, { "VMId", false, NAMED, 0 },
		{ "VMName", false, NAMED, 0 },
		{ "FilePathVMId", false, NAMED, 0 },
		{ "FilePathVMName", false, NAMED, 0 },
		{ "ContainerId", false, NAMED, 0 },
		{ "FilePathContainerId", false, NAMED, 0 }),
	META_P_USER_NAME({ "SSHHost", false, NAMED, 0 },
			 { "FilePathSSHHost", false, NAMED, 0 }),
	META_P_USE_SSL("False", { "FilePathComputerName", false, NAMED, 0 },
		       { "ComputerName", false, NAMED, 0 }),
	META_P_VM_ID({ "VMId", true, 0, BYPROP },
		     { "FilePathVMId", true, 0, BYPROP }),
	META_P_VM_NAME({ "VMName", true, NAMED, BYPROP },
		       { "FilePathVMName", true, NAMED, BYPROP }),
	META_P_SUBSYSTEM({ "SSHHost", false, NAMED, BYPROP }),
};

const struct meta_command meta_cmd_invoke_command = {
	.name = "Invoke-Command",
	.aliases = META_LIST("icm"),
	.default_set = "InProcess",
	.sets = META_LIST("InProcess", "FilePathRunspace", "Session",
			  "FilePathComputerName", "ComputerName", "Uri",
			  "FilePathUri", "VMId", "VMName", "FilePathVMId",
			  "FilePathVMName", "SSHHost", "ContainerId",
			  "FilePathContainerId", "SSHHostHashParam",
			  "FilePathSSHHost", "FilePathSSHHostHash"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Runs a script block here or in one or more sessions.",
};
