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
#include "strbuf.h"
#include "xalloc.h"

#define LENGTHS_ROW 1
#define CULTURES_ROW 2

/* The number of a culture, added when new; 0 when there are too many. */
static uint32_t
culture_number(struct index_lengths *l, const char *culture)
{
	for (size_t i = 0; i < l->ncultures; i++)
		if (strcmp(l->culture[i], culture) == 0)
			return (uint32_t)i + 1;
	if (l->ncultures == INDEX_ROW_CULTURES || strchr(culture, '\n'))
		return 0;
	l->culture[l->ncultures++] = xstrdup(culture);
	return (uint32_t)l->ncultures;
}

void
index_lengths_set(struct index_lengths *l, int64_t id, uint32_t words,
		  const char *culture)
{
	if (id < 0 || (uint64_t)id >= SIZE_MAX / sizeof(*l->v) - 1)
		return;
	size_t want = (size_t)id + 1;
	if (want > l->n) {
		l->v = xgrow(l->v, &l->cap, want, sizeof(*l->v));
		memset(l->v + l->n, 0, (want - l->n) * sizeof(*l->v));
		l->n = want;
	}
	if (words > INDEX_ROW_WORDS)
		words = 0; /* not known: the ranking asks FTS5 */
	l->v[id] = culture ? words | culture_number(l, culture) << 24 : 0;
}

void
index_lengths_release(struct index_lengths *l)
{
	free(l->v);
	for (size_t i = 0; i < l->ncultures; i++)
		free(l->culture[i]);
	memset(l, 0, sizeof(*l));
}

/* The culture names of the row numbers, a line each. */
static void
cultures_from(struct index_lengths *l, const char *text)
{
	for (const char *p = text; p && *p && l->ncultures < INDEX_ROW_CULTURES;) {
		size_t n = strcspn(p, "\n");
		l->culture[l->ncultures++] = xstrndup(p, n);
		p += n + (p[n] != '\0');
	}
}

/* The stored form: a row LENGTHS_ROW of 4 bytes a row id, little-endian,
   from id 0, and a row CULTURES_ROW of the cultures' names. */
bool
index_lengths_load(sqlite3 *db, struct index_lengths *l)
{
	sqlite3_stmt *st;
	int rc;

	index_lengths_release(l);
	if (sqlite3_prepare_v2(db, "SELECT id, data FROM lengths ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(st, 1);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		if (sqlite3_column_int(st, 0) == CULTURES_ROW) {
			char *text = b ? xstrndup((const char *)b, n) : NULL;
			cultures_from(l, text);
			free(text);
			continue;
		}
		if (sqlite3_column_int(st, 0) != LENGTHS_ROW || l->v)
			continue;
		n /= 4;
		l->v = xcalloc(n + 1, sizeof(*l->v));
		l->n = l->cap = n;
		for (size_t i = 0; b && i < n; i++, b += 4)
			l->v[i] = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
				  (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	}
	sqlite3_finalize(st);
	/* a culture number past the names is not known */
	for (size_t i = 0; i < l->n; i++)
		if ((l->v[i] >> 24) > l->ncultures)
			l->v[i] &= INDEX_ROW_WORDS;
	return rc == SQLITE_DONE;
}

static bool
store_row(sqlite3 *db, int id, const void *data, size_t len)
{
	sqlite3_stmt *st;
	bool ok = false;
	if (sqlite3_prepare_v2(db,
			       "INSERT OR REPLACE INTO lengths(id, data) "
			       "VALUES (?1, ?2)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, id);
		sqlite3_bind_blob64(st, 2, data, (sqlite3_uint64)len,
				    SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return ok;
}

bool
index_lengths_store(sqlite3 *db, const struct index_lengths *l)
{
	unsigned char *b = xcalloc(l->n + 1, 4);
	struct strbuf names = STRBUF_INIT;

	strbuf_init(&names);
	for (size_t i = 0; i < l->n; i++) {
		b[4 * i] = (unsigned char)(l->v[i] & 0xff);
		b[4 * i + 1] = (unsigned char)(l->v[i] >> 8 & 0xff);
		b[4 * i + 2] = (unsigned char)(l->v[i] >> 16 & 0xff);
		b[4 * i + 3] = (unsigned char)(l->v[i] >> 24 & 0xff);
	}
	for (size_t i = 0; i < l->ncultures; i++)
		strbuf_addf(&names, "%s%s", i ? "\n" : "", l->culture[i]);
	bool ok = store_row(db, LENGTHS_ROW, b, l->n * 4) &&
		  store_row(db, CULTURES_ROW, names.buf ? names.buf : "",
			    names.len);
	strbuf_release(&names);
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
	if (l && id >= 0 && (uint64_t)id < l->n &&
	    (l->v[id] & INDEX_ROW_WORDS) > 0) {
		*out = (double)(l->v[id] & INDEX_ROW_WORDS);
		return SQLITE_OK;
	}
	int rc = api->xColumnSize(fts, -1, &words);
	*out = (double)words;
	return rc;
}

/* Whether row id is of a culture the search does not want. */
static bool
skipped(const struct index_lengths *l, sqlite3_int64 id)
{
	if (!l || !l->keep || id < 0 || (uint64_t)id >= l->n)
		return false;
	uint32_t culture = l->v[id] >> 24;
	return culture > 0 && !l->keep[culture - 1];
}

static void
rank_row(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
	 int nval, sqlite3_value **val)
{
	static const double weight[3] = { 10.0, 5.0, 1.0 };
	const double k1 = 1.2, b = 0.75;
	const struct index_lengths *l = api->xUserData(fts);
	struct rank_query *q;
	double words = 0, score = 0.0;
	int rc = SQLITE_OK;

	if (skipped(l, api->xRowid(fts))) {
		sqlite3_result_null(ctx); /* a culture the search leaves out */
		return;
	}
	q = api->xGetAuxdata(fts, 0);
	if (q == NULL) {
		rc = rank_query_new(api, fts, &q);
		if (rc == SQLITE_OK)
			rc = api->xSetAuxdata(fts, q, free);
	}
	if (rc == SQLITE_OK)
		rc = row_words(api, fts, l, &words);
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
