/* SPDX-License-Identifier: MIT */
/*
 * The words of a text as the index sees them: ICU word boundaries (with
 * its dictionaries for Chinese, Japanese, Thai...), then Unicode case
 * folding in which the four Turkish i's (I, i, dotted İ, dotless ı) are
 * one letter, so that a search finds a word however it was capitalised
 * in Turkish or in any other language.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "index.h"
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

static void
u16_from_utf8(struct u16text *t, const char *s, size_t len)
{
	t->u = xcalloc(len + 1, sizeof(*t->u));
	t->at = xcalloc(len + 2, sizeof(*t->at));
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

int
index_words(const char *text, size_t len, index_word_fn *fn, void *cookie)
{
	struct u16text t;
	struct strbuf word = STRBUF_INIT;
	int rc = 0;

	if (len == 0 || len > INT32_MAX / 2)
		return 0;
	u16_from_utf8(&t, text, len);
	strbuf_init(&word);
	UBreakIterator *bi = word_breaker(t.u, t.n);
	int32_t start = bi ? ubrk_first(bi) : UBRK_DONE;
	for (int32_t end; bi && rc == 0 && (end = ubrk_next(bi)) != UBRK_DONE;
	     start = end) {
		/* spaces and punctuation have the status "none" */
		if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT ||
		    end - start > MAX_WORD_UNITS)
			continue;
		if (fold_word(t.u + start, end - start, &word))
			rc = fn(cookie, word.buf, word.len, t.at[start],
				t.at[end]);
	}
	strbuf_release(&word);
	/* the iterator must not keep pointing into t.u */
	if (bi) {
		UErrorCode err = U_ZERO_ERROR;
		ubrk_setText(bi, NULL, 0, &err);
	}
	free(t.u);
	free(t.at);
	return rc;
}

/* ---- the slow path's matching ---- */

/* A query term: its words (a phrase), the last a prefix when starred. */
struct term {
	char **w;
	size_t n;
	bool prefix;
};

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
count_phrase(const struct term *t, const struct words *ws)
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

double
index_text_score(const char *words, const char *name, const char *synopsis,
		 const char *body)
{
	const char *cols[3] = { name, synopsis, body };
	const double weight[3] = { 10.0, 5.0, 1.0 };
	struct words col[3] = { { 0 } };
	double score = 0;
	bool any = false, all = true;

	for (int c = 0; c < 3; c++)
		if (cols[c])
			index_words(cols[c], strlen(cols[c]), collect_word,
				    &col[c]);
	for (const char *p = words; *p && all;) {
		size_t n = strcspn(p, " \t\r\n");
		if (n == 0) {
			p++;
			continue;
		}
		struct term t = { 0 };
		struct words tw = { 0 };
		t.prefix = p[n - 1] == '*';
		index_words(p, t.prefix ? n - 1 : n, collect_word, &tw);
		t.w = tw.v;
		t.n = tw.n;
		if (t.n) {
			size_t hits = 0;
			double s = 0;
			for (int c = 0; c < 3; c++) {
				size_t h = count_phrase(&t, &col[c]);
				hits += h;
				s += weight[c] * (double)h;
			}
			all = hits > 0;
			score += s;
			any = true;
		}
		words_release(&tw);
		p += n;
	}
	for (int c = 0; c < 3; c++)
		words_release(&col[c]);
	return any && all ? score : 0;
}
