/* SPDX-License-Identifier: MIT */
/*
 * Parsers for the culture-invariant parts of a platyPS page: the parameter
 * yaml block, SYNTAX lines and related-link targets.  They take plain
 * strings, so they know nothing about markdown.
 */
#ifndef PSHELP_PLATYPS_META_H
#define PSHELP_PLATYPS_META_H

#include "arena.h"
#include "diag.h"
#include "help_model.h"

/*
 * Fills p->type ... p->wildcards and p->has_metadata from the text of a
 * ```yaml block.  pos is the line of the block's first content line;
 * problems are reported against the line they are on (pos.col, if set,
 * is the column the block's lines start at).  Fields a previous call
 * filled are cleared first; metadata_pos is set only if still zero.
 */
void platyps_parse_param_yaml(struct arena *a, const char *text,
			      struct help_pos pos, struct help_param *p,
			      struct diag_ctx *dx);

/*
 * Parses the code of one SYNTAX block (continuation lines start with a
 * space) into set->command, params, common_parameters and text.  A
 * param's type drops the angle brackets ("String[]"); an enum list keeps
 * its braces ("{Basic | Digest}").  Unreadable tokens are reported as
 * syntax-token and skipped.  set->pos is set only if still zero.
 */
void platyps_parse_syntax(struct arena *a, const char *code,
			  struct help_pos pos, struct help_syntax_set *set,
			  struct diag_ctx *dx);

/*
 * Classifies a link destination: Verb-Noun.md, ../Module/X.md,
 * About/about_X.md (any case, with ./ and #anchor), xref:Module.Name,
 * absolute URLs.  Fills kind, topic and module of l (target must be set).
 * module is only set when the link leaves its folder (../Module/...) or
 * is an xref; an xref to a .NET type is UNRESOLVED.
 */
void platyps_resolve_link(struct arena *a, struct help_link *l);

#endif
