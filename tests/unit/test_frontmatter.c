/* SPDX-License-Identifier: MIT */
/* Unit tests for frontmatter: the YAML subset, its warnings, hostile input and the corpus. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "strbuf.h"
#include "tap.h"

/* ---------- a diagnostics sink that remembers what it saw ---------- */

struct seen {
	enum diag_id id;
	uint32_t line, col;
	char msg[160];
};

static struct seen seen[64];
static size_t nseen, nseen_total;
/* Front matter that is not YAML is reported once, then read line by
 * line: that report is kept apart so the line reader's show as before. */
static struct seen yaml_seen;
static unsigned yaml_fallbacks;

static void
collect(void *cookie, const struct diag *d)
{
	(void)cookie;
	if (d->id == DIAG_YAML_SYNTAX) {
		yaml_seen.id = d->id;
		yaml_seen.line = d->line;
		yaml_seen.col = d->col;
		snprintf(yaml_seen.msg, sizeof(yaml_seen.msg), "%s",
			 d->message);
		yaml_fallbacks++;
		return;
	}
	if (nseen < sizeof(seen) / sizeof(seen[0])) {
		struct seen *s = &seen[nseen++];
		s->id = d->id;
		s->line = d->line;
		s->col = d->col;
		snprintf(s->msg, sizeof(s->msg), "%s", d->message);
	}
	nseen_total++;
}

static struct arena A;
static struct diag_ctx DX;

static void
fresh(void)
{
	arena_release(&A);
	arena_init(&A);
	diag_init(&DX, "t.md");
	DX.sink = collect;
	nseen = nseen_total = 0;
	yaml_fallbacks = 0;
}

static int
parse(const char *s, struct frontmatter *fm)
{
	fresh();
	return frontmatter_parse(&A, s, strlen(s), fm, &DX);
}

/* ---------- basics ---------- */

TEST(no_front_matter)
{
	struct frontmatter fm;
	check_int(parse("# Get-Foo\n\n## SYNOPSIS\n", &fm), ==, 0);
	check_int(fm.n, ==, 0);
	check_int(fm.body_offset, ==, 0);
	check_int(fm.body_line, ==, 1);
	check(frontmatter_get(&fm, "title") == NULL);
	/* a longer rule or text after the dashes is not an opening line */
	check_int(parse("----\ntitle: x\n---\n", &fm), ==, 0);
	check_int(fm.n, ==, 0);
	check_int(parse("--- title\ntitle: x\n---\n", &fm), ==, 0);
	check_int(fm.n, ==, 0);
	check_int(parse(" ---\ntitle: x\n---\n", &fm), ==, 0);
	check_int(fm.n, ==, 0);
	fresh();
	check_int(frontmatter_parse(&A, NULL, 0, &fm, &DX), ==, 0);
	check_int(fm.body_line, ==, 1);
	check_int(nseen_total, ==, 0);
}

static const char get_pssession[] =
	"---\n"
	"external help file: System.Management.Automation.dll-Help.xml\n"
	"Locale: en-US\n"
	"Module Name: Microsoft.PowerShell.Core\n"
	"ms.date: 05/15/2019\n"
	"online version: https://docs.microsoft.com/powershell/module/"
	"microsoft.powershell.core/"
	"get-pssession?view=powershell-7.2&WT.mc_id=ps-gethelp\n"
	"schema: 2.0.0\n"
	"title: Get-PSSession\n"
	"ms.locfileid: \"94708802\"\n"
	"---\n"
	"# Get-PSSession\n";

