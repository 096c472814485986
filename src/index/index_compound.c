/* SPDX-License-Identifier: MIT */
/*
 * Compound words: a German "Sitzungskonfigurationsdatei" is one word to
 * ICU, but a user searches for "Sitzung", "Konfiguration" or "Datei".
 * The tokenizer gives FTS5 the parts of a word of a German (or Swedish)
 * row as colocated tokens, found with the word list of a Debian package
 * (wngerman, wswedish), read once and at the first such row.
 *
 * A word splits into a known head (its last part, the longest known one
 * first) and a modifier before it, which is a known word, the same with
 * a linking element (Sitzung-s-, Bund-es-) taken off, or itself such a
 * compound.  Parts have at least 4 letters (Swedish 5), so "Konfiguration"
 * gives no "Ration" (its "Konfigu" is no word).  A capitalised word that
 * is not in the list and is no such compound, "Remotesitzung", gives its
 * known noun head when at least 3 letters come before it; in Swedish,
 * whose nouns are small, a known head of 6 letters after 4 ("fjärr-
 * datorn").  Words of other shapes (CamelCase, capitals) are names or
 * English: "Configuration" is in no list, but no "ration" of it.
 *
 * A search without the index counts a German or Swedish page's words
 * with the same parts (index_text_count_in, at the end), so that it
 * finds what the index finds.
 */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"
#include "index_internal.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_LETTERS 128 /* as the longest word the index takes */
#define MAX_PARTS 24
#define MAX_LOOKUPS 2048 /* a word's budget: the search is bounded */

struct compound_lang {
	const char *code; /* a culture's language: "de" of "de-AT" */
	const char *file; /* in the dictionary folder */
	bool latin1;	  /* the list's encoding; else UTF-8 */
	int min_part;	  /* letters of a part */
	/* an unknown word's head: the shapes of word that have one
	   (capitalised, small letters only), the letters before it and
	   of it, whether it must be a noun (capitalised in the list) */
	bool capital_heads, small_heads;
	int min_rest, min_head;
	bool noun_heads;
	const char *const *links; /* linking elements, longest first */
};

static const char *const de_links[] = { "es", "en", "s", "n", "e", NULL };
static const char *const sv_links[] = { "s", NULL };

static const struct compound_lang langs[] = {
	{ "de", "ngerman", false, 4, true, false, 3, 4, true, de_links },
	/* wswedish has many short words that end others: "para", "ande"
	   would split "parameter", "följande" */
	{ "sv", "swedish", true, 5, true, true, 4, 6, false, sv_links },
};
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* A word list: the folded words in text (each: flags, length, bytes) and
   an open-addressing table of their offsets + 1 (0: empty). */
#define WORD_NOUN 1u
struct index_compounds {
	const struct compound_lang *lang;
	char *text;
	size_t len, cap;
	uint32_t *slot;
	size_t mask, n;
};

static uint32_t
hash_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The entry of s[0..n) in c's table, or its empty slot. */
static uint32_t *
slot_of(const struct index_compounds *c, const char *s, size_t n)
{
	for (size_t i = hash_of(s, n) & c->mask;; i = (i + 1) & c->mask) {
		uint32_t at = c->slot[i];
		if (at == 0)
			return &c->slot[i];
		const unsigned char *e =
			(const unsigned char *)c->text + at - 1;
		if (e[1] == n && memcmp(e + 2, s, n) == 0)
			return &c->slot[i];
	}
}

static void
grow_table(struct index_compounds *c)
{
	size_t cap = c->mask ? 2 * (c->mask + 1) : 1024;
	uint32_t *old = c->slot;
	size_t oldcap = c->mask ? c->mask + 1 : 0;
	c->slot = xcalloc(cap, sizeof(*c->slot));
	c->mask = cap - 1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i]) {
			const char *e = c->text + old[i] - 1;
			*slot_of(c, e + 2, (unsigned char)e[1]) = old[i];
		}
	free(old);
}

static void
add_word(struct index_compounds *c, const char *w, size_t n, bool noun)
{
	if (n == 0 || n > 255 || c->len + n + 2 >= UINT32_MAX)
		return;
	if ((c->n + 1) * 10 > (c->mask + 1) * 7)
		grow_table(c);
	uint32_t *s = slot_of(c, w, n);
	if (*s) {
		/* "Folge" and "folge": a noun when one of them is */
		if (noun)
			c->text[*s - 1] |= WORD_NOUN;
		return;
	}
	c->text = xgrow(c->text, &c->cap, c->len + n + 2, 1);
	c->text[c->len] = (char)(noun ? WORD_NOUN : 0);
	c->text[c->len + 1] = (char)n;
	memcpy(c->text + c->len + 2, w, n);
	*s = (uint32_t)c->len + 1;
	c->len += n + 2;
	c->n++;
}

