/* SPDX-License-Identifier: MIT */
/* Invoke-Command: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "AllowRedirection",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 }),
	},
	{
		.name = "ApplicationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value =
			"$PSSessionApplicationName if set on the local computer, "
			"otherwise WSMAN",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP }),
	},
	{
		.name = "ArgumentList",
		.type_name = "System.Object[]",
		.type = RT_TYPE_OBJECT,
		.is_array = true,
		.aliases = RT_LIST("Args"),
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "AsJob",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "FilePathRunspace", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 },
			{ "FilePathVMId", false, NAMED, 0 },
			{ "FilePathVMName", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 },
			{ "SSHHostHashParam", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 },
			{ "FilePathSSHHostHash", false, NAMED, 0 }),
	},
	{
		.name = "Authentication",
		.type_name = "System.Management.Automation.Runspaces.AuthenticationMechanism",
		.type = RT_TYPE_ENUM,
		.accepted_values = RT_LIST(
			"Basic", "Default", "Credssp", "Digest", "Kerberos",
			"Negotiate", "NegotiateWithImplicitCredential"),
		.default_value = "Default",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 }),
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
		.default_value = "Local computer",
		.supported = true,
		RT_SETS(
			{ "FilePathComputerName", false, 0, 0 },
			{ "ComputerName", false, 0, 0 }),
	},
	{
		.name = "ConfigurationName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value =
			"$PSSessionConfigurationName if set on the local computer, "
			"otherwise Microsoft.PowerShell",
		.supported = true,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP },
			{ "Uri", false, NAMED, BYPROP },
			{ "FilePathUri", false, NAMED, BYPROP },
			{ "VMId", false, NAMED, BYPROP },
			{ "VMName", false, NAMED, BYPROP },
			{ "FilePathVMId", false, NAMED, BYPROP },
			{ "FilePathVMName", false, NAMED, BYPROP },
			{ "ContainerId", false, NAMED, BYPROP },
			{ "FilePathContainerId", false, NAMED, BYPROP }),
	},
	{
		.name = "ConnectionUri",
		.type_name = "System.Uri[]",
		.type = RT_TYPE_URI,
		.is_array = true,
		.aliases = RT_LIST("URI", "CU"),
		.default_value = "http://localhost:5985/WSMAN",
		.supported = false,
		RT_SETS(
			{ "Uri", false, 0, 0 },
			{ "FilePathUri", false, 0, 0 }),
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
			{ "FilePathContainerId", true, NAMED, BYPROP }),
	},
	{
		.name = "Credential",
		.type_name = "System.Management.Automation.PSCredential",
		.type = RT_TYPE_CREDENTIAL,
		.default_value = "Current user",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, BYPROP },
			{ "ComputerName", false, NAMED, BYPROP },
			{ "Uri", false, NAMED, BYPROP },
			{ "FilePathUri", false, NAMED, BYPROP },
			{ "VMId", true, NAMED, BYPROP },
			{ "VMName", true, NAMED, BYPROP },
			{ "FilePathVMId", true, NAMED, BYPROP },
			{ "FilePathVMName", true, NAMED, BYPROP }),
	},
	{
		.name = "EnableNetworkAccess",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 }),
	},
	/* The yaml says Position 1, but the SYNTAX lines of the two SSH file
	 * path sets show -FilePath as named; the SYNTAX lines win. */
	{
		.name = "FilePath",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.aliases = RT_LIST("PSPath"),
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "FilePathRunspace", true, 1, 0 },
			{ "FilePathComputerName", true, 1, 0 },
			{ "FilePathUri", true, 1, 0 },
			{ "FilePathVMId", true, 1, 0 },
			{ "FilePathVMName", true, 1, 0 },
			{ "FilePathContainerId", true, 1, 0 },
			{ "FilePathSSHHost", true, NAMED, 0 },
			{ "FilePathSSHHostHash", true, NAMED, 0 }),
	},
	{
		.name = "HideComputerName",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.aliases = RT_LIST("HCN"),
		.default_value = "False",
		.supported = true,
		RT_SETS(
			{ "FilePathRunspace", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 },
			{ "FilePathVMId", false, NAMED, 0 },
			{ "FilePathVMName", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 },
			{ "SSHHostHashParam", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 },
			{ "FilePathSSHHostHash", false, NAMED, 0 }),
	},
	{
		.name = "HostName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "SSHHost", true, NAMED, 0 },
			{ "FilePathSSHHost", true, NAMED, 0 }),
	},
	{
		.name = "InDisconnectedSession",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.aliases = RT_LIST("Disconnected"),
		.default_value = "False",
		.supported = true,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 }),
	},
	{
		.name = "InputObject",
		.type_name = "System.Management.Automation.PSObject",
		.type = RT_TYPE_OBJECT,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYVAL }),
	},
	{
		.name = "JobName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "Job<n>",
		.supported = false,
		RT_SETS(
			{ "FilePathRunspace", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 },
			{ "SSHHostHashParam", false, NAMED, 0 }),
	},
	{
		.name = "KeyFilePath",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.aliases = RT_LIST("IdentityFilePath"),
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "SSHHost", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 }),
	},
	{
		.name = "NoNewScope",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = true,
		RT_SETS({ "InProcess", false, NAMED, 0 }),
	},
	{
		.name = "Port",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 }),
	},
	{
		.name = "RemoteDebug",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "FilePathRunspace", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 },
			{ "FilePathVMId", false, NAMED, 0 },
			{ "FilePathVMName", false, NAMED, 0 },
			{ "SSHHost", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 },
			{ "SSHHostHashParam", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 },
			{ "FilePathSSHHostHash", false, NAMED, 0 }),
	},
	{
		.name = "RunAsAdministrator",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 }),
	},
	/* The yaml collapses positions to 0.  PowerShell declares
	 * -ScriptBlock at position 1 in every remote set (after -Session,
	 * -ComputerName, -ConnectionUri or -VMId) and 0 only in InProcess;
	 * the SYNTAX lines agree that both are positional. */
	{
		.name = "ScriptBlock",
		.type_name = "System.Management.Automation.ScriptBlock",
		.type = RT_TYPE_SCRIPTBLOCK,
		.aliases = RT_LIST("Command"),
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "InProcess", true, 0, 0 },
			{ "Session", true, 1, 0 },
			{ "ComputerName", true, 1, 0 },
			{ "Uri", true, 1, 0 },
			{ "VMId", true, 1, 0 },
			{ "VMName", true, 1, 0 },
			{ "SSHHost", true, 1, 0 },
			{ "ContainerId", true, 1, 0 },
			{ "SSHHostHashParam", true, 1, 0 }),
	},
	{
		.name = "Session",
		.type_name = "System.Management.Automation.Runspaces.PSSession[]",
		.type = RT_TYPE_PSSESSION,
		.is_array = true,
		.default_value = "None",
		.supported = true,
		RT_SETS(
			{ "FilePathRunspace", false, 0, 0 },
			{ "Session", false, 0, 0 }),
	},
	{
		.name = "SessionName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
	},
	{
		.name = "SessionOption",
		.type_name = "System.Management.Automation.Remoting.PSSessionOption",
		.type = RT_TYPE_SESSIONOPTION,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 }),
	},
	{
		.name = "SSHConnection",
		.type_name = "System.Collections.Hashtable[]",
		.type = RT_TYPE_HASHTABLE,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "SSHHostHashParam", true, NAMED, 0 },
			{ "FilePathSSHHostHash", true, NAMED, 0 }),
	},
	{
		.name = "SSHTransport",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.accepted_values = RT_LIST("true"),
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "SSHHost", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 }),
	},
	{
		.name = "ThrottleLimit",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "32",
		.supported = true,
		RT_SETS(
			{ "FilePathRunspace", false, NAMED, 0 },
			{ "Session", false, NAMED, 0 },
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 },
			{ "Uri", false, NAMED, 0 },
			{ "FilePathUri", false, NAMED, 0 },
			{ "VMId", false, NAMED, 0 },
			{ "VMName", false, NAMED, 0 },
			{ "FilePathVMId", false, NAMED, 0 },
			{ "FilePathVMName", false, NAMED, 0 },
			{ "ContainerId", false, NAMED, 0 },
			{ "FilePathContainerId", false, NAMED, 0 }),
	},
	{
		.name = "UserName",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "SSHHost", false, NAMED, 0 },
			{ "FilePathSSHHost", false, NAMED, 0 }),
	},
	{
		.name = "UseSSL",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "False",
		.supported = false,
		RT_SETS(
			{ "FilePathComputerName", false, NAMED, 0 },
			{ "ComputerName", false, NAMED, 0 }),
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
			{ "VMId", true, 0, BYPROP },
			{ "FilePathVMId", true, 0, BYPROP }),
	},
	{
		.name = "VMName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS(
			{ "VMName", true, NAMED, BYPROP },
			{ "FilePathVMName", true, NAMED, BYPROP }),
	},
	{
		.name = "Subsystem",
		.type_name = "System.String",
		.type = RT_TYPE_STRING,
		.default_value = "powershell",
		.supported = false,
		RT_SETS({ "SSHHost", false, NAMED, BYPROP }),
	},
};

