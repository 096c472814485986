/* SPDX-License-Identifier: MIT */
/* New-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "Uri", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "ComputerName", false, NAMED, BYPROP }),
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
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 }),
	},
	{
		.name = "CertificateThumbprint",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 }),
	},
	{
		.name = "ComputerName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.aliases = RT_LIST("Cn"),
		.default_value = "None",
		.supported = true,
		RT_SETS({ "ComputerName", false, 0, BYVAL | BYPROP }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerName", false, NAMED, BYPROP },
			{ "Uri", false, NAMED, BYPROP },
			{ "VMId", false, NAMED, BYPROP },
			{ "VMName", false, NAMED, BYPROP },
			{ "ContainerId", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = RT_TYPE_URI,
		.is_array = true,
		.aliases = RT_LIST("URI", "CU"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ "Uri", true, 0, BYPROP }),
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
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = RT_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, BYPROP },
			{ "Uri", false, NAMED, BYPROP },
			{ "VMId", true, NAMED, BYPROP },
			{ "VMName", true, NAMED, BYPROP }),
	},
	{
		.name = "EnableNetworkAccess",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 }),
	},
	{
		.name = "HostName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "SSHHost", true, 0, 0 }),
	},
	{
		.name = "KeyFilePath",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.aliases = RT_LIST("IdentityFilePath"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ "SSHHost", false, NAMED, 0 }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 }),
	},
	{
		.name = "RunAsAdministrator",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "ContainerId", false, NAMED, 0 }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession[]",
		.type = RT_TYPE_PSSESSION,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS({ "Session", false, 0, BYVAL | BYPROP }),
	},
	{
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = RT_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 }),
	},
	{
		.name = "SSHConnection",
		.type_name = "System.Collections.Hashtable[]",
		.type = RT_TYPE_HASHTABLE,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "SSHHostHashParam", true, NAMED, 0 }),
	},
	{
		.name = "SSHTransport",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.accepted_values = RT_LIST("true"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ "SSHHost", false, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 }),
	},
	{
		.name = "UserName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "SSHHost", false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "ComputerName", false, NAMED, 0 }),
	},
	{
		.name = "VMId",
		.type_name = "System.Guid[]",
		.type = RT_TYPE_GUID,
		.is_array = true,
		.aliases = RT_LIST("VMGuid"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ "VMId", true, 0, BYPROP }),
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
	{
		.name = "Subsystem",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "powershell",
		.supported = false,
		RT_SETS({ "SSHHost", false, NAMED, BYPROP }),
	},
	/* The yaml says Required: True, the SYNTAX line shows
	 * [-UseWindowsPowerShell]; the SYNTAX line wins. */
	{
		.name = "UseWindowsPowerShell",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "UseWindowsPowerShellParameterSet", false, NAMED, 0 }),
	},
};

static rt_handler_fn run_new_pssession;

const struct rt_command cmd_new_pssession = {
	.name = "New-PSSession",
	.aliases = RT_LIST("nsn"),
	.default_set = "ComputerName",
	.sets = RT_LIST(
		"ComputerName", "Uri", "VMId", "VMName", "Session",
		"ContainerId", "UseWindowsPowerShellParameterSet", "SSHHost",
		"SSHHostHashParam"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Creates a persistent session with a computer.",
	.run = run_new_pssession,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static const char *
nth_string(struct rt_value *v, size_t i)
{
	if (v == NULL)
		return NULL;
	if (v->kind != RT_VAL_ARRAY)
		return i == 0 && v->kind == RT_VAL_STRING ? v->u.s : NULL;
	if (i >= v->u.array.n || v->u.array.v[i]->kind != RT_VAL_STRING)
		return NULL;
	return v->u.array.v[i]->u.s;
}

static int
open_one(struct rt_context *ctx, const char *computer, const char *name)
{
	char *err = NULL;
	struct rt_session *s =
		session_open(ctx->sessions, computer, name, 0, &err);

	if (s == NULL) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

static int
run_new_pssession(struct rt_context *ctx)
{
	struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_value *ss = rt_binding_get(ctx->bind, "Session");
	size_t k = 0;
	int rc = 0;

	if (rt_exec_check_configuration(ctx) != 0)
		return 1;
	if (ss) {
		/* New sessions to the computers of the given ones. */
		size_t n = ss->kind == RT_VAL_ARRAY ? ss->u.array.n : 1;
		for (size_t i = 0; i < n; i++) {
			struct rt_value *e = ss->kind == RT_VAL_ARRAY
						     ? ss->u.array.v[i] : ss;
			if (e->kind == RT_VAL_SESSION &&
			    open_one(ctx, session_computer(e->u.session),
				     nth_string(names, k++)) != 0)
				rc = 1;
		}
		return rc;
	}
	if (cn == NULL)
		return open_one(ctx, "localhost", nth_string(names, 0)) ? 1 : 0;
	for (const char *c; (c = nth_string(cn, k)) != NULL; k++)
		if (open_one(ctx, c, nth_string(names, k)) != 0)
			rc = 1;
	return rc;
}
