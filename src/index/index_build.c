/* SPDX-License-Identifier: MIT */
/*
 * Building and refreshing a root's index (see index.h).  A new index is
 * written to a temporary file without a journal and renamed into place;
 * a refresh is one transaction with a rollback journal.  Either way a
 * crash or kill -9 leaves the old index as it was.
 */
#define _DEFAULT_SOURCE /* realpath, DT_DIR */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "index_internal.h"
#include "md_parse.h"
#include "wildcard.h"
#include "xalloc.h"

static const char *const schema_sql =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE topics(id INTEGER PRIMARY KEY, rel TEXT UNIQUE NOT NULL,"
	" name TEXT NOT NULL, folded TEXT NOT NULL, aliases TEXT,"
	" module TEXT, row_module TEXT, category INTEGER, culture TEXT,"
	" synopsis TEXT, size INTEGER, mtime_ns INTEGER);"
	"CREATE INDEX topics_folded ON topics(folded);"
	"CREATE VIRTUAL TABLE text USING fts5(name, synopsis, body,"
	" tokenize = 'pshelp');"
	"CREATE TABLE lengths(id INTEGER PRIMARY KEY, data BLOB);";

#define STRINGIFY(x) #x
#define TEXT_OF(x) STRINGIFY(x)
#define INDEX_VERSION_TEXT TEXT_OF(INDEX_SCHEMA_VERSION)

struct writer {
	sqlite3 *db;
	sqlite3_stmt *add_topic, *add_text, *del_topic, *del_text;
	struct index_build_stats *st;
	struct index_lengths lengths; /* of the rows, for pshelp_rank */
};

static int
fail(int err, char **why, const char *what, sqlite3 *db)
{
	*why = xasprintf("%s: %s", what, db ? sqlite3_errmsg(db) : strerror(err));
	return err ? err : EIO;
}

static bool
exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static bool
prepare(struct writer *w)
{
	return sqlite3_prepare_v2(w->db,
				  "INSERT INTO topics(rel, name, folded, "
				  "aliases, module, row_module, category, "
				  "culture, synopsis, size, mtime_ns) VALUES "
				  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
				  "?11)",
				  -1, &w->add_topic, NULL) == SQLITE_OK &&
	       sqlite3_prepare_v2(w->db,
				  "INSERT INTO text(rowid, name, synopsis, "
				  "body) VALUES (?1, ?2, ?3, ?4)",
				  -1, &w->add_text, NULL) == SQLITE_OK &&
	       sqlite3_prepare_v2(w->db, "DELETE FROM topics WHERE id = ?1",
				  -1, &w->del_topic, NULL) == SQLITE_OK &&
	       sqlite3_prepare_v2(w->db, "DELETE FROM text WHERE rowid = ?1",
				  -1, &w->del_text, NULL) == SQLITE_OK;
}

static void
finalize(struct writer *w)
{
	sqlite3_finalize(w->add_topic);
	sqlite3_finalize(w->add_text);
	sqlite3_finalize(w->del_topic);
	sqlite3_finalize(w->del_text);
}

static bool
step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE;
}

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static char *
aliases_of(const struct help_doc *doc)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; doc && i < doc->naliases; i++)
		if (doc->aliases[i]) {
			if (sb.len)
				strbuf_addch(&sb, '\n');
			strbuf_addstr(&sb, doc->aliases[i]);
		}
	return strbuf_detach(&sb, NULL);
}

