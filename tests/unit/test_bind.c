/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the binder (bind.c) and the runtime values (rt_value.c):
 * every binding rule and PowerShell message, against the real command
 * tables.  Sessions are a fake registered through session_props.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "rt_value.h"
#include "session_props.h"
#include "tap.h"

/* ---------- fake sessions ---------- */

struct rt_session {
	int id;
	const char *name, *computer, *state, *instance;
};

static struct rt_value *
fake_prop(const struct rt_session *s, const char *name)
{
	if (!strcasecmp(name, "Id"))
		return rt_int(s->id);
	if (!strcasecmp(name, "Name"))
		return rt_string(s->name);
	if (!strcasecmp(name, "ComputerName"))
		return rt_string(s->computer);
	if (!strcasecmp(name, "State"))
		return rt_string(s->state);
	if (!strcasecmp(name, "InstanceId"))
		return rt_string(s->instance);
	if (!strcasecmp(name, "ConfigurationName"))
		return rt_string("Microsoft.PowerShell");
	return NULL;
}

static struct rt_session session1 = {
	1,
	"Runspace1",
	"Server01",
	"Opened",
	"a4e3c7f0-1b2d-4c5e-8f90-123456789abc",
};

/* ---------- helpers: values live until the end of each test ---------- */

static struct rt_value *pool[256];
static size_t npool;

static struct rt_value *
keep(struct rt_value *v)
{
	if (npool < sizeof(pool) / sizeof(pool[0]))
		pool[npool++] = v;
	return v;
}

static void
drain(void)
{
	while (npool)
		rt_value_unref(pool[--npool]);
}

static struct rt_value *
S(const char *s)
{
	return keep(rt_string(s));
}

static struct rt_value *
I(int64_t i)
{
	return keep(rt_int(i));
}

static struct rt_value *
B(bool b)
{
	return keep(rt_bool(b));
}

static struct rt_value *
SB(const char *text)
{
	return keep(rt_scriptblock(text));
}

static struct rt_value *
SESSION(struct rt_session *s)
{
	return keep(rt_session_value(s));
}

/* An array of two strings or ints, built from the arguments. */
static struct rt_value *
ARR2(struct rt_value *a, struct rt_value *b)
{
	struct rt_value *v = keep(rt_array_new());
	rt_array_push(v, rt_value_ref(a));
	rt_array_push(v, rt_value_ref(b));
	return v;
}

#define P(n) ((struct rt_arg){ .name = (n) })
#define V(v) ((struct rt_arg){ .value = (v) })
#define PC(n, v) ((struct rt_arg){ .name = (n), .value = (v), .colon = true })

/* Binds the listed arguments to the named command. */
#define BIND(b, cmd, input, ...)                                               \
	rt_bind((b), meta_command_find(cmd),                                   \
		(const struct rt_arg[]){ __VA_ARGS__ },                        \
		sizeof((const struct rt_arg[]){ __VA_ARGS__ }) /               \
			sizeof(struct rt_arg),                                 \
		(input))
#define BIND0(b, cmd, input)                                                   \
	rt_bind((b), meta_command_find(cmd), NULL, 0, (input))

static const char *
str_of(const struct rt_value *v)
{
	return v && v->kind == RT_VAL_STRING ? v->u.s : NULL;
}

static const char *
elem(const struct rt_value *v, size_t i)
{
	if (!v || v->kind != RT_VAL_ARRAY || i >= v->u.array.n)
		return NULL;
	return str_of(v->u.array.v[i]);
}

static bool
ok_in_set(struct rt_binding *b, const char *set)
{
	bool ok = b->error == RT_BIND_OK && b->set && !strcmp(b->set, set);
	if (!ok)
		printf("# got error %d (%s) set %s\n", b->error,
		       b->message ? b->message : "", b->set ? b->set : "-");
	return ok;
}

/* ---------- names ---------- */

TEST(names_exact_prefix_alias)
{
	static const char *const forms[] = {
		"ComputerName", "computername", "COMPUTERNAME", "Comp",
		"Cn",		"CN",		"cn",		"Com",
	};
	struct rt_binding b;

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		BIND(&b, "Enter-PSSession", NULL, P(forms[i]),
		     V(S("Server01")));
		check(ok_in_set(&b, "ComputerName"));
		check_str(str_of(rt_binding_get(&b, "ComputerName")),
			  "Server01");
		check_int(b.nbound, ==, 1);
		check_int(b.bound[0].arg, ==, 0);
		check(!b.bound[0].from_pipeline);
		rt_binding_release(&b);
	}
	/* A prefix of an alias: IdentityFilePath is KeyFilePath's. */
	BIND(&b, "Enter-PSSession", NULL, P("HostName"), V(S("h")),
	     P("identityf"), V(S("/k")));
	check(ok_in_set(&b, "SSHHost"));
	check_str(str_of(rt_binding_get(&b, "KeyFilePath")), "/k");
	rt_binding_release(&b);
	drain();
}

TEST(ambiguous_parameter_lists_declaration_order)
{
	struct rt_binding b;

	BIND(&b, "Connect-PSSession", NULL, P("Co"), V(S("x")));
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER);
	check_str(b.error_id, "AmbiguousParameter");
	check_str(b.message,
		  "Parameter cannot be processed because the parameter name "
		  "'Co' is ambiguous. Possible matches include: -ComputerName "
		  "-ConfigurationName -ConnectionUri -Confirm.");
	check_int(b.error_arg, ==, 0);
	check(b.set == NULL);
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("c"), V(S("x")));
	check_str(b.message,
		  "Parameter cannot be processed because the parameter name "
		  "'c' is ambiguous. Possible matches include: "
		  "-CertificateThumbprint -ComputerName -ConfigurationName "
		  "-ConnectionUri -ContainerId -Credential.");
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);

	/* Only common parameters match: still ambiguous. */
	BIND(&b, "Enter-PSSession", NULL, P("Er"), V(S("Stop")));
	check_str(b.message,
		  "Parameter cannot be processed because the parameter name "
		  "'Er' is ambiguous. Possible matches include: -ErrorAction "
		  "-ErrorVariable.");
	rt_binding_release(&b);
	drain();
}

