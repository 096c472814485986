/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the psh lexer and parser: the tree of every construct
 * (as an s-expression), positions, every parse error in its exact
 * ConciseView form, incompleteness for the REPL, and hostile input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "parser.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

/* Prints s as TAP comment lines (multi-line texts would break TAP). */
static void
tap_text(const char *label, const char *s)
{
	printf("#   %s:\n", label);
	while (s && *s) {
		size_t n = strcspn(s, "\n");

		printf("#     |%.*s|\n", (int)n, s);
		s += n + (s[n] == '\n');
	}
}

/* check_str for texts of several lines. */
#define check_text(a, b)                                                       \
	do {                                                                   \
		const char *ta_ = (a), *tb_ = (b);                             \
		if (!ta_ || !tb_ || strcmp(ta_, tb_) != 0) {                   \
			tap_fail_("check failed: %s == %s", #a, #b);           \
			tap_text("got", ta_);                                  \
			tap_text("expected", tb_);                             \
		}                                                              \
	} while (0)

/* The tree of src, or "error <id>". */
static char *
dump_flags(const char *src, size_t len, unsigned flags)
{
	struct psh_ast *ast = psh_parse(src, len);
	char *d;

	if (ast->error)
		d = xasprintf("error %s", ast->error->id);
	else
		d = psh_dump(ast->root, flags);
	psh_ast_free(ast);
	return d;
}

/* The ConciseView of src's parse error, or "no error". */
static char *
error_view(const char *src)
{
	struct psh_ast *ast = psh_parse(src, strlen(src));
	char *v;

	if (ast->error)
		v = psh_error_format(ast->error, src, strlen(src), NULL, NULL);
	else
		v = xstrdup("no error");
	psh_ast_free(ast);
	return v;
}

#define check_dump(src, want)                                                  \
	do {                                                                   \
		char *d_ = dump_flags(src, strlen(src), 0);                    \
		check_text(d_, want);                                          \
		free(d_);                                                      \
	} while (0)

#define check_pos(src, want)                                                   \
	do {                                                                   \
		char *d_ = dump_flags(src, strlen(src), PSH_DUMP_POS);         \
		check_text(d_, want);                                          \
		free(d_);                                                      \
	} while (0)

#define check_view(src, want)                                                  \
	do {                                                                   \
		char *v_ = error_view(src);                                    \
		check_text(v_, want);                                          \
		free(v_);                                                      \
	} while (0)

#define check_incomplete(src, want)                                            \
	do {                                                                   \
		bool i_ = psh_input_incomplete(src, strlen(src));              \
		if (i_ != (want))                                              \
			tap_fail_("incomplete(\"%s\") is %d", src, i_);        \
	} while (0)

/* ---------- the seed page's examples ---------- */

TEST(seed_examples)
{
	check_dump("Enter-PSSession -ComputerName Server01",
		   "(pipeline (command \"Enter-PSSession\" (param "
		   "\"ComputerName\")"
		   " (string \"Server01\")))");
	check_dump("Exit-PSSession", "(pipeline (command \"Exit-PSSession\"))");
	check_dump("$s = New-PSSession -ComputerName Server01",
		   "(assign (var \"s\") (pipeline (command \"New-PSSession\""
		   " (param \"ComputerName\") (string \"Server01\"))))");
	check_dump("Enter-PSSession -Session $s",
		   "(pipeline (command \"Enter-PSSession\" (param \"Session\")"
		   " (var \"s\")))");
	check_dump("$s", "(pipeline (var \"s\"))");
	check_dump("exit", "(exit)");
	check_dump("EXIT", "(exit)");
}

/* Lines after "PS> " or "Server01\PS> " in the seed's code blocks. */
static size_t
seed_lines(const char *page, char ***out)
{
	char **lines = NULL;
	size_t n = 0, cap = 0;
	const char *p = page;

	while ((p = strstr(p, "PS> ")) != NULL) {
		const char *s = p + 4, *e = strchr(s, '\n');

		if (e == NULL)
			e = s + strlen(s);
		if (e > s) {
			lines = xgrow(lines, &cap, n + 1, sizeof(*lines));
			lines[n++] = xstrndup(s, (size_t)(e - s));
		}
		p = e;
	}
	*out = lines;
	return n;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, len);
}

TEST(seed_page_lines)
{
	static const char *const want[] = {
		"(pipeline (command \"Enter-PSSession\" (param "
		"\"ComputerName\")"
		" (string \"Server01\")))",
		"(pipeline (command \"Exit-PSSession\"))",
		"(assign (var \"s\") (pipeline (command \"New-PSSession\""
		" (param \"ComputerName\") (string \"Server01\"))))",
		"(pipeline (command \"Enter-PSSession\" (param \"Session\")"
		" (var \"s\")))",
		"(pipeline (command \"Exit-PSSession\"))",
		"(pipeline (var \"s\"))",
		"(pipeline (command \"Enter-PSSession\" (param "
		"\"ComputerName\")"
		" (string \"Server01\")))",
		"(exit)",
	};
	const char *shared = getenv("PSHELP_SHARED");
	char *path, *page, **lines;
	size_t len, n;

	path = xasprintf("%s/seeds/sv-SE/Exit-PSSession.md",
			 shared ? shared : "/nonexistent");
	page = read_file(path, &len);
	free(path);
	if (page == NULL) {
		printf("# skipped: no shared corpus\n");
		return;
	}
	n = seed_lines(page, &lines);
	check_int(n, ==, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < n; i++) {
		if (i < sizeof(want) / sizeof(want[0]))
			check_dump(lines[i], want[i]);
		free(lines[i]);
	}
	free(lines);
	free(page);
}

/* ---------- statements ---------- */

TEST(statements)
{
	check_dump("", "");
	check_dump(" \t\n\n;;  ", "");
	check_dump("a; b\nc",
		   "(pipeline (command \"a\"))\n(pipeline (command \"b\"))\n"
		   "(pipeline (command \"c\"))");
	check_dump("a\r\nb\rc",
		   "(pipeline (command \"a\"))\n(pipeline (command \"b\"))\n"
		   "(pipeline (command \"c\"))");
	check_dump("# only a comment", "");
	check_dump("Get-X a # comment 'b\nGet-Y",
		   "(pipeline (command \"Get-X\" (string \"a\")))\n"
		   "(pipeline (command \"Get-Y\"))");
	check_dump(
		"Get-X <# inline #> a <# multi\nline #> b",
		"(pipeline (command \"Get-X\" (string \"a\") (string \"b\")))");
	check_dump(
		"Get-X a `\n  -Name b",
		"(pipeline (command \"Get-X\" (string \"a\") (param \"Name\")"
		" (string \"b\")))");
	check_dump(
		"Get-X a `\r\n  b",
		"(pipeline (command \"Get-X\" (string \"a\") (string \"b\")))");
	/* a BOM and no-break spaces are blanks */
	check_dump("\xEF\xBB\xBFGet-X\xC2\xA0"
		   "a",
		   "(pipeline (command \"Get-X\" (string \"a\")))");
}

