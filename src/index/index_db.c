/* SPDX-License-Identifier: MIT */
/* Opening a root's index, checking it, and its queries (see index.h). */
#define _DEFAULT_SOURCE /* realpath, DT_DIR */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "index_internal.h"
#include "xalloc.h"

int64_t
index_mtime_ns_of(const void *p)
{
	const struct stat *st = p;
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* ---- where the index is ---- */

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static char *
cache_file_for(const char *root, bool create)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *real = realpath(root, NULL);
	char *dir;

	if (real == NULL)
		return NULL;
	if (xdg && xdg[0] == '/')
		dir = xasprintf("%s/pshelp", xdg);
	else if (home && home[0] == '/')
		dir = xasprintf("%s/.cache/pshelp", home);
	else {
		free(real);
		return NULL;
	}
	if (create) {
		/* the parent first: $HOME/.cache may not exist yet */
		char *slash = strrchr(dir, '/');
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
		mkdir(dir, 0700);
	}
	char *file = xasprintf("%s/index-%016llx.sqlite", dir,
			       (unsigned long long)fnv1a(real));
	free(real);
	free(dir);
	return file;
}

char *
index_file_for(const char *root, bool for_writing)
{
	char *in_root = xasprintf("%s/%s", root, INDEX_FILE_NAME);
	if (for_writing ? access(root, W_OK) == 0 : access(in_root, F_OK) == 0)
		return in_root;
	free(in_root);
	return cache_file_for(root, for_writing);
}

/* ---- freshness ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sub-folders of fd (no dot folders, no symlinks), sorted. */
static size_t
folders_of(int fd, char ***out)
{
	int dup_fd = dup(fd);
	DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	size_t n = 0, cap = 0;
	char **v = NULL;
	struct dirent *e;

	if (!d) {
		if (dup_fd >= 0)
			close(dup_fd);
		*out = NULL;
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
			continue;
		if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	return n;
}

static void
free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Records rel's mtime, and walks down to depth 3 (culture, module,
   About). */
static void
walk_folder(int parent, const char *name, struct strbuf *rel, int depth,
	    struct strbuf *dirs)
{
	int fd = openat(parent, name,
			O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	size_t saved = rel->len;

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0) {
		strbuf_addf(rel, "%s%s", saved ? "/" : "", name);
		strbuf_addf(dirs, "%s\t%lld\n", rel->buf,
			    (long long)index_mtime_ns_of(&st));
		if (depth < 3) {
			char **v;
			size_t n = folders_of(fd, &v);
			for (size_t i = 0; i < n; i++)
				walk_folder(fd, v[i], rel, depth + 1, dirs);
			free_names(v, n);
		}
	}
	rel->len = saved;
	if (rel->buf)
		rel->buf[saved] = '\0';
	close(fd);
}

void
index_folder_signature(const char *root, struct strbuf *dirs,
		       struct strbuf *listing)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct strbuf rel = STRBUF_INIT;
	char **v;
	size_t n;

	if (fd < 0)
		return;
	strbuf_init(&rel);
	n = folders_of(fd, &v);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(listing, "%s\n", v[i]);
		if (dirs)
			walk_folder(fd, v[i], &rel, 1, dirs);
	}
	free_names(v, n);
	strbuf_release(&rel);
	close(fd);
}

/* ---- opening ---- */

static bool
exec_ok(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static enum index_state
state_of_error(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return INDEX_LOCKED;
	case SQLITE_CANTOPEN:
		return INDEX_MISSING;
	default:
		return INDEX_CORRUPT;
	}
}

/* One text value of the meta table, malloc'd, or NULL; *rc the error. */
static char *
meta_value(sqlite3 *db, const char *key, int *rc)
{
	sqlite3_stmt *st;
	char *v = NULL;
	*rc = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1",
				 -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		v = xstrdup(t ? (const char *)t : "");
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE)
		*rc = SQLITE_OK;
	sqlite3_finalize(st);
	return v;
}

static enum index_state
check_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return state_of_error(rc);
	rc = sqlite3_step(st);
	int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return state_of_error(rc);
	return version == INDEX_SCHEMA_VERSION ? INDEX_FRESH : INDEX_FOREIGN;
}

/* Whether each folder of the "rel\tmtime" lines still has its mtime:
   a stat each, so a check does not grow with the pages. */
static bool
folders_unchanged(const char *root, const char *had)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool same = fd >= 0;
	char rel[PATH_MAX];

	for (const char *p = had; same && *p;) {
		size_t n = strcspn(p, "\n");
		const char *tab = memchr(p, '\t', n);
		struct stat st;
		same = tab && (size_t)(tab - p) < sizeof(rel);
		if (same) {
			memcpy(rel, p, (size_t)(tab - p));
			rel[tab - p] = '\0';
			same = fstatat(fd, rel, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			       S_ISDIR(st.st_mode) &&
			       index_mtime_ns_of(&st) == strtoll(tab + 1, NULL, 10);
		}
		p += n + (p[n] != '\0');
	}
	if (fd >= 0)
		close(fd);
	return same;
}

