/* SPDX-License-Identifier: MIT */
/* The help query shared by get-help and psh (see query.h). */
#include "query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "i18n.h"
#include "index.h"
#include "md_parse.h"
#include "strbuf.h"
#include "wildcard.h"
#include "xalloc.h"

/* The source page and table pages report errors only; the page shown
   reports everything with LOOKUP_DIAG_ALL.  PAGE_NAMES is the en-US
   page of a translation shown: only what repairs its names. */
enum page_use { PAGE_SHOWN, PAGE_SOURCE, PAGE_SUMMARY, PAGE_NAMES };

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
				       .summary_only = use == PAGE_SUMMARY,
				       .names_only = use == PAGE_NAMES };

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
		r->source = parse_page(rq, src->path, src->culture, NULL,
				       PAGE_NAMES);
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
	const struct index_topic *x =
		r->from_index ? &r->indexed.v[t - r->index.v] : NULL;
	if (x && x->synopsis) {
		/* the index holds what the row shows */
		r->row_text[2 * i] = xstrdup(x->row_module ? x->row_module : "");
		r->row_text[2 * i + 1] = xstrdup(x->synopsis ? x->synopsis : "");
		r->rows[i] = (struct lookup_row){
			t->name, lookup_category_label(t->category),
			r->row_text[2 * i], r->row_text[2 * i + 1], t->culture,
			0, NULL
		};
		return;
	}
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
					  r->row_text[2 * i + 1], t->culture,
					  0, NULL };
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


/* ---------- the search index (src/index): an accelerator ---------- */

/* The chain position that takes culture folder, or chain->n. */
static size_t
chain_position(const struct culture_list *chain, const char *folder)
{
	for (size_t c = 0; c < chain->n; c++) {
		if (!culture_is_pattern(chain->v[c])) {
			if (strcasecmp(folder, chain->v[c]) == 0)
				return c;
			continue;
		}
		bool earlier = false;
		for (size_t k = 0; k < c && !earlier; k++)
			earlier = strcasecmp(folder, chain->v[k]) == 0;
		if (!earlier && culture_pattern_matches(chain->v[c], folder))
			return c;
	}
	return chain->n;
}

/* Says why root's index is not used, under --diagnostics. */
static void
note_index(const struct lookup_request *rq, const char *file,
	   const char *root, enum index_state st)
{
	if (rq->diagnostics != LOOKUP_DIAG_ALL)
		return;
	struct diag_ctx dx;
	diag_init(&dx, file ? file : root);
	diag_report(&dx, DIAG_INDEX_IGNORED, 0, 0, index_state_text(st));
}

/* Each root's index when it is fresh, else NULL (the reason noted). */
static struct index_db **
open_indexes(const struct lookup_request *rq)
{
	struct index_db **dbs = xcalloc(rq->nroots + 1, sizeof(*dbs));
	for (size_t i = 0; i < rq->nroots; i++) {
		char *file = NULL;
		enum index_state st = index_open(rq->roots[i], &dbs[i], &file);
		if (st != INDEX_FRESH)
			note_index(rq, file, rq->roots[i], st);
		free(file);
	}
	return dbs;
}

static void
close_indexes(const struct lookup_request *rq, struct index_db **dbs)
{
	for (size_t i = 0; i < rq->nroots; i++)
		index_close(dbs[i]);
	free(dbs);
}

/* What a name asks for, as topic_index_find matches it. */
struct name_match {
	const char *name;
	char *folded;
	bool wild, prefix;
	struct wildcard w;
};

static bool
keep_name(void *cookie, const char *name, const char *folded,
	  const char *aliases)
{
	struct name_match *m = cookie;
	if (strcmp(folded, m->folded) == 0)
		return true;
	if (m->wild)
		return wildcard_match(&m->w, name);
	return m->prefix ? strncmp(folded, m->folded, strlen(m->folded)) == 0
			 : strstr(folded, m->folded) != NULL;
}

static bool
keep_alias(void *cookie, const char *name, const char *folded,
	   const char *aliases)
{
	const char *want = cookie;
	size_t n = strlen(want);
	for (const char *p = aliases; *p;) {
		size_t k = strcspn(p, "\n");
		if (k == n && strncasecmp(p, want, n) == 0)
			return true;
		p += k + (p[k] != '\0');
	}
	return false;
}

