/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the page parser.  The bytes are parsed as a whole
 * page; the model must satisfy help_doc_check() and, whatever the build
 * type, help_doc_check_extents().  The page is then parsed
 * again with its own model as the source page, which takes the paths
 * that copy names from a source by position, and once more as a topic
 * table reads it, only its top (summary_only).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "help_model.h"
#include "md_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

/* abort() so that libFuzzer keeps the input as a crash. */
static struct help_doc *
parse_checked(const uint8_t *data, size_t size, const struct help_doc *source,
	      bool summary)
{
	struct md_parse_options o = { .path = "fuzz/en-US/Mod/Get-Fuzz.md",
				      .source = source,
				      .summary_only = summary };
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct help_doc *doc = parse_checked(data, size, NULL, false);
	if (doc != NULL) {
		help_doc_free(parse_checked(data, size, doc, false));
		help_doc_free(parse_checked(data, size, NULL, true));
	}
	help_doc_free(doc);
	return 0;
}
