/* SPDX-License-Identifier: MIT */
/* Get-Command: parameter metadata of PowerShell 7.2 (en-US page). */
#include "common_params.h"
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		META_SWITCH("All"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(BYPROP),
	},
	{
		.name = "ArgumentList",
		.type_name = "System.Object[]",
		.type = META_TYPE_OBJECT,
		.is_array = true,
		.aliases = META_LIST("Args"),
		.default_value = "None",
		.supported = false,
		META_SETS({ HELP_ALL_SETS, false, 1, 0 }),
	},
	{
		.name = "CommandType",
		.type_name = "System.Management.Automation.CommandTypes",
		.type = META_TYPE_ENUM,
		.aliases = META_LIST("Type"),
		.accepted_values =
			META_LIST("Alias", "Function", "Filter", "Cmdlet",
				  "ExternalScript", "Application", "Script",
				  "Workflow", "Configuration", "All"),
		.default_value = "None",
		.supported = true,
		META_SETS({ "AllCommandSet", false, NAMED, BYPROP }),
	},
	{
		.name = "FullyQualifiedModule",
		.type_name =
			"Microsoft.PowerShell.Commands.ModuleSpecification[]",
		.type = META_TYPE_OBJECT,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		META_ALL_SETS_NAMED(BYPROP),
	},
	{
		META_SWITCH("ListImported"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(BYPROP),
	},
	{
		META_STRINGS("Module"),
		.aliases = META_LIST("PSSnapin"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_ALL_SETS_NAMED(BYPROP),
	},
	META_P_NAME_ARRAY_WILDCARDS(
		{ "AllCommandSet", false, 0, BYVAL | BYPROP }),
	{
		META_STRINGS("Noun"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "CmdletSet", false, NAMED, BYPROP }),
	},
	{
		META_STRINGS("ParameterName"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
	{
		.name = "ParameterType",
		.type_name = "System.Management.Automation.PSTypeName[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_SWITCH("ShowCommandInfo"),
		.default_value = "None",
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_SWITCH("Syntax"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(BYPROP),
	},
	{
		META_INT32("TotalCount"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(BYPROP),
	},
	{
		META_SWITCH("UseAbbreviationExpansion"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "AllCommandSet", false, NAMED, BYPROP }),
	},
	{
		META_SWITCH("UseFuzzyMatching"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "AllCommandSet", false, NAMED, 0 }),
	},
	{
		META_STRINGS("Verb"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "CmdletSet", false, NAMED, BYPROP }),
	},
};

const struct meta_command meta_cmd_get_command = {
	.name = "Get-Command",
	.aliases = META_LIST("gcm"),
	.default_set = "CmdletSet",
	.sets = META_LIST("CmdletSet", "AllCommandSet"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Gets the commands of this runtime.",
};