static bool
keep_culture(void *cookie, const char *culture, const char *unused1,
	     const char *unused2)
{
	const struct culture_list *chain = cookie;
	return chain_position(chain, culture) < chain->n;
}

/* Makes r->index of the index's topics in the chain (r->indexed keeps
   their rows, in the same order). */
static void
take_indexed(struct lookup_result *r, struct index_topics *got,
	     const size_t *root_of)
{
	struct index_topics dropped = { 0 };
	size_t k = 0;
	r->index.v = xcalloc(got->n + 1, sizeof(*r->index.v));
	for (size_t i = 0; i < got->n; i++) {
		struct index_topic x = got->v[i];
		size_t c = chain_position(&r->chain, x.culture);
		if (c == r->chain.n) {
			dropped.v = xgrow(dropped.v, &dropped.cap, dropped.n + 1,
					  sizeof(*dropped.v));
			dropped.v[dropped.n++] = x;
			continue;
		}
		struct topic *t = &r->index.v[k];
		topic_set(t, x.name, x.folded, x.module, x.culture, x.path);
		t->category = (enum topic_category)x.category;
		t->chain_index = c;
		t->root_index = root_of[i];
		got->v[k++] = x;
	}
	index_topics_release(&dropped);
	index_topics_release(&r->indexed);
	got->n = k;
	r->indexed = *got;
	r->index.n = k;
	r->from_index = true;
}

/* Whether root i's index gave its topics into got (else it is read). */
static bool
root_indexed(const struct lookup_request *rq, struct index_db *db, size_t i,
	     index_name_fn *keep, void *cookie, struct index_topics *got)
{
	struct index_topics mine = { 0 };
	if (db == NULL)
		return false;
	if (!index_names(db, keep, cookie, &mine)) {
		note_index(rq, NULL, rq->roots[i], INDEX_CORRUPT);
		index_topics_release(&mine);
		return false;
	}
	/* a page changed in place: its folder does not show it */
	if (!index_topics_unchanged(&mine)) {
		note_index(rq, NULL, rq->roots[i], INDEX_STALE);
		index_topics_release(&mine);
		return false;
	}
	for (size_t k = 0; k < mine.n; k++) {
		got->v = xgrow(got->v, &got->cap, got->n + 1, sizeof(*got->v));
		got->v[got->n++] = mine.v[k];
	}
	free(mine.v);
	return true;
}

/* Root i's pages as today's scan finds them, without rows (synopsis
   NULL: the page is read for its row). */
static void
root_scanned(const struct lookup_request *rq, struct lookup_result *r,
	     size_t i, const char *only, struct index_topics *got)
{
	struct topic_index one = { 0 };
	if (only)
		topic_index_build_named(&one, &rq->roots[i], 1, &r->chain,
					only);
	else
		topic_index_build(&one, &rq->roots[i], 1, &r->chain);
	for (size_t k = 0; k < one.n; k++) {
		const struct topic *t = &one.v[k];
		got->v = xgrow(got->v, &got->cap, got->n + 1, sizeof(*got->v));
		got->v[got->n++] = (struct index_topic){
			.name = xstrdup(t->name),
			.folded = xstrdup(t->folded),
			.module = t->module ? xstrdup(t->module) : NULL,
			.culture = xstrdup(t->culture),
			.path = xstrdup(t->path),
			.category = (int)t->category,
		};
	}
	topic_index_release(&one);
}

/* The topics of every root that keep() accepts, in r->index: from the
   roots' indexes where they are fresh, else read; false (nothing
   taken) when no root has a usable index. */
