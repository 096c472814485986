/* SPDX-License-Identifier: MIT */
/* PowerShell's wildcard rules (wildcard.h), one subtest per rule. */
#include <stdbool.h>
#include <stdlib.h>

#include <unicode/uloc.h>

#include "strbuf.h"
#include "tap.h"
#include "wildcard.h"

#define match(p, t) wildcard_match_folded(p, t)

TEST(star_matches_any_run)
{
	check(match("*", ""));
	check(match("*", "Exit-PSSession"));
	check(match("Exit-*", "Exit-PSSession"));
	check(match("*-PSSession", "Enter-PSSession"));
	check(match("a*b*c", "abc"));
	check(match("a*b*c", "aXXbYYc"));
	check(!match("a*b*c", "aXXbYY"));
	check(!match("Exit-*", "Enter-PSSession"));
	check(match("*σ*", "Λόγος")); /* Greek: final ς folds to σ */
	check(match("会*", "会话"));  /* CJK */
}

TEST(question_mark_matches_one_character)
{
	check(!match("?", ""));
	check(match("?", "x"));
	check(!match("?", "xy"));
	check(match("S?", "S1"));
	check(match("??", "åä"));      /* two characters, four bytes */
	check(match("?", "ß"));	       /* one character under simple folding */
	check(match("???", "会话室")); /* CJK: one ? per character */
	check(!match("??", "会话室"));
	check(match("пр?вет", "ПРИВЕТ")); /* Cyrillic */
}

TEST(set_matches_one_listed_character)
{
	check(match("[abc]", "b"));
	check(!match("[abc]", "d"));
	check(!match("[abc]", "ab"));
	check(match("S[ab]*", "Sa1"));
	check(match("S[ab]*", "SB"));
	check(!match("S[ab]*", "Sc"));
	check(match("[αβγ]x", "Βx"));	/* Greek capital beta */
	check(match("[джз]ом", "Дом")); /* Cyrillic */
	check(match("[会话]", "话"));
	check(!match("[会话]", "室"));
	check(!match("x[]", "x")); /* an empty set matches nothing */
}

TEST(range_matches_characters_between_its_ends)
{
	check(match("[a-c]x", "bx"));
	check(!match("[a-c]x", "dx"));
	check(match("[A-C]x", "bX")); /* ends fold too */
	check(match("[a-c]x", "BX"));
	check(match("[0-9][0-9]", "42"));
	check(!match("[0-9]", "a"));
	check(match("[α-ω]", "Δ")); /* Greek capital delta folds into α-ω */
	check(match("[а-я]", "Ж")); /* Cyrillic */
	check(!match("[а-я]", "z"));
}

TEST(sets_and_ranges_mix)
{
	check(match("[a-cxy]", "x"));
	check(match("[a-cxy]", "b"));
	check(!match("[a-cxy]", "d"));
	check(match("[x0-9a-c]*", "7up"));
	check(match("[-a]", "-")); /* a leading '-' is a member */
	check(match("[a-]", "-")); /* so is a trailing one */
}

TEST(backtick_escapes_the_next_character)
{
	check(match("a`*b", "a*b"));
	check(!match("a`*b", "axb"));
	check(match("a`?", "a?"));
	check(!match("a`?", "ab"));
	check(match("`[x`]", "[x]"));
	check(!match("`[x`]", "x"));
	check(match("a``b", "a`b"));
	check(match("[`]]", "]"));
	check(match("[`-a]", "-"));
	check(!match("[`-a]", "b"));
	check(match("x`", "x`")); /* a trailing backtick is itself */
}

TEST(unclosed_bracket_is_literal)
{
	/* PowerShell calls these invalid; here they match themselves. */
	check(match("x[", "x["));
	check(match("[ab", "[ab"));
	check(!match("[ab", "a"));
	check(match("*[", "abc["));
}

