/* SPDX-License-Identifier: MIT */
/*
 * The runtime's own help pages (help/en-US) against the runtime's
 * metadata (src/meta): every command has a page that parses cleanly, and
 * the page's SYNTAX sets, SYNTAX lines, parameter list and parameter yaml
 * blocks say what the command tables say.  A validator in miniature: each
 * mismatch is reported as "page: where: field: expected 'x', got 'y'".
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md_parse.h"
#include "meta.h"
#include "meta_help.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

#define MAX_DIAGS 64

/* ---------- reporting ---------- */

static struct {
	bool quiet; /* count mismatches without failing (self-tests) */
	unsigned n;
	const char *find; /* self-tests: a text some message must contain */
	bool found;
	char last[512];
} rep;

static void
mismatch(const char *page, const char *where, const char *field,
	 const char *want, const char *got)
{
	rep.n++;
	snprintf(rep.last, sizeof(rep.last),
		 "%s: %s: %s: expected '%s', got '%s'", page, where, field,
		 want ? want : "(none)", got ? got : "(none)");
	if (rep.find && strstr(rep.last, rep.find))
		rep.found = true;
	if (!rep.quiet) {
		tap_cur_failed = 1;
		printf("# %s\n", rep.last);
	}
}

static void
expect_str(const char *page, const char *where, const char *field,
	   const char *want, const char *got)
{
	if ((want == NULL) != (got == NULL) || (want && strcmp(want, got) != 0))
		mismatch(page, where, field, want, got);
}

static void
expect_bool(const char *page, const char *where, const char *field, bool want,
	    bool got)
{
	if (want != got)
		mismatch(page, where, field, want ? "True" : "False",
			 got ? "True" : "False");
}

/* ---------- lists ---------- */

static size_t
list_len(const char *const *l)
{
	size_t n = 0;
	while (l && l[n])
		n++;
	return n;
}

static bool
in_list(const char *s, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return true;
	return false;
}

/* "a, b, c" of a NULL-terminated list or of v[0..n) (caller frees). */
static char *
join(const char *const *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", v[i]);
	return strbuf_detach(&sb, NULL);
}

/* The same strings, in any order (aliases, sets, accepted values). */
static void
expect_list(const char *page, const char *where, const char *field,
	    const char *const *want, const char **got, size_t ngot)
{
	size_t nwant = list_len(want);
	bool same = nwant == ngot;
	for (size_t i = 0; same && i < ngot; i++)
		same = in_list(got[i], want, nwant) &&
		       in_list(want[i], (const char *const *)got, ngot);
	if (!same) {
		char *w = join(want, nwant);
		char *g = join((const char *const *)got, ngot);
		mismatch(page, where, field, w, g);
		free(w);
		free(g);
	}
}

/* ---------- pages ---------- */

struct seen_diag {
	enum diag_id id;
	enum diag_level level;
	uint32_t line;
	char msg[200];
};

static struct {
	struct seen_diag v[MAX_DIAGS];
	size_t n;
} diags;

static void
sink(void *cookie, const struct diag *d)
{
	(void)cookie;
	if (diags.n == MAX_DIAGS)
		return;
	struct seen_diag *s = &diags.v[diags.n++];
	s->id = d->id;
	s->level = d->level;
	s->line = d->line;
	snprintf(s->msg, sizeof(s->msg), "%s", d->message);
}

static char *
help_dir(void)
{
	const char *src = getenv("PSHELP_TEST_SRCDIR");
	return src ? xasprintf("%s/../help/en-US", src) : xstrdup("help/en-US");
}

/* Parses text (or the file when text is NULL); diagnostics go to diags. */
static struct help_doc *
parse_page(const char *path, const char *text)
{
	struct md_parse_options o = { .path = path, .culture = "en-US" };
	struct diag_ctx dx;

	diag_init(&dx, path);
	dx.sink = sink;
	diags.n = 0;
	return text ? md_parse(text, strlen(text), &o, &dx)
		    : md_parse_file(path, &o, &dx);
}