TEST(real_page_header)
{
	struct frontmatter fm;
	check_int(parse(get_pssession, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(yaml_fallbacks, ==, 0); /* read by libyaml */
	check_int(fm.n, ==, 8);
	check_str(fm.entries[0].key, "external help file");
	check_str(fm.entries[0].value,
		  "System.Management.Automation.dll-Help.xml");
	check_int(fm.entries[0].pos.line, ==, 2);
	check_int(fm.entries[0].pos.col, ==, 1);
	check_str(fm.entries[4].key, "online version");
	/* split on the first ": " only: the URL keeps its colons */
	check_str(fm.entries[4].value,
		  "https://docs.microsoft.com/powershell/module/microsoft."
		  "powershell.core/"
		  "get-pssession?view=powershell-7.2&WT.mc_id=ps-gethelp");
	check_int(fm.entries[4].pos.line, ==, 6);
	check_str(fm.entries[7].value, "94708802");
	check_int(fm.entries[7].pos.line, ==, 9);
	check(fm.entries[7].items == NULL);
	check_int(fm.body_line, ==, 11);
	check_str(get_pssession + fm.body_offset, "# Get-PSSession\n");
}

TEST(get_ignores_ascii_case)
{
	struct frontmatter fm;
	parse(get_pssession, &fm);
	check_str(frontmatter_get(&fm, "MODULE NAME"),
		  "Microsoft.PowerShell.Core");
	check_str(frontmatter_get(&fm, "locale"), "en-US");
	check_str(frontmatter_get(&fm, "Title"), "Get-PSSession");
	check(frontmatter_get(&fm, "titl") == NULL);
	check(frontmatter_get(&fm, "title ") == NULL);
	check(frontmatter_get(&fm, "ms.contentlocale") == NULL);
	check(frontmatter_get(NULL, "title") == NULL);
	check(frontmatter_get(&fm, NULL) == NULL);
	const struct help_fm_entry *e = frontmatter_find(&fm, "SCHEMA");
	check(e != NULL && e == &fm.entries[5]);
	/* keys keep their case; a repeated key answers with the first one */
	check_int(parse("---\nKey: one\nkey: two\n---\n", &fm), ==, 0);
	check_str(fm.entries[0].key, "Key");
	check_str(fm.entries[1].key, "key");
	check_str(frontmatter_get(&fm, "KEY"), "one");
}

TEST(closing_forms)
{
	struct frontmatter fm;
	/* trailing blanks on both markers, "..." closes too */
	const char *s = "---  \ntitle: a\n...\t\nbody";
	check_int(parse(s, &fm), ==, 0);
	check_int(fm.n, ==, 1);
	check_str(s + fm.body_offset, "body");
	check_int(fm.body_line, ==, 4);
	/* closing line at the very end, without a newline */
	s = "---\ntitle: a\n---";
	check_int(parse(s, &fm), ==, 0);
	check_int(fm.body_offset, ==, strlen(s));
	check_int(fm.body_line, ==, 4);
	/* empty front matter */
	s = "---\n---\n# T\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(fm.n, ==, 0);
	check_str(s + fm.body_offset, "# T\n");
	check_int(fm.body_line, ==, 3);
	/* "----" inside does not close */
	s = "---\na: b\n----\n---\nX";
	check_int(parse(s, &fm), ==, 0);
	check_str(s + fm.body_offset, "X");
	check_int(nseen, ==, 1);
	check_int(seen[0].id, ==, DIAG_FRONTMATTER_LINE);
	check_int(seen[0].line, ==, 3);
}

TEST(unclosed_is_an_error)
{
	struct frontmatter fm;
	const char *s =
		"---\ntitle: a\n# Heading\n\nSome text that is no key.\n";
	check_int(parse(s, &fm), ==, -1);
	check_int(fm.n, ==, 0);
	check_int(fm.body_offset, ==, 0);
	check_int(fm.body_line, ==, 1);
	/* one error, and no warning for every markdown line */
	check_int(nseen_total, ==, 1);
	check_int(seen[0].id, ==, DIAG_FRONTMATTER_UNCLOSED);
	check_str(diag_slug(seen[0].id), "frontmatter-unclosed");
	check_int(seen[0].line, ==, 1);
	check_int(DX.worst, ==, DIAGL_ERROR);
	check_int(parse("---", &fm), ==, -1);
	check_int(parse("---\n", &fm), ==, -1);
	check_int(parse("---\n-- -\n.. .\n", &fm), ==, -1);
}

/* ---------- scalars ---------- */

TEST(quoted_values)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"d: \"say \\\"hi\\\" \\\\ now\"\n"
			"s: 'it''s'\n"
			"u: \"\\u00e5\\x41\\t\\/\\U0001F600\"\n"
			"z: \"a\\0b\"\n"
			"k: \"\\q\\u12\"\n"
			"c: 'x' # comment\n"
			"e: \"\"\n"
			"colon: \"a: b\"\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_str(frontmatter_get(&fm, "d"), "say \"hi\" \\ now");
	check_str(frontmatter_get(&fm, "s"), "it's");
	check_str(frontmatter_get(&fm, "u"), "\xc3\xa5"
					     "A\t/\xf0\x9f\x98\x80");
	/* NUL never reaches the model */
	check_str(frontmatter_get(&fm, "z"), "a\xef\xbf\xbd"
					     "b");
	/* unknown and short escapes stay as written */
	check_str(frontmatter_get(&fm, "k"), "\\q\\u12");
	check_str(frontmatter_get(&fm, "c"), "x");
	check_str(frontmatter_get(&fm, "e"), "");
	check_str(frontmatter_get(&fm, "colon"), "a: b");
}

