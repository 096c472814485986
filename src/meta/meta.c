/* SPDX-License-Identifier: MIT */
/*
 * The command registry and the common parameters.  The tables themselves
 * live in commands/<Verb-Noun>.c, their JSON form in meta_json.c.
 */
#include <string.h>
#include <strings.h>

#include "meta.h"

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define ALL_SETS(pos)                                                          \
	.sets = (const struct meta_param_set[]){ { HELP_ALL_SETS, false, pos,  \
						   0 } },                      \
	.nsets = 1

extern const struct meta_command meta_cmd_connect_pssession;
extern const struct meta_command meta_cmd_disconnect_pssession;
extern const struct meta_command meta_cmd_enter_pssession;
extern const struct meta_command meta_cmd_exit_pssession;
extern const struct meta_command meta_cmd_foreach_object;
extern const struct meta_command meta_cmd_get_command;
extern const struct meta_command meta_cmd_get_help;
extern const struct meta_command meta_cmd_get_pssession;
extern const struct meta_command meta_cmd_invoke_command;
extern const struct meta_command meta_cmd_new_pssession;
extern const struct meta_command meta_cmd_out_default;
extern const struct meta_command meta_cmd_out_host;
extern const struct meta_command meta_cmd_out_null;
extern const struct meta_command meta_cmd_receive_pssession;
extern const struct meta_command meta_cmd_remove_pssession;
extern const struct meta_command meta_cmd_write_output;
extern const struct meta_command meta_cmd_write_verbose;
extern const struct meta_command meta_cmd_write_warning;
extern const struct meta_command meta_cmd_where_object;
extern const struct meta_command meta_cmd_get_job;
extern const struct meta_command meta_cmd_receive_job;
extern const struct meta_command meta_cmd_remove_job;
extern const struct meta_command meta_cmd_start_sleep;
extern const struct meta_command meta_cmd_wait_job;

/* Sorted by name (test_meta checks the order). */
static const struct meta_command *const commands[] = {
	&meta_cmd_connect_pssession, &meta_cmd_disconnect_pssession,
	&meta_cmd_enter_pssession,   &meta_cmd_exit_pssession,
	&meta_cmd_foreach_object,
	&meta_cmd_get_command,	     &meta_cmd_get_help,
	&meta_cmd_get_job,
	&meta_cmd_get_pssession,     &meta_cmd_invoke_command,
	&meta_cmd_new_pssession,     &meta_cmd_out_default,
	&meta_cmd_out_host,	     &meta_cmd_out_null,
	&meta_cmd_receive_job,
	&meta_cmd_receive_pssession,
	&meta_cmd_remove_job,
	&meta_cmd_remove_pssession,
	&meta_cmd_start_sleep,
	&meta_cmd_wait_job,
	&meta_cmd_where_object,
	&meta_cmd_write_output,
	&meta_cmd_write_verbose,
	&meta_cmd_write_warning,
};

#define SWITCH_TYPE "System.Management.Automation.SwitchParameter"
#define ACTION_TYPE "System.Management.Automation.ActionPreference"
#define ACTION_VALUES                                                          \
	LIST("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore",      \
	     "Suspend", "Break")

#define SWITCH_PARAM(n, a, ok)                                                 \
	{                                                                      \
		.name = n, .type_name = SWITCH_TYPE, .type = META_TYPE_SWITCH, \
		.aliases = LIST(a), .default_value = "False",                  \
		.supported = ok, ALL_SETS(META_POSITION_NAMED)                 \
	}
#define ACTION_PARAM(n, a, ok)                                                 \
	{                                                                      \
		.name = n, .type_name = ACTION_TYPE, .type = META_TYPE_ENUM,   \
		.aliases = LIST(a), .accepted_values = ACTION_VALUES,          \
		.default_value = "None", .supported = ok,                      \
		ALL_SETS(META_POSITION_NAMED)                                  \
	}
