/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the yaml path: a parameter block read through
 * libyaml (both platyPS schemas), then as front matter.  The model's
 * per-set view must be complete whatever the block held.
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
check_param(const struct help_param *p)
{
	if (!p->has_metadata || p->nset_info == 0 || p->set_info == NULL)
		abort();
	for (size_t i = 0; i < p->nset_info; i++)
		if (p->set_info[i].name == NULL)
			abort();
	if (p->nrequired == 0 || p->required == NULL)
		abort();
	for (size_t i = 0; i < p->naliases; i++)
		if (p->aliases[i] == NULL)
			abort();
	for (size_t i = 0; i < p->naccepted; i++)
		if (p->accepted_values[i] == NULL)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The parser hands yaml text without NUL bytes. */
	char *text = xstrndup((const char *)data, size);
	struct arena a;
	struct diag_ctx dx;
	struct help_param p;
	struct frontmatter fm;

	arena_init(&a);
	diag_init(&dx, "fuzz.md");
	dx.sink = discard;
	memset(&p, 0, sizeof(p));
	platyps_parse_param_yaml(&a, text, (struct help_pos){ 1, 1 }, &p, &dx);
	check_param(&p);
	/* the same bytes as front matter between markers */
	size_t n = strlen(text);
	char *page = xmalloc(n + 9);
	memcpy(page, "---\n", 4);
	memcpy(page + 4, text, n);
	memcpy(page + 4 + n, "\n---\n", 5);
	if (frontmatter_parse(&a, page, n + 9, &fm, &dx) == 0 &&
	    fm.body_offset > n + 9)
		abort();
	free(page);
	arena_release(&a);
	free(text);
	return 0;
}
