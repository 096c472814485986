/* SPDX-License-Identifier: MIT */
/* Catalogs from an English page and its existing translation. */
#ifndef PSHELP_L10N_GETTEXTIZE_H
#define PSHELP_L10N_GETTEXTIZE_H

#include "l10n_po.h"

/*
 * For each unit of en (eu), msgstrs[i] gets the text of the translation's
 * unit in the same place (tu, the units of tr), malloc'd, or NULL when
 * there is none; each of those is reported to dx (the translation's).
 * lines (or NULL) gets the translation's line of each, 0 for none.
 * Returns how many were paired.
 */
size_t l10n_gettextize(const struct help_doc *en, const struct l10n_units *eu,
		       const struct help_doc *tr, const struct l10n_units *tu,
		       char **msgstrs, uint32_t *lines, struct diag_ctx *dx);

#endif
