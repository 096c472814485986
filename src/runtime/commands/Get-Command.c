/* SPDX-License-Identifier: MIT */
/* Get-Command: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

static const struct rt_param params[] = {
	{
		.name = "All",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "ArgumentList",
		.type_name = "System.Object[]",
		.type = RT_TYPE_OBJECT,
		.is_array = true,
		.aliases = RT_LIST("Args"),
		.default_value = "None",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, 1, 0 }),
	},
	{
		.name = "CommandType",
		.type_name = "System.Management.Automation.CommandTypes",
		.type = RT_TYPE_ENUM,
		.aliases = RT_LIST("Type"),
		.accepted_values = RT_LIST(
			"Alias", "Function", "Filter", "Cmdlet",
			"ExternalScript", "Application", "Script", "Workflow",
			"Configuration", "All"),
		.default_value = "None",
		.supported = true,
		RT_SETS({ "AllCommandSet", false, NAMED, BYPROP }),
	},
	{
		.name = "FullyQualifiedModule",
		.type_name = "Microsoft.PowerShell.Commands.ModuleSpecification[]",
		.type = RT_TYPE_OBJECT,
		.is_array = true,
		.default_value = "None",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "ListImported",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "Module",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.aliases = RT_LIST("PSSnapin"),
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "Name",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "AllCommandSet", false, 0, BYVAL | BYPROP }),
	},
	{
		.name = "Noun",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "CmdletSet", false, NAMED, BYPROP }),
	},
	{
		.name = "ParameterName",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "ParameterType",
		.type_name = "System.Management.Automation.PSTypeName[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "ShowCommandInfo",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ RT_ALL_SETS, false, NAMED, 0 }),
	},
	{
		.name = "Syntax",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "TotalCount",
		.type_name = "System.Int32",
		.type = RT_TYPE_INT32,
		.default_value = "None",
		.supported = true,
		RT_SETS({ RT_ALL_SETS, false, NAMED, BYPROP }),
	},
	{
		.name = "UseAbbreviationExpansion",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "AllCommandSet", false, NAMED, BYPROP }),
	},
	{
		.name = "UseFuzzyMatching",
		.type_name = "System.Management.Automation.SwitchParameter",
		.type = RT_TYPE_SWITCH,
		.default_value = "None",
		.supported = false,
		RT_SETS({ "AllCommandSet", false, NAMED, 0 }),
	},
	{
		.name = "Verb",
		.type_name = "System.String[]",
		.type = RT_TYPE_STRING,
		.is_array = true,
		.default_value = "None",
		.wildcards = true,
		.supported = true,
		RT_SETS({ "CmdletSet", false, NAMED, BYPROP }),
	},
};

static rt_handler_fn run_get_command;

const struct rt_command cmd_get_command = {
	.name = "Get-Command",
	.aliases = RT_LIST("gcm"),
	.default_set = "CmdletSet",
	.sets = RT_LIST("CmdletSet", "AllCommandSet"),
	.params = params,
	.nparams = sizeof(params) / sizeof(params[0]),
	.common_parameters = true,
	.synopsis = "Gets the commands of this runtime.",
	.run = run_get_command,
};

/* ---------- handler ---------- */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"
#include "strbuf.h"
#include "xalloc.h"
#include "config.h"

static struct rt_value *
command_info(const struct rt_command *c)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.CmdletInfo");

	rt_record_set(r, "CommandType", rt_string("Cmdlet"));
	rt_record_set(r, "Name", rt_string(c->name));
	rt_record_set(r, "Version", rt_string(PSHELP_VERSION));
	rt_record_set(r, "Source", rt_string("psh"));
	return r;
}

static struct rt_value *
alias_info(const struct rt_command *c, const char *alias)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.AliasInfo");
	char *shown = xasprintf("%s -> %s", alias, c->name);

	rt_record_set(r, "CommandType", rt_string("Alias"));
	rt_record_set(r, "Name", rt_string(shown));
	rt_record_set(r, "Version", rt_string(""));
	rt_record_set(r, "Source", rt_string(""));
	free(shown);
	return r;
}

static bool
name_selected(const struct rt_value *names, const char *name)
{
	size_t n;

	if (names == NULL)
		return true;
	n = names->kind == RT_VAL_ARRAY ? names->u.array.n : 1;
	for (size_t i = 0; i < n; i++) {
		const struct rt_value *e = names->kind == RT_VAL_ARRAY
						   ? names->u.array.v[i] : names;
		if (e->kind == RT_VAL_STRING && rt_exec_glob(e->u.s, name))
			return true;
	}
	return false;
}

static int
run_get_command(struct rt_context *ctx)
{
	struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	const char *verb = rt_exec_string(ctx, "Verb");
	const char *noun = rt_exec_string(ctx, "Noun");
	size_t n, found = 0;
	const struct rt_command *const *all = rt_commands(&n);

	for (size_t i = 0; i < n; i++) {
		const struct rt_command *c = all[i];
		const char *dash = strchr(c->name, '-');
		char *v = xstrndup(c->name, dash ? (size_t)(dash - c->name) : 0);
		bool ok = (!verb || rt_exec_glob(verb, v)) &&
			  (!noun || rt_exec_glob(noun, dash ? dash + 1 : ""));
		free(v);
		for (const char *const *a = c->aliases; names && a && *a; a++)
			if (name_selected(names, *a) && ++found)
				rt_exec_emit(ctx, alias_info(c, *a));
		if (ok && name_selected(names, c->name) && ++found)
			rt_exec_emit(ctx, command_info(c));
	}
	if (found == 0 && names && names->kind == RT_VAL_ARRAY &&
	    names->u.array.n == 1 && !strpbrk(names->u.array.v[0]->u.s, "*?")) {
		rt_exec_error(ctx, _("The term '%s' is not recognized as a name "
				     "of a cmdlet, function, script file, or "
				     "executable program. Check the spelling "
				     "of the name, or if a path was included, "
				     "verify that the path is correct and try "
				     "again."), names->u.array.v[0]->u.s);
		return 1;
	}
	return 0;
}
