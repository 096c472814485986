/* SPDX-License-Identifier: MIT */
/* Get-Help: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "Category",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.accepted_values = RT_LIST(
			"Alias", "Cmdlet", "Provider", "General", "FAQ",
			"Glossary", "HelpFile", "ScriptCommand", "Function",
			"Filter", "ExternalScript", "All", "DefaultHelp",
			"Workflow", "DscResource", "Class", "Configuration"),
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Component",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Detailed",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ "DetailedView", true, NAMED, 0 }),
	},
	{
		.name = "Examples",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ "Examples", true, NAMED, 0 }),
	},
	{
		.name = "Full",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ "AllUsersView", false, NAMED, 0 }),
	},
	{
		.name = "Functionality",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, 0, BYPROP }),
	},
	{
		.name = "Online",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ "Online", true, NAMED, 0 }),
	},
	{
		.name = "Parameter",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "Parameters", true, NAMED, 0 }),
	},
	{
		.name = "Path",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Role",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "ShowWindow",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS({ "ShowWindow", true, NAMED, 0 }),
	},
};

static rt_handler_fn run_get_help;

const struct rt_command cmd_get_help = {
	.name = "Get-Help",
	.default_set = "AllUsersView",
	.sets = RT_LIST(
		"AllUsersView", "DetailedView", "Examples", "Parameters",
		"Online", "ShowWindow"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Shows help about commands and concepts.",
	.run = run_get_help,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
run_get_help(struct rt_context *ctx)
{
	if (ctx->host == NULL || ctx->host->get_help == NULL) {
		rt_exec_error(ctx, "%s", _("Help is not available here."));
		return 1;
	}
	return ctx->host->get_help(ctx);
}
