/* SPDX-License-Identifier: MIT */
/*
 * About topics and module pages: the H2 parts in page order, each
 * classified (short and long description, see also) by its anchor or
 * English heading, else by its place and shape.
 */
#include "md_internal.h"

#include <stdlib.h>

static bool
says(const struct help_about_part *p, const char *slug, const char *text)
{
	return (p->anchor && eq_ci(p->anchor, slug)) ||
	       (p->heading && eq_ci(p->heading, text));
}

static size_t
blocks_text_len(const struct help_blocks *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].kind == HELP_BLOCK_PARA)
			n += md_inline_text_len(&b->v[i].u.para);
	return n;
}

static bool
only_links(const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (!md_block_only_links(&b->v[i], 0))
			return false;
	return b->n > 0;
}

/*
 * Which part is which; parts[first] is the first one with a heading, and
 * first == 1 when text comes before it.  The short description is the
 * part that says so; else the text before the first H2 (pages such as
 * about_Numeric_Literals open with it); else the first H2.
 */
static void
classify_parts(struct help_about_part *parts, size_t n, size_t first)
{
	size_t shrt = first;
	bool named = false;

	for (size_t i = first; i < n; i++)
		parts[i].kind = HELP_ABOUT_OTHER;
	for (size_t i = first; i < n && !named; i++)
		if (says(&parts[i], "short-description", "short description")) {
			shrt = i;
			named = true;
		}
	if (!named && first > 0 && blocks_text_len(&parts[0].body) > 0) {
		parts[0].kind = HELP_ABOUT_SHORT_DESCRIPTION;
		shrt = 0;
	} else if (first >= n) {
		return;
	}
	parts[shrt].kind = HELP_ABOUT_SHORT_DESCRIPTION;
	if (shrt + 1 < n) {
		struct help_about_part *p = &parts[shrt + 1];
		bool large = p->body.n >= 2 || blocks_text_len(&p->body) >= 200;
		if (says(p, "long-description", "long description") ||
		    says(p, "detailed-description", "detailed description") ||
		    (shrt == first && large))
			p->kind = HELP_ABOUT_LONG_DESCRIPTION;
	}
	for (size_t i = first; i < n; i++)
		if (parts[i].kind == HELP_ABOUT_OTHER &&
		    (says(&parts[i], "see-also", "see also") ||
		     (i + 1 == n && i != shrt && only_links(&parts[i].body))))
			parts[i].kind = HELP_ABOUT_SEE_ALSO;
}

void
md_build_about(struct mdp *m)
{
	size_t nseg, first_h2;
	struct seg *segs = md_cut_segments(m, &nseg, &first_h2);
	const struct item *h1 = md_first_heading(m, 1);
	struct idx pre = { 0 };
	struct help_about_part *parts;
	size_t n = 0, shrt;

	for (size_t i = 0; i < first_h2; i++)
		if (&m->items[i] != h1)
			PUSH(pre.v, pre.n, pre.cap) = i;
	parts = arena_array(m->a, nseg + 1, sizeof(*parts));
	if (pre.n) {
		parts[n].kind = HELP_ABOUT_OTHER;
		parts[n].pos = m->items[pre.v[0]].pos;
		parts[n++].body = md_blocks_of(m, &pre, 0, pre.n);
	}
	free(pre.v);
	for (size_t k = 0; k < nseg; k++) {
		const struct item *h = &m->items[segs[k].head];
		struct idx x = { 0 };
		md_idx_add_range(&x, segs[k].first, segs[k].end);
		parts[n].heading = h->text;
		parts[n].anchor = h->blk.u.heading.anchor;
		parts[n].pos = h->pos;
		parts[n].heading_ext = item_heading_ext(h);
		parts[n++].body = md_blocks_of(m, &x, 0, x.n);
		free(x.v);
	}
	free(segs);
	classify_parts(parts, n, n - nseg);
	for (shrt = 0; shrt < n; shrt++)
		if (parts[shrt].kind == HELP_ABOUT_SHORT_DESCRIPTION)
			break;
	if (shrt < n)
		m->doc->short_description = parts[shrt].body;
	m->doc->parts = n ? parts : NULL;
	m->doc->nparts = n;
}
