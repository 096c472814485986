/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for source extents: small pages in several languages whose
 * extents are compared byte for byte with what the page says, and models
 * broken by hand that help_doc_check_extents() must reject.
 */
#include <stdlib.h>
#include <string.h>

#include "md_parse.h"
#include "strbuf.h"
#include "tap.h"

/* ---------- helpers ---------- */

static struct help_doc *
parse(const char *page)
{
	struct md_parse_options o = { .path = "t/en-US/Mod/Get-Thing.md" };
	struct help_doc *d = md_parse(page, strlen(page), &o, NULL);
	if (d == NULL) {
		printf("# page did not parse\n");
		return NULL;
	}
	struct strbuf why = STRBUF_INIT;
	strbuf_init(&why);
	if (!help_doc_check_extents(d, &why)) {
		printf("# model check: %s\n", why.buf);
		tap_cur_failed = 1;
	}
	strbuf_release(&why);
	return d;
}

/* The source bytes an extent covers, as a string in d's arena. */
static const char *
bytes(struct help_doc *d, struct help_extent x)
{
	if (x.start > x.end || x.end > d->source_len)
		return "(extent outside the source)";
	return arena_strndup(&d->arena, d->source + x.start, x.end - x.start);
}

/* The n-th block of a kind in the about parts' bodies, or NULL. */
static const struct help_block *
nth_block(const struct help_doc *d, enum help_block_kind kind, size_t n)
{
	for (size_t p = 0; p < d->nparts; p++)
		for (size_t i = 0; i < d->parts[p].body.n; i++)
			if (d->parts[p].body.v[i].kind == kind && n-- == 0)
				return &d->parts[p].body.v[i];
	return NULL;
}

/* ---------- English: every kind of extent on one page ---------- */

static const char english[] =
	"---\n"
	"title: about_Things\n"
	"ms.date: \"2024-05-01\"   # when it was written\n"
	"aliases:\n"
	"  - things\n"
	"  - stuff\n"
	"---\n"
	"\n"
	"# about_Things\n"
	"\n"
	"## Short description\n"
	"Describes &amp; explains\n"
	"things. See [the guide](https://example.com/guide \"Guide\").\n"
	"\n"
	"## Long description\n"
	"\n"
	"- first item\n"
	"  continued\n"
	"- second [x][ref] and <https://example.org/a>\n"
	"\n"
	"| Name | Value |\n"
	"|------|-------|\n"
	"| `a\\|b` | [c](d.md) |\n"
	"\n"
	"> [!NOTE]\n"
	"> Careful here.\n"
	"\n"
	"```powershell\n"
	"Get-Thing -Name x\n"
	"```\n"
	"\n"
	"[ref]: https://example.com/ref\n";

TEST(front_matter_lines)
{
	struct help_doc *d = parse(english);
	if (d == NULL || d->nfrontmatter != 3) {
		check(d && d->nfrontmatter == 3);
		help_doc_free(d);
		return;
	}
	const struct help_fm_entry *e = d->frontmatter;
	check_str(bytes(d, e[0].ext), "title: about_Things");
	check_str(bytes(d, e[0].key_ext), "title");
	check_str(bytes(d, e[0].value_ext), "about_Things");
	check_str(bytes(d, e[1].ext),
		  "ms.date: \"2024-05-01\"   # when it was written");
	check_str(bytes(d, e[1].value_ext), "\"2024-05-01\"");
	check_str(e[1].value, "2024-05-01");
	check_str(bytes(d, e[2].ext), "aliases:\n  - things\n  - stuff");
	check_str(bytes(d, e[2].value_ext), "  - things\n  - stuff");
	help_doc_free(d);
}

