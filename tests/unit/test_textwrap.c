/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for textwrap: exact pieces for small cases in several
 * scripts, display widths, the vetoes (cmdlet names, nobreak spans,
 * NBSP), hostile input, big inputs, and a property test over random
 * strings and the real corpus.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "strbuf.h"
#include "tap.h"
#include "textwrap.h"
#include "xalloc.h"

static struct textwrap *tw_en, *tw_ja, *tw_th;

/* The pieces of s joined by '|', for exact comparisons (caller frees). */
static char *
wrapped(struct textwrap *tw, const char *s, size_t width,
	const struct tw_span *sp, size_t nsp)
{
	struct strbuf sb = STRBUF_INIT;
	struct tw_piece *p;
	size_t n = textwrap_wrap(tw, s, strlen(s), width, sp, nsp, &p);

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(&sb, '|');
		strbuf_add(&sb, s + p[i].start, p[i].end - p[i].start);
	}
	free(p);
	return strbuf_detach(&sb, NULL);
}

#define check_wrap(tw, s, width, want)                                         \
	do {                                                                   \
		char *got_ = wrapped(tw, s, width, NULL, 0);                   \
		check_str(got_, want);                                         \
		free(got_);                                                    \
	} while (0)

/* ---------- an independent checker of the contract ---------- */

static bool
is_space(UChar32 c)
{
	if (c < 0 || c == 0xA0 || c == 0x2007 || c == 0x202F)
		return false;
	return u_isUWhiteSpace(c);
}

static bool
all_space(const char *s, size_t i, size_t end)
{
	while (i < end) {
		UChar32 c;

		U8_NEXT((const uint8_t *)s, i, end, c);
		if (!is_space(c))
			return false;
	}
	return true;
}

static int
graphemes(const char *s, size_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u = xmalloc((len + 1) * sizeof(UChar));
	UBreakIterator *bi;
	int32_t n16 = 0;
	int n = 0;

	u_strFromUTF8WithSub(u, (int32_t)len + 1, &n16, s, (int32_t)len, 0xFFFD,
			     NULL, &err);
	bi = ubrk_open(UBRK_CHARACTER, "", u, n16, &err);
	for (ubrk_first(bi); ubrk_next(bi) != UBRK_DONE;)
		n++;
	ubrk_close(bi);
	free(u);
	return n;
}

/*
 * The no-break region that span k belongs to: overlapping spans join
 * (quadratic, fine for a handful of spans).
 */
static struct tw_span
region(const struct tw_span *sp, size_t nsp, size_t k)
{
	struct tw_span u = sp[k];
	bool grew = true;

	while (grew) {
		grew = false;
		for (size_t j = 0; j < nsp; j++) {
			if (sp[j].start >= sp[j].end || sp[j].start >= u.end ||
			    sp[j].end <= u.start)
				continue;
			if (sp[j].start < u.start || sp[j].end > u.end) {
				u.start = sp[j].start < u.start ? sp[j].start
								: u.start;
				u.end = sp[j].end > u.end ? sp[j].end : u.end;
				grew = true;
			}
		}
	}
	return u;
}

static bool
broken(const char *why, size_t i, size_t width)
{
	printf("# contract: %s (piece %zu, width %zu)\n", why, i, width);
	return false;
}

/* Piece i: within width unless one grapheme, no space at its edges. */
static bool
piece_holds(const char *s, const struct tw_piece *p, size_t i, size_t width)
{
	size_t a = p[i].start, b = p[i].end;
	int32_t from = (int32_t)a, to = (int32_t)b;
	UChar32 c;

	if (a == b)
		return true;
	if (width && textwrap_width(s + a, b - a) > width &&
	    graphemes(s + a, b - a) != 1)
		return broken("piece too wide", i, width);
	U8_PREV((const uint8_t *)s, from, to, c);
	if (is_space(c))
		return broken("trailing space", i, width);
	U8_NEXT((const uint8_t *)s, a, b, c);
	if (i > 0 && is_space(c))
		return broken("continuation starts with space", i, width);
	return true;
}