TEST(common_parameters_lose_to_one_declared)
{
	struct rt_binding b;

	/* EnableNetworkAccess beats ErrorAction and ErrorVariable. */
	BIND(&b, "Enter-PSSession", NULL, P("Cn"), V(S("s")), P("E"));
	check(ok_in_set(&b, "ComputerName"));
	check(rt_binding_switch(&b, "EnableNetworkAccess"));
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("Cn"), V(S("s")), P("Verb"),
	     P("ea"), V(S("stop")), P("ob"), V(S("3")));
	check(ok_in_set(&b, "ComputerName"));
	check(rt_binding_switch(&b, "Verbose"));
	check_str(str_of(rt_binding_get(&b, "ErrorAction")), "Stop");
	check_int(rt_binding_get(&b, "OutBuffer")->u.i, ==, 3);
	rt_binding_release(&b);

	/* Exit-PSSession takes only the common parameters. */
	BIND(&b, "Exit-PSSession", NULL, P("wa"), V(S("silentlycontinue")));
	check(ok_in_set(&b, META_ALL_SETS));
	check_str(str_of(rt_binding_get(&b, "WarningAction")),
		  "SilentlyContinue");
	rt_binding_release(&b);
	drain();
}

TEST(named_parameter_not_found)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("Foo"), V(S("x")));
	check_int(b.error, ==, RT_BIND_NAMED_PARAMETER_NOT_FOUND);
	check_str(b.error_id, "NamedParameterNotFound");
	check_str(b.message, "A parameter cannot be found that matches "
			     "parameter name 'Foo'.");
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);

	/* -WhatIf belongs only to ShouldProcess commands. */
	BIND(&b, "Enter-PSSession", NULL, P("WhatIf"));
	check_int(b.error, ==, RT_BIND_NAMED_PARAMETER_NOT_FOUND);
	rt_binding_release(&b);
	BIND(&b, "Remove-PSSession", NULL, P("Id"), V(I(1)), P("WhatIf"));
	check(ok_in_set(&b, "Id"));
	check(rt_binding_switch(&b, "WhatIf"));
	check_str(rt_binding_unsupported(&b)->name, "WhatIf");
	rt_binding_release(&b);
	drain();
}

/* ---------- values of named parameters ---------- */

TEST(colon_form_and_switches)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, PC("ComputerName", S("Server01")));
	check(ok_in_set(&b, "ComputerName"));
	check_str(str_of(rt_binding_get(&b, "ComputerName")), "Server01");
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, P("Full"));
	check(ok_in_set(&b, "AllUsersView"));
	check(rt_binding_switch(&b, "Full"));
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, PC("Full", B(false)));
	check(ok_in_set(&b, "AllUsersView"));
	check(rt_binding_get(&b, "Full") != NULL);
	check(!rt_binding_switch(&b, "Full"));
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, PC("Full", I(2)), PC("Verbose", I(0)));
	check(rt_binding_switch(&b, "Full"));
	check(!rt_binding_switch(&b, "Verbose"));
	rt_binding_release(&b);

	/* A switch does not take the next value: it stays positional. */
	BIND(&b, "Get-Help", NULL, P("Full"), V(S("Exit-PSSession")));
	check(ok_in_set(&b, "AllUsersView"));
	check_str(str_of(rt_binding_get(&b, "Name")), "Exit-PSSession");
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, PC("Full", S("yes")));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT_ARGUMENT);
	check_str(b.error_id, "CannotConvertArgument");
	check_str(b.message, "Cannot convert 'System.String' to the type "
			     "'System.Management.Automation.SwitchParameter' "
			     "required by parameter 'Full'. ");
	rt_binding_release(&b);
	drain();
}

TEST(missing_argument)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"));
	check_int(b.error, ==, RT_BIND_MISSING_ARGUMENT);
	check_str(b.error_id, "MissingArgument");
	check_str(b.message, "Missing an argument for parameter "
			     "'ComputerName'. Specify a parameter of type "
			     "'System.String' and try again.");
	check_int(b.error_arg, ==, 0);
	rt_binding_release(&b);

	/* Followed by another parameter, and typed as a prefix. */
	BIND(&b, "Remove-PSSession", NULL, P("Id"), P("Confirm"));
	check_str(b.message, "Missing an argument for parameter 'Id'. "
			     "Specify a parameter of type 'System.Int32[]' "
			     "and try again.");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), PC("Port", NULL));
	check_int(b.error, ==, RT_BIND_MISSING_ARGUMENT);
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);
	drain();
}

TEST(parameter_bound_twice)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"), V(S("a")), P("Cn"),
	     V(S("b")));
	check_int(b.error, ==, RT_BIND_PARAMETER_ALREADY_BOUND);
	check_str(b.error_id, "ParameterAlreadyBound");
	check_str(b.message,
		  "Cannot bind parameter because parameter 'Cn' is specified "
		  "more than once. To provide multiple values to parameters "
		  "that can accept multiple values, use the array syntax. For "
		  "example, \"-parameter value1,value2,value3\".");
	check_int(b.error_arg, ==, 2);
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, P("Full"), P("full"));
	check_int(b.error, ==, RT_BIND_PARAMETER_ALREADY_BOUND);
	rt_binding_release(&b);
	drain();
}

/* ---------- positional binding and sets ---------- */

TEST(enter_pssession_sets)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, V(S("Server01")));
	check(ok_in_set(&b, "ComputerName"));
	check_str(str_of(rt_binding_get(&b, "ComputerName")), "Server01");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("Id"), V(I(1)));
	check(ok_in_set(&b, "Id"));
	check_int(rt_binding_get(&b, "Id")->u.i, ==, 1);
	rt_binding_release(&b);

	/* An Int32 binds Id without coercion rather than ComputerName. */
	BIND(&b, "Enter-PSSession", NULL, V(I(7)));
	check(ok_in_set(&b, "Id"));
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("Session"), V(SESSION(&session1)));
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("Name"), V(S("Runspace1")));
	check(ok_in_set(&b, "Name"));
	rt_binding_release(&b);

	/* No argument: the default set, then its mandatory parameter. */
	BIND0(&b, "Enter-PSSession", NULL);
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	check_str(b.error_id, "MissingMandatoryParameter");
	check_str(b.set, "ComputerName");
	check_int(b.nmissing, ==, 1);
	check_str(b.missing[0]->name, "ComputerName");
	check_str(b.message, "Cannot process command because of one or more "
			     "missing mandatory parameters: ComputerName.");
	check_int(b.error_arg, ==, -1);
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("VMName"), V(S("vm")));
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	check_str(b.set, "VMName");
	check_str(b.missing[0]->name, "Credential");
	rt_binding_release(&b);

	/* Parameters of two different sets. */
	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"), V(S("a")), P("Id"),
	     V(I(1)));
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER_SET);
	rt_binding_release(&b);

	/* -Subsystem is in SSHHost (as the yaml says): it binds, and the
	   runtime then reports it unsupported. */
	BIND(&b, "Enter-PSSession", NULL, P("HostName"), V(S("h")),
	     P("Subsystem"), V(S("powershell")));
	check_int(b.error, ==, RT_BIND_OK);
	check(rt_binding_unsupported(&b) != NULL);
	rt_binding_release(&b);
	drain();
}

