/* SPDX-License-Identifier: MIT */
/*
 * md_parse over the 376 real pages of $PSHELP_SHARED/corpus (en-US and
 * its machine translation sv-SE).  Checks what corpus-notes.md says the
 * pages contain, then parses every Swedish page with its English page as
 * the source and checks that both models have the same structure.
 * Per-page problems are printed as TAP diagnostics.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render.h"
#include "md_parse.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

#define NLOC 2
static const char *const locales[NLOC] = { "en-US", "sv-SE" };

struct page {
	char *rel;  /* "Exit-PSSession.md", "About/about_Aliases.md" */
	char *path; /* full path */
	char *stem;
	bool about;
};

static struct page *pages[NLOC];
static size_t npages[NLOC];
static char *corpus;

/* Counts per diagnostic of the page being parsed. */
static unsigned seen[DIAG__COUNT];
static struct strbuf errors = STRBUF_INIT;

static void
count_diag(void *cookie, const struct diag *d)
{
	(void)cookie;
	seen[d->id]++;
	if (d->level >= DIAGL_ERROR)
		strbuf_addf(&errors, "%s:%u: %s [%s]; ",
			    d->file ? d->file : "?", (unsigned)d->line,
			    d->message, diag_slug(d->id));
}

static struct help_doc *
parse(const struct page *pg, const struct help_doc *source, const char *culture)
{
	struct md_parse_options o = { .path = pg->path,
				      .culture = culture,
				      .source = source };
	struct diag_ctx dx;
	diag_init(&dx, pg->path);
	dx.sink = count_diag;
	memset(seen, 0, sizeof(seen));
	strbuf_reset(&errors);
	return md_parse_file(pg->path, &o, &dx);
}

static int
page_cmp(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->rel,
		      ((const struct page *)b)->rel);
}

static void
list_dir(int loc, const char *sub, bool about, size_t *cap)
{
	char *dir = xasprintf("%s/%s/Microsoft.PowerShell.Core%s", corpus,
			      locales[loc], sub);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
			continue;
		pages[loc] = xgrow(pages[loc], cap, npages[loc] + 1,
				   sizeof(struct page));
		struct page *p = &pages[loc][npages[loc]++];
		p->rel = xasprintf("%s%s%s", about ? "About" : "",
				   about ? "/" : "", e->d_name);
		p->path = xasprintf("%s/%s", dir, e->d_name);
		p->stem = xstrndup(e->d_name, n - 3);
		p->about = about;
	}
	if (d)
		closedir(d);
	free(dir);
}

static void
list_pages(void)
{
	for (int loc = 0; loc < NLOC; loc++) {
		size_t cap = 0;
		list_dir(loc, "", false, &cap);
		list_dir(loc, "/About", true, &cap);
		qsort(pages[loc], npages[loc], sizeof(struct page), page_cmp);
	}
}

static bool
is_cmdlet(const struct page *p)
{
	return !p->about && strcmp(p->stem, "Microsoft.PowerShell.Core") != 0;
}

/* ---------- every page ---------- */

TEST(every_page_parses_without_errors)
{
	size_t total = 0;
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			struct help_doc *d = parse(pg, NULL, locales[loc]);
			const char *e = d ? help_doc_check(d) : "no document";
			if (e || errors.len) {
				tap_cur_failed = 1;
				printf("# %s/%s: %s %s\n", locales[loc],
				       pg->rel, e ? e : "", errors.buf);
			}
			total += d != NULL;
			help_doc_free(d);
		}
	check_int(total, ==, 376);
}