/* No break inside a nobreak region that fits on a line. */
static bool
spans_hold(const char *s, size_t len, size_t width, const struct tw_span *sp,
	   size_t nsp, const struct tw_piece *p, size_t n)
{
	for (size_t k = 0; k < nsp && width; k++) {
		struct tw_span u = region(sp, nsp, k);

		if (u.start >= u.end || u.end > len ||
		    textwrap_width(s + u.start, u.end - u.start) > width)
			continue;
		for (size_t i = 0; i + 1 < n; i++)
			if (u.start < p[i].end && p[i + 1].start < u.end)
				return broken("break inside a nobreak span", i,
					      width);
	}
	return true;
}

/*
 * Checks every promise of textwrap_wrap; returns false (after a TAP
 * diagnostic) at the first broken one.
 */
static bool
contract_holds(const char *s, size_t len, size_t width,
	       const struct tw_span *sp, size_t nsp, const struct tw_piece *p,
	       size_t n)
{
	size_t prev = 0;

	if (n == 0 || p == NULL)
		return broken("no pieces", 0, width);
	for (size_t i = 0; i < n; i++) {
		if (p[i].start < prev || p[i].end < p[i].start ||
		    p[i].end > len)
			return broken("pieces out of order or bounds", i,
				      width);
		if (!all_space(s, prev, p[i].start))
			return broken("text lost between pieces", i, width);
		if (!piece_holds(s, p, i, width))
			return false;
		prev = p[i].end;
	}
	if (!all_space(s, prev, len))
		return broken("text lost at the end", n, width);
	return spans_hold(s, len, width, sp, nsp, p, n);
}

static bool
wrap_ok(struct textwrap *tw, const char *s, size_t len, size_t width,
	const struct tw_span *sp, size_t nsp, size_t *npieces)
{
	struct tw_piece *p;
	size_t n = textwrap_wrap(tw, s, len, width, sp, nsp, &p);
	bool ok = contract_holds(s, len, width, sp, nsp, p, n);

	if (npieces)
		*npieces = n;
	free(p);
	return ok;
}

/* ---------- ASCII ---------- */

TEST(ascii_greedy_fill)
{
	const char *fox = "The quick brown fox jumps over the lazy dog";

	check_wrap(tw_en, fox, 10,
		   "The quick|brown fox|jumps over|the lazy|dog");
	check_wrap(tw_en, fox, 43, fox);
	check_wrap(tw_en, fox, 42,
		   "The quick brown fox jumps over the lazy|dog");
	check_wrap(tw_en, fox, 0, fox);
	check_wrap(tw_en, "a   b", 1, "a|b");
	check_wrap(tw_en, "", 5, "");
	check_wrap(tw_en, "", 0, "");
	check_wrap(tw_en, "word", 4, "word");
}

TEST(spaces_at_breaks_are_dropped)
{
	check_wrap(tw_en, "abc   ", 0, "abc");
	check_wrap(tw_en, "abc   ", 10, "abc");
	check_wrap(tw_en, "abc   def  ", 4, "abc|def");
	check_wrap(tw_en, "abc\t\tdef", 4, "abc|def");
	check_wrap(tw_en, "      ", 3, "");
	/* leading spaces of the first piece stay; at a break they go */
	check_wrap(tw_en, "  abc def", 6, "  abc|def");
	check_wrap(tw_en, "  abc def", 0, "  abc def");
	check_wrap(tw_en, "   abcdef", 5, "abcde|f");
}

TEST(width_one_and_two)
{
	check_wrap(tw_en, "abc def", 1, "a|b|c|d|e|f");
	check_wrap(tw_en, "abc def", 2, "ab|c|de|f");
	check_wrap(tw_en, "a b c d", 2, "a|b|c|d");
	check_wrap(tw_en, "a b c d", 3, "a b|c d");
	/* a wide character alone is wider than width 1: it stays whole */
	check_wrap(tw_en, "日本", 1, "日|本");
	check_wrap(tw_en, "日本", 2, "日|本");
	check_wrap(tw_en, "a日", 2, "a|日");
	/* a wide character never straddles the edge of the line */
	check_wrap(tw_en, "abcd日本", 5, "abcd|日本");
}

