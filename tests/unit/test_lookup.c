/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for lookup.c and query.c: help roots, the topic index over
 * fixture roots made in a temporary folder, name matching, suggestions,
 * case folding, the help query, and the real corpus when $PSHELP_SHARED
 * has it.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <unicode/uloc.h>

#include "culture.h"
#include "lookup.h"
#include "query.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

static char fixture[64];

/* ---- fixture helpers ---- */

static char *
fx(const char *rel)
{
	return xasprintf("%s/%s", fixture, rel);
}

static void
make_dirs(const char *rel)
{
	char *p = fx(rel);

	for (char *s = p + strlen(fixture) + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0755);
			*s = '/';
		}
	}
	mkdir(p, 0755);
	free(p);
}

/* Creates a page (and its folders); the content does not matter here. */
static void
page(const char *rel)
{
	char *p = fx(rel), *dir = xstrdup(rel), *slash = strrchr(dir, '/');
	FILE *f;

	if (slash) {
		*slash = '\0';
		make_dirs(dir);
	}
	f = fopen(p, "w");
	if (f) {
		fputs("# page\n", f);
		fclose(f);
	}
	free(dir);
	free(p);
}

static void
link_to(const char *target, const char *rel)
{
	char *p = fx(rel);

	if (symlink(target, p) != 0)
		tap_fail_("symlink %s failed", p);
	free(p);
}

static void
remove_tree(int parent, const char *name)
{
	struct stat st;
	int fd;
	DIR *d;
	struct dirent *e;

	if (fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(parent, name, 0);
		return;
	}
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				remove_tree(dirfd(d), e->d_name);
		closedir(d);
	}
	unlinkat(parent, name, AT_REMOVEDIR);
}

/*
 * root1 has en-US (module folders, About/, oddities) and sv-se (lower
 * case); root2 has sv-SE and en-US.  The chain for sv-SE is sv-SE, sv,
 * en-US.
 */
static void
make_fixture(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(fixture, sizeof(fixture), "%s/pshelp-lookup-XXXXXX",
		 tmp && strlen(tmp) < 30 ? tmp : "/tmp");
	if (!mkdtemp(fixture))
		tap_fail_("mkdtemp %s failed", fixture);
	page("root1/en-US/Mod.A/Get-Thing.md");
	page("root1/en-US/Mod.A/Exit-PSSession.md");
	page("root1/en-US/Mod.A/Mod.A.md");
	page("root1/en-US/Mod.A/about/about_Things.md");
	page("root1/en-US/Mod.A/about/About.md");
	page("root1/en-US/Mod.A/about/notes.txt");
	page("root1/en-US/Mod.A/about/.about_Hidden.md");
	page("root1/en-US/Mod.A/Deep/Too-Deep.md");
	page("root1/en-US/Mod.A/about/Deeper/Too-Deeper.md");
	page("root1/en-US/about_Root.md");
	page("root1/en-US/Set-Thing.MD");
	page("root1/en-US/.Hidden-Page.md");
	page("root1/en-US/Bad\xff-Name.md");
	page("root1/en-US/Ctl\x1b-Name.md");
	page("root1/en-US/.md");
	page("root1/en-US/Get-Readme.md.txt");
	page("root1/en-US/A\xcc\x8a"
	     "nge-Test.md"); /* decomposed Å */
	make_dirs("root1/en-US/Folder-Page.md");
	page("root1/sv-se/Mod.A/Get-Thing.md");
	page("root2/sv-SE/Mod.A/Exit-PSSession.md");
	page("root2/en-US/Mod.A/Get-Thing.md");
	page("root2/en-US/Mod.B/Get-Other.md");
	page("root2/de-DE/Mod.A/Get-German.md");
	/* sources in module folders named in another case: only one ... */
	page("root2/sv-SE/Mod.C/Set-Case.md");
	page("root2/en-US/MOD.C/Set-Case.md");
	/* ... and beside one of exactly the translation's name */
	page("root2/sv-SE/Mod.D/Set-Pair.md");
	page("root2/en-US/Mod.D/Set-Pair.md");
	page("root2/en-US/MOD.D/Set-Pair.md");
	page("outside/Link-Target.md");
	make_dirs("outside/Mod.Out");
	page("outside/Mod.Out/Get-Outside.md");
	link_to("../../outside/Link-Target.md", "root1/en-US/Link-Page.md");
	link_to("../../outside/Mod.Out", "root1/en-US/Mod.Linked");
	link_to("../outside", "root2/sv");
}

/* Topics (not index entries) the fixture gives for the sv-SE chain. */
#define FIXTURE_PAGES 17

static void
sv_chain(struct culture_list *chain)
{
	struct culture_list user = { NULL, 0 };

	user.v = xmalloc(sizeof(*user.v));
	user.v[user.n++] = xstrdup("sv-SE");
	culture_chain(&user, chain);
	culture_list_release(&user);
}

static void
build_fixture_index(struct topic_index *idx)
{
	char *r1 = fx("root1"), *r2 = fx("root2"), *none = fx("missing");
	const char *roots[] = { r1, r2, none };
	struct culture_list chain;

	sv_chain(&chain);
	topic_index_build(idx, roots, 3, &chain);
	culture_list_release(&chain);
	free(r1);
	free(r2);
	free(none);
}

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The names found, as "a,b,c". */
static char *
find_names(const struct topic_index *idx, const char *name)
{
	const struct topic **t;
	size_t n = topic_index_find(idx, name, &t);
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t[i]->name);
	free(t);
	return strbuf_detach(&sb, NULL);
}