TEST(badly_quoted_values_are_kept_and_reported)
{
	struct frontmatter fm;
	const char *s = "---\ntitle: \"Get-Foo\nx: 'a' b\ny: ok\n---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(fm.n, ==, 3);
	check_str(frontmatter_get(&fm, "title"), "\"Get-Foo");
	check_str(frontmatter_get(&fm, "x"), "'a' b");
	check_str(frontmatter_get(&fm, "y"), "ok");
	check_int(yaml_fallbacks, ==, 1);
	check_int(yaml_seen.line, ==, 5); /* the quote never closes */
	check_int(nseen, ==, 2);
	check_int(seen[0].id, ==, DIAG_FRONTMATTER_QUOTE);
	check_str(diag_slug(seen[0].id), "frontmatter-quote");
	check_int(seen[0].line, ==, 2);
	check_int(seen[0].col, ==, 8);
	check(strstr(seen[0].msg, "'\"Get-Foo'") != NULL);
	check_int(seen[1].line, ==, 3);
	check_int(diag_level_of(DIAG_FRONTMATTER_QUOTE), ==, DIAGL_WARNING);
}

TEST(plain_values)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"a:    spaced out   \n"
			"b: x # a comment\n"
			"c: https://x.example/p#frag\n"
			"d: C# and F#\n"
			"e:\ttabbed\n"
			"title: Foo: Bar\n"
			"\"quoted key\": v\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_str(frontmatter_get(&fm, "a"), "spaced out");
	check_str(frontmatter_get(&fm, "b"), "x");
	check_str(frontmatter_get(&fm, "c"), "https://x.example/p#frag");
	check_str(frontmatter_get(&fm, "d"), "C# and F#");
	check_str(frontmatter_get(&fm, "e"), "tabbed");
	check_str(frontmatter_get(&fm, "title"), "Foo: Bar");
	check_str(frontmatter_get(&fm, "quoted key"), "v");
}

/* ---------- lists ---------- */

TEST(block_lists)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"aliases:\n"
			"  - exsn\n"
			"\n"
			"  # a comment inside the list\n"
			"    - \"quoted, item\"\n"
			"- zero indent\n"
			"-\n"
			"empty:\n"
			"title: Exit-PSSession\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(fm.n, ==, 3);
	const struct help_fm_entry *e = frontmatter_find(&fm, "aliases");
	check(e != NULL);
	check(e->value == NULL);
	check_int(e->nitems, ==, 4);
	check_str(e->items[0], "exsn");
	check_str(e->items[1], "quoted, item");
	check_str(e->items[2], "zero indent");
	check_str(e->items[3], "");
	check_int(e->pos.line, ==, 2);
	check(frontmatter_get(&fm, "aliases") == NULL);
	e = frontmatter_find(&fm, "empty");
	check(e != NULL && e->value == NULL && e->nitems == 0);
	check_str(frontmatter_get(&fm, "title"), "Exit-PSSession");
	check_int(fm.entries[2].pos.line, ==, 10);
}

TEST(flow_lists)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"no-loc: [Import-Module, -Scope]\n"
			"q: [ \"a, b\" , 'c''d', e ]  # done\n"
			"none: []\n"
			"trailing: [x, ]\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	const struct help_fm_entry *e = frontmatter_find(&fm, "no-loc");
	check(e && e->value == NULL);
	check_int(e ? e->nitems : 0, ==, 2);
	check_str(e->items[0], "Import-Module");
	check_str(e->items[1], "-Scope");
	e = frontmatter_find(&fm, "q");
	check_int(e->nitems, ==, 3);
	check_str(e->items[0], "a, b");
	check_str(e->items[1], "c'd");
	check_str(e->items[2], "e");
	e = frontmatter_find(&fm, "none");
	check(e && e->value == NULL && e->nitems == 0);
	e = frontmatter_find(&fm, "trailing");
	check_int(e->nitems, ==, 1);
}

