/* SPDX-License-Identifier: MIT */
/*
 * md_parse_options.names_only: the source of a translation read only for
 * its names gives every field the repair reads as a full parse does, and
 * the translation comes out the same.  Pages of tests/unit/names-only
 * (an en-US page and de-DE and fr-FR translations whose parameter, set
 * and type names are damaged) and of $PSHELP_SHARED/corpus.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "md_parse.h"
#include "render.h"
#include "render_text.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

static unsigned errors; /* error-level diagnostics of the last parse */

static void
count_errors(void *cookie, const struct diag *d)
{
	(void)cookie;
	errors += d->level >= DIAGL_ERROR;
}

static struct help_doc *
parse(const char *path, const char *culture, const struct help_doc *source,
      bool names_only)
{
	struct md_parse_options o = { .path = path,
				      .culture = culture,
				      .source = source,
				      .names_only = names_only };
	struct diag_ctx dx;
	diag_init(&dx, path);
	dx.sink = count_errors;
	errors = 0;
	return md_parse_file(path, &o, &dx);
}

/* The full parse and the names_only parse of path agree; 0 or 1. */
static int
source_agrees(const char *path, const char *culture)
{
	struct strbuf why = STRBUF_INIT;
	strbuf_init(&why);
	struct help_doc *full = parse(path, culture, NULL, false);
	unsigned full_errors = errors;
	struct help_doc *names = parse(path, culture, NULL, true);
	bool ok = md_names_agree(full, names, &why) && errors == full_errors;
	if (!ok)
		printf("# %s: %s (errors %u, %u)\n", path, why.buf,
		       full_errors, errors);
	help_doc_free(full);
	help_doc_free(names);
	strbuf_release(&why);
	return ok;
}

static void
render_both(const struct help_doc *d, struct strbuf *out)
{
	struct render_options ro = { .view = RENDER_FULL, .width = 80 };
	const struct render_format *json = render_format_find("json");
	strbuf_reset(out);
	if (d == NULL)
		return;
	render_text(d, &ro, out);
	if (json)
		json->render(d, &ro, out);
}

/*
 * The translation at path, parsed with its source read in full and for
 * names only, renders the same; 0 or 1.  *doc keeps the second parse and
 * *src its source, whose names it holds.
 */
static int
translation_same(const char *path, const char *culture, const char *src_path,
		 struct help_doc **doc, struct help_doc **src)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_init(&a);
	strbuf_init(&b);
	struct help_doc *full_src = parse(src_path, "en-US", NULL, false);
	struct help_doc *names_src = parse(src_path, "en-US", NULL, true);
	struct help_doc *t1 = parse(path, culture, full_src, false);
	struct help_doc *t2 = parse(path, culture, names_src, false);
	render_both(t1, &a);
	render_both(t2, &b);
	bool same = (t1 == NULL) == (t2 == NULL) && strcmp(a.buf, b.buf) == 0;
	if (!same)
		printf("# %s renders otherwise with a names_only source\n",
		       path);
	help_doc_free(t1);
	help_doc_free(full_src);
	if (doc) {
		*doc = t2;
		*src = names_src;
	} else {
		help_doc_free(t2);
		help_doc_free(names_src);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return same;
}

static char *fixtures;

static char *
fixture(const char *culture, const char *name)
{
	return xasprintf("%s/%s/Mod/%s", fixtures, culture, name);
}

static const char *
param_name(const struct help_doc *d, size_t i)
{
	return d && i < d->nparams ? d->params[i].name : "(none)";
}

/* The names a translation damaged come from the names_only source. */
static void
check_repaired(const char *culture)
{
	char *en = fixture("en-US", "Get-Thing.md");
	char *page = fixture(culture, "Get-Thing.md");
	struct help_doc *d = NULL, *src = NULL;

	check_int(source_agrees(en, "en-US"), ==, 1);
	check_int(translation_same(page, culture, en, &d, &src), ==, 1);
	check(d != NULL);
	check_int(d ? d->nparams : 0, ==, 4);
	check_str(param_name(d, 2), "Path");
	check_str(param_name(d, 3), "Name");
	check(d && d->noutputs == 1 &&
	      strcmp(d->outputs[0].name,
		     "System.Management.Automation.PSObject") == 0);
	check(d && d->ninputs == 1 &&
	      strcmp(d->inputs[0].name, "System.String[]") == 0);
	check(d && d->nsyntax == 2 &&
	      strcmp(d->syntax[0].name, "ByName") == 0 &&
	      d->syntax[0].is_default &&
	      strcmp(d->syntax[1].name, "ById") == 0 &&
	      !d->syntax[1].is_default);
	check(d && d->common_parameters);
	help_doc_free(d);
	help_doc_free(src);
	free(en);
	free(page);
}

TEST(german_names_repaired)
{
	check_repaired("de-DE");
}

TEST(french_names_repaired)
{
	check_repaired("fr-FR");
}

