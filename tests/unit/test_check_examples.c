/* SPDX-License-Identifier: MIT */
/*
 * The examples check: pages from strings through md_parse() and
 * check_examples() into a collecting sink; with $PSH set, transcripts
 * run in that psh.
 *
 *   test_check_examples                 the TAP tests
 *   test_check_examples --scan PAGE...  prints each page's example
 *                                       diagnostics (for measuring a corpus)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "examples_internal.h"
#include "md_parse.h"
#include "strbuf.h"
#include "tap.h"

struct collected {
	struct strbuf text; /* "line:col slug message\n" per diagnostic */
	unsigned n;
};

static void
collect(void *cookie, const struct diag *d)
{
	struct collected *c = cookie;

	strbuf_addf(&c->text, "%u:%u %s %s\n", (unsigned)d->line,
		    (unsigned)d->col, diag_slug(d->id), d->message);
	if (d->detail)
		strbuf_addf(&c->text, "%s%s", d->detail,
			    d->detail[strlen(d->detail) - 1] == '\n' ? ""
								     : "\n");
	c->n++;
}

/* The diagnostics check_examples gives for a page (caller releases). */
static void
run_check(const char *page, bool run, struct collected *c)
{
	struct diag_ctx dx, pdx;
	struct md_parse_options opt = { .path = "en-US/Mod/Page.md" };
	struct check_env env = { .meta = meta_builtin(),
				 .run_examples = run,
				 .psh_path = getenv("PSH") };
	struct help_doc *doc;

	strbuf_init(&c->text);
	c->n = 0;
	diag_init(&pdx, "page");
	pdx.threshold = DIAGL_SYSTEM; /* the parser's own: not ours */
	doc = md_parse(page, strlen(page), &opt, &pdx);
	if (!doc) {
		strbuf_addstr(&c->text, "page does not parse\n");
		return;
	}
	diag_init(&dx, "page");
	dx.sink = collect;
	dx.cookie = c;
	check_examples(&env, doc, &dx);
	help_doc_free(doc);
}

static const char *
page(const char *examples)
{
	static char buf[8192];

	snprintf(buf, sizeof(buf),
		 "---\nexternal help file: x\nModule Name: Mod\n---\n\n"
		 "# Get-PSSession\n\n## SYNOPSIS\nGets sessions.\n\n"
		 "## EXAMPLES\n\n%s\n## PARAMETERS\n",
		 examples);
	return buf;
}

#define EXPECT(examples, run, want)                                            \
	do {                                                                   \
		struct collected c_;                                           \
		run_check(page(examples), run, &c_);                           \
		check_str(c_.text.buf, want);                                  \
		strbuf_release(&c_.text);                                      \
	} while (0)

/* Line 15 is the fence of the first example's block. */
TEST(good_example_is_quiet)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession -Name Work "
	       "-cn Server01\n```\n",
	       false, "");
}

TEST(unknown_parameter)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession -Nmae "
	       "Work\n```\n",
	       false,
	       "16:15 example-param-unknown '-Nmae' is not a parameter of "
	       "'Get-PSSession'\n");
}

/* A block in a list item is an example's code too, at its own line. */
TEST(code_in_a_list_is_checked)
{
	EXPECT("### Example 1\n\n- first:\n\n  ```powershell\n"
	       "  Get-PSSession -Nmae Work\n  ```\n",
	       false,
	       "18:17 example-param-unknown '-Nmae' is not a parameter of "
	       "'Get-PSSession'\n");
}

TEST(prefix_and_alias_bind)
{
	/* -Comp is a unique prefix, -Cn an alias, -Verb a common one */
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession -Comp a\n"
	       "Invoke-Command -Cn a { 1 } -Verb\nRemove-PSSession -WhatIf "
	       "-Id 1\n```\n",
	       false, "");
}

TEST(ambiguous_prefix)
{
	EXPECT("### Example 1\n\n```powershell\nNew-PSSession -Co a\n```\n",
	       false,
	       "16:15 example-param-unknown '-Co' is not a parameter of "
	       "'New-PSSession'\n"
	       "Parameter cannot be processed because the parameter name "
	       "'Co' is ambiguous. Possible matches include: -ComputerName "
	       "-ConfigurationName -ConnectionUri -ContainerId.\n");
}

