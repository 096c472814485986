/* SPDX-License-Identifier: MIT */
/*
 * The REPL's incremental incomplete-input check (src/runtime/repl_input.c)
 * against the parser: for every entry, fed line by line as the REPL
 * does, each verdict equals psh_input_incomplete on the text so far; long
 * open strings, blocks and comments cost a bounded number of parses.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "repl_input.h"
#include "strbuf.h"
#include "tap.h"

/*
 * Lines separated by '\n'; checks every prefix against the parser (with
 * sparse, only the first and last few); returns the parses.
 */
static size_t
agree_ex(const char *entry, bool sparse)
{
	struct psh_repl_input in;
	struct strbuf sb = STRBUF_INIT;
	const char *p = entry;

	strbuf_init(&sb);
	psh_repl_input_init(&in);
	for (;;) {
		size_t n = strcspn(p, "\n");
		bool got, want;

		strbuf_add(&sb, p, n);
		got = psh_repl_input_incomplete(&in, sb.buf, sb.len);
		if (sparse && got && sb.len > 200 && strlen(p) > 200) {
			strbuf_addch(&sb, '\n');
			p += n + 1;
			continue;
		}
		want = psh_input_incomplete(sb.buf, sb.len);
		if (got != want) {
			tap_fail_("verdict %d, parser %d after %zu bytes of:",
				  got, want, sb.len);
			printf("#   |%s|\n", entry);
		}
		if (p[n] == '\0' || !got)
			break;
		strbuf_addch(&sb, '\n');
		p += n + 1;
	}
	strbuf_release(&sb);
	return in.parses;
}

static size_t
agree(const char *entry)
{
	return agree_ex(entry, false);
}

static const char *const cases[] = {
	"Write-Output 'abc", "Write-Output 'abc\ndef\nghi'",
	"Write-Output 'a''b\nc''''d\n'' e'", "Write-Output 'x\n'",
	"Write-Output 'x\n''",
	"Write-Output \"abc\ndef\"", "Write-Output \"a\n`\"b\n`\nc\"",
	"Write-Output \"a\n$x\nb\"", "Write-Output \"a\n$ b $\n$",
	"Write-Output \"a\n$(x)\n\"", "Write-Output \"a\n`u{41}\n`u{zz\"",
	"Write-Output \"a\n\"\"\nb\"", "Write-Output \"\n\"",
	"Write-Output \xe2\x80\x9c" "curly\nstill\xe2\x80\x9d",
	"Write-Output \xe2\x80\x98" "curly\nstill'",
	"Write-Output ab\"c\nd\"", "Write-Output -Name:'x\ny'",
	"Write-Output {\n}", "Write-Output {\n{\n}\n}\n",
	"Write-Output {\n'}'\n\"}\"\n}", "Write-Output {\n'a\nb}'\n}",
	"Write-Output {\n\"a`\nb}\"\n}", "Write-Output {\n# }\n}",
	"Write-Output {\na# }\n}", "Write-Output {\n<# }\n} #>\n}",
	"Write-Output {\n`}\n}", "Write-Output {\n}}\n",
	"Write-Output {\n} (\n", "Write-Output { {\n}\n} |\nWrite-Output",
	"<# open\nstill\n#> Write-Output x", "<#\n#", "<#\n#\n>",
	"Write-Output a |\n\n  \nWrite-Output", "Write-Output a |\n# c\nx",
	"Write-Output a,\n\nb", "Write-Output a `\nb `\n\nc",
	"Write-Output a `\n`\n`", "${abc\ndef}", "Write-Output ) 'x\ny'",
"Write-Output 'a\n\xff'",
	"Write-Output (\n)", "@'\nhere\n'@", "@\"\nhere\n\"@",
	"$x =\n\n5", "Write-Output $x.\nName", "Write-Output -Name:\nx",
	"Write-Output {\n\"$(\"\n}", "Write-Output '\n\n\n'",
	"Write-Output \"\r\n\"", "\"\n\xc2\xa0#\n\"",
	"{\n\xc2\xa0# }\n}", "{\n\t#}\n}", "{ <#\n#>\n}",
};

TEST(agrees_with_parser)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		agree(cases[i]);
}

/* 20000 lines inside a construct: a handful of parses, not one a line. */
static void
check_long(const char *open, const char *line, const char *close)
{
	struct strbuf sb = STRBUF_INIT;
	size_t parses;

	strbuf_init(&sb);
	strbuf_addstr(&sb, open);
	for (int i = 0; i < 20000; i++) {
		strbuf_addch(&sb, '\n');
		strbuf_addstr(&sb, line);
	}
	strbuf_addch(&sb, '\n');
	strbuf_addstr(&sb, close);
	parses = agree_ex(sb.buf, true);
	if (parses > 5)
		tap_fail_("%zu parses for '%s' lines", parses, line);
	strbuf_release(&sb);
}

TEST(linear)
{
	check_long("Write-Output 'a", "text ''quoted'' $x \"dq\"", "'");
	check_long("Write-Output \"a", "text `\" ``  \"\" $ 1", "\"");
	check_long("Write-Output {", "Write-Output 'x' \"{\" { $y } # }", "}");
	check_long("<#", "comment <# # >", "#>");
	check_long("Write-Output a |", "   ", "Write-Output");
}

/* A NUL or invalid UTF-8 in a later line: the parser's error ends it. */
TEST(bad_bytes)
{
	static const char nul[] = "Write-Output 'a\nb\0c";
	static const char bad[] = "Write-Output 'a\nb\xff";
	struct psh_repl_input in;

	psh_repl_input_init(&in);
	check(psh_repl_input_incomplete(&in, nul, 15));
	check(!psh_repl_input_incomplete(&in, nul, sizeof(nul) - 1));
	psh_repl_input_init(&in);
	check(psh_repl_input_incomplete(&in, bad, 15));
	check(!psh_repl_input_incomplete(&in, bad, sizeof(bad) - 1));
}

int
main(void)
{
	RUN(agrees_with_parser);
	RUN(linear);
	RUN(bad_bytes);
	return tap_done();
}
