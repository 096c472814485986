/* SPDX-License-Identifier: MIT */
/*
 * lookup: help roots, cultures, name matching and the help query (query.h).
 *
 * Help roots and topic lookup.  A root holds <culture>/ folders with pages
 * directly in them or in module sub-folders (and their About/ folders).
 * Names are compared by Unicode case folding, locale-independently; a name
 * is never used as a path.
 */
#ifndef PSHELP_LOOKUP_H
#define PSHELP_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "culture.h"
#include "wildcard.h"

enum topic_category {
	TOPIC_COMMAND, /* "Cmdlet" */
	TOPIC_ABOUT,   /* "HelpFile" */
	TOPIC_MODULE   /* module landing page */
};

struct topic {
	char *name;   /* file stem: "Exit-PSSession", "about_Aliases" */
	char *folded; /* case-folded name */
	char *module; /* module folder, or NULL when directly in the culture folder */
	char *culture; /* the culture folder's name as on disk */
	char *path;    /* full path of the page */
	enum topic_category category;
	size_t chain_index; /* position of its culture in the chain */
	size_t root_index;  /* position of its root in the root list */
};

struct topic_index {
	struct topic *v; /* every page in every chain culture and root */
	size_t n;
};

/*
 * Sets t to copies of the strings (module may be NULL), all in one
 * allocation that topic_index_release() frees: an index of 100,000 pages
 * held five small blocks a page.
 */
void topic_set(struct topic *t, const char *name, const char *folded,
	       const char *module, const char *culture, const char *path);

/*
 * Scans the roots for pages of every culture in chain (culture-major:
 * for each culture, every root in order).  Unreadable folders are skipped.
 */
void topic_index_build(struct topic_index *idx, const char *const *roots,
		       size_t nroots, const struct culture_list *chain);
/*
 * The same, but indexes only the pages whose name folds like `name` (no
 * wildcards): enough to show one topic, and much cheaper than the full
 * index that wildcards, PowerShell's name rule and suggestions need.
 * Module and About folders are not read but probed for `name` as given,
 * so the cost does not grow with the pages beside it; a culture folder
 * where no page has exactly that name is read in full, and then a page
 * named in another case is found.  (Where one module has the exact name,
 * another module's page in another case is not looked for.)
 */
void topic_index_build_named(struct topic_index *idx, const char *const *roots,
			     size_t nroots, const struct culture_list *chain,
			     const char *name);
void topic_index_release(struct topic_index *idx);

/*
 * Finds topics for a name: exact (case-folded) match, else wildcard match
 * if the name has * ? or [, else PowerShell's rule (name* when it contains
 * '-', else *name*).  Each topic appears once, from the best culture.
 * Returns the count; *out (malloc'd, caller frees) points into idx.
 */
size_t topic_index_find(const struct topic_index *idx, const char *name,
			const struct topic ***out);

/*
 * The same topic in another culture of the same root (e.g. the en-US
 * source of a translation), or NULL: in a module folder of the same
 * name, one named exactly so before one named in another case.
 */
const struct topic *topic_index_in_culture(const struct topic_index *idx,
					   const struct topic *t,
					   const char *culture);

/*
 * Up to max names close to `name` (edit distance on folded names),
 * nearest first.  Returns the count; *out is malloc'd, entries point into
 * idx.
 */
size_t topic_index_suggest(const struct topic_index *idx, const char *name,
			   size_t max, const struct topic ***out);

/* ---------- a page's place in its help root (place.c) ---------- */

/* Whether a folder name is a culture tag ICU knows ("sv-SE", "zh-Hans"). */
bool lookup_is_culture_folder(const char *s, size_t n);

/* Offsets into a page's path of its culture folder and module folder. */
struct lookup_place {
	size_t culture_start, culture_end; /* path[start, end) */
	size_t module_start, module_end;   /* both 0 without a module */
	bool about;			   /* in an About/ folder */
};

/*
 * Where the page at path sits: <root>/<culture>/[<Module>/][About/]
 * <Page>.md.  False when no folder above it is a culture.
 */
bool lookup_place_of(const char *path, struct lookup_place *pl);

/*
 * The en-US page a translated page was translated from: beside it in its
 * help root, else in one of roots (as <root>/en-US/<Module>/<Page>.md or
 * <root>/en-US/<Page>.md).  A malloc'd path of a regular file, or NULL
 * (also for an en-US page or one outside a help root).
 */
char *lookup_source_of(const char *path, const char *const *roots,
		       size_t nroots);

/*
 * The help roots: --path dirs, then $PSHELP_PATH entries, then datadir
 * (which, like PSHELP_PATH, may list several, separated by ':').
 */
struct root_list {
	char **v;
	size_t n;
};
void root_list_from_environment(struct root_list *out, char *const *paths,
				size_t npaths, const char *datadir);
void root_list_release(struct root_list *l);

#endif
