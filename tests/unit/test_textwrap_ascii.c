/* SPDX-License-Identifier: MIT */
/*
 * The ASCII fast path of textwrap, and its narrowed form for text with
 * Latin letters, against the ICU path they replace: the class table and
 * the letters against ICU's properties, the break opportunities against
 * every line-break rule set ICU ships (all strings of up to 5 characters
 * over one character per class and a letter, and random text), and whole
 * wraps (textwrap_force_icu) over the shared corpus, the project's own
 * pages and fixtures, and random ASCII and Latin text at every width
 * 0..120, with and without nobreak spans.  Any difference fails.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ures.h>
#include <unicode/udata.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "tap.h"
#include "textwrap.h"
#include "textwrap_ascii.h"
#include "xalloc.h"

/* One character of each class the fast path handles (tab is BA). */
static const char reps[] = " |!\"a$%()}.-/1\t";
#define NREPS (sizeof(reps) - 1)
/* The same and a narrowed letter, for the break walker. */
static const char break_reps[] = " |!\"a$%()}.-/1\t\x80";
#define NBREAK_REPS (sizeof(break_reps) - 1)

/* Locales whose wraps are compared (the fuzz target's list). */
static const char *const locales[] = { "",	     "en-US",
				       "sv-SE",	     "ja-JP",
				       "th",	     "zh-Hans-CN",
				       "ar",	     "ja@lb=strict",
				       "de-u-lb-loose", "C",
				       "en_US.UTF-8", "ko" };
#define NLOCALES (sizeof(locales) / sizeof(locales[0]))

static struct textwrap *fast[NLOCALES], *slow[NLOCALES];

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

/* ---------- break opportunities against an ICU iterator ---------- */

static int break_diffs;

/* Compares the breaks of s (ASCII or narrowed, len < 4096) with bi's
   on the text it stands for, each letter a different one. */
static void
same_breaks(UBreakIterator *bi, const char *s, size_t len)
{
	static UChar u[4096];
	UErrorCode err = U_ZERO_ERROR;
	struct tw_ascii it;

	for (size_t i = 0; i < len; i++)
		u[i] = (unsigned char)s[i] == TEXTWRAP_LETTER
			       ? (UChar)(0xC0 + i * 7 % 0x17)
			       : (unsigned char)s[i];
	ubrk_setText(bi, u, (int32_t)len, &err);
	textwrap_ascii_begin(&it, s, len);
	ubrk_first(bi);
	for (;;) {
		int32_t want = ubrk_next(bi);
		size_t got = textwrap_ascii_next(&it);
		bool done = want == UBRK_DONE;

		if (done != (got == SIZE_MAX) || (!done && (size_t)want != got)) {
			if (break_diffs++ < 10)
				printf("# breaks of '%.*s': ICU %d, fast %zu\n",
				       (int)len, s, (int)want, got);
			return;
		}
		if (done)
			return;
	}
}

/* Every string of up to maxlen characters over break_reps[]. */
static void
all_strings(UBreakIterator *bi, size_t maxlen)
{
	char s[8];
	size_t idx[8];

	for (size_t len = 0; len <= maxlen; len++) {
		memset(idx, 0, sizeof(idx));
		for (;;) {
			size_t i = 0;

			for (size_t k = 0; k < len; k++)
				s[k] = break_reps[idx[k]];
			same_breaks(bi, s, len);
			while (i < len && ++idx[i] == NBREAK_REPS)
				idx[i++] = 0;
			if (i == len)
				break;
		}
	}
}

/* Random text: mostly class representatives, some of every byte. */
static size_t
random_ascii(char *s, size_t max)
{
	size_t len = next_rand() % max;

	for (size_t i = 0; i < len; i++) {
		uint32_t r = next_rand();

		if (r % 4 == 0)
			s[i] = (char)(0x20 + r / 4 % 95);
		else
			s[i] = reps[r / 4 % NREPS];
	}
	return len;
}