static struct help_doc *
load_command_page(const struct meta_command *c)
{
	char *dir = help_dir();
	char *path = xasprintf("%s/%s.md", dir, c->name);
	struct help_doc *doc = parse_page(path, NULL);
	free(path);
	free(dir);
	return doc;
}

/* ---------- metadata helpers ---------- */

static const struct meta_param *
meta_param(const struct meta_command *c, const char *name)
{
	size_t nsp;
	const struct meta_param *sp = meta_should_process_params(&nsp);

	for (size_t i = 0; i < c->nparams; i++)
		if (strcmp(c->params[i].name, name) == 0)
			return &c->params[i];
	for (size_t i = 0; c->should_process && i < nsp; i++)
		if (strcmp(sp[i].name, name) == 0)
			return &sp[i];
	return NULL;
}

static const struct help_param *
page_param(const struct help_doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->nparams; i++)
		if (doc->params[i].name &&
		    strcmp(doc->params[i].name, name) == 0)
			return &doc->params[i];
	return NULL;
}

/* platyPS shows one position per parameter: its first positional one. */
static const char *
meta_position(const struct meta_param *p, char buf[16])
{
	for (size_t i = 0; i < p->nsets; i++) {
		if (p->sets[i].position != META_POSITION_NAMED) {
			snprintf(buf, 16, "%d", p->sets[i].position);
			return buf;
		}
	}
	return "Named";
}

static unsigned
meta_pipeline(const struct meta_param *p)
{
	unsigned bits = 0;
	for (size_t i = 0; i < p->nsets; i++) {
		unsigned b = p->sets[i].pipeline;
		bits |= (b & HELP_PIPE_BY_VALUE ? HELP_PIPE_BY_VALUE : 0) |
			(b & HELP_PIPE_BY_PROPERTY_NAME
				 ? HELP_PIPE_BY_PROPERTY_NAME
				 : 0) |
			(b & HELP_PIPE_FROM_REMAINING ? HELP_PIPE_FROM_REMAINING
						      : 0);
	}
	return bits;
}

static const char *
pipeline_name(unsigned bits)
{
	static const char *const names[] = {
		"False",
		"ByValue",
		"ByPropertyName",
		"ByPropertyName, ByValue",
		"FromRemainingArguments",
		"ByValue, FromRemainingArguments",
		"ByPropertyName, FromRemainingArguments",
		"ByPropertyName, ByValue, FromRemainingArguments",
	};
	return names[bits & 7];
}

/* Required? of p in set as the page says it; *known false if unsaid. */
static bool
page_required(const struct help_param *p, const char *set, bool *known)
{
	*known = true;
	for (size_t i = 0; i < p->nrequired; i++)
		if (p->required[i].set == NULL ||
		    strcmp(p->required[i].set, set) == 0)
			return p->required[i].required;
	*known = false;
	return false;
}

/* "System.String[]" -> "String[]", as SYNTAX lines write types. */
static const char *
short_type(const char *full)
{
	const char *dot = strrchr(full, '.');
	return dot ? dot + 1 : full;
}

/* ---------- the checks ---------- */

static void
check_diagnostics(const char *page, const struct meta_command *c,
		  const struct help_doc *doc)
{
	for (size_t i = 0; i < diags.n; i++) {
		const struct seen_diag *d = &diags.v[i];
		if (d->level < DIAGL_WARNING)
			continue;
		/*
		 * A parameter in no parameter set appears in no SYNTAX line,
		 * so its heading cannot be matched there: the parser's guess
		 * is expected then, and only then.
		 */
		const struct help_param *hp = NULL;
		for (size_t k = 0; doc && k < doc->nparams; k++)
			if (doc->params[k].pos.line == d->line)
				hp = &doc->params[k];
		const struct meta_param *mp =
			c && hp ? meta_param(c, hp->name) : NULL;
		if (d->id == DIAG_PARAM_NAME_GUESSED && mp && mp->nsets == 0)
			continue;
		char where[32];
		snprintf(where, sizeof(where), "line %u", (unsigned)d->line);
		mismatch(page, where, diag_slug(d->id), "no diagnostic",
			 d->msg);
	}
}