TEST(page_kinds_and_names)
{
	for (int loc = 0; loc < NLOC; loc++) {
		size_t kinds[3] = { 0 };
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			struct help_doc *d = parse(pg, NULL, locales[loc]);
			if (d == NULL)
				continue;
			kinds[d->kind]++;
			if (strcmp(d->name, pg->stem) != 0 ||
			    strcmp(d->locale, locales[loc]) != 0 ||
			    (is_cmdlet(pg) &&
			     strcmp(d->title, pg->stem) != 0)) {
				tap_cur_failed = 1;
				printf("# %s/%s: name '%s' title '%s' locale "
				       "'%s'\n",
				       locales[loc], pg->rel, d->name, d->title,
				       d->locale);
			}
			help_doc_free(d);
		}
		check_int(kinds[HELP_DOC_COMMAND], ==, 61);
		check_int(kinds[HELP_DOC_MODULE], ==, 1);
		check_int(kinds[HELP_DOC_ABOUT], ==, 126);
	}
}

/* ---------- cmdlet pages ---------- */

static bool
in_syntax(const struct help_doc *d, const char *name)
{
	for (size_t s = 0; s < d->nsyntax; s++)
		for (size_t k = 0; k < d->syntax[s].nparams; k++)
			if (strcmp(d->syntax[s].params[k].name, name) == 0)
				return true;
	return false;
}

static bool
known_outside_syntax(const char *page, const char *param)
{
	return (!strcmp(page, "Enter-PSSession") &&
		!strcmp(param, "Subsystem")) ||
	       (!strcmp(page, "Set-PSSessionConfiguration") &&
		!strcmp(param, "ThreadApartmentState"));
}

static void
check_cmdlet(const struct page *pg, int loc, const struct help_doc *d)
{
	const char *where = locales[loc];
	if (seen[DIAG_HEADING_UNKNOWN]) {
		tap_cur_failed = 1;
		printf("# %s/%s: heading-unknown\n", where, pg->rel);
	}
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		bool absent = s == HELP_SEC_NOTES &&
			      !strcmp(pg->stem, "Get-ExperimentalFeature");
		if (d->sections[s].present == absent) {
			tap_cur_failed = 1;
			printf("# %s/%s: section %s %s\n", where, pg->rel,
			       help_section_name(s),
			       absent ? "found" : "missing");
		}
	}
	for (size_t i = 0; i < d->nparams; i++) {
		const struct help_param *p = &d->params[i];
		if (p->has_metadata &&
		    (in_syntax(d, p->name) ||
		     known_outside_syntax(pg->stem, p->name)))
			continue;
		tap_cur_failed = 1;
		printf("# %s/%s: parameter '%s' (%s) meta=%d\n", where, pg->rel,
		       p->name, p->heading, p->has_metadata);
	}
	size_t unresolved = 0;
	for (size_t i = 0; i < d->nlinks; i++)
		unresolved += d->links[i].kind == HELP_LINK_UNRESOLVED;
	/* Register-ArgumentCompleter's RELATED LINKS is empty */
	if (unresolved != seen[DIAG_LINK_UNRESOLVED] ||
	    (d->nlinks == 0) !=
		    !strcmp(pg->stem, "Register-ArgumentCompleter")) {
		tap_cur_failed = 1;
		printf("# %s/%s: %zu links, %zu unresolved, %u reported\n",
		       where, pg->rel, d->nlinks, unresolved,
		       seen[DIAG_LINK_UNRESOLVED]);
	}
}

static const struct page *english_of(const struct page *sv);

/* Swedish pages are read as get-help reads them: with their source. */
TEST(cmdlet_pages_sections_params_links)
{
	size_t n = 0;
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i], *ep;
			struct help_doc *en = NULL;
			if (!is_cmdlet(pg))
				continue;
			if (loc > 0 && (ep = english_of(pg)) != NULL)
				en = parse(ep, NULL, "en-US");
			struct help_doc *d = parse(pg, en, locales[loc]);
			if (d && d->kind == HELP_DOC_COMMAND) {
				check_cmdlet(pg, loc, d);
				n++;
			}
			help_doc_free(d);
			help_doc_free(en);
		}
	check_int(n, ==, 122);
}

/* ---------- About topics ---------- */