TEST(case_folding_is_unicode_and_simple)
{
	check(match("EXIT-PSSESSION", "exit-pssession"));
	check(match("ÉCOLE", "école"));
	check(match("ΣΑΣ", "σας"));	  /* Greek, with final sigma */
	check(match("ПРИВЕТ", "привет")); /* Cyrillic */
	check(match("会话", "会话"));	  /* CJK has no case */
	check(!match("会话", "会议"));
	/* Simple folding keeps ß one character: no "ss". */
	check(!match("STRASSE", "straße"));
	check(match("STRAẞE", "straße")); /* capital sharp s folds to ß */
	/* Decomposed and composed forms meet (NFC). */
	check(match("A\xcc\x8a*", "\xc3\xa5ngstr\xc3\xb6m"));
}

TEST(turkish_i_folds_without_turkish_rules)
{
	UErrorCode st = U_ZERO_ERROR;

	/* Locale-independent: a Turkish default locale changes nothing. */
	uloc_setDefault("tr_TR", &st);
	check(match("I", "i"));
	check(!match("I", "ı")); /* dotless ı is its own letter */
	check(!match("İ", "i")); /* İ has no simple folding */
	check(match("İ", "İ"));
	check(match("?stanbul", "İstanbul"));
	check(match("[ıi]", "ı"));
	uloc_setDefault("en_US", &st);
}

TEST(has_wildcard_respects_escapes)
{
	check(!wildcard_has_wildcard("Exit-PSSession"));
	check(wildcard_has_wildcard("Exit-*"));
	check(wildcard_has_wildcard("S?"));
	check(wildcard_has_wildcard("S[ab]"));
	check(!wildcard_has_wildcard("a`*b"));
	check(!wildcard_has_wildcard("`[x`]"));
	check(wildcard_has_wildcard("a``*")); /* `` is a backtick, then * */
	check(!wildcard_has_wildcard("x`"));
	check(!wildcard_has_wildcard(""));
	/* An unclosed '[' is a literal, as the matcher reads it. */
	check(!wildcard_has_wildcard("Get-Hel["));
	check(!wildcard_has_wildcard("[a`]"));
	check(wildcard_has_wildcard("[a*"));
	check(wildcard_has_wildcard("x[a]["));
	check(wildcard_match_folded("Get-Hel[", "get-hel["));
}

TEST(compiled_pattern_is_reusable)
{
	struct wildcard w;

	wildcard_compile(&w, "*-PS[Ss]ession");
	check(wildcard_match(&w, "Enter-PSSession"));
	check(wildcard_match(&w, "exit-pssession"));
	check(!wildcard_match(&w, "Get-Command"));
	wildcard_release(&w);
}

TEST(hostile_input_is_safe)
{
	struct strbuf pat, text;

	strbuf_init(&pat);
	strbuf_init(&text);
	/* Invalid UTF-8 is U+FFFD, which only ? and * match. */
	check(match("?", "\xff"));
	check(!match("a", "\xff"));
	check(match("*", "\xc3"));
	for (int i = 0; i < 5000; i++)
		strbuf_addstr(&pat, "[a-");
	strbuf_addchars(&text, 'a', 100000);
	check(!match(pat.buf, "a"));
	check(match("*", text.buf));
	strbuf_release(&pat);
	strbuf_release(&text);
}

int
main(void)
{
	RUN(star_matches_any_run);
	RUN(question_mark_matches_one_character);
	RUN(set_matches_one_listed_character);
	RUN(range_matches_characters_between_its_ends);
	RUN(sets_and_ranges_mix);
	RUN(backtick_escapes_the_next_character);
	RUN(unclosed_bracket_is_literal);
	RUN(case_folding_is_unicode_and_simple);
	RUN(turkish_i_folds_without_turkish_rules);
	RUN(has_wildcard_respects_escapes);
	RUN(compiled_pattern_is_reusable);
	RUN(hostile_input_is_safe);
	return tap_done();
}
