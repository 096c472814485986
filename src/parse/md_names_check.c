/* SPDX-License-Identifier: MIT */
/*
 * Whether a names_only parse gave what the full parse of the same page
 * gives in every field a translation's repair reads of its source (see
 * md_parse_options.names_only).  For tests and fuzzers.
 */
#include "md_parse.h"

#include <stdio.h>
#include <string.h>

#include "strbuf.h"

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Reports the first difference to why (may be NULL). */
static bool
differs(struct strbuf *why, const char *what, size_t i)
{
	if (why)
		strbuf_addf(why, "%s [%zu] differs", what, i);
	return false;
}

static bool
sections_agree(const struct help_doc *a, const struct help_doc *b,
	       struct strbuf *why)
{
	for (size_t s = 0; s < HELP_SEC__COUNT; s++)
		if (a->sections[s].present != b->sections[s].present ||
		    a->sections[s].pos.line != b->sections[s].pos.line)
			return differs(why, "section", s);
	if (a->aliases_section.present != b->aliases_section.present ||
	    a->aliases_section.pos.line != b->aliases_section.pos.line)
		return differs(why, "ALIASES", 0);
	return true;
}

static bool
types_agree(const struct help_type_entry *a, size_t na,
	    const struct help_type_entry *b, size_t nb, struct strbuf *why)
{
	if (na != nb)
		return differs(why, "type count", 0);
	for (size_t i = 0; i < na; i++)
		if (!same_str(a[i].name, b[i].name))
			return differs(why, "type", i);
	return true;
}

static bool
names_agree(const struct help_doc *a, const struct help_doc *b,
	    struct strbuf *why)
{
	if (a->nparams != b->nparams)
		return differs(why, "parameter count", 0);
	for (size_t i = 0; i < a->nparams; i++)
		if (!same_str(a->params[i].name, b->params[i].name))
			return differs(why, "parameter", i);
	if (a->nsyntax != b->nsyntax)
		return differs(why, "syntax set count", 0);
	for (size_t i = 0; i < a->nsyntax; i++)
		if (!same_str(a->syntax[i].name, b->syntax[i].name) ||
		    a->syntax[i].is_default != b->syntax[i].is_default)
			return differs(why, "syntax set", i);
	return true;
}

bool
md_names_agree(const struct help_doc *full, const struct help_doc *names,
	       struct strbuf *why)
{
	if (full == NULL || names == NULL) {
		if (full != names)
			return differs(why, "document", 0);
		return true;
	}
	if (full->kind != names->kind)
		return differs(why, "kind", 0);
	if ((full->source == NULL) != (names->source == NULL))
		return differs(why, "source", 0);
	return sections_agree(full, names, why) &&
	       names_agree(full, names, why) &&
	       types_agree(full->inputs, full->ninputs, names->inputs,
			   names->ninputs, why) &&
	       types_agree(full->outputs, full->noutputs, names->outputs,
			   names->noutputs, why);
}