TEST(headings_paragraphs_links)
{
	struct help_doc *d = parse(english);
	if (d == NULL || d->nparts < 2) {
		check(d && d->nparts >= 2);
		help_doc_free(d);
		return;
	}
	check_str(bytes(d, d->title_ext.ext), "# about_Things");
	check_str(bytes(d, d->title_ext.text_ext), "about_Things");
	check_str(bytes(d, d->parts[0].heading_ext.ext),
		  "## Short description");
	check_str(bytes(d, d->parts[0].heading_ext.text_ext),
		  "Short description");
	const struct help_block *p = nth_block(d, HELP_BLOCK_PARA, 0);
	check(p != NULL);
	if (p)
		check_str(bytes(d, p->ext),
			  "Describes &amp; explains\nthings. See [the "
			  "guide](https://example.com/guide \"Guide\").");
	check_int(d->ninline_links, ==, 4);
	if (d->ninline_links == 4) {
		const struct help_inline_link *l = d->inline_links;
		check_str(bytes(d, l[0].ext),
			  "[the guide](https://example.com/guide \"Guide\")");
		check_str(bytes(d, l[0].target_ext),
			  "https://example.com/guide");
		check_str(l[0].target, "https://example.com/guide");
		check_str(bytes(d, l[1].ext), "[x][ref]");
		check_str(bytes(d, l[1].target_ext), "ref");
		check_str(l[1].target, "https://example.com/ref");
		check_str(bytes(d, l[2].ext), "<https://example.org/a>");
		check_str(bytes(d, l[2].target_ext), "https://example.org/a");
		check_str(bytes(d, l[3].ext), "[c](d.md)");
	}
	help_doc_free(d);
}

TEST(lists_tables_alerts_code)
{
	struct help_doc *d = parse(english);
	if (d == NULL) {
		check(d != NULL);
		return;
	}
	const struct help_block *l = nth_block(d, HELP_BLOCK_LIST, 0);
	check(l && l->u.list.nitems == 2);
	if (l && l->u.list.nitems == 2) {
		check_str(bytes(d, l->ext), "- first item\n  continued\n- "
					    "second [x][ref] and "
					    "<https://example.org/a>");
		check_str(bytes(d, l->u.list.item_ext[0]),
			  "- first item\n  continued");
		check_str(bytes(d, l->u.list.items[0].v[0].ext),
			  "first item\n  continued");
	}
	const struct help_block *t = nth_block(d, HELP_BLOCK_TABLE, 0);
	check(t && t->u.table.ncols == 2 && t->u.table.nrows == 2);
	if (t && t->u.table.ncols == 2 && t->u.table.nrows == 2) {
		const struct help_extent *c = t->u.table.cell_ext;
		check_str(bytes(d, c[0]), "Name");
		check_str(bytes(d, c[1]), "Value");
		check_str(bytes(d, c[2]), "`a\\|b`");
		check_str(bytes(d, c[3]), "[c](d.md)");
		check_str(bytes(d, t->ext),
			  "| Name | Value |\n|------|-------|\n| `a\\|b` | "
			  "[c](d.md) |");
	}
	const struct help_block *a = nth_block(d, HELP_BLOCK_ALERT, 0);
	check(a != NULL);
	if (a) {
		check_str(bytes(d, a->ext), "> [!NOTE]\n> Careful here.");
		check_str(bytes(d, a->u.alert.body_ext), "Careful here.");
	}
	const struct help_block *k = nth_block(d, HELP_BLOCK_CODE, 0);
	check(k != NULL);
	if (k) {
		check_str(bytes(d, k->ext),
			  "```powershell\nGet-Thing -Name x\n```");
		check_str(bytes(d, k->u.code.content), "Get-Thing -Name x\n");
		check(k->u.code.verbatim);
	}
	help_doc_free(d);
}

/*
 * A paragraph's last line before a delimiter row is a table's header;
 * cmark-gfm splits the lines above it into a paragraph with no position.
 * It keeps its text and gets an empty extent where the table starts.
 */
TEST(paragraph_split_off_a_table)
{
	static const char page[] = "# about_Thing\n\n## Short description\n"
				   "Text.\n\n## Long description\n\n"
				   "Lead line\n| A |\n|---|\n| b |\n";
	struct help_doc *d = parse(page);
	if (d == NULL) {
		check(d != NULL);
		return;
	}
	const struct help_block *p = nth_block(d, HELP_BLOCK_PARA, 1);
	const struct help_block *t = nth_block(d, HELP_BLOCK_TABLE, 0);
	check(p != NULL && t != NULL);
	if (p && t) {
		check_str(help_inline_plain(d, &p->u.para), "Lead line");
		check_int(p->ext.start, ==, p->ext.end);
		check_int(p->ext.start, ==, t->ext.start);
		check_int(p->pos.line, ==, t->pos.line);
		check(t->u.table.ncols == 1 && t->u.table.nrows == 2);
	}
	help_doc_free(d);
}

