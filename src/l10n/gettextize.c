/* SPDX-License-Identifier: MIT */
/*
 * An existing translation turned into a catalog: the units of the
 * English page and of its translation (parsed with the English page as
 * its source, so sections, parameters and examples are named alike) are
 * paired by their place in the structure (section, parameter or example,
 * block kind and position, table row and column), never by heading text.
 * A translation keeps its own line breaks.
 */
#include "l10n_gettextize.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static int
cmp_key(const void *a, const void *b)
{
	const struct l10n_unit *const *x = a, *const *y = b;
	return strcmp((*x)->key, (*y)->key);
}

/* The translation's unit at key, or NULL (by binary search in sorted). */
static const struct l10n_unit *
find_key(const struct l10n_unit *const *sorted, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(sorted[mid]->key, key);
		if (c == 0)
			return sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *
kind_name(enum l10n_unit_kind k)
{
	switch (k) {
	case L10N_HEADING:
		return "heading";
	case L10N_PARAGRAPH:
		return "paragraph";
	case L10N_TABLE_CELL:
		return "table cell";
	case L10N_EXAMPLE_TITLE:
		return "example title";
	default:
		return "front matter value";
	}
}

size_t
l10n_gettextize(const struct help_doc *en, const struct l10n_units *eu,
		const struct help_doc *tr, const struct l10n_units *tu,
		char **msgstrs, uint32_t *lines, struct diag_ctx *dx)
{
	const struct l10n_unit **sorted = xcalloc(tu->n + 1, sizeof(*sorted));
	size_t aligned = 0;

	(void)en;
	for (size_t i = 0; i < tu->n; i++)
		sorted[i] = &tu->v[i];
	if (tu->n)
		qsort(sorted, tu->n, sizeof(*sorted), cmp_key);
	for (size_t i = 0; i < eu->n; i++) {
		const struct l10n_unit *u = &eu->v[i];
		const struct l10n_unit *t = find_key(sorted, tu->n, u->key);
		msgstrs[i] = NULL;
		if (lines)
			lines[i] = t ? t->line : 0;
		if (t && t->kind == u->kind) {
			msgstrs[i] = t->kind == L10N_FRONT_MATTER
					     ? xstrdup(t->msgid) /* unquoted */
					     : l10n_unit_text(tr, t, "\n");
			aligned++;
			continue;
		}
		char *ex = l10n_excerpt(u->msgid, strlen(u->msgid), 40);
		char *what = xasprintf("%s '%s'", kind_name(u->kind), ex);
		free(ex);
		diag_report(dx, DIAG_UNIT_UNALIGNED, t ? t->line : 0, 0, what,
			    u->line);
		free(what);
	}
	free(sorted);
	return aligned;
}
