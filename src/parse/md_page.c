/* SPDX-License-Identifier: MIT */
/*
 * The page once cmark is done with it: a flat list of items.  Fills the
 * document fields from the front matter and headings, decides the page
 * kind and hands the page to its builder; the helpers over items here
 * are shared by the builders.
 */
#include "md_internal.h"
#include "yaml_internal.h"

#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"

/* ---------- document fields ---------- */

/* "dir/Name.md" -> "Name" */
static const char *
path_stem(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return n ? md_clean_dup(a, base, n, NULL) : NULL;
}

/* "a/Module/Name.md" -> "Module" */
static const char *
path_folder(struct arena *a, const char *path)
{
	const char *end = strrchr(path, '/');
	if (end == NULL || end == path)
		return NULL;
	const char *start = end;
	while (start > path && start[-1] != '/')
		start--;
	return end > start ? md_clean_dup(a, start, (size_t)(end - start), NULL)
			   : NULL;
}

const struct item *
md_first_heading(const struct mdp *m, int level)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].level == level)
			return &m->items[i];
	return NULL;
}

static void
fill_locale(struct mdp *m, const struct frontmatter *fm)
{
	const struct help_fm_entry *loc = frontmatter_find(fm, "Locale");
	const struct help_fm_entry *cl =
		frontmatter_find(fm, "ms.contentlocale");
	const char *culture = m->opt->culture;

	if (cl && cl->value && *cl->value)
		m->doc->locale = cl->value;
	else if (culture && *culture)
		m->doc->locale =
			md_clean_dup(m->a, culture, strlen(culture), NULL);
	else if (loc && loc->value && *loc->value)
		m->doc->locale = loc->value;
}

static void
fill_fields(struct mdp *m, const struct frontmatter *fm)
{
	struct help_doc *doc = m->doc;
	const char *path = m->opt->path;
	const char *title = frontmatter_get(fm, "title");
	const struct item *h1 = md_first_heading(m, 1);
	const struct help_fm_entry *al = frontmatter_find(fm, "aliases");

	doc->frontmatter = fm->entries;
	doc->nfrontmatter = fm->n;
	if (path)
		doc->path = md_clean_dup(m->a, path, strlen(path), NULL);
	doc->title = h1 ? h1->text : NULL;
	if (h1) {
		doc->title_ext = item_heading_ext(h1);
		doc->title_pos = h1->pos;
	}
	if (h1 == NULL)
		diag_report(m->dx, DIAG_NO_TITLE, m->line0 + 1, 1);
	m->names[0] = path ? path_stem(m->a, path) : NULL;
	m->names[1] = title && *title ? title : NULL;
	m->names[2] = h1 && *h1->text ? h1->text : NULL;
	for (size_t i = 0; i < 3 && !doc->name; i++)
		doc->name = m->names[i];
	if (doc->name == NULL)
		doc->name = "Untitled";
	fill_locale(m, fm);
	doc->module = frontmatter_get(fm, "Module Name");
	if ((doc->module == NULL || !*doc->module) && path)
		doc->module = path_folder(m->a, path);
	doc->online_uri = frontmatter_get(fm, "online version");
	if (!doc->online_uri || !*doc->online_uri)
		doc->online_uri = frontmatter_get(fm, "HelpUri");
	if (doc->online_uri && !*doc->online_uri)
		doc->online_uri =
			NULL; /* `HelpUri: ''`: there is no online page */
	const char *schema = frontmatter_get(fm, "PlatyPS schema version");
	doc->schema = schema && strcmp(schema, "2024-05-01") == 0
			      ? HELP_SCHEMA_2024_05_01
			      : HELP_SCHEMA_2_0_0;
	if (al && al->nitems) {
		doc->aliases = al->items;
		doc->naliases = al->nitems;
	} else if ((al = frontmatter_find(fm, "alias")) && al->value) {
		/* 2024-05-01 pages may say `alias: dir, ls, gci` */
		doc->naliases = platyps_split_commas(
			m->a, al->value, strlen(al->value), &doc->aliases);
	} else if (al && al->nitems) {
		doc->aliases = al->items;
		doc->naliases = al->nitems;
	}
}

/* ---------- page kind ---------- */

static bool
is_yaml_info(const char *info)
{
	size_t n = 0;
	while (info[n] && !is_space(info[n]))
		n++;
	return (n == 4 && prefix_ci(info, "yaml")) ||
	       (n == 3 && prefix_ci(info, "yml"));
}

bool
md_is_yaml_block(const struct help_block *b)
{
	return b->kind == HELP_BLOCK_CODE && is_yaml_info(b->u.code.info);
}

static enum help_doc_kind
detect_kind(const struct mdp *m, const struct frontmatter *fm)
{
	const char *folder =
		m->opt->path ? path_folder(m->a, m->opt->path) : NULL;
	size_t links = 0;

	for (size_t i = 0; i < 3; i++)
		if (m->names[i] && prefix_ci(m->names[i], "about_"))
			return HELP_DOC_ABOUT;
	if (folder && eq_ci(folder, "About"))
		return HELP_DOC_ABOUT;
	if (frontmatter_get(fm, "Module Guid"))
		return HELP_DOC_MODULE;
	for (size_t i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];
		if (it->level == 0 && md_is_yaml_block(&it->blk))
			return HELP_DOC_COMMAND; /* parameter metadata */
		links += it->level == 3 && it->link_heading;
	}
	return links >= 2 ? HELP_DOC_MODULE : HELP_DOC_COMMAND;
}

