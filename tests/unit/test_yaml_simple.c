/* SPDX-License-Identifier: MIT */
/*
 * platyps_yaml_load_simple(): wherever it reads a block, its tree is
 * libyaml's, field by field; what it must leave to libyaml, it refuses.
 * Blocks written here and every front matter and parameter yaml block
 * of $PSHELP_SHARED/corpus.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"
#include "md_parse.h"
#include "tap.h"
#include "xalloc.h"
#include "yaml_internal.h"

/* -1: refused by the simple reader; 1: read as libyaml reads it; 0: not. */
static int
compare(const char *text, size_t len)
{
	struct arena a;
	struct platyps_yaml_node *fast, *slow;
	struct platyps_yaml_error err;
	arena_init(&a);
	int r = -1;
	if (platyps_yaml_load_simple(&a, text, len, &fast))
		r = platyps_yaml_load_libyaml(&a, text, len, &slow, &err) &&
		    platyps_yaml_same_tree(fast, slow);
	arena_release(&a);
	return r;
}

static int
compare_str(const char *text)
{
	return compare(text, strlen(text));
}

TEST(platyps_blocks_read_as_libyaml_reads_them)
{
	static const char *const ok[] = {
		"Type: System.String[]\nParameter Sets: (All)\nAliases:\n\n"
		"Required: True\nPosition: 0\nDefault value: None\n"
		"Accept pipeline input: True (ByPropertyName, ByValue)\n"
		"Accept wildcard characters: False\n",
		"title: Exit-PSSession\nms.locfileid: \"99975098\"\n"
		"online version: https://x.example/a?b=c&d=e#f\n",
		"Type: System.Collections.Generic.Dictionary`2[System.String,"
		"System.Object]\nAliases:   \n",
		"a: 'single'\nb: \"\"\nc: ''\nd: x#y\ne: a - b\nf: C:\\x\n",
		"k: v", /* no line end */
		"\n\nk: v\n\n\nl: w\n\n",
		"k: ünïcödé ✓ 𝄞\n",
		"a:b: c\n",
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		check_int(compare_str(ok[i]), ==, 1);
}

TEST(what_libyaml_must_read_is_refused)
{
	static const char *const refused[] = {
		"", "\n\n", "k: v\n  more\n", "k: |\n  text\n", "k: >\n  x\n",
		"k: [a, b]\n", "k: {a: b}\n", "- a\n", "k: 'a\n  b'\n",
		"k: \"a\\tb\"\n", "k: 'it''s'\n", "k: v # comment\n",
		"# comment\nk: v\n", "k: a: b\n", "k: C:\n", "k:\tv\n",
		"k: v\r\n", "---\nk: v\n", "...\n", "k : v\n", "\"k\": v\n",
		"k: &a v\n", "k: *a\n", "k: !!str v\n", "k: @v\n", "k: `v`\n",
		"k: %v\n", "k: ?v\n", "k: -v\n", "k#x: v\n", "k[0]: v\n",
		"\xef\xbb\xbfk: v\n", "k: a\342\200\250b\n", "k: \xc2\x85\n",
		"k: \x01\n", "k: \"a\" b\n", "nokey\n", " k: v\n",
		/* flow lists over lines, closed or not */
		"k: [htt\n  ps://example.org, b]\n", "k:\n  [a,\n  b]\n",
		"k: [https://example.org,\n  b\nl: v\n",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (compare_str(refused[i]) != -1)
			printf("# taken: '%s'\n", refused[i]);
		check_int(compare_str(refused[i]), ==, -1);
	}
	char *long_key = xcalloc(1200, 1);
	memset(long_key, 'k', 1100);
	memcpy(long_key + 1100, ": v\n", 4);
	check_int(compare_str(long_key), ==, -1);
	free(long_key);
}

/* ---------- the corpus ---------- */

static size_t simple_read, blocks, wrong;

static void
tally(const char *path, const char *what, const char *text, size_t len)
{
	int r = compare(text, len);
	blocks++;
	simple_read += r == 1;
	if (r == 0) {
		wrong++;
		printf("# %s: %s read otherwise than by libyaml\n", path, what);
	}
}

static void
page_blocks(const char *path)
{
	char *buf;
	size_t len;
	if (file_read_all(path, (size_t)64 << 20, &buf, &len) != 0)
		return;
	if (len > 4 && memcmp(buf, "---\n", 4) == 0) {
		const char *end = strstr(buf + 3, "\n---");
		if (end)
			tally(path, "front matter", buf + 4,
			      (size_t)(end + 1 - buf) - 4);
	}
	struct help_doc *d = md_parse(buf, len, NULL, NULL);
	for (size_t i = 0; d && i < d->nparams; i++)
		if (d->params[i].has_metadata)
			tally(path, d->params[i].name,
			      d->params[i].metadata_text,
			      strlen(d->params[i].metadata_text));
	help_doc_free(d);
	free(buf);
}

static void
walk(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		size_t n = strlen(p);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			walk(p);
		else if (n > 3 && strcmp(p + n - 3, ".md") == 0)
			page_blocks(p);
		free(p);
	}
	if (dp)
		closedir(dp);
}

TEST(corpus_blocks_read_as_libyaml_reads_them)
{
	const char *shared = getenv("PSHELP_SHARED");
	char *corpus = shared ? xasprintf("%s/corpus", shared) : NULL;
	if (corpus)
		walk(corpus);
	printf("# %zu blocks, %zu read without libyaml\n", blocks,
	       simple_read);
	check_int(wrong, ==, 0);
	check(corpus == NULL || simple_read * 10 >= blocks * 9);
	free(corpus);
}

int
main(void)
{
	RUN(platyps_blocks_read_as_libyaml_reads_them);
	RUN(what_libyaml_must_read_is_refused);
	RUN(corpus_blocks_read_as_libyaml_reads_them);
	return tap_done();
}
