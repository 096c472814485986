/* SPDX-License-Identifier: MIT */
/*
 * Help roots, the topic index and name lookup.  Directories are walked with
 * openat(O_NOFOLLOW) below each root, so a symlinked folder or page is
 * never entered; names are only ever compared with indexed names.
 */
/* d_type and the DT_* constants of readdir. */
#define _DEFAULT_SOURCE

#include "lookup.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "strbuf.h"
#include "utf8.h"
#include "wildcard.h"
#include "xalloc.h"

/* ---- help roots ---- */

static void
root_add(struct root_list *l, const char *dir, size_t len)
{
	/* "/a/b/" and "/a/b" are one root; "/" stays "/". */
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len == 0)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == len && memcmp(l->v[i], dir, len) == 0)
			return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = xstrndup(dir, len);
}

/* Each root of a colon-separated list. */
static void
add_list(struct root_list *out, const char *list)
{
	while (list && *list) {
		size_t n = strcspn(list, ":");
		root_add(out, list, n);
		list += n;
		if (*list == ':')
			list++;
	}
}

void
root_list_from_environment(struct root_list *out, char *const *paths,
			   size_t npaths, const char *datadir)
{
	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; paths && i < npaths; i++)
		if (paths[i])
			root_add(out, paths[i], strlen(paths[i]));
	add_list(out, getenv("PSHELP_PATH"));
	add_list(out, datadir); /* a build tree has two */
}

void
root_list_release(struct root_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* ---- building the index ---- */

enum scan_level { LEVEL_CULTURE, LEVEL_MODULE, LEVEL_ABOUT };

struct scan {
	struct topic_index *idx;
	size_t cap;
	size_t chain_index;
	size_t root_index;
	const char *culture; /* the folder's name on disk */
	struct strbuf path;  /* the folder being read */
	const char *only;    /* folded name: index only pages of that name */
	const char *probe;   /* that name as asked: module and About folders
				are probed for it, not read (see scan_culture) */
	size_t probe_len;
	bool probe_about;    /* probe may name an About topic: module_may_hold */
	size_t exact;	     /* pages indexed under exactly that name */
	size_t hits;	     /* with `only`: pages of the cultures before
				this one; then only their modules are read */
};

/* A folder entry: its name and, when readdir knows it, its type. */
struct dir_entry {
	char *name;
	unsigned char type; /* DT_* */
	bool probed;	    /* a module folder module_may_hold accepted */
};

struct names {
	struct dir_entry *v;
	size_t n, cap;
};

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name,
		      ((const struct dir_entry *)b)->name);
}

static bool stem_is(const char *name, size_t len, const char *folded);

/*
 * Whether a culture folder's entry can matter when probing for one name
 * (filter of read_names): decided as scan_entry would decide it, but
 * before the name is copied and sorted, so that a folder of thousands of
 * modules costs a probe each and no more.  *probed: a module folder that
 * module_may_hold accepted.
 */
typedef bool entry_filter(const struct scan *s, int fd, const char *name,
			  unsigned char type, bool *probed);

/*
 * Entries of d in byte order (for a stable index), without dot files.
 * With `only`, regular files not named like it are left out early; with
 * keep, entries it refuses.
 */
static void
read_names(DIR *d, const char *only, entry_filter *keep,
	   const struct scan *s, struct names *out)
{
	struct dirent *e;

	memset(out, 0, sizeof(*out));
	while ((e = readdir(d)) != NULL) {
		bool probed = false;
		if (e->d_name[0] == '.')
			continue;
		if (only && e->d_type == DT_REG) {
			size_t len = strlen(e->d_name);
			if (len <= 3 || !stem_is(e->d_name, len - 3, only))
				continue;
		}
		if (keep && !keep(s, dirfd(d), e->d_name, e->d_type, &probed))
			continue;
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
		out->v[out->n].name = xstrdup(e->d_name);
		out->v[out->n].probed = probed;
		out->v[out->n++].type = e->d_type;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_names);
}

static void
names_push(struct names *l, char *name, unsigned char type)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n].name = name;
	l->v[l->n].probed = false;
	l->v[l->n++].type = type;
}