/* Every section of a platyPS command page is there, SYNOPSIS not empty. */
static void
check_sections(const char *page, const struct help_doc *doc)
{
	for (int i = 0; i < HELP_SEC__COUNT; i++) {
		const char *name = help_section_name((enum help_section)i);
		/* An English page names each section, none is guessed. */
		if (!doc->sections[i].present)
			mismatch(page, "page", "section", name, NULL);
		else
			expect_str(page, name, "## heading", name,
				   doc->sections[i].heading);
	}
	if (doc->synopsis.n == 0)
		mismatch(page, "SYNOPSIS", "text", "a sentence", NULL);
}

static void
check_front_matter(const char *page, const struct meta_command *c,
		   const struct help_doc *doc)
{
	check_sections(page, doc);
	expect_str(page, "page", "name", c->name, doc->name);
	expect_str(page, "front matter", "Module Name", "psh", doc->module);
	expect_list(page, "front matter", "aliases", c->aliases, doc->aliases,
		    doc->naliases);
	expect_bool(page, "PARAMETERS", "CommonParameters",
		    c->common_parameters, doc->common_parameters);
}

static void
check_syntax_sets(const char *page, const struct meta_command *c,
		  const struct help_doc *doc)
{
	size_t n = list_len(c->sets);
	char want[32], got[32];

	if (n == 0) {
		/* One unnamed set: a single SYNTAX block without an H3. */
		snprintf(got, sizeof(got), "%zu", doc->nsyntax);
		if (doc->nsyntax != 1)
			mismatch(page, "SYNTAX", "number of sets", "1", got);
		else
			expect_str(page, "SYNTAX", "set heading", NULL,
				   doc->syntax[0].heading);
		return;
	}
	if (doc->nsyntax != n) {
		snprintf(want, sizeof(want), "%zu", n);
		snprintf(got, sizeof(got), "%zu", doc->nsyntax);
		mismatch(page, "SYNTAX", "number of sets", want, got);
	}
	for (size_t i = 0; i < n && i < doc->nsyntax; i++) {
		const struct help_syntax_set *s = &doc->syntax[i];
		snprintf(want, sizeof(want), "set %zu", i + 1);
		expect_str(page, want, "name", c->sets[i], s->name);
		expect_bool(page, c->sets[i], "(Default)",
			    c->default_set &&
				    strcmp(c->sets[i], c->default_set) == 0,
			    s->is_default);
	}
}

/* One parameter of a SYNTAX line against its membership in the set. */
static void
check_syntax_param(const char *page, const char *where,
		   const struct meta_param *p, const struct meta_param_set *m,
		   const struct help_syntax_param *sp)
{
	bool sw = p->type == META_TYPE_SWITCH;
	char field[96];

	snprintf(field, sizeof(field), "-%s required", p->name);
	expect_bool(page, where, field, m->mandatory, sp->required);
	snprintf(field, sizeof(field), "-%s positional", p->name);
	expect_bool(page, where, field, m->position != META_POSITION_NAMED,
		    sp->positional);
	snprintf(field, sizeof(field), "-%s type", p->name);
	expect_str(page, where, field, sw ? NULL : short_type(p->type_name),
		   sp->type);
}

/* How many parameters the SYNTAX line of set (NULL: the only one) has. */
static size_t
set_size(const struct meta_command *c, const char *set)
{
	size_t n = 0, nsp = 0;

	if (c->should_process)
		meta_should_process_params(&nsp);
	for (size_t i = 0; i < c->nparams; i++)
		n += meta_param_in_set(&c->params[i], set) != NULL;
	return n + nsp;
}

