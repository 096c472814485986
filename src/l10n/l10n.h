/* SPDX-License-Identifier: MIT */
/*
 * l10n: pages translated through PO catalogs.
 *
 * A page's translatable units (headings, paragraphs, table cells, example
 * titles, an About topic's title and description) come from the help
 * model's extents: each unit is a byte range of the English page and the
 * markdown in it.  A localized page is the English page with translated
 * units spliced into those ranges, so every other byte stays the source's.
 * Catalogs are read and written with libgettextpo.
 */
#ifndef PSHELP_L10N_H
#define PSHELP_L10N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "help_model.h"

struct strbuf;

enum l10n_unit_kind {
	L10N_HEADING,	    /* a heading's text */
	L10N_PARAGRAPH,	    /* a paragraph, wherever it is */
	L10N_TABLE_CELL,    /* one cell of a table row */
	L10N_EXAMPLE_TITLE, /* an example's H3 */
	L10N_FRONT_MATTER   /* an About topic's title or description */
};

/* One translatable piece of a page. */
struct l10n_unit {
	enum l10n_unit_kind kind;
	char *msgctxt; /* "Get-PSSession|PARAMETERS|-Name" */
	char *msgid;   /* its markdown; lines joined by one space (a front
			  matter value: as YAML reads it, unquoted) */
	char *comment; /* what it is: "paragraph in DESCRIPTION" */
	/* Where it sits in the page's structure, for aligning a page with
	 * its translation: "DESCRIPTION/2", "PARAMETERS/Name/0/i1/0". */
	char *key;
	struct help_extent ext; /* the source bytes a translation replaces */
	uint32_t line;
	/* What a line of a translation after its first starts with: the
	 * container's prefix ("  " in a list item, "> " in an alert). */
	char *continuation;
	char quote; /* front matter: the value's quote (' or "), or 0 */
};

struct l10n_units {
	struct l10n_unit *v;
	size_t n, cap;
};

/* The units of doc in page order (doc must have extents). */
void l10n_units_extract(const struct help_doc *doc, struct l10n_units *out);
void l10n_units_release(struct l10n_units *u);

/*
 * The text of the unit's bytes in doc's source: container prefixes and
 * CRs taken off each line, lines joined by sep (" " for a msgid, "\n"
 * to keep a translation's own line breaks).
 */
char *l10n_unit_text(const struct help_doc *doc, const struct l10n_unit *u,
		     const char *sep);

/*
 * The first bytes of s[0..n), at most max and never part of a character,
 * for a message (malloc'd).
 */
char *l10n_excerpt(const char *s, size_t n, size_t max);

#endif