static void
random_strings(UBreakIterator *bi, int n)
{
	char s[200];

	for (int i = 0; i < n; i++) {
		size_t len = random_ascii(s, sizeof(s));

		for (size_t k = 0; k < len; k++)
			if (next_rand() % 8 == 0)
				s[k] = (char)TEXTWRAP_LETTER;
		same_breaks(bi, s, len);
	}
}

TEST(class_table_is_icus)
{
	for (int c = 0; c < 128; c++) {
		int mine = textwrap_ascii_class((unsigned char)c);
		bool handled = c == '\t' || (c >= 0x20 && c < 0x7F);
		char s[1] = { (char)c };

		check_int(mine != 0, ==, handled);
		if (handled)
			check_int(mine, ==, u_getIntPropertyValue(c, UCHAR_LINE_BREAK));
		check_int(textwrap_ascii_only(s, 1), ==, handled);
		/* every ASCII byte is one cell, controls too */
		check_int(textwrap_width(s, 1), ==, 1);
	}
	check(textwrap_ascii_only("", 0));
	check(!textwrap_ascii_only("caf\xc3\xa9", 5));
	check_int(textwrap_width("abc\xc3\xa9\t\x01", 7), ==, 6);
}

/* Every letter the narrowed path takes is what it promises: class AL,
   a letter, one cell, one UTF-16 unit, a grapheme cluster of its own. */
TEST(latin_letters_are_plain_alphabetic)
{
	int letters = 0;

	for (UChar32 c = 0x80; c < 0x800; c++) {
		char s[4];
		unsigned char out[4];
		int32_t n = 0;
		bool mine = textwrap_latin_letter((uint32_t)c);

		U8_APPEND_UNSAFE(s, n, c);
		check_int(textwrap_narrow(s, (size_t)n, out) != SIZE_MAX, ==,
			  mine);
		if (!mine)
			continue;
		letters++;
		check_int(u_getIntPropertyValue(c, UCHAR_LINE_BREAK), ==,
			  U_LB_ALPHABETIC);
		check(u_isalpha(c));
		check_int(u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK),
			  ==, U_GCB_OTHER);
		/* one cell by the general rule, which the fast path skips */
		int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
		check(eaw != U_EA_WIDE && eaw != U_EA_FULLWIDTH);
		check(u_charType(c) != U_NON_SPACING_MARK &&
		      u_charType(c) != U_ENCLOSING_MARK &&
		      u_charType(c) != U_FORMAT_CHAR);
		check_int(textwrap_width(s, (size_t)n), ==, 1);
		check_int(out[0], ==, TEXTWRAP_LETTER);
	}
	check_int(letters, ==, 0x250 - 0xC0 - 2);
	/* anything else in the text: the general path */
	static const char *const other[] = {
		"\xc3\x97", "x\xc3", "\xc3x", "\xc0\x80", "\xe2\x80\x93",
		"\xc2\xa0", "a\x01", "\x7f", "e\xcc\x81", "\xf0\x9f\x98\x80"
	};
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		unsigned char out[8];

		check_int(textwrap_narrow(other[i], strlen(other[i]), out), ==,
			  SIZE_MAX);
	}
	unsigned char out[16];
	check_int(textwrap_narrow("f\xc3\xa4rg \xc5\x93", 8, out), ==, 6);
	check(memcmp(out, "f\x80rg \x80", 6) == 0);
}

/* The eight-bytes-at-a-time scans: one odd byte anywhere in a line. */
TEST(word_scans_see_every_byte)
{
	char s[19];

	for (int c = 0; c < 256; c++) {
		bool handled = c == '\t' || (c >= 0x20 && c < 0x7F);

		for (size_t at = 0; at < sizeof(s); at++) {
			memset(s, 'a', sizeof(s));
			s[at] = (char)c;
			check_int(textwrap_ascii_only(s, sizeof(s)), ==, handled);
			if (c < 0x80)
				check_int(textwrap_width(s, sizeof(s)), ==, 19);
		}
	}
	memcpy(s, "abcdefgh\xe6\x97\xa5ijklmnop", 19); /* 日, two cells */
	check_int(textwrap_width(s, 19), ==, 18);
	memcpy(s, "abcdefghijklmno\xc2\xad", 17); /* a final soft hyphen */
	check_int(textwrap_width(s, 17), ==, 16);
}

