/* SPDX-License-Identifier: MIT */
/*
 * check_file(): one page through the parser and every check.  The page
 * is read here, not by md_parse_file(), so that its pshelp-disable
 * comments are known before the parser reports anything: a filtering
 * sink between the checks and the caller's sink drops what they silence.
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "file.h"
#include "lookup.h"
#include "md_parse.h"
#include "meta_compare.h"
#include "strbuf.h"
#include "xalloc.h"

#define SOURCE_CULTURE "en-US"
#define DISABLE_MARK "pshelp-disable"
/* Slugs one page may silence; more are ignored (bounded work). */
#define MAX_SUPPRESS 64
/* A pshelp-disable comment longer than this is no such comment. */
#define MAX_COMMENT 4096

/* ---------- the en-US source of a translation ---------- */

/*
 * The en-US source of a translated page (lookup_source_of), parsed
 * quietly (its own run reports its problems) or taken from env->sources.
 * *owned is what the caller frees: the document when env->sources did
 * not keep it.
 */
static const struct help_doc *
find_source(const struct check_env *env, const char *path,
	    struct help_doc **owned)
{
	char *src = lookup_source_of(path, env->roots, env->nroots);
	const struct help_doc *doc = NULL;
	*owned = NULL;
	if (src && !(doc = check_sources_find(env->sources, src))) {
		struct diag_ctx quiet;
		diag_init_quiet(&quiet, src); /* its own run reports */
		struct md_parse_options o = { .path = src,
					      .culture = SOURCE_CULTURE };
		struct help_doc *parsed = md_parse_file(src, &o, &quiet);
		if (!check_sources_keep(env->sources, src, parsed))
			*owned = parsed;
		doc = parsed;
	}
	free(src);
	return doc;
}

/* ---------- pshelp-disable ---------- */

struct suppression {
	char *slug;
	uint32_t line, col; /* of its comment */
	bool used;
};

struct filter {
	struct diag_ctx *out; /* the caller's context */
	struct suppression v[MAX_SUPPRESS];
	size_t n;
};

/* Hands d on to the caller's context as diag_report would have. */
static void
filter_sink(void *cookie, const struct diag *d)
{
	struct filter *f = cookie;
	const char *slug = diag_slug(d->id);
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].slug, slug) == 0) {
			f->v[i].used = true;
			return;
		}
	diag_forward(f->out, d);
}

static bool
is_slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

static void
add_suppression(struct filter *f, const char *s, size_t n, uint32_t line,
		uint32_t col)
{
	if (f->n == MAX_SUPPRESS)
		return;
	f->v[f->n++] = (struct suppression){ .slug = xstrndup(s, n),
					     .line = line,
					     .col = col };
}

/* The slugs of one `<!-- pshelp-disable a, b -->` starting at s. */
static void
scan_comment(struct filter *f, const char *s, const char *end, uint32_t line,
	     uint32_t col)
{
	const char *close = NULL;
	if ((size_t)(end - s) > MAX_COMMENT)
		end = s + MAX_COMMENT;
	for (const char *p = s; p + 3 <= end; p++)
		if (memcmp(p, "-->", 3) == 0) {
			close = p;
			break;
		}
	if (close == NULL)
		return;
	const char *p = s;
	while (p < close) {
		while (p < close && !is_slug_char(*p))
			p++;
		const char *w = p;
		while (p < close && is_slug_char(*p))
			p++;
		if (p > w)
			add_suppression(f, w, (size_t)(p - w), line, col);
	}
}

static void
scan_suppressions(struct filter *f, const char *buf, size_t len)
{
	uint32_t line = 1;
	const char *line_start = buf, *counted = buf, *end = buf + len;
	size_t mlen = strlen(DISABLE_MARK);
	for (const char *p = buf; (p = memchr(p, '<', (size_t)(end - p)));
	     p++) {
		if ((size_t)(end - p) < 4 || memcmp(p, "<!--", 4) != 0)
			continue;
		for (const char *nl;
		     (nl = memchr(counted, '\n', (size_t)(p - counted)));
		     counted = nl + 1) {
			line++;
			line_start = nl + 1;
		}
		counted = p;
		const char *q = p + 4;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if ((size_t)(end - q) > mlen &&
		    memcmp(q, DISABLE_MARK, mlen) == 0 &&
		    !is_slug_char(q[mlen]))
			scan_comment(f, q + mlen, end, line,
				     (uint32_t)(p - line_start) + 1);
	}
}

