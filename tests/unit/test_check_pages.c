/* SPDX-License-Identifier: MIT */
/*
 * check_structure(), check_links() and check_translation() on pages
 * parsed from strings (and, for links, from a help root written to a
 * temporary folder): every diagnostic they produce, at its line, and the
 * near misses they must not report.  Also: the project's own help/ pages
 * and (with $PSHELP_SHARED) the corpus give no structure warning.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "md_parse.h"
#include "tap.h"
#include "xalloc.h"

/* ---------- collecting diagnostics ---------- */

#define MAX_GOT 256

static struct got {
	enum diag_id id;
	unsigned line, col;
	char msg[256];
	char detail[1024];
} got[MAX_GOT];
static size_t ngot;

static void
collect(void *cookie, const struct diag *d)
{
	(void)cookie;
	if (ngot == MAX_GOT)
		return;
	struct got *g = &got[ngot++];
	g->id = d->id;
	g->line = d->line;
	g->col = d->col;
	snprintf(g->msg, sizeof(g->msg), "%s", d->message);
	snprintf(g->detail, sizeof(g->detail), "%s",
		 d->detail ? d->detail : "");
}

static void
ignore(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

static size_t
count(enum diag_id id)
{
	size_t n = 0;
	for (size_t i = 0; i < ngot; i++)
		n += got[i].id == id;
	return n;
}

/* The k-th diagnostic with id, or NULL. */
static const struct got *
nth(enum diag_id id, size_t k)
{
	for (size_t i = 0; i < ngot; i++)
		if (got[i].id == id && k-- == 0)
			return &got[i];
	return NULL;
}

static void
dump(void)
{
	for (size_t i = 0; i < ngot; i++)
		printf("#   %u:%u %s [%s]\n", got[i].line, got[i].col,
		       got[i].msg, diag_slug(got[i].id));
}

/* ---------- pages ---------- */

static const char base_page[] =
	"---\n"
	"external help file: psh\n"
	"Locale: en-US\n"
	"Module Name: Widgets\n"
	"online version: https://example.com/get-widget\n"
	"schema: 2.0.0\n"
	"title: Get-Widget\n"
	"---\n"
	"\n"
	"# Get-Widget\n"
	"\n"
	"## SYNOPSIS\n"
	"Gets widgets.\n"
	"\n"
	"## SYNTAX\n"
	"\n"
	"```\n"
	"Get-Widget [[-Name] <String>] [<CommonParameters>]\n"
	"```\n"
	"\n"
	"## DESCRIPTION\n"
	"Gets the widgets; see [Set-Widget](Set-Widget.md).\n"
	"\n"
	"## EXAMPLES\n"
	"\n"
	"### Example 1: All widgets\n"
	"\n"
	"```powershell\n"
	"PS> Get-Widget\n"
	"```\n"
	"\n"
	"Gets them all.\n"
	"\n"
	"### Example 2: One widget\n"
	"\n"
	"```powershell\n"
	"PS> Get-Widget -Name w1\n"
	"```\n"
	"\n"
	"## PARAMETERS\n"
	"\n"
	"### -Name\n"
	"The widget's name.\n"
	"\n"
	"```yaml\n"
	"Type: System.String\n"
	"Parameter Sets: (All)\n"
	"Aliases:\n"
	"\n"
	"Required: False\n"
	"Position: 0\n"
	"Default value: None\n"
	"Accept pipeline input: False\n"
	"Accept wildcard characters: False\n"
	"```\n"
	"\n"
	"### CommonParameters\n"
	"This cmdlet supports the common parameters.\n"
	"\n"
	"## INPUTS\n"
	"\n"
	"### None\n"
	"\n"
	"## OUTPUTS\n"
	"\n"
	"### Widget\n"
	"\n"
	"## NOTES\n"
	"\n"
	"## RELATED LINKS\n"
	"\n"
	"[Set-Widget](Set-Widget.md)\n";

/* text with the first `from` replaced by `to` (malloc'd); fails if none. */
static char *
edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (at == NULL) {
		tap_fail_("edit: '%s' not in the page", from);
		return xstrdup(text);
	}
	return xasprintf("%.*s%s%s", (int)(at - text), text, to,
			 at + strlen(from));
}

/* In place: s = edit(s, from, to). */
static void
edit_in(char **s, const char *from, const char *to)
{
	char *n = edit(*s, from, to);
	free(*s);
	*s = n;
}