TEST(pipelines)
{
	check_dump(
		"a | b | c",
		"(pipeline (command \"a\") (command \"b\") (command \"c\"))");
	check_dump("a|b", "(pipeline (command \"a\") (command \"b\"))");
	check_dump("Get-PSSession |\n\n  Remove-PSSession",
		   "(pipeline (command \"Get-PSSession\")"
		   " (command \"Remove-PSSession\"))");
	check_dump("$s | Remove-PSSession",
		   "(pipeline (var \"s\") (command \"Remove-PSSession\"))");
	check_dump("$s.Name | Get-PSSession",
		   "(pipeline (member (var \"s\") \"Name\")"
		   " (command \"Get-PSSession\"))");
	check_dump("'Server01' | x",
		   "(pipeline (string \"Server01\") (command \"x\"))");
	check_dump("1,2 | x",
		   "(pipeline (array (int 1) (int 2)) (command \"x\"))");
	/* keywords are only keywords at the start of a statement */
	check_dump("x | foreach",
		   "(pipeline (command \"x\") (command \"foreach\"))");
	check_dump("Get-X if",
		   "(pipeline (command \"Get-X\" (string \"if\")))");
}

/* ---------- commands ---------- */

TEST(command_parameters)
{
	check_dump("Get-PSSession -Name x",
		   "(pipeline (command \"Get-PSSession\" (param \"Name\")"
		   " (string \"x\")))");
	check_dump(
		"Get-X -Name:x -Id:3",
		"(pipeline (command \"Get-X\" (param \"Name\" (string \"x\"))"
		" (param \"Id\" (int 3))))");
	check_dump("Get-X -Name: x", "(pipeline (command \"Get-X\" (param "
				     "\"Name\" (string \"x\"))))");
	check_dump("Get-X -Name:a,b",
		   "(pipeline (command \"Get-X\" (param \"Name\" (array"
		   " (string \"a\") (string \"b\")))))");
	check_dump(
		"Get-X -Name:-x -Id:-1",
		"(pipeline (command \"Get-X\" (param \"Name\" (string \"-x\"))"
		" (param \"Id\" (int -1))))");
	check_dump("Get-X -Force:$false", "(pipeline (command \"Get-X\" (param "
					  "\"Force\" (bool false))))");
	check_dump("Get-X -Force -Comp .", "(pipeline (command \"Get-X\" "
					   "(param \"Force\") (param \"Comp\")"
					   " (string \".\")))");
	check_dump("Get-Help -?",
		   "(pipeline (command \"Get-Help\" (param \"?\")))");
	check_dump("get-help -cn X", "(pipeline (command \"get-help\" (param "
				     "\"cn\") (string \"X\")))");
	/* en dash, em dash and horizontal bar start parameters too */
	check_dump(
		"Get-X \xE2\x80\x93Name \xE2\x80\x94Id \xE2\x80\x95Q",
		"(pipeline (command \"Get-X\" (param \"Name\") (param \"Id\")"
		" (param \"Q\")))");
	/* a quote makes it an argument, as in PowerShell */
	check_dump("Get-X -a'b'",
		   "(pipeline (command \"Get-X\" (string \"-ab\")))");
	check_dump("Get-X - -.x", "(pipeline (command \"Get-X\" (string \"-\")"
				  " (string \"-.x\")))");
}

TEST(command_arguments)
{
	check_dump("Enter-PSSession -ComputerName .",
		   "(pipeline (command \"Enter-PSSession\" (param "
		   "\"ComputerName\")"
		   " (string \".\")))");
	check_dump("Get-X Server01 .\\x a=b [ab]* a#b user@host",
		   "(pipeline (command \"Get-X\" (string \"Server01\")"
		   " (string \".\\\\x\") (string \"a=b\") (string \"[ab]*\")"
		   " (string \"a#b\") (string \"user@host\")))");
	check_dump("Get-X 42 -1 0 -0",
		   "(pipeline (command \"Get-X\" (int 42) (int -1) (int 0)"
		   " (int 0)))");
	check_dump("Get-X 9223372036854775807 -9223372036854775808",
		   "(pipeline (command \"Get-X\" (int 9223372036854775807)"
		   " (int -9223372036854775808)))");
	/* past Int64 (a Decimal in PowerShell) and 42abc: bare words */
	check_dump(
		"Get-X 9223372036854775808 42abc 1.5 0x10 1kb",
		"(pipeline (command \"Get-X\" (string \"9223372036854775808\")"
		" (string \"42abc\") (int 1.5) (int 16)"
		" (int 1024)))");
	check_dump("Get-X 0xFFFFFFFF 0x100000000 0x10L 1e3 -2kb 1.5kb 3gb 1pb",
		   "(pipeline (command \"Get-X\" (int -1) (int 4294967296)"
		   " (int 16) (int 1000) (int -2048) (int 1536)"
		   " (int 3221225472) (int 1125899906842624)))");
	check_dump("Get-X 1e400 0x12345678901234567 1u 1d 1.5L 10000000pb",
		   "(pipeline (command \"Get-X\" (string \"1e400\")"
		   " (string \"0x12345678901234567\") (string \"1u\")"
		   " (string \"1d\") (string \"1.5L\")"
		   " (string \"10000000pb\")))");
	check_dump(",1", "(pipeline (array (int 1)))");
	check_dump(",,1", "(pipeline (array (array (int 1))))");
	check_dump(",(1, 2),3",
		   "(pipeline (array (array (array (int 1) (int 2))) (int 3)))");
	check_dump("$a = ,1",
		   "(assign (var \"a\") (pipeline (array (int 1))))");
	check_dump("Get-X \xE2\x80\x93"
		   "7",
		   "(pipeline (command \"Get-X\" (int -7)))");
}

TEST(arrays)
{
	check_dump("1,2", "(pipeline (array (int 1) (int 2)))");
	check_dump("Get-X a,b,c",
		   "(pipeline (command \"Get-X\" (array (string \"a\")"
		   " (string \"b\") (string \"c\"))))");
	check_dump("Get-X a , 'b' ,\n\n $c",
		   "(pipeline (command \"Get-X\" (array (string \"a\")"
		   " (string \"b\") (var \"c\"))))");
	check_dump("Get-X 1,-2,-Name",
		   "(pipeline (command \"Get-X\" (array (int 1) (int -2)"
		   " (string \"-Name\"))))");
	check_dump("$a = 'x', \"y\", 3, $b, {c}",
		   "(assign (var \"a\") (pipeline (array (string \"x\")"
		   " (string \"y\") (int 3) (var \"b\") (block \"c\"))))");
	check_dump("Get-X a,b c",
		   "(pipeline (command \"Get-X\" (array (string \"a\")"
		   " (string \"b\")) (string \"c\")))");
}

/* ---------- strings ---------- */

TEST(single_quoted)
{
	check_dump("Get-X 'a b' ''", "(pipeline (command \"Get-X\""
				     " (string \"a b\") (string \"\")))");
	check_dump("'it''s $x `n'", "(pipeline (string \"it's $x `n\"))");
	check_dump("'line1\nline2'", "(pipeline (string \"line1\\nline2\"))");
	/* curly single quotes are quotes too */
	check_dump("\xE2\x80\x98"
		   "a"
		   "\xE2\x80\x99",
		   "(pipeline (string \"a\"))");
	/* a quote at the start ends the token: two arguments */
	check_dump("Get-X 'a'b", "(pipeline (command \"Get-X\" (string \"a\")"
				 " (string \"b\")))");
}