static rt_handler_fn run_invoke_command;

const struct rt_command cmd_invoke_command = {
	.name = "Invoke-Command",
	.aliases = RT_LIST("icm"),
	.default_set = "InProcess",
	.sets = RT_LIST(
		"InProcess", "FilePathRunspace", "Session",
		"FilePathComputerName", "ComputerName", "Uri", "FilePathUri",
		"VMId", "VMName", "FilePathVMId", "FilePathVMName", "SSHHost",
		"ContainerId", "FilePathContainerId", "SSHHostHashParam",
		"FilePathSSHHost", "FilePathSSHHostHash"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Runs a script block here or in one or more sessions.",
	.run = run_invoke_command,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"
#include "strbuf.h"
#include "xalloc.h"

/* A psh literal that evaluates to v (strings single-quoted). */
static void
add_literal(struct strbuf *sb, const struct rt_value *v)
{
	char *text;

	if (v->kind == RT_VAL_INT) {
		strbuf_addf(sb, "%lld", (long long)v->u.i);
		return;
	}
	if (v->kind == RT_VAL_BOOL || v->kind == RT_VAL_NULL) {
		strbuf_addstr(sb, v->kind == RT_VAL_NULL ? "$null"
				  : v->u.b ? "$true" : "$false");
		return;
	}
	text = rt_value_to_string(v);
	strbuf_addch(sb, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			strbuf_addch(sb, '\'');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '\'');
	free(text);
}

/* "$name = Write-Output -NoEnumerate a,b\n": $args/$input in an endpoint. */
static void
add_assignment(struct strbuf *sb, const char *name, const struct rt_value *v)
{
	size_t n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;

	if (n == 0)
		return;
	strbuf_addf(sb, "$%s = Write-Output -NoEnumerate ", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(sb, ',');
		add_literal(sb, v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : v);
	}
	strbuf_addch(sb, '\n');
}

static char *
remote_script(struct rt_context *ctx)
{
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *args = rt_binding_get(ctx->bind, "ArgumentList");
	struct rt_value *in = rt_binding_get(ctx->bind, "InputObject");

	strbuf_init(&sb);
	if (args)
		add_assignment(&sb, "args", args);
	if (in)
		add_assignment(&sb, "input", in);
	strbuf_addstr(&sb, rt_exec_string(ctx, "ScriptBlock"));
	return strbuf_detach(&sb, NULL);
}

static void
emit_remote(struct rt_context *ctx, struct rt_session *s,
	    struct rt_value *out)
{
	bool hide = rt_binding_switch(ctx->bind, "HideComputerName");

	for (size_t i = 0; out && i < out->u.array.n; i++) {
		struct rt_value *v = out->u.array.v[i];
		if (v->kind == RT_VAL_RECORD && !hide)
			rt_record_set(v, "PSComputerName",
				      rt_string(session_computer(s)));
		rt_exec_emit(ctx, rt_value_ref(v));
	}
}

static int
invoke_in(struct rt_context *ctx, struct rt_session *s)
{
	struct session_result res = { 0 };
	char *err = NULL;
	char *script = remote_script(ctx);
	int rc = session_invoke(s, script, &res, &err);

	free(script);
	if (rc != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	emit_remote(ctx, s, res.output);
	if (res.error) {
		ctx->failed = true;
		if (ctx->report_remote)
			ctx->report_remote(ctx, res.error);
	}
	session_result_release(&res);
	return 0;
}

/* -ComputerName: a temporary session per computer, or with
   -InDisconnectedSession a disconnected one that is returned. */
static int
invoke_on_computer(struct rt_context *ctx, const char *computer)
{
	bool disc = rt_binding_switch(ctx->bind, "InDisconnectedSession");
	char *err = NULL;
	struct rt_session *s = session_open(ctx->sessions, computer, NULL,
					    disc ? 0 : SESSION_TEMPORARY, &err);
	int rc;

	if (s == NULL) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (!disc) {
		rc = invoke_in(ctx, s);
		if (session_remove(s, &err) != 0)
			free(err);
		return rc;
	}
	char *script = remote_script(ctx);
	rc = session_invoke_disconnected(s, script, 0, &err);
	free(script);
	if (rc != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

static int
run_invoke_command(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_value *ss = rt_binding_get(ctx->bind, "Session");
	int rc = 0;

	if (cn && rt_exec_check_configuration(ctx) != 0)
		return 1;
	if (cn || ss) {
		struct rt_value *v = cn ? cn : ss;
		size_t n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;
		for (size_t i = 0; i < n; i++) {
			struct rt_value *e =
				v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : v;
			if (e->kind == RT_VAL_SESSION)
				rc |= invoke_in(ctx, e->u.session);
			else if (e->kind == RT_VAL_STRING)
				rc |= invoke_on_computer(ctx, e->u.s);
		}
		return rc ? 1 : 0;
	}
	if (ctx->host == NULL || ctx->host->invoke_local == NULL) {
		rt_exec_error(ctx, "%s", _("Script blocks cannot run here."));
		return 1;
	}
	return ctx->host->invoke_local(ctx, rt_exec_string(ctx, "ScriptBlock"),
				       rt_binding_get(ctx->bind, "ArgumentList"),
				       rt_binding_get(ctx->bind, "InputObject"))
		       ? 1 : 0;
}
