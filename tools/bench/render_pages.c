/* SPDX-License-Identifier: MIT */
/*
 * Benchmark driver: parses every page named on the command line and
 * renders its -Full view at width 80, the way get-help would, discarding
 * the output.  Used by tools/bench.sh against cmark over the same files.
 */
#include <stdio.h>

#include "diag.h"
#include "md_parse.h"
#include "render_text.h"
#include "strbuf.h"

int
main(int argc, char **argv)
{
	size_t bytes = 0;
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		struct diag_ctx dx;
		diag_init(&dx, argv[i]);
		dx.threshold = DIAGL_ERROR;
		struct md_parse_options mo = { .path = argv[i] };
		struct help_doc *doc = md_parse_file(argv[i], &mo, &dx);
		if (doc == NULL) {
			failed++;
			continue;
		}
		struct strbuf out = STRBUF_INIT;
		strbuf_init(&out);
		struct render_options ro = { .view = RENDER_FULL, .width = 80 };
		render_text(doc, &ro, &out);
		bytes += out.len;
		strbuf_release(&out);
		help_doc_free(doc);
	}
	fprintf(stderr, "rendered %d pages, %zu bytes, %d failed\n",
		argc - 1 - failed, bytes, failed);
	return failed ? 1 : 0;
}
