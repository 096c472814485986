/* SPDX-License-Identifier: MIT */
/*
 * Get-Help text views of a help document (PowerShell 7 layout with its
 * known flaws fixed: see doc/layout.md).  Renderers never report
 * diagnostics and never change the document.
 */
#ifndef PSHELP_RENDER_TEXT_H
#define PSHELP_RENDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "help_model.h"
#include "strbuf.h"

enum render_view {
	RENDER_DEFAULT,
	RENDER_DETAILED,
	RENDER_FULL,
	RENDER_EXAMPLES,
	RENDER_PARAMETER /* only the parameters matching opts->parameter */
};

struct render_options {
	enum render_view view;
	const char *parameter; /* wildcard pattern for RENDER_PARAMETER */
	size_t width;	    /* maximum line width in cells; 0 = no wrapping */
	const char *locale; /* line-breaking locale; NULL = doc->locale */
	const char *note;   /* a line shown first (fallback note), or NULL */
};

/*
 * Appends the view to out.  Headings and labels come from gettext.
 * Returns 0, or 1 when RENDER_PARAMETER matched no parameter (nothing is
 * appended then).
 */
int render_text(const struct help_doc *doc, const struct render_options *opt,
		struct strbuf *out);

/* One row of the table shown when a name matches several topics. */
struct render_topic_row {
	const char *name, *category, *module, *synopsis;
};

/* The Name / Category / Module / Synopsis table. */
void render_topic_table(const struct render_topic_row *rows, size_t n,
			size_t width, struct strbuf *out);

#endif