TEST(double_quoted)
{
	check_dump("\"a \"\"b\"\" `\"c`\"\"",
		   "(pipeline (string \"a \\\"b\\\" \\\"c\\\"\"))");
	check_dump("\"`0`a`b`e`f`n`r`t`v`$`'`q``\"",
		   "(pipeline (string "
		   "\"\\x00\\x07\\x08\\x1B\\x0C\\n\\r\\t\\x0B$'q`\"))");
	check_dump("\"`u{41}`u{e9}`u{1F600}\"",
		   "(pipeline (string \"A\xC3\xA9\xF0\x9F\x98\x80\"))");
	check_dump("\"Hello $name!\"",
		   "(pipeline (expand (string \"Hello \") (var \"name\")"
		   " (string \"!\")))");
	/* only $var expands: .Prop stays text, as in PowerShell */
	check_dump("\"$s.State\"",
		   "(pipeline (expand (var \"s\") (string \".State\")))");
	check_dump(
		"\"${a b}c $env:PATH $$ $? $^ $true\"",
		"(pipeline (expand (var \"a b\") (string \"c \")"
		" (var \"env:PATH\") (string \" \") (var \"$\") (string \" \")"
		" (var \"?\") (string \" \") (var \"^\") (string \" \")"
		" (bool true)))");
	/* a $ that starts no variable is text */
	check_dump("\"a $ b $\"", "(pipeline (string \"a $ b $\"))");
	check_dump("\xE2\x80\x9C"
		   "x $y"
		   "\xE2\x80\x9D",
		   "(pipeline (expand (string \"x \") (var \"y\")))");
}

TEST(bare_words)
{
	check_dump("Get-X a`tb `$y a` b", "(pipeline (command \"Get-X\" "
					  "(string \"a\\tb\") (string \"$y\")"
					  " (string \"a b\")))");
	check_dump("Get-X a'b c'd", "(pipeline (command \"Get-X\""
				    " (string \"ab cd\")))");
	check_dump("Get-X a\"b $x\"c",
		   "(pipeline (command \"Get-X\" (expand (string \"ab \")"
		   " (var \"x\") (string \"c\"))))");
	check_dump("Get-X Server$i $a-b",
		   "(pipeline (command \"Get-X\" (expand (string \"Server\")"
		   " (var \"i\")) (expand (var \"a\") (string \"-b\"))))");
	/* a command name is never expanded */
	check_dump("a$b c", "(pipeline (command \"a$b\" (string \"c\")))");
}

/* ---------- variables ---------- */

TEST(variables)
{
	check_dump("Get-X $s $Server_1 $env:COMPUTERNAME $global:x",
		   "(pipeline (command \"Get-X\" (var \"s\") (var \"Server_1\")"
		   " (var \"env:COMPUTERNAME\") (var \"global:x\")))");
	check_dump("Get-X ${braced name} ${a`}b}",
		   "(pipeline (command \"Get-X\" (var \"braced name\")"
		   " (var \"a}b\")))");
	check_dump("Get-X $$ $? $^ $_",
		   "(pipeline (command \"Get-X\" (var \"$\")"
		   " (var \"?\") (var \"^\") (var \"_\")))");
	/* names keep their case; $true/$false/$null become constants */
	check_dump("Get-X $S $TRUE ${False} $Null",
		   "(pipeline (command \"Get-X\" (var \"S\") (bool true)"
		   " (bool false) (null)))");
	check_dump("Get-X $v\xC3\xA4"
		   "der",
		   "(pipeline (command \"Get-X\""
		   " (var \"v\xC3\xA4"
		   "der\")))");
	/* a $ that starts no variable is a word */
	check_dump("Get-X $ $+", "(pipeline (command \"Get-X\" (string \"$\")"
				 " (string \"$+\")))");
}

TEST(members)
{
	check_dump("$s.State", "(pipeline (member (var \"s\") \"State\"))");
	check_dump(
		"Get-X $s.Runspace.Id",
		"(pipeline (command \"Get-X\" (member (var \"s\") \"Runspace\""
		" \"Id\")))");
	check_dump("Get-X $s.Name,$t.Name",
		   "(pipeline (command \"Get-X\" (array (member (var \"s\") "
		   "\"Name\")"
		   " (member (var \"t\") \"Name\"))))");
	check_dump("${a b}.Length",
		   "(pipeline (member (var \"a b\") \"Length\"))");
	check_dump("$true.x", "(pipeline (member (bool true) \"x\"))");
}

/* ---------- script blocks ---------- */

TEST(script_blocks)
{
	check_dump("Invoke-Command -Session $s { Get-PSSession }",
		   "(pipeline (command \"Invoke-Command\" (param \"Session\")"
		   " (var \"s\") (block \" Get-PSSession \")))");
	check_dump("Get-X -ScriptBlock:{a}",
		   "(pipeline (command \"Get-X\" (param \"ScriptBlock\""
		   " (block \"a\"))))");
	check_dump("x {a; {b {c}}}", "(pipeline (command \"x\""
				     " (block \"a; {b {c}}\")))");
	/* braces in strings, comments and escapes do not count */
	check_dump("x { '}' \"}`\"}\" # }\n `} <# } #> }",
		   "(pipeline (command \"x\" (block \" '}' \\\"}`\\\"}\\\" # "
		   "}\\n `}"
		   " <# } #> \")))");
	/* '#' inside a word is not a comment */
	check_dump("x { a#} b", "(pipeline (command \"x\" (block \" a#\")"
				" (string \"b\")))");
	check_dump("x { a #} b", "error MissingEndCurlyBrace");
	check_dump("{ a }", "(pipeline (block \" a \"))");
	check_dump("{}", "(pipeline (block \"\"))");
}

TEST(assignment_and_exit)
{
	check_dump("$x=1", "(assign (var \"x\") (pipeline (int 1)))");
	check_dump("$x =\n\n Get-X",
		   "(assign (var \"x\") (pipeline (command \"Get-X\")))");
	check_dump("$x = Get-PSSession | Get-Y",
		   "(assign (var \"x\") (pipeline (command \"Get-PSSession\")"
		   " (command \"Get-Y\")))");
	check_dump("${my var} = $s.Name",
		   "(assign (var \"my var\") (pipeline (member (var \"s\")"
		   " \"Name\")))");
	check_dump("$env:X = 'y'",
		   "(assign (var \"env:X\") (pipeline (string \"y\")))");
	/* $true is a variable on the left (the runtime refuses it) */
	check_dump("$true = 1", "(assign (var \"true\") (pipeline (int 1)))");
	check_dump("exit 3", "(exit (int 3))");
	check_dump("exit -1; exit", "(exit (int -1))\n(exit)");
	check_dump("Exit\nGet-X", "(exit)\n(pipeline (command \"Get-X\"))");
	check_dump("exit.x", "(pipeline (command \"exit.x\"))");
}

/* ---------- positions ---------- */

TEST(positions)
{
	check_pos("Get-X -Name:'a' $b.c\n  {x}",
		  "(pipeline@1:1/0+20 (command@1:1/0+20 \"Get-X\""
		  " (param@1:7/6+9 \"Name\" (string@1:13/12+3 \"a\"))"
		  " (member@1:17/16+4 (var@1:17/16+2 \"b\") \"c\")))\n"
		  "(pipeline@2:3/23+3 (block@2:3/23+3 \"x\"))");
	check_pos("$x = 1,\n2",
		  "(assign@1:1/0+9 (var@1:1/0+2 \"x\") (pipeline@1:6/5+4"
		  " (array@1:6/5+4 (int@1:6/5+1 1) (int@2:1/8+1 2))))");
	check_pos("\"a $b c\"",
		  "(pipeline@1:1/0+8 (expand@1:1/0+8 (string@1:1/0+3 \"a \")"
		  " (var@1:4/3+2 \"b\") (string@1:6/5+3 \" c\")))");
	check_pos("a\r\nb", "(pipeline@1:1/0+1 (command@1:1/0+1 \"a\"))\n"
			    "(pipeline@2:1/3+1 (command@2:1/3+1 \"b\"))");
	/* columns are bytes */
	check_pos("\xC3\xA4 b",
		  "(pipeline@1:1/0+4 (command@1:1/0+4 \"\xC3\xA4\""
		  " (string@1:4/3+1 \"b\")))");
}

