/* SPDX-License-Identifier: MIT */
/*
 * A localized page: the English page with each translated unit spliced
 * into its extent.  A translation equal to its msgid changes nothing, so
 * an identity catalog gives back the source byte for byte.  A translation
 * that would change the page's structure (a paragraph that cmark does not
 * read as one paragraph, a line break in a one-line unit) is refused and
 * the English kept.
 */
#include "l10n_translate.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "md_parse.h"
#include "strbuf.h"
#include "xalloc.h"

struct edit {
	uint32_t start, end;
	char *text;
};

struct edits {
	struct edit *v;
	size_t n, cap;
};

static void
edit_add(struct edits *e, uint32_t start, uint32_t end, char *text)
{
	e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof(*e->v));
	e->v[e->n++] = (struct edit){ start, end, text };
}

static int
cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void
edits_apply(const struct help_doc *doc, struct edits *e, struct strbuf *out)
{
	uint32_t at = 0;
	if (e->n)
		qsort(e->v, e->n, sizeof(*e->v), cmp_edit);
	for (size_t i = 0; i < e->n; i++) {
		if (e->v[i].start < at)
			continue; /* overlapping: extents never do */
		strbuf_add(out, doc->source + at, e->v[i].start - at);
		strbuf_addstr(out, e->v[i].text);
		at = e->v[i].end;
	}
	strbuf_add(out, doc->source + at, doc->source_len - at);
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i].text);
	free(e->v);
}

/* ---------- what a translation may not do ---------- */

/* A '|' not escaped by an odd run of backslashes before it. */
static bool
has_cell_pipe(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p != '|')
			continue;
		const char *q = p;
		while (q > s && q[-1] == '\\')
			q--;
		if ((p - q) % 2 == 0)
			return true;
	}
	return false;
}

/* A heading whose text is underlined on the next line (setext). */
static bool
is_setext(const struct help_doc *doc, const struct l10n_unit *u)
{
	const char *s = doc->source, *end = s + doc->source_len;
	const char *p = memchr(s + u->ext.end, '\n', (size_t)(end - s -
							   u->ext.end));
	if (p == NULL)
		return false;
	p++;
	while (p < end && (*p == ' ' || *p == '>'))
		p++;
	return p < end && (*p == '=' || *p == '-');
}

static const char *
msgstr_problem(const struct help_doc *doc, const struct l10n_unit *u,
	       const char *msgstr)
{
	bool one_line = u->kind != L10N_PARAGRAPH;
	if (strchr(msgstr, '\r'))
		return N_("it holds a carriage return");
	if (one_line && strchr(msgstr, '\n'))
		return N_("it has a line break where the page allows one line");
	if (u->kind == L10N_TABLE_CELL && has_cell_pipe(msgstr))
		return N_("it holds '|', which starts a new cell");
	if (u->kind == L10N_TABLE_CELL || u->kind == L10N_FRONT_MATTER ||
	    (u->kind != L10N_PARAGRAPH && !is_setext(doc, u)))
		return NULL; /* an ATX heading takes any one line */
	/* cmark decides: a heading, list, quotation, fence, rule, table,
	 * HTML block, link definition or blank line is no paragraph */
	if (!md_is_one_paragraph(msgstr, strlen(msgstr)))
		return N_("it would not read as one paragraph");
	return NULL;
}

/* ---------- the replacement text ---------- */

static const char *
page_eol(const struct help_doc *doc)
{
	const char *lf = memchr(doc->source, '\n', doc->source_len);
	return lf && lf > doc->source && lf[-1] == '\r' ? "\r\n" : "\n";
}

/* A front matter value, quoted as the source quoted it. */
static void
add_yaml_value(struct strbuf *sb, const struct l10n_unit *u, const char *s)
{
	char q = u->quote;
	if (q == 0 && (strchr(s, ':') || strchr(s, '#') || *s == '\'' ||
		       *s == '"' || *s == '[' || *s == '{' || *s == '&' ||
		       *s == '*' || *s == '!' || *s == '|' || *s == '>' ||
		       *s == '%' || *s == '@' || *s == '`' || *s == '-'))
		q = '\''; /* quote what the source left bare if it must be */
	if (q == '\'' && u->quote == 0)
		strbuf_addch(sb, q);
	for (; *s; s++) {
		if (q == '\'' && *s == '\'')
			strbuf_addstr(sb, "''");
		else if (q == '"' && (*s == '"' || *s == '\\'))
			strbuf_addf(sb, "\\%c", *s);
		else
			strbuf_addch(sb, *s);
	}
	if (q == '\'' && u->quote == 0)
		strbuf_addch(sb, q);
}

