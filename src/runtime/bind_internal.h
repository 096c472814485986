/* SPDX-License-Identifier: MIT */
/*
 * Private to the parameter binder (bind.c, bind_convert.c,
 * bind_pipeline.c): the binder's state and the helpers the pieces share.
 */
#ifndef PSHELP_BIND_INTERNAL_H
#define PSHELP_BIND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bind.h"

struct rt_value;

struct binder {
	const struct meta_command *cmd;
	struct rt_binding *b;
	const struct rt_arg *args;
	size_t nargs;
	/* The command's parameters, then the common ones, then -WhatIf and
	   -Confirm: the order of PowerShell's merged metadata. */
	const struct meta_param **params;
	size_t nparams, ndeclared;
	/* member[pi * nsets + s]: parameter pi's membership in set s, or
	   NULL (what meta_param_in_set() returns, looked up once) */
	const struct meta_param_set **member;
	uint64_t *masks; /* the sets each parameter belongs to */
	int *slot;	 /* index in b->bound, or -1 while unbound */
	const char *const *sets;
	size_t nsets;
	int dflt;	/* index of the default set, or -1 */
	uint64_t valid; /* the sets still possible */
};

/* An error's FullyQualifiedErrorId and message format (bind.c). */
struct bind_error_text {
	const char *id;
	const char *fmt;
};

extern const struct bind_error_text bind_errors[];

/* A conversion failure: which error, and its finished message. */
struct conv {
	enum rt_bind_error error;
	char *message;
};

/* Parameter pi's membership in set s, or NULL. */
static inline const struct meta_param_set *
bind_member(const struct binder *bd, size_t pi, size_t s)
{
	return bd->member[pi * bd->nsets + s];
}

/* bind.c */
char *bind_format(const char *fmt, ...);
bool bind_fail(struct binder *bd, enum rt_bind_error e, int arg, ...);
uint64_t bind_sets_at(const struct binder *bd, size_t pi, int pos,
		      unsigned pipe);
void bind_value(struct binder *bd, size_t pi, struct rt_value *v, int arg,
		bool pipe);
uint64_t bind_pass_sets(const struct binder *bd, bool default_only);

/* bind_convert.c */
struct rt_value *bind_convert(const struct meta_param *p, struct rt_value *v,
			      struct conv *c);
bool bind_native(const struct meta_param *p, const struct rt_value *v);
/* [ValidateNotNullOrEmpty()]: false with *c filled for $null and "". */
bool bind_not_null_or_empty(const struct meta_command *cmd,
			    const struct meta_param *p,
			    const struct rt_value *v, struct conv *c);

/* bind_pipeline.c */
bool bind_pipeline(struct binder *bd, struct rt_value *input);

#endif
