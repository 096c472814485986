/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for md_parse: small pages written here for each rule of the
 * markdown -> help model mapping, plus hostile inputs.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "md_parse.h"
#include "md_pool.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

/* ---------- helpers ---------- */

static struct {
	unsigned n[DIAG__COUNT];
	uint32_t line[DIAG__COUNT], col[DIAG__COUNT];
	char msg[DIAG__COUNT][256];
} seen;

static void
sink(void *cookie, const struct diag *d)
{
	(void)cookie;
	if (seen.n[d->id]++ == 0) {
		seen.line[d->id] = d->line;
		seen.col[d->id] = d->col;
		snprintf(seen.msg[d->id], sizeof(seen.msg[0]), "%s",
			 d->message);
	}
}

static struct help_doc *
parse_opt(const char *md, size_t len, const struct md_parse_options *o)
{
	struct diag_ctx dx;
	diag_init(&dx, "test.md");
	dx.sink = sink;
	memset(&seen, 0, sizeof(seen));
	struct help_doc *d = md_parse(md, len, o, &dx);
	if (d && help_doc_check(d)) {
		printf("# help_doc_check: %s\n", help_doc_check(d));
		tap_cur_failed = 1;
	}
	struct strbuf why = STRBUF_INIT;
	strbuf_init(&why);
	if (d && !help_doc_check_extents(d, &why)) {
		printf("# help_doc_check_extents: %s\n", why.buf);
		tap_cur_failed = 1;
	}
	strbuf_release(&why);
	return d;
}

static struct help_doc *
parse(const char *md)
{
	return parse_opt(md, strlen(md), NULL);
}

static struct help_doc *
parse_path(const char *md, const char *path)
{
	struct md_parse_options o = { .path = path };
	return parse_opt(md, strlen(md), &o);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The single text run of a paragraph block, or NULL. */
static const char *
para_text(struct help_doc *d, const struct help_block *b)
{
	if (b == NULL ||
	    (b->kind != HELP_BLOCK_PARA && b->kind != HELP_BLOCK_HTML))
		return NULL;
	return help_inline_plain(d, &b->u.para);
}

static const char *
first_text(struct help_doc *d, const struct help_blocks *b)
{
	return help_blocks_first_text(d, b);
}

static const struct help_param *
param(const struct help_doc *d, const char *name)
{
	for (size_t i = 0; i < d->nparams; i++)
		if (d->params[i].name && !strcmp(d->params[i].name, name))
			return &d->params[i];
	return NULL;
}

/* A yaml block as platyPS writes it. */
#define YAML(type, sets, required, pos)                                        \
	"```yaml\nType: " type "\nParameter Sets: " sets "\nAliases:\n\n"      \
	"Required: " required "\nPosition: " pos "\nDefault value: None\n"     \
	"Accept pipeline input: False\nAccept wildcard characters: "           \
	"False\n```\n"

#define FM                                                                     \
	"---\nexternal help file: T.dll-Help.xml\nLocale: en-US\n"             \
	"Module Name: Tests\nonline version: https://example.org/t\n"          \
	"schema: 2.0.0\ntitle: Get-Thing\n---\n"

/* A complete English command page. */
static const char page_en[] = FM
	"# Get-Thing\n\n"
	"## SYNOPSIS\nGets things.\n\n"
	"## SYNTAX\n\n"
	"### ByName (Default)\n\n```\nGet-Thing [-Name] <String[]> [-Force] "
	"[<CommonParameters>]\n```\n\n"
	"### ById\n\n```\nGet-Thing -Id <Int32> [-Force] "
	"[<CommonParameters>]\n```\n\n"
	"## DESCRIPTION\n\nThe `Get-Thing` cmdlet gets things.\n\n"
	"## EXAMPLES\n\n### Example 1: Get a thing\n\n```powershell\nGet-Thing "
	"-Name a\n```\n\nGets a.\n\n"
	"### Example 2: Get by id\n\n```powershell\nGet-Thing -Id 1\n```\n\n"
	"## PARAMETERS\n\n### -Force\n\nForces it.\n\n" YAML(
		"System.Management.Automation.SwitchParameter", "(All)",
		"False",
		"Named") "\n### -Id\n\nAn id.\n\n" YAML("System.Int32", "ById",
							"True",
							"Named") "\n### "
								 "-Name\n\nA "
								 "name."
								 "\n\n" YAML(
									 "S"
									 "y"
									 "s"
									 "t"
									 "e"
									 "m"
									 "."
									 "S"
									 "t"
									 "r"
									 "i"
									 "n"
									 "g"
									 "["
									 "]",
									 "B"
									 "y"
									 "N"
									 "a"
									 "m"
									 "e",
									 "T"
									 "r"
									 "u"
									 "e"
									 " "
									 "("
									 "B"
									 "y"
									 "N"
									 "a"
									 "m"
									 "e"
									 ")"
									 ","
									 " "
									 "F"
									 "a"
									 "l"
									 "s"
									 "e"
									 " "
									 "("
									 "B"
									 "y"
									 "I"
									 "d"
									 ")",
									 "0") "\n### CommonParameters\n\nThis cmdlet supports the common parameters. See "
									      "[about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).\n\n"
									      "## INPUTS\n\n### System.String\n\nNames.\n\n"
									      "## OUTPUTS\n\n### System.Object\n\nThings.\n\n"
									      "## NOTES\n\nNone really.\n\n"
									      "## RELATED LINKS\n\n[Set-Thing](Set-Thing.md)\n\n[about_Things](About/about_Things.md)\n";

/* The same page machine-translated into an invented language. */
static const char page_xx[] =
	"---\nLocale: en-US\ntitle: Get-Thing\n"
	"ms.contentlocale: xx-XX\n---\n"
	"# Get-Thing\n\n"
	"## Grupo\nPrenas aĵojn.\n\n"
	"## Sintako\n\n"
	"### Pernomo (norma)\n\n```\nGet-Thing [-Name] <String[]> [-Force] "
	"[<CommonParameters>]\n```\n\n"
	"### Per identigilo\n\n```\nGet-Thing -Id <Int32> [-Force] "
	"[<CommonParameters>]\n```\n\n"
	"## Priskribo\n\nLa `Get-Thing`cmdleto prenas aĵojn.\n\n"
	"## Ekzemploj\n\n### Ekzemplo 1: preni\n\n```powershell\nGet-Thing "
	"-Name a\n```\n\nPrenas a.\n\n"
	"### Ekzemplo 2: per id\n\n```powershell\nGet-Thing -Id 1\n```\n\n"
	"## Parametroj\n\n### – Forto\n\nDevigas.\n\n" YAML(
		"System.Management.Automation.SwitchParameter", "(All)",
		"False",
		"Named") "\n### -ID\n\nIdentigilo.\n\n" YAML("System.Int32",
							     "ById", "True",
							     "Named") "\n### "
								      "-Nomo\n"
								      "\nNomo."
								      "\n"
								      "\n" YAML(
									      "System.String[]",
									      "ByName",
									      "True (ByName), False (ById)",
									      "0") "\n### CommonParameters\n\nTiu cmdleto subtenas [about_CommonParameters]"
										   "(https://go.microsoft.com/fwlink/?LinkID=113216).\n\n"
										   "## Enigoj\n\n### System. String\n\nNomoj.\n\n"
										   "## Eligoj\n\n### Sistemo. Objekto\n\nAĵoj.\n\n"
										   "## Notoj\n\nNenio.\n\n"
										   "## Rilataj ligiloj\n\n[Meti – aĵon](Set-Thing.md)\n\n[pri aĵoj](About/about_Things.md)\n";

/* ---------- document fields ---------- */

TEST(fields_from_front_matter_and_path)
{
	struct help_doc *d = parse_path(page_en, "/x/en-US/Tests/Get-Thing.md");
	check(d != NULL);
	if (!d)
		return;
	check_int(d->kind, ==, HELP_DOC_COMMAND);
	check_str(d->name, "Get-Thing");
	check_str(d->title, "Get-Thing");
	check_str(d->locale, "en-US");
	check_str(d->module, "Tests");
	check_str(d->online_uri, "https://example.org/t");
	check_str(d->path, "/x/en-US/Tests/Get-Thing.md");
	check_int(d->nfrontmatter, ==, 6);
	check_int(seen.n[DIAG_LOCALE_MISMATCH], ==, 0);
	help_doc_free(d);
}

TEST(name_prefers_file_stem_then_title_then_h1)
{
	struct help_doc *d = parse_path("---\ntitle: T-Title\n---\n# H-One\n",
					"dir/Stem-Name.md");
	check_str(d ? d->name : NULL, "Stem-Name");
	help_doc_free(d);
	d = parse("---\ntitle: T-Title\n---\n# H-One\n");
	check_str(d ? d->name : NULL, "T-Title");
	check_str(d ? d->title : NULL, "H-One");
	help_doc_free(d);
	d = parse("# H-One\n\ntext\n");
	check_str(d ? d->name : NULL, "H-One");
	help_doc_free(d);
	d = parse("just text\n");
	check(d && d->name && *d->name);
	check(d && d->title == NULL);
	check_int(seen.n[DIAG_NO_TITLE], ==, 1);
	help_doc_free(d);
}

TEST(locale_rules)
{
	struct md_parse_options o = { .culture = "de-DE" };
	const char *both =
		"---\nLocale: en-US\nms.contentlocale: sv-SE\n---\n# X\n";
	struct help_doc *d = parse_opt(both, strlen(both), &o);
	check_str(d ? d->locale : NULL, "sv-SE");
	/* the disagreement is pshelp validate's to report (check_structure) */
	check_int(seen.n[DIAG_LOCALE_MISMATCH], ==, 0);
	help_doc_free(d);

	const char *loc = "---\nLocale: en-US\n---\n# X\n";
	d = parse_opt(loc, strlen(loc), &o);
	check_str(d ? d->locale : NULL, "de-DE"); /* the folder beats Locale */
	check_int(seen.n[DIAG_LOCALE_MISMATCH], ==, 0);
	help_doc_free(d);
	d = parse(loc);
	check_str(d ? d->locale : NULL, "en-US");
	help_doc_free(d);
	d = parse("# X\n");
	check(d && d->locale == NULL);
	help_doc_free(d);
}

TEST(aliases_and_module_from_folder)
{
	struct help_doc *d =
		parse_path("---\ntitle: Exit-PSSession\naliases:\n"
			   "  - exsn\n  - bye\n---\n# Exit-PSSession\n",
			   "/h/en-US/Some.Module/Exit-PSSession.md");
	check(d != NULL);
	check_int(d ? d->naliases : 0, ==, 2);
	if (d && d->naliases == 2) {
		check_str(d->aliases[0], "exsn");
		check_str(d->aliases[1], "bye");
	}
	check_str(d ? d->module : NULL, "Some.Module");
	help_doc_free(d);
}

TEST(kind_detection)
{
	struct help_doc *d =
		parse_path("# Whatever\n\n## A\n\nx\n", "p/about_Thing.md");
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_ABOUT);
	help_doc_free(d);
	d = parse("---\ntitle: ABOUT_Case\n---\n# Topic\n\n## Short "
		  "description\nx\n");
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_ABOUT);
	help_doc_free(d);
	d = parse_path("# Alias provider\n\n## Provider name\n\nAlias\n",
		       "c/About/Alias.md");
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_ABOUT);
	help_doc_free(d);
	d = parse("---\nModule Guid: 0000\n---\n# M\n\n## Description\n\nx\n");
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_MODULE);
	help_doc_free(d);
	d = parse("# Mod Modul\n\n## Beskrivning\n\nx\n\n## Mod-cmdletar\n\n"
		  "### [Hämta sak](Get-Thing.md)\nHämtar.\n\n"
		  "### [Sätt sak](Set-Thing.md)\nSätter.\n");
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_MODULE);
	check_int(d ? d->nparts : 0, ==, 2);
	help_doc_free(d);
	d = parse(page_en);
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_COMMAND);
	help_doc_free(d);
}