/* Unknown slugs and those that silenced nothing. */
static void
report_unused(struct filter *f)
{
	struct diag_ctx dx;
	diag_init(&dx, f->out->file);
	dx.sink = filter_sink;
	dx.cookie = f;
	size_t n = f->n;
	f->n = 0; /* a suppressed-unused is never itself silenced */
	for (size_t i = 0; i < n; i++)
		if (!f->v[i].used)
			diag_report(&dx, DIAG_SUPPRESSED_UNUSED, f->v[i].line,
				    f->v[i].col, f->v[i].slug);
	f->n = n;
}

static void
filter_release(struct filter *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].slug);
}

/* ---------- one page ---------- */

/* The name a page is about: its title, else its H1, else its file. */
static const char *
page_name(const struct help_doc *doc)
{
	const struct help_fm_entry *title = help_doc_frontmatter(doc, "title");
	if (title && title->value && *title->value)
		return title->value;
	return doc->title && *doc->title ? doc->title : doc->name;
}

static void
check_command(const struct check_env *env, const struct help_doc *doc,
	      struct diag_ctx *dx)
{
	const struct meta_command *cmd = meta_page_command(env->meta, doc);
	if (cmd) {
		check_metadata(env, doc, cmd, dx);
		return;
	}
	struct help_pos at = doc->title_pos.line ? doc->title_pos
						 : (struct help_pos){ 1, 1 };
	diag_report(dx, DIAG_COMMAND_NOT_IN_METADATA, at.line, at.col,
		    page_name(doc));
}

static void
check_parsed(const struct check_env *env, const struct help_doc *doc,
	     const struct help_doc *source, struct diag_ctx *dx)
{
	check_structure(env, doc, dx);
	if (doc->kind == HELP_DOC_COMMAND)
		check_command(env, doc, dx);
	check_links(env, doc, dx);
	check_examples(env, doc, dx);
	if (source)
		check_translation(env, doc, source, dx);
}

static void
check_buffer(const struct check_env *env, const char *path, const char *buf,
	     size_t len, struct diag_ctx *dx)
{
	struct lookup_place pl;
	bool placed = lookup_place_of(path, &pl);
	char *culture = placed ? xstrndup(path + pl.culture_start,
					  pl.culture_end - pl.culture_start)
			       : NULL;
	const struct help_doc *source = NULL;
	struct help_doc *owned_source = NULL;
	bool translated = culture && strcasecmp(culture, SOURCE_CULTURE) != 0;
	const char *rel = placed ? path + pl.culture_end + 1 : NULL;
	if (translated)
		source = find_source(env, path, &owned_source);

	struct md_parse_options o = { .path = path,
				      .culture = culture,
				      .source = source };
	struct help_doc *doc = md_parse(buf, len, &o, dx);
	if (doc) {
		if (translated && source == NULL) {
			char *want = xasprintf(SOURCE_CULTURE "/%s", rel);
			diag_report(dx, DIAG_TRANSLATION_SOURCE_MISSING, 1, 1,
				    want);
			free(want);
		}
		check_parsed(env, doc, source, dx);
	}
	/* an en-US page is the source of the translations that follow */
	if (!(placed && !translated &&
	      check_sources_keep(env->sources, path, doc)))
		help_doc_free(doc);
	help_doc_free(owned_source);
	free(culture);
}

void
check_file(const struct check_env *env, const char *path, struct diag_ctx *dx)
{
	struct filter f = { .out = dx };
	struct diag_ctx page;
	diag_init(&page, path);
	page.sink = filter_sink;
	page.cookie = &f;

	char *buf;
	size_t len;
	int err = file_read_all(path, MD_PARSE_MAX_BYTES, &buf, &len);
	if (err) {
		diag_report(&page, DIAG_READ_FAILED, 0, 0, file_strerror(err));
		return;
	}
	scan_suppressions(&f, buf, len);
	check_buffer(env, path, buf, len, &page);
	free(buf);
	report_unused(&f);
	filter_release(&f);
}