/* A SYNTAX line names exactly the parameters of its set. */
static void
check_syntax_line(const char *page, const struct meta_command *c,
		  const struct help_syntax_set *s, const char *set)
{
	const char *where = set ? set : "SYNTAX";
	size_t members = 0;

	expect_str(page, where, "command", c->name, s->command);
	expect_bool(page, where, "[<CommonParameters>]", c->common_parameters,
		    s->common_parameters);
	for (size_t i = 0; i < s->nparams; i++) {
		const struct help_syntax_param *sp = &s->params[i];
		const struct meta_param *p = meta_param(c, sp->name);
		const struct meta_param_set *m =
			p ? meta_param_in_set(p, set) : NULL;
		if (m == NULL) {
			mismatch(page, where, "parameter", "not in this set",
				 sp->name);
			continue;
		}
		members++;
		check_syntax_param(page, where, p, m, sp);
	}
	size_t want = set_size(c, set);
	if (members != want) {
		char w[16], g[16];
		snprintf(w, sizeof(w), "%zu", want);
		snprintf(g, sizeof(g), "%zu", members);
		mismatch(page, where, "number of parameters", w, g);
	}
}

static void
check_syntax_lines(const char *page, const struct meta_command *c,
		   const struct help_doc *doc)
{
	size_t n = list_len(c->sets);

	if (n == 0 && doc->nsyntax == 1)
		check_syntax_line(page, c, &doc->syntax[0], NULL);
	for (size_t i = 0; i < n && i < doc->nsyntax; i++)
		check_syntax_line(page, c, &doc->syntax[i], c->sets[i]);
}

/* Every parameter is documented, and nothing else is. */
static void
check_param_list(const char *page, const struct meta_command *c,
		 const struct help_doc *doc)
{
	size_t nsp;
	const struct meta_param *sp = meta_should_process_params(&nsp);

	for (size_t i = 0; i < c->nparams; i++)
		if (!page_param(doc, c->params[i].name))
			mismatch(page, c->params[i].name, "### heading",
				 "documented", NULL);
	for (size_t i = 0; c->should_process && i < nsp; i++)
		if (!page_param(doc, sp[i].name))
			mismatch(page, sp[i].name, "### heading", "documented",
				 NULL);
	for (size_t i = 0; i < doc->nparams; i++) {
		const struct help_param *hp = &doc->params[i];
		/* The parser repairs damaged headings by type; ours must not
		   need that. */
		char *want = xasprintf("-%s", hp->name);
		expect_str(page, hp->name, "### heading", want, hp->heading);
		free(want);
		if (!meta_param(c, hp->name))
			mismatch(page, hp->name, "### heading",
				 "no such parameter", "documented");
	}
}

static void
check_param_sets(const char *page, const struct meta_param *p,
		 const struct help_param *hp)
{
	bool all = p->nsets == 1 && strcmp(p->sets[0].set, HELP_ALL_SETS) == 0;
	const char *names[64];
	size_t n = 0;

	for (size_t i = 0; !all && i < p->nsets && n < 63; i++)
		names[n++] = p->sets[i].set;
	names[n] = NULL;
	expect_bool(page, p->name, "Parameter Sets (All)", all, hp->all_sets);
	if (!all)
		expect_list(page, p->name, "Parameter Sets", names, hp->sets,
			    hp->nsets);
}

static void
check_param_required(const char *page, const struct meta_param *p,
		     const struct help_param *hp)
{
	char field[96];
	bool known;

	for (size_t i = 0; i < p->nsets; i++) {
		const struct meta_param_set *m = &p->sets[i];
		bool got = page_required(hp, m->set, &known);
		snprintf(field, sizeof(field), "Required (%s)", m->set);
		if (!known)
			mismatch(page, p->name, field,
				 m->mandatory ? "True" : "False", NULL);
		else
			expect_bool(page, p->name, field, m->mandatory, got);
	}
	for (size_t i = 0; p->nsets == 0 && i < hp->nrequired; i++)
		expect_bool(page, p->name, "Required", false,
			    hp->required[i].required);
}