static void
check_about(const struct page *pg, int loc, struct help_doc *d)
{
	size_t nshort = 0, nsee = 0, nh2 = 0;
	for (size_t i = 0; i < d->nparts; i++) {
		const struct help_about_part *p = &d->parts[i];
		nshort += p->kind == HELP_ABOUT_SHORT_DESCRIPTION;
		nsee += p->kind == HELP_ABOUT_SEE_ALSO;
		nh2 += p->heading && *p->heading && p->kind <= HELP_ABOUT_OTHER;
		/* Only the text before the first H2 has no heading: it
		 * is the short description when no H2 says it is one. */
		if (p->heading == NULL &&
		    (i != 0 || (p->kind != HELP_ABOUT_OTHER &&
				p->kind != HELP_ABOUT_SHORT_DESCRIPTION)))
			nshort = 99;
	}
	const char *text = help_blocks_first_text(d, &d->short_description);
	/* every H2 is a part with a kind */
	if (nshort != 1 || !*text || nsee > 1 ||
	    nh2 != d->nparts - (d->nparts && !d->parts[0].heading)) {
		tap_cur_failed = 1;
		printf("# %s/%s: %zu short descriptions ('%.40s'), %zu "
		       "see-also\n",
		       locales[loc], pg->rel, nshort, text, nsee);
	}
}

TEST(about_pages_have_a_short_description)
{
	size_t n = 0;
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			if (is_cmdlet(pg))
				continue;
			struct help_doc *d = parse(pg, NULL, locales[loc]);
			if (d) {
				check_about(pg, loc, d);
				n++;
			}
			help_doc_free(d);
		}
	check_int(n, ==, 2 * 127);
}

/* A page that opens with its short description before any H2. */
TEST(about_intro_is_the_short_description)
{
	struct page pg = { 0 };
	pg.path = xasprintf("%s/en-US/Microsoft.PowerShell.Core/About/%s",
			    corpus, "about_Numeric_Literals.md");
	struct help_doc *d = parse(&pg, NULL, "en-US");
	check(d && d->nparts > 1);
	check(d && d->parts[0].heading == NULL &&
	      d->parts[0].kind == HELP_ABOUT_SHORT_DESCRIPTION);
	check(d && d->parts[1].kind == HELP_ABOUT_OTHER);
	const char *text =
		d ? help_blocks_first_text(d, &d->short_description) : "";
	check(strncmp(text, "There are two kinds of numeric literals", 39) ==
	      0);
	help_doc_free(d);
	free(pg.path);
}

/* The corpus' real unclosed fences and the seed's locale mismatch. */
TEST(real_damage_is_reported)
{
	struct page pg = { 0 };
	pg.path = xasprintf("%s/en-US/Microsoft.PowerShell.Core/About/%s",
			    corpus, "about_Functions_Advanced_Parameters.md");
	struct help_doc *d = parse(&pg, NULL, "en-US");
	check(d != NULL);
	check_int(seen[DIAG_FENCE_SWALLOWED], ==, 1);
	check_int(seen[DIAG_FENCE_UNCLOSED], ==, 0);
	size_t unclosed = 0;
	for (size_t i = 0; d && i < d->nparts; i++)
		for (size_t k = 0; k < d->parts[i].body.n; k++) {
			const struct help_block *b = &d->parts[i].body.v[k];
			if (b->kind == HELP_BLOCK_CODE && b->u.code.unclosed) {
				unclosed++;
				check_int(b->pos.line, ==, 851);
			}
		}
	check_int(unclosed, ==, 1);
	/* the H2s after the damage are still headings */
	check(d && d->nparts &&
	      d->parts[d->nparts - 1].kind == HELP_ABOUT_SEE_ALSO);
	help_doc_free(d);
	free(pg.path);

	pg.path = xasprintf("%s/../seeds/sv-SE/Exit-PSSession.md", corpus);
	d = parse(&pg, NULL, NULL);
	check(d != NULL);
	/* locale and heading notes are pshelp validate's now */
	check_int(seen[DIAG_LOCALE_MISMATCH], ==, 0);
	check_str(d ? d->locale : NULL, "sv-SE");
	check_int(seen[DIAG_HEADING_TRANSLATED], ==, 0);
	help_doc_free(d);
	free(pg.path);
}