TEST(node_fields)
{
	const char *src = "x -N:1 'q' \"d\" {\n body } b";
	struct psh_ast *ast = psh_parse(src, strlen(src));
	struct psh_node *cmd, *blk;

	check(ast->error == NULL);
	if (ast->error)
		goto out;
	cmd = ast->root->kids[0]->kids[0];
	check_int(cmd->nkids, ==, 6);
	check_int(cmd->kids[1]->colon, ==, 1);
	check_int(cmd->kids[1]->inner.offset, ==, 2);
	check_int(cmd->kids[1]->inner.len, ==, 3);
	check_int(cmd->kids[1]->ext.len, ==, 4);
	check_int(cmd->kids[2]->quote, ==, PSH_QUOTE_SINGLE);
	check_int(cmd->kids[3]->quote, ==, PSH_QUOTE_DOUBLE);
	check_int(cmd->kids[5]->quote, ==, PSH_QUOTE_BARE);
	blk = cmd->kids[4];
	check_int(blk->kind, ==, PSH_SCRIPTBLOCK);
	check_int(blk->inner.offset, ==, 16);
	check_int(blk->inner.len, ==, 7);
	check_int(blk->inner.line, ==, 1);
	check_int(blk->inner.col, ==, 17);
	check_str(blk->text, "\n body ");
	check_int(ast->root->ext.len, ==, strlen(src));
out:
	psh_ast_free(ast);
}

TEST(parse_with_base)
{
	/* the inside of a block, parsed again, keeps the outer positions */
	const char *src = "Invoke-Command {\n  Get-X |\n}";
	struct psh_ast *outer = psh_parse(src, strlen(src)), *inner;
	struct psh_node *blk;
	struct psh_pos base;
	char *view;

	check(outer->error == NULL);
	if (outer->error) {
		psh_ast_free(outer);
		return;
	}
	blk = outer->root->kids[0]->kids[0]->kids[1];
	base.offset = blk->inner.offset;
	base.line = blk->inner.line;
	base.col = blk->inner.col;
	inner = psh_parse_ex(blk->text, blk->len, &base);
	check(inner->error != NULL);
	if (inner->error) {
		check_int(inner->error->ext.line, ==, 2);
		check_int(inner->error->ext.col, ==, 10);
		check_int(inner->error->ext.offset, ==, 26);
		check_int(inner->error->ext.len, ==, 0);
		view = psh_error_format(inner->error, src, strlen(src), NULL,
					NULL);
		check_text(view,
			   "ParserError:\nLine |\n   2 |    Get-X |\n"
			   "     |           ^\n"
			   "     | An empty pipe element is not allowed.\n");
		free(view);
	}
	psh_ast_free(inner);
	/* a complete inside, shifted on its first line */
	base.offset = 100;
	base.line = 7;
	base.col = 5;
	inner = psh_parse_ex("a b\nc", 5, &base);
	view = psh_dump(inner->root, PSH_DUMP_POS);
	check_text(view, "(pipeline@7:5/100+3 (command@7:5/100+3 \"a\""
			 " (string@7:7/102+1 \"b\")))\n"
			 "(pipeline@8:1/104+1 (command@8:1/104+1 \"c\"))");
	free(view);
	psh_ast_free(inner);
	psh_ast_free(outer);
}

/* ---------- errors, in PowerShell 7's ConciseView ---------- */

TEST(error_strings)
{
	check_view("Get-PSSession -Name 'abc",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-PSSession -Name 'abc\n"
		   "     |                      ~~~~\n"
		   "     | The string is missing the terminator: '.\n");
	check_view("Get-X \"abc $x",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X \"abc $x\n"
		   "     |        ~~~~~~~\n"
		   "     | The string is missing the terminator: \".\n");
	/* inside a word the extent starts at the word */
	check_view("Get-X ab'c",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X ab'c\n"
		   "     |        ~~~~\n"
		   "     | The string is missing the terminator: '.\n");
	/* over several lines: the first line, to its end */
	check_view("Get-X 'abc  \ndef\n",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X 'abc\n"
		   "     |        ~~~~\n"
		   "     | The string is missing the terminator: '.\n");
}

TEST(error_braces)
{
	check_view("Invoke-Command {", "ParserError:\nLine |\n"
				       "   1 |  Invoke-Command {\n"
				       "     |                 ~\n"
				       "     | Missing closing '}' in "
				       "statement block or type definition.\n");
	/* the innermost unclosed brace */
	check_view("x { a {\n b } { c",
		   "ParserError:\nLine |\n"
		   "   2 |   b } { c\n"
		   "     |       ~\n"
		   "     | Missing closing '}' in statement block or type "
		   "definition.\n");
	check_view("x { 'a }",
		   "ParserError:\nLine |\n"
		   "   1 |  x { 'a }\n"
		   "     |      ~~~~\n"
		   "     | The string is missing the terminator: '.\n");
	check_view("x { <# }", "ParserError:\nLine |\n"
			       "   1 |  x { <# }\n"
			       "     |      ~~~~\n"
			       "     | The terminator '#>' is missing from the "
			       "multiline comment.\n");
}

TEST(error_pipes)
{
	check_view("Get-PSSession |",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-PSSession |\n"
		   "     |                 ^\n"
		   "     | An empty pipe element is not allowed.\n");
	check_view("| Get-PSSession",
		   "ParserError:\nLine |\n"
		   "   1 |  | Get-PSSession\n"
		   "     |  ~\n"
		   "     | An empty pipe element is not allowed.\n");
	check_view("a | | b", "ParserError:\nLine |\n"
			      "   1 |  a | | b\n"
			      "     |     ^\n"
			      "     | An empty pipe element is not allowed.\n");
	check_view("a |; b", "ParserError:\nLine |\n"
			     "   1 |  a |; b\n"
			     "     |     ^\n"
			     "     | An empty pipe element is not allowed.\n");
	check_view(
		"Get-X | $s",
		"ParserError:\nLine |\n"
		"   1 |  Get-X | $s\n"
		"     |          ~~\n"
		"     | Expressions are only allowed as the first element of a"
		" pipeline.\n");
	check_view(
		"Get-X | 1,2",
		"ParserError:\nLine |\n"
		"   1 |  Get-X | 1,2\n"
		"     |          ~~~\n"
		"     | Expressions are only allowed as the first element of a"
		" pipeline.\n");
	check_view("exit | x",
		   "ParserError:\nLine |\n"
		   "   1 |  exit | x\n"
		   "     |       ~\n"
		   "     | An empty pipe element is not allowed.\n");
}