/* ---------- the vetoes ---------- */

TEST(command_names_stay_whole)
{
	const char *s = "Use Exit-PSSession -ComputerName x";

	/* ICU alone would give "Use Exit-" at these widths */
	check_wrap(tw_en, s, 16, "Use|Exit-PSSession|-ComputerName x");
	check_wrap(tw_en, s, 14, "Use|Exit-PSSession|-ComputerName|x");
	check_wrap(tw_en, s, 10, "Use|Exit-|PSSession|-ComputerN|ame x");
	/* a break before a leading -Name is still fine */
	check_wrap(tw_en, "Get-Help -Name x", 9, "Get-Help|-Name x");
	check_wrap(tw_en, "Välj Ändra-Objekt nu", 12, "Välj|Ändra-Objekt|nu");
	check_wrap(tw_en, "a foo-bar", 5, "a|foo-|bar");
	/* a hyphen that does not join two words is an ordinary break */
	check_wrap(tw_en, "x-", 1, "x|-");
	check_wrap(tw_en, "--", 1, "-|-");
	check_wrap(tw_en, "see (Exit-)PSSession", 6, "see|(Exit-|)PSSes|sion");
}

TEST(nobreak_span_kept_whole)
{
	const char *s = "Run `Get-Help -Full` now";
	struct tw_span sp = { 4, 20 };
	char *got;

	got = wrapped(tw_en, s, 16, NULL, 0);
	check_str(got, "Run `Get-Help|-Full` now");
	free(got);
	got = wrapped(tw_en, s, 16, &sp, 1);
	check_str(got, "Run|`Get-Help -Full`|now");
	free(got);
	/* wider than the line: broken between graphemes */
	got = wrapped(tw_en, s, 10, &sp, 1);
	check_str(got, "Run|`Get-Help|-Full` now");
	free(got);
	got = wrapped(tw_en, s, 6, &sp, 1);
	check_str(got, "Run|`Get-|Help|-Full`|now");
	free(got);
}

TEST(nobreak_spans_overlap_unsorted_and_hostile)
{
	const char *s = "aa bb cc dd ee ff";
	struct tw_span sp[] = {
		{ 6, 11 }, { 3, 7 }, { 9, 9 }, { 15, 999 }, { 12, 5 }
	};
	char *got;

	/* [3,7) and [6,11) merge: "bb cc dd" cannot break */
	got = wrapped(tw_en, s, 9, sp, 2);
	check_str(got, "aa|bb cc dd|ee ff");
	free(got);
	/* empty, reversed and out-of-range spans do no harm */
	got = wrapped(tw_en, s, 5, sp + 2, 3);
	check_str(got, "aa bb|cc dd|ee ff");
	free(got);
	/* touching spans leave the break between them */
	struct tw_span touch[] = { { 0, 6 }, { 6, 11 } };
	got = wrapped(tw_en, s, 6, touch, 2);
	check_str(got, "aa bb|cc dd|ee ff");
	free(got);
	/* a short span beside text in a run that must be split */
	struct tw_span code = { 11, 16 };
	got = wrapped(tw_en, "xxxxxxxxxx(`abc`)", 12, &code, 1);
	check_str(got, "xxxxxxxxxx|(`abc`)");
	free(got);
}

TEST(urls)
{
	const char *s = "See https://learn.microsoft.com/powershell/module/"
			"microsoft.powershell.core/about/about_remote for "
			"details.";
	struct tw_span url = { 4, 94 };
	size_t n;
	char *got;

	got = wrapped(tw_en, s, 40, NULL, 0);
	check_str(got, "See https://learn.microsoft.com/|powershell/module/|"
		       "microsoft.powershell.core/about/|"
		       "about_remote for details.");
	free(got);
	/* as one nobreak span it is wider than the line: cut after a '/' */
	got = wrapped(tw_en, s, 40, &url, 1);
	check_str(got, "See|https://learn.microsoft.com/powershell/|"
		       "module/microsoft.powershell.core/about/|"
		       "about_remote for details.");
	free(got);
	check(wrap_ok(tw_en, s, strlen(s), 40, &url, 1, &n));
	/* no hyphen split in a URL path either */
	check_wrap(tw_en, "https://x.org/get-help", 16,
		   "https://x.org/|get-help");
}