TEST(breaks_match_root_rules)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_LINE, "", NULL, 0, &err);

	check(U_SUCCESS(err));
	break_diffs = 0;
	all_strings(bi, 5);
	random_strings(bi, 20000);
	check_int(break_diffs, ==, 0);
	ubrk_close(bi);
}

/* ---------- every rule set ICU ships ---------- */

struct rule_sets {
	uint8_t **rules;
	int32_t *len;
	size_t n, cap, lencap;
};

/* Adds bi's compiled rules if they are new; true if they were. */
static bool
new_rules(struct rule_sets *rs, UBreakIterator *bi)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = ubrk_getBinaryRules(bi, NULL, 0, &err);
	uint8_t *r;

	if (U_FAILURE(err) || n <= 0)
		return false;
	r = xmalloc((size_t)n);
	err = U_ZERO_ERROR;
	ubrk_getBinaryRules(bi, r, n, &err);
	for (size_t i = 0; i < rs->n; i++)
		if (rs->len[i] == n && memcmp(rs->rules[i], r, (size_t)n) == 0) {
			free(r);
			return false;
		}
	rs->rules = xgrow(rs->rules, &rs->cap, rs->n + 1, sizeof(*rs->rules));
	rs->len = xgrow(rs->len, &rs->lencap, rs->n + 1, sizeof(*rs->len));
	rs->rules[rs->n] = r;
	rs->len[rs->n++] = n;
	return true;
}

static void
check_locale_rules(struct rule_sets *rs, const char *id)
{
	static const char *const keys[] = { "",		  "@lb=strict",
					     "@lb=normal",	  "@lb=loose",
					     "@lw=phrase",	  "@lb=loose;lw=phrase",
					     "@lb=normal;lw=phrase" };

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		char *loc = xasprintf("%s%s", id, keys[k]);
		UErrorCode err = U_ZERO_ERROR;
		UBreakIterator *bi = ubrk_open(UBRK_LINE, loc, NULL, 0, &err);

		if (U_SUCCESS(err) && new_rules(rs, bi)) {
			printf("# rule set %zu: %s\n", rs->n, loc);
			all_strings(bi, 4);
			random_strings(bi, 3000);
		}
		if (bi)
			ubrk_close(bi);
		free(loc);
	}
}

TEST(breaks_match_every_tailoring)
{
	UErrorCode err = U_ZERO_ERROR;
	UEnumeration *e = ures_openAvailableLocales(
		U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", &err);
	struct rule_sets rs = { 0 };
	const char *id;
	int nloc = 0;

	check(U_SUCCESS(err));
	break_diffs = 0;
	check_locale_rules(&rs, "");
	while (U_SUCCESS(err) && (id = uenum_next(e, NULL, &err)) != NULL) {
		check_locale_rules(&rs, id);
		nloc++;
	}
	uenum_close(e);
	printf("# %d break locales, %zu rule sets\n", nloc, rs.n);
	check_int(nloc, >, 3);
	check_int(rs.n, >, 4); /* root, ja, zh, loose, normal at least */
	check_int(break_diffs, ==, 0);
	for (size_t i = 0; i < rs.n; i++)
		free(rs.rules[i]);
	free(rs.rules);
	free(rs.len);
}

/* ---------- whole wraps: fast path against the ICU path ---------- */

static int wrap_diffs;
static long wraps_compared;

/* Spans from each opening backtick to just after its closing one. */
static size_t
code_spans(const char *s, size_t len, struct tw_span *sp)
{
	size_t n = 0, open = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '`')
			continue;
		if (!in) {
			open = i;
		} else {
			sp[n].start = open;
			sp[n++].end = i + 1;
		}
		in = !in;
	}
	return n;
}