TEST(error_tokens)
{
	check_view("$s Get-PSSession",
		   "ParserError:\nLine |\n"
		   "   1 |  $s Get-PSSession\n"
		   "     |     ~~~~~~~~~~~~~\n"
		   "     | Unexpected token 'Get-PSSession' in expression or "
		   "statement.\n");
	check_view(
		"'a' 'b'",
		"ParserError:\nLine |\n"
		"   1 |  'a' 'b'\n"
		"     |      ~~~\n"
		"     | Unexpected token ''b'' in expression or statement.\n");
	check_view("$s -Name x", "ParserError:\nLine |\n"
				 "   1 |  $s -Name x\n"
				 "     |     ~~~~~\n"
				 "     | Unexpected token '-Name' in "
				 "expression or statement.\n");
	check_view("Get-X }",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X }\n"
		   "     |        ~\n"
		   "     | Unexpected token '}' in expression or statement.\n");
	check_view(")",
		   "ParserError:\nLine |\n"
		   "   1 |  )\n"
		   "     |  ~\n"
		   "     | Unexpected token ')' in expression or statement.\n");
	check_view("$s (1)",
		   "ParserError:\nLine |\n"
		   "   1 |  $s (1)\n"
		   "     |     ~\n"
		   "     | Unexpected token '(' in expression or statement.\n");
	check_view("$s {x}",
		   "ParserError:\nLine |\n"
		   "   1 |  $s {x}\n"
		   "     |     ~\n"
		   "     | Unexpected token '{' in expression or statement.\n");
	check_view("exit 1 2",
		   "ParserError:\nLine |\n"
		   "   1 |  exit 1 2\n"
		   "     |         ~\n"
		   "     | Unexpected token '2' in expression or statement.\n");
	check_view("= 1",
		   "ParserError:\nLine |\n"
		   "   1 |  = 1\n"
		   "     |  ~\n"
		   "     | Unexpected token '=' in expression or statement.\n");
}

TEST(error_commas_and_arguments)
{
	check_view("1,", "ParserError:\nLine |\n"
			 "   1 |  1,\n"
			 "     |    ^\n"
			 "     | Missing expression after ','.\n");
	check_view("$a = 1, Get-X", "ParserError:\nLine |\n"
				    "   1 |  $a = 1, Get-X\n"
				    "     |         ^\n"
				    "     | Missing expression after ','.\n");
	check_view(
		"Get-X a,",
		"ParserError:\nLine |\n"
		"   1 |  Get-X a,\n"
		"     |          ^\n"
		"     | Missing expression after ',' in pipeline element.\n");
	check_view(
		"Get-X a, | b",
		"ParserError:\nLine |\n"
		"   1 |  Get-X a, | b\n"
		"     |          ^\n"
		"     | Missing expression after ',' in pipeline element.\n");
	check_view("Get-X ,a", "ParserError:\nLine |\n"
			       "   1 |  Get-X ,a\n"
			       "     |        ~\n"
			       "     | Missing argument in parameter list.\n");
	check_view("Get-X -Name:,a",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X -Name:,a\n"
		   "     |              ~\n"
		   "     | Missing argument in parameter list.\n");
	check_view("Get-X -Name:",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X -Name:\n"
		   "     |              ^\n"
		   "     | Parameter -Name: requires an argument.\n");
	check_view("Get-X -Name: | y",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X -Name: | y\n"
		   "     |              ^\n"
		   "     | Parameter -Name: requires an argument.\n");
	check_view(
		"$x =",
		"ParserError:\nLine |\n"
		"   1 |  $x =\n"
		"     |      ^\n"
		"     | You must provide a value expression following the '='"
		" operator.\n");
	check_view(
		"'a' = 1",
		"ParserError:\nLine |\n"
		"   1 |  'a' = 1\n"
		"     |  ~~~\n"
		"     | The assignment expression is not valid. The input to an"
		" assignment operator must be an object that is able to accept"
		" assignments, such as a variable or a property.\n");
	check_view("$x = | y",
		   "ParserError:\nLine |\n"
		   "   1 |  $x = | y\n"
		   "     |       ~\n"
		   "     | An empty pipe element is not allowed.\n");
}

TEST(error_redirection)
{
	check_view("Get-X < in.txt",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X < in.txt\n"
		   "     |        ~\n"
		   "     | The '<' operator is reserved for future use.\n");
	check_view("Get-X > out.txt",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X > out.txt\n"
		   "     |        ~\n"
		   "     | The syntax '>' is not supported by psh.\n");
	check_view("Get-X 2>&1",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X 2>&1\n"
		   "     |        ~~~~\n"
		   "     | The syntax '2>&1' is not supported by psh.\n");
	check_view("$s >> log",
		   "ParserError:\nLine |\n"
		   "   1 |  $s >> log\n"
		   "     |     ~~\n"
		   "     | The syntax '>>' is not supported by psh.\n");
	/* inside a word, '>' is text (as in PowerShell) */
	check_dump("Get-X a>b",
		   "(pipeline (command \"Get-X\" (string \"a>b\")))");
}

TEST(error_variables)
{
	check_view(
		"Get-X $:",
		"ParserError:\nLine |\n"
		"   1 |  Get-X $:\n"
		"     |        ~~\n"
		"     | Variable reference is not valid. '$' was not followed "
		"by a"
		" valid variable name character. Consider using ${} to delimit"
		" the name.\n");
	check_view(
		"\"Name: $name: x\"",
		"ParserError:\nLine |\n"
		"   1 |  \"Name: $name: x\"\n"
		"     |         ~~~~~~\n"
		"     | Variable reference is not valid. ':' was not followed "
		"by a"
		" valid variable name character. Consider using ${} to delimit"
		" the name.\n");
	check_view(
		"${env:}",
		"ParserError:\nLine |\n"
		"   1 |  ${env:}\n"
		"     |  ~~~~~~~\n"
		"     | Variable reference is not valid. The variable name is"
		" missing.\n");
	check_view("Get-X ${}",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X ${}\n"
		   "     |          ~\n"
		   "     | An empty ${} variable reference was found. A name is"
		   " required inside the braces.\n");
	check_view(
		"Get-X ${abc",
		"ParserError:\nLine |\n"
		"   1 |  Get-X ${abc\n"
		"     |         ~\n"
		"     | ${variable} reference starting is missing the closing"
		" '}'.\n");
	check_view("${a{b}", "ParserError:\nLine |\n"
			     "   1 |  ${a{b}\n"
			     "     |     ~\n"
			     "     | Use `{ instead of { in variable names.\n");
	check_view("$s.",
		   "ParserError:\nLine |\n"
		   "   1 |  $s.\n"
		   "     |     ^\n"
		   "     | Missing property name after reference operator.\n");
}

TEST(error_escapes_and_comments)
{
	check_view("\"`u\"", "ParserError:\nLine |\n"
			     "   1 |  \"`u\"\n"
			     "     |   ~~\n"
			     "     | The Unicode escape sequence is not valid. "
			     "A valid sequence"
			     " is `u{ followed by one to six hex digits and a "
			     "closing '}'.\n");
	check_view("x `u{41", "ParserError:\nLine |\n"
			      "   1 |  x `u{41\n"
			      "     |    ~~~~~\n"
			      "     | The Unicode escape sequence is missing "
			      "the closing '}'.\n");
	check_view("\"`u{1234567}\"", "ParserError:\nLine |\n"
				      "   1 |  \"`u{1234567}\"\n"
				      "     |   ~~~~~~~~~~\n"
				      "     | The Unicode escape sequence "
				      "contains more than the maximum"
				      " of six hex digits between braces.\n");
	check_view(
		"\"`u{110000}\"",
		"ParserError:\nLine |\n"
		"   1 |  \"`u{110000}\"\n"
		"     |   ~~~~~~~~~~\n"
		"     | The Unicode escape sequence value is out of range. The"
		" maximum value is 0x10FFFF.\n");
	check_view("Get-X <# never closed",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X <# never closed\n"
		   "     |        ~~~~~~~~~~~~~~~\n"
		   "     | The terminator '#>' is missing from the multiline "
		   "comment.\n");
}