TEST(connect_pssession_sets)
{
	static const char *guid = "01234567-89ab-cdef-0123-456789abcdef";
	struct rt_binding b;

	BIND(&b, "Connect-PSSession", NULL, P("Name"), V(S("x")));
	check(ok_in_set(&b, "Name"));
	check_str(elem(rt_binding_get(&b, "Name"), 0), "x");
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, P("Cn"), V(S("Server01")));
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, P("ComputerName"), V(S("s")),
	     P("Name"), V(S("x")));
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, P("ComputerName"), V(S("s")),
	     P("InstanceId"), V(S(guid)));
	check(ok_in_set(&b, "ComputerNameGuid"));
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, P("InstanceId"), V(S(guid)));
	check(ok_in_set(&b, "InstanceId"));
	check_str(elem(rt_binding_get(&b, "InstanceId"), 0), guid);
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, V(S("http://s:5985/WSMAN")),
	     P("InstanceId"), V(S(guid)));
	check(ok_in_set(&b, "ConnectionUriGuid"));
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, V(I(3)));
	check(ok_in_set(&b, "Id"));
	check_int(rt_binding_get(&b, "Id")->u.array.v[0]->u.i, ==, 3);
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, V(SESSION(&session1)));
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);

	/* Only optional parameters: the default set wants -Name. */
	BIND(&b, "Connect-PSSession", NULL, P("ThrottleLimit"), V(I(5)));
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	check_str(b.set, "Name");
	check_str(b.message, "Cannot process command because of one or more "
			     "missing mandatory parameters: Name.");
	rt_binding_release(&b);

	BIND(&b, "Connect-PSSession", NULL, P("Name"), V(S("x")),
	     P("InstanceId"), V(S(guid)));
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER_SET);
	rt_binding_release(&b);
	drain();
}

TEST(get_help_sets)
{
	struct rt_binding b;

	BIND(&b, "Get-Help", NULL, P("Full"), P("Detailed"));
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER_SET);
	check_str(b.error_id, "AmbiguousParameterSet");
	check_str(b.message,
		  "Parameter set cannot be resolved using the specified named "
		  "parameters. One or more parameters issued cannot be used "
		  "together or an insufficient number of parameters were "
		  "provided.");
	check_int(b.error_arg, ==, -1);
	rt_binding_release(&b);

	BIND0(&b, "Get-Help", NULL);
	check(ok_in_set(&b, "AllUsersView"));
	check_int(b.nbound, ==, 0);
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, V(S("Exit-PSSession")), P("Parameter"),
	     V(S("Id")));
	check(ok_in_set(&b, "Parameters"));
	check_str(elem(rt_binding_get(&b, "Parameter"), 0), "Id");
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, V(S("x")), P("Examples"));
	check(ok_in_set(&b, "Examples"));
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, V(S("a")), V(S("b")));
	check_int(b.error, ==, RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND);
	check_str(b.error_id, "PositionalParameterNotFound");
	check_str(b.message, "A positional parameter cannot be found that "
			     "accepts argument 'b'.");
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);

	/* -Category has a ValidateSet: checked, kept as typed. */
	BIND(&b, "Get-Help", NULL, P("Category"), V(S("cmdlet")));
	check(ok_in_set(&b, "AllUsersView"));
	check_str(elem(rt_binding_get(&b, "Category"), 0), "cmdlet");
	rt_binding_release(&b);

	BIND(&b, "Get-Help", NULL, P("Category"), V(S("Nope")));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	check_str(b.error_id, "ParameterArgumentValidationError");
	check(!strncmp(b.message,
		       "Cannot validate argument on parameter "
		       "'Category'. The argument \"Nope\" does not "
		       "belong to the set \"Alias,Cmdlet,Provider,",
		       120));
	check(strstr(b.message, "\" specified by the ValidateSet attribute. "
				"Supply an argument that is in the set and "
				"then try the command again.") != NULL);
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);
	drain();
}

TEST(positional_not_found)
{
	struct rt_binding b;

	BIND(&b, "Exit-PSSession", NULL, V(S("foo")));
	check_str(b.message, "A positional parameter cannot be found that "
			     "accepts argument 'foo'.");
	check_int(b.error_arg, ==, 0);
	rt_binding_release(&b);

	BIND(&b, "Exit-PSSession", NULL, V(ARR2(I(1), I(2))));
	check_str(b.message, "A positional parameter cannot be found that "
			     "accepts argument 'System.Object[]'.");
	rt_binding_release(&b);

	BIND(&b, "Exit-PSSession", NULL, V(SB(" Get-Date ")));
	check_str(b.message, "A positional parameter cannot be found that "
			     "accepts argument ' Get-Date '.");
	rt_binding_release(&b);
	drain();
}