static void
check_param_yaml(const char *page, const struct meta_param *p,
		 const struct help_param *hp)
{
	char buf[16];

	if (!hp->has_metadata) {
		mismatch(page, p->name, "yaml block", "present", NULL);
		return;
	}
	expect_str(page, p->name, "Type", p->type_name, hp->type);
	expect_bool(page, p->name, "switch", p->type == META_TYPE_SWITCH,
		    hp->is_switch);
	check_param_sets(page, p, hp);
	expect_list(page, p->name, "Aliases", p->aliases, hp->aliases,
		    hp->naliases);
	expect_list(page, p->name, "Accepted values", p->accepted_values,
		    hp->accepted_values, hp->naccepted);
	check_param_required(page, p, hp);
	expect_str(page, p->name, "Position", meta_position(p, buf),
		   hp->position);
	expect_str(page, p->name, "Default value",
		   p->default_value ? p->default_value : "None",
		   hp->default_value);
	unsigned want = meta_pipeline(p);
	if (want != hp->pipeline)
		mismatch(page, p->name, "Accept pipeline input",
			 pipeline_name(want), pipeline_name(hp->pipeline));
	expect_bool(page, p->name, "Accept wildcard characters", p->wildcards,
		    hp->wildcards);
}

static void
check_params(const char *page, const struct meta_command *c,
	     const struct help_doc *doc)
{
	check_param_list(page, c, doc);
	for (size_t i = 0; i < doc->nparams; i++) {
		const struct meta_param *p = meta_param(c, doc->params[i].name);
		if (p)
			check_param_yaml(page, p, &doc->params[i]);
	}
}

/* Every check of one page; returns the number of mismatches. */
static unsigned
check_page(const char *page, const struct meta_command *c, struct help_doc *doc)
{
	unsigned before = rep.n;

	if (doc == NULL) {
		mismatch(page, "page", "parse", "a document", NULL);
		return rep.n - before;
	}
	check_diagnostics(page, c, doc);
	if (doc->kind != HELP_DOC_COMMAND)
		mismatch(page, "page", "kind", "command page", "other");
	check_front_matter(page, c, doc);
	check_syntax_sets(page, c, doc);
	check_syntax_lines(page, c, doc);
	check_params(page, c, doc);
	return rep.n - before;
}

/* ---------- tests ---------- */

TEST(every_command_has_a_page)
{
	size_t n;
	const struct meta_command *const *v = meta_commands(&n);

	for (size_t i = 0; i < n; i++) {
		struct help_doc *doc = load_command_page(v[i]);
		char *page = xasprintf("%s.md", v[i]->name);
		if (doc == NULL)
			mismatch(page, "page", "file", "a readable page", NULL);
		else if (help_doc_check(doc))
			mismatch(page, "page", "model invariant", "none",
				 help_doc_check(doc));
		help_doc_free(doc);
		free(page);
	}
}

/* A page in help/en-US: a command page, or an about_ topic. */
static void
check_any_page(const char *dir, const char *file)
{
	char *path = xasprintf("%s/%s", dir, file);
	char *stem = xstrndup(file, strlen(file) - 3);
	const struct meta_command *c = meta_command_find(stem);
	struct help_doc *doc = parse_page(path, NULL);

	if (c && strcmp(c->name, stem) == 0) {
		check_diagnostics(file, c, doc);
	} else if (strncmp(stem, "about_", 6) == 0) {
		check_diagnostics(file, NULL, doc);
		if (doc && doc->kind != HELP_DOC_ABOUT)
			mismatch(file, "page", "kind", "about topic", "other");
	} else {
		mismatch(file, "page", "name", "a command or about_ topic",
			 stem);
	}
	if (doc == NULL)
		mismatch(file, "page", "parse", "a document", NULL);
	help_doc_free(doc);
	free(stem);
	free(path);
}

TEST(pages_parse_cleanly)
{
	char *dir = help_dir();
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t pages = 0;

	check(d != NULL);
	while (d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 3 || strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		check_any_page(dir, e->d_name);
		pages++;
	}
	if (d)
		closedir(d);
	size_t n;
	meta_commands(&n);
	check_int(pages, >=, n);
	free(dir);
}

/* Runs one group of checks over every command page. */
static void
each_page(void (*fn)(const char *, const struct meta_command *,
		     const struct help_doc *))
{
	size_t n;
	const struct meta_command *const *v = meta_commands(&n);

	for (size_t i = 0; i < n; i++) {
		struct help_doc *doc = load_command_page(v[i]);
		char *page = xasprintf("%s.md", v[i]->name);
		if (doc)
			fn(page, v[i], doc);
		help_doc_free(doc);
		free(page);
	}
}