/* A call bound as a whole: what fails for every value of its variables. */
TEST(calls_bind_as_a_whole)
{
	EXPECT("### Example 1\n\n```powershell\n"
	       "Remove-PSSession -Id 1 -Id 2\n"
	       "Remove-PSSession 1 2\n"
	       "Enter-PSSession -ComputerName a -Port x\n"
	       "Get-PSSession -Name\n"
	       "Remove-PSSession -Id $i -Name $n\n```\n",
	       false,
	       "16:24 example-binding the call of 'Remove-PSSession' does not "
	       "bind: Cannot bind parameter because parameter 'Id' is "
	       "specified more than once. To provide multiple values to "
	       "parameters that can accept multiple values, use the array "
	       "syntax. For example, \"-parameter value1,value2,value3\".\n"
	       "17:20 example-binding the call of 'Remove-PSSession' does not "
	       "bind: A positional parameter cannot be found that accepts "
	       "argument '2'.\n"
	       "18:39 example-binding the call of 'Enter-PSSession' does not "
	       "bind: Cannot bind parameter 'Port'. Cannot convert value \"x\" "
	       "to type \"System.Int32\". Error: \"Input string was not in a "
	       "correct format.\"\n"
	       "19:15 example-binding the call of 'Get-PSSession' does not "
	       "bind: Missing an argument for parameter 'Name'. Specify a "
	       "parameter of type 'System.String[]' and try again.\n"
	       "20:1 example-binding the call of 'Remove-PSSession' does not "
	       "bind: Parameter set cannot be resolved using the specified "
	       "named parameters. One or more parameters issued cannot be "
	       "used together or an insufficient number of parameters were "
	       "provided.\n");
}

/*
 * Not reported: a missing mandatory parameter (prompted for), a set the
 * pipeline may decide, a positional variable that may be another type
 * than the binder guessed, variables as values of any type.
 */
TEST(calls_that_may_bind_are_quiet)
{
	EXPECT("### Example 1\n\n```powershell\n"
	       "Invoke-Command -ScriptBlock { 1 } -ComputerName a\n"
	       "Get-PSSession | Remove-PSSession\n"
	       "Invoke-Command $s { 1 }\n"
	       "Enter-PSSession -ComputerName $c -Port $p -UseSSL:$u\n"
	       "New-PSSession -ComputerName a, b -Name x, y\n"
	       "Remove-PSSession\n```\n",
	       false, "");
}

TEST(whatif_only_with_should_process)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession -WhatIf\n```\n",
	       false,
	       "16:15 example-param-unknown '-WhatIf' is not a parameter of "
	       "'Get-PSSession'\n");
}

TEST(unknown_command_once_per_example)
{
	EXPECT("### Example 1\n\n```powershell\nGet-Process\nget-process "
	       "-Id 1\n```\n",
	       false,
	       "16:1 example-command-unknown example calls 'Get-Process', "
	       "which is not in the metadata\n");
}

TEST(aliases_and_help)
{
	EXPECT("### Example 1\n\n```powershell\netsn Server01\nhelp "
	       "Get-PSSession -Full\nNew-PSSession -?\n```\n",
	       false, "");
}

TEST(parse_error_at_its_line)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession\nGet-PSSession "
	       "-Name 'Work\n```\n",
	       false,
	       "17:21 example-parse example code does not parse: The string "
	       "is missing the terminator: '.\n");
}

TEST(unsupported_is_style_and_prefix_checked)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession -Bad 1\n"
	       "$x = @{ a = 1 }\n```\n",
	       false,
	       "16:15 example-param-unknown '-Bad' is not a parameter of "
	       "'Get-PSSession'\n"
	       "17:6 example-unsupported example uses '@{' (a hashtable), "
	       "which psh does not parse; not checked\n");
}

TEST(keyword_is_unsupported)
{
	EXPECT("### Example 1\n\n```powershell\nforeach ($s in $all) { "
	       "$s }\n```\n",
	       false,
	       "16:1 example-unsupported example uses the keyword 'foreach', "
	       "which psh does not parse; not checked\n");
}

TEST(script_block_contents_checked)
{
	EXPECT("### Example 1\n\n```powershell\nInvoke-Command -ScriptBlock "
	       "{\n  Get-PSSession -Nope\n}\n```\n",
	       false,
	       "17:17 example-param-unknown '-Nope' is not a parameter of "
	       "'Get-PSSession'\n");
}

TEST(transcript_prompts_and_output)
{
	/* output lines are not code; the prompt is cut off */
	EXPECT("### Example 1\n\n```powershell\nPS C:\\> Get-PSSession "
	       "-Nmae x\n\n Id Name  (output -Nmae)\n -- ----\nPS C:\\> "
	       "Get-PSSession\n```\n",
	       false,
	       "16:23 example-param-unknown '-Nmae' is not a parameter of "
	       "'Get-PSSession'\n");
}

TEST(bare_fence_transcript_checked)
{
	EXPECT("### Example 1\n\n```\nPS> Get-PSSession -Nmae x\n```\n\n"
	       "```\nGet-PSSession -Nmae x\n```\n\n```Output\nPS> x -y\n```\n",
	       false,
	       "16:19 example-param-unknown '-Nmae' is not a parameter of "
	       "'Get-PSSession'\n");
}