TEST(error_keywords)
{
	check_view("if ($x) { y }", "ParserError:\nLine |\n"
				    "   1 |  if ($x) { y }\n"
				    "     |  ~~\n"
				    "     | The 'if' keyword is not supported "
				    "in this version of the"
				    " language.\n");
	check_view("Function f { }", "ParserError:\nLine |\n"
				     "   1 |  Function f { }\n"
				     "     |  ~~~~~~~~\n"
				     "     | The 'Function' keyword is not "
				     "supported in this version of"
				     " the language.\n");
	check_view("$x = foreach",
		   "ParserError:\nLine |\n"
		   "   1 |  $x = foreach\n"
		   "     |       ~~~~~~~\n"
		   "     | The syntax 'foreach' is not supported by psh.\n");
}

TEST(error_not_supported_view)
{
	check_view("Get-X -Name $(Get-Y)",
		   "ParserError:\nLine |\n"
		   "   1 |  Get-X -Name $(Get-Y)\n"
		   "     |              ~~\n"
		   "     | The syntax '$(' is not supported by psh.\n");
	check_view("Get-X\n  -Name 1.5,2 | Out-Null; $a -replace 1",
		   "ParserError:\nLine |\n"
		   "   2 |    -Name 1.5,2 | Out-Null; $a -replace 1\n"
		   "     |                               ~~~~~~~~\n"
		   "     | The syntax '-replace' is not supported by psh.\n");
}

/* What PowerShell has and the subset has not. */
TEST(error_not_supported)
{
	static const struct {
		const char *src, *token;
		unsigned col;
	} cases[] = {
		{ "Get-X $(Get-Y)", "$(", 7 },
		{ "\"a $(b)\"", "$(", 4 },
		{ "(Get-X)", "(", 1 },
		{ "Get-X @(1)", "@(", 7 },
		{ "@{a=1}", "@{", 1 },
		{ "Get-X @args", "@args", 7 },
		{ "Get-X --% a", "--%", 7 },
		{ "Get-X -- a", "--", 7 },
		{ "Get-X && y", "&&", 7 },
		{ "Get-X || y", "||", 7 },
		{ "Get-X &", "&", 7 },
		{ "$a + 1", "+", 4 },
		{ "$a += 1", "+=", 4 },
		{ "$a - 1", "-", 4 },
		{ "$a -1", "-", 4 },
		{ "$a[0]", "[", 3 },
		{ "[int]1", "[", 1 },
		{ "$a::b", "::", 3 },
		{ "$a ?? 1", "??", 4 },
		{ "1..5", "1..5", 1 },
		{ "1e400", "1e400", 1 },
		{ "1d", "1d", 1 },
		{ ",(1", "(", 2 },
		{ "'a'.Length", ".", 4 },
		{ "$s.'Name'", ".'", 3 },
		{ "$s.(x)", ".(", 3 },
		{ ". .\\x.ps1", ".", 1 },
		{ "$s.X = 1", "$s.X =", 1 },
		{ "$x = $y = 1", "=", 9 },
		{ "$a == 1", "==", 4 },
		{ "$s.GetType()", "(", 11 },
		{ "$a, $b = 1, 2", "$a, $b =", 1 },
		{ "$a -is 'x'", "-is", 4 },
		{ "$a -IsNot 'x'", "-IsNot", 4 },
		{ "$a -replace 1", "-replace", 4 },
		{ "$a -CSplit 1", "-CSplit", 4 },
		{ "$a -band 1", "-band", 4 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct psh_ast *ast =
			psh_parse(cases[i].src, strlen(cases[i].src));

		if (ast->error == NULL) {
			tap_fail_("%s: no error", cases[i].src);
		} else {
			char *m = psh_error_message(ast->error, NULL);
			char *want =
				xasprintf("The syntax '%s' is not supported"
					  " by psh.",
					  cases[i].token);

			if (strcmp(ast->error->id, "SyntaxNotSupported") ||
			    strcmp(m, want) ||
			    ast->error->ext.col != cases[i].col)
				tap_fail_("%s: %s \"%s\" at %u", cases[i].src,
					  ast->error->id, m,
					  ast->error->ext.col);
			free(m);
			free(want);
		}
		psh_ast_free(ast);
	}
}

TEST(error_input)
{
	char *big;
	struct psh_ast *ast;

	ast = psh_parse("Get-X\na\0b", 9);
	check(ast->error && ast->error->code == PSH_E_NUL);
	if (ast->error) {
		char *v = psh_error_format(ast->error, "Get-X\na\0b", 9, NULL,
					   NULL);

		check_str(ast->error->id, "NulCharacter");
		check_str(ast->error->message,
			  "The script contains a NUL character.");
		check_text(v, "ParserError:\nLine |\n"
			      "   2 |  a\xE2\x90\x80"
			      "b\n"
			      "     |   ~\n"
			      "     | The script contains a NUL character.\n");
		free(v);
	}
	psh_ast_free(ast);
	ast = psh_parse("Get-X 'a\xFF'", 10);
	check(ast->error && ast->error->code == PSH_E_INVALID_UTF8);
	if (ast->error) {
		char *v = psh_error_format(ast->error, "Get-X 'a\xFF'", 10,
					   NULL, NULL);

		check_str(ast->error->id, "InvalidUtf8");
		check_text(v, "ParserError:\nLine |\n"
			      "   1 |  Get-X 'a\xEF\xBF\xBD'\n"
			      "     |          ~\n"
			      "     | The script is not valid UTF-8.\n");
		free(v);
	}
	psh_ast_free(ast);
	/* truncated and overlong sequences, surrogates */
	check_dump("\xC3", "error InvalidUtf8");
	check_dump("x \xC0\xAF", "error InvalidUtf8");
	check_dump("x \xED\xA0\x80", "error InvalidUtf8");
	/* too large: refused before anything is read */
	big = malloc(PSH_MAX_INPUT + 1);
	if (big) {
		ast = psh_parse(big, PSH_MAX_INPUT + 1);
		check(ast->error && ast->error->code == PSH_E_TOO_LARGE);
		if (ast->error) {
			char *m = psh_error_message(ast->error, NULL);

			check_str(m,
				  "The script is larger than 67108864 bytes.");
			free(m);
		}
		psh_ast_free(ast);
		free(big);
	}
	/* NULL source */
	ast = psh_parse(NULL, 5);
	check(ast->error == NULL && ast->root && ast->root->nkids == 0);
	psh_ast_free(ast);
}

/* ---------- ConciseView details ---------- */

TEST(view_layout)
{
	struct psh_extent e = { 0 };
	const char *src = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nGet-X\t-Name\t'x";
	char *v;

	/* a later line, two-digit line number, tabs as four spaces */
	check_view(src, "ParserError:\nLine |\n"
			"  11 |  Get-X    -Name    'x\n"
			"     |                    ~~\n"
			"     | The string is missing the terminator: '.\n");
	/* five digits push "Line |" right */
	e.offset = 4;
	e.len = 3;
	e.line = 12345;
	e.col = 5;
	v = psh_concise_view("Get-X", "abc def ghi", 11, &e, NULL, "boom");
	check_text(v, "Get-X:\n Line |\n"
		      "12345 |  abc def ghi\n"
		      "      |      ~~~\n"
		      "      | boom\n");
	free(v);
	/* a script file; the message on one line; controls made visible */
	e.line = 3;
	v = psh_concise_view("ParserError",
			     "abc\x1b"
			     "def ghi",
			     11, &e, "/tmp/x.ps1", "two\nlines\tand\x07");
	check_text(v, "ParserError: /tmp/x.ps1:3\nLine |\n"
		      "   3 |  abc\xE2\x90\x9B"
		      "def ghi\n"
		      "     |      ~~~\n"
		      "     | two lines and\xE2\x90\x87\n");
	free(v);
}

TEST(view_long_lines)
{
	struct strbuf sb = STRBUF_INIT;
	char *v;

	/* error near the end of a long line: cut on the left */
	strbuf_init(&sb);
	strbuf_addstr(&sb, "Get-X");
	for (int i = 0; i < 20; i++)
		strbuf_addstr(&sb, " arg");
	strbuf_addstr(&sb, " 'open");
	check_view(sb.buf, "ParserError:\nLine |\n"
			   "   1 |  ... arg arg arg arg arg arg arg arg arg "
			   "arg arg arg arg"
			   " arg arg arg 'open\n"
			   "     |                                             "
			   "             "
			   "            ~~~~~\n"
			   "     | The string is missing the terminator: '.\n");
	/* error near the start: cut on the right */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "Get-X -Name: ");
	for (int i = 0; i < 20; i++)
		strbuf_addstr(&sb, "| y ");
	v = error_view(sb.buf);
	check_text(
		v,
		"ParserError:\nLine |\n"
		"   1 |  Get-X -Name: | y | y | y | y | y | y | y | y | y | y |"
		" y | y | y | y  ...\n"
		"     |              ^\n"
		"     | Parameter -Name: requires an argument.\n");
	free(v);
	/* in the middle of a long line: both ends cut */
	strbuf_reset(&sb);
	for (int i = 0; i < 30; i++)
		strbuf_addstr(&sb, "a ");
	strbuf_addstr(&sb, "| $x ");
	for (int i = 0; i < 30; i++)
		strbuf_addstr(&sb, "b ");
	v = error_view(sb.buf);
	check_text(
		v,
		"ParserError:\nLine |\n"
		"   1 |  ...  a a a a a a a a a a a a a a"
		" a a a a a a a a a a a a a a | $x b b b b ...\n"
		"     |                                                      "
		"           ~~\n"
		"     | Expressions are only allowed as the first element of a"
		" pipeline.\n");
	free(v);
	strbuf_release(&sb);
}

