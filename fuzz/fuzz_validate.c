/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for pshelp validate's checks.  The bytes are a page
 * of Invoke-Command (the command with the most sets, so the metadata and
 * binding checks always run), checked as an en-US page; then the same
 * bytes as its sv-SE translation, with the first model as the source.
 * Examples are parsed and bound, never run.  Nothing may crash, hang or
 * leak; what the checks report is thrown away.
 */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "md_parse.h"
#include "meta_compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

static void
check_all(const struct check_env *env, const struct help_doc *doc,
	  const struct help_doc *source, struct diag_ctx *dx)
{
	const struct meta_command *cmd = meta_page_command(env->meta, doc);
	check_structure(env, doc, dx);
	if (cmd)
		check_metadata(env, doc, cmd, dx);
	check_links(env, doc, dx);
	check_examples(env, doc, dx);
	if (source)
		check_translation(env, doc, source, dx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct check_env env = { .meta = meta_builtin() };
	struct diag_ctx dx;
	diag_init(&dx, "fuzz");
	dx.sink = discard;

	struct md_parse_options en = {
		.path = "fuzz-root/en-US/Microsoft.PowerShell.Core/"
			"Invoke-Command.md"
	};
	struct help_doc *doc = md_parse((const char *)data, size, &en, &dx);
	if (doc == NULL)
		return 0;
	check_all(&env, doc, NULL, &dx);
	struct md_parse_options sv = {
		.path = "fuzz-root/sv-SE/Microsoft.PowerShell.Core/"
			"Invoke-Command.md",
		.culture = "sv-SE",
		.source = doc
	};
	struct help_doc *t = md_parse((const char *)data, size, &sv, &dx);
	if (t)
		check_all(&env, t, doc, &dx);
	help_doc_free(t);
	help_doc_free(doc);
	return 0;
}