/* A folded block scalar ends with its last line, not at the next key. */
TEST(front_matter_block_scalar)
{
	static const char page[] = "---\ndescription: >-\n  Explains B\n"
				   "  in two lines.\nLocale: en-US\n---\n"
				   "# about_B\n\n## Short description\nB.\n";
	struct help_doc *d = parse(page);
	check(d != NULL);
	if (d == NULL)
		return;
	const struct help_fm_entry *e = help_doc_frontmatter(d, "description");
	check(e != NULL);
	if (e) {
		check_str(e->value, "Explains B in two lines.");
		check_str(bytes(d, e->value_ext),
			  ">-\n  Explains B\n  in two lines.");
	}
	help_doc_free(d);
}

/* ---------- Swedish with CRLF line ends ---------- */

TEST(swedish_crlf)
{
	struct help_doc *d = parse("# about_Saker\r\n\r\n"
				   "## Kort beskrivning\r\n"
				   "Beskriver saker på svenska,\r\n"
				   "över två rader.\r\n\r\n"
				   "```\r\nrad ett\r\nrad två\r\n```\r\n");
	if (d == NULL || d->nparts < 1) {
		check(d && d->nparts >= 1);
		help_doc_free(d);
		return;
	}
	check_str(bytes(d, d->parts[0].heading_ext.text_ext),
		  "Kort beskrivning");
	const struct help_block *p = nth_block(d, HELP_BLOCK_PARA, 0);
	const struct help_block *k = nth_block(d, HELP_BLOCK_CODE, 0);
	check(p && k);
	if (p)
		check_str(bytes(d, p->ext),
			  "Beskriver saker på svenska,\r\növer två rader.");
	if (k) {
		check_str(k->u.code.text, "rad ett\nrad två\n");
		check_str(bytes(d, k->u.code.content),
			  "rad ett\r\nrad två\r\n");
		check(!k->u.code.verbatim);
		check_str(bytes(d, k->ext), "```\r\nrad ett\r\nrad två\r\n```");
	}
	help_doc_free(d);
}

/* ---------- Japanese with a BOM and no front matter ---------- */

TEST(japanese_bom)
{
	struct help_doc *d =
		parse("\xEF\xBB\xBF# about_日本語\n\n"
		      "## 短い説明\n"
		      "日本語の説明です。[リンク](https://example.jp/"
		      "ページ)を見てください。\n");
	if (d == NULL) {
		check(d != NULL);
		return;
	}
	check_int(d->source_len, >, 3);
	check(memcmp(d->source, "\xEF\xBB\xBF", 3) == 0);
	check_int(d->title_ext.ext.start, ==, 3);
	check_str(bytes(d, d->title_ext.text_ext), "about_日本語");
	check_int(d->ninline_links, ==, 1);
	if (d->ninline_links == 1) {
		check_str(bytes(d, d->inline_links[0].ext),
			  "[リンク](https://example.jp/ページ)");
		check_str(bytes(d, d->inline_links[0].target_ext),
			  "https://example.jp/ページ");
	}
	help_doc_free(d);
}

/* ---------- German: tabs, setext, an unclosed fence ---------- */

