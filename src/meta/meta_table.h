/* SPDX-License-Identifier: MIT */
/*
 * Shorthands for the declarative command tables in this directory.  Only
 * the commands/<Verb-Noun>.c files include this header.
 */
#ifndef PSHELP_META_TABLE_H
#define PSHELP_META_TABLE_H

#include <stddef.h>

#include "meta.h"

/* A NULL-terminated list of strings. */
#define META_LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The set memberships of a parameter: META_SETS({ set, mandatory, position, pipeline }, ...). */
#define META_SETS(...)                                                         \
	.sets = (const struct meta_param_set[]){ __VA_ARGS__ },                \
	.nsets = sizeof((const struct meta_param_set[]){ __VA_ARGS__ }) /      \
		 sizeof(struct meta_param_set)

#define NAMED META_POSITION_NAMED
#define BYVAL META_PIPE_BY_VALUE
#define BYPROP META_PIPE_BY_PROPERTY_NAME

#endif
