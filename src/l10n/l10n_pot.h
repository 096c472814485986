/* SPDX-License-Identifier: MIT */
/* Catalogs written from the units of pages (pot.c). */
#ifndef PSHELP_L10N_POT_H
#define PSHELP_L10N_POT_H

#include "l10n_po.h"

struct l10n_pot_unit {
	const struct l10n_unit *unit;
	const char *path;   /* the page, for the reference */
	const char *msgstr; /* a translation (gettextize), or NULL */
	size_t order;
};

/* Units of many pages; it points into them, so they must outlive it. */
struct l10n_pot {
	struct l10n_pot_unit *v;
	size_t n, cap;
};

/* Adds a page's units; msgstrs (or NULL) gives each unit's translation. */
void l10n_pot_add(struct l10n_pot *pot, const char *path,
		  const struct l10n_units *u, const char *const *msgstrs);

/*
 * Writes one message per msgctxt and msgid in first-seen order, with a
 * reference for each place (see l10n_po_write()); with fuzzy, every
 * message that has a translation is marked fuzzy, and so is one whose
 * places were translated in different ways (the first is kept).
 */
int l10n_pot_write(struct l10n_pot *pot, const char *out, const char *language,
		   bool fuzzy, struct diag_ctx *dx);
void l10n_pot_release(struct l10n_pot *pot);

#endif
