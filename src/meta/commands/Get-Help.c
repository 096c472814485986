/* SPDX-License-Identifier: MIT */
/* Get-Help: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		META_STRINGS("Category"),
		.accepted_values = META_LIST(
			"Alias", "Cmdlet", "Provider", "General", "FAQ",
			"Glossary", "HelpFile", "ScriptCommand", "Function",
			"Filter", "ExternalScript", "All", "DefaultHelp",
			"Workflow", "DscResource", "Class", "Configuration"),
		.default_value = "None",
		.supported = true,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_STRINGS("Component"),
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_SWITCH("Detailed"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "DetailedView", true, NAMED, 0 }),
	},
	{
		META_SWITCH("Examples"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "Examples", true, NAMED, 0 }),
	},
	{
		META_SWITCH("Full"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "AllUsersView", false, NAMED, 0 }),
	},
	{
		META_STRINGS("Functionality"),
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_STRING("Name"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ HELP_ALL_SETS, false, 0, BYPROP }),
	},
	{
		META_SWITCH("Online"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "Online", true, NAMED, 0 }),
	},
	{
		META_STRINGS("Parameter"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "Parameters", true, NAMED, 0 }),
	},
	{
		META_STRING("Path"),
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_STRINGS("Role"),
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		META_ALL_SETS_NAMED(0),
	},
	{
		META_SWITCH("ShowWindow"),
		.default_value = "False",
		.supported = false,
		META_SETS({ "ShowWindow", true, NAMED, 0 }),
	},
};

const struct meta_command meta_cmd_get_help = {
	.name = "Get-Help",
	.default_set = "AllUsersView",
	.sets = META_LIST("AllUsersView", "DetailedView", "Examples",
			  "Parameters", "Online", "ShowWindow"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Shows help about commands and concepts.",
};