/* Reads and adds one page (by name only when it cannot be parsed). */
static bool
add_page(struct writer *w, const struct index_page *p, const struct stat *st)
{
	struct md_parse_options mo = { .path = p->path, .culture = p->culture };
	struct diag_ctx dx;
	diag_init_quiet(&dx, p->path);
	struct help_doc *doc = md_parse_file(p->path, &mo, &dx);
	const char *synopsis =
		doc ? index_doc_synopsis(doc, p->category == 0) : NULL;
	char *body = doc ? index_doc_text(doc) : NULL;
	char *aliases = aliases_of(doc);
	char *folded = fold_case(p->name);
	const char *row_module = p->module ? p->module : doc ? doc->module : NULL;
	char *names = xasprintf("%s\n%s", p->name, aliases);
	sqlite3_stmt *t = w->add_topic;

	w->st->parsed++;
	w->st->unreadable += doc == NULL;
	sqlite3_bind_text(t, 1, p->rel, -1, SQLITE_STATIC);
	sqlite3_bind_text(t, 2, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(t, 3, folded, -1, SQLITE_STATIC);
	sqlite3_bind_text(t, 4, aliases, -1, SQLITE_STATIC);
	bind_opt(t, 5, p->module);
	bind_opt(t, 6, row_module ? row_module : "");
	sqlite3_bind_int(t, 7, p->category);
	sqlite3_bind_text(t, 8, p->culture, -1, SQLITE_STATIC);
	sqlite3_bind_text(t, 9, synopsis ? synopsis : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(t, 10, (sqlite3_int64)st->st_size);
	sqlite3_bind_int64(t, 11, index_mtime_ns_of(st));
	bool ok = step_done(t);
	if (ok) {
		sqlite3_stmt *x = w->add_text;
		sqlite3_int64 id = sqlite3_last_insert_rowid(w->db);
		sqlite3_bind_int64(x, 1, id);
		sqlite3_bind_text(x, 2, names, -1, SQLITE_STATIC);
		sqlite3_bind_text(x, 3, synopsis ? synopsis : "", -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(x, 4, body ? body : "", -1, SQLITE_STATIC);
		index_tokenizer_take_count();
		index_tokenizer_set_culture(p->culture);
		ok = step_done(x);
		index_tokenizer_set_culture(NULL);
		size_t words = index_tokenizer_take_count();
		index_lengths_set(&w->lengths, id,
				  words > UINT32_MAX ? 0 : (uint32_t)words,
				  p->culture);
	}
	free(names);
	free(folded);
	free(aliases);
	free(body);
	help_doc_free(doc);
	return ok;
}

/* FTS5 deletes a row's words by tokenizing its text again: with its
   culture, so that a compound's parts go too. */
static bool
remove_topic(struct writer *w, sqlite3_int64 id, const char *culture)
{
	sqlite3_bind_int64(w->del_text, 1, id);
	sqlite3_bind_int64(w->del_topic, 1, id);
	w->st->removed++;
	index_lengths_set(&w->lengths, id, 0, NULL);
	index_tokenizer_set_culture(culture);
	bool ok = step_done(w->del_text);
	index_tokenizer_set_culture(NULL);
	return ok && step_done(w->del_topic);
}

/* What the index holds of a page already. */
struct old_page {
	char *rel, *culture;
	sqlite3_int64 id, size, mtime_ns;
	bool listed;
};

struct old_pages {
	struct old_page *v;
	size_t n, cap;
};

static int
cmp_old(const void *a, const void *b)
{
	return strcmp(((const struct old_page *)a)->rel,
		      ((const struct old_page *)b)->rel);
}

static bool
load_old(sqlite3 *db, struct old_pages *o)
{
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db, "SELECT rel, id, size, mtime_ns, culture "
			       "FROM topics",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *rel = sqlite3_column_text(st, 0);
		const unsigned char *culture = sqlite3_column_text(st, 4);
		o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof(*o->v));
		o->v[o->n++] = (struct old_page){
			xstrdup(rel ? (const char *)rel : ""),
			culture ? xstrdup((const char *)culture) : NULL,
			sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
			sqlite3_column_int64(st, 3), false
		};
	}
	sqlite3_finalize(st);
	if (o->n > 1)
		qsort(o->v, o->n, sizeof(*o->v), cmp_old);
	return rc == SQLITE_DONE;
}

static void
old_release(struct old_pages *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].rel);
		free(o->v[i].culture);
	}
	free(o->v);
}

static struct old_page *
old_find(struct old_pages *o, const char *rel)
{
	struct old_page key = { .rel = (char *)rel };
	return o->n ? bsearch(&key, o->v, o->n, sizeof(*o->v), cmp_old) : NULL;
}

static bool
set_meta(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT OR REPLACE INTO meta(key, value) "
			       "VALUES (?1, ?2)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
	return step_done(st) && sqlite3_finalize(st) == SQLITE_OK;
}

/* The word lists of the compounds of the cultures the index holds
   (index_compound_signature lines), in the cultures' order. */
static void
wordlists_of(const struct index_lengths *l, struct strbuf *out)
{
	const char *seen[INDEX_ROW_CULTURES];
	size_t n = 0;
	for (size_t i = 0; i < l->ncultures; i++) {
		const char *lang = index_compound_language(l->culture[i]);
		bool again = false;
		for (size_t k = 0; lang && k < n; k++)
			again = again || strcmp(seen[k], lang) == 0;
		if (lang && !again) {
			seen[n++] = lang;
			index_compound_signature(lang, out);
		}
	}
}