TEST(german_tabs_setext_unclosed)
{
	struct help_doc *d = parse("# about_Dinge\n\n"
				   "## Kurzbeschreibung\n"
				   "Beschreibt Dinge.\n\n"
				   "Zweiter Teil\n"
				   "------------\n\n"
				   "\tEinrückung mit Tab\n\n"
				   "- Liste\n\n"
				   "  ```\n"
				   "\tTabzeile in der Liste\n"
				   "  ```\n\n"
				   "```powershell\n"
				   "Get-Offen\n"
				   "noch mehr");
	if (d == NULL || d->nparts < 2) {
		check(d && d->nparts >= 2);
		help_doc_free(d);
		return;
	}
	check_str(bytes(d, d->parts[1].heading_ext.ext),
		  "Zweiter Teil\n------------");
	check_str(bytes(d, d->parts[1].heading_ext.text_ext), "Zweiter Teil");
	const struct help_block *k0 = nth_block(d, HELP_BLOCK_CODE, 0);
	const struct help_block *k1 = nth_block(d, HELP_BLOCK_CODE, 1);
	const struct help_block *l = nth_block(d, HELP_BLOCK_LIST, 0);
	check(k0 && k1 && l);
	if (k0) {
		check_str(k0->u.code.text, "Einrückung mit Tab\n");
		check_str(bytes(d, k0->u.code.content), "Einrückung mit Tab\n");
		check(k0->u.code.verbatim);
	}
	if (l && l->u.list.nitems == 1 && l->u.list.items[0].n == 2) {
		const struct help_block *c = &l->u.list.items[0].v[1];
		check_int(c->kind, ==, HELP_BLOCK_CODE);
		check_str(bytes(d, c->u.code.content),
			  "\tTabzeile in der Liste\n");
		check(!c->u.code.verbatim);
	} else {
		check(!"list with one item of two blocks");
	}
	if (k1) {
		check(k1->u.code.unclosed);
		check_str(bytes(d, k1->ext),
			  "```powershell\nGet-Offen\nnoch mehr");
		check_str(bytes(d, k1->u.code.content), "Get-Offen\nnoch mehr");
		check_str(k1->u.code.text, "Get-Offen\nnoch mehr\n");
	}
	help_doc_free(d);
}

/* ---------- a command page: SYNTAX and parameter yaml ---------- */

static const char command[] =
	"---\n"
	"title: Get-Thing\n"
	"---\n"
	"\n"
	"# Get-Thing\n"
	"\n"
	"## SYNOPSIS\n"
	"Gets things.\n"
	"\n"
	"## SYNTAX\n"
	"\n"
	"```\n"
	"Get-Thing [-Name] <String> [<CommonParameters>]\n"
	"```\n"
	"\n"
	"## DESCRIPTION\n"
	"Gets all the things.\n"
	"\n"
	"## PARAMETERS\n"
	"\n"
	"### -Name\n"
	"The name of the thing.\n"
	"\n"
	"```yaml\n"
	"Type: System.String\n"
	"Parameter Sets: (All)\n"
	"Aliases:\n"
	"\n"
	"Required: True\n"
	"Position: 0\n"
	"Default value: None\n"
	"Accept pipeline input: False\n"
	"Accept wildcard characters: False\n"
	"```\n"
	"\n"
	"## RELATED LINKS\n"
	"\n"
	"[Set-Thing](Set-Thing.md)\n";

TEST(command_syntax_yaml_links)
{
	struct help_doc *d = parse(command);
	if (d == NULL || d->nsyntax != 1 || d->nparams != 1) {
		check(d && d->nsyntax == 1 && d->nparams == 1);
		help_doc_free(d);
		return;
	}
	const struct help_syntax_set *s = &d->syntax[0];
	check_str(bytes(d, s->content),
		  "Get-Thing [-Name] <String> [<CommonParameters>]\n");
	check_str(s->code, bytes(d, s->content));
	check(s->verbatim);
	check_str(bytes(d, d->sections[HELP_SEC_SYNTAX].heading_ext.ext),
		  "## SYNTAX");
	const struct help_param *p = &d->params[0];
	check_str(bytes(d, p->heading_ext.ext), "### -Name");
	check_str(bytes(d, p->heading_ext.text_ext), "-Name");
	check(p->has_metadata && p->metadata_verbatim);
	check_str(p->metadata_text, bytes(d, p->metadata_content));
	check(strncmp(bytes(d, p->metadata_ext), "```yaml\nType:", 13) == 0);
	check_int(d->nlinks, ==, 1);
	if (d->nlinks == 1) {
		check_str(bytes(d, d->links[0].ext),
			  "[Set-Thing](Set-Thing.md)");
		check_str(bytes(d, d->links[0].target_ext), "Set-Thing.md");
	}
	help_doc_free(d);
}

/* ---------- hostile: the link search stays bounded ---------- */

TEST(unmatched_brackets_before_links)
{
	struct strbuf page = STRBUF_INIT;
	strbuf_init(&page);
	strbuf_addstr(&page, "# about_Klammern\n\n## Kurzbeschreibung\n");
	strbuf_addchars(&page, '[', 100000);
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&page, "\n`c` <https://example.de/%d>", i);
	strbuf_addch(&page, '\n');
	struct help_doc *d = parse(page.buf);
	check(d != NULL);
	if (d) {
		check_int(d->ninline_links, ==, 1000);
		const struct help_inline_link *l = &d->inline_links[0];
		check(l->ext.start == l->ext.end ||
		      strcmp(bytes(d, l->target_ext), "https://example.de/0") ==
			      0);
	}
	help_doc_free(d);
	strbuf_release(&page);
}