TEST(not_run_reasons)
{
	EXPECT("### Example 1\n\n```powershell\nGet-PSSession\n```\n\n"
	       "```powershell\nPS> Get-Foo\nx\n```\n\n"
	       "```powershell\nPS> Get-PSSession\n```\n",
	       true,
	       "15:1 example-not-run example not run: no 'PS>' prompts, so "
	       "no output to compare\n"
	       "20:5 example-command-unknown example calls 'Get-Foo', which "
	       "is not in the metadata\n"
	       "19:1 example-not-run example not run: it calls 'Get-Foo', "
	       "which psh does not have\n"
	       "24:1 example-not-run example not run: no output shown on the "
	       "page\n");
}

TEST(prompt_forms)
{
	check_int(check_examples_prompt_len("PS> x", 5), ==, 4);
	check_int(check_examples_prompt_len("PS>", 3), ==, 3);
	check_int(check_examples_prompt_len("PS C:\\> x", 9), ==, 8);
	check_int(check_examples_prompt_len("[Server01]: PS> x", 17), ==, 16);
	check_int(check_examples_prompt_len("PS /home/u> x", 13), ==, 12);
	check_int(check_examples_prompt_len("PSComputerName", 14), ==, 0);
	check_int(check_examples_prompt_len("PS is > than", 12), ==, 0);
	check_int(check_examples_prompt_len("[x] PS>", 7), ==, 0);
}

/* The diff itself is tested with text_diff in test_common. */
TEST(normalize)
{
	char *n = check_examples_normalize("a  \n\nb\t\n\n \n");

	check_str(n, "a\n\nb\n");
	free(n);
}

static const char *
psh_or_skip(void)
{
	const char *psh = getenv("PSH");

	if (!psh || !*psh)
		printf("# PSH not set: transcripts not run\n");
	return psh && *psh ? psh : NULL;
}

TEST(transcript_runs_and_matches)
{
	if (!psh_or_skip())
		return;
	EXPECT("### Example 1: enter\n\n```powershell\n"
	       "PS> $s = New-PSSession -ComputerName Server07 -Name Work\n"
	       "PS> Enter-PSSession -Session $s\n"
	       "[Server07]: PS> $env:COMPUTERNAME\nServer07\n"
	       "[Server07]: PS> Exit-PSSession\nPS> $s\n\n"
	       " Id Name            ComputerName    State         "
	       "ConfigurationName\n"
	       " -- ----            ------------    -----         "
	       "-----------------\n"
	       "  1 Work            Server07        Opened        "
	       "Microsoft.PowerShell   \n\n\nPS>\n```\n",
	       true, "");
}

TEST(transcript_mismatch_shows_diff)
{
	if (!psh_or_skip())
		return;
	EXPECT("### Example 2: wrong\n\n```powershell\n"
	       "PS> Write-Output one two\none\nthree\n```\n",
	       true,
	       "15:1 example-output-mismatch output of 'Example 2: wrong' "
	       "differs from the page\n"
	       "--- page\n+++ psh\n@@ -1,2 +1,2 @@\n one\n-three\n+two\n");
}

TEST(disconnected_endpoints_are_ended)
{
	if (!psh_or_skip())
		return;
	struct ex_run r;
	struct ex_runner rn = { NULL };
	const char *computers[] = { "Server03" };

	check_examples_run(&rn, getenv("PSH"),
			   "$s = New-PSSession -ComputerName Server03 -Name W\n"
			   "$d = Disconnect-PSSession -Session $s\n"
			   "Write-Output done\n",
			   computers, 1, &r);
	check(r.ran);
	check_str(r.output, "done\n");
	check_int(r.exit_status, ==, 0);
	check_examples_run_release(&r);
	/* a second psh of the same page finds the session */
	check_examples_run(
		&rn, getenv("PSH"),
		"$s = Connect-PSSession -ComputerName Server03 -Name W\n"
		"$d = Disconnect-PSSession -Session $s\n",
		computers, 1, &r);
	check_str(r.output, "");
	check_examples_run_release(&r);
	check(rn.dir != NULL);
	char *dir = rn.dir ? strdup(rn.dir) : NULL;
	check(check_examples_runner_end(&rn)); /* the endpoint had to go */
	check(rn.dir == NULL);
	check(dir && opendir(dir) == NULL);
	free(dir);
}

