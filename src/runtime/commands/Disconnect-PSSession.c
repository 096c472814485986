/* SPDX-License-Identifier: MIT */
/* Disconnect-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = RT_TYPE_INT32,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Id", true, 1, BYPROP }),
	},
	{
		.name = "IdleTimeoutSec",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		/* ENDPOINT_DEFAULT_IDLE_SEC; the PowerShell page says 60. */
		.default_value = "7200",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
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
		RT_SETS({ "Session", true, 1, BYVAL | BYPROP }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "32",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "OutputBufferingMode",
		.type_name = "System.Management.Automation.Runspaces.OutputBufferingMode",
		.type = RT_TYPE_ENUM,
		.default_value = "Block",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
};

static rt_handler_fn run_disconnect_pssession;

const struct rt_command cmd_disconnect_pssession = {
	.name = "Disconnect-PSSession",
	.aliases = RT_LIST("dnsn"),
	.default_set = "Session",
	.sets = RT_LIST("Session", "Name", "InstanceId", "Id"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Disconnects from sessions and leaves their endpoints running.",
	.run = run_disconnect_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
disconnect_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;
	long idle = rt_exec_int(ctx, "IdleTimeoutSec", 0);

	if (session_disconnect(s, (int)idle, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

static int
run_disconnect_pssession(struct rt_context *ctx)
{
	struct rt_session **list = NULL;
	size_t n = session_list(ctx->sessions, &list);
	int rc = rt_exec_select_sessions(ctx, list, n, disconnect_one);

	free(list);
	return rc ? 1 : 0;
}