TEST(invoke_command_positions)
{
	struct rt_binding b;

	BIND(&b, "Invoke-Command", NULL, V(SB("1")));
	check(ok_in_set(&b, "InProcess"));
	check_int(rt_binding_get(&b, "ScriptBlock")->kind, ==,
		  RT_VAL_SCRIPTBLOCK);
	rt_binding_release(&b);

	/* ComputerName at 0, ScriptBlock at 1 outside InProcess. */
	BIND(&b, "Invoke-Command", NULL, V(S("Server01")), V(SB("1")));
	check(ok_in_set(&b, "ComputerName"));
	check_str(elem(rt_binding_get(&b, "ComputerName"), 0), "Server01");
	rt_binding_release(&b);

	BIND(&b, "Invoke-Command", NULL, P("Session"), V(SESSION(&session1)),
	     V(SB("1")));
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);

	BIND(&b, "Invoke-Command", NULL, P("Cn"), V(S("s")), P("FilePath"),
	     V(S("/x.ps1")));
	check(ok_in_set(&b, "FilePathComputerName"));
	check_str(rt_binding_unsupported(&b)->name, "FilePath");
	rt_binding_release(&b);

	BIND(&b, "Invoke-Command", NULL, V(S("Server01")), V(S("/x.ps1")));
	check(ok_in_set(&b, "FilePathComputerName"));
	rt_binding_release(&b);

	BIND0(&b, "Invoke-Command", NULL);
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	check_str(b.set, "InProcess");
	check_str(b.missing[0]->name, "ScriptBlock");
	rt_binding_release(&b);

	/* A string is no script block: a clear conversion error. */
	BIND(&b, "Invoke-Command", NULL, P("ScriptBlock"), V(S("Get-Date")));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT);
	check_str(b.message, "Cannot bind parameter 'ScriptBlock'. Cannot "
			     "convert the \"Get-Date\" value of type "
			     "\"System.String\" to type "
			     "\"System.Management.Automation.ScriptBlock\".");
	rt_binding_release(&b);

	BIND(&b, "Invoke-Command", NULL, P("ScriptBlock"), V(SB("1")),
	     P("ArgumentList"), V(ARR2(I(1), S("a"))));
	check(ok_in_set(&b, "InProcess"));
	check_int(rt_binding_get(&b, "ArgumentList")->u.array.n, ==, 2);
	rt_binding_release(&b);
	drain();
}

TEST(other_commands)
{
	struct rt_binding b;

	/* Positions are relative: Disconnect-PSSession starts at 1. */
	BIND(&b, "Disconnect-PSSession", NULL, V(I(2)));
	check(ok_in_set(&b, "Id"));
	rt_binding_release(&b);
	BIND(&b, "Disconnect-PSSession", NULL, V(SESSION(&session1)),
	     P("IdleTimeoutSec"), V(S("60")));
	check(ok_in_set(&b, "Session"));
	check_int(rt_binding_get(&b, "IdleTimeoutSec")->u.i, ==, 60);
	rt_binding_release(&b);

	/* Remove-PSSession: Id is the default; a session finds Session. */
	BIND(&b, "Remove-PSSession", NULL, V(SESSION(&session1)));
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);
	BIND(&b, "Remove-PSSession", NULL, V(S("Server01")));
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);
	/* The string "1" is a String without coercion: ComputerName. */
	BIND(&b, "Remove-PSSession", NULL, V(S("1")));
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);
	BIND(&b, "Remove-PSSession", NULL, V(I(1)));
	check(ok_in_set(&b, "Id"));
	rt_binding_release(&b);

	BIND0(&b, "Get-PSSession", NULL);
	check(ok_in_set(&b, "Name"));
	rt_binding_release(&b);
	BIND(&b, "Get-PSSession", NULL, V(S("s")), P("State"), V(S("opened")));
	check(ok_in_set(&b, "ComputerName"));
	check_str(str_of(rt_binding_get(&b, "State")), "Opened");
	rt_binding_release(&b);
	/* -State is in no set without a computer, container or VM. */
	BIND(&b, "Get-PSSession", NULL, P("State"), V(S("Opened")));
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER_SET);
	rt_binding_release(&b);

	BIND(&b, "Receive-PSSession", NULL, P("Name"), V(S("x")));
	check(ok_in_set(&b, "SessionName"));
	rt_binding_release(&b);
	BIND(&b, "Receive-PSSession", NULL, V(S("Server01")), P("Name"),
	     V(S("x")));
	check(ok_in_set(&b, "ComputerSessionName"));
	rt_binding_release(&b);

	BIND(&b, "New-PSSession", NULL, V(ARR2(S("a"), S("b"))));
	check(ok_in_set(&b, "ComputerName"));
	check_str(elem(rt_binding_get(&b, "ComputerName"), 1), "b");
	rt_binding_release(&b);

	BIND(&b, "Get-Command", NULL, V(S("Get-Help")));
	check(ok_in_set(&b, "AllCommandSet"));
	rt_binding_release(&b);
	BIND(&b, "Get-Command", NULL, P("Verb"), V(S("Get")));
	check(ok_in_set(&b, "CmdletSet"));
	rt_binding_release(&b);
	BIND(&b, "gcm", NULL, P("CommandType"),
	     V(ARR2(S("cmdlet"), S("alias"))));
	check(ok_in_set(&b, "AllCommandSet"));
	check_str(str_of(rt_binding_get(&b, "CommandType")), "Cmdlet, Alias");
	rt_binding_release(&b);
	drain();
}

TEST(write_output_remaining_arguments)
{
	struct rt_binding b;
	struct rt_value *v;

	BIND(&b, "Write-Output", NULL, V(S("a")), V(I(2)), V(S("c")));
	check(ok_in_set(&b, META_ALL_SETS));
	v = rt_binding_get(&b, "InputObject");
	check(v && v->kind == RT_VAL_ARRAY && v->u.array.n == 3);
	check_str(elem(v, 0), "a");
	check_str(elem(v, 2), "c");
	check_int(b.nbound, ==, 1);
	rt_binding_release(&b);

	BIND(&b, "echo", NULL, V(S("only")), P("NoEnumerate"));
	check(ok_in_set(&b, META_ALL_SETS));
	check_int(rt_binding_get(&b, "InputObject")->u.array.n, ==, 1);
	rt_binding_release(&b);

	BIND(&b, "Write-Output", NULL, P("InputObject"), V(S("a")), V(S("b")));
	check_int(b.error, ==, RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND);
	check_int(b.error_arg, ==, 2);
	rt_binding_release(&b);

	BIND0(&b, "Write-Output", NULL);
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	check_str(b.missing[0]->name, "InputObject");
	rt_binding_release(&b);

	/* InputObject allows $null and empty values. */
	BIND(&b, "Write-Output", NULL, V(keep(rt_null())));
	check(ok_in_set(&b, META_ALL_SETS));
	rt_binding_release(&b);
	drain();
}