/* Whether the word is letters only (no digits, no punctuation). */
static bool
letters_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80 && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))
			return false;
	}
	return true;
}

static int32_t
first_cp(const char *s, size_t n)
{
	int32_t cp = -1;
	if (n)
		utf8_decode(s, n, &cp);
	return cp;
}

#define MAX_ENTRY 255 /* bytes of a word in the list */

static void
add_line(struct index_compounds *c, const char *line, size_t n,
	 struct strbuf *folded)
{
	char utf8[2 * MAX_ENTRY], fold[4 * MAX_ENTRY];
	if (n == 0 || n > MAX_ENTRY)
		return;
	if (c->lang->latin1) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char b = (unsigned char)line[i];
			if (b < 0x80) {
				utf8[k++] = (char)b;
			} else {
				utf8[k++] = (char)(0xC0 | b >> 6);
				utf8[k++] = (char)(0x80 | (b & 0x3F));
			}
		}
		line = utf8;
		n = k;
	}
	const char *w = fold;
	size_t len = index_fold_latin1(line, n, fold);
	if (len == 0) {
		/* letters only (no NUL), valid UTF-8 (a Latin-1 list's is) */
		if (!letters_only(line, n) || utf8_first_invalid(line, n) != n ||
		    !index_fold_text(line, n, folded))
			return;
		w = folded->buf;
		len = folded->len;
	}
	/* a capitalised entry is a noun (in German) */
	add_word(c, w, len, first_cp(line, n) != first_cp(w, len));
}

/* The language named code, or NULL. */
static const struct compound_lang *
lang_named(const char *code)
{
	for (size_t i = 0; code && i < NLANGS; i++)
		if (strcmp(langs[i].code, code) == 0)
			return &langs[i];
	return NULL;
}

struct index_compounds *
index_compounds_load_mem(const char *lang, const char *buf, size_t len)
{
	const struct compound_lang *l = lang_named(lang);
	if (!l || len > INDEX_COMPOUNDS_MAX_BYTES)
		return NULL;
	struct index_compounds *c = xcalloc(1, sizeof(*c));
	c->lang = l;
	/* a line's newline becomes 2 bytes; Latin-1 letters 2 each */
	if (len > 0) {
		c->cap = len * (l->latin1 ? 2 : 1) + len / 4;
		c->text = xrealloc(NULL, c->cap);
	}
	/* some 13 bytes a line: a table of the right size at once */
	c->mask = 1023;
	while ((c->mask + 1) * 7 < len / 13 * 10)
		c->mask = 2 * c->mask + 1;
	c->slot = xcalloc(c->mask + 1, sizeof(*c->slot));
	struct strbuf folded = STRBUF_INIT;
	strbuf_init(&folded);
	for (size_t from = 0; from < len;) {
		const char *nl = memchr(buf + from, '\n', len - from);
		size_t end = nl ? (size_t)(nl - buf) : len, n = end - from;
		const char *line = buf + from;
		from = end + 1;
		if (n && line[n - 1] == '\r')
			n--;
		/* lines with NUL, invalid UTF-8 or too long are skipped */
		add_line(c, line, n, &folded);
	}
	strbuf_release(&folded);
	return c;
}

struct index_compounds *
index_compounds_load(const char *lang, const char *path)
{
	char *buf;
	size_t len;
	if (!lang_named(lang))
		return NULL;
	/* a regular file only, opened without blocking (a FIFO or device
	   there is not read), and not over the limit */
	if (file_read_regular(path, INDEX_COMPOUNDS_MAX_BYTES, &buf, &len) != 0)
		return NULL;
	struct index_compounds *c = index_compounds_load_mem(lang, buf, len);
	free(buf);
	return c;
}

void
index_compounds_free(struct index_compounds *c)
{
	if (!c)
		return;
	free(c->text);
	free(c->slot);
	free(c);
}

int
index_compound_min_part(const struct index_compounds *c)
{
	return c->lang->min_part;
}

size_t
index_compounds_size(const struct index_compounds *c, size_t *bytes)
{
	*bytes = c ? c->cap + (c->mask + 1) * sizeof(*c->slot) : 0;
	return c ? c->n : 0;
}

/* ---- which list a culture uses ---- */

