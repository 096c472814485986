/* SPDX-License-Identifier: MIT */
/*
 * Help from metadata alone: SYNTAX lines, the partial help Get-Help shows
 * for a command without a page, and a help model (src/model) that a
 * renderer can show or `pshelp new` can write a page from.
 */
#ifndef PSHELP_META_HELP_H
#define PSHELP_META_HELP_H

#include <stddef.h>

#include "help_model.h"
#include "meta.h"

enum meta_syntax_style {
	META_SYNTAX_GET_HELP, /* <string>, <int>: as PowerShell's Get-Help */
	META_SYNTAX_PLATYPS   /* <String>, <Int32>: as a platyPS page */
};

struct meta_syntax_line {
	const char *set; /* the set name; HELP_ALL_SETS for one unnamed set */
	bool is_default;
	char *text; /* "Verb-Noun [-A] <T> ... [<CommonParameters>]" */
};

/*
 * The SYNTAX lines of c, one per parameter set in PowerShell's order (the
 * default set first, then the others as c->sets lists them).  Within a
 * line: positional parameters by position, then mandatory named ones, then
 * optional ones, each group in table order.  Free with meta_syntax_free().
 */
struct meta_syntax_line *meta_syntax(const struct meta_command *c,
				     enum meta_syntax_style style, size_t *n);
void meta_syntax_free(struct meta_syntax_line *lines, size_t n);

/* Get-Help's partial help of c (NAME, SYNTAX, ALIASES, REMARKS); malloc'd. */
char *meta_partial_help(const struct meta_command *c);

/*
 * A command help model of c: name, aliases, synopsis, SYNTAX sets and
 * every parameter's yaml fields (the common -WhatIf and -Confirm included
 * when c supports ShouldProcess).  Free with help_doc_free().
 */
struct help_doc *meta_help_doc(const struct meta_command *c);

#endif
