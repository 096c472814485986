/* SPDX-License-Identifier: MIT */
/* Remove-Job: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

/* clang-format off */
static const struct meta_param params[] = {
	/* First: a job given by position binds here, not to -Filter
	   (the binder tries parameters in table order). */
	{
		.name = "Job",
		.type_name = "System.Management.Automation.Job[]",
		.type = META_TYPE_JOB,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "JobParameterSet", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "Command",
		.type_name = "System.String[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "CommandParameterSet", false, NAMED, BYPROP }),
	},
	{
		.name = "Filter",
		.type_name = "System.Collections.Hashtable",
		.type = META_TYPE_HASHTABLE,
		.default_value = "None",
		.supported = false,
		META_SETS({ "FilterParameterSet", true, 0, BYPROP }),
	},
	{
		.name = "Force",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = META_TYPE_SWITCH,
		.aliases = META_LIST("F"),
		.default_value = "False",
		.supported = true,
		META_SETS({ "SessionIdParameterSet", false, NAMED, 0 },
			  { "JobParameterSet", false, NAMED, 0 },
			  { "InstanceIdParameterSet", false, NAMED, 0 },
			  { "NameParameterSet", false, NAMED, 0 },
			  { "FilterParameterSet", false, NAMED, 0 }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = META_TYPE_INT32,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		META_SETS({ "SessionIdParameterSet", true, 0, BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid[]",
		.type = META_TYPE_GUID,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		META_SETS({ "InstanceIdParameterSet", true, 0, BYPROP }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = META_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		META_SETS({ "NameParameterSet", true, 0, BYPROP }),
	},
	{
		.name = "State",
		.type_name = "System.Management.Automation.JobState",
		.type = META_TYPE_ENUM,
		.accepted_values = META_LIST("AtBreakpoint", "Blocked", "Completed", "Disconnected", "Failed", "NotStarted", "Running", "Stopped", "Stopping", "Suspended", "Suspending"),
		.default_value = "None",
		.supported = true,
		META_SETS({ "StateParameterSet", true, 0, BYPROP }),
	},
};
/* clang-format on */

const struct meta_command meta_cmd_remove_job = {
	.name = "Remove-Job",
	.aliases = META_LIST("rjb"),
	.default_set = "SessionIdParameterSet",
	.sets = META_LIST("SessionIdParameterSet", "JobParameterSet", "NameParameterSet", "InstanceIdParameterSet", "FilterParameterSet", "StateParameterSet", "CommandParameterSet"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Deletes jobs.",
};