/* ---------- conversions ---------- */

static void
check_int32(const char *text, int64_t expect)
{
	struct rt_binding b;
	BIND(&b, "Enter-PSSession", NULL, P("Id"), V(S(text)));
	check(ok_in_set(&b, "Id"));
	struct rt_value *v = rt_binding_get(&b, "Id");
	if (v)
		check_int(v->u.i, ==, expect);
	rt_binding_release(&b);
}

static void
check_bad_int32(struct rt_value *arg, const char *message)
{
	struct rt_binding b;
	BIND(&b, "Enter-PSSession", NULL, P("Id"), V(arg));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT);
	check_str(b.error_id, "CannotConvertArgumentNoMessage");
	check_str(b.message, message);
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);
}

TEST(int32_conversion)
{
	check_int32("42", 42);
	check_int32(" -7 ", -7);
	check_int32("+3", 3);
	check_int32("0x10", 16);
	check_int32("2.5", 2);
	check_int32("3.5", 4);
	check_int32("2.51", 3);
	check_int32("", 0);
	check_int32("2147483647", INT32_MAX);
	check_int32("-2147483648", INT32_MIN);
	check_bad_int32(S("abc"),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"abc\" to type \"System.Int32\". Error: \"Input "
			"string was not in a correct format.\"");
	check_bad_int32(S("1x"),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"1x\" to type \"System.Int32\". Error: \"Input "
			"string was not in a correct format.\"");
	check_bad_int32(S("-"),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"-\" to type \"System.Int32\". Error: \"Input "
			"string was not in a correct format.\"");
	check_bad_int32(S("2147483648"),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"2147483648\" to type \"System.Int32\". Error: "
			"\"Value was either too large or too small for an "
			"Int32.\"");
	check_bad_int32(S("99999999999999999999999"),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"99999999999999999999999\" to type \"System.Int32\". "
			"Error: \"Value was either too large or too small for "
			"an Int32.\"");
	check_bad_int32(I(99999999999),
			"Cannot bind parameter 'Id'. Cannot convert value "
			"\"99999999999\" to type \"System.Int32\". Error: "
			"\"Value was either too large or too small for an "
			"Int32.\"");
	check_bad_int32(SESSION(&session1),
			"Cannot bind parameter 'Id'. Cannot convert the "
			"\"[PSSession]Runspace1\" value of type "
			"\"System.Management.Automation.Runspaces.PSSession\" "
			"to type \"System.Int32\".");

	/* A collection never binds to a scalar. */
	struct rt_binding b;
	BIND(&b, "Enter-PSSession", NULL, P("Id"), V(ARR2(I(1), I(2))));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT_ARGUMENT);
	check_str(b.error_id, "CannotConvertArgument");
	check_str(b.message, "Cannot convert 'System.Object[]' to the type "
			     "'System.Int32' required by parameter 'Id'. "
			     "Specified method is not supported.");
	rt_binding_release(&b);

	/* Int32[] takes scalars and arrays, element by element. */
	BIND(&b, "Remove-PSSession", NULL, P("Id"), V(ARR2(I(1), S("2"))));
	check(ok_in_set(&b, "Id"));
	struct rt_value *v = rt_binding_get(&b, "Id");
	check(v && v->kind == RT_VAL_ARRAY && v->u.array.n == 2);
	if (v && v->u.array.n == 2)
		check_int(v->u.array.v[1]->u.i, ==, 2);
	rt_binding_release(&b);
	BIND(&b, "Remove-PSSession", NULL, P("Id"), V(ARR2(I(1), S("x"))));
	check_str(b.message, "Cannot bind parameter 'Id'. Cannot convert "
			     "value \"x\" to type \"System.Int32\". Error: "
			     "\"Input string was not in a correct format.\"");
	rt_binding_release(&b);
	drain();
}

TEST(string_array_conversion)
{
	struct rt_binding b;
	struct rt_value *v;

	BIND(&b, "Get-PSSession", NULL, P("ComputerName"), V(I(5)));
	check(ok_in_set(&b, "ComputerName"));
	v = rt_binding_get(&b, "ComputerName");
	check(v && v->kind == RT_VAL_ARRAY && v->u.array.n == 1);
	check_str(elem(v, 0), "5");
	rt_binding_release(&b);

	BIND(&b, "Get-PSSession", NULL, P("ComputerName"),
	     V(ARR2(S("a"), B(true))));
	check_str(elem(rt_binding_get(&b, "ComputerName"), 1), "True");
	rt_binding_release(&b);

	/* A scalar String refuses an array. */
	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"),
	     V(ARR2(S("a"), S("b"))));
	check_str(b.message, "Cannot convert 'System.Object[]' to the type "
			     "'System.String' required by parameter "
			     "'ComputerName'. Specified method is not "
			     "supported.");
	rt_binding_release(&b);
	drain();
}

static void
check_guid(const char *text, const char *expect)
{
	struct rt_binding b;
	BIND(&b, "Enter-PSSession", NULL, P("InstanceId"), V(S(text)));
	check(ok_in_set(&b, "InstanceId"));
	check_str(str_of(rt_binding_get(&b, "InstanceId")), expect);
	rt_binding_release(&b);
}

static void
check_bad_guid(const char *text, const char *why)
{
	struct rt_binding b;
	char expect[512];
	snprintf(expect, sizeof(expect),
		 "Cannot bind parameter 'InstanceId'. Cannot convert value "
		 "\"%s\" to type \"System.Guid\". Error: \"%s\"",
		 text, why);
	BIND(&b, "Enter-PSSession", NULL, P("InstanceId"), V(S(text)));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT);
	check_str(b.message, expect);
	rt_binding_release(&b);
}

