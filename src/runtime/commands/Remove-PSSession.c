/* SPDX-License-Identifier: MIT */
/* Remove-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "ComputerName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.aliases = RT_LIST("Cn"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "ComputerName", true, 0, BYPROP }),
	},
	{
		.name = "ContainerId",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "ContainerId", true, NAMED, BYPROP }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = RT_TYPE_INT32,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Id", true, 0, BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid[]",
		.type = RT_TYPE_GUID,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "InstanceId", true, NAMED, BYPROP }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "Name", true, NAMED, BYPROP }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession[]",
		.type = RT_TYPE_PSSESSION,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Session", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "VMId",
		.type_name = "System.Guid[]",
		.type = RT_TYPE_GUID,
		.is_array = true,
		.aliases = RT_LIST("VMGuid"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ "VMId", true, NAMED, BYPROP }),
	},
	{
		.name = "VMName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "VMName", true, NAMED, BYPROP }),
	},
};

static rt_handler_fn run_remove_pssession;

const struct rt_command cmd_remove_pssession = {
	.name = "Remove-PSSession",
	.aliases = RT_LIST("rsn"),
	.default_set = "Id",
	.sets = RT_LIST(
		"Id", "Session", "ContainerId", "VMId", "VMName", "InstanceId",
		"Name", "ComputerName"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Closes sessions and ends their endpoints.",
	.run = run_remove_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
remove_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;

	if (session_remove(s, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	return 0;
}

/* -ComputerName: this process's sessions to those computers. */
static int
remove_by_computer(struct rt_context *ctx, struct rt_value *cn,
		   struct rt_session **list, size_t n)
{
	size_t m = rt_value_nitems(cn);
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < m; k++) {
			struct rt_value *e = rt_value_item(cn, k);
			if (e->kind == RT_VAL_STRING &&
			    rt_exec_glob(e->u.s, session_computer(list[i]))) {
				rc |= remove_one(ctx, list[i]);
				break;
			}
		}
	}
	return rc;
}

static int
run_remove_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n = session_list(ctx->sessions, &list);
	int rc = cn ? remove_by_computer(ctx, cn, list, n)
		    : rt_exec_select_sessions(ctx, list, n, remove_one);

	free(list);
	return rc ? 1 : 0;
}