/* A flow list may go on over lines, as libyaml reads it; its entry
 * then ends on the line of the `]` (the model check asks as much). */
TEST(flow_lists_over_lines)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"external help file: x.dll-Help.xml\n" /* 4 */
			"online version: [htt\n"	       /* 39 */
			"  ps://example.org, b]\n"	       /* 60 */
			"schema: 2.0.0\n"		       /* 83 */
			"aliases:\n"			       /* 97 */
			"  [x,\n"
			"   'y\n"
			"   z']  # done\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(yaml_fallbacks, ==, 0);
	check_int(fm.n, ==, 4);
	const struct help_fm_entry *e = frontmatter_find(&fm, "online version");
	check(e && e->value == NULL);
	check_int(e ? e->nitems : 0, ==, 2);
	if (e == NULL || e->nitems != 2)
		return;
	check_str(e->items[0], "htt ps://example.org"); /* folded */
	check_str(e->items[1], "b");
	check_int(e->pos.line, ==, 3);
	check_int(e->key_ext.start, ==, 39);
	check_int(e->key_ext.end, ==, 53);
	check_int(e->value_ext.start, ==, 55);
	check_int(e->value_ext.end, ==, 82);
	check_int(e->ext.start, ==, 39);
	check_int(e->ext.end, ==, 82); /* was 59, the key's line */
	e = frontmatter_find(&fm, "schema");
	check(e && e->ext.start == 83 && e->pos.line == 5);
	check_str(frontmatter_get(&fm, "schema"), "2.0.0");
	/* the list opens on the line after its key */
	e = frontmatter_find(&fm, "aliases");
	check_int(e ? e->nitems : 0, ==, 2);
	if (e == NULL || e->nitems != 2)
		return;
	check_str(e->items[0], "x");
	check_str(e->items[1], "y z");
	check_int(e->ext.start, ==, 97);
	check_int(e->value_ext.start, ==, 108);
	check_int(e->value_ext.end, ==, (int)(strstr(s, "']") + 2 - s));
	/* the line's comment is part of the line, not of the value */
	check_int(e->ext.end, ==, (int)(strstr(s, "done") + 4 - s));
	for (size_t i = 0; i < fm.n; i++) {
		const struct help_fm_entry *x = &fm.entries[i];
		check(x->key_ext.end <= x->value_ext.start);
		check(x->value_ext.end <= x->ext.end);
		check(i == 0 || fm.entries[i - 1].ext.end < x->ext.start);
	}
}

/* libyaml also breaks lines at a lone CR and at PS: a list's item lines
 * start there, after the key, not at the previous LF. */
TEST(block_list_items_after_other_line_breaks)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"aliases:\r- x\r- y\n" /* 4, items at 13 */
			"title: T\n"	       /* 21 */
			"a:\xe2\x80\xa9- z\n"  /* 30, item at 35 */
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(yaml_fallbacks, ==, 0);
	check_int(fm.n, ==, 3);
	const struct help_fm_entry *e = frontmatter_find(&fm, "aliases");
	check_int(e ? e->nitems : 0, ==, 2);
	if (e == NULL || e->nitems != 2)
		return;
	check_str(e->items[0], "x");
	check_str(e->items[1], "y");
	check_int(e->key_ext.end, ==, 11);
	check_int(e->value_ext.start, ==, 13); /* was 4, before the key */
	check_int(e->value_ext.end, ==, 20);
	check_int(e->ext.end, ==, 20);
	check_int(fm.entries[1].ext.start, ==, 21);
	e = frontmatter_find(&fm, "a");
	check_int(e ? e->nitems : 0, ==, 1);
	if (e == NULL || e->nitems != 1)
		return;
	check_str(e->items[0], "z");
	check_int(e->value_ext.start, ==, 35);
	check_int(e->ext.end, ==, 38);
}

/* Unclosed, the list is no YAML: reported, then read line by line. */
TEST(unclosed_flow_list_over_lines)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"external help file: x.dll-Help.xml\n"
			"online version: [https://example.org,\n"
			"  b\n"
			"schema: 2.0.0\n"
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(yaml_fallbacks, ==, 1);
	check_int(yaml_seen.line, ==, 5);
	check(strstr(yaml_seen.msg, "flow sequence") != NULL);
	check_int(nseen, ==, 2);
	check_int(seen[0].id, ==, DIAG_FRONTMATTER_LINE);
	check_int(seen[0].line, ==, 3);
	check_int(seen[0].col, ==, 17); /* the `[` */
	check_int(seen[1].id, ==, DIAG_FRONTMATTER_LINE);
	check_int(seen[1].line, ==, 4);
	check_int(fm.n, ==, 2);
	check(frontmatter_find(&fm, "online version") == NULL);
	check_str(frontmatter_get(&fm, "schema"), "2.0.0");
	check_int(fm.body_line, ==, 7);
}

