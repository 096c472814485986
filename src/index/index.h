/* SPDX-License-Identifier: MIT */
/*
 * index: a help root's search index, one SQLite file with the topics
 * (name, aliases, module, category, culture, synopsis, path, size, mtime)
 * and an FTS5 table of every page's text (name, synopsis, body) whose
 * words come from ICU word breaking and case folding, with the parts of
 * German and Swedish compounds beside them (index_compound.c).
 *
 * The index is an accelerator, never the truth: index_open() says why an
 * index cannot be used (missing, stale, locked, corrupt, another schema)
 * and the caller then takes the slow path that reads the pages.
 */
#ifndef PSHELP_INDEX_H
#define PSHELP_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INDEX_SCHEMA_VERSION 3 /* 3: the lengths table with cultures */
#define INDEX_FILE_NAME ".pshelp-index.sqlite"

/* One page of the root, as the lookup stage lists it. */
struct index_page {
	const char *path;   /* root + "/" + rel */
	const char *rel;    /* path relative to the root */
	const char *name;   /* file stem */
	const char *module; /* module folder, or NULL */
	const char *culture;
	int category; /* enum topic_category of lookup.h */
};

struct index_build_stats {
	size_t pages;	  /* in the index afterwards */
	size_t parsed;	  /* added or changed, so read again */
	size_t removed;	  /* gone from the root */
	size_t unreadable; /* could not be parsed: indexed by name only */
	bool rebuilt;	  /* written to a new file */
};

/*
 * Where root's index is: ROOT/.pshelp-index.sqlite, or when the root is
 * not writable (for_writing) or holds no index (reading),
 * $XDG_CACHE_HOME/pshelp/<hash of the root's real path>.sqlite.
 * malloc'd, or NULL when neither can be named.
 */
char *index_file_for(const char *root, bool for_writing);

/*
 * Builds or refreshes root's index from its pages: only pages whose size
 * or mtime changed are read again; pages no longer listed are removed.
 * One transaction (a new file renamed into place when there is no usable
 * index or rebuild is set), so a crash leaves the old index.  Returns 0,
 * else an errno value with *why (malloc'd) set.
 */
int index_update(const char *root, const struct index_page *pages, size_t n,
		 bool rebuild, struct index_build_stats *st, char **why);

enum index_state {
	INDEX_FRESH,
	INDEX_MISSING,
	INDEX_STALE,   /* a folder changed since it was built */
	INDEX_LOCKED,  /* being written */
	INDEX_CORRUPT, /* not a database, or a damaged one */
	INDEX_FOREIGN  /* another schema version, or another root's */
};

struct index_db;

/*
 * Opens root's index for reading and checks it against the folders of
 * the root (their mtimes; a cheap check).  *out is set only for
 * INDEX_FRESH; *file (malloc'd, may be NULL) names the file looked at.
 */
enum index_state index_open(const char *root, struct index_db **out,
			    char **file);
void index_close(struct index_db *db);
/* Why an index is not used, translated: "it is corrupt". */
const char *index_state_text(enum index_state st);

/* A topic of the index. */
struct index_topic {
	char *name, *folded;
	char *module;	     /* module folder, or NULL */
	char *row_module;    /* what the table shows: folder or front matter */
	char *culture, *path; /* path: root + "/" + rel */
	char *synopsis;
	char *snippet; /* search: the text around the match */
	int category;
	double score; /* search: higher is better */
	int64_t size, mtime_ns;
	int64_t id;  /* the topic's row in its index (0: not from one) */
	size_t root; /* search: which root it came from */
};

struct index_topics {
	struct index_topic *v;
	size_t n, cap;
};
void index_topics_release(struct index_topics *t);

/* Which topics index_names keeps: name, folded name, aliases ("\n"
   separated) of a topic. */
typedef bool index_name_fn(void *cookie, const char *name, const char *folded,
			   const char *aliases);

/* The topics whose names keep() accepts; false on a database error. */
bool index_names(struct index_db *db, index_name_fn *keep, void *cookie,
		 struct index_topics *out);

/*
 * Full-text search: every word of `words` (a trailing * makes a prefix)
 * in the name, synopsis or text, ranked by BM25 with names and synopses
 * above the text, best first, at most max, of the pages whose culture
 * keep_culture(cookie, culture, "", "") accepts.  Only FTS5's best rows
 * are read; no snippet (index_snippet).  false on a database error.
 */
bool index_search(struct index_db *db, const char *words, size_t max,
		  index_name_fn *keep_culture, void *cookie,
		  struct index_topics *out);

/* The text around the first match of words in topic id's text (or its
   synopsis), one line, malloc'd; NULL when there is none. */
char *index_snippet(struct index_db *db, int64_t id, const char *words);

/* Whether every topic's page still has the size and mtime indexed. */
bool index_topics_unchanged(const struct index_topics *t);
/* Whether topic x's page still has the size and mtime indexed. */
bool index_topic_unchanged(const struct index_topic *x);

/* ---- the words of a text (index_words.c): what the tokenizer indexes ---- */

/* Called for each word: folded UTF-8, and the word's bytes in text;
   a non-zero return stops the walk and is returned. */
typedef int index_word_fn(void *cookie, const char *folded, size_t len,
			   size_t start, size_t end);
/* The words of text as the index sees them (ICU word breaks, folded). */
int index_words(const char *text, size_t len, index_word_fn *fn,
		 void *cookie);

/*
 * The slow path of index_search scores pages with the formula of the
 * index (FTS5's BM25, k1 1.2, b 0.75, names 10, synopses 5, text 1), so
 * that rows of indexed and read roots rank on one scale.  First each
 * page's counts, then, with the counts of all pages, its score.
 */
#define INDEX_MAX_TERMS 32
struct index_text_counts {
	size_t nterms;
	double freq[INDEX_MAX_TERMS]; /* weighted hits of each term */
	double tokens;		      /* words in all three columns */
};
/* Counts words' terms in a page; true when every term occurs. */
bool index_text_count(const char *words, const char *name,
		      const char *synopsis, const char *body,
		      struct index_text_counts *c);
/* The same for a page of culture, as the index counts it: in German or
   Swedish the parts of a compound are hits at its place (its word list
   read at the first word of the process that may have a part a term
   matches; index_compound.c); other cultures: as index_text_count. */
bool index_text_count_in(const char *culture, const char *words,
			 const char *name, const char *synopsis,
			 const char *body, struct index_text_counts *c);
/* The score of a page of counts c among rows pages of avg_tokens words
   in which term i occurs in having[i]: higher is better. */
double index_bm25(const struct index_text_counts *c, double rows,
		  double avg_tokens, const double *having);
/* A snippet of text around the first word of a term of words, or NULL. */
char *index_text_snippet(const char *words, const char *text);
/* The same for a page of culture: in German or Swedish a word matches
   when it holds the term (a compound by its part, as in the index);
   culture NULL: as index_text_snippet. */
char *index_text_snippet_in(const char *culture, const char *words,
			    const char *text);

/* ---- a page's text (index_text.c) ---- */
struct help_doc;
/* The text of every section of doc, in page order, one block a line. */
char *index_doc_text(struct help_doc *doc);
/* The row synopsis of a page: its SYNOPSIS, or an About topic's short
   description (as the topic table shows it). */
const char *index_doc_synopsis(struct help_doc *doc, bool command);

#endif
