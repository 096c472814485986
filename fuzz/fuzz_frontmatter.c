/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the front matter reader.  The bytes are parsed as
 * a page start; the result must satisfy the model's invariants, its
 * extents those md_parse's model check asks of a page's.  The same
 * bytes then go through the platyPS value parsers, which see the text of
 * code blocks and link targets and are just as exposed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "platyps_meta.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

/* abort() so that libFuzzer keeps the input as a crash. */
static void
check_frontmatter(const struct frontmatter *fm, int rc, const uint8_t *data,
		  size_t size)
{
	if (fm->body_offset > size || fm->body_line == 0)
		abort();
	if (rc < 0 && (fm->n != 0 || fm->body_offset != 0))
		abort();
	if (fm->n && fm->entries == NULL)
		abort();
	for (size_t i = 0; i < fm->n; i++) {
		const struct help_fm_entry *e = &fm->entries[i];
		if (e->key == NULL || e->pos.line < 2)
			abort();
		if (e->nitems && (e->items == NULL || e->value != NULL))
			abort();
		for (size_t k = 0; k < e->nitems; k++)
			if (e->items[k] == NULL)
				abort();
		if (frontmatter_find(fm, e->key) == NULL)
			abort();
		if (e->ext.end > fm->body_offset)
			abort(); /* an entry runs into the body */
	}
	/* the model's own extent rules, on a page that is front matter only */
	struct help_doc doc = { 0 };
	doc.source = (const char *)data;
	doc.source_len = size;
	doc.frontmatter = fm->entries;
	doc.nfrontmatter = fm->n;
	if (!help_doc_check_extents(&doc, NULL))
		abort();
}

static void
run_meta(struct arena *a, const char *text, struct diag_ctx *dx)
{
	struct help_param p = { 0 };
	struct help_syntax_set set = { 0 };
	struct help_link l = { .target = text };
	struct help_pos pos = { 1, 1 };

	platyps_parse_param_yaml(a, text, pos, &p, dx);
	if (p.nrequired == 0 || p.required == NULL)
		abort();
	platyps_parse_syntax(a, text, pos, &set, dx);
	if (set.text == NULL || (set.nparams && set.params == NULL))
		abort();
	platyps_resolve_link(a, &l);
	if (help_short_type(a, text) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diag_ctx dx;
	struct frontmatter fm;

	arena_init(&a);
	diag_init(&dx, "fuzz");
	dx.sink = discard;
	int rc = frontmatter_parse(&a, (const char *)data, size, &fm, &dx);
	check_frontmatter(&fm, rc, data, size);

	char *text = xmalloc(size + 1);
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	run_meta(&a, text, &dx);
	free(text);
	arena_release(&a);
	return 0;
}
