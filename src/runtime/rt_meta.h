/* SPDX-License-Identifier: MIT */
/*
 * Command metadata of the psh runtime: the single source of truth for
 * parameter sets, types, positions, mandatory flags, pipeline input,
 * aliases, accepted values and defaults.  Each command declares one
 * static const struct rt_command in src/runtime/commands/<Verb-Noun>.c.
 * The binder (bind.c), psh --metadata (JSON), partial help and the page
 * validator all read these tables; nothing else describes a command.
 */
#ifndef PSHELP_RT_META_H
#define PSHELP_RT_META_H

#include <stdbool.h>
#include <stddef.h>

struct rt_value;
struct rt_context;

/* Parameter types the binder converts to. */
enum rt_type {
	RT_TYPE_STRING,
	RT_TYPE_INT32,
	RT_TYPE_GUID,
	RT_TYPE_URI,
	RT_TYPE_SWITCH,
	RT_TYPE_ENUM,	     /* a string restricted to accepted_values */
	RT_TYPE_PSSESSION,
	RT_TYPE_SCRIPTBLOCK,
	RT_TYPE_OBJECT,	     /* anything (System.Object, PSObject) */
	RT_TYPE_CREDENTIAL,  /* binds; the command then says unsupported */
	RT_TYPE_HASHTABLE,
	RT_TYPE_SESSIONOPTION,
	RT_TYPE_JOB
};

/* How a parameter takes pipeline input (bits). */
enum {
	RT_PIPE_BY_VALUE = 1u << 0,
	RT_PIPE_BY_PROPERTY_NAME = 1u << 1,
	RT_PIPE_FROM_REMAINING = 1u << 2 /* takes left-over positional arguments */
};

#define RT_POSITION_NAMED (-1)

/* A parameter's membership in one parameter set. */
struct rt_param_set {
	const char *set; /* set name; "__AllParameterSets" for every set */
	bool mandatory;
	int position; /* RT_POSITION_NAMED or 0, 1, ... */
	unsigned pipeline; /* RT_PIPE_* */
};

#define RT_ALL_SETS "__AllParameterSets"

struct rt_param {
	const char *name;
	const char *type_name; /* .NET name as the docs show it: "System.String[]" */
	enum rt_type type;
	bool is_array;
	const char *const *aliases;	    /* NULL-terminated, or NULL */
	const char *const *accepted_values; /* NULL-terminated, or NULL */
	const char *default_value;	    /* as the docs state it, or NULL */
	bool wildcards;
	bool supported; /* false: binds, then "not supported by this runtime" */
	const struct rt_param_set *sets;
	size_t nsets;
};

/* The handler of a command, called after binding (see rt_exec.h). */
typedef int rt_handler_fn(struct rt_context *ctx);

struct rt_command {
	const char *name;	/* "Enter-PSSession" */
	const char *const *aliases; /* command aliases ("etsn"), NULL-terminated */
	const char *default_set;    /* NULL when the command has one unnamed set */
	const char *const *sets;    /* every set name in SYNTAX order, NULL-terminated */
	const struct rt_param *params;
	size_t nparams;
	bool common_parameters;	/* takes -Verbose, -ErrorAction, ... */
	bool should_process;	/* takes -WhatIf and -Confirm */
	const char *synopsis;	/* one line, English (help pages hold the rest) */
	rt_handler_fn *run;
};

/* Every command of the runtime, sorted by name. */
const struct rt_command *const *rt_commands(size_t *n);
/* By name or alias, case-insensitively; NULL if none. */
const struct rt_command *rt_command_find(const char *name);
/* The common parameters (Verbose, Debug, ErrorAction, ...), in PowerShell's order. */
const struct rt_param *rt_common_params(size_t *n);
/* -WhatIf and -Confirm. */
const struct rt_param *rt_should_process_params(size_t *n);

/* The membership of p in set, or NULL if p is not in that set. */
const struct rt_param_set *rt_param_in_set(const struct rt_param *p,
					    const char *set);

/*
 * The metadata of every command as JSON (psh --metadata), in the same
 * vocabulary as the platyPS yaml blocks.  Returns a malloc'd string.
 */
char *rt_metadata_json(void);

#endif