/* dict: the word lists' folder line, taken before the pages were read;
   it joins the folders when a list was needed, so that a list that
   comes or goes makes the index stale. */
static bool
write_meta(sqlite3 *db, const char *root, struct strbuf *dirs,
	   const struct strbuf *listing, const struct strbuf *dict,
	   const struct index_lengths *l)
{
	char *real = realpath(root, NULL);
	struct strbuf lists = STRBUF_INIT;
	strbuf_init(&lists);
	wordlists_of(l, &lists);
	if (lists.len && dict->len)
		strbuf_add(dirs, dict->buf, dict->len);
	bool ok = set_meta(db, "root", real ? real : root) &&
		  set_meta(db, "folders", dirs->buf ? dirs->buf : "") &&
		  set_meta(db, "listing", listing->buf ? listing->buf : "") &&
		  set_meta(db, "wordlists", lists.buf ? lists.buf : "");
	strbuf_release(&lists);
	free(real);
	return ok;
}

/* Adds what changed and removes what went; the caller has a
   transaction open. */
static bool
fill(struct writer *w, const struct index_page *pages, size_t n)
{
	struct old_pages old = { 0 };
	bool ok = load_old(w->db, &old);

	for (size_t i = 0; ok && i < n; i++) {
		struct stat st;
		if (stat(pages[i].path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		struct old_page *o = old_find(&old, pages[i].rel);
		if (o && o->listed)
			continue; /* listed twice */
		if (o)
			o->listed = true;
		if (o && o->size == (sqlite3_int64)st.st_size &&
		    o->mtime_ns == index_mtime_ns_of(&st))
			continue;
		if (o)
			ok = remove_topic(w, o->id, o->culture),
			w->st->removed--;
		ok = ok && add_page(w, &pages[i], &st);
	}
	for (size_t i = 0; ok && i < old.n; i++)
		if (!old.v[i].listed)
			ok = remove_topic(w, old.v[i].id, old.v[i].culture);
	old_release(&old);
	return ok;
}

static size_t
count_topics(sqlite3 *db)
{
	sqlite3_stmt *st;
	size_t n = 0;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM topics", -1, &st,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Opens file read-write with the tokenizer, or NULL (with *why). */
static sqlite3 *
open_rw(const char *file, bool create, char **why)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
		    (create ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(file, &db, flags, NULL) != SQLITE_OK ||
	    !index_register_tokenizer(db)) {
		if (why)
			*why = xasprintf("%s: %s", file,
					 db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

/* The whole transaction of a build or refresh on an open database. */
static int
write_all(sqlite3 *db, const char *root, const struct index_page *pages,
	  size_t n, struct index_build_stats *st, char **why)
{
	struct writer w = { .db = db, .st = st };
	struct strbuf dirs = STRBUF_INIT, listing = STRBUF_INIT;
	struct strbuf dict = STRBUF_INIT;
	strbuf_init(&dirs);
	strbuf_init(&listing);
	strbuf_init(&dict);
	/* the folders first: a change while pages are read makes the
	   index stale, never wrongly fresh */
	index_folder_signature(root, &dirs, &listing);
	index_compound_folder(&dict);
	bool ok = exec(db, "BEGIN IMMEDIATE") && prepare(&w) &&
		  index_lengths_load(db, &w.lengths) && fill(&w, pages, n) &&
		  write_meta(db, root, &dirs, &listing, &dict, &w.lengths);
	/* an unchanged index keeps its lengths as they are */
	if (ok && (st->parsed || st->removed))
		ok = index_lengths_store(db, &w.lengths);
	finalize(&w);
	index_lengths_release(&w.lengths);
	strbuf_release(&dirs);
	strbuf_release(&listing);
	strbuf_release(&dict);
	if (!ok || !exec(db, "COMMIT")) {
		int rc = fail(EIO, why, "cannot write the index", db);
		exec(db, "ROLLBACK");
		return rc;
	}
	st->pages = count_topics(db);
	return 0;
}

/* Whether the index's rows were split with the word lists there are
   now: FTS5 removes a row by tokenizing it again, which must give the
   words it was given. */
static bool
same_wordlists(sqlite3 *db)
{
	struct index_lengths l = { 0 };
	struct strbuf now = STRBUF_INIT;
	sqlite3_stmt *st;
	bool same = false;
	strbuf_init(&now);
	if (index_lengths_load(db, &l) &&
	    sqlite3_prepare_v2(db,
			       "SELECT value FROM meta WHERE key = 'wordlists'",
			       -1, &st, NULL) == SQLITE_OK) {
		const unsigned char *had = NULL;
		if (sqlite3_step(st) == SQLITE_ROW)
			had = sqlite3_column_text(st, 0);
		wordlists_of(&l, &now);
		/* an index of before the lists has no such row */
		same = strcmp(had ? (const char *)had : "",
			      now.buf ? now.buf : "") == 0;
		sqlite3_finalize(st);
	}
	index_lengths_release(&l);
	strbuf_release(&now);
	return same;
}

/* Whether file holds an index of this schema that a refresh can use. */
static bool
refreshable(sqlite3 *db)
{
	sqlite3_stmt *st;
	int version = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return version == INDEX_SCHEMA_VERSION &&
	       exec(db, "SELECT count(*) FROM meta; SELECT rel FROM topics "
			"LIMIT 1; SELECT rowid FROM text LIMIT 1; SELECT id "
			"FROM lengths LIMIT 1") &&
	       same_wordlists(db);
}

static int
rebuild_into(const char *file, const char *root, const struct index_page *pages,
	     size_t n, struct index_build_stats *st, char **why)
{
	char *tmp = xasprintf("%s.tmp", file);
	char *journal = xasprintf("%s-journal", file);
	int rc = 0;

	unlink(tmp);
	sqlite3 *db = open_rw(tmp, true, why);
	if (!db)
		rc = EIO;
	/* no journal: a crash leaves only the temporary file */
	else if (!exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = "
			   "OFF; PRAGMA user_version = " INDEX_VERSION_TEXT) ||
		 !exec(db, schema_sql))
		rc = fail(EIO, why, "cannot create the index", db);
	else
		rc = write_all(db, root, pages, n, st, why);
	if (db && sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = fail(EIO, why, "cannot close the index", NULL);
	int fd = rc == 0 ? open(tmp, O_RDONLY | O_CLOEXEC) : -1;
	if (rc == 0 && (fd < 0 || fsync(fd) != 0))
		rc = fail(errno, why, tmp, NULL);
	if (fd >= 0)
		close(fd);
	/* an old journal would be played back into the new file */
	if (rc == 0 && (unlink(journal), rename(tmp, file) != 0))
		rc = fail(errno, why, file, NULL);
	if (rc != 0)
		unlink(tmp);
	st->rebuilt = true;
	free(tmp);
	free(journal);
	return rc;
}

int
index_update(const char *root, const struct index_page *pages, size_t n,
	     bool rebuild, struct index_build_stats *st, char **why)
{
	char *file = index_file_for(root, true);
	int rc;

	memset(st, 0, sizeof(*st));
	*why = NULL;
	if (file == NULL) {
		*why = xasprintf("%s: %s", root,
				 "neither it nor $XDG_CACHE_HOME is writable");
		return EACCES;
	}
	/* one writer at a time: a lock on the index's folder, which leaves
	   no file behind (the index itself is replaced by a rename) */
	char *lock = xstrdup(file), *slash = strrchr(lock, '/');
	if (slash)
		*slash = '\0';
	int lfd = open(!slash ? "." : *lock ? lock : "/",
		       O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lfd < 0 || flock(lfd, LOCK_EX) != 0) {
		rc = fail(errno, why, lock, NULL);
		goto out;
	}
	/* the lock file earlier versions left */
	char *old_lock = xasprintf("%s.lock", file);
	unlink(old_lock);
	free(old_lock);
	struct stat fst;
	sqlite3 *db = !rebuild && stat(file, &fst) == 0 && S_ISREG(fst.st_mode)
			      ? open_rw(file, false, NULL)
			      : NULL;
	if (db && refreshable(db)) {
		rc = write_all(db, root, pages, n, st, why);
		sqlite3_close(db);
		goto out;
	}
	sqlite3_close(db);
	rc = rebuild_into(file, root, pages, n, st, why);
out:
	if (lfd >= 0)
		close(lfd);
	free(lock);
	free(file);
	return rc;
}