TEST(no_break_spaces_are_kept)
{
	/* U+00A0, U+202F and U+2011 join their neighbours */
	check_wrap(tw_en, "aaaa bbbb\u00A0cccc", 9, "aaaa|bbbb\u00A0cccc");
	check_wrap(tw_en, "mot\u202F: suite", 5, "mot\u202F:|suite");
	check_wrap(tw_en, "Le mot\u00A0: fin", 7, "Le|mot\u00A0:|fin");
	check_wrap(tw_en, "x a\u2011b", 3, "x|a\u2011b");
	check_wrap(tw_en, "x ab\u2011cd", 4, "x|ab\u2011c|d");
	check_wrap(tw_en, "\u00A0\u00A0x y", 3, "\u00A0\u00A0x|y");
	check_int(textwrap_width("a\u00A0b\u2011c\u202F", 11), ==, 6);
}

TEST(stray_line_ends_are_spaces)
{
	check_wrap(tw_en, "abc\ndef ghi", 5, "abc|def|ghi");
	check_wrap(tw_en, "abc\r\ndef", 4, "abc|def");
	check_wrap(tw_en, "\n\n\n", 2, "");
	check_wrap(tw_en, "a\u2028b", 1, "a|b");
	check(wrap_ok(tw_en, "x\n\ny\rz", 6, 1, NULL, 0, NULL));
}

/* textwrap_fits, which stops early, says what textwrap_width says. */
TEST(fits_agrees_with_width)
{
	static const char *const texts[] = {
		"plain ASCII text",
		"Donau\u00ADdampf\u00AD",
		"\u00AD",
		"a\u00AD",
		"\u65E5\u672C\u8A9E\u306E\u6587",	  /* wide */
		"e\u0301e\u0301 \u0e44\u0e21\u0e48", /* combining, Thai */
		"bad \xff\xfe bytes \xe2\x82",
		"\xf0\x9f\x98\x80 emoji \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
		"åäö ÅÄÖ and more ASCII after the Latin letters",
		"",
	};
	size_t tried = 0;

	for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
		const char *s = texts[t];
		for (size_t len = 0; len <= strlen(s); len++)
			for (size_t w = 0; w <= len + 2; w++, tried++)
				if (textwrap_fits(s, len, w) !=
				    (textwrap_width(s, len) <= w))
					tap_fail_("fits and width disagree on "
						  "text %zu, length %zu, "
						  "width %zu",
						  t, len, w);
	}
	check(tried > 1000);
	check(textwrap_fits(NULL, 0, 0));
}

TEST(soft_hyphen)
{
	const char *s = "Donau\u00ADdampf\u00ADschiff";

	/* invisible inside a line, one cell ('-') where a piece ends */
	check_int(textwrap_width("a\u00ADb", 4), ==, 2);
	check_int(textwrap_width("a\u00AD", 3), ==, 2);
	check_int(textwrap_width(s, strlen(s)), ==, 16);
	check_wrap(tw_en, s, 7, "Donau\u00AD|dampf\u00AD|schiff");
	check_wrap(tw_en, s, 12, "Donau\u00ADdampf\u00AD|schiff");
	check_wrap(tw_en, s, 16, s);
}

/* ---------- other scripts ---------- */