static void
check_find_(const struct topic_index *idx, const char *name, const char *want,
	    int line)
{
	char *got = find_names(idx, name);

	if (strcmp(got, want) != 0)
		tap_fail_("line %d: find '%s' gave '%s', want '%s'", line, name,
			  got, want);
	free(got);
}
#define check_find(idx, name, want) check_find_(idx, name, want, __LINE__)

static const struct topic *
find_one(const struct topic_index *idx, const char *name)
{
	const struct topic **t, *one = NULL;

	if (topic_index_find(idx, name, &t) == 1)
		one = t[0];
	free(t);
	return one;
}

/* ---- roots ---- */

/* The paths found, as "a,b,c". */
static char *
find_paths(const struct topic_index *idx, const char *name)
{
	const struct topic **t;
	size_t n = topic_index_find(idx, name, &t);
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t[i]->path);
	free(t);
	return strbuf_detach(&sb, NULL);
}

/* The en-US source of the topic each index finds for name, if one. */
static void
check_same_sources(const struct topic_index *full,
		   const struct topic_index *named, const char *name)
{
	const struct topic *f = find_one(full, name);
	const struct topic *n = find_one(named, name);
	const struct topic *fs, *ns;

	if (!f || !n)
		return; /* find_paths compared the lists */
	fs = topic_index_in_culture(full, f, "en-US");
	ns = topic_index_in_culture(named, n, "en-US");
	if (!fs || !ns)
		check(!fs && !ns);
	else
		check_str(ns->path, fs->path);
}

/*
 * The named index (which probes folders for the name as asked) finds
 * what the full index finds, for every name in the roots, as written,
 * in upper case and in lower case.  Returns the number of names tried.
 */
static size_t
check_named_like_full(const char *const *roots, size_t nroots,
		      const struct culture_list *chain)
{
	struct topic_index full;
	size_t tried = 0;

	topic_index_build(&full, roots, nroots, chain);
	for (size_t i = 0; i < full.n; i++) {
		for (int variant = 0; variant < 3; variant++) {
			char *name = xstrdup(full.v[i].name);
			for (char *c = name; variant && *c; c++)
				if ((unsigned char)*c < 0x80)
					*c = variant == 1 ? (char)toupper(*c)
							  : (char)tolower(*c);
			struct topic_index named;
			topic_index_build_named(&named, roots, nroots, chain,
						name);
			char *want = find_paths(&full, name);
			char *got = find_paths(&named, name);
			check_str(got, want);
			check_same_sources(&full, &named, name);
			tried++;
			free(want);
			free(got);
			free(name);
			topic_index_release(&named);
		}
	}
	topic_index_release(&full);
	return tried;
}

TEST(roots_in_order_without_duplicates)
{
	static char a1[] = "/a/", b[] = "/b", a2[] = "/a";
	char *paths[] = { a1, b, NULL, a2 };
	struct root_list l;

	setenv("PSHELP_PATH", "/b::/c:/a//:", 1);
	root_list_from_environment(&l, paths, 4, "/d");
	check_int(l.n, ==, 4);
	if (l.n == 4) {
		check_str(l.v[0], "/a");
		check_str(l.v[1], "/b");
		check_str(l.v[2], "/c");
		check_str(l.v[3], "/d");
	}
	root_list_release(&l);

	unsetenv("PSHELP_PATH");
	root_list_from_environment(&l, NULL, 0, NULL);
	check_int(l.n, ==, 0);
	root_list_release(&l);

	setenv("PSHELP_PATH", "/", 1);
	root_list_from_environment(&l, NULL, 0, "/");
	check_int(l.n, ==, 1);
	if (l.n == 1)
		check_str(l.v[0], "/");
	root_list_release(&l);
	unsetenv("PSHELP_PATH");
}

/* ---- the index ---- */

/* name's en-US source ends in tail: in the module folder of the same
   name, exactly so when there is one, else in another case. */
static void
check_source_(const struct topic_index *idx, const char *name,
	      const char *tail, int line)
{
	const struct topic *t = find_one(idx, name);
	const struct topic *en =
		t ? topic_index_in_culture(idx, t, "en-US") : NULL;
	size_t n = en ? strlen(en->path) : 0, k = strlen(tail);

	if (!en || n < k || strcmp(en->path + n - k, tail) != 0)
		tap_fail_("line %d: source of %s is %s, want *%s", line, name,
			  en ? en->path : "none", tail);
}
#define check_source(idx, name, tail) check_source_(idx, name, tail, __LINE__)