TEST(messages)
{
	struct psh_error e = { 0 };
	char *m;

	e.code = PSH_E_UNEXPECTED_TOKEN;
	e.arg = "x";
	m = psh_error_message(&e, NULL);
	check_str(m, "Unexpected token 'x' in expression or statement.");
	free(m);
	/* a translated template; only one %s is filled, %% is a percent */
	m = psh_error_message(&e, "Ov\xC3\xA4ntad '%s' (100%%) %s %d");
	check_str(m, "Ov\xC3\xA4ntad 'x' (100%) %s %d");
	free(m);
	e.arg = NULL;
	m = psh_error_message(&e, NULL);
	check_str(m, "Unexpected token '' in expression or statement.");
	free(m);
	/* every error has an id and a template */
	for (int c = 0; c < PSH_E__COUNT; c++) {
		check(psh_error_id(c) && *psh_error_id(c));
		check(psh_error_template(c) && *psh_error_template(c));
	}
	check_str(psh_error_id(PSH_E_TERMINATOR_EXPECTED),
		  "TerminatorExpectedAtEndOfString");
	check_str(psh_error_id(PSH_E_MISSING_END_CURLY),
		  "MissingEndCurlyBrace");
	check_str(psh_error_id(PSH_E_MISSING_EXPRESSION_AFTER),
		  "MissingExpressionAfterToken");
	check_str(psh_error_id(PSH_E_REDIRECTION_NOT_SUPPORTED),
		  "RedirectionNotSupported");
	check_str(psh_error_id(PSH_E_INVALID_VARIABLE),
		  "InvalidVariableReference");
	/* a caller's own message replaces ours */
	{
		struct psh_ast *ast = psh_parse("a |", 3);
		char *v = psh_error_format(ast->error, "a |", 3, NULL,
					   "Ett tomt r\xC3\xB6relement.");

		check_text(
			v,
			"ParserError:\nLine |\n   1 |  a |\n"
			"     |     ^\n     | Ett tomt r\xC3\xB6relement.\n");
		free(v);
		psh_ast_free(ast);
	}
}

/* ---------- incomplete input (the REPL's ">> ") ---------- */

TEST(incomplete)
{
	static const char *const more[] = {
		"Get-X 'abc",	"Get-X \"abc",
		"Get-X 'abc\n", "Invoke-Command {",
		"x { a\n",	"x { 'a }",
		"Get-X |",	"Get-X | ",
		"Get-X |\n",	"Get-X | # later",
		"Get-X a,",	"Get-X a,\n",
		"1,",		"$x =",
		"$x =\n",	"Get-X `",
		"Get-X `\n",	"Get-X a`",
		"Get-X `\n  ",	"<# comment",
		"x <# a\n",	"${abc",
		"$s.",		"Get-X \"a\nb",
	};
	static const char *const done[] = {
		"",
		"Get-X",
		"Get-X 'abc'",
		"Get-X {a}",
		"a | b",
		"Get-X a,b",
		"Get-X `\nb",
		"Get-X -Name:",
		"| x",
		"Get-X a, | b",
		"$x = ;",
		"Get-X }",
		"Get-X 'a' # it's",
		"'`'",
		"Get-X (",
		"Get-X a,; b",
		"x { a } }",
	};

	struct psh_ast *ast;

	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		check_incomplete(more[i], true);
	/* a trailing continuation is no error, just more to come */
	ast = psh_parse("Get-X `\n", 8);
	check(ast->error == NULL && ast->continued && psh_ast_incomplete(ast));
	check(ast->root && ast->root->nkids == 1);
	psh_ast_free(ast);
	ast = psh_parse("Get-X 'a", 8);
	check(ast->error && ast->error->incomplete && ast->root == NULL);
	psh_ast_free(ast);
	for (size_t i = 0; i < sizeof(done) / sizeof(done[0]); i++)
		check_incomplete(done[i], false);
}

/* ---------- hostile input ---------- */

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Parses prefix, n times piece, suffix; checks the error id ("" for none)
 * and that it took well under the test timeout.
 */
static void
hostile(const char *what, const char *prefix, const char *piece, size_t n,
	const char *suffix, const char *id)
{
	struct strbuf sb = STRBUF_INIT;
	struct psh_ast *ast;
	double t0, dt;

	strbuf_init(&sb);
	strbuf_addstr(&sb, prefix);
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(&sb, piece);
	strbuf_addstr(&sb, suffix);
	t0 = seconds();
	ast = psh_parse(sb.buf, sb.len);
	dt = seconds() - t0;
	if (strcmp(ast->error ? ast->error->id : "", id) != 0)
		tap_fail_("%s: error '%s', want '%s'", what,
			  ast->error ? ast->error->id : "", id);
	if (ast->error) {
		char *v = psh_error_format(ast->error, sb.buf, sb.len, NULL,
					   NULL);

		check(strlen(v) < 1000); /* the shown line is cut */
		free(v);
	}
	if (dt > 10.0)
		tap_fail_("%s: %.1f s", what, dt);
	printf("# %s: %.3f s\n", what, dt);
	psh_ast_free(ast);
	strbuf_release(&sb);
}