/* What names_only keeps of a command source: no text, no examples. */
TEST(command_source_keeps_only_names)
{
	char *en = fixture("en-US", "Get-Thing.md");
	struct help_doc *d = parse(en, "en-US", NULL, true);
	check(d && d->kind == HELP_DOC_COMMAND);
	check(d && d->nexamples == 0 && d->nlinks == 0 &&
	      d->description.n == 0 && d->ninline_links == 0);
	check(d && d->sections[HELP_SEC_RELATED_LINKS].present &&
	      d->sections[HELP_SEC_EXAMPLES].present);
	check(d && help_doc_check(d) == NULL &&
	      help_doc_check_extents(d, NULL));
	help_doc_free(d);
	free(en);
}

/* An About topic or module page as a source: its kind and title. */
TEST(other_sources_keep_their_kind)
{
	static const char *const names[] = { "About/about_Things.md",
					     "Mod.md" };
	static const enum help_doc_kind kinds[] = { HELP_DOC_ABOUT,
						    HELP_DOC_MODULE };
	for (size_t i = 0; i < 2; i++) {
		char *p = fixture("en-US", names[i]);
		check_int(source_agrees(p, "en-US"), ==, 1);
		struct help_doc *d = parse(p, "en-US", NULL, true);
		check(d && d->kind == kinds[i] && d->nparts == 0 &&
		      d->title != NULL);
		help_doc_free(d);
		free(p);
	}
}

/* A page a full parse refuses is refused with the same errors. */
TEST(refused_source_is_refused)
{
	static const char *const pages[] = {
		"---\ntitle: about_X\n\n# about_X\n", /* front matter open */
		"# Get-X\n\n## SYNOPSIS\n\xff\n",     /* bad UTF-8 */
	};
	for (size_t i = 0; i < 2; i++) {
		struct md_parse_options o = { .path = "en-US/M/about_X.md",
					      .names_only = true };
		struct diag_ctx dx;
		diag_init(&dx, "x.md");
		dx.sink = count_errors;
		errors = 0;
		struct help_doc *d = md_parse(pages[i], strlen(pages[i]), &o,
					      &dx);
		check(d == NULL);
		check_int(errors, ==, 1);
		help_doc_free(d);
	}
}

/* ---------- the corpus ---------- */

static char *corpus;

/* Calls fn on every page of culture/Microsoft.PowerShell.Core and its
   About folder; returns how many fn passed, *n how many there were. */
static size_t
each_page(const char *culture, int (*fn)(const char *, const char *),
	  size_t *n)
{
	static const char *const subs[] = { "", "/About" };
	size_t ok = 0;
	*n = 0;
	for (size_t s = 0; s < 2; s++) {
		char *dir = xasprintf("%s/%s/Microsoft.PowerShell.Core%s",
				      corpus, culture, subs[s]);
		DIR *dp = opendir(dir);
		struct dirent *e;
		while (dp && (e = readdir(dp)) != NULL) {
			size_t len = strlen(e->d_name);
			if (len < 4 || strcmp(e->d_name + len - 3, ".md"))
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			ok += (size_t)fn(p, culture);
			(*n)++;
			free(p);
		}
		if (dp)
			closedir(dp);
		free(dir);
	}
	return ok;
}

TEST(corpus_sources_agree)
{
	size_t n, ok = each_page("en-US", source_agrees, &n);
	check_int(n, ==, 188);
	check_int(ok, ==, n);
	ok = each_page("sv-SE", source_agrees, &n);
	check_int(n, ==, 188);
	check_int(ok, ==, n);
}

/* "CORPUS/sv-SE/X" -> "CORPUS/en-US/X" */
static int
swedish_same(const char *path, const char *culture)
{
	char *en = xstrdup(path);
	char *at = strstr(en + strlen(corpus), "/sv-SE/");
	memcpy(at, "/en-US/", 7);
	struct stat st;
	int same = stat(en, &st) != 0 || translation_same(path, culture, en,
							    NULL, NULL);
	free(en);
	return same;
}

TEST(corpus_translations_come_out_the_same)
{
	size_t n, ok = each_page("sv-SE", swedish_same, &n);
	check_int(n, ==, 188);
	check_int(ok, ==, n);
}

int
main(void)
{
	const char *src = getenv("PSHELP_TEST_SRCDIR");
	const char *shared = getenv("PSHELP_SHARED");
	struct stat st;

	fixtures = xasprintf("%s/unit/names-only", src ? src : "tests");
	RUN(german_names_repaired);
	RUN(french_names_repaired);
	RUN(command_source_keeps_only_names);
	RUN(other_sources_keep_their_kind);
	RUN(refused_source_is_refused);
	if (shared)
		corpus = xasprintf("%s/corpus", shared);
	if (corpus && stat(corpus, &st) == 0 && S_ISDIR(st.st_mode)) {
		RUN(corpus_sources_agree);
		RUN(corpus_translations_come_out_the_same);
	} else {
		printf("# no shared corpus: its tests skipped\n");
	}
	free(corpus);
	free(fixtures);
	return tap_done();
}