/* The 1-based line of the first `needle` in text. */
static unsigned
line_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	if (at == NULL) {
		tap_fail_("line_of: '%s' not in the page", needle);
		return 0;
	}
	unsigned line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

static unsigned
col_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	const char *bol = at;
	while (bol > text && bol[-1] != '\n')
		bol--;
	return at ? (unsigned)(at - bol + 1) : 0;
}

static struct help_doc *
parse_as(const char *text, const char *path, const char *culture,
	 const struct help_doc *source)
{
	struct md_parse_options o = { .path = path,
				      .culture = culture,
				      .source = source };
	struct diag_ctx dx;
	diag_init(&dx, path);
	dx.sink = ignore;
	struct help_doc *doc = md_parse(text, strlen(text), &o, &dx);
	if (doc == NULL)
		tap_fail_("page '%s' not parsed", path ? path : "(string)");
	return doc;
}

static const struct check_env no_roots = { 0 };

static void
run_checks(const struct check_env *env, const struct help_doc *doc,
	   const struct help_doc *source, bool structure, bool links)
{
	struct diag_ctx dx;
	diag_init(&dx, "page.md");
	dx.sink = collect;
	ngot = 0;
	if (doc == NULL)
		return;
	if (structure)
		check_structure(env, doc, &dx);
	if (links)
		check_links(env, doc, &dx);
	if (source)
		check_translation(env, doc, source, &dx);
}

/* Structure checks of a page given as text. */
static void
structure_of(const char *text, const char *path)
{
	struct help_doc *doc = parse_as(text, path, NULL, NULL);
	run_checks(&no_roots, doc, NULL, true, false);
	help_doc_free(doc);
}

#define expect_at(id, k, want_line)                                            \
	do {                                                                   \
		const struct got *g_ = nth(id, k);                             \
		check(g_ != NULL);                                             \
		if (g_)                                                        \
			check_int(g_->line, ==, want_line);                    \
	} while (0)

/* ---------- structure ---------- */

TEST(clean_page_structure)
{
	structure_of(base_page, "en-US/Widgets/Get-Widget.md");
	check_int(ngot, ==, 0);
	dump();
}

TEST(frontmatter_missing)
{
	const char *body = strstr(base_page, "# Get-Widget");
	structure_of(body, "Get-Widget.md");
	check_int(count(DIAG_FRONTMATTER_MISSING), ==, 1);
	expect_at(DIAG_FRONTMATTER_MISSING, 0, 1);
	check_int(count(DIAG_FRONTMATTER_KEY_MISSING), ==, 0);
}

TEST(frontmatter_key_missing)
{
	char *p = edit(base_page, "external help file: psh\n", "");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_FRONTMATTER_KEY_MISSING), ==, 1);
	const struct got *g = nth(DIAG_FRONTMATTER_KEY_MISSING, 0);
	check(g && strstr(g->msg, "'external help file'") &&
	      strstr(g->msg, "2.0.0"));
	free(p);

	/* 2024-05-01 wants its own keys; `schema` is not one of them. */
	p = edit(base_page, "schema: 2.0.0\n",
		 "PlatyPS schema version: 2024-05-01\n"
		 "HelpUri: https://example.com/get-widget\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_FRONTMATTER_KEY_MISSING), ==, 1);
	g = nth(DIAG_FRONTMATTER_KEY_MISSING, 0);
	check(g && strstr(g->msg, "'document type'") &&
	      strstr(g->msg, "2024-05-01"));
	free(p);
}

TEST(name_mismatch)
{
	char *p = edit(base_page, "title: Get-Widget", "title: Get-Widgets");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_NAME_MISMATCH), ==, 1);
	expect_at(DIAG_NAME_MISMATCH, 0, line_of(p, "title:"));
	const struct got *g = nth(DIAG_NAME_MISMATCH, 0);
	check(g && strstr(g->msg, "title 'Get-Widgets'") &&
	      strstr(g->msg, "'Get-Widget'"));
	free(p);

	p = edit(base_page, "# Get-Widget\n", "# Get-Wigdet\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_NAME_MISMATCH), ==, 1);
	expect_at(DIAG_NAME_MISMATCH, 0, line_of(p, "# Get-Wigdet"));
	g = nth(DIAG_NAME_MISMATCH, 0);
	check(g && strstr(g->msg, "heading 'Get-Wigdet'"));
	if (g)
		check_int(g->col, ==, 3);
	free(p);

	structure_of(base_page, "en-US/Widgets/Get-Widgets.md");
	check_int(count(DIAG_NAME_MISMATCH), ==, 1);
	g = nth(DIAG_NAME_MISMATCH, 0);
	check(g && strstr(g->msg, "file name 'Get-Widgets'"));
}