static const struct compound_lang *
lang_of(const char *culture)
{
	for (size_t i = 0; culture && i < NLANGS; i++) {
		size_t k = strlen(langs[i].code);
		if (strncasecmp(culture, langs[i].code, k) == 0 &&
		    (culture[k] == '\0' || culture[k] == '-' ||
		     culture[k] == '_'))
			return &langs[i];
	}
	return NULL;
}

const char *
index_compound_language(const char *culture)
{
	const struct compound_lang *l = lang_of(culture);
	return l ? l->code : NULL;
}

static const char *
dict_dir(void)
{
	const char *d = getenv("PSHELP_DICT_DIR");
	return d && *d ? d : "/usr/share/dict";
}

static char *
list_path(const struct compound_lang *l)
{
	return xasprintf("%s/%s", dict_dir(), l->file);
}

const struct index_compounds *
index_compounds_for(const char *culture)
{
	/* loaded once a process, at the first row that needs it */
	static struct index_compounds *loaded[NLANGS];
	static bool tried[NLANGS];
	const struct compound_lang *l = lang_of(culture);
	if (!l)
		return NULL;
	size_t i = (size_t)(l - langs);
	if (!tried[i]) {
		char *path = list_path(l);
		tried[i] = true;
		loaded[i] = index_compounds_load(l->code, path);
		free(path);
	}
	return loaded[i];
}

void
index_compound_signature(const char *lang, struct strbuf *out)
{
	const struct compound_lang *l = lang_of(lang);
	struct stat st;
	if (!l)
		return;
	char *path = list_path(l);
	if (stat(path, &st) == 0)
		strbuf_addf(out, "%s\t%s\t%lld\t%lld\n", l->code, path,
			    (long long)st.st_size,
			    (long long)index_mtime_ns_of(&st));
	else
		strbuf_addf(out, "%s\t%s\tmissing\n", l->code, path);
	free(path);
}

void
index_compound_folder(struct strbuf *dirs)
{
	/* the folder of the lists, or the nearest one above it that
	   exists: its mtime changes when a list comes, goes or is
	   replaced (dpkg renames) */
	char *dir = xstrdup(dict_dir());
	struct stat st;
	for (;;) {
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
			strbuf_addf(dirs, "%s\t%lld\n", dir,
				    (long long)index_mtime_ns_of(&st));
			break;
		}
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
}

/* ---- splitting ---- */

struct split {
	const struct index_compounds *c;
	const char *w;
	size_t at[MAX_LETTERS + 1]; /* byte offset of each letter */
	int n;			    /* letters */
	int lookups;
	int part[MAX_PARTS][2]; /* letter ranges */
	int nparts;
};

/* The entry of letters [a, b), or NULL. */
static const unsigned char *
known(struct split *sp, int a, int b)
{
	if (++sp->lookups > MAX_LOOKUPS)
		return NULL;
	const struct index_compounds *c = sp->c;
	uint32_t at = *slot_of(c, sp->w + sp->at[a], sp->at[b] - sp->at[a]);
	return at ? (const unsigned char *)c->text + at - 1 : NULL;
}

static void
add_part(struct split *sp, int a, int b)
{
	size_t len = sp->at[b] - sp->at[a];
	for (int i = 0; i < sp->nparts; i++) {
		int pa = sp->part[i][0], pb = sp->part[i][1];
		if (sp->at[pb] - sp->at[pa] == len &&
		    memcmp(sp->w + sp->at[pa], sp->w + sp->at[a], len) == 0)
			return;
	}
	if (sp->nparts < MAX_PARTS) {
		sp->part[sp->nparts][0] = a;
		sp->part[sp->nparts][1] = b;
		sp->nparts++;
	}
}

/* Whether letters [a, i) end in the linking element s (ASCII). */
static bool
ends_in(const struct split *sp, int i, const char *s)
{
	int k = (int)strlen(s);
	return i >= k && sp->at[i] - sp->at[i - k] == (size_t)k &&
	       memcmp(sp->w + sp->at[i - k], s, (size_t)k) == 0;
}

/* Splits letters [a, b) into known parts, adding them; false (nothing
   added) when they do not split. */
static bool
decompose(struct split *sp, int a, int b)
{
	int min = sp->c->lang->min_part;
	for (int i = a + min; i <= b - min; i++) {
		if (!known(sp, i, b))
			continue;
		/* the modifier as it is, then without a linking element */
		int ends[8], nends = 0;
		bool any = false;
		ends[nends++] = i;
		for (const char *const *l = sp->c->lang->links; *l && nends < 8;
		     l++)
			if (ends_in(sp, i, *l) &&
			    i - (int)strlen(*l) - a >= min)
				ends[nends++] = i - (int)strlen(*l);
		for (int k = 0; k < nends; k++) {
			int j = ends[k];
			if (known(sp, a, j)) {
				decompose(sp, a, j); /* its parts too */
				add_part(sp, a, j);
				any = true;
			} else if (decompose(sp, a, j)) {
				add_part(sp, a, j);
				any = true;
			}
		}
		if (any) {
			decompose(sp, i, b);
			add_part(sp, i, b);
			return true;
		}
	}
	return false;
}

