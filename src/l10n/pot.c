/* SPDX-License-Identifier: MIT */
/*
 * A template from the units of many pages: one message per msgctxt and
 * msgid, with every place it comes from, in the order the pages and
 * their units came.
 */
#include "l10n_pot.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
l10n_pot_add(struct l10n_pot *pot, const char *path,
	     const struct l10n_units *u, const char *const *msgstrs)
{
	pot->v = xgrow(pot->v, &pot->cap, pot->n + u->n, sizeof(*pot->v));
	for (size_t i = 0; i < u->n; i++)
		pot->v[pot->n++] = (struct l10n_pot_unit){
			.unit = &u->v[i],
			.path = path,
			.msgstr = msgstrs ? msgstrs[i] : NULL,
			.order = pot->n,
		};
}

static int
cmp_key(const void *a, const void *b)
{
	const struct l10n_pot_unit *x = a, *y = b;
	int c = strcmp(x->unit->msgctxt, y->unit->msgctxt);
	if (c == 0)
		c = strcmp(x->unit->msgid, y->unit->msgid);
	if (c == 0)
		c = x->order < y->order ? -1 : x->order > y->order;
	return c;
}

/* Messages in first-seen order: the unit order of the first place. */
struct ordered {
	struct l10n_po_message m;
	size_t order;
};

static int
cmp_ordered(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;
	return x->order < y->order ? -1 : x->order > y->order;
}

int
l10n_pot_write(struct l10n_pot *pot, const char *out, const char *language,
	       bool fuzzy, struct diag_ctx *dx)
{
	qsort(pot->v, pot->n, sizeof(*pot->v), cmp_key);
	struct ordered *msgs = xcalloc(pot->n + 1, sizeof(*msgs));
	struct l10n_ref *refs = xcalloc(pot->n + 1, sizeof(*refs));
	size_t nmsgs = 0;
	for (size_t i = 0; i < pot->n;) {
		size_t j = i;
		struct ordered *o = &msgs[nmsgs++];
		o->order = pot->v[i].order;
		o->m = (struct l10n_po_message){
			.msgctxt = pot->v[i].unit->msgctxt,
			.msgid = pot->v[i].unit->msgid,
			.msgstr = pot->v[i].msgstr,
			.comment = pot->v[i].unit->comment,
			.refs = &refs[i],
			.fuzzy = fuzzy && pot->v[i].msgstr && *pot->v[i].msgstr,
		};
		for (; j < pot->n &&
		       strcmp(pot->v[j].unit->msgctxt, o->m.msgctxt) == 0 &&
		       strcmp(pot->v[j].unit->msgid, o->m.msgid) == 0;
		     j++) {
			refs[j] = (struct l10n_ref){ pot->v[j].path,
						     pot->v[j].unit->line };
			const char *m = pot->v[j].msgstr;
			if (!o->m.msgstr || !*o->m.msgstr)
				o->m.msgstr = m;
			else if (m && *m && strcmp(m, o->m.msgstr) != 0)
				o->m.fuzzy = true; /* translated two ways: the
						      first kept, for review */
		}
		o->m.nrefs = j - i;
		i = j;
	}
	qsort(msgs, nmsgs, sizeof(*msgs), cmp_ordered);
	struct l10n_po_message *v = xcalloc(nmsgs + 1, sizeof(*v));
	for (size_t i = 0; i < nmsgs; i++)
		v[i] = msgs[i].m;
	int rc = l10n_po_write(out, language, v, nmsgs, dx);
	free(v);
	free(refs);
	free(msgs);
	return rc;
}

void
l10n_pot_release(struct l10n_pot *pot)
{
	free(pot->v);
	memset(pot, 0, sizeof(*pot));
}
