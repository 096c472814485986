/* SPDX-License-Identifier: MIT */
/*
 * The en-US pages of a run, kept once parsed: a folder holds each en-US
 * page and its translations, so every source would otherwise be parsed
 * once for itself and once more for each translation.  Oldest first out
 * once the kept documents pass a memory budget.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xalloc.h"

struct kept {
	char *path;
	struct help_doc *doc;
};

struct check_sources {
	struct kept *v; /* oldest first */
	size_t n, cap;
	size_t bytes, max_bytes;
};

struct check_sources *
check_sources_new(size_t max_bytes)
{
	struct check_sources *s = xcalloc(1, sizeof(*s));
	s->max_bytes = max_bytes;
	return s;
}

static size_t
doc_bytes(const struct help_doc *doc)
{
	return doc->arena.used_bytes + doc->source_len;
}

static void
drop_oldest(struct check_sources *s)
{
	s->bytes -= doc_bytes(s->v[0].doc);
	help_doc_free(s->v[0].doc);
	free(s->v[0].path);
	memmove(&s->v[0], &s->v[1], (s->n - 1) * sizeof(*s->v));
	s->n--;
}

void
check_sources_free(struct check_sources *s)
{
	if (!s)
		return;
	while (s->n)
		drop_oldest(s);
	free(s->v);
	free(s);
}

const struct help_doc *
check_sources_find(const struct check_sources *s, const char *path)
{
	/* newest first: a translation follows its source closely */
	for (size_t i = s ? s->n : 0; i-- > 0;)
		if (strcmp(s->v[i].path, path) == 0)
			return s->v[i].doc;
	return NULL;
}

bool
check_sources_keep(struct check_sources *s, const char *path,
		   struct help_doc *doc)
{
	if (!s || !doc || doc_bytes(doc) > s->max_bytes ||
	    check_sources_find(s, path))
		return false;
	while (s->n && s->bytes + doc_bytes(doc) > s->max_bytes)
		drop_oldest(s);
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = (struct kept){ xstrdup(path), doc };
	s->bytes += doc_bytes(doc);
	return true;
}