TEST(index_walks_cultures_modules_and_about)
{
	struct topic_index idx;
	const struct topic *t;

	build_fixture_index(&idx);
	/* sv-se: 1, root2 sv-SE: 3, root1 en-US: 8, root2 en-US: 5. */
	check_int(idx.n, ==, FIXTURE_PAGES);
	t = find_one(&idx, "Mod.A");
	check(t && t->category == TOPIC_MODULE);
	t = find_one(&idx, "about_Things");
	check(t && t->category == TOPIC_ABOUT && t->module &&
	      strcmp(t->module, "Mod.A") == 0);
	t = find_one(&idx, "About");
	check(t && t->category == TOPIC_ABOUT);
	t = find_one(&idx, "about_Root");
	check(t && t->category == TOPIC_ABOUT && t->module == NULL);
	t = find_one(&idx, "Set-Thing");
	check(t && t->category == TOPIC_COMMAND && t->module == NULL);
	check(t && strcmp(t->culture, "en-US") == 0);
	t = find_one(&idx, "Get-Other");
	check(t && t->category == TOPIC_COMMAND && t->chain_index == 3);
	check(t && strcmp(t->module, "Mod.B") == 0);
	check_source(&idx, "Set-Case", "/root2/en-US/MOD.C/Set-Case.md");
	check_source(&idx, "Set-Pair", "/root2/en-US/Mod.D/Set-Pair.md");
	topic_index_release(&idx);
	check(idx.v == NULL && idx.n == 0);
}

TEST(index_skips_what_is_not_a_page)
{
	struct topic_index idx;
	const char *absent[] = {
		"Too-Deep",
		"Too-Deeper",
		"notes",
		"about_Hidden",
		"Hidden-Page",
		"Link-Page",
		"Link-Target",
		"Get-Outside",
		"Folder-Page",
		"Get-Readme",
		"Get-German",
		"Ctl\x1b-Name",
		"",
	};

	build_fixture_index(&idx);
	for (size_t i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		const struct topic **t;
		size_t n = topic_index_find(&idx, absent[i], &t);
		if (n != 0)
			tap_fail_("'%s' should not be indexed", absent[i]);
		free(t);
	}
	for (size_t i = 0; i < idx.n; i++) {
		const char *name = idx.v[i].name;
		check(strchr(name, '/') == NULL);
		check(strstr(name, "Bad") == NULL);
		check(strstr(idx.v[i].path, "outside") == NULL);
		check(strstr(idx.v[i].path, "Linked") == NULL);
	}
	topic_index_release(&idx);
}

TEST(better_culture_in_later_root_wins)
{
	struct topic_index idx;
	const struct topic *t, *en;
	char *r1 = fx("root1/"), *r2 = fx("root2/");

	build_fixture_index(&idx);
	t = find_one(&idx, "exit-pssession");
	check(t && strcmp(t->culture, "sv-SE") == 0);
	check(t && starts_with(t->path, r2));
	check(t && t->chain_index == 0);
	/* The folder's own spelling, found case-insensitively. */
	t = find_one(&idx, "GET-THING");
	check(t && strcmp(t->culture, "sv-se") == 0);
	check(t && starts_with(t->path, r1));
	check(t && strcmp(t->path + strlen(t->path) - 12, "Get-Thing.md") == 0);
	/* Its en-US source is the first root's. */
	en = t ? topic_index_in_culture(&idx, t, "EN-us") : NULL;
	check(en && strcmp(en->culture, "en-US") == 0);
	check(en && starts_with(en->path, r1));
	check(t && topic_index_in_culture(&idx, t, "de-DE") == NULL);
	t = find_one(&idx, "Get-Other");
	check(t && topic_index_in_culture(&idx, t, "sv-SE") == NULL);
	free(r1);
	free(r2);
	topic_index_release(&idx);
}

/*
 * One name in two roots of the same culture: the first root's page, as
 * PowerShell takes the first help file it finds.  One name in two
 * modules of one root: two topics.  The named index agrees.
 */
TEST(first_root_wins_modules_stay_apart)
{
	page("dup1/en-US/ModA/Get-Dup.md");
	page("dup2/en-US/Get-Dup.md");
	page("dup2/en-US/Get-Twin.md");
	page("dup2/en-US/ModB/Get-Twin.md");
	char *r1 = fx("dup1"), *r2 = fx("dup2");
	const char *roots[] = { r1, r2 };
	struct culture_list none = { 0 }, chain; /* just en-US */
	culture_chain(&none, &chain);
	for (int named = 0; named < 2; named++) {
		struct topic_index idx;
		topic_index_build_named(&idx, roots, 2, &chain,
					named ? "get-dup" : NULL);
		const struct topic *t = find_one(&idx, "get-dup");
		check(t && starts_with(t->path, r1));
		check(t && t->root_index == 0);
		topic_index_release(&idx);
		topic_index_build_named(&idx, roots, 2, &chain,
					named ? "GET-TWIN" : NULL);
		check_find(&idx, "get-twin", "Get-Twin,Get-Twin");
		topic_index_release(&idx);
	}
	culture_list_release(&chain);
	free(r1);
	free(r2);
}

/* ---- matching ---- */

TEST(named_index_finds_what_the_full_index_finds)
{
	char *r1 = fx("root1"), *r2 = fx("root2"), *none = fx("missing");
	const char *roots[] = { r1, r2, none };
	struct culture_list chain;

	sv_chain(&chain);
	check(check_named_like_full(roots, 3, &chain) >= 3 * FIXTURE_PAGES);
	culture_list_release(&chain);
	free(r1);
	free(r2);
	free(none);
}

