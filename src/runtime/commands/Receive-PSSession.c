/* SPDX-License-Identifier: MIT */
/* Receive-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, BYPROP },
			{ "ComputerInstanceId", false, NAMED, BYPROP }),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces.AuthenticationMechanism",
		.type = RT_TYPE_ENUM,
		.accepted_values = RT_LIST(
			"Default", "Basic", "Negotiate",
			"NegotiateWithImplicitCredential", "Credssp", "Digest",
			"Kerberos"),
		.default_value = "Default",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ComputerName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.aliases = RT_LIST("Cn"),
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerSessionName", true, 0, BYPROP },
			{ "ComputerInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, BYPROP },
			{ "ComputerInstanceId", false, NAMED, BYPROP },
			{ "ConnectionUriSessionName", false, NAMED, BYPROP },
			{ "ConnectionUriInstanceId", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri",
		.type = RT_TYPE_URI,
		.aliases = RT_LIST("URI", "CU"),
		.default_value = "http://localhost:5985/WSMAN",
		.supported = false,
		RT_SETS(
			{ "ConnectionUriSessionName", true, 0, BYPROP },
			{ "ConnectionUriInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = RT_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Id", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid",
		.type = RT_TYPE_GUID,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerInstanceId", true, NAMED, 0 },
			{ "ConnectionUriInstanceId", true, NAMED, 0 },
			{ "InstanceId", true, NAMED, 0 }),
	},
	{
		.name = "JobName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerSessionName", true, NAMED, 0 },
			{ "ConnectionUriSessionName", true, NAMED, 0 },
			{ "SessionName", true, NAMED, 0 }),
	},
	{
		.name = "OutTarget",
		.type_name = "Microsoft.PowerShell.Commands.OutTarget",
		.type = RT_TYPE_ENUM,
		.accepted_values = RT_LIST("Default", "Host", "Job"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession",
		.type = RT_TYPE_PSSESSION,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Session", true, 0, BYVAL | BYPROP }),
	},
	{
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = RT_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUriSessionName", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "ComputerSessionName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
};

static rt_handler_fn run_receive_pssession;

const struct rt_command cmd_receive_pssession = {
	.name = "Receive-PSSession",
	.aliases = RT_LIST("rcsn"),
	.default_set = "Session",
	.sets = RT_LIST(
		"Session", "Id", "ComputerSessionName", "ComputerInstanceId",
		"ConnectionUriSessionName", "ConnectionUriInstanceId",
		"InstanceId", "SessionName"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Gets what a session produced while it was disconnected.",
	.run = run_receive_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
receive_one(struct rt_context *ctx, struct rt_session *s)
{
	struct session_result res = { 0 };
	char *err = NULL;
	struct rt_value *out;

	if (session_receive(s, &res, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	out = res.output;
	for (size_t i = 0; out && i < out->u.array.n; i++)
		rt_exec_emit(ctx, rt_value_ref(out->u.array.v[i]));
	if (res.error) {
		ctx->failed = true;
		if (ctx->report_remote)
			ctx->report_remote(ctx, res.error);
	}
	session_result_release(&res);
	return 0;
}

/* -ComputerName with -Name or -InstanceId: endpoints of other clients. */
static int
receive_computer(struct rt_context *ctx, const char *computer)
{
	struct rt_session **list = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc;

	if (session_query(ctx->sessions, computer, &list, &n, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return 1;
	}
	rc = rt_exec_select_sessions(ctx, list, n, receive_one);
	free(list);
	return rc ? 1 : 0;
}

static int
run_receive_pssession(struct rt_context *ctx)
{
	const char *cn = rt_exec_string(ctx, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc;

	if (cn)
		return receive_computer(ctx, cn);
	n = session_list(ctx->sessions, &list);
	rc = rt_exec_select_sessions(ctx, list, n, receive_one);
	free(list);
	return rc ? 1 : 0;
}
