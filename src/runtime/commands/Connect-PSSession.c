/* SPDX-License-Identifier: MIT */
/* Connect-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP }),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces.AuthenticationMechanism",
		.type = RT_TYPE_ENUM,
		.accepted_values = RT_LIST(
			"Default", "Basic", "Negotiate",
			"NegotiateWithImplicitCredential", "Credssp", "Digest",
			"Kerberos"),
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
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
			{ "ComputerNameGuid", true, NAMED, 0 },
			{ "ComputerName", true, NAMED, 0 }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP },
			{ "ConnectionUriGuid", false, NAMED, BYPROP },
			{ "ConnectionUri", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = RT_TYPE_URI,
		.is_array = true,
		.aliases = RT_LIST("URI", "CU"),
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ConnectionUriGuid", true, 0, BYPROP },
			{ "ConnectionUri", true, 0, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = RT_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
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
		RT_SETS(
			{ "ComputerNameGuid", true, NAMED, 0 },
			{ "ConnectionUriGuid", true, NAMED, 0 },
			{ "InstanceId", true, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "Name", true, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
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
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = RT_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "ConnectionUriGuid", false, NAMED, 0 },
			{ "ConnectionUri", false, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerNameGuid", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
	},
};

static rt_handler_fn run_connect_pssession;

const struct rt_command cmd_connect_pssession = {
	.name = "Connect-PSSession",
	.aliases = RT_LIST("cnsn"),
	.default_set = "Name",
	.sets = RT_LIST(
		"Name", "Session", "ComputerNameGuid", "ComputerName",
		"ConnectionUriGuid", "ConnectionUri", "InstanceId", "Id"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.should_process = true,
	.synopsis = "Reconnects to disconnected sessions.",
	.run = run_connect_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
connect_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;

	if (session_connect(s, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

/* -ComputerName: the disconnected endpoints found there (by -Name,
   -InstanceId when given). */
static int
connect_computer(struct rt_context *ctx, const char *computer)
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
	if (rt_binding_get(ctx->bind, "Name") ||
	    rt_binding_get(ctx->bind, "InstanceId")) {
		rc = rt_exec_select_sessions(ctx, list, n, connect_one);
	} else {
		for (size_t i = 0; i < n; i++)
			if (session_state(list[i]) == SESSION_DISCONNECTED &&
			    rt_exec_configuration_matches(ctx, list[i]) &&
			    connect_one(ctx, list[i]) != 0)
				rc = -1;
	}
	free(list);
	return rc;
}

static int
run_connect_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc = 0;

	if (cn)
		return rt_exec_each_string(ctx, "ComputerName", connect_computer);
	n = session_list(ctx->sessions, &list);
	rc = rt_exec_select_sessions(ctx, list, n, connect_one);
	free(list);
	return rc ? 1 : 0;
}
