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
#include "render.h"
#include "strbuf.h"

/*
 * Appends the view to out.  Headings and labels come from gettext.
 * Returns 0, or 1 when RENDER_PARAMETER matched no parameter (nothing is
 * appended then).
 */
int render_text(const struct help_doc *doc, const struct render_options *opt,
		struct strbuf *out);

/* The Name / Category / Module / Synopsis table. */
void render_topic_table(const struct render_topic_row *rows, size_t n,
			size_t width, struct strbuf *out);

#endif
