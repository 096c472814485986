/* SPDX-License-Identifier: MIT */
/*
 * The parameter binder: matches the arguments of one command invocation
 * (and optionally one pipeline input object) to the parameters of the
 * command's metadata (meta.h), following PowerShell's rules: names and
 * aliases case-insensitively with unambiguous prefixes, -Name:value,
 * switches, positional binding within the candidate parameter sets,
 * pipeline input by value and by property name, type conversion, and
 * parameter set resolution with the default set.
 *
 * Errors carry PowerShell's message (translated), its
 * FullyQualifiedErrorId and the index of the offending argument.  When
 * only mandatory parameters are missing the caller may prompt for them
 * ("Supply values for the following parameters:") and bind again with
 * the answers appended as named arguments.
 */
#ifndef PSHELP_BIND_H
#define PSHELP_BIND_H

#include <stdbool.h>
#include <stddef.h>

#include "meta.h"

struct rt_value;

/* One argument as the parser produced it. */
struct rt_arg {
	const char *name;	/* parameter token without the dash, or NULL
				   for a positional value */
	struct rt_value *value; /* the positional value, or the value of
				   -Name:value; borrowed */
	bool colon;		/* written -Name:value (value may be NULL if
				   nothing followed the colon) */
};

enum rt_bind_error {
	RT_BIND_OK = 0,
	RT_BIND_NAMED_PARAMETER_NOT_FOUND,
	RT_BIND_AMBIGUOUS_PARAMETER,
	RT_BIND_MISSING_ARGUMENT,
	RT_BIND_PARAMETER_ALREADY_BOUND,
	RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND,
	RT_BIND_AMBIGUOUS_PARAMETER_SET,
	RT_BIND_CANNOT_CONVERT,		 /* CannotConvertArgumentNoMessage */
	RT_BIND_CANNOT_CONVERT_ARGUMENT, /* CannotConvertArgument */
	RT_BIND_VALIDATION,		 /* ParameterArgumentValidationError */
	RT_BIND_NULL_NOT_ALLOWED,
	RT_BIND_EMPTY_STRING_NOT_ALLOWED,
	RT_BIND_EMPTY_ARRAY_NOT_ALLOWED,
	RT_BIND_INPUT_NOT_BOUND,  /* pipeline object matched nothing */
	RT_BIND_MISSING_MANDATORY /* see rt_binding.missing */
};

/* A parameter and the value the binder converted for it. */
struct rt_bound {
	const struct meta_param *param;
	struct rt_value *value; /* owned by the binding; switches are BOOL,
				   array types always ARRAY */
	int arg;		/* index of the argument it came from (the
				   -Name token for named ones); -1 for the
				   pipeline */
	bool from_pipeline;
};

struct rt_binding {
	const struct meta_command *cmd;
	/* The resolved parameter set (META_ALL_SETS for a command with one
	   unnamed set); NULL when binding stopped before resolving it. */
	const char *set;
	struct rt_bound *bound; /* in binding order */
	size_t nbound;

	enum rt_bind_error error;
	const char *error_id; /* FullyQualifiedErrorId, NULL when OK */
	char *message;	      /* translated message, NULL when OK */
	int error_arg;	      /* offending argument, or -1 */

	/* Mandatory parameters of the resolved set that are still unbound
	   (RT_BIND_MISSING_MANDATORY), in declaration order. */
	const struct meta_param **missing;
	size_t nmissing;
};

/*
 * Binds args (and input, one pipeline object, or NULL) to cmd.  Always
 * fills *b, which the caller releases with rt_binding_release().
 * Returns b->error.  Pipeline input is bound after the arguments; bind
 * again for each pipeline object.
 */
enum rt_bind_error rt_bind(struct rt_binding *b, const struct meta_command *cmd,
			   const struct rt_arg *args, size_t nargs,
			   struct rt_value *input);
void rt_binding_release(struct rt_binding *b);

/* The bound value of a parameter by its exact name (borrowed), or NULL. */
struct rt_value *rt_binding_get(const struct rt_binding *b, const char *name);
/* True if a switch parameter was bound to true. */
bool rt_binding_switch(const struct rt_binding *b, const char *name);
/* The first bound parameter the runtime cannot honour, or NULL (a
   switch bound to false is never one). */
const struct meta_param *rt_binding_unsupported(const struct rt_binding *b);

/* "cmdlet Enter-PSSession at command pipeline position 1" (caller frees). */
char *rt_bind_prompt_caption(const char *command, int position);
/* "Supply values for the following parameters:" (translated). */
const char *rt_bind_prompt_message(void);

#endif
