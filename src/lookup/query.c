/* SPDX-License-Identifier: MIT */
/* The help query shared by get-help and psh (see query.h). */
#include "query.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "i18n.h"
#include "md_parse.h"
#include "wildcard.h"
#include "xalloc.h"

/* The source page and table pages report errors only; the page shown
   reports everything with LOOKUP_DIAG_ALL. */
enum page_use { PAGE_SHOWN, PAGE_SOURCE, PAGE_SUMMARY };

static struct help_doc *
parse_page(const struct lookup_request *rq, const char *path,
	   const char *culture, const struct help_doc *source,
	   enum page_use use)
{
	bool shown = use == PAGE_SHOWN;
	struct diag_ctx dx;
	/* the user's --file must be a file; a FIFO would read as an empty
	   page.  A table row needs only the top of its page. */
	struct md_parse_options mo = { .path = path,
				       .culture = culture,
				       .source = source,
				       .regular_file = path == rq->file,
				       .summary_only = use == PAGE_SUMMARY };

	diag_init(&dx, path);
	dx.threshold = shown && rq->diagnostics == LOOKUP_DIAG_ALL
			       ? DIAGL_STYLE
			       : DIAGL_ERROR;
	if (rq->diagnostics == LOOKUP_DIAG_NONE)
		dx.threshold = DIAGL__COUNT; /* counted, never shown */
	struct diag_held held;
	diag_hold(&dx, &held);
	struct help_doc *doc = md_parse_file(path, &mo, &dx);
	diag_release_sorted(&dx, &held);
	return doc;
}

static bool
same_language(const char *a, const char *b)
{
	size_t la = strcspn(a, "-_"), lb = strcspn(b, "-_");
	return la == lb && strncasecmp(a, b, la) == 0;
}

static unsigned
category_bit(enum topic_category c)
{
	switch (c) {
	case TOPIC_COMMAND:
		return LOOKUP_COMMANDS;
	case TOPIC_ABOUT:
		return LOOKUP_ABOUT;
	case TOPIC_MODULE:
		return LOOKUP_MODULES;
	}
	return 0;
}

const char *
lookup_category_label(enum topic_category c)
{
	switch (c) {
	case TOPIC_COMMAND:
		return "Cmdlet";
	case TOPIC_ABOUT:
		return "HelpFile";
	case TOPIC_MODULE:
		return "Module";
	}
	return "";
}

static size_t
keep_categories(const struct lookup_request *rq, const struct topic **v,
		size_t n)
{
	unsigned mask = rq->categories ? rq->categories : LOOKUP_ALL;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (category_bit(v[i]->category) & mask)
			v[k++] = v[i];
	return k;
}

/* The topics of module (NULL: of any module). */
static size_t
keep_module(const char *module, const struct topic **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (module == NULL ||
		    (v[i]->module && strcasecmp(v[i]->module, module) == 0))
			v[k++] = v[i];
	return k;
}

/*
 * Indexes only `only` (NULL: every page) and finds name in it, of module
 * when that is not NULL.
 */
static size_t
find_in(const struct lookup_request *rq, struct lookup_result *r,
	const char *name, const char *module, const char *only)
{
	size_t n;

	topic_index_release(&r->index);
	free(r->found);
	r->found = NULL;
	topic_index_build_named(&r->index, rq->roots, rq->nroots, &r->chain,
				only);
	n = topic_index_find(&r->index, name, &r->found);
	n = keep_categories(rq, r->found, n);
	return keep_module(module, r->found, n);
}

static enum lookup_outcome
show_page(const struct lookup_request *rq, struct lookup_result *r,
	  const struct topic *t)
{
	const struct topic *src = NULL;

	if (strcasecmp(t->culture, "en-US") != 0)
		src = topic_index_in_culture(&r->index, t, "en-US");
	/* The en-US page repairs names a translation damaged. */
	if (src)
		r->source =
			parse_page(rq, src->path, src->culture, NULL, PAGE_SOURCE);
	r->doc = parse_page(rq, t->path, t->culture, r->source, PAGE_SHOWN);
	r->path = t->path;
	r->name = t->name;
	r->culture = t->culture;
	if (rq->user && rq->user->n &&
	    !same_language(rq->user->v[0], t->culture))
		r->asked = xstrdup(rq->user->v[0]);
	r->outcome = r->doc ? LOOKUP_PAGE : LOOKUP_UNREADABLE;
	return r->outcome;
}

/* The text a table row shows of a page: its SYNOPSIS, or an About
   topic's short description. */
static const char *
row_synopsis(struct help_doc *doc, const struct topic *t)
{
	return help_blocks_first_text(doc, t->category == TOPIC_COMMAND
						   ? &doc->synopsis
						   : &doc->short_description);
}