static void
same_wrap(size_t loc, const char *s, size_t len, size_t width,
	  const struct tw_span *sp, size_t nsp)
{
	struct tw_piece *p, *q;
	size_t n = textwrap_wrap(fast[loc], s, len, width, sp, nsp, &p);
	size_t m = textwrap_wrap(slow[loc], s, len, width, sp, nsp, &q);

	wraps_compared++;
	if (n != m || memcmp(p, q, n * sizeof(*p)) != 0) {
		if (wrap_diffs++ < 10)
			printf("# wrap differs (%s, width %zu, %zu spans): "
			       "'%.*s'\n",
			       locales[loc], width, nsp, (int)len, s);
	}
	free(p);
	free(q);
}

/* One line at the given widths, plain and with its code spans. */
static void
same_wrap_line(size_t loc, const char *s, size_t len, const size_t *widths,
	       size_t nwidths)
{
	struct tw_span *sp = xmalloc((len / 2 + 1) * sizeof(*sp));
	size_t nsp = code_spans(s, len, sp);

	for (size_t i = 0; i < nwidths; i++) {
		same_wrap(loc, s, len, widths[i], NULL, 0);
		if (nsp > 0)
			same_wrap(loc, s, len, widths[i], sp, nsp);
	}
	free(sp);
}

static size_t
locale_index(const char *path)
{
	if (strstr(path, "/sv-SE/") != NULL)
		return 2;
	return 1;
}

/* Every line of a file at width 40 and at one that moves through
   0..120; ASCII lines also in every locale in turn. */
static void
same_wrap_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, loc = locale_index(path), k = 0;
	ssize_t n;

	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) > 0 && wrap_diffs < 10) {
		size_t len = (size_t)n - (line[n - 1] == '\n');
		size_t widths[] = { 40, k % 121, k * 37 % 121 };

		same_wrap_line(loc, line, len, widths, 2);
		if (textwrap_ascii_only(line, len))
			same_wrap_line(k % NLOCALES, line, len, widths + 2, 1);
		k++;
	}
	free(line);
	fclose(f);
}

static bool
has_suffix(const char *name, size_t l, const char *suffix)
{
	size_t n = strlen(suffix);

	return l > n && strcmp(name + l - n, suffix) == 0;
}

/* All .md and .txt files under dir, recursively; returns their number. */
static int
same_wrap_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			files += same_wrap_tree(path);
		else if (has_suffix(e->d_name, l, ".md") ||
			 has_suffix(e->d_name, l, ".txt"))
			same_wrap_file(path), files++;
		free(path);
	}
	closedir(d);
	return files;
}

TEST(wraps_match_on_shared_corpus)
{
	const char *shared = getenv("PSHELP_SHARED");
	char *dir;
	int files;

	dir = xasprintf("%s/corpus", shared);
	wrap_diffs = 0;
	wraps_compared = 0;
	files = same_wrap_tree(dir);
	free(dir);
	printf("# corpus: %d files, %ld wraps compared\n", files, wraps_compared);
	check_int(files, >=, 376);
	check_int(wrap_diffs, ==, 0);
}

TEST(wraps_match_on_own_pages)
{
	const char *src = getenv("PSHELP_TEST_SRCDIR");
	const char *sub[] = { "golden", "validate", "../help", "../docs" };
	int files = 0;

	wrap_diffs = 0;
	wraps_compared = 0;
	for (size_t i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		char *dir = xasprintf("%s/%s", src, sub[i]);

		files += same_wrap_tree(dir);
		free(dir);
	}
	printf("# own pages: %d files, %ld wraps compared\n", files,
	       wraps_compared);
	check_int(files, >, 50);
	check_int(wrap_diffs, ==, 0);
}

