/* SPDX-License-Identifier: MIT */
/*
 * meta: the command metadata contract shared by psh and pshelp.
 *
 * The single source of truth for parameter sets, types, positions,
 * mandatory flags, pipeline input, aliases, accepted values and defaults.
 * Each command declares one const struct meta_command in
 * src/meta/commands/<Verb-Noun>.c, with no handler: the runtime finds its
 * handlers by name (src/runtime/handlers.c).  The binder, psh --metadata
 * (JSON), partial help and the page validator all read these tables.
 */
#ifndef PSHELP_META_H
#define PSHELP_META_H

#include <stdbool.h>
#include <stddef.h>

/* Parameter types the binder converts to. */
enum meta_type {
	META_TYPE_STRING,
	META_TYPE_INT32,
	META_TYPE_GUID,
	META_TYPE_URI,
	META_TYPE_SWITCH,
	META_TYPE_ENUM, /* a string restricted to accepted_values */
	META_TYPE_PSSESSION,
	META_TYPE_SCRIPTBLOCK,
	META_TYPE_OBJECT,     /* anything (System.Object, PSObject) */
	META_TYPE_CREDENTIAL, /* binds; the command then says unsupported */
	META_TYPE_HASHTABLE,
	META_TYPE_SESSIONOPTION,
	META_TYPE_JOB
};

/* How a parameter takes pipeline input (bits). */
enum {
	META_PIPE_BY_VALUE = 1u << 0,
	META_PIPE_BY_PROPERTY_NAME = 1u << 1,
	META_PIPE_FROM_REMAINING =
		1u << 2 /* takes left-over positional arguments */
};

#define META_POSITION_NAMED (-1)

/* A parameter's membership in one parameter set. */
struct meta_param_set {
	const char *set; /* set name; "__AllParameterSets" for every set */
	bool mandatory;
	int position;	   /* META_POSITION_NAMED or 0, 1, ... */
	unsigned pipeline; /* META_PIPE_* */
};

#define META_ALL_SETS "__AllParameterSets"

struct meta_param {
	const char *name;
	const char *
		type_name; /* .NET name as the docs show it: "System.String[]" */
	enum meta_type type;
	bool is_array;
	const char *const *aliases;	    /* NULL-terminated, or NULL */
	const char *const *accepted_values; /* NULL-terminated, or NULL */
	const char *default_value;	    /* as the docs state it, or NULL */
	bool wildcards;
	bool supported; /* false: binds, then "not supported by this runtime" */
	const struct meta_param_set *sets;
	size_t nsets;
};

struct meta_command {
	const char *name; /* "Enter-PSSession" */
	const char *const
		*aliases;	 /* command aliases ("etsn"), NULL-terminated */
	const char *default_set; /* NULL when the command has one unnamed set */
	const char *const
		*sets; /* every set name in SYNTAX order, NULL-terminated */
	const struct meta_param *params;
	size_t nparams;
	bool common_parameters; /* takes -Verbose, -ErrorAction, ... */
	bool should_process;	/* takes -WhatIf and -Confirm */
	const char *synopsis; /* one line, English (help pages hold the rest) */
};

/* Every command of the runtime, sorted by name. */
const struct meta_command *const *meta_commands(size_t *n);
/* By name or alias, case-insensitively; NULL if none. */
const struct meta_command *meta_command_find(const char *name);
/* The common parameters (Verbose, Debug, ErrorAction, ...), in PowerShell's order. */
const struct meta_param *meta_common_params(size_t *n);
/* -WhatIf and -Confirm. */
const struct meta_param *meta_should_process_params(size_t *n);

/* The membership of p in set, or NULL if p is not in that set. */
const struct meta_param_set *meta_param_in_set(const struct meta_param *p,
					       const char *set);

/*
 * The metadata of every command as JSON (psh --metadata), in the same
 * vocabulary as the platyPS yaml blocks.  Returns a malloc'd string.
 */
char *meta_to_json(void);

#endif