/* ---------- command sections ---------- */

TEST(english_page_sections)
{
	struct help_doc *d = parse(page_en);
	check(d != NULL);
	if (!d)
		return;
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		check(d->sections[s].present);
		check_str(d->sections[s].heading, help_section_name(s));
	}
	check_int(d->sections[HELP_SEC_SYNOPSIS].pos.line, ==, 11);
	check_str(first_text(d, &d->synopsis), "Gets things.");
	check_str(first_text(d, &d->description),
		  "The `Get-Thing` cmdlet gets things.");
	check_str(first_text(d, &d->notes), "None really.");
	check_int(seen.n[DIAG_HEADING_TRANSLATED], ==, 0);
	check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 0);
	check_int(d->nexamples, ==, 2);
	check_str(d->examples[0].title, "Example 1: Get a thing");
	check_int(d->examples[0].body.n, ==, 2);
	check_int(d->examples[0].body.v[0].kind, ==, HELP_BLOCK_CODE);
	check_str(d->examples[0].body.v[0].u.code.info, "powershell");
	check_str(d->examples[0].body.v[0].u.code.text, "Get-Thing -Name a\n");
	check(d->common_parameters);
	check(strstr(first_text(d, &d->common_parameters_text),
		     "common parameters"));
	check_int(d->ninputs, ==, 1);
	check_str(d->inputs[0].name, "System.String");
	check_str(first_text(d, &d->inputs[0].description), "Names.");
	check_int(d->noutputs, ==, 1);
	check_str(d->outputs[0].name, "System.Object");
	help_doc_free(d);
}

TEST(translated_headings_in_an_unknown_language)
{
	struct help_doc *d = parse(page_xx);
	check(d != NULL);
	if (!d)
		return;
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		check(d->sections[s].present);
	check_str(d->sections[HELP_SEC_SYNOPSIS].heading, "Grupo");
	check_str(d->sections[HELP_SEC_NOTES].heading, "Notoj");
	check_str(first_text(d, &d->synopsis), "Prenas aĵojn.");
	check_str(first_text(d, &d->description),
		  "La `Get-Thing`cmdleto prenas aĵojn.");
	check_str(first_text(d, &d->notes), "Nenio.");
	/* read by structure, silently: validate names them (check_structure) */
	check_int(seen.n[DIAG_HEADING_TRANSLATED], ==, 0);
	check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 0);
	check_int(d->nexamples, ==, 2);
	check_int(d->nparams, ==, 3);
	check_int(d->nlinks, ==, 2);
	check_str(d->locale, "xx-XX");
	help_doc_free(d);
}

static char *
without(const char *page, const char *from, const char *to)
{
	const char *a = strstr(page, from), *b = strstr(page, to);
	if (!a || !b)
		return xstrdup(page);
	return xasprintf("%.*s%s", (int)(a - page), page, b);
}

/* ---------- a translated 2024-05-01 page and its ALIASES part ---------- */

static const char page_de_2024[] =
	"---\ndocument type: cmdlet\nexternal help file: x\nHelpUri: ''\n"
	"Locale: de-DE\nModule Name: Mod\nPlatyPS schema version: 2024-05-01\n"
	"title: Get-Thing\n---\n\n# Get-Thing\n\n"
	"## ÜBERSICHT\n\nRuft Dinge ab.\n\n"
	"## SYNTAX\n\n### __AllParameterSets\n\n```\n"
	"Get-Thing [-Name <String>] [<CommonParameters>]\n```\n\n"
	"## ALIASE\n\nDieses Cmdlet hat die folgenden Aliase: `gth`\n\n"
	"## BESCHREIBUNG\n\nDas Cmdlet `Get-Thing` ruft Dinge ab.\n\n"
	"## BEISPIELE\n\n### Beispiel 1\n\n```powershell\nGet-Thing\n```\n\n"
	"## PARAMETER\n\n### -Name\n\nDer Name.\n\n```yaml\n"
	"Type: System.String\nDefaultValue: ''\nSupportsWildcards: false\n"
	"Aliases: []\nParameterSets:\n- Name: (All)\n  Position: Named\n"
	"  IsRequired: false\n  ValueFromPipeline: false\n"
	"  ValueFromPipelineByPropertyName: false\n"
	"  ValueFromRemainingArguments: false\nDontShow: false\n"
	"AcceptedValues: []\nHelpMessage: ''\n```\n\n"
	"### CommonParameters\n\nDieses Cmdlet unterstützt die allgemeinen "
	"Parameter.\n\n"
	"## EINGABEN\n\n### None\n\n## AUSGABEN\n\n### System.Object\n\n"
	"## HINWEISE\n\nKeine.\n\n"
	"## VERWANDTE LINKS\n\n- [Get-Other](Get-Other.md)\n";