/*
 * What read_names() would keep of a module or About folder when it holds
 * the page asked for under exactly that name: the page and an About
 * folder, found with two fstatat() calls instead of reading a folder
 * that may hold thousands of pages.
 */
static void
probe_names(int fd, const char *probe, enum scan_level level,
	    struct names *out)
{
	struct stat st;
	char *file = xasprintf("%s.md", probe);

	memset(out, 0, sizeof(*out));
	if (fstatat(fd, file, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode))
		names_push(out, file, DT_REG);
	else
		free(file);
	if (level == LEVEL_MODULE &&
	    fstatat(fd, "About", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode))
		names_push(out, xstrdup("About"), DT_DIR);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_names);
}

static void
names_release(struct names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
}

/* A name we may show and compare: valid UTF-8 without control characters. */
static bool
is_clean_name(const char *s)
{
	size_t len = 0;

	/* printable ASCII, most names, without the UTF-8 walk */
	while ((unsigned char)s[len] >= 0x20 && (unsigned char)s[len] < 0x7f)
		len++;
	if (s[len] == '\0')
		return true;
	len += strlen(s + len);

	return utf8_first_invalid(s, len) == len &&
	       utf8_is_clean(s, len, false);
}

static bool
has_md_suffix(const char *name, size_t len)
{
	return len > 3 && strcasecmp(name + len - 3, ".md") == 0;
}

static enum topic_category
categorize(const struct topic *t, enum scan_level level)
{
	if (strncasecmp(t->name, "about_", 6) == 0)
		return TOPIC_ABOUT;
	if (level == LEVEL_ABOUT)
		return TOPIC_ABOUT; /* About.md, the index of the About topics */
	if (level == LEVEL_MODULE && t->module) {
		char *m = fold_case(t->module);
		bool same = strcmp(t->folded, m) == 0;
		free(m);
		if (same)
			return TOPIC_MODULE;
	}
	return TOPIC_COMMAND;
}

/* Whether the stem name[0..len) folds to `folded` (cheaply for ASCII). */
static bool
stem_is(const char *name, size_t len, const char *folded)
{
	bool ascii = true;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)name[i] < 0x80;
	if (ascii)
		return strlen(folded) == len &&
		       strncasecmp(name, folded, len) == 0;
	char *stem = xstrndup(name, len);
	char *f = fold_case(stem);
	bool same = strcmp(f, folded) == 0;
	free(f);
	free(stem);
	return same;
}

static void
add_page(struct scan *s, const char *name, const char *module,
	 enum scan_level level)
{
	struct topic_index *idx = s->idx;
	size_t len = strlen(name);
	struct topic *t;
	char *stem;

	if (!has_md_suffix(name, len) || !is_clean_name(name))
		return;
	if (s->only && !stem_is(name, len - 3, s->only))
		return;
	stem = xstrndup(name, len - 3);
	char *folded = fold_case(stem);
	size_t dirlen = s->path.len;
	strbuf_addch(&s->path, '/');
	strbuf_add(&s->path, name, len);
	idx->v = xgrow(idx->v, &s->cap, idx->n + 1, sizeof(*idx->v));
	t = &idx->v[idx->n++];
	topic_set(t, stem, folded, module, s->culture, s->path.buf);
	s->path.len = dirlen;
	s->path.buf[dirlen] = '\0';
	free(folded);
	free(stem);
	t->category = categorize(t, level);
	s->exact += s->probe && strcmp(t->name, s->probe) == 0;
	t->chain_index = s->chain_index;
	t->root_index = s->root_index;
}

static void scan_dir(struct scan *s, int parent, const char *name,
		     const char *module, enum scan_level level);

/*
 * With `only`, once a culture had the page, a worse culture's pages are
 * hidden by it (topic_index_find); what is still asked of them is the
 * same page in the same module (topic_index_in_culture, the en-US source
 * of a translation).  So only folders of those modules are read.
 */
