/* SPDX-License-Identifier: MIT */
/* Checks of translations against their English (lint.c). */
#ifndef PSHELP_L10N_LINT_H
#define PSHELP_L10N_LINT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Parameter names: a bold one in the English must stay as it is. */
struct l10n_lint_names {
	const char **v;
	size_t n;
};

struct l10n_lint {
	struct diag_ctx *dx; /* where the translations are */
	const struct l10n_lint_names *names;
	uint32_t line;		    /* of the pair being checked */
	unsigned count[DIAG__COUNT]; /* reports per check */
	unsigned pairs;
};

/* Checks one translation (msgstr) of msgid, reported at line. */
void l10n_lint_pair(struct l10n_lint *l, const char *msgid, const char *msgstr,
		    uint32_t line);

#endif