TEST(cjk_at_width_10)
{
	const char *s = "中文文本没有空格，所以每个汉字之间都可以换行。"
			"日本語の文章も同じです。";
	struct strbuf sb = STRBUF_INIT;
	struct tw_piece *p;
	size_t n = textwrap_wrap(tw_en, s, strlen(s), 10, NULL, 0, &p);

	strbuf_init(&sb);
	check_int(n, >=, 7);
	for (size_t i = 0; i < n; i++) {
		size_t w =
			textwrap_width(s + p[i].start, p[i].end - p[i].start);

		check_int(w, <=, 10);
		check_int(w, >=, 6); /* greedy: no short lines but the last */
		if (i + 1 == n)
			break;
		strbuf_add(&sb, s + p[i].start, p[i].end - p[i].start);
	}
	strbuf_add(&sb, s + p[n - 1].start, p[n - 1].end - p[n - 1].start);
	check_str(sb.buf, s);		 /* nothing lost, nothing added */
	for (size_t i = 0; i < n; i++) { /* kinsoku: no line starts so */
		check(strncmp(s + p[i].start, "，", 3) != 0);
		check(strncmp(s + p[i].start, "。", 3) != 0);
	}
	strbuf_release(&sb);
	free(p);
	check_wrap(tw_en, "中文文本没有", 10, "中文文本没|有");
}

TEST(japanese_kinsoku)
{
	/* at width 10 the line is full before '。', which must not lead */
	check_wrap(tw_ja, "あいうえお。かきく", 10, "あいうえ|お。かきく");
	check_wrap(tw_ja, "あいうえお、かきく", 10, "あいうえ|お、かきく");
	/* ... and '「' must not end a line */
	check_wrap(tw_ja, "あいうえ「おかき」", 10, "あいうえ|「おかき」");
	check(wrap_ok(tw_ja, "これは日本語の文章です。句読点、括弧「」も。", 66,
		      4, NULL, 0, NULL));
}

TEST(thai_dictionary_breaks)
{
	/* "Thai has no spaces between words" */
	const char *s = "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ";
	struct tw_piece *p;
	size_t n = textwrap_wrap(tw_th, s, strlen(s), 10, NULL, 0, &p);

	check_int(n, >=, 3);
	for (size_t i = 0; i < n; i++) {
		UChar32 c;
		size_t k = p[i].start;

		check_int(textwrap_width(s + p[i].start, p[i].end - p[i].start),
			  <=, 10);
		U8_NEXT((const uint8_t *)s, k, p[i].end, c);
		check(!(U_GET_GC_MASK(c) & U_GC_M_MASK)); /* no mark leads */
	}
	/* words: ภาษา ไทย ไม่ มี ("language Thai not have"), 10 cells */
	check_int(p[0].end, ==, strlen("ภาษาไทยไม่มี"));
	free(p);
	check_int(textwrap_width("ไม่", 9), ==, 2); /* tone mark takes no cell */
}

TEST(swedish_and_rtl)
{
	check_int(textwrap_width("åäö ÅÄÖ", strlen("åäö ÅÄÖ")), ==, 7);
	check_int(textwrap_width("Överför", strlen("Överför")), ==, 7);
	check_int(textwrap_width("a\u030A", 3), ==, 1); /* decomposed å */
	check_wrap(tw_en, "Avslutar en interaktiv session med en fjärrdator.",
		   20, "Avslutar en|interaktiv session|med en fjärrdator.");
	check_wrap(tw_en, "שלום עולם יפה", 9, "שלום עולם|יפה");
	check_wrap(tw_en, "مرحبا بالعالم الجميل", 13, "مرحبا بالعالم|الجميل");
	check_int(textwrap_width("مرحبا", strlen("مرحبا")), ==, 5);
}