/*
 * PlatyPS puts ALIASES after SYNTAX; a translated heading is found there
 * by structure, or at the English source's ALIASES, and never taken for
 * DESCRIPTION when the part is left out.
 */
TEST(translated_aliases_part)
{
	struct help_doc *d = parse_path(page_de_2024, "de-DE/Mod/Get-Thing.md");
	check(d != NULL);
	if (!d)
		return;
	check(d->aliases_section.present);
	check_str(d->aliases_section.heading, "ALIASE");
	check_str(first_text(d, &d->aliases_text),
		  "Dieses Cmdlet hat die folgenden Aliase: `gth`");
	check_str(first_text(d, &d->description),
		  "Das Cmdlet `Get-Thing` ruft Dinge ab.");
	check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 0);

	/* the same page in English is its source */
	char *en = xstrdup(page_de_2024);
	memcpy(strstr(en, "## ALIASE\n"), "## ALIASES", 10);
	struct help_doc *src = parse_path(en, "en-US/Mod/Get-Thing.md");
	char *de = xstrdup(page_de_2024);
	memcpy(strstr(de, "## ALIASE\n"), "## ALIAS:\n", 10);
	struct md_parse_options o = { .path = "de-DE/Mod/Get-Thing.md",
				      .source = src };
	struct help_doc *t = parse_opt(de, strlen(de), &o);
	check(t && t->aliases_section.present &&
	      strcmp(t->aliases_section.heading, "ALIAS:") == 0);

	/* without the part, DESCRIPTION stays DESCRIPTION */
	char *none = without(page_de_2024, "## ALIASE", "## BESCHREIBUNG");
	struct help_doc *n = parse_path(none, "de-DE/Mod/Get-Thing.md");
	check(n && !n->aliases_section.present);
	if (n)
		check_str(first_text(n, &n->description),
			  "Das Cmdlet `Get-Thing` ruft Dinge ab.");
	help_doc_free(n);
	help_doc_free(t);
	help_doc_free(src);
	help_doc_free(d);
	free(none);
	free(de);
	free(en);
}

TEST(missing_sections_do_not_shift_the_rest)
{
	/* no NOTES, in both languages */
	for (int lang = 0; lang < 2; lang++) {
		char *p = lang ? without(page_xx, "## Notoj", "## Rilataj")
			       : without(page_en, "## NOTES", "## RELATED");
		struct help_doc *d = parse(p);
		check(d && !d->sections[HELP_SEC_NOTES].present);
		check(d && d->sections[HELP_SEC_OUTPUTS].present);
		check(d && d->sections[HELP_SEC_RELATED_LINKS].present);
		check_int(d ? d->nlinks : 0, ==, 2);
		check_int(d ? d->noutputs : 0, ==, 1);
		check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 0);
		help_doc_free(d);
		free(p);
	}
	/* no PARAMETERS: INPUTS sits where they would be */
	char *p = without(page_xx, "## Parametroj", "## Enigoj");
	struct help_doc *d = parse(p);
	check(d && !d->sections[HELP_SEC_PARAMETERS].present);
	check(d && d->sections[HELP_SEC_EXAMPLES].present);
	check(d && d->sections[HELP_SEC_INPUTS].present);
	check_str(d ? d->sections[HELP_SEC_INPUTS].heading : NULL, "Enigoj");
	check_str(d ? d->sections[HELP_SEC_OUTPUTS].heading : NULL, "Eligoj");
	check_str(d ? d->sections[HELP_SEC_NOTES].heading : NULL, "Notoj");
	check_int(d ? d->nparams : 9, ==, 0);
	help_doc_free(d);
	free(p);
}

TEST(unknown_heading_goes_to_the_previous_section)
{
	char *p = xasprintf(
		"%.*s## Whatever this is\n\nExtra prose.\n\n- and a list\n\n%s",
		(int)(strstr(page_en, "## EXAMPLES") - page_en), page_en,
		strstr(page_en, "## EXAMPLES"));
	struct help_doc *d = parse(p);
	check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 1);
	check(strstr(seen.msg[DIAG_HEADING_UNKNOWN], "Whatever this is") !=
	      NULL);
	check_int(d ? d->description.n : 0, ==, 3);
	if (d && d->description.n == 3)
		check_str(para_text(d, &d->description.v[1]), "Extra prose.");
	check(d && d->sections[HELP_SEC_EXAMPLES].present);
	help_doc_free(d);
	free(p);
}

/* An English section out of order is still that section, not prose of
 * the one before it; pshelp validate reports the order. */
TEST(english_section_out_of_order)
{
	const char *ex = strstr(page_en, "## EXAMPLES");
	const char *params = strstr(page_en, "## PARAMETERS");
	const char *inputs = strstr(page_en, "## INPUTS");
	check(ex && params && inputs && ex < params && params < inputs);
	if (!(ex && params && inputs))
		return;
	/* SYNOPSIS..DESCRIPTION, PARAMETERS, EXAMPLES, INPUTS.. */
	char *p = xasprintf("%.*s%.*s%.*s%s", (int)(ex - page_en), page_en,
			    (int)(inputs - params), params, (int)(params - ex),
			    ex, inputs);
	struct help_doc *d = parse(p);
	check_int(seen.n[DIAG_HEADING_UNKNOWN], ==, 0);
	check(d && d->sections[HELP_SEC_EXAMPLES].present);
	check(d && d->nexamples > 0);
	check(d && d->sections[HELP_SEC_EXAMPLES].pos.line >
			   d->sections[HELP_SEC_PARAMETERS].pos.line);
	help_doc_free(d);
	free(p);
}

TEST(duplicate_sections_are_appended)
{
	char *p = xasprintf(
		"%.*s## DESCRIPTION\n\nagain\n\n## SYNOPSIS\n\ntwice\n\n%s",
		(int)(strstr(page_en, "## EXAMPLES") - page_en), page_en,
		strstr(page_en, "## EXAMPLES"));
	struct help_doc *d = parse(p);
	check_int(seen.n[DIAG_SECTION_DUPLICATE], ==, 2);
	check(strstr(seen.msg[DIAG_SECTION_DUPLICATE], "DESCRIPTION") != NULL);
	check_int(d ? d->description.n : 0, ==, 2);
	check_int(d ? d->synopsis.n : 0, ==, 2);
	if (d && d->synopsis.n == 2)
		check_str(para_text(d, &d->synopsis.v[1]), "twice");
	check_int(d ? d->sections[HELP_SEC_DESCRIPTION].pos.line : 0, ==, 28);
	check(d && d->sections[HELP_SEC_EXAMPLES].present);
	help_doc_free(d);
	free(p);
}

/* ---------- SYNTAX ---------- */

TEST(syntax_sets_english)
{
	struct help_doc *d = parse(page_en);
	check_int(d ? d->nsyntax : 0, ==, 2);
	if (!d || d->nsyntax != 2)
		return;
	check_str(d->syntax[0].name, "ByName");
	check_str(d->syntax[0].heading, "ByName (Default)");
	check(d->syntax[0].is_default);
	check_str(d->syntax[0].command, "Get-Thing");
	check_int(d->syntax[0].nparams, ==, 2);
	check(d->syntax[0].common_parameters);
	check_str(d->syntax[1].name, "ById");
	check(!d->syntax[1].is_default);
	check_int(d->syntax[1].pos.line, ==, 25); /* the code, not the H3 */
	help_doc_free(d);

	d = parse("# Get-One\n\n## SYNOPSIS\nOne.\n\n## SYNTAX\n\n```\n"
		  "Get-One [<CommonParameters>]\n```\n\n## DESCRIPTION\n\nx\n");
	check_int(d ? d->nsyntax : 0, ==, 1);
	check(d && d->nsyntax && d->syntax[0].name == NULL &&
	      d->syntax[0].heading == NULL);
	check(d && d->nsyntax && !d->syntax[0].is_default);
	help_doc_free(d);
}

TEST(syntax_sets_translated)
{
	/* no source: "(norma)" is a marker since it is the first set; the
	 * translated name is found from the yaml sets' members */
	struct help_doc *d = parse(page_xx);
	check_int(d ? d->nsyntax : 0, ==, 2);
	if (d && d->nsyntax == 2) {
		check_str(d->syntax[0].heading, "Pernomo (norma)");
		check_str(d->syntax[0].name, "ByName");
		check(d->syntax[0].is_default);
		check_str(d->syntax[1].name, "ById");
		check(!d->syntax[1].is_default);
	}
	help_doc_free(d);

	/* with the source, by index */
	struct help_doc *en = parse(page_en);
	struct md_parse_options o = { .source = en };
	d = parse_opt(page_xx, strlen(page_xx), &o);
	if (d && d->nsyntax == 2) {
		check_str(d->syntax[0].name, "ByName");
		check(d->syntax[0].is_default);
		check_str(d->syntax[1].name, "ById");
	}
	help_doc_free(d);
	help_doc_free(en);
}

