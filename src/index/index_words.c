/* SPDX-License-Identifier: MIT */
/*
 * The words of a text as the index sees them: ICU word boundaries (with
 * its dictionaries for Chinese, Japanese, Thai...), then Unicode case
 * folding in which the four Turkish i's (I, i, dotted İ, dotless ı) are
 * one letter, so that a search finds a word however it was capitalised
 * in Turkish or in any other language.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "index_internal.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Longer words are not words a user types: not indexed. */
#define MAX_WORD_UNITS 128

/* UTF-16 of text, and the byte offset where each unit's code point starts. */
struct u16text {
	UChar *u;
	size_t *at; /* n + 1 entries */
	int32_t n;
};

/* Short pieces (most of what the fast path leaves) are converted on the
   stack: UTF-16 units and their offsets. */
#define SHORT_PIECE 256
struct u16stack {
	UChar u[SHORT_PIECE + 1];
	size_t at[SHORT_PIECE + 2];
};

static void
u16_from_utf8(struct u16text *t, const char *s, size_t len,
	      struct u16stack *small)
{
	if (len <= SHORT_PIECE) {
		t->u = small->u;
		t->at = small->at;
	} else {
		t->u = xcalloc(len + 1, sizeof(*t->u));
		t->at = xcalloc(len + 2, sizeof(*t->at));
	}
	t->n = 0;
	size_t i = 0;
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || cp < 0 || cp > 0x10FFFF)
			k = k ? k : 1, cp = 0xFFFD;
		if (cp > 0xFFFF) {
			t->at[t->n] = i;
			t->u[t->n++] = (UChar)U16_LEAD(cp);
			t->at[t->n] = i;
			t->u[t->n++] = (UChar)U16_TRAIL(cp);
		} else {
			t->at[t->n] = i;
			t->u[t->n++] = (UChar)cp;
		}
		i += k;
	}
	t->at[t->n] = len;
}

/* One break iterator for the process: opening one loads its rules. */
static UBreakIterator *
word_breaker(const UChar *u, int32_t n)
{
	static UBreakIterator *bi;
	UErrorCode err = U_ZERO_ERROR;
	if (bi == NULL) {
		bi = ubrk_open(UBRK_WORD, "", u, n, &err);
		if (U_FAILURE(err))
			bi = NULL;
		return bi;
	}
	ubrk_setText(bi, u, n, &err);
	return U_FAILURE(err) ? NULL : bi;
}

/*
 * Folds u[0..n) into out (UTF-8): I, İ and ı become i first, and the
 * combining dot a decomposed İ leaves after its i is dropped.
 */
static bool
fold_word(const UChar *u, int32_t n, struct strbuf *out)
{
	UChar pre[MAX_WORD_UNITS], folded[3 * MAX_WORD_UNITS];
	UErrorCode err = U_ZERO_ERROR;
	int32_t k = 0;

	for (int32_t i = 0; i < n; i++) {
		UChar c = u[i];
		if (c == 0x0130 || c == 0x0131)
			c = 'i';
		if (c == 0x0307 && k > 0 && (pre[k - 1] == 'i' || pre[k - 1] == 'I'))
			continue;
		pre[k++] = c;
	}
	int32_t m = u_strFoldCase(folded, 3 * MAX_WORD_UNITS, pre, k,
				  U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err) || m <= 0)
		return false;
	/* folding may make a dot (U+0130 was handled; others stay) */
	int32_t w = 0;
	for (int32_t i = 0; i < m; i++)
		if (!(folded[i] == 0x0307 && w > 0 && folded[w - 1] == 'i'))
			folded[w++] = folded[i];
	char buf[4 * 3 * MAX_WORD_UNITS];
	int32_t blen = 0;
	err = U_ZERO_ERROR;
	u_strToUTF8(buf, (int32_t)sizeof(buf), &blen, folded, w, &err);
	if (U_FAILURE(err))
		return false;
	strbuf_reset(out);
	strbuf_add(out, buf, (size_t)blen);
	return true;
}