TEST(marks_emoji_and_wide)
{
	check_int(textwrap_width("e\u0301", 3), ==, 1);
	check_int(textwrap_width("\u20DD", 3), ==, 0); /* enclosing mark */
	check_int(textwrap_width("\u200D", 3), ==, 0); /* ZWJ */
	check_int(textwrap_width("\u200B", 3), ==, 0); /* ZWSP */
	check_int(textwrap_width("😀", 4), ==, 2);
	check_int(textwrap_width("\u2764\uFE0F", 6), ==, 1); /* VS16 adds 0 */
	check_int(textwrap_width("Ａ", 3), ==, 2);	     /* fullwidth */
	check_int(textwrap_width("ｱ", 3), ==, 1); /* halfwidth katakana */
	check_int(textwrap_width("한국어", 9), ==, 6);
	check_int(textwrap_width("👨\u200D👩\u200D👧", 18), ==, 6);
	check_wrap(tw_en, "😀😀😀😀", 3, "😀|😀|😀|😀");
	check_wrap(tw_en, "😀😀😀😀", 4, "😀😀|😀😀");
	/* a ZWJ sequence is one grapheme: never split */
	check_wrap(tw_en, "a 👨\u200D👩\u200D👧 b", 2, "a|👨\u200D👩\u200D👧|b");
	check_wrap(tw_en, "e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301|e\u0301");
}

TEST(invalid_utf8)
{
	const char *s = "\xff\xfe"
			"abc \x80"
			"def \xe2\x82 g\xc3";

	check_int(textwrap_width("\xff", 1), ==, 1);
	check_int(textwrap_width("\xe2\x82", 2), ==, 2); /* one per byte */
	check_int(textwrap_width("a\xc3", 2), ==, 2);
	check_int(textwrap_width("\xed\xa0\x80", 3), ==, 3); /* a surrogate */
	check_wrap(tw_en, s, 5,
		   "\xff\xfe"
		   "abc|\x80"
		   "def|\xe2\x82 g\xc3");
	for (size_t w = 0; w < 12; w++)
		check(wrap_ok(tw_en, s, strlen(s), w, NULL, 0, NULL));
	/* embedded NUL and control bytes are just text */
	check(wrap_ok(tw_en, "a\0b c\x1b[0m d", 11, 3, NULL, 0, NULL));
	check_int(textwrap_width(NULL, 0), ==, 0);
}

/* ---------- wrappers ---------- */

TEST(locales_fall_back_to_root)
{
	const char *ids[] = {
		NULL,
		"",
		"sv-SE",
		"en_US.UTF-8",
		"C",
		"bogus locale!",
		"../../etc/passwd",
		"ja@lb=strict",
		"x-very-long-and-invalid-tag-xxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	};

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct textwrap *tw = textwrap_new(ids[i]);

		check(tw != NULL);
		check_wrap(tw, "Use Exit-PSSession now", 15,
			   "Use|Exit-PSSession|now");
		textwrap_free(tw);
	}
	textwrap_free(NULL);
}

TEST(one_wrapper_many_calls)
{
	char *big = xmalloc(200001);
	size_t n;

	memset(big, 'x', 200000);
	big[200000] = '\0';
	for (int i = 0; i < 3000; i++) {
		check_wrap(tw_en, "one two three", 8, "one two|three");
		if (i % 1000 == 0) { /* a big text, then small ones again */
			check(wrap_ok(tw_en, big, 200000, 77, NULL, 0, &n));
			check_int(n, ==, 2598);
		}
	}
	free(big);
}

/* ---------- big inputs: each must finish quickly ---------- */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Repeats unit until len bytes (whole units only) and wraps at 80. */
static void
big_case(const char *name, const char *unit, size_t len,
	 const struct tw_span *sp, size_t nsp, size_t min_pieces)
{
	size_t ulen = strlen(unit), n, fill = 0;
	char *s = xmalloc(len + 1);
	struct tw_piece *p;
	double t0;

	while (fill + ulen <= len) {
		memcpy(s + fill, unit, ulen);
		fill += ulen;
	}
	s[fill] = '\0';
	t0 = now();
	n = textwrap_wrap(tw_en, s, fill, 80, sp, nsp, &p);
	printf("# %s: %zu bytes, %zu pieces, %.3f s\n", name, fill, n,
	       now() - t0);
	check(contract_holds(s, fill, 80, sp, nsp, p, n));
	check_int(n, >=, min_pieces);
	free(p);
	free(s);
}

