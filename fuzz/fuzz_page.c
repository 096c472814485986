/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the page parser.  The bytes are parsed as a whole
 * page; the model must satisfy help_doc_check() and, whatever the build
 * type, help_doc_check_extents().  The page is then parsed
 * again with its own model as the source page, which takes the paths
 * that copy names from a source by position, and once more as a topic
 * table reads it, only its top (summary_only).  Read for its names only
 * (names_only, as an About topic when the first byte is odd), it must
 * agree with its full parse, and as its own source give the same page.
 * Where the reader of plain platyPS YAML takes the front matter, a
 * parameter block or the bytes, its tree must be libyaml's.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "help_model.h"
#include "md_parse.h"
#include "render_text.h"
#include "strbuf.h"
#include "yaml_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char page_path[] = "fuzz/en-US/Mod/Get-Fuzz.md";
static const char about_path[] = "fuzz/en-US/Mod/about_Fuzz.md";

struct how {
	const char *path;
	const struct help_doc *source;
	bool summary, names;
};

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

/* abort() so that libFuzzer keeps the input as a crash. */
static struct help_doc *
parse_checked(const uint8_t *data, size_t size, const struct how *h)
{
	struct md_parse_options o = { .path = h->path,
				      .source = h->source,
				      .summary_only = h->summary,
				      .names_only = h->names };
	struct diag_ctx dx;

	diag_init(&dx, "fuzz");
	dx.sink = discard;
	struct help_doc *doc = md_parse((const char *)data, size, &o, &dx);
	if (doc == NULL) {
		if (dx.worst < DIAGL_ERROR)
			abort(); /* rejected without saying why */
		return NULL;
	}
	if (help_doc_check(doc) != NULL || !help_doc_check_extents(doc, NULL))
		abort();
	return doc;
}

static void
render(const struct help_doc *doc, struct strbuf *out)
{
	struct render_options ro = { .view = RENDER_FULL, .width = 80 };
	render_text(doc, &ro, out);
}

/* The page with full as its source and with names as its source. */
static void
check_as_source(const uint8_t *data, size_t size, const struct help_doc *full,
		const struct help_doc *names)
{
	struct how a = { page_path, full, false, false };
	struct how b = { page_path, names, false, false };
	struct help_doc *t1 = parse_checked(data, size, &a);
	struct help_doc *t2 = parse_checked(data, size, &b);
	struct strbuf r1 = STRBUF_INIT, r2 = STRBUF_INIT;

	strbuf_init(&r1);
	strbuf_init(&r2);
	if (t1 && t2) {
		render(t1, &r1);
		render(t2, &r2);
	}
	if ((t1 == NULL) != (t2 == NULL) || strcmp(r1.buf, r2.buf) != 0)
		abort();
	strbuf_release(&r1);
	strbuf_release(&r2);
	help_doc_free(t1);
	help_doc_free(t2);
}

/* names_only agrees with a full parse by the same path. */
static void
check_names(const uint8_t *data, size_t size, struct help_doc *doc)
{
	bool about = size > 0 && (data[0] & 1);
	struct how f = { about ? about_path : page_path, NULL, false, false };
	struct how n = { f.path, NULL, false, true };
	struct help_doc *full = about ? parse_checked(data, size, &f) : doc;
	struct help_doc *names = parse_checked(data, size, &n);

	if (!md_names_agree(full, names, NULL))
		abort();
	if (doc && names)
		check_as_source(data, size, full, names);
	if (full != doc)
		help_doc_free(full);
	help_doc_free(names);
}

static void
check_yaml(const char *text, size_t len)
{
	struct arena a;
	struct platyps_yaml_node *fast, *slow;
	struct platyps_yaml_error err;
	arena_init(&a);
	if (platyps_yaml_load_simple(&a, text, len, &fast) &&
	    (!platyps_yaml_load_libyaml(&a, text, len, &slow, &err) ||
	     !platyps_yaml_same_tree(fast, slow)))
		abort();
	arena_release(&a);
}

/* The bytes, their front matter and the page's parameter blocks. */
static void
check_yamls(const uint8_t *data, size_t size, const struct help_doc *doc)
{
	const char *s = (const char *)data;
	check_yaml(s, size);
	if (size > 4 && memcmp(s, "---\n", 4) == 0)
		for (size_t i = 4; i + 4 <= size; i++)
			if (memcmp(s + i - 1, "\n---", 4) == 0) {
				check_yaml(s + 4, i - 4);
				break;
			}
	for (size_t i = 0; doc && i < doc->nparams; i++)
		if (doc->params[i].has_metadata)
			check_yaml(doc->params[i].metadata_text,
				   strlen(doc->params[i].metadata_text));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct how plain = { page_path, NULL, false, false };
	struct how summary = { page_path, NULL, true, false };
	struct help_doc *doc = parse_checked(data, size, &plain);
	if (doc != NULL) {
		struct how own = { page_path, doc, false, false };
		help_doc_free(parse_checked(data, size, &own));
		help_doc_free(parse_checked(data, size, &summary));
	}
	check_names(data, size, doc);
	check_yamls(data, size, doc);
	help_doc_free(doc);
	return 0;
}