/* ---------- warnings ---------- */

TEST(junk_lines_warn_and_parsing_continues)
{
	struct frontmatter fm;
	const char *s = "---\n"
			"title: A\n"	       /* 2 */
			"just some words\n"    /* 3: no ": " */
			"ms.date:05/15/2019\n" /* 4: no blank after ':' */
			"  indented: junk\n"   /* 5 */
			"- stray item\n"       /* 6: no open list */
			"map:\n"	       /* 7 */
			"  nested: value\n"    /* 8: nested map */
			"  - a: b\n"	       /* 9: map as an item */
			"f: {a: b}\n"	       /* 10: flow map */
			"g: [a, [b]]\n"	       /* 11: nested flow list */
			"h: [a, b\n"	       /* 12: unclosed */
			": no key\n"	       /* 13 */
			"i: [a] tail\n"	       /* 14 */
			"last: Z\n"	       /* 15 */
			"---\n";
	check_int(parse(s, &fm), ==, 0);
	static const uint32_t lines[] = {
		3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14
	};
	size_t nl = sizeof(lines) / sizeof(lines[0]);
	check_int(nseen, ==, nl);
	for (size_t i = 0; i < nseen && i < nl; i++) {
		check_int(seen[i].id, ==, DIAG_FRONTMATTER_LINE);
		check_int(seen[i].line, ==, lines[i]);
	}
	check_str(diag_slug(DIAG_FRONTMATTER_LINE), "frontmatter-line");
	check_int(seen[2].col, ==, 3); /* the first non-blank */
	check_int(DX.worst, ==, DIAGL_WARNING);
	check_int(fm.n, ==, 3);
	check_str(frontmatter_get(&fm, "title"), "A");
	check_str(frontmatter_get(&fm, "last"), "Z");
	const struct help_fm_entry *e = frontmatter_find(&fm, "map");
	check(e && e->nitems == 0);
	check(frontmatter_find(&fm, "f") == NULL);
	check(frontmatter_find(&fm, "h") == NULL);
}

/* ---------- hostile input ---------- */

TEST(crlf_and_bom)
{
	struct frontmatter fm;
	const char *s = "\xef\xbb\xbf---\r\n"
			"title: Get-Foo\r\n"
			"aliases:\r\n"
			"  - gf\r\n"
			"q: \"x\"\r\n"
			"---\r\n"
			"# Get-Foo\r\n";
	check_int(parse(s, &fm), ==, 0);
	check_int(nseen_total, ==, 0);
	check_str(frontmatter_get(&fm, "title"), "Get-Foo");
	check_str(frontmatter_get(&fm, "q"), "x");
	const struct help_fm_entry *e = frontmatter_find(&fm, "aliases");
	check(e && e->nitems == 1);
	check_str(e->items[0], "gf");
	check_int(fm.entries[0].pos.line, ==, 2);
	check_str(s + fm.body_offset, "# Get-Foo\r\n");
	check_int(fm.body_line, ==, 7);
	/* a BOM alone opens nothing, and the body starts at 0 */
	check_int(parse("\xef\xbb\xbf# T\n", &fm), ==, 0);
	check_int(fm.body_offset, ==, 0);
}

TEST(nul_bytes)
{
	struct frontmatter fm;
	static const char s[] =
		"---\ntitle: a\0b\nx: y\n\0--\n---\0\n---\nbody";
	fresh();
	check_int(frontmatter_parse(&A, s, sizeof(s) - 1, &fm, &DX), ==, 0);
	check_str(frontmatter_get(&fm, "x"), "y");
	check(frontmatter_get(&fm, "title") != NULL);
	check_str(s + fm.body_offset, "body");
	check_int(fm.body_line, ==, 7);
	/* "\0--" and "---\0" are junk lines, not markers */
	check_int(nseen, ==, 2);
	check_int(seen[0].line, ==, 4);
	check_int(seen[1].line, ==, 5);
}

