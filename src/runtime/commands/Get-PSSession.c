/* SPDX-License-Identifier: MIT */
/* Get-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "All sessions",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, BYPROP },
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
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "ComputerName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.aliases = RT_LIST("Cn"),
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerName", true, 0, BYPROP },
			{ "ComputerInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "All sessions",
		.supported = true,
		RT_SETS(
			{ "ComputerName", false, NAMED, BYPROP },
			{ "ComputerInstanceId", false, NAMED, BYPROP },
			{ "ConnectionUri", false, NAMED, BYPROP },
			{ "ConnectionUriInstanceId", false, NAMED, BYPROP },
			{ "VMNameInstanceId", false, NAMED, BYPROP },
			{ "ContainerId", false, NAMED, BYPROP },
			{ "ContainerIdInstanceId", false, NAMED, BYPROP },
			{ "VMId", false, NAMED, BYPROP },
			{ "VMIdInstanceId", false, NAMED, BYPROP },
			{ "VMName", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = RT_TYPE_URI,
		.is_array = true,
		.aliases = RT_LIST("URI", "CU"),
		.default_value = "Http://localhost:5985/WSMAN",
		.supported = false,
		RT_SETS(
			{ "ConnectionUri", true, 0, BYPROP },
			{ "ConnectionUriInstanceId", true, 0, BYPROP }),
	},
	{
		.name = "ContainerId",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ContainerId", true, NAMED, BYPROP },
			{ "ContainerIdInstanceId", true, NAMED, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = RT_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Id",
		.type_name = "System.Int32[]",
		.type = RT_TYPE_INT32,
		.is_array = true,
		.default_value = "All sessions",
		.supported = true,
		RT_SETS({ "Id", true, 0, BYPROP }),
	},
	{
		.name = "InstanceId",
		.type_name = "System.Guid[]",
		.type = RT_TYPE_GUID,
		.is_array = true,
		.default_value = "All sessions",
		.supported = true,
		RT_SETS(
			{ "ComputerInstanceId", true, NAMED, 0 },
			{ "ConnectionUriInstanceId", true, NAMED, 0 },
			{ "VMNameInstanceId", true, NAMED, 0 },
			{ "ContainerIdInstanceId", true, NAMED, 0 },
			{ "VMIdInstanceId", true, NAMED, 0 },
			{ "InstanceId", false, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "All sessions",
		.wildcards = true,
		.supported = true,
		RT_SETS(
			{ "Name", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP },
			{ "ConnectionUri", false, NAMED, BYPROP },
			{ "ContainerId", false, NAMED, BYPROP },
			{ "VMId", false, NAMED, BYPROP },
			{ "VMName", false, NAMED, BYPROP }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "5985, 5986",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = RT_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "State",
		.type_name = "Microsoft.PowerShell.Commands.SessionFilterState",
		.type = RT_TYPE_ENUM,
		.accepted_values = RT_LIST(
			"All", "Opened", "Disconnected", "Closed", "Broken"),
		.default_value = "All",
		.supported = true,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 },
			{ "VMNameInstanceId", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "ContainerIdInstanceId", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMIdInstanceId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "32",
		.supported = true,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 },
			{ "ConnectionUriInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "ComputerInstanceId", false, NAMED, 0 }),
	},
	{
		.name = "VMId",
		.type_name = "System.Guid[]",
		.type = RT_TYPE_GUID,
		.is_array = true,
		.aliases = RT_LIST("VMGuid"),
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "VMId", true, NAMED, BYPROP },
			{ "VMIdInstanceId", true, NAMED, BYPROP }),
	},
	{
		.name = "VMName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "VMNameInstanceId", true, NAMED, BYPROP },
			{ "VMName", true, NAMED, BYPROP }),
	},
};

static rt_handler_fn run_get_pssession;

const struct rt_command cmd_get_pssession = {
	.name = "Get-PSSession",
	.aliases = RT_LIST("gsn"),
	.default_set = "Name",
	.sets = RT_LIST(
		"Name", "ComputerName", "ComputerInstanceId", "ConnectionUri",
		"ConnectionUriInstanceId", "VMNameInstanceId", "ContainerId",
		"ContainerIdInstanceId", "VMId", "VMIdInstanceId", "VMName",
		"InstanceId", "Id"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Gets the sessions (PSSessions) of this process or of a computer.",
	.run = run_get_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static bool
state_matches(struct rt_context *ctx, struct rt_session *s)
{
	const char *st = rt_exec_string(ctx, "State");

	if (st == NULL || strcasecmp(st, "All") == 0)
		return true;
	return strcasecmp(st, session_state_name(session_state(s))) == 0;
}

static int
emit_session(struct rt_context *ctx, struct rt_session *s)
{
	if (state_matches(ctx, s) && rt_exec_configuration_matches(ctx, s))
		rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

static bool
filtered(struct rt_context *ctx)
{
	return rt_binding_get(ctx->bind, "Id") ||
	       rt_binding_get(ctx->bind, "Name") ||
	       rt_binding_get(ctx->bind, "InstanceId");
}

static int
query_computer(struct rt_context *ctx, const char *computer)
{
	struct rt_session **list = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc = 0;

	if (session_query(ctx->sessions, computer, &list, &n, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (filtered(ctx))
		rc = rt_exec_select_sessions(ctx, list, n, emit_session);
	else
		for (size_t i = 0; i < n; i++)
			emit_session(ctx, list[i]);
	free(list);
	return rc;
}

static int
run_get_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc = 0;

	if (cn)
		return rt_exec_each_string(ctx, "ComputerName", query_computer);
	n = session_list(ctx->sessions, &list);
	if (filtered(ctx))
		rc = rt_exec_select_sessions(ctx, list, n, emit_session);
	else
		for (size_t i = 0; i < n; i++)
			emit_session(ctx, list[i]);
	free(list);
	return rc ? 1 : 0;
}