static enum index_state
check_folders(sqlite3 *db, const char *root)
{
	struct strbuf dirs = STRBUF_INIT, listing = STRBUF_INIT;
	int rc1, rc2;
	enum index_state s = INDEX_FRESH;

	strbuf_init(&dirs);
	strbuf_init(&listing);
	char *had_dirs = meta_value(db, "folders", &rc1);
	char *had_listing = meta_value(db, "listing", &rc2);
	if (rc1 != SQLITE_OK || rc2 != SQLITE_OK)
		s = state_of_error(rc1 != SQLITE_OK ? rc1 : rc2);
	else if (!had_dirs || !had_listing)
		s = INDEX_CORRUPT;
	else {
		/* the root's own folders are listed; a folder below has the
		   same sub-folders as long as its mtime is the same */
		index_folder_signature(root, NULL, &listing);
		if (strcmp(had_listing, listing.buf ? listing.buf : "") != 0 ||
		    !folders_unchanged(root, had_dirs))
			s = INDEX_STALE;
	}
	free(had_dirs);
	free(had_listing);
	strbuf_release(&dirs);
	strbuf_release(&listing);
	return s;
}

enum index_state
index_open(const char *root, struct index_db **out, char **file)
{
	char *path = index_file_for(root, false);
	sqlite3 *db = NULL;
	struct stat st;

	*out = NULL;
	*file = path;
	if (path == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return INDEX_MISSING;
	/* read-write only so that a crashed writer's journal is rolled
	   back; nothing is written */
	int flags = access(path, W_OK) == 0 ? SQLITE_OPEN_READWRITE
					    : SQLITE_OPEN_READONLY;
	/* one thread uses the connection: no mutexes */
	int rc = sqlite3_open_v2(path, &db,
				 flags | SQLITE_OPEN_NOFOLLOW |
					 SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(db);
		return state_of_error(rc);
	}
	sqlite3_busy_timeout(db, INDEX_BUSY_MS);
	/* one read transaction until index_close: a statement outside one
	   takes and drops the file lock and looks for a journal, a few
	   system calls each time (a search runs one statement a row) */
	enum index_state s = exec_ok(db, "BEGIN") ? check_version(db)
						  : INDEX_CORRUPT;
	if (s == INDEX_FRESH) {
		int mrc;
		char *had_root = meta_value(db, "root", &mrc);
		char *real = realpath(root, NULL);
		if (mrc != SQLITE_OK)
			s = state_of_error(mrc);
		else if (!had_root)
			s = INDEX_CORRUPT;
		/* an index in a cache must be this root's */
		else if (strncmp(path, root, strlen(root)) != 0 &&
			 (!real || strcmp(real, had_root) != 0))
			s = INDEX_FOREIGN;
		free(real);
		free(had_root);
	}
	*out = xcalloc(1, sizeof(**out));
	if (s == INDEX_FRESH && (!index_register_tokenizer(db) ||
				 !index_register_rank(db, &(*out)->lengths)))
		s = INDEX_CORRUPT;
	if (s == INDEX_FRESH)
		s = check_folders(db, root);
	if (s != INDEX_FRESH) {
		sqlite3_close(db);
		free(*out);
		*out = NULL;
		return s;
	}
	(*out)->db = db;
	(*out)->root = xstrdup(root);
	return INDEX_FRESH;
}

void
index_close(struct index_db *db)
{
	if (!db)
		return;
	exec_ok(db->db, "COMMIT");
	sqlite3_close(db->db);
	index_lengths_release(&db->lengths);
	free(db->root);
	free(db);
}

const char *
index_state_text(enum index_state st)
{
	switch (st) {
	case INDEX_FRESH:
		return _("it is up to date");
	case INDEX_MISSING:
		return _("there is none; run 'pshelp index'");
	case INDEX_STALE:
		return _("pages changed since it was built; run 'pshelp index'");
	case INDEX_LOCKED:
		return _("it is being written");
	case INDEX_CORRUPT:
		return _("it is damaged; run 'pshelp index --rebuild'");
	case INDEX_FOREIGN:
		return _("it was written by another version or for another "
			 "root; run 'pshelp index --rebuild'");
	}
	return "";
}

/* ---- queries ---- */

void
index_topics_release(struct index_topics *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct index_topic *x = &t->v[i];
		free(x->name);
		free(x->folded);
		free(x->module);
		free(x->row_module);
		free(x->culture);
		free(x->path);
		free(x->synopsis);
		free(x->snippet);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static char *
column_dup(sqlite3_stmt *st, int c)
{
	const unsigned char *t = sqlite3_column_text(st, c);
	return t ? xstrdup((const char *)t) : NULL;
}

#define TOPIC_COLUMNS                                                   \
	"t.rel, t.name, t.folded, t.module, t.row_module, t.category, " \
	"t.culture, t.synopsis, t.size, t.mtime_ns, t.id"

static void
add_topic(const struct index_db *db, sqlite3_stmt *st, struct index_topics *out)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	struct index_topic *x = &out->v[out->n++];
	memset(x, 0, sizeof(*x));
	const unsigned char *rel = sqlite3_column_text(st, 0);
	x->path = xasprintf("%s/%s", db->root, rel ? (const char *)rel : "");
	x->name = column_dup(st, 1);
	x->folded = column_dup(st, 2);
	x->module = column_dup(st, 3);
	x->row_module = column_dup(st, 4);
	x->category = sqlite3_column_int(st, 5);
	x->culture = column_dup(st, 6);
	x->synopsis = column_dup(st, 7);
	x->size = sqlite3_column_int64(st, 8);
	x->mtime_ns = sqlite3_column_int64(st, 9);
	x->id = sqlite3_column_int64(st, 10);
	if (!x->name)
		x->name = xstrdup("");
	if (!x->folded)
		x->folded = xstrdup("");
	if (!x->culture)
		x->culture = xstrdup("");
}

struct keeper {
	index_name_fn *fn;
	void *cookie;
};

static void
sql_keep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct keeper *k = sqlite3_user_data(ctx);
	const char *s[3];
	for (int i = 0; i < 3; i++) {
		const unsigned char *t = sqlite3_value_text(argv[i]);
		s[i] = t ? (const char *)t : "";
	}
	sqlite3_result_int(ctx, k->fn(k->cookie, s[0], s[1], s[2]));
}