/* ---------- Swedish against English ---------- */

static struct strbuf why = STRBUF_INIT;

static void
differ(const char *what, const char *en, const char *sv)
{
	strbuf_addf(&why, "%s: '%s' vs '%s'; ", what, en ? en : "(null)",
		    sv ? sv : "(null)");
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void
compare_sections(const struct help_doc *en, const struct help_doc *sv)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		if (en->sections[s].present != sv->sections[s].present)
			differ("section", help_section_name(s), "");
	if (en->nexamples != sv->nexamples)
		differ("examples", "", "");
}

static void
compare_names(const struct help_doc *en, const struct help_doc *sv)
{
	if (en->nparams != sv->nparams)
		differ("parameter count", "", "");
	for (size_t i = 0; i < en->nparams && i < sv->nparams; i++)
		if (!same_str(en->params[i].name, sv->params[i].name))
			differ("parameter", en->params[i].name,
			       sv->params[i].name);
	if (en->nsyntax != sv->nsyntax)
		differ("syntax count", "", "");
	for (size_t i = 0; i < en->nsyntax && i < sv->nsyntax; i++)
		if (!same_str(en->syntax[i].name, sv->syntax[i].name) ||
		    en->syntax[i].is_default != sv->syntax[i].is_default)
			differ("set", en->syntax[i].name, sv->syntax[i].name);
}

/* Prose among the types ("..., or the output of the invoked command")
   stays translated; a word of it is not a dotted name or "or"/"and"
   between them.  Lower-case words that are types ("none") are rare. */
static bool
prose_heading(const char *s)
{
	for (const char *w = s; w && *w;) {
		size_t n = strcspn(w, " ,");
		bool conj = (n == 2 && !strncmp(w, "or", 2)) ||
			    (n == 3 && !strncmp(w, "and", 3));
		if (n && !conj && islower((unsigned char)*w) &&
		    !memchr(w, '.', n))
			return true;
		w += n;
		w += strspn(w, " ,");
	}
	return false;
}

static void
compare_types(const char *what, const struct help_type_entry *a, size_t na,
	      const struct help_type_entry *b, size_t nb)
{
	if (na != nb)
		differ(what, "count", "");
	for (size_t i = 0; i < na && i < nb; i++)
		if (!prose_heading(a[i].name) && !same_str(a[i].name, b[i].name))
			differ(what, a[i].name, b[i].name);
}

static void
compare_links(const struct help_doc *en, const struct help_doc *sv)
{
	if (en->nlinks != sv->nlinks)
		differ("link count", "", "");
	for (size_t i = 0; i < en->nlinks && i < sv->nlinks; i++)
		if (en->links[i].kind != sv->links[i].kind ||
		    !same_str(en->links[i].topic, sv->links[i].topic))
			differ("link", en->links[i].topic, sv->links[i].topic);
}

static void
compare_parts(const struct help_doc *en, const struct help_doc *sv)
{
	if (en->nparts != sv->nparts)
		differ("part count", "", "");
	for (size_t i = 0; i < en->nparts && i < sv->nparts; i++)
		if (en->parts[i].kind != sv->parts[i].kind)
			differ("part kind", en->parts[i].heading,
			       sv->parts[i].heading);
}

static void
compare_docs(const struct help_doc *en, const struct help_doc *sv)
{
	if (en->kind != sv->kind)
		differ("kind", "", "");
	compare_sections(en, sv);
	compare_names(en, sv);
	compare_types("inputs", en->inputs, en->ninputs, sv->inputs,
		      sv->ninputs);
	compare_types("outputs", en->outputs, en->noutputs, sv->outputs,
		      sv->noutputs);
	compare_links(en, sv);
	compare_parts(en, sv);
}

