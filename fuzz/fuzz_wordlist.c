/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the word lists that split German and Swedish
 * compounds (index_compounds_load_mem in src/index/index_compound.c, which
 * index_compounds_load calls with the file's bytes).  The input's first
 * byte chooses the language (even: German, odd: Swedish, a Latin-1 list),
 * the rest is the list.  Then a few fixed compounds and the input's first
 * words are split: every part is a piece of the folded word at a letter
 * boundary, not the word itself, of at least the language's letters of a
 * part, and no two are the same; there are at most MAX_PARTS.
 *
 * The input's text is also a page searched without the index for its
 * first line's words, in the language's culture (with the system's list,
 * read once): counted with the parts of its compounds, as
 * index_text_count_in does, it has the words and terms that
 * index_text_count finds, and every term at least as often.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "index_internal.h"
#include "strbuf.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PARTS 24 /* as index_compound.c */
#define MAX_WORDS 64 /* of the input, split */

#define check(x) ((x) ? (void)0 : abort())

/* The word split now and its parts so far; the input's words split. */
struct seen {
	const struct index_compounds *c;
	const char *text;
	int words;
	const char *w;
	size_t len;
	const char *part[MAX_PARTS + 1];
	size_t plen[MAX_PARTS + 1];
	int n;
};

static size_t
letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		int32_t cp;
		size_t m = utf8_decode(s + i, n - i, &cp);
		i += m ? m : 1;
	}
	return k;
}

static int
take_part(void *cookie, const char *part, size_t len)
{
	struct seen *s = cookie;
	check(s->n < MAX_PARTS);
	/* a piece of the word itself, starting at a letter */
	check(part >= s->w && len > 0 && len < s->len &&
	      (size_t)(part - s->w) + len <= s->len);
	check(((unsigned char)part[0] & 0xC0) != 0x80);
	size_t end = (size_t)(part - s->w) + len;
	check(end == s->len || ((unsigned char)s->w[end] & 0xC0) != 0x80);
	check(letters(part, len) >=
	      (size_t)index_compound_min_part(s->c));
	for (int i = 0; i < s->n; i++)
		check(s->plen[i] != len || memcmp(s->part[i], part, len) != 0);
	s->part[s->n] = part;
	s->plen[s->n++] = len;
	return 0;
}

static void
split(struct seen *s, const char *folded, size_t len, const char *orig,
      size_t olen)
{
	s->w = folded;
	s->len = len;
	s->n = 0;
	check(index_compound_parts(s->c, folded, len, orig, olen, take_part,
				   s) == 0);
}

/* A word of the input, as the tokenizer gives it. */
static int
split_word(void *cookie, const char *folded, size_t len, size_t start,
	   size_t end)
{
	struct seen *s = cookie;
	split(s, folded, len, s->text + start, end - start);
	return ++s->words >= MAX_WORDS;
}

/* The page text[0..len) searched for its first line. */
static void
compare_counts(const char *culture, const char *text, size_t len)
{
	if (len > 4096 || memchr(text, '\0', len))
		return; /* a page's text is a C string */
	char *body = strndup(text, len);
	char *words = strndup(body, strcspn(body, "\n"));
	struct index_text_counts whole, parts;
	bool a = index_text_count(words, NULL, NULL, body, &whole);
	bool b = index_text_count_in(culture, words, NULL, NULL, body, &parts);
	check(whole.nterms == parts.nterms && whole.tokens == parts.tokens);
	for (size_t i = 0; i < whole.nterms; i++)
		check(parts.freq[i] >= whole.freq[i]);
	check(!a || b);
	free(words);
	free(body);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fixed[] = {
		"Sitzungskonfigurationsdatei", "Remotesitzung",
		"Ausführungsrichtlinie",       "Parametersatzname",
		"fjärrdatorn",		       "parameteruppsättning",
		"körningsprincipen",	       "Straßenname",
	};
	if (size == 0)
		return 0;
	const char *lang = data[0] % 2 ? "sv" : "de";
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	struct index_compounds *c = index_compounds_load_mem(lang, text, len);
	check(c != NULL);
	size_t bytes, n = index_compounds_size(c, &bytes);
	/* a word takes a line of 2 bytes at least */
	check(n <= len / 2 + 1);
	struct strbuf folded = STRBUF_INIT;
	struct seen s = { .c = c, .text = text };
	strbuf_init(&folded);
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		size_t olen = strlen(fixed[i]);
		check(index_fold_text(fixed[i], olen, &folded));
		split(&s, folded.buf, folded.len, fixed[i], olen);
	}
	strbuf_release(&folded);
	/* the list's own words (a UTF-8 list's; a Latin-1 list's bytes are
	   no UTF-8 text), compounds of its words among them */
	if (utf8_first_invalid(text, len) == len) {
		index_words(text, len, split_word, &s);
		compare_counts(data[0] % 2 ? "sv-SE" : "de-DE", text, len);
	}
	index_compounds_free(c);
	return 0;
}