static bool
culture_entry_wanted(const struct scan *s, const char *name, bool folder)
{
	bool module = folder && strcasecmp(name, "About") != 0;

	if (s->hits == 0)
		return true;
	for (size_t i = 0; i < s->hits; i++) {
		const struct topic *t = &s->idx->v[i];
		if (t->root_index != s->root_index)
			continue; /* a source is in its translation's root */
		if (t->module == NULL)
			return true; /* its source may be in any module */
		if (module && strcasecmp(t->module, name) == 0)
			return true;
	}
	return false;
}

/*
 * Whether a module folder may hold the page asked for under exactly that
 * name, as a page or, for an About topic's name, in its About folder:
 * fstatat() on paths below fd instead of opening the folder (and its
 * About folder) to probe them.  A hit is then read by scan_dir as
 * before, which opens every folder with O_NOFOLLOW, so a symlink is
 * still never entered.  Only names that begin with "about" (about_*, and
 * About, the index of a module's topics) are looked for in About
 * folders, as PowerShell looks for About topics only by such names: one
 * system call a module, not two, which was most of a lookup in a root
 * of many modules.  A page of another name in an About folder is still
 * found by the full read when no module holds that name as a page.
 */
static bool
module_may_hold(const struct scan *s, int fd, const char *module)
{
	struct stat st;
	char path[PATH_MAX];
	/* built by hand: snprintf was half the instructions of a lookup in
	   a root of 500 modules */
	const char *probe = s->probe;
	size_t m = strlen(module), p = s->probe_len;
	static const char about[] = "/About/";

	if (m + sizeof(about) + p + sizeof(".md") > sizeof(path))
		return true; /* too long to probe: scan_dir reads it */
	memcpy(path, module, m);
	path[m] = '/';
	memcpy(path + m + 1, probe, p);
	memcpy(path + m + 1 + p, ".md", sizeof(".md"));
	if (fstatat(fd, path, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return true;
	if (!s->probe_about)
		return false;
	memcpy(path + m, about, sizeof(about) - 1);
	memcpy(path + m + sizeof(about) - 1, probe, p);
	memcpy(path + m + sizeof(about) - 1 + p, ".md", sizeof(".md"));
	return fstatat(fd, path, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/*
 * When every page found so far in this root sits in a module folder, what
 * is still asked of a culture (its source, see culture_entry_wanted) is in
 * folders of those names: probe them, without reading a culture folder of
 * thousands of modules.  False, and nothing is kept, when a page is
 * outside a module or a folder of exactly that name lacks the page; the
 * folder is then read as before, which also finds folders named in
 * another case.
 */
static bool
names_from_hits(const struct scan *s, int fd, struct names *out)
{
	memset(out, 0, sizeof(*out));
	if (s->hits == 0)
		return false; /* the first culture: every module may hold it */
	for (size_t i = 0; i < s->hits; i++) {
		const struct topic *t = &s->idx->v[i];
		bool known = false;
		if (t->root_index != s->root_index)
			continue; /* no source in this root: none is kept */
		for (size_t k = 0; t->module && k < out->n && !known; k++)
			known = strcmp(out->v[k].name, t->module) == 0;
		if (known)
			continue;
		if (t->module == NULL || !module_may_hold(s, fd, t->module)) {
			names_release(out);
			memset(out, 0, sizeof(*out));
			return false;
		}
		names_push(out, xstrdup(t->module), DT_DIR);
		out->v[out->n - 1].probed = true;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_names);
	return true;
}

/* The entry_filter of a culture folder when probing (see scan_entry). */
static bool
culture_entry_may_matter(const struct scan *s, int fd, const char *name,
			 unsigned char type, bool *probed)
{
	if (type != DT_DIR && type != DT_REG)
		return true; /* scan_entry looks at it (DT_UNKNOWN) */
	if (!culture_entry_wanted(s, name, type == DT_DIR))
		return false;
	if (type == DT_REG || strcasecmp(name, "About") == 0)
		return true;
	if (!is_clean_name(name) || !module_may_hold(s, fd, name))
		return false;
	*probed = true;
	return true;
}

/* One entry of a folder at `level`: a page, or a folder one level down. */
static void
scan_entry(struct scan *s, int fd, const struct dir_entry *e,
	   const char *module, enum scan_level level)
{
	const char *name = e->name;
	unsigned char type = e->type;
	bool about;

	/* readdir's type saves a stat per page; symlinks are never followed. */
	if (type == DT_UNKNOWN) {
		struct stat st;
		if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			return;
		type = S_ISREG(st.st_mode)   ? DT_REG
		       : S_ISDIR(st.st_mode) ? DT_DIR
					     : DT_LNK;
	}
	if (level == LEVEL_CULTURE &&
	    !culture_entry_wanted(s, name, type == DT_DIR))
		return;
	if (type == DT_REG) {
		add_page(s, name, module, level);
		return;
	}
	if (type != DT_DIR || level == LEVEL_ABOUT || !is_clean_name(name))
		return;
	about = strcasecmp(name, "About") == 0;
	if (level == LEVEL_CULTURE && !about && s->probe && !e->probed &&
	    !module_may_hold(s, fd, name))
		return;
	if (level == LEVEL_CULTURE)
		scan_dir(s, fd, name, about ? NULL : name,
			 about ? LEVEL_ABOUT : LEVEL_MODULE);
	else if (about)
		scan_dir(s, fd, name, module, LEVEL_ABOUT);
}

static void
scan_dir(struct scan *s, int parent, const char *name, const char *module,
	 enum scan_level level)
{
	int fd = openat(parent, name,
			O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	size_t saved = s->path.len;
	struct names names;
	DIR *d;

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	if (s->probe && level != LEVEL_CULTURE)
		probe_names(dirfd(d), s->probe, level, &names);
	else if (s->probe && names_from_hits(s, dirfd(d), &names))
		; /* the hits' modules, without reading the culture folder */
	else if (s->probe)
		read_names(d, s->only, culture_entry_may_matter, s, &names);
	else
		read_names(d, s->only, NULL, s, &names);
	strbuf_addf(&s->path, "/%s", name);
	for (size_t i = 0; i < names.n; i++)
		scan_entry(s, dirfd(d), &names.v[i], module, level);
	s->path.len = saved;
	s->path.buf[saved] = '\0';
	names_release(&names);
	closedir(d);
}

/* Every folder of the root named like the culture, in any case. */
/* Whether folder is what chain entry c names, and no earlier entry. */
static bool
chain_takes(const struct culture_list *chain, size_t c, const char *folder)
{
	if (!culture_is_pattern(chain->v[c]))
		return strcasecmp(folder, chain->v[c]) == 0;
	for (size_t k = 0; k < c; k++)
		if (strcasecmp(folder, chain->v[k]) == 0)
			return false;
	return culture_pattern_matches(chain->v[c], folder);
}

/* Copies s[0..n] (with its NUL) to *at and moves *at past it. */
static char *
put_string(char **at, const char *s, size_t n)
{
	char *start = *at;
	memcpy(start, s, n + 1);
	*at += n + 1;
	return start;
}

void
topic_set(struct topic *t, const char *name, const char *folded,
	  const char *module, const char *culture, const char *path)
{
	size_t ln = strlen(name), lf = strlen(folded), lc = strlen(culture),
	       lp = strlen(path), lm = module ? strlen(module) : 0;
	char *at = xmalloc(ln + lf + lc + lp + lm + 4 + (module != NULL));

	/* name first: topic_free frees the block through it */
	t->name = put_string(&at, name, ln);
	t->folded = put_string(&at, folded, lf);
	t->culture = put_string(&at, culture, lc);
	t->path = put_string(&at, path, lp);
	t->module = module ? put_string(&at, module, lm) : NULL;
}

static void
topic_free(struct topic *t)
{
	free(t->name); /* the block of topic_set */
}

/*
 * One culture folder.  When probing, a culture where no page has the
 * name exactly as asked is read again in full, so that a page named in
 * another case is still found everywhere in it.
 */
static void
scan_culture(struct scan *s, int rootfd, const char *culture)
{
	size_t before = s->idx->n, exact = s->exact;
	const char *probe = s->probe;

	scan_dir(s, rootfd, culture, NULL, LEVEL_CULTURE);
	if (probe == NULL || s->exact > exact)
		return;
	while (s->idx->n > before)
		topic_free(&s->idx->v[--s->idx->n]);
	s->probe = NULL;
	scan_dir(s, rootfd, culture, NULL, LEVEL_CULTURE);
	s->probe = probe;
}

static void
scan_root(struct scan *s, const char *root, const struct culture_list *chain,
	  size_t c)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct names names;
	DIR *d;

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	read_names(d, NULL, NULL, s, &names);
	strbuf_reset(&s->path);
	strbuf_addstr(&s->path, root);
	for (size_t i = 0; i < names.n; i++) {
		if (!chain_takes(chain, c, names.v[i].name))
			continue;
		s->culture = names.v[i].name;
		scan_culture(s, dirfd(d), names.v[i].name);
	}
	names_release(&names);
	closedir(d);
}

/* Whether name can be looked for as a file name: a clean name that is
   not a dot file and has no '/'. */
static bool
can_probe(const char *name)
{
	size_t len = strlen(name);
	return len > 0 && len < 250 && name[0] != '.' &&
	       strchr(name, '/') == NULL && is_clean_name(name);
}

void
topic_index_build(struct topic_index *idx, const char *const *roots,
		  size_t nroots, const struct culture_list *chain)
{
	topic_index_build_named(idx, roots, nroots, chain, NULL);
}

void
topic_index_build_named(struct topic_index *idx, const char *const *roots,
			size_t nroots, const struct culture_list *chain,
			const char *name)
{
	char *only = name ? fold_case(name) : NULL;
	struct scan s = { .idx = idx, .only = only };

	if (name && can_probe(name)) {
		s.probe = name;
		s.probe_len = strlen(name);
		s.probe_about = strncasecmp(name, "about", 5) == 0;
	}
	idx->v = NULL;
	idx->n = 0;
	strbuf_init(&s.path);
	/* Culture-major: a better culture in any root beats a worse one. */
	for (size_t c = 0; chain && c < chain->n; c++) {
		s.chain_index = c;
		for (size_t r = 0; r < nroots; r++) {
			s.root_index = r;
			if (roots[r])
				scan_root(&s, roots[r], chain, c);
		}
		if (only && s.hits == 0)
			s.hits = idx->n;
	}
	strbuf_release(&s.path);
	free(only);
}

void
topic_index_release(struct topic_index *idx)
{
	for (size_t i = 0; i < idx->n; i++)
		topic_free(&idx->v[i]);
	free(idx->v);
	idx->v = NULL;
	idx->n = 0;
}

/* ---- ranking results ---- */

struct ranked {
	const struct topic *t;
	size_t rank;  /* category, or edit distance */
	uint8_t *key; /* root collation sort key of the name */
	size_t keylen;
};

static void
sort_key(UCollator *coll, struct ranked *r)
{
	int32_t n, need;
	UChar *u = utf16_from_utf8(r->t->name, strlen(r->t->name), &n);

	need = coll ? ucol_getSortKey(coll, u, n, NULL, 0) : 0;
	r->key = xmalloc((size_t)need + 1);
	r->keylen =
		need > 0 ? (size_t)ucol_getSortKey(coll, u, n, r->key, need + 1)
			 : 0;
	if (r->keylen > (size_t)need)
		r->keylen = (size_t)need;
	free(u);
}

static int
cmp_module(const struct topic *a, const struct topic *b)
{
	return strcasecmp(a->module ? a->module : "",
			  b->module ? b->module : "");
}

static int
cmp_position(const struct ranked *a, const struct ranked *b)
{
	if (a->t == b->t)
		return 0;
	return a->t < b->t ? -1 : 1;
}

static int
cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	size_t n = a->keylen < b->keylen ? a->keylen : b->keylen;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	c = n ? memcmp(a->key, b->key, n) : 0;
	if (c == 0 && a->keylen != b->keylen)
		c = a->keylen < b->keylen ? -1 : 1;
	if (c == 0)
		c = strcmp(a->t->name, b->t->name);
	if (c == 0)
		c = cmp_module(a->t, b->t);
	return c ? c : cmp_position(a, b);
}

/* Sorts r by rank, then name; hands up to max topics to *out. */
static size_t
rank_and_emit(struct ranked *r, size_t n, size_t max, const struct topic ***out)
{
	UErrorCode st = U_ZERO_ERROR;
	/* Loading the collator costs more than the rest of a lookup: only
	 * a list of several topics needs it. */
	UCollator *coll = n > 1 ? ucol_open("root", &st) : NULL;

	if (U_FAILURE(st))
		coll = NULL;
	for (size_t i = 0; i < n; i++)
		sort_key(coll, &r[i]);
	if (coll)
		ucol_close(coll);
	qsort(r, n, sizeof(*r), cmp_ranked);
	for (size_t i = 0; i < n; i++)
		free(r[i].key);
	if (n > max)
		n = max;
	*out = n ? xmalloc(n * sizeof(**out)) : NULL;
	for (size_t i = 0; i < n; i++)
		(*out)[i] = r[i].t;
	return n;
}

static int
cmp_by_name(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int c = strcmp(a->t->folded, b->t->folded);

	return c ? c : cmp_position(a, b);
}

/* Name, then where it was found (culture, root), then module. */
static int
cmp_by_name_module(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int c = strcmp(a->t->folded, b->t->folded);

	if (c == 0 && a->t->chain_index != b->t->chain_index)
		c = a->t->chain_index < b->t->chain_index ? -1 : 1;
	if (c == 0 && a->t->root_index != b->t->root_index)
		c = a->t->root_index < b->t->root_index ? -1 : 1;
	if (c == 0)
		c = cmp_module(a->t, b->t);
	return c ? c : cmp_position(a, b);
}

/*
 * Keeps the first entry in index order (best culture, then first root)
 * of each name, or of each name and module when by_module.
 */
static size_t
keep_first(struct ranked *r, size_t n, bool by_module)
{
	size_t k = 0, first = 0;

	qsort(r, n, sizeof(*r), by_module ? cmp_by_name_module : cmp_by_name);
	for (size_t i = 0; i < n; i++) {
		if (k && strcmp(r[first].t->folded, r[i].t->folded) == 0) {
			/* Same name: another module of the same root and
			 * culture is a second topic; anything from a later
			 * root or worse culture is hidden, as PowerShell takes
			 * the first help file it finds. */
			const struct topic *a = r[first].t, *b = r[i].t;
			if (!by_module || cmp_module(r[k - 1].t, b) == 0 ||
			    a->chain_index != b->chain_index ||
			    a->root_index != b->root_index)
				continue;
		} else {
			first = k;
		}
		r[k++] = r[i];
	}
	return k;
}

/* ---- finding topics ---- */

static size_t
match_exact(const struct topic_index *idx, const char *folded, struct ranked *r)
{
	size_t n = 0;

	for (size_t i = 0; i < idx->n; i++)
		if (strcmp(idx->v[i].folded, folded) == 0)
			r[n++].t = &idx->v[i];
	return n;
}

static size_t
match_wildcard(const struct topic_index *idx, const char *pattern,
	       struct ranked *r)
{
	struct wildcard w;
	size_t n = 0;

	wildcard_compile(&w, pattern);
	for (size_t i = 0; i < idx->n; i++)
		if (wildcard_match(&w, idx->v[i].name))
			r[n++].t = &idx->v[i];
	wildcard_release(&w);
	return n;
}

/* PowerShell's decorated search: name* with a '-', else *name*. */
static size_t
match_decorated(const struct topic_index *idx, const char *folded,
		struct ranked *r)
{
	bool prefix = strchr(folded, '-') != NULL;
	size_t len = strlen(folded), n = 0;

	for (size_t i = 0; i < idx->n; i++) {
		const char *f = idx->v[i].folded;
		if (prefix ? strncmp(f, folded, len) == 0
			   : strstr(f, folded) != NULL)
			r[n++].t = &idx->v[i];
	}
	return n;
}

size_t
topic_index_find(const struct topic_index *idx, const char *name,
		 const struct topic ***out)
{
	struct ranked *r;
	char *folded;
	size_t n;

	*out = NULL;
	if (!idx || idx->n == 0 || !name || !*name)
		return 0;
	folded = fold_case(name);
	r = xcalloc(idx->n, sizeof(*r));
	n = match_exact(idx, folded, r);
	if (n == 0 && wildcard_has_wildcard(name))
		n = match_wildcard(idx, name, r);
	else if (n == 0)
		n = match_decorated(idx, folded, r);
	free(folded);
	n = keep_first(r, n, true);
	for (size_t i = 0; i < n; i++)
		r[i].rank = (size_t)r[i].t->category;
	n = rank_and_emit(r, n, n, out);
	free(r);
	return n;
}

/* u is t's page in culture, in a module folder of the same name
   (exactly so with `exact`, else in any case), in the same root. */
static bool
same_page_in(const struct topic *u, const struct topic *t,
	     const char *culture, bool exact)
{
	/* A translation's source sits in the same root: a page of the
	 * same name elsewhere may describe something else. */
	if (u->root_index != t->root_index ||
	    strcasecmp(u->culture, culture) != 0 ||
	    strcmp(u->folded, t->folded) != 0)
		return false;
	if (!t->module)
		return true;
	if (!u->module)
		return false;
	return exact ? strcmp(u->module, t->module) == 0
		     : strcasecmp(u->module, t->module) == 0;
}

/* A module folder of exactly the translation's name comes first: the
   named index probes that folder and reads others only without it. */
const struct topic *
topic_index_in_culture(const struct topic_index *idx, const struct topic *t,
		       const char *culture)
{
	if (!idx || !t || !culture)
		return NULL;
	for (int exact = 1; exact >= 0; exact--)
		for (size_t i = 0; i < idx->n; i++)
			if (same_page_in(&idx->v[i], t, culture, exact))
				return &idx->v[i];
	return NULL;
}

/* ---- suggestions ---- */

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/*
 * Optimal string alignment distance (edits plus adjacent swaps), or
 * limit + 1 once it must exceed limit.  Row minima never decrease, so a
 * row above the limit ends the work early.
 */
static size_t
osa_distance(const int32_t *a, size_t n, const int32_t *b, size_t m,
	     size_t limit)
{
	size_t *rows, *pp, *p, *c, d;

	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	rows = xmalloc(3 * (m + 1) * sizeof(*rows));
	pp = rows, p = rows + m + 1, c = rows + 2 * (m + 1);
	for (size_t j = 0; j <= m; j++)
		p[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t row_min = i, *tmp;
		c[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v =
				min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > limit) {
			free(rows);
			return limit + 1;
		}
		tmp = pp, pp = p, p = c, c = tmp;
	}
	d = p[m];
	free(rows);
	return d;
}

size_t
topic_index_suggest(const struct topic_index *idx, const char *name, size_t max,
		    const struct topic ***out)
{
	struct ranked *r;
	size_t qn, limit, n = 0;
	int32_t *q;
	char *folded;

	*out = NULL;
	if (!idx || idx->n == 0 || !name || !*name || max == 0)
		return 0;
	folded = fold_case(name);
	q = utf8_decode_all(folded, &qn);
	free(folded);
	limit = qn / 3 > 2 ? qn / 3 : 2;
	r = xcalloc(idx->n, sizeof(*r));
	for (size_t i = 0; i < idx->n; i++) {
		size_t tn, d;
		int32_t *t = utf8_decode_all(idx->v[i].folded, &tn);
		d = osa_distance(q, qn, t, tn, limit);
		free(t);
		if (d <= limit) {
			r[n].t = &idx->v[i];
			r[n++].rank = d;
		}
	}
	free(q);
	n = keep_first(r, n, false);
	n = rank_and_emit(r, n, max, out);
	free(r);
	return n;
}