static bool
run_rows(struct index_db *db, sqlite3_stmt *st, struct index_topics *out)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_topic(db, st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

bool
index_names(struct index_db *db, index_name_fn *keep, void *cookie,
	    struct index_topics *out)
{
	struct keeper k = { keep, cookie };
	sqlite3_stmt *st;
	if (sqlite3_create_function(db->db, "pshelp_keep", 3, SQLITE_UTF8, &k,
				    sql_keep, NULL, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_prepare_v2(db->db,
			       "SELECT " TOPIC_COLUMNS " FROM topics t "
			       "WHERE pshelp_keep(t.name, t.folded, t.aliases) "
			       "ORDER BY t.id",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	return run_rows(db, st, out);
}

static int
count_word(void *cookie, const char *folded, size_t len, size_t start,
	   size_t end)
{
	return 1; /* one is enough */
}

static bool
has_words(const char *s, size_t len)
{
	return index_words(s, len, count_word, NULL) != 0;
}

/* The FTS5 query of the user's words: each a quoted string (a phrase
   of its words), a prefix when it ends in '*'. */
static char *
match_expression(const char *words)
{
	struct strbuf q = STRBUF_INIT;
	strbuf_init(&q);
	for (const char *p = words; *p;) {
		size_t n = strcspn(p, " \t\r\n");
		if (n == 0) {
			p++;
			continue;
		}
		bool prefix = p[n - 1] == '*';
		size_t len = prefix ? n - 1 : n;
		/* a term of punctuation only is no term */
		if (!has_words(p, len)) {
			p += n;
			continue;
		}
		strbuf_addstr(&q, q.len ? " \"" : "\"");
		for (size_t i = 0; i < len; i++) {
			if (p[i] == '"')
				strbuf_addch(&q, '"');
			strbuf_addch(&q, p[i]);
		}
		strbuf_addstr(&q, prefix ? "\"*" : "\"");
		p += n;
	}
	return strbuf_detach(&q, NULL);
}

/* A match: its row and score. */
struct hit {
	sqlite3_int64 id;
	double score;
};

/* Whether hit a ranks below b: a lower score, or the same and a later
   row (as ORDER BY rank, id). */
static bool
worse(const struct hit *a, const struct hit *b)
{
	return a->score < b->score || (a->score == b->score && a->id > b->id);
}

static int
cmp_hit(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;
	return worse(a, b) ? 1 : worse(b, a) ? -1 : 0;
}

/* Every match of q with its score (pshelp_rank), in *out. */
static bool
score_matches(struct index_db *db, const char *q, struct hit **out,
	      size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->db,
			       "SELECT rowid, pshelp_rank(text) FROM text "
			       "WHERE text MATCH ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue; /* a culture not searched */
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = (struct hit){ sqlite3_column_int64(st, 0),
					       sqlite3_column_double(st, 1) };
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* Restores the heap v[0..n) (its worst hit at the top) below i. */
static void
sift_down(struct hit *v, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, w = i;
		if (l < n && worse(&v[l], &v[w]))
			w = l;
		if (r < n && worse(&v[r], &v[w]))
			w = r;
		if (w == i)
			return;
		struct hit t = v[i];
		v[i] = v[w];
		v[w] = t;
		i = w;
	}
}

/* Moves the best k of v[0..n) to its front, best first: a heap of the
   best k seen (its worst at the top), then sorted. */
static void
keep_best(struct hit *v, size_t n, size_t k)
{
	if (k > n)
		k = n;
	if (k == 0)
		return;
	for (size_t i = k / 2; i-- > 0;)
		sift_down(v, k, i);
	for (size_t i = k; i < n; i++)
		if (worse(&v[0], &v[i])) {
			struct hit t = v[0];
			v[0] = v[i];
			v[i] = t;
			sift_down(v, k, 0);
		}
	if (k > 1)
		qsort(v, k, sizeof(*v), cmp_hit);
}

/* The topics of hits v[from..to) in their order, into got. */
static bool
topics_of_hits(struct index_db *db, const struct hit *v, size_t from,
	       size_t to, struct index_topics *got)
{
	sqlite3_stmt *st;
	bool ok = true;
	if (sqlite3_prepare_v2(db->db,
			       "SELECT " TOPIC_COLUMNS " FROM topics t "
			       "WHERE t.id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	for (size_t i = from; ok && i < to; i++) {
		sqlite3_bind_int64(st, 1, v[i].id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			add_topic(db, st, got);
			got->v[got->n - 1].score = v[i].score;
			rc = sqlite3_step(st);
		}
		ok = rc == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ok;
}

/*
 * Every match is scored (pshelp_rank) in one pass over FTS5's matches;
 * only the best are sorted and joined to their topics.  The culture is
 * checked then, so when too many of the best are in other cultures,
 * more of the matches are taken.
 */
bool
index_search(struct index_db *db, const char *words, size_t max,
	     index_name_fn *keep_culture, void *cookie,
	     struct index_topics *out)
{
	char *q = match_expression(words);
	struct hit *hits = NULL;
	size_t nhits = 0, taken = 0, limit = max;
	bool ok = true;

	if (*q == '\0') {
		free(q);
		return true; /* no words: nothing matches */
	}
	if (!db->lengths_read) {
		/* without it the ranking looks each row's length up */
		index_lengths_load(db->db, &db->lengths);
		db->lengths_read = true;
	}
	/* rows of other cultures are not scored; a row whose culture is
	   not known is, and its topic's culture is checked below */
	bool keep[INDEX_ROW_CULTURES];
	for (size_t i = 0; i < db->lengths.ncultures; i++)
		keep[i] = keep_culture(cookie, db->lengths.culture[i], "", "");
	db->lengths.keep = keep;
	ok = score_matches(db, q, &hits, &nhits);
	db->lengths.keep = NULL;
	for (size_t kept = 0; ok && kept < max && taken < nhits;) {
		struct index_topics got = { 0 };
		/* hits[0..taken) are sorted already */
		if (limit > nhits)
			limit = nhits;
		keep_best(hits + taken, nhits - taken, limit - taken);
		ok = topics_of_hits(db, hits, taken, limit, &got);
		taken = limit;
		for (size_t i = 0; ok && i < got.n; i++) {
			struct index_topic *x = &got.v[i];
			if (kept < max && keep_culture(cookie, x->culture, "", "")) {
				out->v = xgrow(out->v, &out->cap, out->n + 1,
					       sizeof(*out->v));
				out->v[out->n++] = *x;
				memset(x, 0, sizeof(*x));
				kept++;
			}
		}
		index_topics_release(&got);
		limit = limit < SIZE_MAX / 8 ? limit * 8 : SIZE_MAX;
	}
	free(hits);
	free(q);
	return ok;
}

char *
index_snippet(struct index_db *db, int64_t id, const char *words)
{
	sqlite3_stmt *st;
	char *snip = NULL;
	if (sqlite3_prepare_v2(db->db,
			       "SELECT x.body, x.synopsis, x.name, t.culture "
			       "FROM text x, topics t "
			       "WHERE x.rowid = ?1 AND t.id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *culture = (const char *)sqlite3_column_text(st, 3);
		for (int c = 0; c < 3 && !snip; c++) {
			const unsigned char *t = sqlite3_column_text(st, c);
			snip = index_text_snippet_in(culture, words,
						     (const char *)t);
		}
	}
	sqlite3_finalize(st);
	return snip;
}

bool
index_topic_unchanged(const struct index_topic *x)
{
	struct stat st;
	return stat(x->path, &st) == 0 && (int64_t)st.st_size == x->size &&
	       index_mtime_ns_of(&st) == x->mtime_ns;
}

bool
index_topics_unchanged(const struct index_topics *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (!index_topic_unchanged(&t->v[i]))
			return false;
	return true;
}
