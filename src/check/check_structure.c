/* SPDX-License-Identifier: MIT */
/*
 * The structure of a page, from the help model alone: front matter and
 * the keys of its schema, the names (H1, title, file name), sections and
 * their order, placeholders left by platyPS or `pshelp new`, an empty
 * SYNOPSIS and examples without code.  Also the two checks the parser
 * used to make: translated section headings and a Locale that disagrees
 * with ms.contentlocale.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* ---------- front matter ---------- */

/*
 * Keys every page of a schema has (the real pages of both schemas have
 * them all).  The online address is not here: check_links() reports it
 * as online-uri-missing, once.
 */
static const char *const keys_2_0_0[] = { "external help file", "Module Name",
					  "schema", NULL };
static const char *const keys_2024[] = {
	"document type",	  "Locale", "Module Name",
	"PlatyPS schema version", "title",  NULL
};

static void
check_frontmatter(const struct help_doc *doc, struct diag_ctx *dx)
{
	if (!doc->has_frontmatter) {
		diag_report(dx, DIAG_FRONTMATTER_MISSING, 1, 1);
		return;
	}
	bool v2024 = doc->schema == HELP_SCHEMA_2024_05_01;
	const char *const *keys = v2024 ? keys_2024 : keys_2_0_0;
	for (size_t i = 0; keys[i]; i++)
		if (help_doc_frontmatter(doc, keys[i]) == NULL)
			diag_report(dx, DIAG_FRONTMATTER_KEY_MISSING, 1, 1,
				    keys[i], v2024 ? "2024-05-01" : "2.0.0");
}

/* As the parser did: both keys set, and not equal ignoring case. */
static void
check_locale(const struct help_doc *doc, struct diag_ctx *dx)
{
	const struct help_fm_entry *loc = help_doc_frontmatter(doc, "Locale");
	const struct help_fm_entry *cl =
		help_doc_frontmatter(doc, "ms.contentlocale");
	if (loc && cl && loc->value && cl->value &&
	    strcasecmp(loc->value, cl->value) != 0)
		diag_report(dx, DIAG_LOCALE_MISMATCH, loc->pos.line,
			    loc->pos.col, loc->value, cl->value);
}

/* ---------- names ---------- */

static bool
same_name(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/*
 * The name the page documents: the one most of H1, title, file name
 * and the SYNTAX command agree on (ties go to the earlier of them), so
 * that the odd one out is reported, not the others.
 */
static const char *
reference_name(const char *const cand[4])
{
	const char *best = NULL;
	int best_votes = 0;
	for (int i = 0; i < 4; i++) {
		int votes = 0;
		for (int k = 0; k < 4; k++)
			votes += same_name(cand[i], cand[k]);
		if (cand[i] && votes > best_votes) {
			best = cand[i];
			best_votes = votes;
		}
	}
	return best;
}

/* The file name without folders and the last extension, in a. */
static const char *
file_stem(struct arena *a, const char *path)
{
	if (path == NULL)
		return NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return n ? arena_strndup(a, base, n) : NULL;
}

static void
check_names(const struct help_doc *doc, struct diag_ctx *dx)
{
	struct arena a;
	arena_init(&a);
	const struct help_fm_entry *title = help_doc_frontmatter(doc, "title");
	const char *cand[4] = {
		title && title->value && *title->value ? title->value : NULL,
		doc->title && *doc->title ? doc->title : NULL,
		file_stem(&a, doc->path),
		doc->nsyntax ? doc->syntax[0].command : NULL,
	};
	const char *ref = reference_name(cand);
	if (ref == NULL) {
		arena_release(&a);
		return;
	}
	if (cand[0] && !same_name(cand[0], ref)) {
		struct help_pos p = title->pos;
		if (title->value_ext.end > title->value_ext.start)
			p = help_doc_pos_at(doc, title->value_ext.start);
		diag_report(dx, DIAG_NAME_MISMATCH, p.line, p.col, "title",
			    cand[0], ref);
	}
	if (cand[1] && !same_name(cand[1], ref)) {
		struct help_pos p =
			help_doc_pos_at(doc, doc->title_ext.text_ext.start);
		diag_report(dx, DIAG_NAME_MISMATCH, p.line, p.col, "heading",
			    cand[1], ref);
	}
	if (cand[2] && !same_name(cand[2], ref))
		diag_report(dx, DIAG_NAME_MISMATCH, 1, 1, "file name", cand[2],
			    ref);
	arena_release(&a);
}

/* ---------- sections ---------- */

/* NOTES is optional in both schemas (real pages leave it out). */
static bool
section_required(enum help_section s)
{
	return s != HELP_SEC_NOTES;
}

static bool
pos_before(struct help_pos a, struct help_pos b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/*
 * Where a missing section belongs: at the heading of the next section
 * the page has, else at the end of the page.
 */
static struct help_pos
missing_section_pos(const struct help_doc *doc, int s)
{
	for (int k = s + 1; k < HELP_SEC__COUNT; k++)
		if (doc->sections[k].present)
			return doc->sections[k].pos;
	return help_doc_pos_at(doc, doc->source_len);
}

static void
check_sections(const struct help_doc *doc, struct diag_ctx *dx)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		if (!doc->sections[s].present && section_required(s)) {
			struct help_pos p = missing_section_pos(doc, s);
			diag_report(dx, DIAG_SECTION_MISSING, p.line, p.col,
				    help_section_name(s));
		}

	/* The present sections in page order (insertion sort of nine). */
	int order[HELP_SEC__COUNT], n = 0;
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		if (!doc->sections[s].present)
			continue;
		int k = n++;
		while (k > 0 && pos_before(doc->sections[s].pos,
					   doc->sections[order[k - 1]].pos)) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = s;
	}
	/* Each one that the schema puts before one already seen. */
	int latest = -1;
	for (int i = 0; i < n; i++) {
		int s = order[i];
		if (s > latest) {
			latest = s;
			continue;
		}
		diag_report(dx, DIAG_SECTION_ORDER, doc->sections[s].pos.line,
			    doc->sections[s].pos.col, help_section_name(s),
			    help_section_name(latest));
	}
}

