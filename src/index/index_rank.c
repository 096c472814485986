/* SPDX-License-Identifier: MIT */
/*
 * The index's ranking: FTS5's BM25 with names 10, synopses 5 and text 1,
 * as the auxiliary function pshelp_rank(text).  It gives FTS5's bm25()
 * scores (negated: higher is better), but takes a row's length in words
 * from the lengths table, read once a query, where bm25() looks each
 * row up in FTS5's docsize table; and the caller keeps the best rows
 * itself, where ORDER BY rank sorts every match before its LIMIT.  At
 * 100,000 pages a common word matches half of them (BENCHMARKS.md).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "index_internal.h"
#include "xalloc.h"

#define LENGTHS_ROW 1

void
index_lengths_set(struct index_lengths *l, int64_t id, uint32_t words)
{
	if (id < 0 || (uint64_t)id >= SIZE_MAX / sizeof(*l->v) - 1)
		return;
	size_t want = (size_t)id + 1;
	if (want > l->n) {
		l->v = xgrow(l->v, &l->cap, want, sizeof(*l->v));
		memset(l->v + l->n, 0, (want - l->n) * sizeof(*l->v));
		l->n = want;
	}
	l->v[id] = words;
}

void
index_lengths_release(struct index_lengths *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* The stored form: 4 bytes a row id, little-endian, from id 0. */
bool
index_lengths_load(sqlite3 *db, struct index_lengths *l)
{
	sqlite3_stmt *st;
	int rc;

	index_lengths_release(l);
	if (sqlite3_prepare_v2(db, "SELECT data FROM lengths WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int(st, 1, LENGTHS_ROW);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0) / 4;
		l->v = xcalloc(n + 1, sizeof(*l->v));
		l->n = l->cap = n;
		for (size_t i = 0; b && i < n; i++, b += 4)
			l->v[i] = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
				  (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

bool
index_lengths_store(sqlite3 *db, const struct index_lengths *l)
{
	unsigned char *b = xcalloc(l->n + 1, 4);
	sqlite3_stmt *st;
	bool ok = false;

	for (size_t i = 0; i < l->n; i++) {
		b[4 * i] = (unsigned char)(l->v[i] & 0xff);
		b[4 * i + 1] = (unsigned char)(l->v[i] >> 8 & 0xff);
		b[4 * i + 2] = (unsigned char)(l->v[i] >> 16 & 0xff);
		b[4 * i + 3] = (unsigned char)(l->v[i] >> 24 & 0xff);
	}
	if (sqlite3_prepare_v2(db,
			       "INSERT OR REPLACE INTO lengths(id, data) "
			       "VALUES (?1, ?2)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, LENGTHS_ROW);
		sqlite3_bind_blob64(st, 2, b, (sqlite3_uint64)l->n * 4,
				    SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	free(b);
	return ok;
}

/* ---- the ranking function ---- */

/* What a query's rows share: computed at its first row, as bm25() does. */
struct rank_query {
	int nphrase;
	double avgdl;
	double idf[];
};

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *cookie)
{
	(*(sqlite3_int64 *)cookie)++;
	return SQLITE_OK;
}

static int
rank_query_new(const Fts5ExtensionApi *api, Fts5Context *fts,
	       struct rank_query **out)
{
	int n = api->xPhraseCount(fts);
	sqlite3_int64 rows = 0, words = 0;
	struct rank_query *q =
		xcalloc(1, sizeof(*q) + (size_t)(n > 0 ? n : 1) * sizeof(double));
	int rc = api->xRowCount(fts, &rows);

	q->nphrase = n;
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &words);
	q->avgdl = rows > 0 ? (double)words / (double)rows : 1;
	for (int i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_int64 hits = 0;
		rc = api->xQueryPhrase(fts, i, &hits, count_row);
		double idf = log(((double)rows - (double)hits + 0.5) /
				 ((double)hits + 0.5));
		q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (rc != SQLITE_OK) {
		free(q);
		return rc;
	}
	*out = q;
	return SQLITE_OK;
}

/* The row's length in words: from the lengths table, else FTS5's. */
static int
row_words(const Fts5ExtensionApi *api, Fts5Context *fts,
	  const struct index_lengths *l, double *out)
{
	sqlite3_int64 id = api->xRowid(fts);
	int words = 0;
	if (l && id >= 0 && (uint64_t)id < l->n && l->v[id] > 0) {
		*out = (double)l->v[id];
		return SQLITE_OK;
	}
	int rc = api->xColumnSize(fts, -1, &words);
	*out = (double)words;
	return rc;
}

static void
rank_row(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
	 int nval, sqlite3_value **val)
{
	static const double weight[3] = { 10.0, 5.0, 1.0 };
	const double k1 = 1.2, b = 0.75;
	struct rank_query *q = api->xGetAuxdata(fts, 0);
	double words = 0, score = 0.0;
	int rc = SQLITE_OK;

	if (q == NULL) {
		rc = rank_query_new(api, fts, &q);
		if (rc == SQLITE_OK)
			rc = api->xSetAuxdata(fts, q, free);
	}
	if (rc == SQLITE_OK)
		rc = row_words(api, fts, api->xUserData(fts), &words);
	for (int i = 0; rc == SQLITE_OK && i < q->nphrase; i++) {
		Fts5PhraseIter it;
		int col = -1, off = 0;
		double freq = 0.0;
		rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		for (; rc == SQLITE_OK && col >= 0;
		     api->xPhraseNext(fts, &it, &col, &off))
			freq += col < 3 ? weight[col] : 1.0;
		/* bm25()'s own expression, so the scores are the same */
		score += q->idf[i] * ((freq * (k1 + 1.0)) /
				      (freq + k1 * (1 - b + b * words /
							    q->avgdl)));
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_double(ctx, score);
}

bool
index_register_rank(sqlite3 *db, struct index_lengths *l)
{
	fts5_api *api = index_fts5_of(db);
	return api && api->xCreateFunction(api, "pshelp_rank", l, rank_row,
					   NULL) == SQLITE_OK;
}