TEST(syntax_default_marker_rules)
{
	/* "Name (x)" after a first set: a marker only for a known name */
	const char *p =
		"# Get-Two\n\n## SYNOPSIS\nTwo.\n\n## SYNTAX\n\n"
		"### First\n\n```\nGet-Two -A <String> "
		"[<CommonParameters>]\n```\n\n"
		"### Second (andra)\n\n```\nGet-Two -B <String> "
		"[<CommonParameters>]\n```\n\n"
		"### Parameters (Parametrar)\n\n```\nGet-Two -C <String> "
		"[<CommonParameters>]\n```\n\n"
		"## PARAMETERS\n\n### -A\n\n" YAML(
			"System.String", "First", "True",
			"Named") "\n### -B\n\n" YAML("System.String", "Second",
						     "True",
						     "Named") "\n### "
							      "-C\n\n" YAML(
								      "Sy"
								      "st"
								      "em"
								      ".S"
								      "tr"
								      "in"
								      "g",
								      "Pa"
								      "ra"
								      "me"
								      "te"
								      "r"
								      "s",
								      "Tr"
								      "u"
								      "e",
								      "Na"
								      "me"
								      "d");
	struct help_doc *d = parse(p);
	check_int(d ? d->nsyntax : 0, ==, 3);
	if (d && d->nsyntax == 3) {
		check_str(d->syntax[1].name, "Second");
		check(d->syntax[1].is_default);
		check_str(d->syntax[2].name, "Parameters");
		check(!d->syntax[2].is_default); /* only one default */
		check(!d->syntax[0].is_default);
	}
	help_doc_free(d);
}

/* ---------- PARAMETERS ---------- */

TEST(parameters_english)
{
	struct help_doc *d = parse(page_en);
	check_int(d ? d->nparams : 0, ==, 3);
	if (!d || d->nparams != 3)
		return;
	const struct help_param *n = &d->params[2];
	check_str(n->name, "Name");
	check_str(n->heading, "-Name");
	check(n->has_metadata);
	check_str(n->type, "System.String[]");
	check_str(first_text(d, &n->description), "A name.");
	check_int(n->description.n, ==, 1);
	check_int(n->pos.line, ==, 82);
	check_int(n->metadata_pos.line, ==, 87);
	/* per-set Required */
	check_int(n->nrequired, ==, 2);
	if (n->nrequired == 2) {
		check_str(n->required[0].set, "ByName");
		check(n->required[0].required);
		check_str(n->required[1].set, "ById");
		check(!n->required[1].required);
	}
	check(d->params[0].is_switch);
	check(d->params[0].all_sets);
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 0);
	check_int(seen.n[DIAG_PARAM_NO_YAML], ==, 0);
	help_doc_free(d);
}

TEST(damaged_parameter_headings)
{
	struct help_doc *d = parse(page_xx);
	check_int(d ? d->nparams : 0, ==, 3);
	if (d && d->nparams == 3) {
		/* "– Forto": the only switch; "-ID": case; "-Nomo": by type */
		check_str(d->params[0].name, "Force");
		check_str(d->params[0].heading, "– Forto");
		check_str(d->params[1].name, "Id");
		check_str(d->params[2].name, "Name");
		check_str(d->params[2].heading, "-Nomo");
	}
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 0);
	help_doc_free(d);

	/* en dash, em dash, spaces inside the name */
	const char *p =
		"# Get-Arg\n\n## SYNTAX\n\n```\n"
		"Get-Arg [-ArgumentList <Object[]>] [-InputObject <PSObject>] "
		"[-Path <String>]\n```\n\n"
		"## PARAMETERS\n\n### – Argument List\n\n" YAML(
			"System.Object[]", "(All)", "False",
			"Named") "\n### —InputObject\n\n" YAML("System."
							       "Management."
							       "Automation."
							       "PSObject",
							       "(All)", "False",
							       "Named") "\n### "
									"-Fil "
									"Sök "
									"väg\n"
									"\n" YAML(
										"System.String",
										"(All)",
										"False",
										"Named");
	d = parse(p);
	check_int(d ? d->nparams : 0, ==, 3);
	if (d && d->nparams == 3) {
		check_str(d->params[0].name, "ArgumentList");
		check_str(d->params[1].name, "InputObject");
		check_str(d->params[2].name, "Path");
	}
	help_doc_free(d);
}

TEST(parameter_names_from_source_and_guessed)
{
	/* a parameter in no SYNTAX block: the source names it by index */
	const char *en_p =
		"# Enter-It\n\n## SYNTAX\n\n```\nEnter-It [-Port "
		"<Int32>]\n```\n\n"
		"## PARAMETERS\n\n### -Port\n\n" YAML(
			"System.Int32", "(All)", "False",
			"Named") "\n### -Subsystem\n\n" YAML("System.String",
							     "SSHHost", "False",
							     "Named");
	const char *sv_p =
		"# Enter-It\n\n## SYNTAX\n\n```\nEnter-It [-Port "
		"<Int32>]\n```\n\n"
		"## PARAMETRAR\n\n### -Port\n\n" YAML(
			"System.Int32", "(All)", "False",
			"Named") "\n### -Under system\n\n" YAML("System.String",
								"SSHHost",
								"False",
								"Named");
	struct help_doc *en = parse(en_p);
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 1);
	check(strstr(seen.msg[DIAG_PARAM_NAME_GUESSED], "'-Subsystem'") !=
	      NULL);
	check_str(en && en->nparams == 2 ? en->params[1].name : NULL,
		  "Subsystem");
	struct md_parse_options o = { .source = en };
	struct help_doc *sv = parse_opt(sv_p, strlen(sv_p), &o);
	check_str(sv && sv->nparams == 2 ? sv->params[1].name : NULL,
		  "Subsystem");
	check_str(sv && sv->nparams == 2 ? sv->params[1].heading : NULL,
		  "-Under system");
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 0);
	help_doc_free(sv);
	sv = parse(sv_p);
	check_str(sv && sv->nparams == 2 ? sv->params[1].name : NULL,
		  "Under system");
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 1);
	check_int(seen.line[DIAG_PARAM_NAME_GUESSED], ==, 25);
	help_doc_free(sv);
	help_doc_free(en);
}

TEST(parameter_types_with_accelerators)
{
	const char *p =
		"# Clear-It\n\n## SYNTAX\n\n```\n"
		"Clear-It [[-Id] <int[]>] [[-Count] <int>] [-Newest]\n```\n\n"
		"## PARAMETERS\n\n### -Antal\n\n" YAML(
			"System.Int32", "(All)", "False",
			"1") "\n### -ID\n\n" YAML("System.Int32[]", "(All)",
						  "False",
						  "0") "\n### – "
						       "Nyaste\n\n" YAML("Syste"
									 "m."
									 "Manag"
									 "ement"
									 ".Auto"
									 "matio"
									 "n."
									 "Switc"
									 "hPara"
									 "mete"
									 "r",
									 "(All"
									 ")",
									 "Fals"
									 "e",
									 "Name"
									 "d");
	struct help_doc *d = parse(p);
	check_str(param(d, "Count") ? "y" : NULL, "y");
	check_str(param(d, "Id") ? "y" : NULL, "y");
	check_str(param(d, "Newest") ? "y" : NULL, "y");
	check_int(seen.n[DIAG_PARAM_NAME_GUESSED], ==, 0);
	help_doc_free(d);
}

TEST(parameter_without_yaml_and_yml_info)
{
	const char *p =
		"# Get-Y\n\n## SYNTAX\n\n```\nGet-Y [-A <String>] [-B]\n```\n\n"
		"## PARAMETERS\n\n### -A\n\nNo metadata here.\n\n"
		"### -B\n\n```YML\nType: SwitchParameter\nParameter Sets: "
		"(All)\nAliases:\n\n"
		"Required: False\nPosition: Named\nDefault value: False\n"
		"Accept pipeline input: False\nAccept wildcard characters: "
		"False\n```\n";
	struct help_doc *d = parse(p);
	check_int(d ? d->nparams : 0, ==, 2);
	check_int(seen.n[DIAG_PARAM_NO_YAML], ==, 1);
	check_int(seen.line[DIAG_PARAM_NO_YAML], ==, 11);
	if (d && d->nparams == 2) {
		check(!d->params[0].has_metadata);
		check_str(d->params[0].name, "A");
		check(d->params[1].has_metadata);
		check(d->params[1].is_switch);
		check_int(d->params[1].description.n, ==, 0);
	}
	help_doc_free(d);
}

