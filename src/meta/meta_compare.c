/* SPDX-License-Identifier: MIT */
/* A page's SYNTAX and parameter yaml against the metadata (meta_compare.h). */
#include "meta_compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

static bool
is_all_sets(const char *set)
{
	return !set || strcmp(set, HELP_ALL_SETS) == 0 ||
	       strcmp(set, "(All)") == 0;
}

static size_t
count_list(const char *const *v)
{
	size_t n = 0;
	while (v && v[n])
		n++;
	return n;
}

/* The same names in any order, each once, ignoring case. */
static bool
same_names(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		size_t hits = 0;
		for (size_t k = 0; k < nb; k++)
			hits += strcasecmp(a[i], b[k]) == 0;
		if (hits != 1)
			return false;
	}
	return true;
}

/* ---------- parameters ---------- */

struct cmp {
	const struct meta_command *c;
	const struct meta_param *mp;
	const struct help_param *page;
	bool v2; /* the 2024-05-01 schema */
	meta_difference_fn *fn;
	void *cookie;
	size_t n;
};

/* The yaml key of each field, in 2.0.0 and in 2024-05-01. */
static const char *const field_keys[][2] = {
	[META_FIELD_TYPE] = { "Type", "Type" },
	[META_FIELD_SETS] = { "Parameter Sets", "ParameterSets" },
	[META_FIELD_ALIASES] = { "Aliases", "Aliases" },
	[META_FIELD_ACCEPTED] = { "Accepted values", "AcceptedValues" },
	[META_FIELD_DEFAULT] = { "Default value", "DefaultValue" },
	[META_FIELD_WILDCARDS] = { "Accept wildcard characters",
				   "SupportsWildcards" },
	[META_FIELD_DONT_SHOW] = { "DontShow", "DontShow" },
	[META_FIELD_REQUIRED] = { "Required", "IsRequired" },
	[META_FIELD_POSITION] = { "Position", "Position" },
	[META_FIELD_PIPELINE] = { "Accept pipeline input",
				  "ValueFromPipeline" },
};

static void
differs(struct cmp *x, enum meta_field f, const char *set, const char *page,
	const char *meta)
{
	struct meta_difference d = { f, set, field_keys[f][x->v2], page, meta };
	x->n++;
	if (x->fn)
		x->fn(x->cookie, &d);
}

static const char *
bool_text(bool b)
{
	return b ? "True" : "False";
}

static void
list_text(struct strbuf *sb, const char *const *v, size_t n)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", v[i]);
	if (!n)
		strbuf_addstr(sb, "None");
}

