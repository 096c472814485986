/* SPDX-License-Identifier: MIT */
/*
 * The help query get-help and psh's Get-Help share: a name (or a page
 * file), the user's cultures and the help roots in; one parsed page (with
 * its en-US source and the fallback facts), the rows of a topic table, or
 * nothing (with near misses) out.  The programs only choose the options,
 * print and word their errors.
 */
#ifndef PSHELP_LOOKUP_QUERY_H
#define PSHELP_LOOKUP_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "culture.h"
#include "help_model.h"
#include "index.h"
#include "lookup.h"

/* Which topics count (psh's -Category); none set: every topic. */
enum lookup_category_mask {
	LOOKUP_COMMANDS = 1 << 0, /* Cmdlet, Alias */
	LOOKUP_ABOUT = 1 << 1,	  /* HelpFile */
	LOOKUP_MODULES = 1 << 2,
	LOOKUP_ALL = LOOKUP_COMMANDS | LOOKUP_ABOUT | LOOKUP_MODULES
};

/* What becomes of the diagnostics of the pages read. */
enum lookup_diagnostics {
	LOOKUP_DIAG_ERRORS, /* errors to stderr (get-help's default) */
	LOOKUP_DIAG_ALL,    /* everything down to style (--diagnostics) */
	LOOKUP_DIAG_NONE    /* nothing (the shell) */
};

/* When the text of the pages is searched (get-help -Search). */
enum lookup_search {
	LOOKUP_SEARCH_NONE,	/* never (the default) */
	LOOKUP_SEARCH_FALLBACK, /* when no name matches, as Get-Help does */
	LOOKUP_SEARCH_ALWAYS	/* name is the words to search for */
};

/* The most topics a search lists. */
#define LOOKUP_SEARCH_MAX 100

struct lookup_request {
	const char *name; /* topic name or wildcard pattern */
	const char *file; /* instead of name: show the page in this file */
	const struct culture_list *user; /* the user's cultures, best first */
	const char *const *roots;
	size_t nroots;
	unsigned categories; /* enum lookup_category_mask bits; 0: all */
	enum lookup_diagnostics diagnostics;
	size_t max_suggestions; /* near misses wanted when nothing matches */
	enum lookup_search search;
	bool snippets; /* search rows get the text around the match */
};

enum lookup_outcome {
	LOOKUP_PAGE,	  /* doc (and source) are set */
	LOOKUP_TOPICS,	  /* rows are set */
	LOOKUP_NOT_FOUND, /* suggestions may be set */
	LOOKUP_UNREADABLE /* the one page found could not be read: path */
};

/* One row of the Name / Category / Module / Synopsis table. */
struct lookup_row {
	const char *name, *category, *module, *synopsis;
	const char *culture; /* the folder the page is in */
	/* search results (lookup_result.searched) only: */
	double score;	     /* higher is better */
	const char *snippet; /* the text around the match */
};

struct lookup_result {
	enum lookup_outcome outcome;
	struct help_doc *doc; /* the page */
	/* Its en-US source when doc is a translation: a names_only parse
	   (md_parse_options), so no text, examples or links of its own. */
	struct help_doc *source;
	const char *path;    /* the page's file */
	const char *name;    /* the topic's name (NULL for a file) */
	const char *culture; /* the culture folder it came from */
	char *asked;	     /* the culture asked for, when the page is in
				    another language (the fallback note) */
	struct lookup_row *rows;
	size_t nrows;
	const char **suggestions;
	size_t nsuggestions;
	bool searched; /* rows are full-text search results, best first */

	/* owned storage */
	struct culture_list chain;
	struct topic_index index;
	char **row_text; /* each row's module and synopsis */
	const struct topic **found;
	const struct topic **near;
	/* what the search index gave: per topic of index when from_index,
	   or the search hits */
	struct index_topics indexed;
	bool from_index;
};

/* Runs the query; returns out->outcome.  Release out in every case. */
enum lookup_outcome lookup_query(const struct lookup_request *rq,
				 struct lookup_result *out);
void lookup_result_release(struct lookup_result *r);

/* "Note: no sv-SE help was found for X; showing en-US." or NULL. */
char *lookup_fallback_note(const struct lookup_result *r);

/* "Cmdlet", "HelpFile", "Module": the table's category label. */
const char *lookup_category_label(enum topic_category c);

#endif