/* ---------- the check rejects broken models ---------- */

/* A page of one paragraph and one code block, built by hand. */
static struct help_doc *
hand_doc(struct help_block **v)
{
	static const char src[] = "Hej hopp.\n\n```\nkod\n```\n";
	struct help_doc *d = help_doc_new();
	d->name = "about_Hand";
	d->source = src;
	d->source_len = sizeof(src) - 1;
	*v = arena_array(&d->arena, 2, sizeof(**v));
	(*v)[0] = (struct help_block){ .kind = HELP_BLOCK_PARA,
				       .pos = { 1, 1 },
				       .ext = { 0, 9 } };
	(*v)[1] = (struct help_block){ .kind = HELP_BLOCK_CODE,
				       .pos = { 3, 1 },
				       .ext = { 11, 22 } };
	(*v)[1].u.code.info = "";
	(*v)[1].u.code.text = "kod\n";
	(*v)[1].u.code.content = (struct help_extent){ 15, 19 };
	(*v)[1].u.code.verbatim = true;
	d->description = (struct help_blocks){ *v, 2 };
	return d;
}

static bool
rejects(struct help_doc *d, const char *where, const char *what)
{
	struct strbuf why = STRBUF_INIT;
	strbuf_init(&why);
	bool ok = help_doc_check_extents(d, &why);
	bool right = !ok && strstr(why.buf, where) && strstr(why.buf, what);
	if (!right)
		printf("# check said %s: '%s'\n", ok ? "fine" : "broken",
		       why.buf);
	strbuf_release(&why);
	help_doc_free(d);
	return right;
}

TEST(check_accepts_the_hand_model)
{
	struct help_block *v;
	struct help_doc *d = hand_doc(&v);
	check(help_doc_check_extents(d, NULL));
	help_doc_free(d);
}

TEST(check_rejects_broken_models)
{
	struct help_block *v;
	struct help_doc *d = hand_doc(&v);
	v[1].ext.end = 40; /* past the end of the source */
	check(rejects(d, "3:1", "outside"));

	d = hand_doc(&v);
	v[0].ext = (struct help_extent){ 5, 3 }; /* start after end */
	check(rejects(d, "1:1", "outside"));

	d = hand_doc(&v);
	v[1].ext.start = 4; /* overlaps the paragraph */
	check(rejects(d, "3:1", "overlap"));

	d = hand_doc(&v);
	v[1].u.code.text = "koD\n"; /* text differs from its bytes */
	check(rejects(d, "3:1", "differs"));

	d = hand_doc(&v);
	v[1].u.code.verbatim = false;
	v[1].u.code.text = "kod\nmer\n"; /* more lines than the extent */
	check(rejects(d, "3:1", "differs"));

	d = hand_doc(&v);
	v[1].u.code.content = (struct help_extent){ 9, 19 }; /* not inside */
	check(rejects(d, "3:1", "outside"));

	d = hand_doc(&v);
	d->inline_links = arena_array(&d->arena, 1, sizeof(*d->inline_links));
	d->inline_links[0] =
		(struct help_inline_link){ .target = "x",
					   .pos = { 1, 5 },
					   .ext = { 4, 8 },
					   .target_ext = { 7, 9 } };
	d->ninline_links = 1; /* target sticks out of the link */
	check(rejects(d, "1:5", "target"));
}

int
main(void)
{
	RUN(front_matter_lines);
	RUN(headings_paragraphs_links);
	RUN(lists_tables_alerts_code);
	RUN(paragraph_split_off_a_table);
	RUN(front_matter_block_scalar);
	RUN(swedish_crlf);
	RUN(japanese_bom);
	RUN(german_tabs_setext_unclosed);
	RUN(command_syntax_yaml_links);
	RUN(unmatched_brackets_before_links);
	RUN(check_accepts_the_hand_model);
	RUN(check_rejects_broken_models);
	return tap_done();
}
