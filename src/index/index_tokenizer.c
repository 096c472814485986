/* SPDX-License-Identifier: MIT */
/* The FTS5 tokenizer "pshelp": the words of index_words(), and in the
   documents of a German or Swedish row the parts of its compounds. */
#include <string.h>

#include <sqlite3.h>

#include "index_internal.h"

struct emit {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	const char *text;			  /* what is tokenized */
	const struct index_compounds *compounds; /* or NULL */
	int start, end;				  /* the word's bytes */
};

/* Words given to FTS5 for documents, in this thread: a row's length. */
static _Thread_local size_t document_words;
/* The word list of the culture of the document FTS5 tokenizes next, in
   this thread, or NULL. */
static _Thread_local const struct index_compounds *document_compounds;

void
index_tokenizer_set_culture(const char *culture)
{
	document_compounds = culture ? index_compounds_for(culture) : NULL;
}

size_t
index_tokenizer_take_count(void)
{
	size_t n = document_words;
	document_words = 0;
	return n;
}

static int
emit_word(void *cookie, const char *folded, size_t len, size_t start,
	  size_t end)
{
	struct emit *e = cookie;
	return e->token(e->ctx, 0, folded, (int)len, (int)start, (int)end);
}

static int
emit_document_word(void *cookie, const char *folded, size_t len,
		   size_t start, size_t end)
{
	document_words++;
	return emit_word(cookie, folded, len, start, end);
}

/* A part of a compound: at the compound's place and bytes, and not
   counted in the row's length (FTS5 does not count colocated tokens
   either, so BM25 sees the row as it was). */
static int
emit_part(void *cookie, const char *part, size_t len)
{
	struct emit *e = cookie;
	return e->token(e->ctx, FTS5_TOKEN_COLOCATED, part, (int)len,
			e->start, e->end);
}

static int
emit_compound_word(void *cookie, const char *folded, size_t len,
		   size_t start, size_t end)
{
	struct emit *e = cookie;
	int rc = emit_document_word(cookie, folded, len, start, end);
	e->start = (int)start;
	e->end = (int)end;
	if (rc == SQLITE_OK)
		rc = index_compound_parts(e->compounds, folded, len,
					  e->text + start, end - start,
					  emit_part, e);
	return rc;
}

static int
tok_create(void *app, const char **argv, int argc, Fts5Tokenizer **out)
{
	static int one; /* a tokenizer keeps no state */
	*out = (Fts5Tokenizer *)&one;
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
}

static int
tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
	     int len, int (*token)(void *, int, const char *, int, int, int))
{
	struct emit e = { ctx, token, text, NULL, 0, 0 };
	index_word_fn *fn = emit_word;
	if (len <= 0)
		return SQLITE_OK;
	if (flags & FTS5_TOKENIZE_DOCUMENT) {
		/* a query's words stay whole: "Sitzung" finds the part,
		   "Remotesitzung" the word */
		e.compounds = document_compounds;
		fn = e.compounds ? emit_compound_word : emit_document_word;
	}
	return index_words(text, (size_t)len, fn, &e);
}

fts5_api *
index_fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

bool
index_register_tokenizer(sqlite3 *db)
{
	fts5_api *api = index_fts5_of(db);
	fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	return api && api->xCreateTokenizer(api, "pshelp", NULL, &tok, NULL) ==
			      SQLITE_OK;
}