static const struct page *
english_of(const struct page *sv)
{
	for (size_t i = 0; i < npages[0]; i++)
		if (strcmp(pages[0][i].rel, sv->rel) == 0)
			return &pages[0][i];
	return NULL;
}

TEST(swedish_pages_match_their_source)
{
	size_t n = 0;
	for (size_t i = 0; i < npages[1]; i++) {
		const struct page *sp = &pages[1][i], *ep = english_of(sp);
		struct help_doc *en = ep ? parse(ep, NULL, "en-US") : NULL;
		struct help_doc *sv = en ? parse(sp, en, "sv-SE") : NULL;
		strbuf_reset(&why);
		if (en && sv)
			compare_docs(en, sv);
		else
			strbuf_addstr(&why, "not parsed");
		if (why.len) {
			tap_cur_failed = 1;
			printf("# sv-SE/%s: %s\n", sp->rel, why.buf);
		}
		n += en && sv;
		help_doc_free(sv);
		help_doc_free(en);
	}
	check_int(n, ==, 188);
}

static bool
in_yaml_sets(const struct help_doc *d, const char *set)
{
	for (size_t i = 0; set && i < d->nparams; i++)
		for (size_t k = 0; k < d->params[i].nsets; k++)
			if (!strcmp(d->params[i].sets[k], set))
				return true;
	return false;
}

/* Names that a page alone gives away must be found without the source. */
static void
compare_recoverable(const char *stem, const struct help_doc *en,
		    const struct help_doc *sv)
{
	if (en->nparams != sv->nparams || en->nsyntax != sv->nsyntax) {
		differ("counts", "", "");
		return;
	}
	for (size_t i = 0; i < en->nparams; i++)
		if (!same_str(en->params[i].name, sv->params[i].name) &&
		    !known_outside_syntax(stem, en->params[i].name))
			differ("parameter", en->params[i].name,
			       sv->params[i].name);
	for (size_t i = 0; i < en->nsyntax; i++) {
		if (en->syntax[i].is_default != sv->syntax[i].is_default)
			differ("default set", en->syntax[i].name,
			       sv->syntax[i].name);
		if (in_yaml_sets(sv, en->syntax[i].name) &&
		    !same_str(en->syntax[i].name, sv->syntax[i].name))
			differ("set", en->syntax[i].name, sv->syntax[i].name);
	}
}

/* Without the English page, structure alone must still find the sections. */
TEST(swedish_sections_without_source)
{
	for (size_t i = 0; i < npages[1]; i++) {
		const struct page *sp = &pages[1][i], *ep = english_of(sp);
		if (!is_cmdlet(sp) || ep == NULL)
			continue;
		struct help_doc *en = parse(ep, NULL, "en-US");
		struct help_doc *sv = parse(sp, NULL, "sv-SE");
		strbuf_reset(&why);
		if (en && sv) {
			compare_sections(en, sv);
			compare_links(en, sv);
			compare_recoverable(sp->stem, en, sv);
		}
		if (why.len || !en || !sv) {
			tap_cur_failed = 1;
			printf("# sv-SE/%s: %s\n", sp->rel, why.buf);
		}
		help_doc_free(sv);
		help_doc_free(en);
	}
}

/* ---------- source extents ---------- */

/* A link's bytes look like a link; its target's are the target as
 * written, or the label of a reference link. */
static bool
link_fits(const struct help_doc *d, const struct help_inline_link *l)
{
	const char *s = d->source;
	struct help_extent x = l->ext, t = l->target_ext;
	size_t n = t.end - t.start;
	if (x.end - x.start < 2 || (s[x.start] != '[' && s[x.start] != '<') ||
	    !strchr(")]>", s[x.end - 1]))
		return false;
	if (strlen(l->target) == n && memcmp(s + t.start, l->target, n) == 0)
		return true;
	if (t.start > 0 && s[t.start - 1] == '[' && s[t.end] == ']')
		return true;
	return memchr(s + t.start, '\\', n) || memchr(s + t.start, '&', n);
}