static double
seconds(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

TEST(one_megabyte_lines)
{
	struct frontmatter fm;
	size_t big = 1 << 20;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addstr(&sb, "---\ndescription: ");
	strbuf_addchars(&sb, 'x', big);
	strbuf_addstr(&sb, "\njunk");
	strbuf_addchars(&sb, ':', big); /* colons never followed by a blank */
	strbuf_addstr(&sb, "x\nlist: [");
	strbuf_addchars(&sb, ',', big);
	strbuf_addstr(&sb, "]\nq: \"");
	strbuf_addchars(&sb, '\\', big); /* an even count: all escapes */
	strbuf_addstr(&sb, "\"\n---\n");
	clock_t t0 = clock();
	fresh();
	check_int(frontmatter_parse(&A, sb.buf, sb.len, &fm, &DX), ==, 0);
	check(seconds(t0) < 2.0);
	const char *d = frontmatter_get(&fm, "description");
	check_int(d ? strlen(d) : 0, ==, big);
	const struct help_fm_entry *e = frontmatter_find(&fm, "list");
	check(e && e->nitems == 0);
	const char *q = frontmatter_get(&fm, "q");
	check_int(q ? strlen(q) : 0, ==, big / 2);
	check_int(nseen, ==, 1);
	check_int(seen[0].line, ==, 3);
	check_int(fm.body_line, ==, 7);
	strbuf_release(&sb);
}

TEST(hundred_thousand_entries)
{
	struct frontmatter fm;
	enum { N = 100000 };
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addstr(&sb, "---\n");
	for (int i = 0; i < N; i++)
		strbuf_addf(&sb, "key%d: value %d\n", i, i);
	strbuf_addstr(&sb, "items:\n");
	for (int i = 0; i < N; i++)
		strbuf_addf(&sb, "  - item%d\n", i);
	strbuf_addstr(&sb, "---\n");
	clock_t t0 = clock();
	fresh();
	check_int(frontmatter_parse(&A, sb.buf, sb.len, &fm, &DX), ==, 0);
	check(seconds(t0) < 2.0);
	check_int(fm.n, ==, N + 1);
	check_str(fm.entries[N - 1].key, "key99999");
	check_str(fm.entries[N - 1].value, "value 99999");
	check_int(fm.entries[N - 1].pos.line, ==, N + 1);
	check_int(fm.entries[N].nitems, ==, N);
	check_str(fm.entries[N].items[N - 1], "item99999");
	check_int(fm.body_line, ==, 2 * N + 4);
	/* too many nodes for the YAML tree: read line by line instead */
	check_int(nseen_total, ==, 1);
	check_int(seen[0].id, ==, DIAG_YAML_UNSUPPORTED);
	strbuf_release(&sb);
}

/* ---------- the real pages ---------- */

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, len);
}

struct fm_stats {
	int pages, with_title, with_contentlocale, locale_en, ext_help;
	int title_is_stem, body_is_h1;
};

static void
check_page(const char *dir, const char *name, const char *locale,
	   struct fm_stats *st)
{
	char path[4096];
	size_t len;
	struct frontmatter fm;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *buf = read_file(path, &len);
	if (buf == NULL)
		return;
	fresh();
	int rc = frontmatter_parse(&A, buf, len, &fm, &DX);
	if (rc != 0 || nseen_total != 0)
		printf("# %s: rc %d, %zu diagnostics\n", path, rc, nseen_total);
	check_int(rc, ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(yaml_fallbacks, ==, 0); /* every real front matter is YAML */
	st->pages++;
	const char *title = frontmatter_get(&fm, "title");
	st->with_title += title != NULL;
	const char *cl = frontmatter_get(&fm, "ms.contentlocale");
	if (cl) {
		st->with_contentlocale++;
		check_str(cl, locale);
		/* the one quoted value is unquoted */
		const char *id = frontmatter_get(&fm, "ms.locfileid");
		check(id && id[0] >= '0' && id[0] <= '9');
	}
	const char *loc = frontmatter_get(&fm, "Locale");
	st->locale_en += loc && strcmp(loc, "en-US") == 0;
	st->ext_help += frontmatter_get(&fm, "external help file") != NULL;
	size_t stem = strlen(name) - 3;
	st->title_is_stem += title && strlen(title) == stem &&
			     strncmp(title, name, stem) == 0;
	size_t b = fm.body_offset;
	while (b < len && buf[b] == '\n')
		b++; /* some About pages leave a blank line */
	st->body_is_h1 += strncmp(buf + b, "# ", 2) == 0;
	for (size_t i = 0; i < fm.n; i++)
		check(fm.entries[i].value && fm.entries[i].nitems == 0);
	free(buf);
}

static void
check_dir(const char *dir, const char *locale, struct fm_stats *st)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	check(d != NULL);
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)
			check_page(dir, e->d_name, locale, st);
	}
	if (d)
		closedir(d);
}

