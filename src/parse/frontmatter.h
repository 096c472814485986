/* SPDX-License-Identifier: MIT */
/*
 * The YAML front matter subset platyPS pages use: `key: value` lines split
 * on the first ": ", quoted scalars, block lists (`key:` then `  - item`)
 * and flow lists (`key: [a, b]`).  Anything else is skipped with a warning.
 */
#ifndef PSHELP_FRONTMATTER_H
#define PSHELP_FRONTMATTER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "help_model.h"

struct frontmatter {
	struct help_fm_entry *entries; /* in arena */
	size_t n;
	size_t body_offset; /* byte offset of the markdown after the closing --- */
	uint32_t body_line; /* 1-based line number of that offset */
};

/*
 * Parses the front matter at the start of buf, if any.  Without one,
 * fm is empty and body_offset 0, body_line 1.  Returns -1 (after
 * reporting frontmatter-unclosed) when the block never closes.  Entry
 * lines count from 1 = the opening `---`.  Lines it cannot read are
 * reported (frontmatter-line) and skipped; a badly quoted value is
 * reported (frontmatter-quote) and kept as written.
 */
int frontmatter_parse(struct arena *a, const char *buf, size_t len,
		      struct frontmatter *fm, struct diag_ctx *dx);

/* The scalar value of key (compared case-insensitively), or NULL. */
const char *frontmatter_get(const struct frontmatter *fm, const char *key);

/*
 * The first entry named key (compared case-insensitively), or NULL; for
 * lists such as `aliases:`, whose value is NULL.
 */
const struct help_fm_entry *frontmatter_find(const struct frontmatter *fm,
					     const char *key);

#endif