/* A fence at the left margin of an LF page keeps its text verbatim. */
static bool
margin_code_verbatim(const struct help_doc *d, const struct help_blocks *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *k = &b->v[i];
		uint32_t at = k->ext.start;
		if (k->kind == HELP_BLOCK_CODE && !k->u.code.verbatim &&
		    d->source[at] == '`' &&
		    (at == 0 || d->source[at - 1] == '\n'))
			return false;
	}
	return true;
}

static size_t nlinks_checked;

static bool
extents_hold(const char *where, const struct help_doc *d)
{
	strbuf_reset(&why);
	if (!help_doc_check_extents(d, &why))
		goto bad;
	for (size_t i = 0; i < d->ninline_links; i++)
		if (!link_fits(d, &d->inline_links[i])) {
			strbuf_addf(&why, "%u:%u: link bytes do not fit",
				    (unsigned)d->inline_links[i].pos.line,
				    (unsigned)d->inline_links[i].pos.col);
			goto bad;
		}
	bool lf = memchr(d->source, '\r', d->source_len) == NULL;
	bool verbatim = !lf || (margin_code_verbatim(d, &d->description) &&
				margin_code_verbatim(d, &d->notes));
	for (size_t i = 0; lf && i < d->nexamples; i++)
		verbatim = verbatim &&
			   margin_code_verbatim(d, &d->examples[i].body);
	for (size_t i = 0; lf && i < d->nparts; i++)
		verbatim =
			verbatim && margin_code_verbatim(d, &d->parts[i].body);
	for (size_t i = 0; lf && i < d->nsyntax; i++)
		verbatim = verbatim && d->syntax[i].verbatim;
	if (!verbatim) {
		strbuf_addstr(&why, "code at the margin is not verbatim");
		goto bad;
	}
	nlinks_checked += d->ninline_links;
	return true;
bad:
	tap_cur_failed = 1;
	printf("# %s: %s\n", where, why.buf);
	return false;
}

/* Parses every page in the culture folders under dir; counts them. */
static size_t
check_tree(const char *dir, int depth, size_t *found)
{
	DIR *d = depth < 4 ? opendir(dir) : NULL;
	struct dirent *e;
	size_t ok = 0;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		size_t n = strlen(e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			ok += check_tree(path, depth + 1, found);
		} else if (depth > 0 && n > 3 &&
			   strcmp(e->d_name + n - 3, ".md") == 0) {
			struct page pg = { .rel = e->d_name, .path = path };
			struct help_doc *doc = parse(&pg, NULL, NULL);
			(*found)++;
			ok += doc && extents_hold(path, doc);
			help_doc_free(doc);
		}
		free(path);
	}
	if (d)
		closedir(d);
	return ok;
}

TEST(every_page_passes_the_extent_check)
{
	size_t total = 0, found = 0;
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			struct help_doc *d = parse(pg, NULL, locales[loc]);
			total += d && extents_hold(pg->rel, d);
			help_doc_free(d);
		}
	check_int(total, ==, 376);
	char *schema = xasprintf("%s/../schema-2024-05-01", corpus);
	size_t schema_ok = check_tree(schema, 0, &found);
	free(schema);
	check_int(found, >, 0);
	check_int(schema_ok, ==, found);
	check_int(nlinks_checked, >, 0);
	printf("# %zu corpus and %zu schema pages, %zu inline links\n", total,
	       schema_ok, nlinks_checked);
}

/* A line of man(7) output that starts a request is one of ours; no page
   text starts one, and no control character but TAB and LF is left. */