static void
compare_list(struct cmp *x, enum meta_field f, const char *const *page,
	     size_t npage, const char *const *meta)
{
	size_t nmeta = count_list(meta);
	if (same_names(page, npage, meta, nmeta))
		return;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_init(&a);
	strbuf_init(&b);
	list_text(&a, page, npage);
	list_text(&b, meta, nmeta);
	differs(x, f, NULL, a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* mp's set names, or none when it is in every set of the command. */
static size_t
meta_set_names(const struct cmp *x, const char **out)
{
	const struct meta_param *mp = x->mp;
	if (mp->nsets == 1 && is_all_sets(mp->sets[0].set))
		return 0;
	if (mp->nsets == count_list(x->c->sets))
		return 0;
	for (size_t i = 0; i < mp->nsets; i++)
		out[i] = mp->sets[i].set;
	return mp->nsets;
}

/* The page's set names, or none for (All) (also when it lists them all). */
static size_t
page_set_names(const struct cmp *x, const char **out)
{
	const struct help_param *p = x->page;
	size_t n = 0;
	for (size_t i = 0; i < p->nset_info; i++) {
		if (is_all_sets(p->set_info[i].name))
			return 0;
		out[n++] = p->set_info[i].name;
	}
	return n == count_list(x->c->sets) ? 0 : n;
}

static void
compare_sets(struct cmp *x)
{
	const char **meta = xcalloc(x->mp->nsets + 1, sizeof(*meta));
	const char **page = xcalloc(x->page->nset_info + 1, sizeof(*page));
	size_t nm = meta_set_names(x, meta), np = page_set_names(x, page);
	if (!same_names(page, np, meta, nm)) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		strbuf_init(&a);
		strbuf_init(&b);
		list_text(&a, page, np);
		list_text(&b, meta, nm);
		differs(x, META_FIELD_SETS, NULL, np ? a.buf : "(All)",
			nm ? b.buf : "(All)");
		strbuf_release(&a);
		strbuf_release(&b);
	}
	free(meta);
	free(page);
}

/* The page's entry for a metadata set: by name, else the (All) one. */
static const struct help_param_set *
page_set_info(const struct help_param *p, const char *set)
{
	const struct help_param_set *all = NULL;
	for (size_t i = 0; i < p->nset_info; i++) {
		const struct help_param_set *s = &p->set_info[i];
		if (!is_all_sets(set) && strcasecmp(s->name, set) == 0)
			return s;
		if (is_all_sets(s->name))
			all = s;
	}
	return all ? all : (p->nset_info == 1 ? &p->set_info[0] : NULL);
}

static void
position_text(char *buf, size_t n, int pos)
{
	if (pos == META_POSITION_NAMED)
		snprintf(buf, n, "Named");
	else
		snprintf(buf, n, "%d", pos);
}

static bool
same_position(const char *page, int pos)
{
	char want[16];
	position_text(want, sizeof(want), pos);
	if (!page || !*page)
		return pos == META_POSITION_NAMED;
	return strcasecmp(page, want) == 0;
}

static void
pipeline_differs(struct cmp *x, const char *set, unsigned page, unsigned meta)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_init(&a);
	strbuf_init(&b);
	help_pipeline_text(&a, page);
	help_pipeline_text(&b, meta);
	differs(x, META_FIELD_PIPELINE, set, a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* The set to name in a difference: NULL when mp is in every set. */
static const char *
set_of(const struct meta_param_set *ms)
{
	return is_all_sets(ms->set) ? NULL : ms->set;
}

/*
 * Required, position and (2024-05-01) pipeline input in each set of the
 * metadata, each reported once.  A 2.0.0 block has one Position and one
 * pipeline value that must hold in every set.
 */
static void
compare_per_set(struct cmp *x)
{
	const struct meta_param *mp = x->mp;
	bool pos_done = false, req_done = false, pipe_done = false;
	for (size_t i = 0; i < mp->nsets; i++) {
		const struct meta_param_set *ms = &mp->sets[i];
		const struct help_param_set *ps =
			page_set_info(x->page, ms->set);
		if (!ps)
			continue; /* a set difference */
		if (!req_done && ps->required != ms->mandatory) {
			differs(x, META_FIELD_REQUIRED, set_of(ms),
				bool_text(ps->required),
				bool_text(ms->mandatory));
			req_done = true;
		}
		if (!pos_done && !same_position(ps->position, ms->position)) {
			char want[16];
			position_text(want, sizeof(want), ms->position);
			differs(x, META_FIELD_POSITION, set_of(ms),
				ps->position ? ps->position : "Named", want);
			pos_done = true;
		}
		if (x->v2 && !pipe_done && ps->pipeline != ms->pipeline) {
			pipeline_differs(x, set_of(ms), ps->pipeline,
					 ms->pipeline);
			pipe_done = true;
		}
	}
	if (!x->v2 && x->page->pipeline != meta_pipeline_bits(mp))
		pipeline_differs(x, NULL, x->page->pipeline,
				 meta_pipeline_bits(mp));
}

static const char *
default_text(const char *v)
{
	return v && *v ? v : "None";
}

static void
compare_values(struct cmp *x)
{
	const struct help_param *p = x->page;
	const struct meta_param *mp = x->mp;
	compare_list(x, META_FIELD_ALIASES, p->aliases, p->naliases,
		     mp->aliases);
	compare_list(x, META_FIELD_ACCEPTED, p->accepted_values, p->naccepted,
		     mp->accepted_values);
	if (strcmp(default_text(p->default_value),
		   default_text(mp->default_value)) != 0)
		differs(x, META_FIELD_DEFAULT, NULL,
			default_text(p->default_value),
			default_text(mp->default_value));
	if (p->wildcards != mp->wildcards)
		differs(x, META_FIELD_WILDCARDS, NULL, bool_text(p->wildcards),
			bool_text(mp->wildcards));
	/* the metadata has no hidden parameters */
	if (x->v2 && p->dont_show)
		differs(x, META_FIELD_DONT_SHOW, NULL, "True", "False");
}

size_t
meta_compare_param(const struct meta_command *c, const struct meta_param *mp,
		   const struct help_param *page, enum help_schema schema,
		   meta_difference_fn *fn, void *cookie)
{
	struct cmp x = { c,  mp,     page, schema == HELP_SCHEMA_2024_05_01,
			 fn, cookie, 0 };
	const char *type = mp->type_name ? mp->type_name : "System.Object";
	if (!page->type || strcasecmp(page->type, type) != 0)
		differs(&x, META_FIELD_TYPE, NULL,
			page->type ? page->type : "None", type);
	compare_sets(&x);
	compare_per_set(&x);
	compare_values(&x);
	return x.n;
}

/* ---------- SYNTAX ---------- */

/* A SYNTAX parameter as written: "[[-Name] <T>]", "-Name <T>", "[-S]". */
static void
token_text(struct strbuf *sb, const struct help_syntax_param *p)
{
	struct strbuf name = STRBUF_INIT;
	strbuf_init(&name);
	strbuf_addf(&name, p->positional ? "[-%s]" : "-%s", p->name);
	if (p->type)
		strbuf_addf(&name, " <%s>", p->type);
	strbuf_addf(sb, p->required ? "%s" : "[%s]", name.buf);
	strbuf_release(&name);
}

static const struct help_syntax_param *
find_token(const struct help_syntax_set *s, const char *name)
{
	for (size_t i = 0; i < s->nparams; i++)
		if (s->params[i].name &&
		    strcasecmp(s->params[i].name, name) == 0)
			return &s->params[i];
	return NULL;
}

static bool
same_token(const struct help_syntax_param *a, const struct help_syntax_param *b)
{
	return a->required == b->required && a->positional == b->positional &&
	       (a->type ? b->type && strcasecmp(a->type, b->type) == 0
			: !b->type);
}

static void
add_token(struct strbuf *d, char mark, const struct help_syntax_param *p)
{
	if (d->len)
		strbuf_addch(d, '\n');
	strbuf_addch(d, mark);
	token_text(d, p);
}

/*
 * Lines "-token" for what only the page has (a parameter twice too),
 * "+token" for the metadata; false when there is none.
 */
static bool
token_diff(struct strbuf *d, const struct help_syntax_set *page,
	   const struct help_syntax_set *meta)
{
	size_t before = d->len;
	for (size_t i = 0; i < page->nparams; i++) {
		const struct help_syntax_param *p = &page->params[i];
		if (!p->name)
			continue;
		const struct help_syntax_param *m = find_token(meta, p->name);
		if (m && same_token(m, p) && find_token(page, p->name) == p)
			continue;
		add_token(d, '-', p);
		if (m && find_token(page, p->name) == p)
			add_token(d, '+', m);
	}
	for (size_t i = 0; i < meta->nparams; i++)
		if (!find_token(page, meta->params[i].name))
			add_token(d, '+', &meta->params[i]);
	if (page->common_parameters != meta->common_parameters)
		strbuf_addf(d, "%s%c[<CommonParameters>]", d->len ? "\n" : "",
			    page->common_parameters ? '-' : '+');
	return d->len > before;
}

/* The positional parameters, in the order they are written. */
static bool
same_positional_order(const struct help_syntax_set *a,
		      const struct help_syntax_set *b)
{
	size_t i = 0, k = 0;
	for (;;) {
		while (i < a->nparams && !a->params[i].positional)
			i++;
		while (k < b->nparams && !b->params[k].positional)
			k++;
		if (i == a->nparams || k == b->nparams)
			return i == a->nparams && k == b->nparams;
		if (!a->params[i].name ||
		    strcasecmp(a->params[i].name, b->params[k].name) != 0)
			return false;
		i++;
		k++;
	}
}

bool
meta_compare_syntax(const struct help_syntax_set *page,
		    const struct help_syntax_set *meta, struct strbuf *detail)
{
	struct strbuf d = STRBUF_INIT;
	strbuf_init(&d);
	bool differ = token_diff(&d, page, meta);
	if (!page->command || strcasecmp(page->command, meta->command) != 0) {
		strbuf_addf(&d, "%s-%s\n+%s", d.len ? "\n" : "",
			    page->command ? page->command : "", meta->command);
		differ = true;
	}
	if (!differ && !same_positional_order(page, meta)) {
		strbuf_addf(&d, "-%s\n+%s", page->text ? page->text : "",
			    meta->text ? meta->text : "");
		differ = true;
	}
	if (differ && detail)
		strbuf_add(detail, d.buf, d.len);
	strbuf_release(&d);
	return differ;
}

const struct help_syntax_set *
meta_page_syntax_set(const struct help_doc *page, const char *set, size_t nsets)
{
	if (nsets <= 1 && page->nsyntax == 1)
		return &page->syntax[0];
	for (size_t i = 0; i < page->nsyntax; i++) {
		const char *name = page->syntax[i].name;
		if (is_all_sets(name) && is_all_sets(set))
			return &page->syntax[i];
		if (name && set && strcasecmp(name, set) == 0)
			return &page->syntax[i];
	}
	return NULL;
}

const struct meta_command *
meta_page_command(const struct meta_set *set, const struct help_doc *doc)
{
	const struct help_fm_entry *title = help_doc_frontmatter(doc, "title");
	const char *names[] = { title ? title->value : NULL, doc->title,
				doc->name };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct meta_command *c =
			names[i] && *names[i]
				? meta_set_find(set, names[i], false)
				: NULL;
		if (c)
			return c;
	}
	return NULL;
}

/* ---------- INPUTS ---------- */

void
meta_bare_type(const char *full, char *out, size_t n)
{
	const char *s = strrchr(full, '.');
	s = s ? s + 1 : full;
	size_t k = strcspn(s, "[");
	snprintf(out, n, "%.*s", (int)k, s);
}

/* An INPUTS heading may name several types: "System.String, X.PSSession". */
static bool
names_type(const char *heading, const char *bare)
{
	char *t = xstrdup(heading);
	bool found = false;
	char *save;
	for (char *tok = strtok_r(t, ", ", &save); tok && !found;
	     tok = strtok_r(NULL, ", ", &save)) {
		char b[256];
		meta_bare_type(tok, b, sizeof(b));
		found = strcasecmp(b, bare) == 0;
	}
	free(t);
	return found;
}

bool
meta_inputs_lacks(const struct help_doc *doc, const struct meta_param *mp)
{
	/* INPUTS lists what can be piped whole, not by property */
	if (!(meta_pipeline_bits(mp) & HELP_PIPE_BY_VALUE))
		return false;
	char bare[256];
	meta_bare_type(mp->type_name, bare, sizeof(bare));
	for (size_t i = 0; i < doc->ninputs; i++)
		if (doc->inputs[i].name && names_type(doc->inputs[i].name, bare))
			return false;
	return true;
}
