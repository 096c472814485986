/* SPDX-License-Identifier: MIT */
/*
 * ForEach-Object: parameter metadata of PowerShell 7.2, transcribed from
 * the en-US page.  -RemainingScripts also takes the positional script
 * blocks after -Process (ValueFromRemainingArguments in PowerShell), so
 * that ForEach-Object {begin} {process} {end} binds.  psh runs no
 * runspaces in parallel and has no methods: the ParallelParameterSet and
 * -ArgumentList bind and are then reported as unsupported.
 */
#include "meta_table.h"

static const struct meta_param params[] = {
	{
		.name = "ArgumentList",
		.type_name = "System.Object[]",
		.type = META_TYPE_OBJECT,
		.is_array = true,
		.aliases = META_LIST("Args"),
		.default_value = "None",
		.supported = false,
		META_SETS({ "PropertyAndMethodSet", false, NAMED, 0 }),
	},
	{
		.name = "Begin",
		.type_name = "System.Management.Automation.ScriptBlock",
		.type = META_TYPE_SCRIPTBLOCK,
		.default_value = "None",
		.supported = true,
		META_SETS({ "ScriptBlockSet", false, NAMED, 0 }),
	},
	{
		.name = "End",
		.type_name = "System.Management.Automation.ScriptBlock",
		.type = META_TYPE_SCRIPTBLOCK,
		.default_value = "None",
		.supported = true,
		META_SETS({ "ScriptBlockSet", false, NAMED, 0 }),
	},
	{
		.name = "InputObject",
		.type_name = "System.Management.Automation.PSObject",
		.type = META_TYPE_OBJECT,
		.default_value = "None",
		.supported = true,
		META_SETS({ HELP_ALL_SETS, false, NAMED, BYVAL }),
	},
	{
		.name = "MemberName",
		.type_name = "System.String",
		.type = META_TYPE_STRING,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "PropertyAndMethodSet", true, 0, 0 }),
	},
	{
		.name = "Process",
		.type_name = "System.Management.Automation.ScriptBlock[]",
		.type = META_TYPE_SCRIPTBLOCK,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "ScriptBlockSet", true, 0, 0 }),
	},
	{
		.name = "RemainingScripts",
		.type_name = "System.Management.Automation.ScriptBlock[]",
		.type = META_TYPE_SCRIPTBLOCK,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "ScriptBlockSet", false, NAMED, HELP_PIPE_FROM_REMAINING }),
	},
	{
		.name = "Parallel",
		.type_name = "System.Management.Automation.ScriptBlock",
		.type = META_TYPE_SCRIPTBLOCK,
		.default_value = "None",
		.supported = false,
		META_SETS({ "ParallelParameterSet", true, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "5",
		.supported = false,
		META_SETS({ "ParallelParameterSet", false, NAMED, 0 }),
	},
	{
		.name = "TimeoutSeconds",
		.type_name = "System.Int32",
		.type = META_TYPE_INT32,
		.default_value = "0",
		.supported = false,
		META_SETS({ "ParallelParameterSet", false, NAMED, 0 }),
	},
	{
		.name = "UseNewRunspace",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		META_SETS({ "ParallelParameterSet", false, NAMED, 0 }),
	},
};

const struct meta_command meta_cmd_foreach_object = {
	.name = "ForEach-Object",
	.aliases = META_LIST("%", "foreach"),
	.default_set = "ScriptBlockSet",
	.sets = META_LIST("ScriptBlockSet", "PropertyAndMethodSet",
			  "ParallelParameterSet"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Performs an operation against each item in a collection "
		    "of input objects.",
};
