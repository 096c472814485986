/* SPDX-License-Identifier: MIT */
/*
 * update's files: a page read with its en-US source beside it, written
 * back through a temporary file that is synced and renamed (a failure
 * leaves the page as it was), and the unified diff of --dry-run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "i18n.h"
#include "lookup.h"
#include "md_parse.h"
#include "textdiff.h"
#include "update.h"
#include "utf8.h"
#include "xalloc.h"

/* ---------- writing ---------- */

static void
write_failed(struct diag_ctx *dx, const char *path, const char *why)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb, "'%s': %s", path, why);
	diag_report(dx, DIAG_WRITE_FAILED, 0, 0, sb.buf);
	strbuf_release(&sb);
}

bool
update_write_file(const char *path, const char *buf, size_t len, bool replace,
		  struct diag_ctx *dx)
{
	int err = file_write_atomic(path, buf, len,
				    replace ? FILE_REPLACE : FILE_CREATE_ONLY);
	if (err == EEXIST && !replace)
		write_failed(dx, path,
			     _("file exists (use --force to replace)"));
	else if (err)
		write_failed(dx, path, strerror(err));
	return err == 0;
}

/* ---------- diff ---------- */

void
update_diff(struct strbuf *out, const char *name, const char *a_text,
	    size_t alen, const char *b_text, size_t blen)
{
	char *an = xasprintf("a/%s", name), *bn = xasprintf("b/%s", name);
	struct text_diff_options o = { .a_name = an, .b_name = bn };
	text_diff(out, a_text, alen, b_text, blen, &o);
	free(an);
	free(bn);
}

/* ---------- one page ---------- */

/*
 * The en-US source of a translated page (beside it in its help root),
 * parsed quietly, or NULL; *culture is the page's culture folder, or
 * NULL outside a help root.
 */
static struct help_doc *
read_source(const char *path, char **culture)
{
	struct lookup_place pl;
	*culture = lookup_place_of(path, &pl)
			   ? xstrndup(path + pl.culture_start,
				      pl.culture_end - pl.culture_start)
			   : NULL;
	char *src = lookup_source_of(path, NULL, 0);
	struct help_doc *doc = NULL;
	if (src) {
		struct md_parse_options po = { .path = src };
		struct diag_ctx quiet;
		diag_init_quiet(&quiet, src);
		doc = md_parse_file(src, &po, &quiet);
	}
	free(src);
	return doc;
}

enum update_result
update_file(const char *path, const struct update_options *opt,
	    enum update_mode mode, struct strbuf *report, struct diag_ctx *dx)
{
	char *culture = NULL;
	struct help_doc *source = read_source(path, &culture);
	struct md_parse_options po = { .path = path,
				       .culture = culture,
				       .source = source };
	/* update shows what makes a page unusable, not what validate says */
	struct diag_ctx pdx;
	diag_init(&pdx, dx->file ? dx->file : path);
	pdx.threshold =
		DIAGL_ERROR > dx->threshold ? DIAGL_ERROR : dx->threshold;
	pdx.sink = dx->sink;
	pdx.cookie = dx->cookie;
	struct help_doc *doc = md_parse_file(path, &po, &pdx);
	enum update_result r = UPDATE_UNCHANGED;
	struct strbuf out = STRBUF_INIT;

	strbuf_init(&out);
	if (doc == NULL) {
		r = UPDATE_BAD_INPUT;
		goto done;
	}
	if (!update_doc(doc, opt, &out, dx))
		goto done; /* reported: the page names no command */
	if (out.len == doc->source_len &&
	    memcmp(out.buf, doc->source, out.len) == 0)
		goto done;
	r = UPDATE_CHANGED;
	if (mode == UPDATE_CHECK) {
		utf8_neutralize(report, path, strlen(path), false);
		strbuf_addch(report, '\n');
	} else if (mode == UPDATE_DRY_RUN) {
		update_diff(report, path, doc->source, doc->source_len, out.buf,
			    out.len);
	} else if (!update_write_file(path, out.buf, out.len, true, dx)) {
		r = UPDATE_WRITE_ERROR;
	}
done:
	strbuf_release(&out);
	help_doc_free(doc);
	help_doc_free(source);
	free(culture);
	return r;
}