TEST(section_missing)
{
	char *p = edit(base_page, "## OUTPUTS\n\n### Widget\n\n", "");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_SECTION_MISSING), ==, 1);
	/* where it belongs: at the next section's heading */
	expect_at(DIAG_SECTION_MISSING, 0, line_of(p, "## NOTES"));
	check(strstr(nth(DIAG_SECTION_MISSING, 0)->msg, "OUTPUTS") != NULL);
	free(p);

	/* NOTES may be left out (a real page does). */
	p = edit(base_page, "## NOTES\n\n", "");
	structure_of(p, "Get-Widget.md");
	check_int(ngot, ==, 0);
	free(p);
}

TEST(section_order)
{
	/* The parser reads sections in order, so the model is changed by
	 * hand: DESCRIPTION moved before SYNTAX. */
	struct help_doc *doc = parse_as(base_page, "Get-Widget.md", NULL, NULL);
	struct help_pos syn = doc->sections[HELP_SEC_SYNTAX].pos;
	doc->sections[HELP_SEC_SYNTAX].pos =
		doc->sections[HELP_SEC_DESCRIPTION].pos;
	doc->sections[HELP_SEC_DESCRIPTION].pos = syn;
	run_checks(&no_roots, doc, NULL, true, false);
	check_int(count(DIAG_SECTION_ORDER), ==, 1);
	const struct got *g = nth(DIAG_SECTION_ORDER, 0);
	check(g && strstr(g->msg, "SYNTAX section comes after DESCRIPTION"));
	if (g)
		check_int(g->line, ==, line_of(base_page, "## DESCRIPTION"));
	help_doc_free(doc);
}

TEST(placeholders)
{
	char *p = edit(base_page, "Gets widgets.",
		       "Gets {{ Fill in the Synopsis }}.");
	edit_in(&p, "PS> Get-Widget\n",
		"PS> {{ Add example code here }}\n"
		"PS> '{{0}}' -f 1\n"
		"PS> @{ a={{Get-Process}} }\n");
	edit_in(&p, "Module Name: Widgets", "Module Name: {{Fill Module}}");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_PLACEHOLDER), ==, 3);
	dump();
	const struct got *g = nth(DIAG_PLACEHOLDER, 0);
	check(g && strstr(g->msg, "'{{Fill Module}}'"));
	if (g) {
		check_int(g->line, ==, line_of(p, "{{Fill Module}}"));
		check_int(g->col, ==, col_of(p, "{{Fill Module}}"));
	}
	g = nth(DIAG_PLACEHOLDER, 1);
	if (g) {
		check_int(g->line, ==, line_of(p, "{{ Fill in the Synopsis"));
		check_int(g->col, ==, 6);
	}
	g = nth(DIAG_PLACEHOLDER, 2);
	check(g && strstr(g->msg, "Add example code here"));
	if (g)
		check_int(g->col, ==, 5);
	free(p);

	/* About topics: placeholders, nothing else. */
	structure_of("# about_Widgets\n\n## SHORT DESCRIPTION\n"
		     "{{ Fill in the short description }}\n",
		     "about_Widgets.md");
	check_int(ngot, ==, 1);
	check_int(count(DIAG_PLACEHOLDER), ==, 1);
	expect_at(DIAG_PLACEHOLDER, 0, 4);
}