/* As the parser did: a section whose H2 is not its English name. */
static void
check_headings(const struct help_doc *doc, struct diag_ctx *dx)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		const struct help_section_info *si = &doc->sections[s];
		if (si->present && si->heading &&
		    strcasecmp(si->heading, help_section_name(s)) != 0)
			diag_report(dx, DIAG_HEADING_TRANSLATED, si->pos.line,
				    si->pos.col, si->heading,
				    help_section_name(s));
	}
	const struct help_section_info *al = &doc->aliases_section;
	if (al->present && al->heading && strcasecmp(al->heading, "ALIASES"))
		diag_report(dx, DIAG_HEADING_TRANSLATED, al->pos.line,
			    al->pos.col, al->heading, "ALIASES");
}

/* ---------- placeholders ---------- */

/* Byte ranges of code blocks (yaml and SYNTAX too), to tell code apart. */
struct ranges {
	struct help_extent *v;
	size_t n, cap;
};

static void
add_range(struct ranges *r, struct help_extent e)
{
	if (e.end <= e.start)
		return;
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	r->v[r->n++] = e;
}

static bool
add_code_range(void *cookie, const struct help_block *b)
{
	add_range(cookie, b->ext);
	return true;
}

static void
code_in_blocks(struct ranges *r, const struct help_blocks *b)
{
	help_blocks_each_code(b, add_code_range, r);
}

static int
range_cmp(const void *a, const void *b)
{
	const struct help_extent *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void
collect_code(const struct help_doc *doc, struct ranges *r)
{
	code_in_blocks(r, &doc->synopsis);
	code_in_blocks(r, &doc->description);
	code_in_blocks(r, &doc->notes);
	code_in_blocks(r, &doc->common_parameters_text);
	code_in_blocks(r, &doc->aliases_text);
	for (size_t i = 0; i < doc->nsyntax; i++)
		add_range(r, doc->syntax[i].ext);
	for (size_t i = 0; i < doc->nexamples; i++)
		code_in_blocks(r, &doc->examples[i].body);
	for (size_t i = 0; i < doc->nparams; i++) {
		code_in_blocks(r, &doc->params[i].description);
		if (doc->params[i].has_metadata)
			add_range(r, doc->params[i].metadata_ext);
	}
	for (size_t i = 0; i < doc->ninputs; i++)
		code_in_blocks(r, &doc->inputs[i].description);
	for (size_t i = 0; i < doc->noutputs; i++)
		code_in_blocks(r, &doc->outputs[i].description);
	for (size_t i = 0; i < doc->nparts; i++)
		code_in_blocks(r, &doc->parts[i].body);
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), range_cmp);
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * The words platyPS and `pshelp new` start a placeholder with.  In code
 * only these count: `{{ScriptBlock}}` and `'{{0}}' -f` are PowerShell.
 */
static bool
placeholder_word(const char *s, size_t n)
{
	static const char *const words[] = { "Fill",   "Add",	  "Please",
					     "Update", "Enter",	  "Manually",
					     "Insert", "Provide", "Describe",
					     "TODO",   NULL };
	size_t w = 0;
	while (w < n && is_alpha((unsigned char)s[w]))
		w++;
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == w && strncasecmp(s, words[i], w) == 0)
			return true;
	return false;
}