/* Whether orig (folded: folded) is of a shape whose unknown words have
   heads in lang: a capital letter, then small ones only, or small
   letters only. */
static bool
head_shape(const struct compound_lang *lang, const char *orig, size_t olen,
	   const char *folded, size_t len)
{
	int32_t a, b;
	if (olen == 0)
		return false;
	size_t k = utf8_decode(orig, olen, &a);
	size_t m = utf8_decode(folded, len, &b);
	/* the rest as folded: no capital after the first letter */
	if (olen - k != len - m || memcmp(orig + k, folded + m, len - m) != 0)
		return false;
	return a != b ? lang->capital_heads : lang->small_heads;
}

/* The longest known head at the end of letters [0, b) of an unknown
   word, or -1. */
static int
unknown_head(struct split *sp, int b)
{
	const struct compound_lang *l = sp->c->lang;
	for (int i = l->min_rest; i <= b - l->min_head; i++) {
		const unsigned char *e = known(sp, i, b);
		if (e && (!l->noun_heads || (e[0] & WORD_NOUN)))
			return i;
	}
	return -1;
}

/* An unknown word: its known heads from the end ("Remotesitzungs-
   konfiguration": Konfiguration, then Sitzung), each with its parts. */
static void
known_heads(struct split *sp)
{
	int b = sp->n;
	while (b >= sp->c->lang->min_rest + sp->c->lang->min_head) {
		int end = b, i = unknown_head(sp, b);
		/* the head of the modifier may have a linking element */
		for (const char *const *l = sp->c->lang->links;
		     i < 0 && b < sp->n && *l; l++)
			if (ends_in(sp, b, *l)) {
				end = b - (int)strlen(*l);
				i = unknown_head(sp, end);
			}
		if (i < 0)
			return;
		decompose(sp, i, end);
		add_part(sp, i, end);
		b = i;
	}
}

/* The word without its last head: "Sitzungskonfiguration" of
   "Sitzungskonfigurationsdatei", whose parts end at another place. */
static void
add_modifier(struct split *sp)
{
	int head = -1;
	for (int i = 0; i < sp->nparts; i++)
		if (sp->part[i][1] == sp->n && sp->part[i][0] > head)
			head = sp->part[i][0];
	if (head < 0)
		return;
	int ends[8], nends = 0;
	ends[nends++] = head;
	for (const char *const *l = sp->c->lang->links; *l && nends < 8; l++)
		if (ends_in(sp, head, *l))
			ends[nends++] = head - (int)strlen(*l);
	for (int k = 0; k < nends; k++) {
		bool whole = false, inside = false;
		for (int i = 0; i < sp->nparts; i++) {
			whole = whole || (sp->part[i][0] == 0 &&
					  sp->part[i][1] == ends[k]);
			inside = inside || (sp->part[i][0] > 0 &&
					    sp->part[i][1] == ends[k]);
		}
		if (whole)
			return; /* a part already */
		if (inside) {
			add_part(sp, 0, ends[k]);
			return;
		}
	}
}

int
index_compound_parts(const struct index_compounds *c, const char *w, size_t len,
		     const char *orig, size_t olen, index_part_fn *fn,
		     void *cookie)
{
	struct split sp;
	int rc = 0;

	/* two parts at least; a word of letters */
	if (!c || len < 2 * (size_t)c->lang->min_part || !letters_only(w, len))
		return 0;
	sp.c = c;
	sp.w = w;
	sp.n = 0;
	for (size_t i = 0; i < len; sp.n++) {
		int32_t cp;
		if (sp.n == MAX_LETTERS)
			return 0;
		sp.at[sp.n] = i;
		i += utf8_decode(w + i, len - i, &cp);
	}
	sp.at[sp.n] = len;
	if (sp.n < 2 * c->lang->min_part)
		return 0;
	sp.lookups = 0;
	sp.nparts = 0;
	if (decompose(&sp, 0, sp.n))
		add_modifier(&sp);
	else if (head_shape(c->lang, orig, olen, w, len) &&
		 !known(&sp, 0, sp.n))
		known_heads(&sp);
	for (int i = 0; rc == 0 && i < sp.nparts; i++) {
		int a = sp.part[i][0], b = sp.part[i][1];
		if (a == 0 && b == sp.n)
			continue;
		rc = fn(cookie, w + sp.at[a], sp.at[b] - sp.at[a]);
	}
	return rc;
}

