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

#include "help_model.h"

/* Parameter types the binder converts to: the model's type kinds. */
enum meta_type {
	META_TYPE_STRING = HELP_TYPE_STRING,
	META_TYPE_INT32 = HELP_TYPE_INT32,
	META_TYPE_GUID = HELP_TYPE_GUID,
	META_TYPE_URI = HELP_TYPE_URI,
	META_TYPE_SWITCH = HELP_TYPE_SWITCH,
	META_TYPE_ENUM =
		HELP_TYPE_ENUM, /* a string restricted to accepted_values */
	META_TYPE_PSSESSION = HELP_TYPE_PSSESSION,
	META_TYPE_SCRIPTBLOCK = HELP_TYPE_SCRIPTBLOCK,
	META_TYPE_OBJECT =
		HELP_TYPE_OBJECT, /* anything (System.Object, PSObject) */
	META_TYPE_CREDENTIAL =
		HELP_TYPE_CREDENTIAL, /* binds; the command then says unsupported */
	META_TYPE_HASHTABLE = HELP_TYPE_HASHTABLE,
	META_TYPE_SESSIONOPTION = HELP_TYPE_SESSIONOPTION,
	META_TYPE_JOB = HELP_TYPE_JOB
};

#define META_POSITION_NAMED (-1)

/* A parameter's membership in one parameter set. */
struct meta_param_set {
	const char *set; /* set name; HELP_ALL_SETS for every set */
	bool mandatory;
	int position;	   /* META_POSITION_NAMED or 0, 1, ... */
	unsigned pipeline; /* HELP_PIPE_* bits */
};

/* The older name of HELP_ALL_SETS, for code not yet renamed. */
#define META_ALL_SETS HELP_ALL_SETS

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

/* The pipeline bits of every set of p together (HELP_PIPE_*). */
unsigned meta_pipeline_bits(const struct meta_param *p);

/* The membership of p in set, or NULL if p is not in that set. */
const struct meta_param_set *meta_param_in_set(const struct meta_param *p,
					       const char *set);

/* A set of command tables: the built-in one, or one loaded from JSON. */
struct meta_set {
	const struct meta_param *common; /* the common parameters */
	size_t ncommon;
	const struct meta_param *should_process; /* -WhatIf, -Confirm */
	size_t nshould_process;
	const struct meta_command *const *commands; /* in the order given */
	size_t ncommands;
};

/* The tables of this runtime. */
const struct meta_set *meta_builtin(void);

/*
 * The command of set named name, ignoring case; with by_alias also one
 * that has name as an alias (names are tried first).  NULL if none.
 */
const struct meta_command *meta_set_find(const struct meta_set *set,
					 const char *name, bool by_alias);

/*
 * The metadata of every command as JSON (psh --metadata), in the same
 * vocabulary as the platyPS yaml blocks.  Returns a malloc'd string.
 */
char *meta_to_json(void);
/* The same for any set of tables (meta_to_json() writes meta_builtin()). */
char *meta_json_write(const struct meta_set *set);

/* Where and why metadata JSON was rejected. */
struct meta_error {
	int line;	   /* 1-based; 0 when no position applies */
	int column;	   /* 1-based, in characters */
	char message[320]; /* "line:column: what is wrong" */
};

/* Inputs larger than this are rejected before parsing. */
#define META_JSON_MAX_BYTES (8u << 20)

/*
 * Tables from JSON in the format meta_json_write() writes, every field
 * checked (types, required and unknown keys, kinds, pipeline values, and
 * that the yaml-style texts agree with the per-set records); is_array
 * comes from the Type ("[]").  Returns 0 and
 * *out (free it with meta_set_free()), or -1 with err filled in.
 */
int meta_load_json(const char *text, size_t len, struct meta_set **out,
		   struct meta_error *err);
/* Frees a set from meta_load_json(); NULL is fine. */
void meta_set_free(struct meta_set *set);

#endif
