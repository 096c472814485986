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

/* The words of a document the tokenizer indexes next are of culture
   (NULL: none known): a German or Swedish row's words give their parts
   too (index_compound.c).  Whatever makes FTS5 tokenize a row again
   (DELETE, 'integrity-check') must set the row's culture first. */
void index_tokenizer_set_culture(const char *culture);

/* s[0..n) folded as index_words() folds a word; false when it is not
   one word. */
bool index_fold_text(const char *s, size_t n, struct strbuf *out);

/* ---- compound words (index_compound.c) ---- */
struct index_compounds; /* a language's word list */
/* The language of culture whose compounds split ("de" of "de-AT"), or
   NULL. */
const char *index_compound_language(const char *culture);
/* The word list of culture's language, read at the first call; NULL when
   the language has none or its list is not installed. */
const struct index_compounds *index_compounds_for(const char *culture);
/* A list is some 5 MiB (ngerman 4.5 MiB): a bigger file is no list and
   is refused, so that memory stays bounded: the file while it is read,
   and its words, some 2 times its size (64 MiB of 6-letter words: 208
   MiB at most in all; lines that fold longer, more). */
#define INDEX_COMPOUNDS_MAX_BYTES ((size_t)64 << 20)
/* A word list of language lang ("de", "sv") read from path, or NULL: a
   regular file of at most INDEX_COMPOUNDS_MAX_BYTES (a FIFO or device is
   not opened for reading, so it does not block). */
struct index_compounds *index_compounds_load(const char *lang,
					     const char *path);
/* The same from the list's bytes buf[0..len): a line a word; lines with
   NUL, invalid UTF-8 (a UTF-8 list) or over 255 bytes are skipped. */
struct index_compounds *index_compounds_load_mem(const char *lang,
						 const char *buf, size_t len);
/* The letters a part has at least. */
int index_compound_min_part(const struct index_compounds *c);
void index_compounds_free(struct index_compounds *c);
/* Its words, and the bytes it takes in *bytes. */
size_t index_compounds_size(const struct index_compounds *c, size_t *bytes);
/* Called for each part of a compound: folded UTF-8. */
typedef int index_part_fn(void *cookie, const char *part, size_t len);
/* The parts of folded word w (orig: the word as the text has it), not w
   itself; a non-zero return of fn stops and is returned. */
int index_compound_parts(const struct index_compounds *c, const char *w,
			 size_t len, const char *orig, size_t olen,
			 index_part_fn *fn, void *cookie);
/* "LANG\tPATH\tSIZE\tMTIME_NS\n" of lang's list ("missing" for size and
   mtime when there is none): what the index's meta "wordlists" holds. */
void index_compound_signature(const char *lang, struct strbuf *out);
/* A "folder\tmtime_ns\n" line of the lists' folder (or the nearest one
   above it), for the folders an index is checked against. */
void index_compound_folder(struct strbuf *dirs);

/* A term of the user's search words: the folded words of one piece
   between white space (a phrase), the last a prefix when starred. */
struct index_term {
	char **w;
	size_t n;
	bool prefix;
};

struct index_terms {
	struct index_term v[INDEX_MAX_TERMS];
	size_t n;
	bool more; /* terms beyond INDEX_MAX_TERMS: never all matched */
};

/*
 * The terms of words as the index's query makes them: each piece in which
 * index_words() finds words (a final '*' taken off and making it a
 * prefix), the first INDEX_MAX_TERMS of them; ts->more when pieces with
 * words were left over.  Freed with index_terms_release().
 */
void index_terms_of(const char *words, struct index_terms *ts);
void index_terms_release(struct index_terms *ts);

/*
 * What index_fold_text() gives for a word of ASCII and Latin-1 letters
 * (most of a German or Swedish word list), without ICU: its length in
 * out (room for 2 n bytes), or 0 for any other word.
 * tests/index/test_compound.c checks it against index_fold_text().
 */
size_t index_fold_latin1(const char *s, size_t n, char *out);

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