TEST(guid_conversion)
{
	const char *canon = "01234567-89ab-cdef-0123-456789abcdef";

	check_guid("01234567-89AB-CDEF-0123-456789ABCDEF", canon);
	check_guid("0123456789abcdef0123456789ABCDEF", canon);
	check_guid("{01234567-89ab-cdef-0123-456789abcdef}", canon);
	check_guid("(01234567-89ab-cdef-0123-456789abcdef)", canon);
	check_guid("  01234567-89ab-cdef-0123-456789abcdef ", canon);
	check_bad_guid("xyz", "Guid should contain 32 digits with 4 dashes "
			      "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
	check_bad_guid("0123456789abcdef0123456789abcdeg",
		       "Guid string should only contain hexadecimal "
		       "characters.");
	check_bad_guid("0123456-789ab-cdef-0123-456789abcdef",
		       "Dashes are in the wrong position for GUID parsing.");
	check_bad_guid("01234567-89ab-cdef-0123-456789abcdeZ",
		       "Guid string should only contain hexadecimal "
		       "characters.");
	check_bad_guid("{01234567-89ab-cdef-0123-456789abcdef",
		       "Unrecognized Guid format.");
	check_bad_guid("", "Unrecognized Guid format.");

	struct rt_binding b;
	BIND(&b, "Enter-PSSession", NULL, P("InstanceId"), V(I(5)));
	check_str(b.message, "Cannot bind parameter 'InstanceId'. Cannot "
			     "convert the \"5\" value of type \"System.Int32\" "
			     "to type \"System.Guid\".");
	rt_binding_release(&b);
	drain();
}

TEST(uri_conversion)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, P("ConnectionUri"),
	     V(S("http://Server01:5985/WSMAN")));
	check(ok_in_set(&b, "Uri"));
	check_str(str_of(rt_binding_get(&b, "ConnectionUri")),
		  "http://Server01:5985/WSMAN");
	check_str(rt_binding_unsupported(&b)->name, "ConnectionUri");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("URI"), V(S("Server01")));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT);
	check_str(b.message, "Cannot bind parameter 'ConnectionUri'. Cannot "
			     "convert value \"Server01\" to type "
			     "\"System.Uri\". Error: \"Invalid URI: The format "
			     "of the URI could not be determined.\"");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("CU"), V(S("http:///x")));
	check_str(b.message, "Cannot bind parameter 'ConnectionUri'. Cannot "
			     "convert value \"http:///x\" to type "
			     "\"System.Uri\". Error: \"Invalid URI: The "
			     "hostname could not be parsed.\"");
	rt_binding_release(&b);

	/* Uri[] (Connect-PSSession) converts each element. */
	BIND(&b, "Connect-PSSession", NULL, P("ConnectionUri"),
	     V(ARR2(S("https://a/"), S("ssh:b"))));
	check(ok_in_set(&b, "ConnectionUri"));
	check_str(elem(rt_binding_get(&b, "ConnectionUri"), 1), "ssh:b");
	rt_binding_release(&b);
	drain();
}

TEST(enum_conversion)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("Authentication"),
	     V(S("kerberos")));
	check(ok_in_set(&b, "ComputerName"));
	check_str(str_of(rt_binding_get(&b, "Authentication")), "Kerberos");
	check_str(rt_binding_unsupported(&b)->name, "Authentication");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("Authentication"),
	     V(S("Magic")));
	check_int(b.error, ==, RT_BIND_CANNOT_CONVERT);
	check_str(b.message,
		  "Cannot bind parameter 'Authentication'. Cannot convert "
		  "value \"Magic\" to type "
		  "\"System.Management.Automation.Runspaces."
		  "AuthenticationMechanism\". Error: \"Unable to match the "
		  "identifier name Magic to a valid enumerator name. Specify "
		  "one of the following enumerator names and try again:\n"
		  "Default, Basic, Negotiate, NegotiateWithImplicitCredential, "
		  "Credssp, Digest, Kerberos\"");
	check_int(b.error_arg, ==, 2);
	rt_binding_release(&b);

	BIND(&b, "Receive-PSSession", NULL, P("Id"), V(I(1)), P("OutTarget"),
	     V(S("HOST")));
	check(ok_in_set(&b, "Id"));
	check_str(str_of(rt_binding_get(&b, "OutTarget")), "Host");
	rt_binding_release(&b);

	BIND(&b, "Exit-PSSession", NULL, P("ErrorAction"), V(S("Bogus")));
	check(strstr(b.message, "\"System.Management.Automation."
				"ActionPreference\". Error: \"Unable to match "
				"the identifier name Bogus") != NULL);
	check(strstr(b.message, "SilentlyContinue, Stop, Continue, Inquire, "
				"Ignore, Suspend, Break\"") != NULL);
	rt_binding_release(&b);
	drain();
}

TEST(null_and_empty_values)
{
	struct rt_binding b;

	/* [ValidateNotNullOrEmpty()] runs before the mandatory check */
	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"), V(S("")));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	check_str(b.error_id, "ParameterArgumentValidationError");
	check_str(b.message,
		  "Cannot validate argument on parameter 'ComputerName'. "
		  "The argument is null or empty. Provide an argument that "
		  "is not null or empty, and then try the command again.");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, P("ComputerName"),
	     V(keep(rt_null())));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	rt_binding_release(&b);

	BIND(&b, "New-PSSession", NULL, P("Name"), V(keep(rt_null())));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	rt_binding_release(&b);

	BIND(&b, "Get-PSSession", NULL, P("Name"), V(S("")));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	rt_binding_release(&b);

	/* Get-Help -Name has no such attribute */
	BIND(&b, "Get-Help", NULL, P("Name"), V(S("")));
	check_int(b.error, ==, RT_BIND_OK);
	rt_binding_release(&b);

	/* a mandatory parameter without it keeps the binder's message */
	BIND(&b, "Remove-PSSession", NULL, P("Id"), V(keep(rt_null())));
	check_int(b.error, ==, RT_BIND_NULL_NOT_ALLOWED);
	rt_binding_release(&b);

	BIND(&b, "Remove-PSSession", NULL, P("Id"), V(keep(rt_array_new())));
	check_int(b.error, ==, RT_BIND_EMPTY_ARRAY_NOT_ALLOWED);
	check_str(b.message, "Cannot bind argument to parameter 'Id' because "
			     "it is an empty array.");
	rt_binding_release(&b);

	BIND(&b, "Remove-PSSession", NULL, P("ComputerName"),
	     V(ARR2(S("a"), S(""))));
	check_int(b.error, ==, RT_BIND_VALIDATION);
	rt_binding_release(&b);

	/* Optional parameters take "" as given. */
	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("ConfigurationName"),
	     V(S("")));
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);
	drain();
}

