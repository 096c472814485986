/* SPDX-License-Identifier: MIT */
/* src/update: SYNTAX wrapping, the diff, and splicing a page in memory. */
#include <stdlib.h>
#include <string.h>

#include "md_parse.h"
#include "tap.h"
#include "update.h"

TEST(syntax_short_line_stays_one_line)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	page_syntax_lines(&sb, "Exit-PSSession [<CommonParameters>]", "\n");
	check_str(sb.buf, "Exit-PSSession [<CommonParameters>]\n");
	strbuf_release(&sb);
}

TEST(syntax_wraps_before_column_100_keeping_types)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	page_syntax_lines(
		&sb,
		"Enter-PSSession [-ComputerName] <String> [[-Credential] "
		"<PSCredential>] [-ApplicationName <String>] [-Authentication "
		"<AuthenticationMechanism>] [<CommonParameters>]",
		"\r\n");
	check_str(sb.buf,
		  "Enter-PSSession [-ComputerName] <String> [[-Credential] "
		  "<PSCredential>] [-ApplicationName <String>]\r\n"
		  " [-Authentication <AuthenticationMechanism>] "
		  "[<CommonParameters>]\r\n");
	strbuf_release(&sb);
}

TEST(diff_of_equal_texts_is_empty)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	update_diff(&sb, "p.md", "a\nb\n", 4, "a\nb\n", 4);
	check_int(sb.len, ==, 0);
	strbuf_release(&sb);
}

TEST(diff_has_context_and_hunk_header)
{
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
	const char *b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	update_diff(&sb, "p.md", a, strlen(a), b, strlen(b));
	check_str(sb.buf, "--- a/p.md\n+++ b/p.md\n@@ -2,7 +2,7 @@\n 2\n 3\n"
			  " 4\n-5\n+five\n 6\n 7\n 8\n");
	strbuf_release(&sb);
}

TEST(diff_neutralizes_control_bytes_and_marks_missing_newline)
{
	const char *a = "x\033[2J";
	const char *b = "y";
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	update_diff(&sb, "p.md", a, strlen(a), b, strlen(b));
	check(strchr(sb.buf, '\033') == NULL);
	check(strstr(sb.buf, "\\ No newline at end of file\n") != NULL);
	strbuf_release(&sb);
}

static char *
updated(const char *page, bool *ok)
{
	struct diag_ctx dx;
	struct md_parse_options po = { .path = "Exit-PSSession.md" };
	struct update_options uo = { .meta = meta_builtin() };
	struct strbuf out = STRBUF_INIT;

	diag_init(&dx, "Exit-PSSession.md");
	dx.threshold = DIAGL__COUNT;
	strbuf_init(&out);
	struct help_doc *doc = md_parse(page, strlen(page), &po, &dx);
	*ok = doc && update_doc(doc, &uo, &out, &dx);
	help_doc_free(doc);
	return strbuf_detach(&out, NULL);
}

TEST(splice_fixes_syntax_and_keeps_crlf_and_bom)
{
	const char *page = "\xef\xbb\xbf---\r\ntitle: Exit-PSSession\r\n"
			   "schema: 2.0.0\r\n---\r\n\r\n# Exit-PSSession\r\n"
			   "\r\n## SYNOPSIS\r\nText.\r\n\r\n## SYNTAX\r\n\r\n"
			   "```\r\nExit-PSSession -Wrong\r\n```\r\n\r\n"
			   "## DESCRIPTION\r\n\r\nProse stays.\r\n";
	bool ok;
	char *got = updated(page, &ok);
	check(ok);
	check_str(got, "\xef\xbb\xbf---\r\ntitle: Exit-PSSession\r\n"
		       "schema: 2.0.0\r\n---\r\n\r\n# Exit-PSSession\r\n"
		       "\r\n## SYNOPSIS\r\nText.\r\n\r\n## SYNTAX\r\n\r\n"
		       "```\r\nExit-PSSession [<CommonParameters>]\r\n```\r\n"
		       "\r\n## DESCRIPTION\r\n\r\nProse stays.\r\n");
	char *again = updated(got, &ok);
	check_str(again, got);
	free(again);
	free(got);
}

TEST(page_for_unknown_command_is_copied)
{
	const char *page = "# Get-Nothing\n\n## SYNOPSIS\nx\n";
	struct diag_ctx dx;
	struct md_parse_options po = { .path = "Get-Nothing.md" };
	struct update_options uo = { .meta = meta_builtin() };
	struct strbuf out = STRBUF_INIT;

	diag_init(&dx, "Get-Nothing.md");
	dx.threshold = DIAGL__COUNT;
	strbuf_init(&out);
	struct help_doc *doc = md_parse(page, strlen(page), &po, &dx);
	check(doc != NULL);
	check(!update_doc(doc, &uo, &out, &dx));
	check_str(out.buf, page);
	check_int(dx.count[DIAGL_WARNING], >=, 1);
	help_doc_free(doc);
	strbuf_release(&out);
}

int
main(void)
{
	RUN(syntax_short_line_stays_one_line);
	RUN(syntax_wraps_before_column_100_keeping_types);
	RUN(diff_of_equal_texts_is_empty);
	RUN(diff_has_context_and_hunk_header);
	RUN(diff_neutralizes_control_bytes_and_marks_missing_newline);
	RUN(splice_fixes_syntax_and_keeps_crlf_and_bom);
	RUN(page_for_unknown_command_is_copied);
	return tap_done();
}