/* Random ASCII and Latin letters with words, numbers, punctuation runs,
   long runs, backtick spans and odd spaces; each line at a third of the
   widths 0..120, in turn. */
TEST(wraps_match_on_random_text)
{
	static const char *const atoms[] = {
		"Exit-PSSession", "-Name", "(1.5)", "$x", "100%", "a.b",
		"'quoted'", "\"q\"", "`code span`", "http://x.org/a?b=1&c",
		"--", "...", "  ", "\t", " - ", "!", "?)", "[{", "}]",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "-1", "+2", ".5",
		" .5", "a/b", "|", "\\", "x", "word", "12:30", ",;:",
		"fj\xc3\xa4rrdatorn", "Gr\xc3\xb6\xc3\x9f\x65", "\xc3\xa9l\xc3\xa8ve",
		"-\xc3\x85r", "\xc3\xa4", "(\xc3\xb6)", "\xc5\x93uvre.",
		"\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4",
		"1\xc3\xa4", "\xc3\xa4$", "`k\xc3\xb6r`"
	};
	const size_t natoms = sizeof(atoms) / sizeof(atoms[0]);
	char s[400];
	size_t widths[3][41], nw[3] = { 0 };

	for (size_t w = 0; w <= 120; w++)
		widths[w % 3][nw[w % 3]++] = w;
	wrap_diffs = 0;
	wraps_compared = 0;
	for (int line = 0; line < 2000 && wrap_diffs < 10; line++) {
		size_t len = 0, n = next_rand() % 30;

		if (line % 3 == 0) {
			len = random_ascii(s, 160);
		} else {
			for (size_t i = 0; i < n; i++) {
				const char *a = atoms[next_rand() % natoms];
				size_t l = strlen(a);

				if (len + l + 1 >= sizeof(s))
					break;
				memcpy(s + len, a, l);
				len += l;
				if (next_rand() % 3)
					s[len++] = ' ';
			}
		}
		same_wrap_line((size_t)line % NLOCALES, s, len, widths[line % 3],
			       nw[line % 3]);
	}
	printf("# random: %ld wraps compared\n", wraps_compared);
	check_int(wrap_diffs, ==, 0);
}

static bool
have_shared(void)
{
	const char *shared = getenv("PSHELP_SHARED");
	struct stat st;

	return shared != NULL && stat(shared, &st) == 0;
}

/* A TAP skip: "ok N - name # SKIP why". */
#define SKIP(name, why)                                                        \
	printf("ok %d - %s # SKIP %s\n", ++tap_count, #name, why)

int
main(void)
{
	for (size_t i = 0; i < NLOCALES; i++) {
		fast[i] = textwrap_new(locales[i]);
		slow[i] = textwrap_new(locales[i]);
		textwrap_force_icu(slow[i], true);
	}
	RUN(class_table_is_icus);
	RUN(latin_letters_are_plain_alphabetic);
	RUN(word_scans_see_every_byte);
	if (TEXTWRAP_ASCII_RULES) {
		RUN(breaks_match_root_rules);
		RUN(breaks_match_every_tailoring);
	} else {
		SKIP(breaks_match_root_rules, "not ICU 72: no fast path");
		SKIP(breaks_match_every_tailoring, "not ICU 72: no fast path");
	}
	if (have_shared())
		RUN(wraps_match_on_shared_corpus);
	else
		SKIP(wraps_match_on_shared_corpus, "no ../shared ($PSHELP_SHARED)");
	if (getenv("PSHELP_TEST_SRCDIR") != NULL)
		RUN(wraps_match_on_own_pages);
	else
		SKIP(wraps_match_on_own_pages, "no $PSHELP_TEST_SRCDIR");
	RUN(wraps_match_on_random_text);
	for (size_t i = 0; i < NLOCALES; i++) {
		textwrap_free(fast[i]);
		textwrap_free(slow[i]);
	}
	return tap_done();
}