TEST(huge_inputs_are_linear)
{
	const size_t mb10 = 10u << 20;
	struct tw_span all = { 0, mb10 };

	big_case("words", "word ", mb10, NULL, 0, mb10 / 80);
	big_case("no break", "a", mb10, NULL, 0, mb10 / 80);
	big_case("hyphen chain", "a-", mb10, NULL, 0, mb10 / 80);
	big_case("one span", "ab cd ", mb10, &all, 1, mb10 / 81);
	big_case("cjk", "漢", mb10, NULL, 0, mb10 / 3 / 40);
	big_case("spaces", " ", mb10, NULL, 0, 1);
	big_case("marks", "e\u0301\u0301\u0301", mb10 / 4, NULL, 0,
		 mb10 / 4 / 7 / 80);
}

/* ---------- properties ---------- */

/* Atoms that keep grapheme boundaries between them. */
static const char *const atoms[] = {
	" ",	  " ",	    " ",       "a",	 "b",
	"Z",	  "1",	    "-",       "-",	 "日",
	"。",	  "、",	    "\u00A0",  "\u2011", "\u202F",
	"\t",	  "\n",	    "e\u0301", "😀",	 "👨\u200D👩\u200D👧",
	"\u00AD", "\u200B", "å",       "ไทย",	 "(",
	")",	  "/",	    ".",       "\xff",	 "\xe2\x82",
	"Ａ",	  "\u3000", "`",
};
#define NATOMS (sizeof(atoms) / sizeof(atoms[0]))

static uint32_t rng = 12345;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A random string; *starts receives where each atom begins. */
static char *
random_text(size_t natoms, size_t *starts, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < natoms; i++) {
		starts[i] = sb.len;
		strbuf_addstr(&sb, atoms[next_rand() % NATOMS]);
	}
	starts[natoms] = sb.len;
	return strbuf_detach(&sb, len);
}

static void
print_case(struct textwrap *tw, const char *s, size_t len, size_t width,
	   const struct tw_span *sp, size_t nsp)
{
	struct tw_piece *p;
	size_t n = textwrap_wrap(tw, s, len, width, sp, nsp, &p);

	printf("# text (%zu bytes):", len);
	for (size_t i = 0; i < len; i++)
		printf(" %02x", (unsigned char)s[i]);
	printf("\n# spans:");
	for (size_t k = 0; k < nsp; k++)
		printf(" [%zu,%zu)", sp[k].start, sp[k].end);
	printf("\n# pieces:");
	for (size_t i = 0; i < n; i++)
		printf(" [%zu,%zu)", p[i].start, p[i].end);
	printf("\n");
	free(p);
}

TEST(property_random_strings)
{
	struct textwrap *tws[] = { tw_en, tw_ja, tw_th };
	size_t starts[81];
	int bad = 0;

	for (int iter = 0; iter < 20000 && bad < 5; iter++) {
		size_t natoms = next_rand() % 80, len, nsp = next_rand() % 4;
		char *s = random_text(natoms, starts, &len);
		struct tw_span sp[4];
		size_t width = next_rand() % 24;

		for (size_t k = 0; k < nsp; k++) {
			size_t a = next_rand() % (natoms + 1);
			size_t b = next_rand() % (natoms + 1);

			sp[k].start = starts[a < b ? a : b];
			sp[k].end = starts[a < b ? b : a];
		}
		if (!wrap_ok(tws[iter % 3], s, len, width, sp, nsp, NULL)) {
			print_case(tws[iter % 3], s, len, width, sp, nsp);
			bad++;
		}
		free(s);
	}
	check_int(bad, ==, 0);
}

/* Every line of every page of the shared corpus, at a few widths. */
static void
wrap_file(const char *path, int *bad)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) > 0 && *bad < 5) {
		if (line[n - 1] == '\n')
			n--;
		for (size_t w = 20; w <= 120; w += 50)
			if (!wrap_ok(tw_en, line, (size_t)n, w, NULL, 0,
				     NULL)) {
				printf("# %s: '%.*s'\n", path, (int)n, line);
				++*bad;
			}
	}
	free(line);
	fclose(f);
}