/*
 * Whether detect_kind() will say About topic or module page, whatever
 * the body holds but its H1: its first tests, on the path and the front
 * matter, are enough.
 */
bool
md_no_command_by_header(const struct mdp *m, const struct frontmatter *fm)
{
	const char *path = m->opt->path;
	const char *title = frontmatter_get(fm, "title");
	const char *stem = path ? path_stem(m->a, path) : NULL;
	const char *folder = path ? path_folder(m->a, path) : NULL;

	return (stem && prefix_ci(stem, "about_")) ||
	       (title && prefix_ci(title, "about_")) ||
	       (folder && eq_ci(folder, "About")) ||
	       frontmatter_get(fm, "Module Guid") != NULL;
}

/* ---------- the page ---------- */

void
md_parse_page(struct mdp *m, const struct frontmatter *fm)
{
	fill_fields(m, fm);
	m->doc->kind = detect_kind(m, fm);
	if (m->doc->kind == HELP_DOC_COMMAND)
		md_build_command(m);
	else if (!m->opt->names_only) /* no name of a command to repair */
		md_build_about(m);
}

/* ---------- blocks of items ---------- */

void
md_idx_add_range(struct idx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		PUSH(x->v, x->n, x->cap) = i;
}

/* Items x[from..to) as blocks; headings become heading blocks. */
struct help_blocks
md_blocks_of(struct mdp *m, const struct idx *x, size_t from, size_t to)
{
	struct help_blocks b = { NULL, 0 };
	if (to <= from)
		return b;
	b.v = arena_array(m->a, to - from, sizeof(*b.v));
	for (size_t i = from; i < to; i++)
		b.v[b.n++] = m->items[x->v[i]].blk;
	return b;
}

/* Text runs and breaks only, at least one link, nothing outside links. */
static bool
inline_only_links(const struct help_inline *in)
{
	bool link = false;
	for (size_t i = 0; i < in->n; i++) {
		const struct help_run *r = &in->runs[i];
		if (r->flags & HELP_RUN_LINK) {
			link = true;
			continue;
		}
		if (r->kind != HELP_RUN_TEXT)
			continue;
		for (size_t k = 0; k < r->len; k++)
			if (!is_space(r->text[k]) &&
			    !strchr(",;|-•·", r->text[k]))
				return false;
	}
	return link;
}

bool
md_block_only_links(const struct help_block *b, int depth)
{
	if (b->kind == HELP_BLOCK_PARA)
		return inline_only_links(&b->u.para);
	if (b->kind != HELP_BLOCK_LIST || depth > MD_PARSE_MAX_DEPTH)
		return false;
	for (size_t i = 0; i < b->u.list.nitems; i++) {
		const struct help_blocks *it = &b->u.list.items[i];
		if (it->n == 0)
			return false;
		for (size_t k = 0; k < it->n; k++)
			if (!md_block_only_links(&it->v[k], depth + 1))
				return false;
	}
	return b->u.list.nitems > 0;
}

size_t
md_inline_text_len(const struct help_inline *in)
{
	size_t n = 0;
	for (size_t i = 0; i < in->n; i++)
		n += in->runs[i].len;
	return n;
}

/* A run's text or link says CommonParameters. */
bool
md_inline_mentions_common(const struct help_inline *in)
{
	for (size_t k = 0; k < in->n; k++) {
		const struct help_run *r = &in->runs[k];
		if ((r->link && strstr(r->link, "CommonParameters")) ||
		    (r->text && strstr(r->text, "CommonParameters")))
			return true;
	}
	return false;
}

bool
md_item_only_links(const struct item *it)
{
	if (it->summarized)
		return it->sum.link && !it->sum.other;
	return md_block_only_links(&it->blk, 0);
}

size_t
md_item_text_len(const struct item *it)
{
	if (it->summarized)
		return it->sum.text_len;
	return md_inline_text_len(&it->blk.u.para);
}

bool
md_item_mentions_common(const struct item *it)
{
	if (it->summarized)
		return it->sum.common;
	return md_inline_mentions_common(&it->blk.u.para);
}

/* ---------- H2 parts ---------- */

/* Cuts the page at its H2s; items before the first H2 are the preamble. */
struct seg *
md_cut_segments(struct mdp *m, size_t *nseg, size_t *first_h2)
{
	struct seg *v = NULL;
	size_t n = 0, cap = 0;

	*first_h2 = m->nitems;
	for (size_t i = 0; i < m->nitems; i++) {
		if (m->items[i].level != 2)
			continue;
		if (n == 0)
			*first_h2 = i;
		else
			v[n - 1].end = i;
		struct seg *s = &PUSH(v, n, cap);
		memset(s, 0, sizeof(*s));
		s->head = i;
		s->first = i + 1;
		s->end = m->nitems;
		s->sec = -1;
	}
	*nseg = n;
	return v;
}
