/* SPDX-License-Identifier: MIT */
/* Unit tests for src/common: strbuf, arena, utf8, diag. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "file.h"
#include "options.h"
#include "strbuf.h"
#include "textdiff.h"
#include "tap.h"
#include "utf8.h"
#include "xalloc.h"

enum { O_FULL, O_FORMAT, O_CULTURE, O_HELP, O_PATH };

static const struct opt_def defs[] = {
	{ "Full", O_FULL, false, false },
	{ "Format", O_FORMAT, true, false },
	{ "culture", O_CULTURE, true, false },
	{ "help", O_HELP, false, false },
	{ "h", O_HELP, false, true },
	{ "?", O_HELP, false, true },
	{ "Path", O_PATH, true, false },
};

/* The statuses and ids (or operands) of a whole scan, as one string. */
static char *
scan(unsigned flags, int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	struct strbuf sb = STRBUF_INIT;
	enum opt_status st;

	strbuf_init(&sb);
	opt_init(&p, argc, argv, defs, sizeof(defs) / sizeof(*defs), flags);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		if (st == OPT_OPTION)
			strbuf_addf(&sb, "%d%s%s ", h.def->id,
				    h.value ? "=" : "", h.value ? h.value : "");
		else if (st == OPT_OPERAND)
			strbuf_addf(&sb, "[%s] ", h.arg);
		else
			strbuf_addf(&sb, "E%d:%s ", (int)st, h.arg);
	}
	return strbuf_detach(&sb, NULL);
}

#define check_scan(flags, want, ...)                                           \
	do {                                                                   \
		const char *argv_[] = { "prog", __VA_ARGS__, NULL };           \
		char *got_ =                                                   \
			scan(flags, (int)(sizeof(argv_) / sizeof(*argv_)) - 1, \
			     (char **)argv_);                                  \
		check_str(got_, want);                                         \
		free(got_);                                                    \
	} while (0)

TEST(options_spellings_and_values)
{
	check_scan(0, "0 1=json 2=sv-SE 2=de 4=/a 4=/b ", "--full",
		   "-Format:json", "--CULTURE=sv-SE", "-culture", "de",
		   "--path", "/a", "-Path:/b");
	/* "--" ends options; "-" alone is an operand. */
	check_scan(0, "[Name] [-] [--full] ", "Name", "-", "--", "--full");
	/* A value may begin with a dash; the value may be empty. */
	check_scan(0, "1=-x 2= ", "--format", "-x", "--culture=");
	check_scan(0, "3 3 3 ", "-h", "-?", "--HELP");
}

TEST(options_prefixes_follow_powershell)
{
	/* Without OPT_PREFIXES only whole names match. */
	check_scan(0, "E3:-Ful ", "-Ful");
	check_scan(OPT_PREFIXES, "0 2=x 4=p ", "-Ful", "-cu", "x", "-pa", "p");
	/* -F is Full and Format: ambiguous; an exact name beats a prefix. */
	check_scan(OPT_PREFIXES, "E4:-F 0 ", "-F", "-full");
	/* Short exact-only names are never prefixes: -he is help, not h. */
	check_scan(OPT_PREFIXES, "3 ", "-he");
	check_scan(OPT_PREFIXES, "E3:-x E3:--= E3:--nosuch ", "-x",
		   "--=", "--nosuch");
}

TEST(options_errors_leave_the_scan_usable)
{
	check_scan(0, "E5:--culture ", "--culture");
	check_scan(0, "E6:--full=yes [N] ", "--full=yes", "N");
	check_scan(0, "E6:-Full:x ", "-Full:x");
	check_scan(0, "[] ", ""); /* an empty argument is an operand */
}

/* A scratch folder for the file tests. */
static char *
scratch_dir(void)
{
	char tmpl[] = "/tmp/pshelp-test-file-XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? strdup(d) : NULL;
}

static char *
path_in(const char *dir, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s/%s", dir, name);
	return strbuf_detach(&sb, NULL);
}