/* An ASCII word folds to its lower case (what u_strFoldCase gives, and
   the Turkish I is i anyway): most words, without ICU's case mapping. */
static bool
fold_ascii(const char *s, size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	strbuf_reset(out);
	strbuf_add(out, s, n);
	for (size_t i = 0; i < n; i++)
		if (out->buf[i] >= 'A' && out->buf[i] <= 'Z')
			out->buf[i] = (char)(out->buf[i] - 'A' + 'a');
	return true;
}

size_t
index_fold_latin1(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if ((b | 0x20) < 'a' || (b | 0x20) > 'z')
				return 0;
			out[k++] = (char)(b | 0x20);
			continue;
		}
		/* U+00C0..U+00FF are C3 80..C3 BF; × and ÷ are no letters */
		unsigned char t = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (b != 0xC3 || t < 0x80 || t > 0xBF || t == 0x97 || t == 0xB7)
			return 0;
		i++;
		if (t == 0x9F) { /* ß: full case folding gives "ss" */
			out[k++] = 's';
			out[k++] = 's';
			continue;
		}
		if (t <= 0x9E) /* À..Þ to à..þ */
			t += 0x20;
		out[k++] = (char)0xC3;
		out[k++] = (char)t;
	}
	return k;
}

/* The words of text[from..to) by ICU's word breaks; offsets in text. */
static int
icu_words(const char *text, size_t from, size_t to, index_word_fn *fn,
	  void *cookie)
{
	struct u16text t;
	struct u16stack small;
	struct strbuf word = STRBUF_INIT;
	const char *piece = text + from;
	int rc = 0;

	u16_from_utf8(&t, piece, to - from, &small);
	strbuf_init(&word);
	UBreakIterator *bi = word_breaker(t.u, t.n);
	int32_t start = bi ? ubrk_first(bi) : UBRK_DONE;
	for (int32_t end; bi && rc == 0 && (end = ubrk_next(bi)) != UBRK_DONE;
	     start = end) {
		/* spaces and punctuation have the status "none" */
		if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT ||
		    end - start > MAX_WORD_UNITS)
			continue;
		if (fold_ascii(piece + t.at[start], t.at[end] - t.at[start],
			       &word) ||
		    fold_word(t.u + start, end - start, &word))
			rc = fn(cookie, word.buf, word.len, from + t.at[start],
				from + t.at[end]);
	}
	strbuf_release(&word);
	/* the iterator must not keep pointing into t.u */
	if (bi) {
		UErrorCode err = U_ZERO_ERROR;
		ubrk_setText(bi, NULL, 0, &err);
	}
	if (t.u != small.u) {
		free(t.u);
		free(t.at);
	}
	return rc;
}

/* The one word of a text, folded. */
struct one_word {
	struct strbuf *out;
	size_t n;
};

static int
take_word(void *cookie, const char *folded, size_t len, size_t start,
	  size_t end)
{
	struct one_word *o = cookie;
	if (o->n++ == 0) {
		strbuf_reset(o->out);
		strbuf_add(o->out, folded, len);
	}
	return 0;
}

bool
index_fold_text(const char *s, size_t n, struct strbuf *out)
{
	/* through icu_words(), whose helpers stay inlined in it */
	struct one_word o = { out, 0 };
	if (fold_ascii(s, n, out))
		return true;
	icu_words(s, 0, n, take_word, &o);
	return o.n == 1;
}

/*
 * The fast path.  In ICU's word rules (UAX #29), ASCII white space and
 * the ASCII punctuation of the class Other (all but . , ; : ' " _, and @,
 * which ICU takes for a letter) are
 * boundaries on both sides, whatever is around them; between two such
 * delimiters, letters, digits and _ are one word, and . , ; : ' " before
 * or after it are no part of it (they join only what is on both sides).
 * So such pieces are words without ICU, and only the pieces between them
 * that hold anything else (". : , ; ' \"" inside a word, other scripts)
 * go to ICU, each stretch of them at once.  tests/index proves it the
 * same as ICU alone (PSHELP_INDEX_WORDS=icu) over pages and random text.
 */