#define STRING_PARAM(n, a, ok)                                                 \
	{                                                                      \
		.name = n, .type_name = "System.String",                       \
		.type = META_TYPE_STRING, .aliases = LIST(a),                  \
		.default_value = "None", .supported = ok,                      \
		ALL_SETS(META_POSITION_NAMED)                                  \
	}

/*
 * about_CommonParameters, in PowerShell's declaration order.  Supported
 * means the runtime honours it (tests/psh/test_language.py proves each).
 * psh writes verbose and warning records but no debug or information
 * ones, so those parameters are refused rather than accepted and ignored.
 */
static const struct meta_param common_params[] = {
	SWITCH_PARAM("Verbose", "vb", true),
	SWITCH_PARAM("Debug", "db", false),
	ACTION_PARAM("ErrorAction", "ea", true),
	ACTION_PARAM("WarningAction", "wa", true),
	ACTION_PARAM("InformationAction", "infa", false),
	STRING_PARAM("ErrorVariable", "ev", true),
	STRING_PARAM("WarningVariable", "wv", true),
	STRING_PARAM("InformationVariable", "iv", false),
	STRING_PARAM("OutVariable", "ov", true),
	{ .name = "OutBuffer",
	  .type_name = "System.Int32",
	  .type = META_TYPE_INT32,
	  .aliases = LIST("ob"),
	  .default_value = "None",
	  .supported = false,
	  ALL_SETS(META_POSITION_NAMED) },
	STRING_PARAM("PipelineVariable", "pv", false),
};

/*
 * -WhatIf and -Confirm bind like any switch, but the runtime does not
 * implement ShouldProcess, so a command that gets them says so.
 */
static const struct meta_param should_process_params[] = {
	{ .name = "WhatIf",
	  .type_name = SWITCH_TYPE,
	  .type = META_TYPE_SWITCH,
	  .aliases = LIST("wi"),
	  .default_value = "False",
	  .supported = false,
	  ALL_SETS(META_POSITION_NAMED) },
	{ .name = "Confirm",
	  .type_name = SWITCH_TYPE,
	  .type = META_TYPE_SWITCH,
	  .aliases = LIST("cf"),
	  .default_value = "False",
	  .supported = false,
	  ALL_SETS(META_POSITION_NAMED) },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct meta_command *const *
meta_commands(size_t *n)
{
	*n = COUNT(commands);
	return commands;
}

static bool
list_has(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (strcasecmp(*list, name) == 0)
			return true;
	return false;
}

const struct meta_command *
meta_set_find(const struct meta_set *set, const char *name, bool by_alias)
{
	if (!set || !name)
		return NULL;
	for (size_t i = 0; i < set->ncommands; i++)
		if (strcasecmp(set->commands[i]->name, name) == 0)
			return set->commands[i];
	for (size_t i = 0; by_alias && i < set->ncommands; i++)
		if (list_has(set->commands[i]->aliases, name))
			return set->commands[i];
	return NULL;
}

const struct meta_command *
meta_command_find(const char *name)
{
	return meta_set_find(meta_builtin(), name, true);
}

const struct meta_param *
meta_common_params(size_t *n)
{
	*n = COUNT(common_params);
	return common_params;
}

const struct meta_param *
meta_should_process_params(size_t *n)
{
	*n = COUNT(should_process_params);
	return should_process_params;
}

const struct meta_param_set *
meta_param_in_set(const struct meta_param *p, const char *set)
{
	for (size_t i = 0; i < p->nsets; i++)
		if (strcmp(p->sets[i].set, HELP_ALL_SETS) == 0 ||
		    (set && strcmp(p->sets[i].set, set) == 0))
			return &p->sets[i];
	return NULL;
}

static const struct meta_set builtin = {
	.common = common_params,
	.ncommon = COUNT(common_params),
	.should_process = should_process_params,
	.nshould_process = COUNT(should_process_params),
	.commands = commands,
	.ncommands = COUNT(commands),
};

const struct meta_set *
meta_builtin(void)
{
	return &builtin;
}