TEST(front_matter_and_name)
{
	each_page(check_front_matter);
}

TEST(syntax_sets_match)
{
	each_page(check_syntax_sets);
}

TEST(syntax_lines_match)
{
	each_page(check_syntax_lines);
}

TEST(parameters_match)
{
	each_page(check_params);
}

/* ---------- help from metadata (meta_help.h) ---------- */

/* The page's SYNTAX block of set (NULL: the only one), or NULL. */
static const struct help_syntax_set *
page_syntax(const struct help_doc *doc, const char *set)
{
	for (size_t i = 0; i < doc->nsyntax; i++) {
		const char *name = doc->syntax[i].name;
		if (set == NULL ? doc->nsyntax == 1
				: name && strcmp(name, set) == 0)
			return &doc->syntax[i];
	}
	return NULL;
}

/* meta_syntax() writes each SYNTAX line exactly as the page has it. */
static void
check_meta_syntax(const char *page, const struct meta_command *c,
		  const struct help_doc *doc)
{
	size_t n;
	struct meta_syntax_line *lines =
		meta_syntax(c, META_SYNTAX_PLATYPS, &n);
	size_t nsets = list_len(c->sets);

	if (n != (nsets ? nsets : 1))
		mismatch(page, "SYNTAX", "meta_syntax lines", "one per set",
			 "another number");
	for (size_t i = 0; i < n; i++) {
		bool unnamed = strcmp(lines[i].set, HELP_ALL_SETS) == 0;
		const struct help_syntax_set *s =
			page_syntax(doc, unnamed ? NULL : lines[i].set);
		expect_str(page, lines[i].set, "meta_syntax",
			   s ? s->text : NULL, lines[i].text);
		expect_bool(page, lines[i].set, "meta_syntax default",
			    s && s->is_default, lines[i].is_default);
	}
	/* PowerShell's order: the default set comes first. */
	if (c->default_set && n)
		expect_str(page, "SYNTAX", "first set", c->default_set,
			   lines[0].set);
	meta_syntax_free(lines, n);
}

TEST(meta_syntax_matches_pages)
{
	each_page(check_meta_syntax);
}

/* Get-Help's style writes accelerator names in lower case. */
TEST(meta_syntax_get_help_style)
{
	const struct meta_command *c = meta_command_find("Remove-PSSession");
	size_t n;
	struct meta_syntax_line *v = meta_syntax(c, META_SYNTAX_GET_HELP, &n);

	check_int(n, ==, list_len(c->sets));
	check_str(v[0].set, "Id");
	check(v[0].is_default);
	check_str(v[0].text, "Remove-PSSession [-Id] <int[]> [-WhatIf] "
			     "[-Confirm] [<CommonParameters>]");
	meta_syntax_free(v, n);
	c = meta_command_find("Write-Output");
	v = meta_syntax(c, META_SYNTAX_GET_HELP, &n);
	check_int(n, ==, 1);
	check_str(v[0].set, HELP_ALL_SETS);
	check_str(v[0].text, "Write-Output [-InputObject] <PSObject[]> "
			     "[-NoEnumerate] [<CommonParameters>]");
	meta_syntax_free(v, n);
}

/* The model from metadata passes the page checks that metadata can. */
static void
check_meta_doc(const char *page, const struct meta_command *c,
	       const struct help_doc *from_page)
{
	struct help_doc *doc = meta_help_doc(c);
	const char *broken = help_doc_check(doc);

	if (broken)
		mismatch(page, "meta_help_doc", "model invariant", "none",
			 broken);
	expect_str(page, "meta_help_doc", "name", c->name, doc->name);
	expect_list(page, "meta_help_doc", "aliases", c->aliases, doc->aliases,
		    doc->naliases);
	expect_bool(page, "meta_help_doc", "CommonParameters",
		    c->common_parameters, doc->common_parameters);
	check_syntax_sets(page, c, doc);
	check_syntax_lines(page, c, doc);
	check_params(page, c, doc);
	/* The SYNTAX texts and parameter order agree with the page too. */
	for (size_t i = 0; i < doc->nsyntax && i < from_page->nsyntax; i++)
		expect_str(page, "meta_help_doc", "SYNTAX text",
			   from_page->syntax[i].text, doc->syntax[i].text);
	for (size_t i = 0; i < doc->nparams && i < from_page->nparams; i++)
		expect_str(page, "meta_help_doc", "parameter order",
			   from_page->params[i].name, doc->params[i].name);
	const char *synopsis = help_blocks_first_text(doc, &doc->synopsis);
	expect_str(page, "meta_help_doc", "synopsis", c->synopsis, synopsis);
	help_doc_free(doc);
}

