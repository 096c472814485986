/* SPDX-License-Identifier: MIT */
/* Localized pages from an English page and a catalog (translate.c). */
#ifndef PSHELP_L10N_TRANSLATE_H
#define PSHELP_L10N_TRANSLATE_H

#include "l10n_po.h"

struct strbuf;

struct l10n_translate_options {
	const char *culture; /* Locale and ms.contentlocale get it, or NULL */
	unsigned threshold;  /* percent of units that must be translated */
	bool use_fuzzy;	     /* apply fuzzy translations too */
};

struct l10n_stats {
	unsigned translated, fuzzy, untranslated;
};

/*
 * Appends to out the page doc with every translation of cat spliced in,
 * and returns true; returns false (out untouched) when fewer than
 * o->threshold percent of the units are translated.  Refused
 * translations are reported to dx (the page's), entries for this page
 * that it lacks to po_dx (the catalog's; may be NULL).
 */
bool l10n_translate(const struct help_doc *doc, struct l10n_catalog *cat,
		    const struct l10n_translate_options *o, struct strbuf *out,
		    struct l10n_stats *st, struct diag_ctx *dx,
		    struct diag_ctx *po_dx);

#endif