TEST(file_reads_regular_files_up_to_a_limit)
{
	char *dir = scratch_dir(), *p, *buf;
	size_t len;
	FILE *f;

	check(dir != NULL);
	p = path_in(dir, "page.md");
	f = fopen(p, "wb");
	fwrite("ab\0cd", 1, 5, f); /* a NUL byte is data, not the end */
	fclose(f);
	check_int(file_read_all(p, 100, &buf, &len), ==, 0);
	check_int(len, ==, 5);
	check(memcmp(buf, "ab\0cd", 6) == 0); /* and NUL-terminated */
	free(buf);
	/* At most max + 1 bytes: the caller can tell "too big". */
	check_int(file_read_all(p, 3, &buf, &len), ==, 0);
	check_int(len, ==, 4);
	free(buf);
	check_int(file_read_all(p, 0, &buf, &len), ==, 0);
	check_int(len, ==, 1);
	free(buf);
	unlink(p);
	check_int(file_read_all(p, 100, &buf, &len), ==, ENOENT);
	check(buf == NULL);
	free(p);
	rmdir(dir);
	free(dir);
}

TEST(file_refuses_what_could_block_or_never_end)
{
	char *dir = scratch_dir(), *fifo, *buf;
	size_t len;

	check(dir != NULL);
	/* A directory, a terminal-like device: refused at once. */
	check_int(file_read_all(dir, 100, &buf, &len), ==,
		  FILE_ERR_NOT_REGULAR);
	check_int(file_read_all("/dev/null", 100, &buf, &len), ==,
		  FILE_ERR_NOT_REGULAR);
	check_str(file_strerror(FILE_ERR_NOT_REGULAR),
		  "not a regular file or pipe");
	check_str(file_strerror(ENOENT), strerror(ENOENT));
	/* A FIFO nobody writes to reads as empty instead of hanging. */
	fifo = path_in(dir, "fifo");
	check_int(mkfifo(fifo, 0600), ==, 0);
	check_int(file_read_all(fifo, 100, &buf, &len), ==, 0);
	check_int(len, ==, 0);
	free(buf);
	/* A page the user names must be a file: the FIFO is refused. */
	check_int(file_read_regular(fifo, 100, &buf, &len), ==,
		  FILE_ERR_NOT_FILE);
	check(buf == NULL);
	check_str(file_strerror(FILE_ERR_NOT_FILE), "not a regular file");
	unlink(fifo);
	free(fifo);
	rmdir(dir);
	free(dir);
}

TEST(safe_dup_neutralizes_terminal_controls)
{
	char *s = utf8_safe_dup("a\x1b[31mb\n\xff");

	check(strchr(s, '\x1b') == NULL);
	check(strchr(s, '\n') == NULL);
	check(strstr(s, "\xe2\x90\x9b") != NULL); /* U+241B, the visible ESC */
	check(strstr(s, "\xef\xbf\xbd") != NULL); /* U+FFFD for the bad byte */
	free(s);
	/* bidi overrides, isolates and marks, zero-width space, word joiner
	 * and BOM are hidden formatting: shown as U+FFFD.  ZWJ and ZWNJ stay,
	 * for the scripts that need them. */
	static const char *const hidden[] = {
		"\xe2\x80\xae", "\xe2\x80\xaa", "\xe2\x81\xa6", "\xe2\x81\xa9",
		"\xe2\x80\x8f", "\xd8\x9c",     "\xe2\x80\x8b", "\xe2\x81\xa0",
		"\xef\xbb\xbf"
	};
	for (size_t i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++) {
		char *in = xasprintf("a%sb", hidden[i]);
		char *out = utf8_safe_dup(in);
		check_str(out, "a\xef\xbf\xbd" "b");
		free(out);
		free(in);
	}
	s = utf8_safe_dup("\xe2\x80\x8c\xe2\x80\x8d"); /* ZWNJ, ZWJ */
	check_str(s, "\xe2\x80\x8c\xe2\x80\x8d");
	free(s);
}