TEST(hostile_nesting)
{
	const size_t k = 100000;
	char *open = xmalloc(k + 3); /* "x {{{..." */

	hostile("100k open braces", "x ", "{", k, "", "MissingEndCurlyBrace");
	memcpy(open, "x ", 2);
	memset(open + 2, '{', k);
	open[k + 2] = '\0';
	hostile("100k braces, one closed", open, "}", 1, "",
		"MissingEndCurlyBrace");
	hostile("100k balanced braces", open, "}", k, " y", "");
	free(open);
	hostile("100k nested blocks", "x ", "{ a ", k, "",
		"MissingEndCurlyBrace");
	hostile("100k quotes", "x ", "'", k + 1, "",
		"TerminatorExpectedAtEndOfString");
	hostile("100k doubled quotes", "x '", "''", k, "'", "");
	hostile("100k \"$(\"", "x ", "\"$(", k, "", "SyntaxNotSupported");
	hostile("100k ${", "x ", "${", k, "",
		"OpenBraceNeedsToBeBackTickedInVariableName");
	hostile("100k <#", "", "<#", k, "",
		"MissingTerminatorMultiLineComment");
	hostile("100k members", "$s", ".a", k, "", "");
	hostile("100k commas", "x a", ",a", k, "", "");
	hostile("100k array lines", "x a", ",\n a", k, "", "");
	hostile("100k pipes", "x", " | x", k, "", "");
	hostile("100k statements", "", "x;\n", k, "", "");
	hostile("100k parameters", "x", " -a:1", k, "", "");
	hostile("100k empty lines", "", "\n", k, "x |", "EmptyPipeElement");
	hostile("100k lines in a string", "x '", "\n", k, "",
		"TerminatorExpectedAtEndOfString");
}

TEST(hostile_long_lines)
{
	const size_t mb = 1 << 20;

	hostile("10 MB word", "Get-X ", "a", 10 * mb, "", "");
	hostile("10 MB string", "Get-X '", "b", 10 * mb, "'", "");
	hostile("10 MB open string", "Get-X \"", "b", 10 * mb, "",
		"TerminatorExpectedAtEndOfString");
	/* lines of many small nodes: 2 MB keeps sanitizer builds quick */
	hostile("2 MB expandable", "\"", "x$a", mb * 2 / 3, "\"", "");
	hostile("2 MB of words", "Get-X", " a$b", mb / 2, " 'c",
		"TerminatorExpectedAtEndOfString");
	hostile("10 MB block", "x {", "a'}'", 2 * mb, "",
		"MissingEndCurlyBrace");
	hostile("10 MB comment", "x # ", "#", 10 * mb, "", "");
	hostile("10 MB of blanks", "", " \t", 5 * mb, "|", "EmptyPipeElement");
	hostile("2 MB error at end", "", "a ", mb, "| $s",
		"ExpressionsMustBeFirstInPipeline");
	hostile("2 MB of variables", "x ", "$a", mb, "", "");
}

TEST(hostile_bytes)
{
	/* every single byte, alone and after a command, parses or fails */
	for (int c = 0; c < 256; c++) {
		char buf[8] = "x ";
		struct psh_ast *ast;

		buf[2] = (char)c;
		for (int k = 0; k < 2; k++) {
			ast = psh_parse(k ? buf : buf + 2, k ? 3 : 1);
			if (ast->error) {
				char *v = psh_error_format(
					ast->error, k ? buf : buf + 2,
					k ? 3 : 1, NULL, NULL);

				check(strncmp(v, "ParserError:\n", 13) == 0);
				free(v);
			} else {
				check(ast->root != NULL);
			}
			psh_ast_free(ast);
		}
	}
}

/* Strips a "PS> " or "PS C:\\dir> " prompt from a line of an example. */
static const char *
strip_prompt(const char *line)
{
	const char *gt;

	if (strncmp(line, "PS", 2) != 0 || (gt = strstr(line, "> ")) == NULL)
		return line;
	return gt + 2;
}

/* Checks one parse of a corpus block; returns 1 if it parsed. */
static int
check_block(const char *src, size_t len)
{
	struct psh_ast *ast = psh_parse(src, len);
	int ok = ast->error == NULL;

	if (ast->error) {
		const struct psh_extent *e = &ast->error->ext;
		char *v = psh_error_format(ast->error, src, len, NULL, NULL);

		if (e->offset + e->len > len || e->line < 1 || e->col < 1)
			tap_fail_("bad extent in: %.60s", src);
		if (strncmp(v, "ParserError:\nLine |\n", 19) != 0)
			tap_fail_("bad view for: %.60s", src);
		free(v);
	} else if (ast->root == NULL || ast->root->kind != PSH_SCRIPT) {
		tap_fail_("no tree for: %.60s", src);
	}
	psh_ast_free(ast);
	return ok;
}

/* The ```powershell blocks of a page, prompts removed, as scripts. */
static void
page_blocks(const char *page, size_t *blocks, size_t *ok)
{
	struct strbuf code = STRBUF_INIT;
	bool in = false;

	strbuf_init(&code);
	for (const char *p = page; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		if (strncmp(line, "```", 3) == 0) {
			if (in) {
				(*blocks)++;
				*ok += check_block(code.buf, code.len);
				strbuf_reset(&code);
			}
			in = !in &&
			     strncasecmp(line + 3, "powershell", 10) == 0;
		} else if (in) {
			strbuf_addstr(&code, strip_prompt(line));
			strbuf_addch(&code, '\n');
		}
		free(line);
		p += n + (p[n] == '\n');
	}
	strbuf_release(&code);
}

/*
 * Every PowerShell example of the real help pages (376 pages, en-US and
 * sv-SE) parses, or fails with an error inside the input that formats.
 */
TEST(corpus_examples)
{
	const char *shared = getenv("PSHELP_SHARED");
	const char *const dirs[] = {
		"en-US/Microsoft.PowerShell.Core",
		"en-US/Microsoft.PowerShell.Core/About",
		"sv-SE/Microsoft.PowerShell.Core",
		"sv-SE/Microsoft.PowerShell.Core/About",
	};
	size_t pages = 0, blocks = 0, ok = 0;

	for (size_t d = 0; shared && d < 4; d++) {
		char *cmd = xasprintf("ls %s/corpus/%s/*.md 2>/dev/null",
				      shared, dirs[d]);
		FILE *ls = popen(cmd, "r");
		char path[4096];

		free(cmd);
		while (ls && fgets(path, sizeof(path), ls)) {
			size_t len;
			char *page;

			path[strcspn(path, "\n")] = '\0';
			if ((page = read_file(path, &len)) == NULL)
				continue;
			pages++;
			page_blocks(page, &blocks, &ok);
			free(page);
		}
		if (ls)
			pclose(ls);
	}
	if (pages == 0) {
		printf("# skipped: no shared corpus\n");
		return;
	}
	printf("# corpus: %zu pages, %zu of %zu PowerShell blocks parse\n",
	       pages, ok, blocks);
	check(blocks > 1000);
	check(ok > 0);
}

int
main(void)
{
	RUN(seed_examples);
	RUN(seed_page_lines);
	RUN(statements);
	RUN(pipelines);
	RUN(command_parameters);
	RUN(command_arguments);
	RUN(arrays);
	RUN(single_quoted);
	RUN(double_quoted);
	RUN(bare_words);
	RUN(variables);
	RUN(members);
	RUN(script_blocks);
	RUN(assignment_and_exit);
	RUN(positions);
	RUN(node_fields);
	RUN(parse_with_base);
	RUN(error_strings);
	RUN(error_braces);
	RUN(error_pipes);
	RUN(error_tokens);
	RUN(error_commas_and_arguments);
	RUN(error_redirection);
	RUN(error_variables);
	RUN(error_escapes_and_comments);
	RUN(error_keywords);
	RUN(error_not_supported_view);
	RUN(error_not_supported);
	RUN(error_input);
	RUN(view_layout);
	RUN(view_long_lines);
	RUN(messages);
	RUN(incomplete);
	RUN(hostile_nesting);
	RUN(hostile_long_lines);
	RUN(hostile_bytes);
	RUN(corpus_examples);
	return tap_done();
}
