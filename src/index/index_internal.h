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

struct index_db {
	sqlite3 *db;
	char *root;
};

/* Registers the FTS5 tokenizer "pshelp" on db. */
bool index_register_tokenizer(sqlite3 *db);

/* The folders whose mtimes say whether pages came or went: "rel\tmtime"
   lines, and the root's own entries (its mtime changes with the index
   file itself, so its listing is compared instead). */
void index_folder_signature(const char *root, struct strbuf *dirs,
			    struct strbuf *listing);

int64_t index_mtime_ns_of(const void *st); /* a struct stat */

#endif