static void
fill_row(const struct lookup_request *rq, struct lookup_result *r, size_t i)
{
	const struct topic *t = r->found[i];
	/* A command page's SYNOPSIS is its first section; an About topic
	   may put others first (a provider's), and where its short
	   description is depends on the whole page. */
	struct help_doc *doc = parse_page(rq, t->path, t->culture, NULL,
					  t->category == TOPIC_COMMAND
						  ? PAGE_SUMMARY
						  : PAGE_SOURCE);
	const char *synopsis = doc ? row_synopsis(doc, t) : NULL;
	const char *module = t->module;

	if (doc && t->category == TOPIC_COMMAND &&
	    (synopsis == NULL || *synopsis == '\0')) {
		/* no SYNOPSIS first: read the whole page */
		help_doc_free(doc);
		doc = parse_page(rq, t->path, t->culture, NULL, PAGE_SOURCE);
		synopsis = doc ? row_synopsis(doc, t) : NULL;
	}
	/* Pages directly in a culture folder name their module in the
	   front matter. */
	if (doc && module == NULL)
		module = doc->module;
	/* the row keeps copies: each page is freed once its row is made */
	r->row_text[2 * i] = xstrdup(module ? module : "");
	r->row_text[2 * i + 1] = xstrdup(synopsis ? synopsis : "");
	help_doc_free(doc);
	r->rows[i] = (struct lookup_row){ t->name,
					  lookup_category_label(t->category),
					  r->row_text[2 * i],
					  r->row_text[2 * i + 1], t->culture };
}

static enum lookup_outcome
show_topics(const struct lookup_request *rq, struct lookup_result *r, size_t n)
{
	r->rows = xcalloc(n, sizeof(*r->rows));
	r->row_text = xcalloc(2 * n, sizeof(*r->row_text));
	r->nrows = n;
	for (size_t i = 0; i < n; i++)
		fill_row(rq, r, i);
	r->outcome = LOOKUP_TOPICS;
	return r->outcome;
}

static enum lookup_outcome
show_nothing(const struct lookup_request *rq, struct lookup_result *r)
{
	size_t n = topic_index_suggest(&r->index, rq->name, rq->max_suggestions,
				       &r->near);

	r->suggestions = n ? xcalloc(n, sizeof(*r->suggestions)) : NULL;
	for (size_t i = 0; i < n; i++)
		r->suggestions[i] = r->near[i]->name;
	r->nsuggestions = n;
	r->outcome = LOOKUP_NOT_FOUND;
	return r->outcome;
}

static enum lookup_outcome
show_file(const struct lookup_request *rq, struct lookup_result *r)
{
	r->doc = parse_page(rq, rq->file, NULL, NULL, PAGE_SHOWN);
	r->path = rq->file;
	r->outcome = r->doc ? LOOKUP_PAGE : LOOKUP_UNREADABLE;
	return r->outcome;
}

/* The first command page, in chain order, whose front matter lists name
 * among its aliases (`aliases:` or `alias: gci, ls`).  Only asked when no
 * page has the name, so the cost of reading every page is paid on a miss. */
static const struct topic *
find_alias(const struct lookup_request *rq, struct lookup_result *r,
	   const char *name)
{
	for (size_t i = 0; i < r->index.n; i++) {
		const struct topic *t = &r->index.v[i];
		if (t->category != TOPIC_COMMAND)
			continue;
		struct help_doc *doc =
			parse_page(rq, t->path, t->culture, NULL, PAGE_SUMMARY);
		bool hit = false;
		for (size_t k = 0; doc && k < doc->naliases && !hit; k++)
			hit = doc->aliases[k] &&
			      strcasecmp(doc->aliases[k], name) == 0;
		help_doc_free(doc);
		if (hit)
			return t;
	}
	return NULL;
}

enum lookup_outcome
lookup_query(const struct lookup_request *rq, struct lookup_result *out)
{
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	if (rq->file)
		return show_file(rq, out);
	culture_chain(rq->user, &out->chain);
	/* Module\Name, as PowerShell qualifies a command */
	const char *name = rq->name;
	char *module = NULL;
	const char *slash = name ? strrchr(name, '\\') : NULL;
	if (slash && slash > name && slash[1]) {
		module = xstrndup(name, (size_t)(slash - name));
		name = slash + 1;
	}
	/* Most lookups name one topic exactly: index only that name first;
	 * wildcards, PowerShell's name rule and suggestions need them all. */
	if (name && !wildcard_has_wildcard(name))
		n = find_in(rq, out, name, module, name);
	if (n == 0)
		n = find_in(rq, out, name, module, NULL);
	free(module);
	if (n == 1)
		return show_page(rq, out, out->found[0]);
	if (n > 1)
		return show_topics(rq, out, n);
	const struct topic *t =
		name && !wildcard_has_wildcard(name) ? find_alias(rq, out, name)
						     : NULL;
	return t ? show_page(rq, out, t) : show_nothing(rq, out);
}

void
lookup_result_release(struct lookup_result *r)
{
	for (size_t i = 0; i < 2 * r->nrows; i++)
		free(r->row_text[i]);
	free(r->row_text);
	free(r->rows);
	free(r->suggestions);
	free(r->asked);
	free(r->near);
	free(r->found);
	help_doc_free(r->doc);
	help_doc_free(r->source);
	topic_index_release(&r->index);
	culture_list_release(&r->chain);
	memset(r, 0, sizeof(*r));
}

char *
lookup_fallback_note(const struct lookup_result *r)
{
	if (r->asked == NULL || r->name == NULL)
		return NULL;
	if (!culture_is_language(r->asked))
		/* TRANSLATORS: 1: what was asked for as a culture ("xx"),
		   2: the culture shown instead, 3: the topic. */
		return xasprintf(_("Note: '%s' is no language; showing %s "
				   "help for %s."),
				 r->asked, r->culture, r->name);
	/* TRANSLATORS: 1: the topic, 2: the culture asked for, 3: the
	   culture of the page shown instead. */
	return xasprintf(_("Note: no help for %s was found in '%s'; "
			   "showing %s."),
			 r->name, r->asked, r->culture);
}