TEST(find_exact_then_powershell_rule)
{
	struct topic_index idx;

	build_fixture_index(&idx);
	check_find(&idx, "Get-Thing", "Get-Thing");
	check_find(&idx, "get-thing", "Get-Thing");
	/* No exact match and a '-': name*. */
	check_find(&idx, "Get-", "Get-Other,Get-Thing");
	check_find(&idx, "get-th", "Get-Thing");
	check_find(&idx, "-thing", "");
	/* No '-': *name*, commands before about topics before modules. */
	check_find(&idx, "thing", "Get-Thing,Set-Thing,about_Things");
	check_find(&idx, "MOD", "Mod.A");
	check_find(
		&idx, "o",
		"Exit-PSSession,Get-Other,About,about_Root,about_Things,Mod.A");
	/* Composed query, decomposed name (kept as on disk). */
	check_find(&idx, "\xc3\x85NGE",
		   "A\xcc\x8a"
		   "nge-Test");
	check_find(&idx, "zzz", "");
	topic_index_release(&idx);
}

TEST(find_wildcards)
{
	struct topic_index idx;

	build_fixture_index(&idx);
	check_find(&idx, "*-thing", "Get-Thing,Set-Thing");
	check_find(&idx, "?ET-THING", "Get-Thing,Set-Thing");
	check_find(&idx, "[gs]et-*",
		   "Get-Other,Get-Thing,Set-Case,Set-Pair,Set-Thing");
	check_find(&idx, "[a-g]et-*", "Get-Other,Get-Thing");
	check_find(&idx, "about_*", "about_Root,about_Things");
	check_find(&idx, "about*", "About,about_Root,about_Things");
	/* A wildcard name gets no decoration: "thing" alone finds more. */
	check_find(&idx, "thing*", "");
	check_find(&idx, "Get-Thin?", "Get-Thing");
	/* Root collation: Å sorts with A. */
	check_find(&idx, "*",
		   "A\xcc\x8a"
		   "nge-Test,Exit-PSSession,Get-Other,Get-Thing,Set-Case,"
		   "Set-Pair,Set-Thing,About,about_Root,about_Things,Mod.A");
	check_find(&idx, "[", "");
	topic_index_release(&idx);
}

TEST(wildcard_rules)
{
	check(wildcard_match_folded("a*b*c", "aXbYc"));
	check(!wildcard_match_folded("a*b*c", "aXbY"));
	check(wildcard_match_folded("*", ""));
	check(!wildcard_match_folded("?", ""));
	check(wildcard_match_folded("??", "åä"));
	check(wildcard_match_folded("[A-C]x", "bX"));
	check(!wildcard_match_folded("[a-c]x", "dx"));
	check(wildcard_match_folded("[xyz]", "Y"));
	check(wildcard_match_folded("a`*b", "a*b"));
	check(!wildcard_match_folded("a`*b", "axb"));
	check(wildcard_match_folded("a`?", "a?"));
	check(!wildcard_match_folded("a`?", "ab"));
	check(wildcard_match_folded("[`]]", "]"));
	check(wildcard_match_folded("x[", "x["));
	check(wildcard_match_folded("[ab", "[ab"));
	check(!wildcard_match_folded("x[]", "x"));
	check(wildcard_match_folded("É*", "école"));
	check(wildcard_match_folded("-Comp*", "-ComputerName"));
	check(wildcard_match_folded("**a**", "banana"));
}

TEST(wildcard_hostile_patterns_stay_fast)
{
	struct strbuf pat, text;
	struct timespec a, b;
	double ms;
	bool m;

	strbuf_init(&pat);
	strbuf_init(&text);
	for (int i = 0; i < 2000; i++)
		strbuf_addstr(&pat, "*a");
	strbuf_addstr(&pat, "*b");
	strbuf_addchars(&text, 'a', 20000);
	clock_gettime(CLOCK_MONOTONIC, &a);
	m = wildcard_match_folded(pat.buf, text.buf);
	check(!m);
	/* The worst case for star backtracking: O(text * pattern). */
	strbuf_reset(&pat);
	strbuf_addch(&pat, '*');
	strbuf_addchars(&pat, 'a', 1000);
	strbuf_addch(&pat, 'b');
	m = m || wildcard_match_folded(pat.buf, text.buf);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ms = (double)(b.tv_sec - a.tv_sec) * 1e3 +
	     (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	check(!m);
	check(ms < 2000);
	printf("# hostile wildcards: %.1f ms\n", ms);
	strbuf_release(&pat);
	strbuf_release(&text);
}

TEST(names_are_never_paths)
{
	struct topic_index idx;
	const char *names[] = {
		"../x",
		"/etc/passwd",
		"Exit-PSSession.md/../..",
		"Exit-PSSession.md",
		"en-US/Mod.A/Get-Thing",
		"Mod.A/Get-Thing",
		"../../outside/Link-Target",
		"Link-Target",
		"..",
		"~",
		"*/*",
		"../*",
		"Get-Thing\n",
	};

	build_fixture_index(&idx);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *got = find_names(&idx, names[i]);
		if (*got)
			tap_fail_("'%s' found '%s'", names[i], got);
		free(got);
	}
	topic_index_release(&idx);
}

TEST(find_on_empty_input)
{
	struct topic_index idx = { NULL, 0 };
	const struct topic **t = (const struct topic **)&idx;

	check_int(topic_index_find(&idx, "x", &t), ==, 0);
	check(t == NULL);
	build_fixture_index(&idx);
	check_int(topic_index_find(&idx, "", &t), ==, 0);
	check_int(topic_index_find(&idx, NULL, &t), ==, 0);
	check_int(topic_index_suggest(&idx, "Get-Thing", 0, &t), ==, 0);
	topic_index_release(&idx);
	/* A chain without any folder in the roots gives no pages. */
	{
		char *r1 = fx("root1");
		const char *roots[] = { r1 };
		struct culture_list chain = { NULL, 0 };
		topic_index_build(&idx, roots, 1, &chain);
		check_int(idx.n, ==, 0);
		topic_index_release(&idx);
		free(r1);
	}
}