static bool
indexed_names(const struct lookup_request *rq, struct lookup_result *r,
	      index_name_fn *keep, void *cookie, const char *only)
{
	struct index_db **dbs = open_indexes(rq);
	struct index_topics got = { 0 };
	size_t *root_of = NULL, cap = 0;
	bool any = false;

	/* No usable index: nothing would be taken, and reading the roots
	   here first doubled the time and memory of the caller's own read
	   (64 MiB for a pattern over 100,000 pages in Swedish). */
	for (size_t i = 0; i < rq->nroots && !any; i++)
		any = dbs[i] != NULL;
	if (!any) {
		close_indexes(rq, dbs);
		return false;
	}
	any = false;
	for (size_t i = 0; i < rq->nroots; i++) {
		size_t before = got.n;
		if (root_indexed(rq, dbs[i], i, keep, cookie, &got))
			any = true;
		else
			root_scanned(rq, r, i, only, &got);
		root_of = xgrow(root_of, &cap, got.n + 1, sizeof(*root_of));
		for (size_t k = before; k < got.n; k++)
			root_of[k] = i;
	}
	close_indexes(rq, dbs);
	if (any) {
		topic_index_release(&r->index);
		take_indexed(r, &got, root_of);
	} else
		index_topics_release(&got);
	free(root_of);
	return any;
}

/* The alias's page among topics from indexes (matched) and read roots
   (all their pages, whose front matter is read). */
static const struct topic *
alias_in(const struct lookup_request *rq, struct lookup_result *r,
	 const char *name)
{
	const struct topic *t = NULL;
	for (size_t i = 0; i < r->index.n; i++) {
		const struct topic *u = &r->index.v[i];
		if (u->category != TOPIC_COMMAND)
			continue;
		if (r->indexed.v[i].synopsis == NULL) {
			struct help_doc *doc = parse_page(rq, u->path, u->culture,
							  NULL, PAGE_SUMMARY);
			bool hit = false;
			for (size_t k = 0; doc && k < doc->naliases && !hit; k++)
				hit = doc->aliases[k] &&
				      strcasecmp(doc->aliases[k], name) == 0;
			help_doc_free(doc);
			if (!hit)
				continue;
		}
		if (!t || u->chain_index < t->chain_index ||
		    (u->chain_index == t->chain_index &&
		     u->root_index < t->root_index))
			t = u;
	}
	return t;
}

/* find_in over the index; SIZE_MAX when it cannot be used. */
static size_t
find_indexed(const struct lookup_request *rq, struct lookup_result *r,
	     const char *name, const char *module)
{
	struct name_match m = { .name = name, .folded = fold_case(name) };
	m.wild = wildcard_has_wildcard(name);
	m.prefix = strchr(m.folded, '-') != NULL;
	if (m.wild)
		wildcard_compile(&m.w, name);
	bool ok = indexed_names(rq, r, keep_name, &m, NULL);
	if (m.wild)
		wildcard_release(&m.w);
	free(m.folded);
	if (!ok)
		return SIZE_MAX;
	free(r->found);
	r->found = NULL;
	size_t n = topic_index_find(&r->index, name, &r->found);
	n = keep_categories(rq, r->found, n);
	return keep_module(module, r->found, n);
}

/* ---------- full-text search ---------- */

static int
cmp_hit(const void *a, const void *b)
{
	const struct index_topic *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->folded, y->folded);
}

/* The same topic (name and module) twice, as for names: only the row of
   the user's best culture is listed (at its own place), the others not. */
static bool
listed_elsewhere(const struct lookup_result *r, size_t i)
{
	const struct index_topics *h = &r->indexed;
	size_t mine = chain_position(&r->chain, h->v[i].culture);
	for (size_t k = 0; k < h->n; k++) {
		if (k == i ||
		    strcmp(h->v[k].folded, h->v[i].folded) != 0 ||
		    strcasecmp(h->v[k].row_module ? h->v[k].row_module : "",
			       h->v[i].row_module ? h->v[i].row_module : "") != 0)
			continue;
		size_t theirs = chain_position(&r->chain, h->v[k].culture);
		/* a better culture, or the same one earlier in the list */
		if (theirs < mine || (theirs == mine && k < i))
			return true;
	}
	return false;
}

/* The names column of a page as the index has it: name and aliases. */
static char *
names_of(const char *name, const struct help_doc *doc)
{
	struct strbuf names = STRBUF_INIT;
	strbuf_init(&names);
	strbuf_addstr(&names, name);
	for (size_t k = 0; doc && k < doc->naliases; k++)
		if (doc->aliases[k])
			strbuf_addf(&names, "\n%s", doc->aliases[k]);
	return strbuf_detach(&names, NULL);
}

/* Whether the page of hit x, changed since it was indexed, still has
   every word (it keeps the index's score: see doc/pshelp.md). */