static const char *
shared_dir(void)
{
	const char *s = getenv("PSHELP_SHARED");
	struct stat st;
	char path[4096];
	if (s == NULL)
		return NULL;
	snprintf(path, sizeof(path), "%s/corpus/en-US", s);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? s : NULL;
}

/* Counts from corpus-notes §4, the same in both locales. */
TEST(corpus_front_matter)
{
	static const char *const locales[] = { "en-US", "sv-SE" };
	const char *shared = shared_dir();
	for (int l = 0; l < 2; l++) {
		struct fm_stats cmd = { 0 }, about = { 0 };
		char dir[4096];
		snprintf(dir, sizeof(dir),
			 "%s/corpus/%s/Microsoft.PowerShell.Core", shared,
			 locales[l]);
		check_dir(dir, locales[l], &cmd);
		strcat(dir, "/About");
		check_dir(dir, locales[l], &about);
		check_int(cmd.pages, ==, 62);
		check_int(about.pages, ==, 126);
		check_int(cmd.with_title, ==, 62);
		check_int(about.with_title, ==, 126);
		check_int(cmd.ext_help, ==, 61);
		check_int(about.ext_help, ==, 0);
		/* Locale says en-US even in the Swedish pages */
		check_int(cmd.locale_en + about.locale_en, ==, 188);
		check_int(cmd.with_contentlocale + about.with_contentlocale, ==,
			  l ? 188 : 0);
		/* every cmdlet title is its file name; the module page's is not in sv */
		check_int(cmd.title_is_stem, ==, l ? 61 : 62);
		check_int(cmd.body_is_h1 + about.body_is_h1, ==, 188);
	}
}

TEST(seed_page)
{
	char path[4096];
	size_t len;
	struct frontmatter fm;
	snprintf(path, sizeof(path), "%s/seeds/sv-SE/Exit-PSSession.md",
		 shared_dir());
	char *buf = read_file(path, &len);
	check(buf != NULL);
	if (buf == NULL)
		return;
	fresh();
	check_int(frontmatter_parse(&A, buf, len, &fm, &DX), ==, 0);
	check_int(nseen_total, ==, 0);
	check_int(yaml_fallbacks, ==, 0);
	check_int(fm.n, ==, 13);
	check_str(frontmatter_get(&fm, "Locale"), "en-US");
	check_str(frontmatter_get(&fm, "ms.contentlocale"), "sv-SE");
	check_str(frontmatter_get(&fm, "ms.locfileid"), "99975098");
	check_str(frontmatter_get(&fm, "title"), "Exit-PSSession");
	check_int(fm.body_line, ==, 16);
	check(strncmp(buf + fm.body_offset, "# Exit-PSSession\n", 17) == 0);
	free(buf);
}

int
main(void)
{
	arena_init(&A);
	RUN(no_front_matter);
	RUN(real_page_header);
	RUN(get_ignores_ascii_case);
	RUN(closing_forms);
	RUN(unclosed_is_an_error);
	RUN(quoted_values);
	RUN(badly_quoted_values_are_kept_and_reported);
	RUN(plain_values);
	RUN(block_lists);
	RUN(flow_lists);
	RUN(flow_lists_over_lines);
	RUN(unclosed_flow_list_over_lines);
	RUN(block_list_items_after_other_line_breaks);
	RUN(junk_lines_warn_and_parsing_continues);
	RUN(crlf_and_bom);
	RUN(nul_bytes);
	RUN(one_megabyte_lines);
	RUN(hundred_thousand_entries);
	if (shared_dir()) {
		RUN(corpus_front_matter);
		RUN(seed_page);
	} else {
		printf("ok %d - corpus_front_matter # SKIP no shared corpus\n",
		       ++tap_count);
		printf("ok %d - seed_page # SKIP no shared corpus\n",
		       ++tap_count);
	}
	arena_release(&A);
	return tap_done();
}
