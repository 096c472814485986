/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the unit extractor and the splice (src/l10n).  The
 * bytes are a page; its units must lie in the page, in order, without
 * overlapping.  An empty catalog must give the page back byte for byte.
 * A catalog that puts a word before every paragraph and cell without a
 * link must give a page that
 * parse, read with the first as its source, into the same sections,
 * parameters, examples and parts as the page itself read so: a
 * translation never changes structure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l10n_translate.h"
#include "md_parse.h"
#include "strbuf.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

static struct help_doc *
parse(const char *buf, size_t len, struct diag_ctx *dx)
{
	struct md_parse_options o = { .path = "fuzz/en-US/Mod/Get-Fuzz.md" };
	return md_parse(buf, len, &o, dx);
}

static void
check_units(const struct help_doc *doc, const struct l10n_units *u)
{
	uint32_t at = 0;
	for (size_t i = 0; i < u->n; i++) {
		const struct l10n_unit *x = &u->v[i];
		if (x->ext.start < at || x->ext.end <= x->ext.start ||
		    x->ext.end > doc->source_len || !*x->msgid) {
			fprintf(stderr, "unit %zu [%u, %u) after %u\n", i,
				x->ext.start, x->ext.end, at);
			abort();
		}
		at = x->ext.end;
	}
}

static void
translate(const struct help_doc *doc, struct l10n_catalog *cat,
	  struct strbuf *out, struct diag_ctx *dx)
{
	struct l10n_translate_options o = { .threshold = 0 };
	struct l10n_stats st;
	strbuf_init(out);
	if (!l10n_translate(doc, cat, &o, out, &st, dx, NULL)) {
		fputs("fuzz_l10n: nothing written with -k 0\n", stderr);
		abort();
	}
}

/*
 * What a translation must leave as it is, whatever a translated heading
 * makes of the parser's guesses: the sections, parameters, examples and
 * About parts there are.
 */
static size_t
shape(const struct help_doc *d)
{
	size_t n = d->nparams * 1000003u + d->nexamples * 1009u + d->nparts;
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		n = n * 2 + d->sections[s].present;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_ctx dx;
	diag_init(&dx, "fuzz");
	dx.sink = discard;
	struct help_doc *doc = parse((const char *)data, size, &dx);
	if (doc == NULL)
		return 0;
	struct l10n_units u;
	l10n_units_extract(doc, &u);
	check_units(doc, &u);

	struct l10n_catalog empty = { 0 }, word = { 0 };
	struct strbuf out;
	translate(doc, &empty, &out, &dx);
	if (out.len != doc->source_len ||
	    memcmp(out.buf, doc->source, out.len) != 0) {
		fputs("fuzz_l10n: an empty catalog changed the page\n", stderr);
		abort();
	}
	strbuf_release(&out);

	for (size_t i = 0; i < u.n; i++) {
		/* headings and links are what the parser reads a page's
		 * parts by, translated or not: they are the parser's tests */
		if (u.v[i].kind != L10N_PARAGRAPH &&
		    u.v[i].kind != L10N_TABLE_CELL)
			continue;
		if (strchr(u.v[i].msgid, '['))
			continue;
		char *s = xasprintf("Ord %s", u.v[i].msgid);
		l10n_catalog_add(&word, u.v[i].msgctxt, u.v[i].msgid, s, false);
		free(s);
	}
	translate(doc, &word, &out, &dx);
	/* both read as translations of doc, which is what they are */
	struct md_parse_options o = { .path = "fuzz/sv-SE/Mod/Get-Fuzz.md",
				      .source = doc };
	struct help_doc *base = md_parse((const char *)data, size, &o, &dx);
	struct help_doc *again = md_parse(out.buf, out.len, &o, &dx);
	if (base == NULL || again == NULL || shape(again) != shape(base)) {
		fputs("fuzz_l10n: the translation changed the page's shape\n",
		      stderr);
		abort();
	}
	help_doc_free(again);
	help_doc_free(base);
	strbuf_release(&out);
	l10n_catalog_release(&word);
	l10n_catalog_release(&empty);
	l10n_units_release(&u);
	help_doc_free(doc);
	return 0;
}