static bool
still_matches(const struct lookup_request *rq, const struct index_topic *x,
	      const char *words)
{
	struct help_doc *doc =
		parse_page(rq, x->path, x->culture, NULL, PAGE_SOURCE);
	if (!doc)
		return false;
	char *body = index_doc_text(doc);
	char *names = names_of(x->name, doc);
	struct index_text_counts c;
	bool all = index_text_count_in(
		x->culture, words, names,
		index_doc_synopsis(doc, x->category == TOPIC_COMMAND), body, &c);
	free(names);
	free(body);
	help_doc_free(doc);
	return all;
}

/* Root i's hits from its index into r->indexed; false when the index
   cannot be used.  Its folders were checked when it was opened (pages
   added, deleted, renamed or written by rename); of the pages, only the
   rows found are checked. */
static bool
search_root_indexed(const struct lookup_request *rq, struct lookup_result *r,
		    struct index_db *db, size_t i, const char *words)
{
	struct index_topics mine = { 0 };
	bool ok = db && index_search(db, words, 4 * LOOKUP_SEARCH_MAX,
				     keep_culture, &r->chain, &mine);
	if (db && !ok)
		note_index(rq, NULL, rq->roots[i], INDEX_CORRUPT);
	struct index_topics *h = &r->indexed;
	for (size_t k = 0; ok && k < mine.n; k++) {
		struct index_topic x = mine.v[k];
		if (!index_topic_unchanged(&x) && !still_matches(rq, &x, words)) {
			struct index_topics one = { &x, 1, 1 };
			index_topics_release(&one);
			continue;
		}
		x.root = i;
		h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
		h->v[h->n++] = x;
	}
	if (ok)
		free(mine.v);
	else
		index_topics_release(&mine);
	return ok;
}

/* The slow path: every page of the chain read, counted and then scored
   with the index's formula over the pages read. */
static void
search_pages(const struct lookup_request *rq, struct lookup_result *r,
	     size_t root, const char *words)
{
	struct topic_index idx = { 0 };
	struct index_text_counts *counts = NULL;
	size_t ncounts = 0, cap = 0, first = r->indexed.n;
	double rows = 0, tokens = 0, having[INDEX_MAX_TERMS] = { 0 };

	/* r->index stays: suggestions use it when nothing is found */
	topic_index_build(&idx, &rq->roots[root], 1, &r->chain);
	for (size_t i = 0; i < idx.n; i++) {
		const struct topic *t = &idx.v[i];
		struct help_doc *doc =
			parse_page(rq, t->path, t->culture, NULL, PAGE_SOURCE);
		if (!doc)
			continue;
		char *body = index_doc_text(doc);
		const char *syn = index_doc_synopsis(doc, t->category == TOPIC_COMMAND);
		char *names = names_of(t->name, doc);
		struct index_text_counts c;
		/* a German or Swedish page's compounds by their parts too,
		   as the index has them */
		bool all = index_text_count_in(t->culture, words, names, syn,
					       body, &c);
		rows += 1;
		tokens += c.tokens;
		for (size_t k = 0; k < c.nterms; k++)
			having[k] += c.freq[k] > 0;
		if (all) {
			struct index_topics *h = &r->indexed;
			h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
			counts = xgrow(counts, &cap, ncounts + 1, sizeof(*counts));
			counts[ncounts++] = c;
			const char *mod = t->module ? t->module : doc->module;
			char *snip = NULL;
			if (rq->snippets &&
			    !(snip = index_text_snippet_in(t->culture, words,
							   body)))
				snip = index_text_snippet_in(t->culture, words,
							     syn);
			h->v[h->n++] = (struct index_topic){
				.name = xstrdup(t->name),
				.folded = xstrdup(t->folded),
				.module = t->module ? xstrdup(t->module) : NULL,
				.row_module = xstrdup(mod ? mod : ""),
				.culture = xstrdup(t->culture),
				.path = xstrdup(t->path),
				.synopsis = xstrdup(syn ? syn : ""),
				.snippet = snip,
				.category = (int)t->category,
				.root = root,
			};
		}
		free(names);
		free(body);
		help_doc_free(doc);
	}
	for (size_t k = 0; k < ncounts; k++)
		r->indexed.v[first + k].score =
			index_bm25(&counts[k], rows, rows ? tokens / rows : 1,
				   having);
	free(counts);
	topic_index_release(&idx);
}