TEST(strbuf_grows_and_detaches)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	check_str(sb.buf, "");
	for (int i = 0; i < 1000; i++)
		strbuf_addch(&sb, 'x');
	strbuf_addf(&sb, "%d", 42);
	check_int(sb.len, ==, 1002);
	strbuf_addstr(&sb, "  \t");
	strbuf_rtrim(&sb);
	check_int(sb.len, ==, 1002);
	size_t len;
	char *s = strbuf_detach(&sb, &len);
	check_int(len, ==, 1002);
	check_str(s + 1000, "42");
	check_str(sb.buf, "");
	free(s);
}

TEST(arena_zeroes_and_aligns)
{
	struct arena a;
	arena_init(&a);
	for (int i = 0; i < 10000; i++) {
		unsigned char *p = arena_alloc(&a, (size_t)(i % 97) + 1);
		check(((uintptr_t)p % 16) == 0);
		check(p[0] == 0);
	}
	char *big = arena_alloc(&a, 1 << 20);
	check(big[(1 << 20) - 1] == 0);
	check_str(arena_strndup(&a, "hello world", 5), "hello");
	arena_release(&a);
	check(a.head == NULL);
}

TEST(utf8_decode_rejects_bad_sequences)
{
	int32_t cp;
	check_int(utf8_decode("\xc3\xa5", 2, &cp), ==, 2);
	check_int(cp, ==, 0xE5);
	check_int(utf8_decode("\xc3", 1, &cp), ==, 1);
	check_int(cp, ==, -1);
	check_int(utf8_decode("\xc0\xaf", 2, &cp), ==, 1); /* overlong */
	check_int(cp, ==, -1);
	check_int(utf8_decode("\xed\xa0\x80", 3, &cp), ==, 1); /* surrogate */
	check_int(cp, ==, -1);
	check_int(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), ==, 4);
	check_int(cp, ==, 0x1F600);
	check_int(utf8_first_invalid("ab\xffz", 4), ==, 2);
	check_int(utf8_first_invalid("åäö", strlen("åäö")), ==, strlen("åäö"));
}

TEST(utf8_neutralize_makes_controls_visible)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	const char in[] = "a\x1b[31mred\x07\xc2\x9b\x7f\xff\tb\nc";
	utf8_neutralize(&sb, in, sizeof(in) - 1, true);
	check_str(sb.buf, "a\xe2\x90\x9b[31mred\xe2\x90\x87\xef\xbf\xbd"
			  "\xe2\x90\xa1\xef\xbf\xbd\tb\nc");
	check(!utf8_is_clean(in, sizeof(in) - 1, true));
	check(utf8_is_clean("plain\ttext\n", 11, true));
	check(!utf8_is_clean("plain\n", 6, false));
	strbuf_release(&sb);
}

static char last_line[512];

static void
collect(void *cookie, const struct diag *d)
{
	char *s = diag_to_string(d);
	snprintf(last_line, sizeof(last_line), "%s", s);
	free(s);
	(*(int *)cookie)++;
}