/* ---------- pipeline input ---------- */

TEST(pipeline_by_value)
{
	struct rt_binding b;
	struct rt_value *s = SESSION(&session1);

	BIND0(&b, "Remove-PSSession", s);
	check(ok_in_set(&b, "Session"));
	check_int(b.nbound, ==, 1);
	check(b.bound[0].from_pipeline);
	check_int(b.bound[0].arg, ==, -1);
	struct rt_value *v = rt_binding_get(&b, "Session");
	check(v && v->kind == RT_VAL_ARRAY && v->u.array.n == 1 &&
	      v->u.array.v[0] == s);
	rt_binding_release(&b);

	BIND0(&b, "Enter-PSSession", s);
	check(ok_in_set(&b, "Session"));
	check(rt_binding_get(&b, "Session") == s);
	rt_binding_release(&b);

	BIND0(&b, "Enter-PSSession", S("Server01"));
	check(ok_in_set(&b, "ComputerName"));
	check(b.bound[0].from_pipeline);
	rt_binding_release(&b);

	BIND0(&b, "Disconnect-PSSession", s);
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);
	BIND0(&b, "Receive-PSSession", s);
	check(ok_in_set(&b, "Session"));
	rt_binding_release(&b);

	BIND0(&b, "Write-Output", I(3));
	check(ok_in_set(&b, META_ALL_SETS));
	check_int(rt_binding_get(&b, "InputObject")->u.array.n, ==, 1);
	rt_binding_release(&b);

	/* The command line binds first, the pipeline fills the rest. */
	BIND(&b, "Invoke-Command", S("x"), V(SB("1")));
	check(ok_in_set(&b, "InProcess"));
	check_str(str_of(rt_binding_get(&b, "InputObject")), "x");
	rt_binding_release(&b);

	/* Bound in the default set, the object feeds no other set's
	   -ConfigurationName by property name. */
	BIND(&b, "Invoke-Command", s, V(SB("1")));
	check(ok_in_set(&b, "InProcess"));
	check(rt_binding_get(&b, "InputObject") == s);
	check_int(b.nbound, ==, 2);
	rt_binding_release(&b);
	drain();
}

TEST(pipeline_by_property_name)
{
	struct rt_binding b;
	struct rt_value *r = keep(rt_record_new(NULL));

	rt_record_set(r, "computername", rt_string("Server02"));
	BIND0(&b, "Remove-PSSession", r);
	check(ok_in_set(&b, "ComputerName"));
	check_str(elem(rt_binding_get(&b, "ComputerName"), 0), "Server02");
	check(b.bound[0].from_pipeline);
	rt_binding_release(&b);

	BIND0(&b, "Enter-PSSession", r);
	check(ok_in_set(&b, "ComputerName"));
	check_str(str_of(rt_binding_get(&b, "ComputerName")), "Server02");
	rt_binding_release(&b);

	/* By alias, and with coercion ("3" to Int32[]). */
	struct rt_value *r2 = keep(rt_record_new(NULL));
	rt_record_set(r2, "Id", rt_string("3"));
	BIND0(&b, "Remove-PSSession", r2);
	check(ok_in_set(&b, "Id"));
	check_int(rt_binding_get(&b, "Id")->u.array.v[0]->u.i, ==, 3);
	rt_binding_release(&b);
	struct rt_value *r3 = keep(rt_record_new(NULL));
	rt_record_set(r3, "Cn", rt_string("Server03"));
	BIND0(&b, "Enter-PSSession", r3);
	check(ok_in_set(&b, "ComputerName"));
	rt_binding_release(&b);

	/* A session's properties feed Get-PSSession's default set only. */
	BIND0(&b, "Get-PSSession", SESSION(&session1));
	check(ok_in_set(&b, "Name"));
	check_str(elem(rt_binding_get(&b, "Name"), 0), "Runspace1");
	check_int(b.nbound, ==, 1);
	rt_binding_release(&b);

	/* Properties of two sets in one pass: no set is left. */
	struct rt_value *r4 = keep(rt_record_new(NULL));
	rt_record_set(r4, "ComputerName", rt_string("a"));
	rt_record_set(r4, "VMName", rt_string("b"));
	BIND0(&b, "Remove-PSSession", r4);
	check_int(b.error, ==, RT_BIND_AMBIGUOUS_PARAMETER_SET);
	rt_binding_release(&b);

	/* Nothing matches: PowerShell's InputObjectNotBound. */
	BIND0(&b, "Exit-PSSession", I(5));
	check_int(b.error, ==, RT_BIND_INPUT_NOT_BOUND);
	check_str(b.error_id, "InputObjectNotBound");
	check_str(b.message,
		  "The input object cannot be bound to any parameters for the "
		  "command either because the command does not take pipeline "
		  "input or the input and its properties do not match any of "
		  "the parameters that take pipeline input.");
	rt_binding_release(&b);
	BIND0(&b, "Remove-PSSession", S("x"));
	check_int(b.error, ==, RT_BIND_INPUT_NOT_BOUND);
	rt_binding_release(&b);
	drain();
}

/* ---------- the rest of the API ---------- */

TEST(unsupported_parameters_bind)
{
	struct rt_binding b;

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("Credential"),
	     V(S("me")), P("UseSSL"));
	check(ok_in_set(&b, "ComputerName"));
	check_str(rt_binding_unsupported(&b)->name, "Credential");
	check(rt_binding_switch(&b, "UseSSL"));
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, V(S("s")), P("Port"), V(I(5986)));
	check(ok_in_set(&b, "ComputerName"));
	check_str(rt_binding_unsupported(&b)->name, "Port");
	rt_binding_release(&b);

	BIND(&b, "Enter-PSSession", NULL, V(S("s")));
	check(rt_binding_unsupported(&b) == NULL);
	rt_binding_release(&b);
	drain();
}

