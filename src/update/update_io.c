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
#include <unistd.h>

#include "file.h"
#include "i18n.h"
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

/* "sv", "sv-SE", "zh-Hant-TW": a culture folder's name. */
static bool
is_culture(const char *s, size_t n)
{
	return n >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' &&
	       s[1] <= 'z' && (n == 2 || s[2] == '-' || s[2] == '_');
}

/*
 * For ROOT/<culture>/<Module>/<Page>.md with a culture other than en-US,
 * ROOT/en-US/<Module>/<Page>.md (and *culture); NULL otherwise.
 */
static char *
source_path(const char *path, char **culture)
{
	const char *page = strrchr(path, '/'), *module = page, *c;
	struct strbuf sb = STRBUF_INIT;

	*culture = NULL;
	if (page == NULL)
		return NULL;
	while (module > path && module[-1] != '/')
		module--;
	if (module == path)
		return NULL;
	module--; /* the slash before <Module> */
	for (c = module; c > path && c[-1] != '/'; c--)
		;
	size_t clen = (size_t)(module - c);
	if (!is_culture(c, clen) || (clen == 5 && strncmp(c, "en-US", 5) == 0))
		return NULL;
	*culture = xcalloc(clen + 1, 1);
	memcpy(*culture, c, clen);
	strbuf_init(&sb);
	strbuf_add(&sb, path, (size_t)(c - path));
	strbuf_addstr(&sb, "en-US");
	strbuf_addstr(&sb, module);
	return strbuf_detach(&sb, NULL);
}

/* The en-US source of a translated page, parsed quietly, or NULL. */
static struct help_doc *
read_source(const char *path, char **culture)
{
	char *src = source_path(path, culture);
	struct help_doc *doc = NULL;

	if (src && access(src, R_OK) == 0) {
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
