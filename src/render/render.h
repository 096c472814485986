/* SPDX-License-Identifier: MIT */
/*
 * render: help model -> output formats (Get-Help text, JSON), every format
 * behind one interface.
 *
 * A format is one file with one function of type render_fn and one line in
 * the table of render.c; man, HTML and MAML are added the same way.
 * Renderers depend on the model alone: they never parse, look up, report
 * diagnostics or change the document.
 */
#ifndef PSHELP_RENDER_H
#define PSHELP_RENDER_H

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
	/* the command REMARKS tell the reader to type: "get-help" in
	   get-help, NULL for PowerShell's "Get-Help" (psh, the man page) */
	const char *help_command;
	const char *requested_culture; /* the user's first culture (JSON) */
};

/*
 * Appends doc in one format to out.  Returns 0, or 1 when the options
 * select nothing (a -Parameter pattern that matches no parameter); out is
 * unchanged then.
 */
typedef int render_fn(const struct help_doc *doc,
		      const struct render_options *opt, struct strbuf *out);

/* One row of the table shown when a name matches several topics. */
struct render_topic_row {
	const char *name, *category, *module, *synopsis;
	const char *culture;	       /* the page's culture, or NULL */
	const char *requested_culture; /* the user's first culture, or NULL */
};

/* The topics a name matched, in a format, at a width (text only). */
typedef void render_topics_fn(const struct render_topic_row *rows, size_t n,
			      size_t width, struct strbuf *out);

struct render_format {
	const char *name;	 /* "text", "json": what --format takes */
	const char *description; /* one line for usage texts */
	render_fn *render;
	render_topics_fn *topics;
};

/* What -Online answers in JSON: the page's name, its online address and
   the cultures (render_json.c). */
void render_json_online(const struct help_doc *doc,
			const struct render_options *opt, struct strbuf *out);

/* The man(7) format (render_man.c). */
render_fn render_man;

/* Every format, in a fixed order (text first). */
const struct render_format *const *render_formats(size_t *n);
/* The format of that name (ASCII case-insensitive), or NULL. */
const struct render_format *render_format_find(const char *name);

#endif