/* ---- the slow path: a German or Swedish page counted as indexed ---- */

/* A column's places: at[i] is where place i's tokens start in tokens,
   "word\0part\0...\0\0". */
struct places {
	struct strbuf tokens;
	size_t *at;
	size_t n, cap;
	const struct index_terms *ts;
	const char *culture, *text;
};

/* Whether a term's word is in w and shorter: only then can a part of w
   (a piece of it) match where w does not. */
static bool
part_could_match(const struct index_terms *ts, const char *w, size_t len)
{
	for (size_t i = 0; i < ts->n; i++)
		for (size_t j = 0; j < ts->v[i].n; j++) {
			const char *t = ts->v[i].w[j];
			size_t tl = strlen(t);
			for (size_t k = 0; tl < len && k + tl <= len; k++)
				if (w[k] == t[0] && memcmp(w + k, t, tl) == 0)
					return true;
		}
	return false;
}

static int
add_token(void *cookie, const char *part, size_t len)
{
	struct strbuf *sb = cookie;
	strbuf_add(sb, part, len);
	strbuf_addch(sb, '\0');
	return 0;
}

static int
add_place(void *cookie, const char *folded, size_t len, size_t start,
	  size_t end)
{
	struct places *pl = cookie;
	pl->at = xgrow(pl->at, &pl->cap, pl->n + 1, sizeof(*pl->at));
	pl->at[pl->n++] = pl->tokens.len;
	add_token(&pl->tokens, folded, len);
	/* the list is read here, at the first such word of the process */
	if (part_could_match(pl->ts, folded, len))
		index_compound_parts(index_compounds_for(pl->culture), folded,
				     len, pl->text + start, end - start,
				     add_token, &pl->tokens);
	strbuf_addch(&pl->tokens, '\0');
	return 0;
}

/* Whether a token of place i is w (or starts with it: prefix). */
static bool
place_has(const struct places *pl, size_t i, const char *w, bool prefix)
{
	size_t wl = strlen(w);
	for (const char *t = pl->tokens.buf + pl->at[i]; *t; t += strlen(t) + 1)
		if (prefix ? strncmp(t, w, wl) == 0 : strcmp(t, w) == 0)
			return true;
	return false;
}

/* The places where term t's phrase starts (each once, as FTS5 finds a
   phrase whichever of a place's tokens matches). */
static size_t
phrase_hits(const struct index_term *t, const struct places *pl)
{
	size_t hits = 0;
	for (size_t i = 0; i + t->n <= pl->n; i++) {
		size_t k = 0;
		for (; k < t->n; k++)
			if (!place_has(pl, i + k, t->w[k],
				       t->prefix && k + 1 == t->n))
				break;
		hits += k == t->n;
	}
	return hits;
}

bool
index_text_count_in(const char *culture, const char *words, const char *name,
		    const char *synopsis, const char *body,
		    struct index_text_counts *c)
{
	if (!index_compound_language(culture))
		return index_text_count(words, name, synopsis, body, c);
	/* as index_text_count, and the index's ranking: names 10,
	   synopses 5, text 1 */
	const char *cols[3] = { name, synopsis, body };
	const double weight[3] = { 10.0, 5.0, 1.0 };
	struct index_terms ts;
	bool all = true;

	memset(c, 0, sizeof(*c));
	index_terms_of(words, &ts);
	c->nterms = ts.n;
	double hits[INDEX_MAX_TERMS] = { 0 };
	for (int k = 0; k < 3; k++) {
		struct places pl = { STRBUF_INIT, NULL, 0, 0, &ts, culture,
				     cols[k] };
		if (cols[k])
			index_words(cols[k], strlen(cols[k]), add_place, &pl);
		c->tokens += (double)pl.n; /* parts are no words more */
		for (size_t i = 0; i < ts.n; i++) {
			size_t h = phrase_hits(&ts.v[i], &pl);
			hits[i] += (double)h;
			c->freq[i] += weight[k] * (double)h;
		}
		strbuf_release(&pl.tokens);
		free(pl.at);
	}
	for (size_t i = 0; i < ts.n; i++)
		all = all && hits[i] > 0;
	bool matched = ts.n > 0 && !ts.more && all;
	index_terms_release(&ts);
	return matched;
}