static int
wrap_dir(const char *dir, int *bad)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		char *path;

		if (l < 4 || strcmp(e->d_name + l - 3, ".md") != 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		wrap_file(path, bad);
		free(path);
		files++;
	}
	closedir(d);
	return files;
}

TEST(property_shared_corpus)
{
	const char *shared = getenv("PSHELP_SHARED");
	const char *sub[] = { "corpus/en-US/Microsoft.PowerShell.Core",
			      "corpus/en-US/Microsoft.PowerShell.Core/About",
			      "corpus/sv-SE/Microsoft.PowerShell.Core",
			      "corpus/sv-SE/Microsoft.PowerShell.Core/About",
			      "seeds/sv-SE" };
	int files = 0, bad = 0;
	struct stat st;

	if (shared == NULL || stat(shared, &st) != 0) {
		printf("# no shared corpus: corpus pass skipped\n");
		return;
	}
	for (size_t i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		char *dir = xasprintf("%s/%s", shared, sub[i]);

		files += wrap_dir(dir, &bad);
		free(dir);
	}
	printf("# corpus: %d files\n", files);
	check_int(files, >, 300);
	check_int(bad, ==, 0);
}

/* Line breaking per language (issue 9): Korean keeps words whole,
   Japanese follows the strict rule, -Name keeps its hyphen, and an
   overlong hyphenated word or URL is cut after a hyphen or '/'. */
TEST(language_rules)
{
	struct textwrap *ko = textwrap_new("ko-KR"), *de = textwrap_new("de");
	char *got = wrapped(ko, "원격 컴퓨터에서 세션을 만듭니다", 14, NULL, 0);
	check_str(got, "원격|컴퓨터에서|세션을|만듭니다");
	free(got);
	/* a Korean word wider than the line is still split */
	got = wrapped(ko, "가나다라마바사아자차", 8, NULL, 0);
	check_str(got, "가나다라|마바사아|자차");
	free(got);
	/* strict: no line starts with the prolonged sound mark or small kana */
	got = wrapped(tw_ja, "コンピューター", 6, NULL, 0);
	check(strstr(got, "|ー") == NULL && strstr(got, "|ョ") == NULL);
	free(got);
	/* a parameter reference is never split after its hyphen */
	got = wrapped(tw_ja, "には、-Sessionを使います", 12, NULL, 0);
	check(strstr(got, "-|") == NULL);
	free(got);
	got = wrapped(de, "im PowerShell-Installationsverzeichnis", 26, NULL, 0);
	check_str(got, "im|PowerShell-|Installationsverzeichnis");
	free(got);
	got = wrapped(tw_en, "https://example.org/powershell/module/x?view=7&y=1",
		      20, NULL, 0);
	check_str(got, "https://example.org/|powershell/module/x?|view=7&y=1");
	free(got);
	textwrap_free(ko);
	textwrap_free(de);
}

int
main(void)
{
	tw_en = textwrap_new("en-US");
	tw_ja = textwrap_new("ja-JP");
	tw_th = textwrap_new("th-TH");
	RUN(ascii_greedy_fill);
	RUN(language_rules);
	RUN(spaces_at_breaks_are_dropped);
	RUN(width_one_and_two);
	RUN(command_names_stay_whole);
	RUN(nobreak_span_kept_whole);
	RUN(nobreak_spans_overlap_unsorted_and_hostile);
	RUN(urls);
	RUN(no_break_spaces_are_kept);
	RUN(stray_line_ends_are_spaces);
	RUN(fits_agrees_with_width);
	RUN(soft_hyphen);
	RUN(cjk_at_width_10);
	RUN(japanese_kinsoku);
	RUN(thai_dictionary_breaks);
	RUN(swedish_and_rtl);
	RUN(marks_emoji_and_wide);
	RUN(invalid_utf8);
	RUN(locales_fall_back_to_root);
	RUN(one_wrapper_many_calls);
	RUN(huge_inputs_are_linear);
	RUN(property_random_strings);
	RUN(property_shared_corpus);
	textwrap_free(tw_en);
	textwrap_free(tw_ja);
	textwrap_free(tw_th);
	return tap_done();
}