/* ---------- INPUTS / OUTPUTS ---------- */

TEST(type_names_repaired_or_from_source)
{
	struct help_doc *d = parse(page_xx);
	check_str(d && d->ninputs ? d->inputs[0].name : NULL, "System.String");
	check_str(d && d->ninputs ? d->inputs[0].heading : NULL,
		  "System. String");
	check_str(d && d->noutputs ? d->outputs[0].name : NULL,
		  "Sistemo.Objekto");
	help_doc_free(d);

	struct help_doc *en = parse(page_en);
	struct md_parse_options o = { .source = en };
	d = parse_opt(page_xx, strlen(page_xx), &o);
	check_str(d && d->noutputs ? d->outputs[0].name : NULL,
		  "System.Object");
	check_str(d && d->noutputs ? d->outputs[0].heading : NULL,
		  "Sistemo. Objekto");
	check_str(d && d->noutputs ? first_text(d, &d->outputs[0].description)
				   : NULL,
		  "Aĵoj.");
	help_doc_free(d);
	help_doc_free(en);
}

/* ---------- RELATED LINKS ---------- */

TEST(links_of_every_form)
{
	const char *p = "---\ntitle: Get-L\n---\n# Get-L\n\n## "
			"SYNOPSIS\nL.\n\n## RELATED LINKS\n\n"
			"[Get-Thing](Get-Thing.md)\n\n"
			"[Hämta – "
			"process](../Microsoft.PowerShell.Management/"
			"get-process.md)\n\n"
			"- [about_A](./About/about_A.md#anchor)\n"
			"- [about_B](about/about_B.md)\n\n"
			"[C](xref:Microsoft.PowerShell.Core.Get-Command)\n\n"
			"[online](https://example.org/x), "
			"[two](/dotnet/api/system.string)\n\n"
			"[nothing](notes.txt)\n";
	struct help_doc *d = parse(p);
	check_int(d ? d->nlinks : 0, ==, 8);
	if (!d || d->nlinks != 8) {
		help_doc_free(d);
		return;
	}
	check_int(d->links[0].kind, ==, HELP_LINK_COMMAND);
	check_str(d->links[0].topic, "Get-Thing");
	check_str(d->links[0].text, "Get-Thing");
	check_int(d->links[0].pos.line, ==, 11);
	check_int(d->links[0].pos.col, ==, 1);
	check_str(d->links[1].text, "Hämta – process");
	check_str(d->links[1].target,
		  "../Microsoft.PowerShell.Management/get-process.md");
	check_int(d->links[1].kind, ==, HELP_LINK_COMMAND);
	check_int(d->links[2].kind, ==, HELP_LINK_ABOUT);
	check_int(d->links[2].pos.line, ==, 15);
	check_int(d->links[2].pos.col, ==, 3);
	check_int(d->links[3].kind, ==, HELP_LINK_ABOUT);
	check_int(d->links[4].kind, ==, HELP_LINK_COMMAND);
	check_int(d->links[5].kind, ==, HELP_LINK_URL);
	check_int(d->links[6].pos.line, ==, 20);
	check_int(d->links[6].pos.col, ==, 34);
	check_int(d->links[7].kind, ==, HELP_LINK_UNRESOLVED);
	check_int(seen.n[DIAG_LINK_UNRESOLVED], ==, 1);
	check_int(seen.line[DIAG_LINK_UNRESOLVED], ==, 22);
	check(strstr(seen.msg[DIAG_LINK_UNRESOLVED], "notes.txt") != NULL);
	help_doc_free(d);
}

/* ---------- blocks ---------- */

static struct help_doc *
body_doc(const char *md)
{
	return parse_path(md, "About/about_Test.md");
}

/* The blocks of the one part of an About page without headings. */
static const struct help_blocks *
body_blocks(const struct help_doc *d)
{
	static const struct help_blocks none;
	return d && d->nparts ? &d->parts[0].body : &none;
}