/* ---- suggestions ---- */

static char *
suggest_names(const struct topic_index *idx, const char *name, size_t max)
{
	const struct topic **t;
	size_t n = topic_index_suggest(idx, name, max, &t);
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t[i]->name);
	free(t);
	return strbuf_detach(&sb, NULL);
}

TEST(suggestions_for_typos)
{
	struct topic_index idx;
	char *s;

	build_fixture_index(&idx);
	s = suggest_names(&idx, "Exit-PSSesion", 5);
	check_str(s, "Exit-PSSession");
	free(s);
	/* A swap of neighbours is one edit; names are unique. */
	s = suggest_names(&idx, "get-thign", 5);
	check_str(s, "Get-Thing,Set-Thing");
	free(s);
	s = suggest_names(&idx, "Get-Thin", 5);
	check_str(s, "Get-Thing,Set-Thing");
	free(s);
	s = suggest_names(&idx, "Get-Thin", 1);
	check_str(s, "Get-Thing");
	free(s);
	s = suggest_names(&idx, "about_Thing", 5);
	check_str(s, "about_Things");
	free(s);
	s = suggest_names(&idx, "zzzzzzzz", 5);
	check_str(s, "");
	free(s);
	topic_index_release(&idx);
}

TEST(huge_names_are_harmless)
{
	struct topic_index idx;
	struct strbuf big;
	const struct topic **t;

	build_fixture_index(&idx);
	strbuf_init(&big);
	strbuf_addstr(&big, "Get-");
	strbuf_addchars(&big, 'x', 2 << 20);
	check_int(topic_index_find(&idx, big.buf, &t), ==, 0);
	check_int(topic_index_suggest(&idx, big.buf, 5, &t), ==, 0);
	big.buf[3] = '*';
	check_int(topic_index_find(&idx, big.buf, &t), ==, 0);
	strbuf_release(&big);
	check_int(topic_index_find(&idx, "Get-Thing\xff", &t), ==, 0);
	check_int(topic_index_suggest(&idx, "Get-Thing\xff", 5, &t), ==, 2);
	check(t && strcmp(t[0]->name, "Get-Thing") == 0);
	free(t);
	topic_index_release(&idx);
}

/* ---- case folding ---- */

TEST(folding_is_locale_independent)
{
	UErrorCode st = U_ZERO_ERROR;
	struct topic_index idx;
	char *f;

	/* Turkish rules would fold I to dotless ı; default folding must not. */
	setenv("LC_ALL", "tr_TR.UTF-8", 1);
	uloc_setDefault("tr_TR", &st);
	check(U_SUCCESS(st));
	f = fold_case("EXIT-PSSESSION");
	check_str(f, "exit-pssession");
	free(f);
	f = fold_case("\xc4\xb0"); /* İ -> i + combining dot above */
	check_str(f, "i\xcc\x87");
	free(f);
	f = fold_case("\xc4\xb1"); /* ı stays ı */
	check_str(f, "\xc4\xb1");
	free(f);
	f = fold_case("Stra\xc3\x9f"
		      "e"); /* ß -> ss */
	check_str(f, "strasse");
	free(f);
	f = fold_case("A\xcc\x8a"); /* decomposed Å -> composed å */
	check_str(f, "\xc3\xa5");
	free(f);
	build_fixture_index(&idx);
	check_find(&idx, "EXIT-PSSESSION", "Exit-PSSession");
	check_find(&idx, "exıt-pssessıon", "");
	check(wildcard_match_folded("EXIT-*", "exit-pssession"));
	check(wildcard_match_folded("*SESSION", "Exit-PSSession"));
	topic_index_release(&idx);
	unsetenv("LC_ALL");
}

/* ---- the real corpus ---- */

static size_t
count_culture(const struct topic_index *idx, const char *culture)
{
	size_t n = 0;

	for (size_t i = 0; i < idx->n; i++)
		n += strcmp(idx->v[i].culture, culture) == 0;
	return n;
}