TEST(meta_help_doc_matches_pages)
{
	each_page(check_meta_doc);
}

/* ---------- the checker finds what it should ---------- */

static char *
read_page(const char *name)
{
	char *dir = help_dir();
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	free(path);
	free(dir);
	if (f == NULL)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, NULL);
}

/* text with the first `from` replaced by `to` (caller frees), or NULL. */
static char *
replace_first(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (!at)
		return NULL;
	return xasprintf("%.*s%s%s", (int)(at - text), text, to,
			 at + strlen(from));
}

/* Checks a mutated page quietly; some mismatch must mention field. */
static void
expect_caught(const char *text, const char *from, const char *to,
	      const char *field)
{
	const struct meta_command *c = meta_command_find("Remove-PSSession");
	char *bad = replace_first(text, from, to);

	check(bad != NULL);
	if (!bad)
		return;
	struct help_doc *doc = parse_page("Remove-PSSession.md", bad);
	rep.quiet = true;
	rep.find = field;
	rep.found = false;
	unsigned n = check_page("Remove-PSSession.md", c, doc);
	rep.quiet = false;
	rep.find = NULL;
	if (n == 0 || !rep.found) {
		printf("# mutation '%s' -> '%s': %u mismatches, none about "
		       "'%s'\n",
		       from, to, n, field);
		tap_cur_failed = 1;
	}
	help_doc_free(doc);
	free(bad);
}

TEST(checker_catches_mismatches)
{
	char *text = read_page("Remove-PSSession.md");
	const struct meta_command *c = meta_command_find("Remove-PSSession");

	check(text != NULL && c != NULL);
	if (!text || !c)
		return;
	struct help_doc *doc = parse_page("Remove-PSSession.md", text);
	rep.quiet = true;
	check_int(check_page("Remove-PSSession.md", c, doc), ==, 0);
	rep.quiet = false;
	help_doc_free(doc);

	expect_caught(text, "Position: 0", "Position: 3", "Position");
	expect_caught(text, "  - rsn\n", "  - rmsn\n", "aliases");
	expect_caught(text, "### Id (Default)", "### Id", "(Default)");
	expect_caught(text, "Remove-PSSession [-Id] <Int32[]>",
		      "Remove-PSSession -Id <Int32[]>", "positional");
	expect_caught(text, "Accept wildcard characters: True",
		      "Accept wildcard characters: False", "wildcard");
	expect_caught(text, "Aliases: Cn", "Aliases: CN", "Aliases");
	expect_caught(text, "Type: System.Guid[]", "Type: System.Guid", "Type");
	expect_caught(text, "Required: True", "Required: False", "Required");
	expect_caught(text, "True (ByPropertyName)", "True (ByValue)",
		      "pipeline");
	expect_caught(text, "### -Confirm", "### -Confirmation", "heading");
	expect_caught(text, "## NOTES", "## MORE", "NOTES");
	expect_caught(text, "### -WhatIf\n", "### -WhatIf\n\nx\n\n### -Force\n",
		      "no such parameter");
	free(text);
}

int
main(void)
{
	RUN(every_command_has_a_page);
	RUN(pages_parse_cleanly);
	RUN(front_matter_and_name);
	RUN(syntax_sets_match);
	RUN(syntax_lines_match);
	RUN(parameters_match);
	RUN(meta_syntax_matches_pages);
	RUN(meta_syntax_get_help_style);
	RUN(meta_help_doc_matches_pages);
	RUN(checker_catches_mismatches);
	return tap_done();
}