enum ascii_class { A_OTHER, A_DELIM, A_WORD, A_MID };

static unsigned char ascii_class[128];

static void
ascii_classes(void)
{
	for (int c = 0; c < 128; c++)
		ascii_class[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
					 (c >= '0' && c <= '9') || c == '_' ||
					 c == '@' /* a letter in ICU's rules */
				 ? A_WORD
			 : strchr(".,;:'\"", c) && c ? A_MID
						      : A_DELIM;
}

static enum ascii_class
class_of(unsigned char c)
{
	return c < 128 ? (enum ascii_class)ascii_class[c] : A_OTHER;
}

static bool
icu_only(void)
{
	static int only = -1;
	if (only < 0) {
		const char *v = getenv("PSHELP_INDEX_WORDS");
		only = v && strcmp(v, "icu") == 0;
		ascii_classes();
	}
	return only;
}

/* An ASCII run of letters, digits, _ and @, folded (to lower case). */
static int
ascii_word(const char *text, size_t start, size_t end, index_word_fn *fn,
	   void *cookie)
{
	char w[MAX_WORD_UNITS + 1];
	size_t n = end - start;
	if (n > MAX_WORD_UNITS)
		return 0; /* as ICU's path: not a word a user types */
	for (size_t i = 0; i < n; i++) {
		char c = text[start + i];
		w[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	w[n] = '\0';
	return fn(cookie, w, n, start, end);
}

/* Whether text[start..end) (no delimiters) is marks, one word of ASCII
   letters, digits, _ and @ with one that is not _, then marks; the
   word's bytes in *ws, *we. */
static bool
simple_piece(const char *text, size_t start, size_t end, size_t *ws,
	     size_t *we)
{
	size_t i = start;
	bool alnum = false;
	while (i < end && class_of((unsigned char)text[i]) == A_MID)
		i++;
	*ws = i;
	for (; i < end && class_of((unsigned char)text[i]) == A_WORD; i++)
		alnum = alnum || text[i] != '_';
	*we = i;
	while (i < end && class_of((unsigned char)text[i]) == A_MID)
		i++;
	return i == end && alnum;
}

int
index_words(const char *text, size_t len, index_word_fn *fn, void *cookie)
{
	size_t i = 0, slow_from = 0, slow_to = 0;
	int rc = 0;

	if (len == 0 || len > INT32_MAX / 2)
		return 0;
	if (icu_only())
		return icu_words(text, 0, len, fn, cookie);
	while (rc == 0 && i < len) {
		if (class_of((unsigned char)text[i]) == A_DELIM) {
			i++;
			continue;
		}
		size_t start = i, ws, we;
		while (i < len && class_of((unsigned char)text[i]) != A_DELIM)
			i++;
		if (!simple_piece(text, start, i, &ws, &we)) {
			if (slow_to == 0)
				slow_from = start;
			slow_to = i;
			continue;
		}
		if (slow_to > 0)
			rc = icu_words(text, slow_from, slow_to, fn, cookie);
		slow_to = 0;
		if (rc == 0)
			rc = ascii_word(text, ws, we, fn, cookie);
	}
	if (rc == 0 && slow_to > 0)
		rc = icu_words(text, slow_from, slow_to, fn, cookie);
	return rc;
}

/* ---- the slow path's matching ---- */

struct words {
	char **v;
	size_t n, cap;
};

static int
collect_word(void *cookie, const char *folded, size_t len, size_t start,
	     size_t end)
{
	struct words *ws = cookie;
	ws->v = xgrow(ws->v, &ws->cap, ws->n + 1, sizeof(*ws->v));
	ws->v[ws->n++] = xstrndup(folded, len);
	return 0;
}

static void
words_release(struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->v[i]);
	free(ws->v);
	memset(ws, 0, sizeof(*ws));
}

static size_t
count_phrase(const struct index_term *t, const struct words *ws)
{
	size_t hits = 0;
	for (size_t i = 0; t->n && i + t->n <= ws->n; i++) {
		size_t k = 0;
		for (; k < t->n; k++) {
			bool last = k + 1 == t->n;
			const char *a = ws->v[i + k], *b = t->w[k];
			if (last && t->prefix ? strncmp(a, b, strlen(b)) != 0
					      : strcmp(a, b) != 0)
				break;
		}
		hits += k == t->n;
	}
	return hits;
}

static int
count_word(void *cookie, const char *folded, size_t len, size_t start,
	   size_t end)
{
	(*(size_t *)cookie)++;
	return 1; /* one is enough */
}

/* The piece's words as a term, unless it has none. */
static void
add_term(struct index_terms *ts, const char *piece, size_t len, bool prefix)
{
	struct words tw = { 0 };
	index_words(piece, len, collect_word, &tw);
	if (tw.n == 0)
		words_release(&tw);
	else
		ts->v[ts->n++] = (struct index_term){ tw.v, tw.n, prefix };
}

void
index_terms_of(const char *words, struct index_terms *ts)
{
	memset(ts, 0, sizeof(*ts));
	for (const char *p = words; *p;) {
		size_t n = strcspn(p, " \t\r\n");
		if (n == 0) {
			p++;
			continue;
		}
		bool prefix = p[n - 1] == '*';
		size_t len = prefix ? n - 1 : n, found = 0;
		if (ts->n < INDEX_MAX_TERMS) {
			add_term(ts, p, len, prefix);
		} else {
			index_words(p, len, count_word, &found);
			ts->more |= found > 0;
		}
		p += n;
	}
}

void
index_terms_release(struct index_terms *ts)
{
	for (size_t i = 0; i < ts->n; i++) {
		for (size_t k = 0; k < ts->v[i].n; k++)
			free(ts->v[i].w[k]);
		free(ts->v[i].w);
	}
	ts->n = 0;
}

bool
index_text_count(const char *words, const char *name, const char *synopsis,
		 const char *body, struct index_text_counts *c)
{
	const char *cols[3] = { name, synopsis, body };
	const double weight[3] = { 10.0, 5.0, 1.0 };
	struct words col[3] = { { 0 } };
	struct index_terms ts;
	bool all = true;

	memset(c, 0, sizeof(*c));
	index_terms_of(words, &ts);
	for (int k = 0; k < 3; k++) {
		if (cols[k])
			index_words(cols[k], strlen(cols[k]), collect_word,
				    &col[k]);
		c->tokens += (double)col[k].n;
	}
	c->nterms = ts.n;
	for (size_t i = 0; i < ts.n; i++) {
		size_t hits = 0;
		for (int k = 0; k < 3; k++) {
			size_t h = count_phrase(&ts.v[i], &col[k]);
			hits += h;
			c->freq[i] += weight[k] * (double)h;
		}
		all = all && hits > 0;
	}
	for (int k = 0; k < 3; k++)
		words_release(&col[k]);
	bool matched = ts.n > 0 && !ts.more && all;
	index_terms_release(&ts);
	return matched;
}

double
index_bm25(const struct index_text_counts *c, double rows, double avg_tokens,
	   const double *having)
{
	const double k1 = 1.2, b = 0.75;
	double score = 0;
	if (avg_tokens <= 0)
		avg_tokens = 1;
	for (size_t i = 0; i < c->nterms; i++) {
		double idf = log((rows - having[i] + 0.5) / (having[i] + 0.5));
		if (idf <= 0)
			idf = 1e-6; /* as FTS5: a word most rows have */
		score += idf * (c->freq[i] * (k1 + 1)) /
			 (c->freq[i] +
			  k1 * (1 - b + b * c->tokens / avg_tokens));
	}
	return score;
}

/* ---- snippets ---- */

#define SNIPPET_BEFORE 3 /* words before the match */
#define SNIPPET_WORDS 12
#define SNIPPET_MAX_BYTES 400

struct snip {
	const struct index_terms *ts;
	bool parts; /* a compound's part matches (in the word) */
	size_t start[SNIPPET_BEFORE + 1]; /* ring of the last word starts */
	size_t seen, end, from;
	size_t base;   /* where the piece of text read starts */
	bool finished; /* enough words after the match */
	size_t hit; /* words seen when the match was, or 0 */
};

static bool
first_word_matches(const struct index_term *t, const char *w, size_t len)
{
	size_t k = strlen(t->w[0]);
	if (t->n == 1 && t->prefix)
		return len >= k && memcmp(w, t->w[0], k) == 0;
	return len == k && memcmp(w, t->w[0], k) == 0;
}

/* Whether the first word of a term is in w: a part of a compound, as
   the index found it (the word list itself is not read for a snippet). */
static bool
inside_word(const struct index_term *t, const char *w, size_t len)
{
	size_t k = strlen(t->w[0]);
	for (size_t i = 0; t->n == 1 && k > 0 && i + k <= len && k < len; i++)
		if (w[i] == t->w[0][0] && memcmp(w + i, t->w[0], k) == 0)
			return true;
	return false;
}

static int
snip_word(void *cookie, const char *folded, size_t len, size_t start,
	  size_t end)
{
	struct snip *s = cookie;
	s->start[s->seen % (SNIPPET_BEFORE + 1)] = s->base + start;
	s->seen++;
	s->end = s->base + end;
	for (size_t i = 0; !s->hit && i < s->ts->n; i++)
		if (first_word_matches(&s->ts->v[i], folded, len) ||
		    (s->parts && inside_word(&s->ts->v[i], folded, len))) {
			/* the ring holds this word and the ones before */
			size_t first = s->seen > SNIPPET_BEFORE
					       ? s->seen - SNIPPET_BEFORE
					       : 1;
			s->hit = s->seen;
			s->from = s->start[(first - 1) % (SNIPPET_BEFORE + 1)];
		}
	return s->hit && s->seen - s->hit >= SNIPPET_WORDS - SNIPPET_BEFORE - 1;
}

char *
index_text_snippet(const char *words, const char *text)
{
	return index_text_snippet_in(NULL, words, text);
}

char *
index_text_snippet_in(const char *culture, const char *words, const char *text)
{
	struct index_terms ts;
	struct snip s = { .ts = &ts };
	size_t len = text ? strlen(text) : 0;

	index_terms_of(words, &ts);
	/* a German page's "Remotesitzung" for "Sitzung" */
	s.parts = index_compound_language(culture) != NULL;
	/* the match is mostly near the start: the text is read in growing
	   pieces, each cut after a space (a word break in every script) */
	for (size_t piece = 2048, done = 0; ts.n && !s.finished && done < len;
	     piece *= 4) {
		size_t cut = piece < len ? piece : len;
		while (cut < len && cut > done && text[cut - 1] != ' ' &&
		       text[cut - 1] != '\n')
			cut--;
		if (cut <= done)
			cut = piece < len ? piece : len;
		s.base = done;
		s.finished = index_words(text + done, cut - done, snip_word,
					 &s) != 0;
		done = cut;
	}
	index_terms_release(&ts);
	if (!s.hit)
		return NULL;
	size_t from = s.from, to = s.end;
	if (to - from > SNIPPET_MAX_BYTES) {
		to = from + SNIPPET_MAX_BYTES;
		while (to > from && ((unsigned char)text[to] & 0xC0) == 0x80)
			to--; /* not inside a character */
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (from > 0)
		strbuf_addstr(&sb, "\xe2\x80\xa6");
	for (size_t i = from; i < to; i++)
		strbuf_addch(&sb, text[i] == '\n' || text[i] == '\t' ||
					  text[i] == '\r'
				  ? ' '
				  : text[i]);
	if (to < len)
		strbuf_addstr(&sb, "\xe2\x80\xa6");
	return strbuf_detach(&sb, NULL);
}
