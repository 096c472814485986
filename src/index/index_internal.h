/* SPDX-License-Identifier: MIT */
/* What the files of the index stage share. */
#ifndef PSHELP_INDEX_INTERNAL_H
#define PSHELP_INDEX_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "index.h"
#include "strbuf.h"

/* How long a reader waits for a writer before it ignores the index. */
#define INDEX_BUSY_MS 50

/* Each row's length in words (all three columns) and culture, by row
   id: v[id] is the length (0: not known) | the culture's number << 24
   (0: not known; else culture[number - 1]). */
#define INDEX_ROW_WORDS 0xffffffu
#define INDEX_ROW_CULTURES 255
struct index_lengths {
	uint32_t *v;
	size_t n, cap;
	char *culture[INDEX_ROW_CULTURES];
	size_t ncultures;
	const bool *keep; /* a search: by culture number, or NULL */
};

struct index_db {
	sqlite3 *db;
	char *root;
	struct index_lengths lengths; /* read at the first search */
	bool lengths_read;
};

/* FTS5 of db, or NULL. */
fts5_api *index_fts5_of(sqlite3 *db);
/* Registers the FTS5 tokenizer "pshelp" on db. */
bool index_register_tokenizer(sqlite3 *db);
/* The words the tokenizer gave FTS5 for documents in this thread since
   the last call. */
size_t index_tokenizer_take_count(void);

/* The ranking function pshelp_rank(text) on db (index_rank.c): BM25 as
   FTS5's bm25(text, 10.0, 5.0, 1.0), negated; rows' lengths from l. */
bool index_register_rank(sqlite3 *db, struct index_lengths *l);
/* The lengths table: read (none stored: empty), written, and a row's
   (culture NULL: a row removed). */
bool index_lengths_load(sqlite3 *db, struct index_lengths *l);
bool index_lengths_store(sqlite3 *db, const struct index_lengths *l);
void index_lengths_set(struct index_lengths *l, int64_t id, uint32_t words,
		       const char *culture);
void index_lengths_release(struct index_lengths *l);

/* The folders whose mtimes say whether pages came or went: "rel\tmtime"
   lines, and the root's own entries (its mtime changes with the index
   file itself, so its listing is compared instead). */
void index_folder_signature(const char *root, struct strbuf *dirs,
			    struct strbuf *listing);

int64_t index_mtime_ns_of(const void *st); /* a struct stat */

#endif