TEST(synopsis_empty)
{
	char *p = edit(base_page, "## SYNOPSIS\nGets widgets.\n",
		       "## SYNOPSIS\n\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_SYNOPSIS_EMPTY), ==, 1);
	expect_at(DIAG_SYNOPSIS_EMPTY, 0, line_of(p, "## SYNOPSIS"));
	free(p);
}

TEST(example_no_code)
{
	char *p =
		edit(base_page, "```powershell\nPS> Get-Widget -Name w1\n```\n",
		     "Run Get-Widget with a name.\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_EXAMPLE_NO_CODE), ==, 1);
	expect_at(DIAG_EXAMPLE_NO_CODE, 0, line_of(p, "### Example 2"));
	const struct got *g = nth(DIAG_EXAMPLE_NO_CODE, 0);
	check(g && strstr(g->msg, "'Example 2: One widget'"));
	free(p);
	/* code inside a note or a quote is code too */
	p = edit(base_page, "```powershell\nPS> Get-Widget -Name w1\n```\n",
		 "> [!NOTE]\n> ```powershell\n> PS> Get-Widget -Name w1\n> ```\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_EXAMPLE_NO_CODE), ==, 0);
	free(p);
}

TEST(heading_translated)
{
	char *p = edit(base_page, "## SYNOPSIS", "## ÜBERSICHT");
	edit_in(&p, "## RELATED LINKS", "## Related Links");
	struct help_doc *doc =
		parse_as(p, "de-DE/W/Get-Widget.md", "de-DE", NULL);
	run_checks(&no_roots, doc, NULL, true, false);
	/* Case alone is no translation. */
	check_int(count(DIAG_HEADING_TRANSLATED), ==, 1);
	expect_at(DIAG_HEADING_TRANSLATED, 0, line_of(p, "## ÜBERSICHT"));
	const struct got *g = nth(DIAG_HEADING_TRANSLATED, 0);
	check(g && strstr(g->msg, "'ÜBERSICHT' read as SYNOPSIS"));
	help_doc_free(doc);
	free(p);
}

TEST(locale_mismatch)
{
	char *p = edit(base_page, "title: Get-Widget\n",
		       "title: Get-Widget\nms.contentlocale: sv-SE\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_LOCALE_MISMATCH), ==, 1);
	expect_at(DIAG_LOCALE_MISMATCH, 0, line_of(p, "Locale:"));
	free(p);
	p = edit(base_page, "title: Get-Widget\n",
		 "title: Get-Widget\nms.contentlocale: EN-us\n");
	structure_of(p, "Get-Widget.md");
	check_int(count(DIAG_LOCALE_MISMATCH), ==, 0);
	free(p);
}

/* ---------- links, in a help root on disk ---------- */

static char *root_dir;

static void
write_file(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", root_dir, rel);
	for (char *s = strchr(path + strlen(root_dir) + 1, '/'); s;
	     s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(path, 0700);
		*s = '/';
	}
	FILE *f = fopen(path, "w");
	check(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

static void
make_root(void)
{
	char tmpl[] = "/tmp/pshelp-check-pages-XXXXXX";
	root_dir = xstrdup(mkdtemp(tmpl) ? tmpl : "/nonexistent");
	write_file("root/en-US/Widgets/Get-Widget.md", base_page);
	char *set = edit(base_page, "title: Get-Widget", "title: Set-Widget");
	write_file("root/en-US/Widgets/Set-Widget.md", set);
	free(set);
	write_file("root/en-US/Widgets/About/about_Widgets.md",
		   "# about_Widgets\n\n## SHORT DESCRIPTION\nWidgets.\n");
	write_file("root/en-US/Gadgets/Get-Gadget.md", "# Get-Gadget\n");
	write_file("other/en-US/Tools/Get-Tool.md", "# Get-Tool\n");
}

static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = xasprintf("%s/%s", path, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

/* Links of text as the page rel of the fixture root. */
static void
links_of(const char *text, const char *rel, const struct check_env *env)
{
	char *path = xasprintf("%s/%s", root_dir, rel);
	write_file(rel, text);
	const char *culture = strstr(rel, "sv-SE") ? "sv-SE" : "en-US";
	struct help_doc *doc = parse_as(text, path, culture, NULL);
	run_checks(env, doc, NULL, false, true);
	help_doc_free(doc);
	free(path);
}

TEST(clean_page_links)
{
	links_of(base_page, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(ngot, ==, 0);
	dump();
}

TEST(link_text_mismatch)
{
	char *p = edit(base_page, "[Set-Widget](Set-Widget.md)\n",
		       "[Ställ in widget](Set-Widget.md)\n");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(count(DIAG_LINK_TEXT_MISMATCH), ==, 1);
	expect_at(DIAG_LINK_TEXT_MISMATCH, 0, line_of(p, "[Ställ in"));
	check_int(ngot, ==, 1);
	free(p);
}

TEST(link_target_missing)
{
	char *p = edit(base_page, "[Set-Widget](Set-Widget.md)\n",
		       "[Set-Widget](Set-Widget.md)\n\n"
		       "[Get-Nothing](Get-Nothing.md)\n\n"
		       "[Get-Gadget](../Gadgets/Get-Gadget.md)\n\n"
		       "[Get-Gadget](Get-Gadget.md)\n\n"
		       "[about_Widgets](about/about_widgets.md)\n\n"
		       "[about_Missing](About/about_Missing.md)\n\n"
		       "[Get-Gadget](xref:Gadgets.Get-Gadget)\n\n"
		       "[Get-Tool](xref:Tools.Get-Tool)\n");
	edit_in(&p, "see [Set-Widget](Set-Widget.md)",
		"see [Set-Widget](Set-Widget.md#name) and "
		"[Get-Thing](../Things/Get-Thing.md)");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	dump();
	/* Get-Gadget.md is in another module: not beside the page. */
	check_int(count(DIAG_LINK_TARGET_MISSING), ==, 5);
	expect_at(DIAG_LINK_TARGET_MISSING, 0, line_of(p, "[Get-Nothing]"));
	expect_at(DIAG_LINK_TARGET_MISSING, 1, line_of(p, "[Get-Gadget](Get"));
	expect_at(DIAG_LINK_TARGET_MISSING, 2, line_of(p, "[about_Missing]"));
	expect_at(DIAG_LINK_TARGET_MISSING, 3, line_of(p, "[Get-Tool](xref"));
	expect_at(DIAG_LINK_TARGET_MISSING, 4, line_of(p, "[Get-Thing]"));

	/* With the other root on --path, the xref to Get-Tool resolves. */
	const char *roots[1];
	char *other = xasprintf("%s/other", root_dir);
	roots[0] = other;
	struct check_env env = { .roots = roots, .nroots = 1 };
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &env);
	check_int(count(DIAG_LINK_TARGET_MISSING), ==, 4);
	free(other);

	/* A translated page may link to a page only en-US has. */
	links_of(base_page, "root/sv-SE/Widgets/Get-Widget.md", &no_roots);
	check_int(count(DIAG_LINK_TARGET_MISSING), ==, 0);
	free(p);
}

TEST(url_malformed)
{
	char *p = edit(base_page, "[Set-Widget](Set-Widget.md)\n",
		       "[Set-Widget](Set-Widget.md)\n\n"
		       "[a](https://)\n\n"
		       "[b](https:/example.com/x)\n\n"
		       "[c](ftp://example.com/x)\n\n"
		       "[d](<https://exa mple.com/>)\n\n"
		       "[e](mailto:nobody)\n\n"
		       "[f](https://example.com:8x/)\n\n"
		       "[ok](https://learn.microsoft.com/x?view=7#top)\n\n"
		       "[ok](/dotnet/api/system.string)\n\n"
		       "[ok](mailto:someone@example.com)\n\n"
		       "[ok](http://[::1]:8080/x)\n");
	edit_in(&p, "Gets the widgets;", "Gets the [widgets](http://a..b/);");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	dump();
	check_int(count(DIAG_URL_MALFORMED), ==, 7);
	expect_at(DIAG_URL_MALFORMED, 0, line_of(p, "[a](https://)"));
	expect_at(DIAG_URL_MALFORMED, 5, line_of(p, "[f]("));
	expect_at(DIAG_URL_MALFORMED, 6, line_of(p, "[widgets]"));
	free(p);

	/* The online address too, at its value. */
	p = edit(base_page, "online version: https://example.com/get-widget",
		 "online version: https//example.com/get-widget");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(count(DIAG_URL_MALFORMED), ==, 1);
	const struct got *g = nth(DIAG_URL_MALFORMED, 0);
	if (g) {
		check_int(g->line, ==, line_of(p, "online version:"));
		check_int(g->col, ==, 17);
	}
	free(p);
}

TEST(online_uri_missing)
{
	char *p = edit(base_page,
		       "online version: https://example.com/get-widget\n", "");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(count(DIAG_ONLINE_URI_MISSING), ==, 1);
	check(strstr(nth(DIAG_ONLINE_URI_MISSING, 0)->msg,
		     "'online version'") != NULL);
	free(p);

	/* An empty value is how platyPS writes "no online version". */
	p = edit(base_page, "online version: https://example.com/get-widget\n",
		 "online version:\n");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(ngot, ==, 0);
	free(p);

	/* 2024-05-01 calls it HelpUri. */
	p = edit(base_page, "schema: 2.0.0\n",
		 "PlatyPS schema version: 2024-05-01\n");
	links_of(p, "root/en-US/Widgets/Get-Widget.md", &no_roots);
	check_int(count(DIAG_ONLINE_URI_MISSING), ==, 1);
	const struct got *g = nth(DIAG_ONLINE_URI_MISSING, 0);
	check(g && strstr(g->msg, "'HelpUri'"));
	free(p);
}

/* ---------- translation ---------- */

/* The page in sv-SE: headings and prose translated, nothing else. */
static char *
swedish(void)
{
	char *p = xstrdup(base_page);
	edit_in(&p, "title: Get-Widget\n",
		"title: Get-Widget\nms.contentlocale: sv-SE\n");
	edit_in(&p, "Locale: en-US", "Locale: sv-SE");
	edit_in(&p, "## SYNOPSIS\nGets widgets.", "## SAMMANFATTNING\nHämtar.");
	edit_in(&p, "## SYNTAX", "## SYNTAX");
	edit_in(&p, "## DESCRIPTION\nGets the widgets; see",
		"## BESKRIVNING\nHämtar dem; se");
	edit_in(&p, "## EXAMPLES", "## EXEMPEL");
	edit_in(&p, "### Example 1: All widgets", "### Exempel 1: Alla");
	edit_in(&p, "Gets them all.", "Hämtar alla.");
	edit_in(&p, "### Example 2: One widget", "### Exempel 2: En");
	edit_in(&p, "## PARAMETERS", "## PARAMETRAR");
	edit_in(&p, "The widget's name.", "Namnet.");
	edit_in(&p, "## INPUTS", "## INDATA");
	edit_in(&p, "## OUTPUTS", "## UTDATA");
	edit_in(&p, "## NOTES", "## ANTECKNINGAR");
	edit_in(&p, "## RELATED LINKS", "## RELATERADE LÄNKAR");
	return p;
}

static void
translation_of(const char *text)
{
	struct help_doc *src = parse_as(
		base_page, "en-US/Widgets/Get-Widget.md", "en-US", NULL);
	struct help_doc *doc =
		parse_as(text, "sv-SE/Widgets/Get-Widget.md", "sv-SE", src);
	struct diag_ctx dx;
	diag_init(&dx, "page.md");
	dx.sink = collect;
	ngot = 0;
	if (doc && src)
		check_translation(&no_roots, doc, src, &dx);
	help_doc_free(doc);
	help_doc_free(src);
}

TEST(clean_translation)
{
	char *p = swedish();
	translation_of(p);
	check_int(ngot, ==, 0);
	dump();
	free(p);
}

TEST(translation_structure)
{
	char *p = swedish();
	edit_in(&p,
		"### Exempel 2: En\n\n```powershell\nPS> Get-Widget -Name "
		"w1\n```\n\n",
		"");
	edit_in(&p, "## ANTECKNINGAR\n\n", "");
	translation_of(p);
	dump();
	check_int(count(DIAG_TRANSLATION_STRUCTURE), ==, 2);
	const struct got *g = nth(DIAG_TRANSLATION_STRUCTURE, 0);
	check(g && strstr(g->msg, "section list") && strstr(g->msg, "'NOTES'"));
	g = nth(DIAG_TRANSLATION_STRUCTURE, 1);
	check(g && strstr(g->msg, "example count") &&
	      strstr(g->msg, "the page has 1, the source 2"));
	if (g)
		check_int(g->line, ==, line_of(p, "## EXEMPEL"));
	free(p);

	/* A code block more in an example. */
	p = swedish();
	edit_in(&p, "Hämtar alla.", "Hämtar alla.\n\n```\nw1\n```");
	translation_of(p);
	check_int(count(DIAG_TRANSLATION_STRUCTURE), ==, 1);
	g = nth(DIAG_TRANSLATION_STRUCTURE, 0);
	check(g && strstr(g->msg, "code block count of example 1"));
	if (g)
		check_int(g->line, ==, line_of(p, "### Exempel 1"));
	free(p);
}

TEST(translation_block_differs)
{
	char *p = swedish();
	edit_in(&p, "PS> Get-Widget -Name w1", "PS> Hämta-Widget -Name w1");
	edit_in(&p, "Default value: None", "Standardvärde: Inget");
	edit_in(&p, "Get-Widget [[-Name] <String>]",
		"Get-Widget [[-Namn] <String>]");
	translation_of(p);
	dump();
	check_int(count(DIAG_TRANSLATION_BLOCK_DIFFERS), ==, 3);
	const struct got *g = nth(DIAG_TRANSLATION_BLOCK_DIFFERS, 0);
	check(g && strstr(g->msg, "SYNTAX block"));
	if (g) {
		check_int(g->line, ==, line_of(p, "```\nGet-Widget"));
		check(strstr(g->detail, "-Get-Widget [[-Name] <String>]") &&
		      strstr(g->detail, "+Get-Widget [[-Namn] <String>]"));
	}
	g = nth(DIAG_TRANSLATION_BLOCK_DIFFERS, 1);
	check(g && strstr(g->msg, "code block"));
	if (g)
		check_int(g->line, ==, line_of(p, "```powershell\nPS> Hämta"));
	g = nth(DIAG_TRANSLATION_BLOCK_DIFFERS, 2);
	check(g && strstr(g->msg, "yaml block"));
	if (g) {
		check_int(g->line, ==, line_of(p, "```yaml"));
		/* an LCS diff: only the changed line, with context */
		check(strstr(g->detail,
			     "--- en-US\n+++ sv-SE\n@@ -4,6 +4,6 @@\n"
			     " \n Required: False\n Position: 0\n"
			     "-Default value: None\n"
			     "+Standardvärde: Inget\n") != NULL);
	}
	free(p);
}

TEST(translation_link_differs)
{
	char *p = swedish();
	edit_in(&p, "[Set-Widget](Set-Widget.md)\n",
		"[Set-Widget](https://example.com/sv-se/set-widget)\n");
	edit_in(&p, "se [Set-Widget](Set-Widget.md)",
		"se [Set-Widget](Ange-Widget.md)");
	translation_of(p);
	dump();
	check_int(count(DIAG_TRANSLATION_LINK_DIFFERS), ==, 2);
	expect_at(DIAG_TRANSLATION_LINK_DIFFERS, 0,
		  line_of(p, "[Set-Widget](https"));
	const struct got *g = nth(DIAG_TRANSLATION_LINK_DIFFERS, 1);
	check(g && strstr(g->msg, "'Ange-Widget.md'") &&
	      strstr(g->msg, "'Set-Widget.md'"));
	free(p);
}

TEST(translation_param_name)
{
	char *p = swedish();
	edit_in(&p, "### -Name", "### – Namn");
	translation_of(p);
	dump();
	check_int(count(DIAG_TRANSLATION_PARAM_NAME), ==, 1);
	expect_at(DIAG_TRANSLATION_PARAM_NAME, 0, line_of(p, "### – Namn"));
	const struct got *g = nth(DIAG_TRANSLATION_PARAM_NAME, 0);
	check(g && strstr(g->msg, "'– Namn' should be '-Name'"));
	free(p);

	/* Only the case differs: fine. */
	p = swedish();
	edit_in(&p, "### -Name", "### -name");
	translation_of(p);
	check_int(count(DIAG_TRANSLATION_PARAM_NAME), ==, 0);
	free(p);
}

/* ---------- real pages ---------- */

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = xmalloc((size_t)n + 1);
	size_t got_n = fread(buf, 1, (size_t)n, f);
	buf[got_n] = '\0';
	fclose(f);
	return buf;
}

/* Every page of dir through all three checks; returns the count. */
static size_t
check_dir(const char *dir, const struct check_env *env, unsigned *per_id,
	  bool print)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t pages = 0;
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		char *text = read_all(path);
		struct help_doc *doc =
			text ? parse_as(text, path, "en-US", NULL) : NULL;
		run_checks(env, doc, NULL, true, true);
		for (size_t i = 0; i < ngot; i++) {
			per_id[got[i].id]++;
			if (print)
				printf("# %s:%u:%u: %s [%s]\n", e->d_name,
				       got[i].line, got[i].col, got[i].msg,
				       diag_slug(got[i].id));
		}
		pages++;
		help_doc_free(doc);
		free(text);
		free(path);
	}
	if (d)
		closedir(d);
	return pages;
}

static struct help_doc *
small_doc(const char *title)
{
	char *page = xasprintf("---\ntitle: %s\n---\n\n# %s\n", title, title);
	struct diag_ctx dx;
	diag_init(&dx, "t.md");
	struct md_parse_options o = { .path = "t.md" };
	struct help_doc *d = md_parse(page, strlen(page), &o, &dx);
	free(page);
	return d;
}

/* en-US pages kept for their translations, within their budget. */
TEST(sources_are_kept_within_a_budget)
{
	struct help_doc *a = small_doc("A"), *b = small_doc("B");
	size_t one = a->arena.used_bytes + a->source_len;
	struct check_sources *s = check_sources_new(one + one / 2);
	check(check_sources_keep(s, "r/en-US/A.md", a));
	check(check_sources_find(s, "r/en-US/A.md") == a);
	check(check_sources_find(s, "r/en-US/B.md") == NULL);
	/* B does not fit beside A: A, the oldest, goes */
	check(check_sources_keep(s, "r/en-US/B.md", b));
	check(check_sources_find(s, "r/en-US/A.md") == NULL);
	check(check_sources_find(s, "r/en-US/B.md") == b);
	/* a second copy of a kept path, and no cache at all, are refused */
	struct help_doc *b2 = small_doc("B");
	check(!check_sources_keep(s, "r/en-US/B.md", b2));
	check(!check_sources_keep(NULL, "x", b2));
	check(check_sources_find(NULL, "x") == NULL);
	help_doc_free(b2);
	check_sources_free(s);
}

TEST(own_help_pages)
{
	const char *src = getenv("PSHELP_TEST_SRCDIR");
	char *dir = xasprintf("%s/../help/en-US", src ? src : "tests");
	unsigned per_id[DIAG__COUNT] = { 0 };
	size_t pages = check_dir(dir, &no_roots, per_id, true);
	check_int(pages, >=, 12);
	/*
	 * The pages say they have no online version by leaving the key out
	 * (help/ needs an empty `online version:`); everything else: zero.
	 */
	unsigned others = 0;
	for (int i = 0; i < DIAG__COUNT; i++)
		if (i != DIAG_ONLINE_URI_MISSING)
			others += per_id[i];
	check_int(others, ==, 0);
	free(dir);
}

/* Structure warnings on the real corpus pages (with $PSHELP_SHARED). */
TEST(corpus_structure)
{
	const char *shared = getenv("PSHELP_SHARED");
	if (shared == NULL || !*shared) {
		printf("# skipped: PSHELP_SHARED not set\n");
		return;
	}
	const char *cultures[] = { "en-US", "sv-SE" };
	unsigned per_id[DIAG__COUNT] = { 0 };
	size_t pages = 0;
	for (int c = 0; c < 2; c++) {
		char *dir = xasprintf("%s/corpus/%s/Microsoft.PowerShell.Core",
				      shared, cultures[c]);
		struct stat st;
		if (stat(dir, &st) != 0) {
			free(dir);
			printf("# skipped: no corpus\n");
			return;
		}
		pages += check_dir(dir, &no_roots, per_id, false);
		char *about = xasprintf("%s/About", dir);
		pages += check_dir(about, &no_roots, per_id, false);
		free(about);
		free(dir);
	}
	check_int(pages, ==, 376);
	for (int i = 0; i < DIAG__COUNT; i++)
		if (per_id[i])
			printf("# %6u %s\n", per_id[i], diag_slug(i));
	/* Real pages: only the four placeholders platyPS left. */
	check_int(per_id[DIAG_PLACEHOLDER], ==, 4);
	check_int(per_id[DIAG_FRONTMATTER_MISSING], ==, 0);
	check_int(per_id[DIAG_FRONTMATTER_KEY_MISSING], ==, 0);
	check_int(per_id[DIAG_NAME_MISMATCH], ==, 0);
	check_int(per_id[DIAG_SECTION_MISSING], ==, 0);
	check_int(per_id[DIAG_SECTION_ORDER], ==, 0);
	check_int(per_id[DIAG_SYNOPSIS_EMPTY], ==, 0);
	check_int(per_id[DIAG_EXAMPLE_NO_CODE], ==, 0);
	check_int(per_id[DIAG_URL_MALFORMED], ==, 0);
	check_int(per_id[DIAG_ONLINE_URI_MISSING], ==, 0);
}

int
main(void)
{
	make_root();
	RUN(clean_page_structure);
	RUN(frontmatter_missing);
	RUN(frontmatter_key_missing);
	RUN(name_mismatch);
	RUN(section_missing);
	RUN(section_order);
	RUN(placeholders);
	RUN(synopsis_empty);
	RUN(example_no_code);
	RUN(heading_translated);
	RUN(locale_mismatch);
	RUN(clean_page_links);
	RUN(link_text_mismatch);
	RUN(link_target_missing);
	RUN(url_malformed);
	RUN(online_uri_missing);
	RUN(clean_translation);
	RUN(translation_structure);
	RUN(translation_block_differs);
	RUN(translation_link_differs);
	RUN(translation_param_name);
	RUN(sources_are_kept_within_a_budget);
	RUN(own_help_pages);
	RUN(corpus_structure);
	remove_tree(root_dir);
	free(root_dir);
	return tap_done();
}
