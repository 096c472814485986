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

/* A named, optional parameter of every set. */
#define META_ALL_SETS_NAMED(pipeline)                                          \
	META_SETS({ HELP_ALL_SETS, false, META_POSITION_NAMED, pipeline })

/* The name and type of a parameter of the most common types. */
#define META_SWITCH(n)                                                         \
	.name = n,                                                             \
	.type_name = "System.Management.Automation.SwitchParameter",           \
	.type = META_TYPE_SWITCH
#define META_STRING(n)                                                         \
	.name = n, .type_name = "System.String", .type = META_TYPE_STRING
#define META_STRINGS(n)                                                        \
	.name = n, .type_name = "System.String[]", .type = META_TYPE_STRING,   \
	.is_array = true
#define META_INT32(n)                                                          \
	.name = n, .type_name = "System.Int32", .type = META_TYPE_INT32

/* -InputObject as the Out-* cmdlets and Invoke-Command declare it: one
   object of any type, named, from the pipeline by value. */
#define META_INPUT_OBJECT                                                      \
	{                                                                      \
		.name = "InputObject",                                         \
		.type_name = "System.Management.Automation.PSObject",          \
		.type = META_TYPE_OBJECT, .default_value = "None",             \
		.supported = true, META_ALL_SETS_NAMED(HELP_PIPE_BY_VALUE),    \
	}

#define NAMED META_POSITION_NAMED
#define BYVAL HELP_PIPE_BY_VALUE
#define BYPROP HELP_PIPE_BY_PROPERTY_NAME

#endif