static char *
diff_of(const char *a, const char *b, const char *an, const char *bn,
	size_t max_changes)
{
	struct strbuf sb = STRBUF_INIT;
	struct text_diff_options o = { an, bn, max_changes };
	strbuf_init(&sb);
	if (!text_diff(&sb, a, strlen(a), b, strlen(b), &o)) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

TEST(text_diff_hunks_as_diff_u)
{
	char *d = diff_of("a\nb\nc\nd\ne\nf\ng\nh\ni\n",
			  "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n", "page", "psh", 0);
	check_str(d, "--- page\n+++ psh\n@@ -2,8 +2,9 @@\n b\n c\n d\n-e\n+E\n"
		     " f\n g\n h\n i\n+j\n");
	free(d);
	check(diff_of("x\n", "x\n", "a", "b", 0) == NULL);
	d = diff_of("", "x\n", "page", "psh", 0);
	check_str(d, "--- page\n+++ psh\n@@ -0,0 +1 @@\n+x\n");
	free(d);
	/* two changes far apart are two hunks; CRLF is shown without CR */
	d = diff_of("1\r\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
		    "one\r\n2\n3\n4\n5\n6\n7\n8\n9\nten\n", "a", "b", 0);
	check_str(d, "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"
		     "@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n");
	free(d);
}

TEST(text_diff_is_bounded_and_safe)
{
	/* max_changes cuts the list of - and + lines */
	char *d = diff_of("a\nb\nc\n", "x\ny\nz\n", "a", "b", 2);
	check_str(d, "--- a\n+++ b\n@@ -1,3 +1,3 @@\n-a\n-b\n...\n");
	free(d);
	d = diff_of("x\033[2J", "y", "n\033me", "b", 0);
	check(strchr(d, '\033') == NULL);
	check(strstr(d, "\\ No newline at end of file\n") != NULL);
	free(d);
	/* too large for the LCS table: all removed, then all added */
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_init(&a);
	strbuf_init(&b);
	for (int i = 0; i < 3000; i++) {
		strbuf_addf(&a, "a%d\n", i);
		strbuf_addf(&b, "b%d\n", i);
	}
	d = diff_of(a.buf, b.buf, "a", "b", 0);
	check(strstr(d, "@@ -1,3000 +1,3000 @@\n-a0\n") != NULL);
	check(strstr(d, "-a2999\n+b0\n") != NULL);
	free(d);
	strbuf_release(&a);
	strbuf_release(&b);
}

TEST(file_write_atomic_replaces_or_refuses)
{
	char dir[] = "/tmp/pshelp-write-XXXXXX";
	check(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/page.md", dir);
	check_int(file_write_atomic(path, "one\n", 4, FILE_CREATE_ONLY), ==, 0);
	check_int(file_write_atomic(path, "two\n", 4, FILE_CREATE_ONLY), ==,
		  EEXIST);
	check(chmod(path, 0640) == 0);
	check_int(file_write_atomic(path, "three\n", 6, FILE_REPLACE), ==, 0);
	char *buf;
	size_t len;
	check_int(file_read_all(path, 100, &buf, &len), ==, 0);
	check_str(buf, "three\n");
	free(buf);
	struct stat st;
	check(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	/* derived output (unsynced) follows the same rules */
	check_int(file_write_atomic(path, "four\n", 5,
				    FILE_CREATE_ONLY | FILE_DERIVED),
		  ==, EEXIST);
	check_int(file_write_atomic(path, "four\n", 5,
				    FILE_REPLACE | FILE_DERIVED),
		  ==, 0);
	check_int(file_read_all(path, 100, &buf, &len), ==, 0);
	check_str(buf, "four\n");
	free(buf);
	check(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	/* nothing but the page is left in the folder */
	char *other = xasprintf("%s/no/such/dir/x.md", dir);
	check_int(file_write_atomic(other, "x", 1, FILE_REPLACE), ==, ENOENT);
	DIR *d = opendir(dir);
	size_t n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 &&
		     strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	check_int(n, ==, 1);
	unlink(path);
	rmdir(dir);
	free(other);
	free(path);
}

/* Output to a FIFO (or /dev/null, /dev/stdout) goes into it, never over it. */
TEST(file_write_atomic_writes_into_a_fifo)
{
	char dir[] = "/tmp/pshelp-fifo-XXXXXX";
	check(mkdtemp(dir) != NULL);
	char *fifo = xasprintf("%s/out", dir);
	check(mkfifo(fifo, 0600) == 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK); /* a reader is there */
	check(rd >= 0);
	check_int(file_write_atomic(fifo, "page\n", 5, FILE_REPLACE), ==, 0);
	char got[16] = { 0 };
	check_int(read(rd, got, sizeof(got) - 1), ==, 5);
	check_str(got, "page\n");
	struct stat st;
	check(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));
	check_int(file_write_atomic(dir, "x", 1, FILE_REPLACE), ==, EISDIR);
	close(rd);
	unlink(fifo);
	rmdir(dir);
	free(fifo);
}

static void
collect_lines(void *cookie, const struct diag *d)
{
	strbuf_addf(cookie, "%u:%u %s\n", (unsigned)d->line, (unsigned)d->col,
		    diag_slug(d->id));
}

/* Held diagnostics come out by line and column; equal places keep order. */
TEST(diag_held_diagnostics_come_out_in_page_order)
{
	struct strbuf out = STRBUF_INIT;
	struct diag_ctx dx;
	struct diag_held h;
	strbuf_init(&out);
	diag_init(&dx, "p.md");
	dx.sink = collect_lines;
	dx.cookie = &out;
	diag_hold(&dx, &h);
	diag_report(&dx, DIAG_NO_TITLE, 9, 1);
	diag_report(&dx, DIAG_NUL_BYTE, 2, 5);
	diag_report(&dx, DIAG_UTF8_INVALID, 2, 5);
	diag_report(&dx, DIAG_NO_TITLE, 2, 1);
	check_str(out.buf, ""); /* nothing shown while held */
	diag_release_sorted(&dx, &h);
	check_str(out.buf, "2:1 no-title\n2:5 nul-byte\n2:5 utf8-invalid\n"
			   "9:1 no-title\n");
	check(dx.sink == collect_lines && dx.count[DIAGL_ERROR] == 2);
	strbuf_release(&out);
}

TEST(diag_formats_gcc_style)
{
	struct diag_ctx dx;
	int n = 0;
	diag_init(&dx, "x.md");
	dx.sink = collect;
	dx.cookie = &n;
	diag_report(&dx, DIAG_NESTING_TOO_DEEP, 12, 5, 64);
	check_int(n, ==, 1);
	check_str(last_line, "x.md:12:5: error: blocks nested deeper than 64 "
			     "levels [nesting-too-deep]");
	check_int(dx.worst, ==, DIAGL_ERROR);
	dx.threshold = DIAGL_ERROR;
	diag_report(&dx, DIAG_NO_TITLE, 1, 1);
	check_int(n, ==, 1); /* below threshold: counted, not sunk */
	check_int(dx.count[DIAGL_WARNING], ==, 1);
}

TEST(diag_table_is_sorted_by_level)
{
	for (int i = 1; i < DIAG__COUNT; i++)
		check(diag_level_of((enum diag_id)(i - 1)) <=
		      diag_level_of((enum diag_id)i));
	for (int i = 0; i < DIAG__COUNT; i++)
		for (int j = i + 1; j < DIAG__COUNT; j++)
			check(strcmp(diag_slug((enum diag_id)i),
				     diag_slug((enum diag_id)j)) != 0);
}

int
main(void)
{
	RUN(options_spellings_and_values);
	RUN(options_prefixes_follow_powershell);
	RUN(options_errors_leave_the_scan_usable);
	RUN(file_reads_regular_files_up_to_a_limit);
	RUN(file_refuses_what_could_block_or_never_end);
	RUN(safe_dup_neutralizes_terminal_controls);
	RUN(strbuf_grows_and_detaches);
	RUN(arena_zeroes_and_aligns);
	RUN(utf8_decode_rejects_bad_sequences);
	RUN(utf8_neutralize_makes_controls_visible);
	RUN(text_diff_hunks_as_diff_u);
	RUN(text_diff_is_bounded_and_safe);
	RUN(file_write_atomic_replaces_or_refuses);
	RUN(file_write_atomic_writes_into_a_fifo);
	RUN(diag_held_diagnostics_come_out_in_page_order);
	RUN(diag_formats_gcc_style);
	RUN(diag_table_is_sorted_by_level);
	return tap_done();
}