static char *
replacement(const struct help_doc *doc, const struct l10n_unit *u,
	    const char *msgstr)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (u->kind == L10N_FRONT_MATTER) {
		add_yaml_value(&sb, u, msgstr);
		return strbuf_detach(&sb, NULL);
	}
	const char *eol = page_eol(doc);
	for (const char *s = msgstr; *s; s++) {
		if (*s == '\n') {
			strbuf_addstr(&sb, eol);
			strbuf_addstr(&sb, u->continuation);
		} else {
			strbuf_addch(&sb, *s);
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* ---------- the page ---------- */

/* The front matter's culture keys get the target culture. */
static void
set_culture(const struct help_doc *doc, const char *culture, struct edits *e)
{
	static const char *const keys[] = { "Locale", "ms.contentlocale" };
	for (size_t k = 0; culture && k < 2; k++) {
		const struct help_fm_entry *fm = help_doc_frontmatter(doc, keys[k]);
		if (fm == NULL || fm->value == NULL ||
		    strcasecmp(fm->value, culture) == 0 ||
		    fm->value_ext.end <= fm->value_ext.start)
			continue;
		edit_add(e, fm->value_ext.start, fm->value_ext.end,
			 xstrdup(culture));
	}
}

static void
apply_unit(const struct help_doc *doc, const struct l10n_unit *u,
	   const struct l10n_entry *en, const struct l10n_translate_options *o,
	   struct edits *e, struct l10n_stats *st, struct diag_ctx *dx)
{
	if (en == NULL || *en->msgstr == '\0') {
		st->untranslated++;
		return;
	}
	if (en->fuzzy && !o->use_fuzzy) {
		st->fuzzy++;
		return;
	}
	if (strcmp(en->msgstr, u->msgid) == 0) { /* the source, as it is */
		st->translated++;
		return;
	}
	const char *why = msgstr_problem(doc, u, en->msgstr);
	if (why) {
		char *shown = l10n_excerpt(u->msgid, strlen(u->msgid), 40);
		diag_report(dx, DIAG_MSGSTR_STRUCTURE, u->line, 1, shown, _(why));
		free(shown);
		st->untranslated++;
		return;
	}
	st->translated++;
	edit_add(e, u->ext.start, u->ext.end, replacement(doc, u, en->msgstr));
}

/* Catalog entries meant for this page that it does not have. */
static void
report_unused(const struct help_doc *doc, struct l10n_catalog *cat,
	      struct diag_ctx *po_dx)
{
	char *prefix = xasprintf("%s|", doc->name ? doc->name : "");
	size_t n = strlen(prefix);
	for (size_t i = 0; po_dx && i < cat->n; i++) {
		const struct l10n_entry *en = &cat->v[i];
		if (en->used || !en->msgctxt || strncmp(en->msgctxt, prefix, n))
			continue;
		char *shown = l10n_excerpt(en->msgid, strlen(en->msgid), 40);
		diag_report(po_dx, DIAG_PO_MSGID_UNKNOWN, en->po_line, 1, shown);
		free(shown);
	}
	free(prefix);
}

bool
l10n_translate(const struct help_doc *doc, struct l10n_catalog *cat,
	       const struct l10n_translate_options *o, struct strbuf *out,
	       struct l10n_stats *st, struct diag_ctx *dx,
	       struct diag_ctx *po_dx)
{
	struct l10n_units units;
	struct edits e = { 0 };

	memset(st, 0, sizeof(*st));
	l10n_units_extract(doc, &units);
	for (size_t i = 0; i < units.n; i++) {
		const struct l10n_unit *u = &units.v[i];
		struct l10n_entry *en =
			l10n_catalog_find(cat, u->msgctxt, u->msgid);
		if (en)
			en->used = true;
		apply_unit(doc, u, en, o, &e, st, dx);
	}
	report_unused(doc, cat, po_dx);
	unsigned total = st->translated + st->fuzzy + st->untranslated;
	unsigned percent = total ? st->translated * 100u / total : 100u;
	bool enough = percent >= o->threshold;
	if (enough) {
		set_culture(doc, o->culture, &e);
		edits_apply(doc, &e, out);
	} else {
		diag_report(dx, DIAG_TRANSLATE_THRESHOLD, 0, 0, percent,
			    o->threshold);
		for (size_t i = 0; i < e.n; i++)
			free(e.v[i].text);
		free(e.v);
	}
	l10n_units_release(&units);
	return enough;
}