#define PLACEHOLDER_MAX 256 /* bytes between the braces */

/*
 * The length of a placeholder `{{ text }}` at s (one line, no braces
 * inside, text starting with a letter), else 0.
 */
static size_t
placeholder_len(const char *s, size_t n, bool in_code)
{
	if (n < 5 || s[0] != '{' || s[1] != '{')
		return 0;
	size_t i = 2;
	while (i < n && s[i] == ' ')
		i++;
	size_t text = i;
	if (i >= n ||
	    !(is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
		return 0;
	for (; i + 1 < n && i < PLACEHOLDER_MAX; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '{')
			return 0;
		if (s[i] == '}') {
			if (s[i + 1] != '}')
				return 0;
			if (in_code && !placeholder_word(s + text, i - text))
				return 0;
			return i + 2;
		}
	}
	return 0;
}

static void
check_placeholders(const struct help_doc *doc, struct diag_ctx *dx)
{
	if (doc->source == NULL)
		return;
	struct ranges code = { 0 };
	collect_code(doc, &code);
	const char *src = doc->source;
	size_t n = doc->source_len, next_code = 0, bol = 0, counted = 0;
	uint32_t line = 1;
	/* memchr finds each '{' and the line ends before it: pages are long */
	for (size_t i = 0; i < n;) {
		const char *brace = memchr(src + i, '{', n - i);
		if (!brace)
			break;
		i = (size_t)(brace - src);
		for (const char *nl;
		     (nl = memchr(src + counted, '\n', i - counted)) != NULL;) {
			line++;
			counted = bol = (size_t)(nl - src) + 1;
		}
		counted = i;
		while (next_code < code.n && code.v[next_code].end <= i)
			next_code++;
		bool in_code =
			next_code < code.n && code.v[next_code].start <= i;
		size_t len = placeholder_len(src + i, n - i, in_code);
		if (len == 0) {
			i++;
			continue;
		}
		char *text = xstrndup(src + i, len);
		diag_report(dx, DIAG_PLACEHOLDER, line, (uint32_t)(i - bol + 1),
			    text);
		free(text);
		i += len;
	}
	free(code.v);
}

/* ---------- SYNOPSIS and examples ---------- */

static bool
blocks_have_text(const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *blk = &b->v[i];
		if (blk->kind == HELP_BLOCK_RULE)
			continue;
		if (blk->kind != HELP_BLOCK_PARA &&
		    blk->kind != HELP_BLOCK_HTML)
			return true;
		for (size_t k = 0; k < blk->u.para.n; k++) {
			const struct help_run *r = &blk->u.para.runs[k];
			for (size_t c = 0; r->text && c < r->len; c++)
				if (r->text[c] != ' ' && r->text[c] != '\t')
					return true;
		}
	}
	return false;
}

static void
check_synopsis(const struct help_doc *doc, struct diag_ctx *dx)
{
	const struct help_section_info *si = &doc->sections[HELP_SEC_SYNOPSIS];
	if (si->present && !blocks_have_text(&doc->synopsis))
		diag_report(dx, DIAG_SYNOPSIS_EMPTY, si->pos.line, si->pos.col);
}

static bool
note_code(void *cookie, const struct help_block *b)
{
	(void)b;
	*(bool *)cookie = true;
	return false; /* one is enough */
}

static bool
blocks_have_code(const struct help_blocks *b)
{
	bool found = false;
	help_blocks_each_code(b, note_code, &found);
	return found;
}

static void
check_examples_code(const struct help_doc *doc, struct diag_ctx *dx)
{
	for (size_t i = 0; i < doc->nexamples; i++) {
		const struct help_example *ex = &doc->examples[i];
		if (!blocks_have_code(&ex->body))
			diag_report(dx, DIAG_EXAMPLE_NO_CODE, ex->pos.line,
				    ex->pos.col, ex->title ? ex->title : "");
	}
}

/* ---------- the check ---------- */

void
check_structure(const struct check_env *env, const struct help_doc *doc,
		struct diag_ctx *dx)
{
	(void)env;
	check_locale(doc, dx);
	check_placeholders(doc, dx);
	if (doc->kind != HELP_DOC_COMMAND)
		return;
	check_frontmatter(doc, dx);
	check_names(doc, dx);
	check_headings(doc, dx);
	check_sections(doc, dx);
	check_synopsis(doc, dx);
	check_examples_code(doc, dx);
}