static double
build_corpus(struct topic_index *idx, const char *root,
	     const struct culture_list *chain)
{
	const char *roots[] = { root };
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	topic_index_build(idx, roots, 1, chain);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) * 1e3 +
	       (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

static void
check_session_family(const struct topic_index *idx)
{
	const struct topic **t;
	size_t n = topic_index_find(idx, "*session*", &t), commands = 0;

	check_int(n, ==, 24);
	for (size_t i = 0; i < n; i++) {
		check(strcmp(t[i]->culture, "sv-SE") == 0);
		if (t[i]->category == TOPIC_COMMAND)
			check_int(i, ==, commands++);
		else
			check(t[i]->category == TOPIC_ABOUT);
	}
	check_int(commands, ==, 18);
	if (n == 24) {
		check_str(t[0]->name, "Connect-PSSession");
		check_str(t[17]->name, "Unregister-PSSessionConfiguration");
		check_str(t[18]->name, "about_CimSession");
		check_str(t[23]->name, "about_Session_Configurations");
	}
	free(t);
}

static void
check_corpus_lookups(const struct topic_index *idx)
{
	const struct topic **t;
	const struct topic *one, *en;
	size_t n;

	one = find_one(idx, "exit-pssession");
	check(one && strcmp(one->culture, "sv-SE") == 0);
	en = one ? topic_index_in_culture(idx, one, "en-US") : NULL;
	check(en && strstr(en->path, "/en-US/Microsoft.PowerShell.Core/"
				     "Exit-PSSession.md") != NULL);
	one = find_one(idx, "Microsoft.PowerShell.Core");
	check(one && one->category == TOPIC_MODULE);
	one = find_one(idx, "about");
	check(one && one->category == TOPIC_ABOUT);
	n = topic_index_find(idx, "about_*", &t);
	check_int(n, ==, 125);
	for (size_t i = 0; i < n; i++)
		check(t[i]->category == TOPIC_ABOUT);
	free(t);
	check_session_family(idx);
	n = topic_index_suggest(idx, "Exit-PSSesion", 3, &t);
	check(n >= 1 && strcmp(t[0]->name, "Exit-PSSession") == 0);
	free(t);
}

TEST(real_corpus)
{
	const char *shared = getenv("PSHELP_SHARED");
	struct culture_list chain;
	struct topic_index idx;
	char *root;
	double ms;

	root = xasprintf("%s/corpus", shared);
	sv_chain(&chain);
	ms = build_corpus(&idx, root, &chain);
	printf("# indexed %zu pages in %.2f ms\n", idx.n, ms);
	check_int(idx.n, ==, 376);
	check_int(count_culture(&idx, "sv-SE"), ==, 188);
	check_int(count_culture(&idx, "en-US"), ==, 188);
	check(ms < 500);
	check_corpus_lookups(&idx);
	topic_index_release(&idx);
	const char *roots[] = { root };
	check_int(check_named_like_full(roots, 1, &chain), ==, 3 * 376);
	culture_list_release(&chain);
	free(root);
}

/* ---- the help query ---- */

static void
write_page(const char *rel, const char *text)
{
	char *p = fx(rel);
	FILE *f;

	page(rel);
	f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

#define WIDGET_EN                                                              \
	"---\nModule Name: Q.Mod\ntitle: Set-Widget\n---\n\n# Set-Widget\n\n"  \
	"## SYNOPSIS\nSets a widget.\n\n## SYNTAX\n\n```\nSet-Widget "         \
	"[-Subsystem] <String>\n```\n\n## PARAMETERS\n\n### -Subsystem\n\n"    \
	"The subsystem.\n\n```yaml\nType: System.String\nParameter Sets: "     \
	"(All)\nAliases:\n\nRequired: True\nPosition: 0\nDefault value: "      \
	"None\nAccept pipeline input: False\nAccept wildcard characters: "     \
	"False\n```\n"
/* The translation split the parameter's name in two. */
#define WIDGET_SV                                                              \
	"---\nModule Name: Q.Mod\ntitle: Set-Widget\n---\n\n# Set-Widget\n\n"  \
	"## SAMMANFATTNING\nAnger en widget.\n\n## PARAMETRAR\n\n"             \
	"### -Under system\n\nDelsystemet.\n\n```yaml\nType: System.String\n"  \
	"Parameter Sets: (All)\nAliases:\n\nRequired: True\nPosition: 0\n"     \
	"Default value: None\nAccept pipeline input: False\nAccept wildcard "  \
	"characters: False\n```\n"

static void
make_query_fixture(void)
{
	write_page("qroot/en-US/Q.Mod/Set-Widget.md", WIDGET_EN);
	write_page("qroot/sv-SE/Q.Mod/Set-Widget.md", WIDGET_SV);
	write_page("qroot/en-US/Q.Mod/Set-WidgetColor.md",
		   "# Set-WidgetColor\n\n## SYNOPSIS\nColours a widget.\n");
	write_page("qroot/en-US/Q.Mod/Q.Mod.md", "# Q.Mod Module\n");
	write_page("qroot/en-US/Q.Mod/About/about_Widgets.md",
		   "# about_Widgets\n\n## SHORT DESCRIPTION\nAll about "
		   "widgets.\n\n## LONG DESCRIPTION\nMore.\n");
}

static enum lookup_outcome
query(const char *name, const char *culture, unsigned categories,
      struct lookup_result *r)
{
	struct culture_list user = { 0 };
	char *root = fx("qroot");
	const char *roots[] = { root };
	struct lookup_request rq = { .name = name,
				     .user = &user,
				     .roots = roots,
				     .nroots = 1,
				     .categories = categories,
				     .diagnostics = LOOKUP_DIAG_NONE,
				     .max_suggestions = 3 };
	enum lookup_outcome o;

	culture_from_environment(culture, &user);
	o = lookup_query(&rq, r);
	culture_list_release(&user);
	free(root);
	return o;
}

TEST(query_translation_gets_its_source)
{
	struct lookup_result r;

	check_int(query("set-widget", "sv-SE", 0, &r), ==, LOOKUP_PAGE);
	check_str(r.name, "Set-Widget");
	check_str(r.culture, "sv-SE");
	check(r.source != NULL);
	check(r.asked == NULL);
	check(lookup_fallback_note(&r) == NULL);
	check(r.doc && r.doc->nparams == 1);
	if (r.doc && r.doc->nparams == 1)
		check_str(r.doc->params[0].name, "Subsystem");
	lookup_result_release(&r);
	/* The en-US page itself has no source page. */
	check_int(query("Set-Widget", "en-US", 0, &r), ==, LOOKUP_PAGE);
	check(r.source == NULL);
	lookup_result_release(&r);
}

TEST(query_fallback_note)
{
	struct lookup_result r;
	char *note;

	check_int(query("Set-Widget", "de-DE", 0, &r), ==, LOOKUP_PAGE);
	check_str(r.culture, "en-US");
	check_str(r.asked, "de-DE");
	note = lookup_fallback_note(&r);
	check_str(note, "Note: no help for Set-Widget was found in 'de-DE'; "
			"showing en-US.");
	free(note);
	lookup_result_release(&r);
	/* a tag that names no language says so; "no" is Norwegian */
	check_int(query("Set-Widget", "xx", 0, &r), ==, LOOKUP_PAGE);
	note = lookup_fallback_note(&r);
	check_str(note, "Note: 'xx' is no language; showing en-US help for "
			"Set-Widget.");
	free(note);
	lookup_result_release(&r);
	check_int(query("Set-Widget", "no", 0, &r), ==, LOOKUP_PAGE);
	note = lookup_fallback_note(&r);
	check_str(note, "Note: no help for Set-Widget was found in 'no'; "
			"showing en-US.");
	free(note);
	lookup_result_release(&r);
}

/* What a culture finds in a root that holds other regions of languages. */
static const char *
culture_found(const char *culture)
{
	static char found[32];
	struct culture_list user = { 0 };
	char *root = fx("rroot");
	const char *roots[] = { root };
	struct lookup_request rq = { .name = "Get-Region",
				     .user = &user,
				     .roots = roots,
				     .nroots = 1,
				     .diagnostics = LOOKUP_DIAG_NONE };
	struct lookup_result r;

	culture_from_environment(culture, &user);
	snprintf(found, sizeof(found), "%s",
		 lookup_query(&rq, &r) == LOOKUP_PAGE && r.culture ? r.culture
								    : "-");
	lookup_result_release(&r);
	culture_list_release(&user);
	free(root);
	return found;
}

/*
 * A region whose folder is missing gets its language's pages before
 * English: the likely region first, then any other region in the same
 * script; never another script (zh-CN is not served Traditional).
 */
TEST(query_other_regions_of_the_language)
{
	static const char *const cultures[] = { "en-US", "de-CH", "sv-SE",
						"pt-PT", "zh-TW", "fr-BE" };
	for (size_t i = 0; i < sizeof(cultures) / sizeof(cultures[0]); i++) {
		char *rel = xasprintf("rroot/%s/R.Mod/Get-Region.md",
				      cultures[i]);
		write_page(rel, "# Get-Region\n\n## SYNOPSIS\nRegions.\n");
		free(rel);
	}
	check_str(culture_found("de-AT"), "de-CH");
	check_str(culture_found("de"), "de-CH");
	check_str(culture_found("sv-FI"), "sv-SE");
	check_str(culture_found("pt-BR"), "pt-PT");
	check_str(culture_found("zh-HK"), "zh-TW");
	check_str(culture_found("zh-CN"), "en-US");
	check_str(culture_found("fr-CA"), "fr-BE");
	check_str(culture_found("ja-JP"), "en-US");
	check_str(culture_found("fr-FR"), "fr-BE");
}

TEST(query_topic_table_rows)
{
	struct lookup_result r;

	check_int(query("*widget*", "en-US", 0, &r), ==, LOOKUP_TOPICS);
	check_int(r.nrows, ==, 3);
	if (r.nrows == 3) {
		check_str(r.rows[0].name, "Set-Widget");
		check_str(r.rows[0].category, "Cmdlet");
		check_str(r.rows[0].module, "Q.Mod");
		check_str(r.rows[0].synopsis, "Sets a widget.");
		check_str(r.rows[1].name, "Set-WidgetColor");
		check_str(r.rows[2].name, "about_Widgets");
		check_str(r.rows[2].category, "HelpFile");
		check_str(r.rows[2].synopsis, "All about widgets.");
	}
	lookup_result_release(&r);
	check_int(query("q.*", "en-US", 0, &r), ==, LOOKUP_PAGE);
	lookup_result_release(&r);
	check_int(query("*", "en-US", 0, &r), ==, LOOKUP_TOPICS);
	check_int(r.nrows, ==, 4);
	for (size_t i = 0; i < r.nrows; i++)
		if (strcmp(r.rows[i].name, "Q.Mod") == 0)
			check_str(r.rows[i].category, "Module");
	lookup_result_release(&r);
	/* No wildcard, several names: PowerShell's *name* rule. */
	check_int(query("widget", "en-US", 0, &r), ==, LOOKUP_TOPICS);
	check_int(r.nrows, ==, 3);
	lookup_result_release(&r);
}

TEST(query_category_filter)
{
	struct lookup_result r;

	check_int(query("*widget*", "en-US", LOOKUP_ABOUT, &r), ==,
		  LOOKUP_PAGE);
	check_str(r.name, "about_Widgets");
	lookup_result_release(&r);
	check_int(query("*widget*", "en-US", LOOKUP_COMMANDS, &r), ==,
		  LOOKUP_TOPICS);
	check_int(r.nrows, ==, 2);
	lookup_result_release(&r);
	check_int(query("Set-Widget", "en-US", LOOKUP_ABOUT, &r), ==,
		  LOOKUP_NOT_FOUND);
	lookup_result_release(&r);
}

TEST(query_not_found_suggests)
{
	struct lookup_result r;

	check_int(query("Set-Widgte", "en-US", 0, &r), ==, LOOKUP_NOT_FOUND);
	check(r.nsuggestions >= 1);
	if (r.nsuggestions >= 1)
		check_str(r.suggestions[0], "Set-Widget");
	lookup_result_release(&r);
	check_int(query("zzz*", "en-US", 0, &r), ==, LOOKUP_NOT_FOUND);
	lookup_result_release(&r);
}

TEST(query_file_and_unreadable)
{
	struct culture_list user = { 0 };
	char *path = fx("qroot/en-US/Q.Mod/Set-Widget.md");
	struct lookup_request rq = { .file = path,
				     .user = &user,
				     .diagnostics = LOOKUP_DIAG_NONE };
	struct lookup_result r;

	check_int(lookup_query(&rq, &r), ==, LOOKUP_PAGE);
	check(r.doc && r.name == NULL && lookup_fallback_note(&r) == NULL);
	lookup_result_release(&r);
	free(path);
	rq.file = path = fx("qroot/en-US/Q.Mod/Missing.md");
	check_int(lookup_query(&rq, &r), ==, LOOKUP_UNREADABLE);
	check(r.doc == NULL);
	lookup_result_release(&r);
	free(path);
}

static bool
have_corpus(void)
{
	const char *shared = getenv("PSHELP_SHARED");
	struct stat st;
	char *p;
	bool ok;

	if (!shared)
		return false;
	p = xasprintf("%s/corpus/en-US", shared);
	ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

/* Culture folders are tags ICU knows; a page's place from its path. */
TEST(page_places)
{
	static const char *const yes[] = { "sv-SE",	 "en-US", "zh-Hans",
					   "zh-Hans-CN", "de-AT", "ko-KR" };
	static const char *const no[] = {
		"PS-Tools", "My-Tool", "my-docs",	  "psh", "xx-YY",
		"sv_SE",    "About",   "Tailspin.Broken", ""
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		check(lookup_is_culture_folder(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		check(!lookup_is_culture_folder(no[i], strlen(no[i])));

	struct lookup_place pl;
	const char *p = "r/sv-SE/Mod/About/about_X.md";
	check(lookup_place_of(p, &pl) && pl.about);
	check_int(pl.culture_start, ==, 2);
	check_int(pl.module_end - pl.module_start, ==, 3);
	p = "sv-SE/About/about_X.md";
	check(lookup_place_of(p, &pl) && pl.about && pl.culture_start == 0 &&
	      pl.module_end == 0);
	check(lookup_place_of("r/de-DE/Get-X.md", &pl) && pl.module_end == 0);
	check(!lookup_place_of("r/sv-SE/a/b/X.md", &pl));
	check(!lookup_place_of("psh/X.md", &pl));

	/* a translation's source: beside it, else in a root */
	char dir[] = "/tmp/pshelp-place-XXXXXX";
	check(mkdtemp(dir) != NULL);
	char *en = xasprintf("%s/r/en-US/Mod", dir);
	char *cmd = xasprintf("mkdir -p %s %s/other/en-US", en, dir);
	check(system(cmd) == 0);
	char *src = xasprintf("%s/X.md", en);
	FILE *f = fopen(src, "w");
	check(f != NULL);
	if (f)
		fclose(f);
	char *sv = xasprintf("%s/r/sv-SE/Mod/X.md", dir);
	char *found = lookup_source_of(sv, NULL, 0);
	check_str(found, src);
	free(found);
	check(lookup_source_of(src, NULL, 0) == NULL); /* en-US itself */
	char *lone = xasprintf("%s/elsewhere/sv-SE/Mod/X.md", dir);
	const char *roots[] = { en };
	char *root = xasprintf("%s/r", dir);
	roots[0] = root;
	found = lookup_source_of(lone, roots, 1);
	check_str(found, src);
	free(found);
	free(cmd);
	cmd = xasprintf("rm -rf %s", dir);
	check(system(cmd) == 0);
	free(cmd);
	free(root);
	free(lone);
	free(sv);
	free(src);
	free(en);
}

int
main(void)
{
	make_fixture();
	RUN(roots_in_order_without_duplicates);
	RUN(index_walks_cultures_modules_and_about);
	RUN(index_skips_what_is_not_a_page);
	RUN(better_culture_in_later_root_wins);
	RUN(first_root_wins_modules_stay_apart);
	RUN(named_index_finds_what_the_full_index_finds);
	RUN(find_exact_then_powershell_rule);
	RUN(find_wildcards);
	RUN(wildcard_rules);
	RUN(wildcard_hostile_patterns_stay_fast);
	RUN(names_are_never_paths);
	RUN(find_on_empty_input);
	RUN(suggestions_for_typos);
	RUN(huge_names_are_harmless);
	RUN(folding_is_locale_independent);
	make_query_fixture();
	RUN(query_translation_gets_its_source);
	RUN(query_fallback_note);
	RUN(query_other_regions_of_the_language);
	RUN(query_topic_table_rows);
	RUN(query_category_filter);
	RUN(query_not_found_suggests);
	RUN(query_file_and_unreadable);
	RUN(page_places);
	if (have_corpus())
		RUN(real_corpus);
	else
		printf("ok %d - real_corpus # SKIP no shared corpus\n",
		       ++tap_count);
	remove_tree(AT_FDCWD, fixture);
	return tap_done();
}