static size_t
category_of_hit(const struct index_topic *x)
{
	return (size_t)x->category;
}

static enum lookup_outcome
search_topics(const struct lookup_request *rq, struct lookup_result *r,
	      const char *words)
{
	unsigned mask = rq->categories ? rq->categories : LOOKUP_ALL;
	index_topics_release(&r->indexed);
	struct index_db **dbs = open_indexes(rq);
	for (size_t i = 0; i < rq->nroots; i++)
		if (!search_root_indexed(rq, r, dbs[i], i, words))
			search_pages(rq, r, i, words);
	struct index_topics *h = &r->indexed;
	/* the best score first, then by name */
	if (h->n > 1) /* an empty list may have no array at all */
		qsort(h->v, h->n, sizeof(*h->v), cmp_hit);
	r->rows = xcalloc(h->n + 1, sizeof(*r->rows));
	for (size_t i = 0; i < h->n && r->nrows < LOOKUP_SEARCH_MAX; i++) {
		struct index_topic *x = &h->v[i];
		if (!(category_bit((enum topic_category)category_of_hit(x)) &
		      mask) ||
		    listed_elsewhere(r, i))
			continue;
		/* only the rows listed get a snippet */
		if (rq->snippets && !x->snippet && x->id && dbs[x->root])
			x->snippet = index_snippet(dbs[x->root], x->id, words);
		r->rows[r->nrows++] = (struct lookup_row){
			x->name,
			lookup_category_label((enum topic_category)x->category),
			x->row_module ? x->row_module : "",
			x->synopsis ? x->synopsis : "",
			x->culture,
			x->score,
			x->snippet ? x->snippet : ""
		};
	}
	close_indexes(rq, dbs);
	r->searched = true;
	r->from_index = false;
	if (r->nrows == 0) {
		free(r->rows);
		r->rows = NULL;
		r->searched = false;
		return LOOKUP_NOT_FOUND;
	}
	r->outcome = LOOKUP_TOPICS;
	return r->outcome;
}

enum lookup_outcome
lookup_query(const struct lookup_request *rq, struct lookup_result *out)
{
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	if (rq->file)
		return show_file(rq, out);
	culture_chain(rq->user, &out->chain);
	if (rq->search == LOOKUP_SEARCH_ALWAYS) {
		if (search_topics(rq, out, rq->name ? rq->name : "") ==
		    LOOKUP_TOPICS)
			return LOOKUP_TOPICS;
		out->outcome = LOOKUP_NOT_FOUND;
		return out->outcome;
	}
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
	/* the index answers wildcards and misses when it is fresh */
	if (n == 0 && name && *name)
		n = find_indexed(rq, out, name, module);
	if (n == SIZE_MAX || n == 0) {
		out->from_index = false;
		index_topics_release(&out->indexed);
	}
	if (n == SIZE_MAX)
		n = find_in(rq, out, name, module, NULL);
	free(module);
	if (n == 1)
		return show_page(rq, out, out->found[0]);
	if (n > 1)
		return show_topics(rq, out, n);
	const struct topic *t = NULL;
	bool plain = name && !wildcard_has_wildcard(name);
	if (plain && out->from_index) {
		free(out->found);
		out->found = NULL;
		/* (a read root's pages are all listed: find_alias reads them) */
		if (indexed_names(rq, out, keep_alias, (void *)name, NULL))
			t = alias_in(rq, out, name);
		if (t == NULL) {
			/* suggestions need every name */
			out->from_index = false;
			find_in(rq, out, name, NULL, NULL);
		}
	} else if (plain) {
		t = find_alias(rq, out, name);
	}
	if (t)
		return show_page(rq, out, t);
	/* a pattern or Module\\Name asks for names, not for words */
	if (rq->search == LOOKUP_SEARCH_FALLBACK && plain && *name &&
	    strchr(rq->name, '\\') == NULL &&
	    search_topics(rq, out, name) == LOOKUP_TOPICS)
		return LOOKUP_TOPICS;
	return show_nothing(rq, out);
}

void
lookup_result_release(struct lookup_result *r)
{
	for (size_t i = 0; r->row_text && i < 2 * r->nrows; i++)
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
	index_topics_release(&r->indexed);
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