static bool
man_is_clean(const char *rel, const char *s)
{
	static const char *const ours[] = {
		".TH ",	 ".SH ",  ".SS ",  ".PP\n",  ".EX\n", ".EE\n",
		".TP\n", ".IP",	  ".RS ",  ".RE\n",  ".nf\n", ".fi\n",
		".br\n", ".nh\n", ".RS\n", ".ad l\n"
	};
	for (const char *line = s; *line;) {
		const char *nl = strchr(line, '\n');
		bool known = *line != '.' && *line != '\'';
		for (size_t i = 0; !known && i < sizeof(ours) / sizeof(*ours);
		     i++)
			known = strncmp(line, ours[i], strlen(ours[i])) == 0;
		if (!known) {
			printf("# %s: stray request: %.40s\n", rel, line);
			return false;
		}
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f) {
			printf("# %s: control byte 0x%02x\n", rel, *c);
			return false;
		}
	return true;
}

TEST(every_page_renders_as_clean_man)
{
	size_t clean = 0;
	struct strbuf out = STRBUF_INIT;
	struct render_options ro = { .view = RENDER_FULL };

	strbuf_init(&out);
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			struct help_doc *d = parse(pg, NULL, locales[loc]);
			strbuf_reset(&out);
			if (d && render_man(d, &ro, &out) == 0 &&
			    strncmp(out.buf, ".TH \"", 5) == 0 &&
			    man_is_clean(pg->rel, out.buf))
				clean++;
			help_doc_free(d);
		}
	strbuf_release(&out);
	check_int(clean, ==, 376);
}

/* What a topic table row shows is the same whether the page is read in
   full or only its top (md_parse_options.summary_only). */
static char *
row_of(const struct page *pg, const char *culture, bool summary)
{
	struct md_parse_options o = { .culture = culture,
				      .summary_only = summary };
	struct help_doc *d = md_parse_file(pg->path, &o, NULL);
	if (d == NULL)
		return xstrdup("(unreadable)");
	const char *syn = help_blocks_first_text(d, &d->synopsis);
	char *row = xasprintf("%s|%s", d->module ? d->module : "",
			      syn ? syn : "");
	help_doc_free(d);
	return row;
}

TEST(command_rows_from_the_top_of_the_page)
{
	size_t same = 0, commands = 0;
	for (int loc = 0; loc < NLOC; loc++)
		for (size_t i = 0; i < npages[loc]; i++) {
			const struct page *pg = &pages[loc][i];
			if (pg->about)
				continue;
			commands++;
			char *full = row_of(pg, locales[loc], false);
			char *top = row_of(pg, locales[loc], true);
			if (strcmp(full, top) == 0)
				same++;
			else
				printf("# %s: %s / %s\n", pg->rel, full, top);
			free(full);
			free(top);
		}
	check_int(commands, ==, 2 * 62);
	check_int(same, ==, commands);
}

int
main(void)
{
	const char *shared = getenv("PSHELP_SHARED");
	struct stat st;

	if (shared)
		corpus = xasprintf("%s/corpus", shared);
	if (!corpus || stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("1..0 # SKIP no shared corpus\n");
		free(corpus);
		return 0;
	}
	strbuf_init(&errors);
	strbuf_init(&why);
	list_pages();
	RUN(every_page_parses_without_errors);
	RUN(page_kinds_and_names);
	RUN(cmdlet_pages_sections_params_links);
	RUN(about_pages_have_a_short_description);
	RUN(about_intro_is_the_short_description);
	RUN(real_damage_is_reported);
	RUN(swedish_pages_match_their_source);
	RUN(swedish_sections_without_source);
	RUN(every_page_passes_the_extent_check);
	RUN(every_page_renders_as_clean_man);
	RUN(command_rows_from_the_top_of_the_page);
	for (int loc = 0; loc < NLOC; loc++) {
		for (size_t i = 0; i < npages[loc]; i++) {
			free(pages[loc][i].rel);
			free(pages[loc][i].path);
			free(pages[loc][i].stem);
		}
		free(pages[loc]);
	}
	strbuf_release(&errors);
	strbuf_release(&why);
	free(corpus);
	return tap_done();
}