TEST(prompt_then_bind_again)
{
	struct rt_binding b;
	char *caption = rt_bind_prompt_caption("Enter-PSSession", 1);

	check_str(caption, "cmdlet Enter-PSSession at command pipeline "
			   "position 1");
	check_str(rt_bind_prompt_message(),
		  "Supply values for the following parameters:");
	free(caption);

	/* The REPL asks for the missing names and appends them. */
	BIND0(&b, "Enter-PSSession", NULL);
	check_int(b.nmissing, ==, 1);
	const char *name = b.missing[0]->name;
	rt_binding_release(&b);
	BIND(&b, "Enter-PSSession", NULL, P(name), V(S("Server01")));
	check(ok_in_set(&b, "ComputerName"));
	check_int(b.nmissing, ==, 0);
	rt_binding_release(&b);
	drain();
}

TEST(hostile_inputs)
{
	enum { N = 20000 };
	struct rt_arg *args = calloc(N, sizeof(*args));
	struct rt_value *x = rt_string("x");
	struct rt_binding b;
	char *longname = calloc(1, 100001);

	for (size_t i = 0; i < N; i++)
		args[i].value = x;
	rt_bind(&b, meta_command_find("Write-Output"), args, N, NULL);
	check(ok_in_set(&b, META_ALL_SETS));
	check_int(rt_binding_get(&b, "InputObject")->u.array.n, ==, N);
	rt_binding_release(&b);

	rt_bind(&b, meta_command_find("Get-Help"), args, N, NULL);
	check_int(b.error, ==, RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND);
	check_int(b.error_arg, ==, 1);
	rt_binding_release(&b);

	memset(longname, 'C', 100000);
	args[0] = P(longname);
	rt_bind(&b, meta_command_find("Enter-PSSession"), args, 2, NULL);
	check_int(b.error, ==, RT_BIND_NAMED_PARAMETER_NOT_FOUND);
	rt_binding_release(&b);

	args[0] = P("");
	rt_bind(&b, meta_command_find("Enter-PSSession"), args, 2, NULL);
	check_int(b.error, ==, RT_BIND_NAMED_PARAMETER_NOT_FOUND);
	rt_binding_release(&b);

	/* A positional entry without a value is ignored, not a crash. */
	args[0] = (struct rt_arg){ 0 };
	rt_bind(&b, meta_command_find("Enter-PSSession"), args, 1, NULL);
	check_int(b.error, ==, RT_BIND_MISSING_MANDATORY);
	rt_binding_release(&b);

	free(longname);
	free(args);
	rt_value_unref(x);
}

/* ---------- values ---------- */

TEST(values_strings_and_refs)
{
	struct rt_value *a = rt_array_new();
	char *s;

	for (int i = 0; i < 100; i++)
		rt_array_push(a, rt_int(i));
	check_int(a->u.array.n, ==, 100);
	s = rt_value_to_string(a);
	check(!strncmp(s, "0 1 2 3", 7));
	free(s);

	struct rt_value *r = rt_record_new("Test.Type");
	rt_record_set(r, "A", rt_int(1));
	rt_record_set(r, "B", rt_string("x"));
	rt_record_set(r, "a", rt_bool(true)); /* replaces A */
	rt_array_push(a, rt_value_ref(r));
	check_int(r->u.record.n, ==, 2);
	check(rt_record_get(r, "b") &&
	      rt_record_get(r, "B")->kind == RT_VAL_STRING);
	check(rt_record_get(r, "C") == NULL);
	s = rt_value_to_string(r);
	check_str(s, "@{A=True; B=x}");
	free(s);
	check_str(rt_value_type_name(r), "Test.Type");
	check_str(rt_value_type_name(a), "System.Object[]");

	struct rt_value *nested = rt_array_new();
	rt_array_push(nested, rt_string("p"));
	rt_array_push(nested, rt_value_ref(a));
	s = rt_value_to_string(nested);
	check_str(s, "p System.Object[]");
	free(s);

	rt_value_unref(r);
	rt_value_unref(a);
	rt_value_unref(nested);

	s = rt_value_to_string(SESSION(&session1));
	check_str(s, "[PSSession]Runspace1");
	free(s);
	check_str(rt_value_type_name(I(1)), "System.Int32");
	check_str(rt_value_type_name(I(1LL << 40)), "System.Int64");
	s = rt_value_to_string(B(false));
	check_str(s, "False");
	free(s);
	s = rt_value_to_string(keep(rt_string_n("abcdef", 3)));
	check_str(s, "abc");
	free(s);
	drain();
}

TEST(values_deep_nesting_frees)
{
	/* Freeing a 200000-deep chain must not recurse. */
	struct rt_value *v = rt_array_new();
	for (int i = 0; i < 200000; i++) {
		struct rt_value *outer = rt_array_new();
		rt_array_push(outer, v);
		v = outer;
	}
	char *s = rt_value_to_string(v);
	check_str(s, "System.Object[]");
	free(s);
	rt_value_unref(v);

	struct rt_value *r = rt_record_new(NULL);
	for (int i = 0; i < 100; i++) {
		struct rt_value *outer = rt_record_new(NULL);
		rt_record_set(outer, "X", r);
		r = outer;
	}
	s = rt_value_to_string(r);
	check(strstr(s, "...") != NULL);
	free(s);
	rt_value_unref(r);
}

int
main(void)
{
	rt_session_props_register(fake_prop);
	RUN(names_exact_prefix_alias);
	RUN(ambiguous_parameter_lists_declaration_order);
	RUN(common_parameters_lose_to_one_declared);
	RUN(named_parameter_not_found);
	RUN(colon_form_and_switches);
	RUN(missing_argument);
	RUN(parameter_bound_twice);
	RUN(enter_pssession_sets);
	RUN(connect_pssession_sets);
	RUN(get_help_sets);
	RUN(positional_not_found);
	RUN(invoke_command_positions);
	RUN(other_commands);
	RUN(write_output_remaining_arguments);
	RUN(int32_conversion);
	RUN(string_array_conversion);
	RUN(guid_conversion);
	RUN(uri_conversion);
	RUN(enum_conversion);
	RUN(null_and_empty_values);
	RUN(pipeline_by_value);
	RUN(pipeline_by_property_name);
	RUN(unsupported_parameters_bind);
	RUN(prompt_then_bind_again);
	RUN(hostile_inputs);
	RUN(values_strings_and_refs);
	RUN(values_deep_nesting_frees);
	return tap_done();
}
