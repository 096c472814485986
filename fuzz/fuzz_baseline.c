/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the baseline reader (report_apply_baseline): any
 * bytes are a baseline or are refused with a reason, never a crash; a
 * baseline drops at most what the report holds, and the baseline a
 * report writes drops all of it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Three diagnostics, two alike, one with the bytes a baseline escapes. */
static struct report *
sample_report(void)
{
	static const struct diag v[] = {
		{ .id = DIAG_HEADING_UNKNOWN,
		  .level = DIAGL_WARNING,
		  .file = "a/en-US/m/P.md",
		  .line = 3,
		  .col = 1,
		  .message = "heading 'X' matches no section",
		  .message_c = "heading 'X' matches no section" },
		{ .id = DIAG_HEADING_UNKNOWN,
		  .level = DIAGL_WARNING,
		  .file = "a/en-US/m/P.md",
		  .line = 9,
		  .col = 1,
		  .message = "heading 'X' matches no section",
		  .message_c = "heading 'X' matches no section" },
		{ .id = DIAG_PARAM_STALE,
		  .level = DIAGL_ERROR,
		  .file = "b\tc.md",
		  .line = 1,
		  .col = 1,
		  .message = "'-\\x' is\nnot",
		  .message_c = "'-\\x' is\nnot" },
	};
	struct report *r = report_new();
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		report_sink(r, &v[i]);
	return r;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report *r = sample_report();
	char why[256];
	size_t before = report_count(r);
	if (report_apply_baseline(r, (const char *)data, size, why,
				  sizeof(why)) &&
	    report_count(r) > before)
		abort();
	report_free(r);

	/* what a report writes, read back, drops all of it */
	r = sample_report();
	char *text = report_baseline_text(r);
	if (!report_apply_baseline(r, text, strlen(text), why, sizeof(why)) ||
	    report_count(r) != 0)
		abort();
	free(text);
	report_free(r);
	return 0;
}