TEST(alerts_of_every_kind)
{
	static const char *const kinds[] = { "NOTE", "tip", "Important",
					     "WARNING", "caution" };
	for (int k = 0; k < 5; k++) {
		char *md = xasprintf("> [!%s]\n> Body text\n> more.\n\nafter\n",
				     kinds[k]);
		struct help_doc *d = body_doc(md);
		const struct help_blocks *b = body_blocks(d);
		check_int(b->n, ==, 2);
		if (b->n == 2) {
			check_int(b->v[0].kind, ==, HELP_BLOCK_ALERT);
			check_int(b->v[0].u.alert.kind, ==, k);
			check_int(b->v[0].u.alert.body.n, ==, 1);
			check_str(first_text(d, &b->v[0].u.alert.body),
				  "Body text more.");
		}
		help_doc_free(d);
		free(md);
	}
	/* marker alone: empty body; not alone on its line: a quote */
	struct help_doc *d =
		body_doc("> [!NOTE]\n\n> [!NOTE] inline\n> x\n\n> plain\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 3);
	if (b->n == 3) {
		check_int(b->v[0].kind, ==, HELP_BLOCK_ALERT);
		check_int(b->v[0].u.alert.body.n, ==, 0);
		check_int(b->v[1].kind, ==, HELP_BLOCK_QUOTE);
		check_int(b->v[2].kind, ==, HELP_BLOCK_QUOTE);
		check_str(first_text(d, &b->v[2].u.quote), "plain");
	}
	help_doc_free(d);
}

TEST(tables)
{
	struct help_doc *d =
		body_doc("| Name | Value | R |\n|:-----|:----:|--:|\n"
			 "| a | `b` | **c** |\n| d |\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 1);
	if (b->n == 1 && b->v[0].kind == HELP_BLOCK_TABLE) {
		const struct help_table *t = &b->v[0].u.table;
		check_int(t->ncols, ==, 3);
		check_int(t->nrows, ==, 3);
		check_int(t->align[0], ==, HELP_ALIGN_LEFT);
		check_int(t->align[1], ==, HELP_ALIGN_CENTER);
		check_int(t->align[2], ==, HELP_ALIGN_RIGHT);
		check_str(help_inline_plain(d, &t->cells[0]), "Name");
		check_int(t->cells[4].n, ==, 1);
		check_int(t->cells[4].runs[0].kind, ==, HELP_RUN_CODE);
		check(t->cells[5].runs[0].flags & HELP_RUN_STRONG);
		check_str(help_inline_plain(d, &t->cells[6]), "d");
		check_int(t->cells[8].n, ==, 0);
	} else {
		check(!"not a table");
	}
	help_doc_free(d);
}

TEST(html_blocks_and_inline_html)
{
	struct help_doc *d = body_doc(
		"<div>\n<p>Hello <b>bold</b> &amp; "
		"more</p><p>next</p>\n</div>\n\n"
		"<!-- a comment -->\n\n"
		"Press <kbd>Ctrl</kbd>+<kbd>C</kbd><br>then<br/>stop.\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 2); /* the comment gives no block */
	if (b->n == 2) {
		check_int(b->v[0].kind, ==, HELP_BLOCK_HTML);
		check_str(para_text(d, &b->v[0]), "Hello bold & more next");
		check_int(b->v[0].u.para.runs[1].kind, ==, HELP_RUN_LINEBREAK);
		const struct help_inline *in = &b->v[1].u.para;
		check_str(help_inline_plain(d, in), "Press Ctrl+C then stop.");
		check_int(in->n, ==, 8);
		if (in->n == 8) {
			check_str(in->runs[1].text, "Ctrl");
			check(in->runs[1].flags & HELP_RUN_HTML);
			check(!(in->runs[2].flags & HELP_RUN_HTML));
			check_int(in->runs[4].kind, ==, HELP_RUN_LINEBREAK);
			check_int(in->runs[6].kind, ==, HELP_RUN_LINEBREAK);
		}
	}
	help_doc_free(d);
}

TEST(inline_runs)
{
	struct help_doc *d =
		body_doc("Plain *emph* **strong `code`** [link *x*](T.md)\n"
			 "next  \nhard\\\nend ![alt text](i.png) \\*kept\\*\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 1);
	if (b->n != 1) {
		help_doc_free(d);
		return;
	}
	const struct help_inline *in = &b->v[0].u.para;
	check_str(help_inline_plain(d, in), "Plain emph strong `code` link x "
					    "next hard end alt text *kept*");
	/* merged: "Plain " then "emph" ... */
	check_str(in->runs[0].text, "Plain ");
	check_int(in->runs[0].flags, ==, 0);
	check_str(in->runs[1].text, "emph");
	check_int(in->runs[1].flags, ==, HELP_RUN_EMPH);
	check_int(in->runs[3].flags, ==, HELP_RUN_STRONG);
	check_int(in->runs[4].kind, ==, HELP_RUN_CODE);
	check_str(in->runs[4].text, "code");
	check_int(in->runs[4].flags, ==, HELP_RUN_STRONG);
	check_str(in->runs[6].text, "link ");
	check_int(in->runs[6].flags, ==, HELP_RUN_LINK);
	check_str(in->runs[6].link, "T.md");
	check_int(in->runs[7].flags, ==, HELP_RUN_LINK | HELP_RUN_EMPH);
	check_int(in->runs[8].kind, ==, HELP_RUN_SOFTBREAK);
	check_int(in->runs[10].kind, ==, HELP_RUN_LINEBREAK);
	check_int(in->runs[12].kind, ==, HELP_RUN_LINEBREAK);
	check_str(in->runs[13].text, "end alt text *kept*");
	help_doc_free(d);
}

TEST(escape_sequences_stay_text)
{
	struct help_doc *d = body_doc(
		"a \x1b[31mred\x1b[0m `\x1b]0;t\x07` \\<b\\> &lt;x&gt; &#0;\n"
		"\n```\n\x1b[2J\n```\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 2);
	if (b->n == 2) {
		const struct help_inline *in = &b->v[0].u.para;
		check_str(in->runs[0].text, "a \x1b[31mred\x1b[0m ");
		check_str(in->runs[1].text, "\x1b]0;t\x07");
		check_str(in->runs[2].text, " <b> <x> \xef\xbf\xbd");
		check_str(b->v[1].u.code.text, "\x1b[2J\n");
	}
	help_doc_free(d);
}

/* Empty list items (machine translation leaves lone "-") are dropped. */
TEST(empty_list_items_are_dropped)
{
	static const char *const pages[] = {
		"# Get-A\n\n## SYNOPSIS\nA.\n\n## DESCRIPTION\n\n- ett\n-\n"
		"- två\n-   \n",
		"# Get-A\n\n## SYNOPSIS\nA.\n\n## DESCRIPTION\n\n1. 一つ\n2.\n"
		"3. 二つ\n",
		"# Get-A\n\n## SYNOPSIS\nA.\n\n## DESCRIPTION\n\nText.\n\n-\n-\n",
	};
	static const size_t want[] = { 2, 2, 0 };
	for (size_t k = 0; k < 3; k++) {
		struct help_doc *d = parse(pages[k]);
		check(d != NULL);
		if (d == NULL)
			continue;
		size_t items = 0, lists = 0;
		for (size_t i = 0; i < d->description.n; i++)
			if (d->description.v[i].kind == HELP_BLOCK_LIST) {
				lists++;
				items += d->description.v[i].u.list.nitems;
			}
		check_int(items, ==, want[k]);
		check_int(lists, ==, want[k] ? 1 : 0); /* no list at all */
		help_doc_free(d);
	}
}

TEST(lists_and_nesting)
{
	struct help_doc *d = body_doc("3. one\n4. two\n\n   - inner\n\n     "
				      "```\n     code\n     ```\n\n---\n");
	const struct help_blocks *b = body_blocks(d);
	check_int(b->n, ==, 2);
	if (b->n == 2) {
		check_int(b->v[0].kind, ==, HELP_BLOCK_LIST);
		check(b->v[0].u.list.ordered);
		check(!b->v[0].u.list.tight);
		check_int(b->v[0].u.list.start, ==, 3);
		check_int(b->v[0].u.list.nitems, ==, 2);
		const struct help_blocks *it = &b->v[0].u.list.items[1];
		check_int(it->n, ==, 2);
		if (it->n == 2) {
			check_int(it->v[1].kind, ==, HELP_BLOCK_LIST);
			const struct help_blocks *in =
				&it->v[1].u.list.items[0];
			check_int(in->n, ==, 2);
			check(in->n == 2 && in->v[1].kind == HELP_BLOCK_CODE &&
			      !in->v[1].u.code.unclosed);
		}
		check_int(b->v[1].kind, ==, HELP_BLOCK_RULE);
	}
	help_doc_free(d);
}

/* ---------- About topics ---------- */

TEST(about_parts)
{
	const char *p = "---\ntitle: about_Things\n---\n"
			"# <a name=\"about-things\"></a>Om saker\n\nIntro "
			"before any H2.\n\n"
			"## <a name=\"short-description\"></a>KORT "
			"BESKRIVNING\nDescribes things.\n\n"
			"## <a name=\"long-description\"></a>LÅNG "
			"BESKRIVNING\n\nLong.\n\n### Sub heading\n\nMore.\n\n"
			"## Extra\n\nOther.\n\n"
			"## <a name=\"see-also\"></a>SE ÄVEN\n\n- "
			"[about_X](about_X.md)\n";
	struct help_doc *d = parse(p);
	check_int(d ? (int)d->kind : -1, ==, HELP_DOC_ABOUT);
	check_int(d ? d->nparts : 0, ==, 5);
	if (!d || d->nparts != 5) {
		help_doc_free(d);
		return;
	}
	check_str(d->title, "Om saker");
	check_str(d->name, "about_Things");
	check(d->parts[0].heading == NULL);
	check_int(d->parts[0].kind, ==, HELP_ABOUT_OTHER);
	check_int(d->parts[0].pos.line, ==, 6);
	check_int(d->parts[1].kind, ==, HELP_ABOUT_SHORT_DESCRIPTION);
	check_str(d->parts[1].heading, "KORT BESKRIVNING");
	check_str(d->parts[1].anchor, "short-description");
	check_int(d->parts[2].kind, ==, HELP_ABOUT_LONG_DESCRIPTION);
	check_int(d->parts[2].body.n, ==, 3);
	check_int(d->parts[2].body.v[1].kind, ==, HELP_BLOCK_HEADING);
	check_int(d->parts[2].body.v[1].u.heading.level, ==, 3);
	check_int(d->parts[3].kind, ==, HELP_ABOUT_OTHER);
	check_int(d->parts[4].kind, ==, HELP_ABOUT_SEE_ALSO);
	check_str(d->parts[4].anchor, "see-also");
	check_str(first_text(d, &d->short_description), "Describes things.");
	help_doc_free(d);
}

TEST(about_intro_without_short_heading)
{
	/* no H2 says "short description": the text before the first H2 is
	 * the short description, and the first H2 is an ordinary part */
	const char *p = "# about_W\n\nW in one sentence.\n\n## "
			"Details\n\nOne.\n\nTwo.\n";
	struct help_doc *d = parse(p);
	check_int(d ? d->nparts : 0, ==, 2);
	if (d && d->nparts == 2) {
		check(d->parts[0].heading == NULL);
		check_int(d->parts[0].kind, ==, HELP_ABOUT_SHORT_DESCRIPTION);
		check_int(d->parts[1].kind, ==, HELP_ABOUT_OTHER);
		check_str(help_blocks_first_text(d, &d->short_description),
			  "W in one sentence.");
	}
	help_doc_free(d);
}

TEST(about_parts_by_position)
{
	/* no anchors and unknown words: first is short, a big second is
	 * long, a last part of links is see-also */
	const char *p =
		"# about_Y\n\n## Lyhyt\nY.\n\n## Pitkä\n\nOne.\n\nTwo.\n\n"
		"## Muu\n\nx\n\n## "
		"Katso\n\n[about_Z](about_Z.md)\n\n[Get-Z](xref:M.Get-Z)\n";
	struct help_doc *d = parse(p);
	check_int(d ? d->nparts : 0, ==, 4);
	if (d && d->nparts == 4) {
		check_int(d->parts[0].kind, ==, HELP_ABOUT_SHORT_DESCRIPTION);
		check_int(d->parts[1].kind, ==, HELP_ABOUT_LONG_DESCRIPTION);
		check_int(d->parts[2].kind, ==, HELP_ABOUT_OTHER);
		check_int(d->parts[3].kind, ==, HELP_ABOUT_SEE_ALSO);
	}
	help_doc_free(d);
}

/* ---------- positions and fences ---------- */

TEST(positions_count_the_front_matter)
{
	struct help_doc *d = parse_path("---\na: b\nc: d\n---\n\n# T\n\n## "
					"Short description\n\n  text\n",
					"about_T.md");
	check(d && d->nparts == 1);
	if (d && d->nparts == 1) {
		check_int(d->parts[0].pos.line, ==, 8);
		check_int(d->parts[0].body.v[0].pos.line, ==, 10);
		check_int(d->parts[0].body.v[0].pos.col, ==, 3);
	}
	help_doc_free(d);
	d = parse_path("# T\n\n## Short description\n\ntext\n", "about_T.md");
	check_int(d && d->nparts ? d->parts[0].pos.line : 0, ==, 3);
	help_doc_free(d);
}

static const struct help_block *
only_code(const struct help_doc *d, size_t i)
{
	const struct help_blocks *b = body_blocks(d);
	return i < b->n && b->v[i].kind == HELP_BLOCK_CODE ? &b->v[i] : NULL;
}

TEST(unclosed_fences)
{
	struct help_doc *d =
		body_doc("---\nx: y\n---\ntext\n\n```powershell\nnever "
			 "closed\n\n## Not a heading\n");
	const struct help_block *c = only_code(d, 1);
	check(c && c->u.code.unclosed);
	check_str(c ? c->u.code.text : NULL,
		  "never closed\n\n## Not a heading\n");
	check_int(seen.n[DIAG_FENCE_UNCLOSED], ==, 1);
	check_int(seen.line[DIAG_FENCE_UNCLOSED], ==, 6);
	help_doc_free(d);

	/* closed by a longer fence and inside containers: fine */
	d = body_doc(
		"````\na\n``````\n\n> ```\n> q\n> ```\n\n- ```\n  x\n  ```\n");
	check(only_code(d, 0) && !only_code(d, 0)->u.code.unclosed);
	check_int(seen.n[DIAG_FENCE_UNCLOSED], ==, 0);
	help_doc_free(d);

	/* runs to the end of its container */
	d = body_doc("> ```\n> q\n\nafter\n\n- ```\n  x\n- y\n");
	check_int(seen.n[DIAG_FENCE_UNCLOSED], ==, 2);
	help_doc_free(d);

	/* ```Output never closed before ```powershell (a real page) */
	d = body_doc("```Output\nName\n\n```powershell\nTest-It\n```\n\n```"
		     "Output\nTrue\n```\n");
	c = only_code(d, 0);
	check(c && c->u.code.unclosed);
	check(only_code(d, 1) && !only_code(d, 1)->u.code.unclosed);
	check_int(seen.n[DIAG_FENCE_UNCLOSED], ==, 0);
	check_int(seen.n[DIAG_FENCE_SWALLOWED], ==, 1);
	check_int(seen.line[DIAG_FENCE_SWALLOWED], ==, 1);
	help_doc_free(d);
}

/* ---------- hostile inputs ---------- */

TEST(invalid_utf8_and_nul)
{
	const char bad[] = "# T\n\nok line\nbad \xff here\n";
	check(parse_opt(bad, sizeof(bad) - 1, NULL) == NULL);
	check_int(seen.n[DIAG_UTF8_INVALID], ==, 1);
	check_int(seen.line[DIAG_UTF8_INVALID], ==, 4);
	check_int(seen.col[DIAG_UTF8_INVALID], ==, 5);
	const char trunc[] = "---\ntitle: x\xe2\x82\n---\n";
	check(parse_opt(trunc, sizeof(trunc) - 1, NULL) == NULL);
	check_int(seen.line[DIAG_UTF8_INVALID], ==, 2);
	const char sur[] = "x \xed\xa0\x80";
	check(parse_opt(sur, sizeof(sur) - 1, NULL) == NULL);
	check_int(seen.n[DIAG_UTF8_INVALID], ==, 1);
	const char nul[] = "# T\n\nab\0c\n";
	check(parse_opt(nul, sizeof(nul) - 1, NULL) == NULL);
	check_int(seen.n[DIAG_NUL_BYTE], ==, 1);
	check_int(seen.line[DIAG_NUL_BYTE], ==, 3);
	check_int(seen.col[DIAG_NUL_BYTE], ==, 3);
}

TEST(too_large)
{
	struct md_parse_options o = { .max_bytes = 10 };
	check(parse_opt("# 12345678901\n", 14, &o) == NULL);
	check_int(seen.n[DIAG_INPUT_TOO_LARGE], ==, 1);
	check(strstr(seen.msg[DIAG_INPUT_TOO_LARGE], "10") != NULL);
	struct help_doc *d = parse_opt("# 1234567\n", 10, &o);
	check(d != NULL);
	help_doc_free(d);
}

static char *
repeat(const char *unit, size_t n, const char *tail)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = xmalloc(u * n + t + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	memcpy(s + u * n, tail, t + 1);
	return s;
}

TEST(deep_nesting)
{
	static const char *const units[] = { "- ", "> ", "> - ", "1. " };
	for (int k = 0; k < 4; k++) {
		char *s = repeat(units[k], 10000, "deep\n");
		double t0 = now();
		check(parse(s) == NULL);
		check(now() - t0 < 10);
		check_int(seen.n[DIAG_NESTING_TOO_DEEP], ==, 1);
		check_int(seen.line[DIAG_NESTING_TOO_DEEP], ==, 1);
		free(s);
	}
	/* indented lists, 100 deep */
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (int i = 0; i < 100; i++) {
		strbuf_addchars(&sb, ' ', 2 * (size_t)i);
		strbuf_addstr(&sb, "- item\n");
	}
	check(parse(sb.buf) == NULL);
	check_int(seen.n[DIAG_NESTING_TOO_DEEP], ==, 1);
	strbuf_release(&sb);
	/* the limit itself is fine */
	struct md_parse_options o = { .max_depth = 4 };
	struct help_doc *d = parse_opt("> > - x\n", 8, &o);
	check(d != NULL);
	help_doc_free(d);
	check(parse_opt("> > - - x\n", 10, &o) == NULL);
}

TEST(ten_megabyte_line_is_fast)
{
	char *s = repeat("word ", 2100000, "\n");
	char *page = xasprintf("%s## DESCRIPTION\n\n%s\n", page_en, s);
	double t0 = now();
	struct help_doc *d = parse(page);
	double t = now() - t0;
	check(d != NULL);
	check(t < 10);
	check_int(d ? d->description.n : 0, ==, 2);
	if (d && d->description.n == 2)
		check_int(d->description.v[1].u.para.runs[0].len, ==,
			  5 * 2100000 - 1);
	help_doc_free(d);
	free(page);
	free(s);
	s = repeat("x", 10500000, "\n");
	d = parse(s);
	check(d != NULL);
	help_doc_free(d);
	free(s);
}

/* cmark's memory is bounded by the page's size: a page of a million
   one-letter paragraphs is refused, prose of the same size is read. */
TEST(dense_pages_are_refused_not_swapped)
{
	size_t n = 3 << 20;
	char *dense = repeat("a\n\n", n / 3, "");
	check(body_doc(dense) == NULL);
	check_int(seen.n[DIAG_INPUT_TOO_DENSE], ==, 1);
	check_str(seen.msg[DIAG_INPUT_TOO_DENSE],
		  "page has too many blocks for its size: parsing it would "
		  "take more than 62 MiB");
	free(dense);
	char *prose = repeat("Words of an ordinary paragraph, with some more "
			     "of them on a line.\n\n", n / 64, "");
	struct help_doc *d = body_doc(prose);
	check(d != NULL);
	check_int(seen.n[DIAG_INPUT_TOO_DENSE], ==, 0);
	help_doc_free(d);
	free(prose);
	/* a second parse after a refusal starts from a fresh pool */
	d = body_doc("after [input-too-dense], a page parses again\n");
	check(d != NULL);
	help_doc_free(d);
}

/* Inputs that take cmark-gfm 0.29.0.gfm.6 quadratic time. */
TEST(slow_parser_paths_are_bounded)
{
	/* a wide table over many rows: read without the table extension */
	char *rows = repeat("x\n", 5000, "");
	char *hdr = repeat("a|", 5000, "\n");
	char *dl = repeat("-|", 5000, "\n");
	char *page = xasprintf("|%s|%s%s", hdr, dl, rows);
	double t0 = now();
	struct help_doc *d = body_doc(page);
	check(d != NULL);
	check(now() - t0 < 10);
	check(body_blocks(d)->n >= 1 &&
	      body_blocks(d)->v[0].kind == HELP_BLOCK_PARA);
	help_doc_free(d);
	free(page);
	free(rows);
	free(hdr);
	free(dl);
	/* mismatched delimiter rows under a growing paragraph: quick, and
	   either read or refused as too dense for its size */
	page = repeat("a|b|c\n-|-\n", 50000, "");
	t0 = now();
	d = body_doc(page);
	check(d != NULL || seen.n[DIAG_INPUT_TOO_DENSE] == 1);
	check(now() - t0 < 10);
	help_doc_free(d);
	free(page);
	/* a normal table keeps the extension */
	d = body_doc("|a|b|\n|-|-|\n|1|2|\n");
	check(body_blocks(d)->n == 1 &&
	      body_blocks(d)->v[0].kind == HELP_BLOCK_TABLE);
	help_doc_free(d);
	/* unclosed inline constructs and image openers: rejected */
	static const char *const units[] = { "<![CDATA[", "<?", "![[]()" };
	for (int k = 0; k < 3; k++) {
		char *s = repeat(units[k], 200000, "\n");
		page = xasprintf("a %s", s);
		t0 = now();
		check(body_doc(page) == NULL);
		check(now() - t0 < 10);
		check_int(seen.n[DIAG_INPUT_TOO_COMPLEX], ==, 1);
		free(page);
		free(s);
	}
	/* many brackets and emphasis are fine */
	char *open = repeat("[", 50000, "x"),
	     *close = repeat("](", 20000, "\n");
	page = xasprintf("%s%s", open, close);
	d = body_doc(page);
	check(d != NULL);
	help_doc_free(d);
	free(page);
	free(open);
	free(close);
}

/* cmark's memory: zeroed, grown in place or copied, reused once freed. */
TEST(page_pool_serves_cmark)
{
	cmark_mem *mem = md_pool_begin();
	unsigned char *z = mem->calloc(10, 7);
	bool zero = true;
	for (int i = 0; i < 70; i++)
		zero &= z[i] == 0;
	check(zero);
	memset(z, 0xAB, 70);
	mem->free(z);
	/* the freed block is the next one of its size class */
	unsigned char *again = mem->calloc(1, 70);
	check(again == z);
	check_int(again[0] | again[69], ==, 0);

	/* growth keeps every byte, through the small classes to large */
	char *buf = NULL;
	size_t len = 0;
	bool kept = true;
	for (size_t want = 1; want <= 200000; want = want * 3 / 2 + 1) {
		buf = mem->realloc(buf, want);
		for (size_t i = 0; i < len; i++)
			kept &= buf[i] == (char)(i % 251);
		for (size_t i = len; i < want; i++)
			buf[i] = (char)(i % 251);
		len = want;
	}
	check(kept);
	mem->free(buf);

	/* a million temporaries take one block, not a million */
	void *first = mem->calloc(1, 100), *last = first;
	mem->free(first);
	for (int i = 0; i < 1000000; i++) {
		last = mem->calloc(1, 100);
		mem->free(last);
	}
	check(last == first);

	/* a pool inside another gives the outer one back when it ends */
	cmark_mem *inner = md_pool_begin();
	void *big = inner->calloc(1, 1 << 20);
	check(big != NULL);
	md_pool_end();
	void *after = mem->calloc(1, 100);
	check(after == first);
	md_pool_end(); /* frees what was not freed: ASan's leak check agrees */
}

TEST(no_front_matter_and_empty_input)
{
	struct help_doc *d = parse("");
	check(d != NULL);
	check(d && d->nfrontmatter == 0 && d->name && *d->name);
	help_doc_free(d);
	d = parse_opt(NULL, 0, NULL);
	check(d != NULL);
	help_doc_free(d);
	d = parse("# Get-Thing\n\n## SYNOPSIS\nx\n");
	check(d && d->nfrontmatter == 0 &&
	      d->sections[HELP_SEC_SYNOPSIS].present);
	check_int(d ? d->sections[HELP_SEC_SYNOPSIS].pos.line : 0, ==, 3);
	help_doc_free(d);
	check(parse("---\ntitle: x\nno end\n") == NULL);
	check_int(seen.n[DIAG_FRONTMATTER_UNCLOSED], ==, 1);
	d = md_parse("# x\n", 4, NULL, NULL); /* no diagnostics context */
	check(d != NULL);
	help_doc_free(d);
}

TEST(headings_only_and_odd_pages)
{
	struct help_doc *d =
		parse("# Get-Odd\n\n## ## ##\n### \n#### ####\n## \n");
	check(d != NULL);
	help_doc_free(d);
	d = parse("## SYNOPSIS\n\n## SYNOPSIS\n\n## SYNTAX\n### a\n### b\n## "
		  "PARAMETERS\n### -X\n");
	check(d != NULL);
	check_int(seen.n[DIAG_SECTION_DUPLICATE], ==, 1);
	help_doc_free(d);
}

TEST(read_file)
{
	char path[] = "/tmp/test_md_parse_XXXXXX";
	int fd = mkstemp(path);
	check(fd >= 0);
	if (fd < 0)
		return;
	check(write(fd, page_en, strlen(page_en)) == (ssize_t)strlen(page_en));
	close(fd);
	struct diag_ctx dx;
	diag_init(&dx, path);
	dx.sink = sink;
	memset(&seen, 0, sizeof(seen));
	struct help_doc *d = md_parse_file(path, NULL, &dx);
	check(d != NULL);
	check_str(d ? d->path : NULL, path);
	check_int(d ? d->nparams : 0, ==, 3);
	help_doc_free(d);
	struct md_parse_options o = { .max_bytes = 100 };
	check(md_parse_file(path, &o, &dx) == NULL);
	check_int(seen.n[DIAG_INPUT_TOO_LARGE], ==, 1);
	unlink(path);
	check(md_parse_file(path, NULL, &dx) == NULL);
	check_int(seen.n[DIAG_READ_FAILED], ==, 1);
	check(md_parse_file("/", NULL, &dx) == NULL);
	check_int(seen.n[DIAG_READ_FAILED], ==, 2);
}

int
main(void)
{
	RUN(fields_from_front_matter_and_path);
	RUN(name_prefers_file_stem_then_title_then_h1);
	RUN(locale_rules);
	RUN(aliases_and_module_from_folder);
	RUN(kind_detection);
	RUN(english_page_sections);
	RUN(translated_headings_in_an_unknown_language);
	RUN(translated_aliases_part);
	RUN(missing_sections_do_not_shift_the_rest);
	RUN(unknown_heading_goes_to_the_previous_section);
	RUN(english_section_out_of_order);
	RUN(duplicate_sections_are_appended);
	RUN(syntax_sets_english);
	RUN(syntax_sets_translated);
	RUN(syntax_default_marker_rules);
	RUN(parameters_english);
	RUN(damaged_parameter_headings);
	RUN(parameter_names_from_source_and_guessed);
	RUN(parameter_types_with_accelerators);
	RUN(parameter_without_yaml_and_yml_info);
	RUN(type_names_repaired_or_from_source);
	RUN(links_of_every_form);
	RUN(alerts_of_every_kind);
	RUN(tables);
	RUN(html_blocks_and_inline_html);
	RUN(inline_runs);
	RUN(escape_sequences_stay_text);
	RUN(empty_list_items_are_dropped);
	RUN(lists_and_nesting);
	RUN(about_parts);
	RUN(about_intro_without_short_heading);
	RUN(about_parts_by_position);
	RUN(positions_count_the_front_matter);
	RUN(unclosed_fences);
	RUN(invalid_utf8_and_nul);
	RUN(too_large);
	RUN(deep_nesting);
	RUN(ten_megabyte_line_is_fast);
	RUN(dense_pages_are_refused_not_swapped);
	RUN(slow_parser_paths_are_bounded);
	RUN(page_pool_serves_cmark);
	RUN(no_front_matter_and_empty_input);
	RUN(headings_only_and_odd_pages);
	RUN(read_file);
	return tap_done();
}