TEST(missing_psh)
{
	struct ex_run r;
	struct ex_runner rn = { NULL };

	check_examples_run(&rn, "/nonexistent/psh", "x\n", NULL, 0, &r);
	check(!r.ran);
	check(r.why && strstr(r.why, "cannot run"));
	check_examples_run_release(&r);
	check_examples_run(&rn, NULL, "x\n", NULL, 0, &r);
	check(!r.ran);
	check_examples_run_release(&r);
	check(!check_examples_runner_end(&rn));
}

/* ---------- the project's own pages ---------- */

static void
scan_file(const char *path, bool run, struct collected *c)
{
	struct diag_ctx dx, pdx;
	struct md_parse_options opt = { .path = path };
	struct check_env env = { .meta = meta_builtin(),
				 .run_examples = run,
				 .psh_path = getenv("PSH") };
	struct help_doc *doc;

	diag_init(&pdx, path);
	pdx.threshold = DIAGL_SYSTEM;
	doc = md_parse_file(path, &opt, &pdx);
	if (!doc)
		return;
	diag_init(&dx, path);
	dx.sink = collect;
	dx.cookie = c;
	check_examples(&env, doc, &dx);
	help_doc_free(doc);
}

TEST(own_pages_are_clean)
{
	const char *src = getenv("PSHELP_TEST_SRCDIR");
	struct collected c;
	char dir[4096];
	DIR *d;
	struct dirent *e;
	unsigned pages = 0;

	if (!src)
		src = "tests";
	snprintf(dir, sizeof(dir), "%s/../help/en-US", src);
	strbuf_init(&c.text);
	c.n = 0;
	if ((d = opendir(dir)) == NULL) {
		tap_fail_("cannot open %s", dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char path[8192];
		if (!strstr(e->d_name, ".md"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		scan_file(path, false, &c);
		pages++;
	}
	closedir(d);
	check_int(pages, >=, 12);
	check_str(c.text.buf, "");
	strbuf_release(&c.text);
}

/* Counts for --scan: examples, PowerShell blocks, transcripts, pieces. */
static void
count_blocks(const char *path, unsigned *n)
{
	struct diag_ctx pdx;
	struct md_parse_options opt = { .path = path };
	struct help_doc *doc;

	diag_init(&pdx, path);
	pdx.threshold = DIAGL_SYSTEM;
	if ((doc = md_parse_file(path, &opt, &pdx)) == NULL)
		return;
	n[0] += doc->nexamples;
	for (size_t i = 0; i < doc->nexamples; i++)
		for (size_t j = 0; j < doc->examples[i].body.n; j++) {
			const struct help_block *b =
				&doc->examples[i].body.v[j];
			struct ex_block eb;
			if (!check_examples_is_powershell(b))
				continue;
			check_examples_split(doc, b, &eb);
			n[1]++;
			n[2] += eb.transcript;
			n[3] += (unsigned)eb.npieces;
			check_examples_block_free(&eb);
		}
	help_doc_free(doc);
}

static int
scan_main(int argc, char **argv)
{
	bool run = false;
	struct collected c;
	unsigned counts[4] = { 0 };

	strbuf_init(&c.text);
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--run") == 0) {
			run = true;
			continue;
		}
		strbuf_reset(&c.text);
		scan_file(argv[i], run, &c);
		count_blocks(argv[i], counts);
		for (char *l = c.text.buf; *l;) {
			char *nl = strchr(l, '\n');
			if (nl)
				*nl = '\0';
			printf("%s:%s\n", argv[i], l);
			l = nl ? nl + 1 : l + strlen(l);
		}
	}
	strbuf_release(&c.text);
	printf("# %u examples, %u powershell blocks, %u transcripts, %u "
	       "pieces\n",
	       counts[0], counts[1], counts[2], counts[3]);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--scan") == 0)
		return scan_main(argc, argv);
	RUN(good_example_is_quiet);
	RUN(unknown_parameter);
	RUN(code_in_a_list_is_checked);
	RUN(prefix_and_alias_bind);
	RUN(ambiguous_prefix);
	RUN(calls_bind_as_a_whole);
	RUN(calls_that_may_bind_are_quiet);
	RUN(whatif_only_with_should_process);
	RUN(unknown_command_once_per_example);
	RUN(aliases_and_help);
	RUN(parse_error_at_its_line);
	RUN(unsupported_is_style_and_prefix_checked);
	RUN(keyword_is_unsupported);
	RUN(script_block_contents_checked);
	RUN(transcript_prompts_and_output);
	RUN(bare_fence_transcript_checked);
	RUN(not_run_reasons);
	RUN(prompt_forms);
	RUN(normalize);
	RUN(transcript_runs_and_matches);
	RUN(transcript_mismatch_shows_diff);
	RUN(disconnected_endpoints_are_ended);
	RUN(missing_psh);
	RUN(own_pages_are_clean);
	return tap_done();
}
