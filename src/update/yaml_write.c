/* SPDX-License-Identifier: MIT */
/*
 * A parameter's yaml block as platyPS writes it: the 2.0.0 key/value lines
 * of platyPS 0.x, or the 2024-05-01 mapping of PlatyPS 1.0.  A page that
 * agrees with the metadata holds exactly these bytes, so update leaves it
 * byte-identical.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "update.h"

static void
line(struct strbuf *sb, const char *eol, const char *key, const char *value)
{
	strbuf_addstr(sb, key);
	strbuf_addch(sb, ':');
	if (value && *value) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, value);
	}
	strbuf_addstr(sb, eol);
}

static void
join(struct strbuf *sb, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, v[i]);
	}
}

static const char *
type_of(const struct help_param *hp)
{
	return hp->type ? hp->type : "System.Object";
}

static void
write_v2(struct strbuf *sb, const struct help_param *hp, const char *eol)
{
	struct strbuf v = STRBUF_INIT;

	strbuf_init(&v);
	line(sb, eol, "Type", type_of(hp));
	if (hp->all_sets)
		strbuf_addstr(&v, "(All)");
	join(&v, hp->sets, hp->nsets);
	line(sb, eol, "Parameter Sets", v.buf);
	strbuf_reset(&v);
	join(&v, hp->aliases, hp->naliases);
	line(sb, eol, "Aliases", v.buf);
	if (hp->naccepted) {
		strbuf_reset(&v);
		join(&v, hp->accepted_values, hp->naccepted);
		line(sb, eol, "Accepted values", v.buf);
	}
	strbuf_addstr(sb, eol);
	line(sb, eol, "Required", hp->required_text);
	line(sb, eol, "Position", hp->position);
	line(sb, eol, "Default value", hp->default_value);
	line(sb, eol, "Accept pipeline input", hp->pipeline_text);
	line(sb, eol, "Accept wildcard characters",
	     hp->wildcards ? "True" : "False");
	strbuf_release(&v);
}

/* A plain yaml scalar, or one in single quotes when plain would misread. */
static void
scalar(struct strbuf *sb, const char *s)
{
	static const char *const words[] = { "true", "false", "null", "yes",
					     "no",   "on",    "off",  "~" };
	size_t n = strlen(s);
	bool quote = n == 0 || strchr("-?:,[]{}#&*!|>'\"%@` ", *s) ||
		     strstr(s, ": ") || strstr(s, " #") || s[n - 1] == ' ' ||
		     s[n - 1] == ':';
	for (size_t i = 0; !quote && i < sizeof(words) / sizeof(*words); i++)
		quote = strcmp(s, words[i]) == 0;
	if (!quote) {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_addch(sb, '\'');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\'');
}

static void
key_scalar(struct strbuf *sb, const char *eol, const char *key, const char *v)
{
	strbuf_addstr(sb, key);
	strbuf_addstr(sb, ": ");
	scalar(sb, v);
	strbuf_addstr(sb, eol);
}

static void
list(struct strbuf *sb, const char *eol, const char *key, const char *const *v,
     size_t n)
{
	strbuf_addstr(sb, key);
	strbuf_addstr(sb, n ? ":" : ": []");
	strbuf_addstr(sb, eol);
	for (size_t i = 0; i < n; i++) {
		strbuf_addstr(sb, "- ");
		scalar(sb, v[i]);
		strbuf_addstr(sb, eol);
	}
}

static void
flag(struct strbuf *sb, const char *eol, const char *key, bool on)
{
	strbuf_addf(sb, "  %s: %s%s", key, on ? "true" : "false", eol);
}

static void
set_entry(struct strbuf *sb, const char *eol, const struct meta_param_set *m)
{
	bool all = strcmp(m->set, HELP_ALL_SETS) == 0;

	strbuf_addstr(sb, "- Name: ");
	scalar(sb, all ? "(All)" : m->set);
	strbuf_addstr(sb, eol);
	if (m->position == META_POSITION_NAMED)
		strbuf_addf(sb, "  Position: Named%s", eol);
	else
		strbuf_addf(sb, "  Position: %d%s", m->position, eol);
	flag(sb, eol, "IsRequired", m->mandatory);
	flag(sb, eol, "ValueFromPipeline", m->pipeline & HELP_PIPE_BY_VALUE);
	flag(sb, eol, "ValueFromPipelineByPropertyName",
	     m->pipeline & HELP_PIPE_BY_PROPERTY_NAME);
	flag(sb, eol, "ValueFromRemainingArguments",
	     m->pipeline & HELP_PIPE_FROM_REMAINING);
}

static void
write_v2024(struct strbuf *sb, const struct help_param *hp,
	    const struct meta_param *mp, const char *eol)
{
	key_scalar(sb, eol, "Type", type_of(hp));
	key_scalar(sb, eol, "DefaultValue", hp->default_value);
	strbuf_addf(sb, "SupportsWildcards: %s%s",
		    hp->wildcards ? "true" : "false", eol);
	strbuf_addf(sb, "ParameterValue: []%s", eol);
	list(sb, eol, "Aliases", hp->aliases, hp->naliases);
	strbuf_addf(sb, "ParameterSets:%s", eol);
	for (size_t i = 0; i < mp->nsets; i++)
		set_entry(sb, eol, &mp->sets[i]);
	strbuf_addf(sb, "DontShow: false%s", eol);
	list(sb, eol, "AcceptedValues", hp->accepted_values, hp->naccepted);
	strbuf_addf(sb, "HelpMessage: ''%s", eol);
}

void
yaml_write_param(struct strbuf *sb, const struct page_meta *pm, size_t i,
		 enum help_schema schema, const char *eol)
{
	const struct help_param *hp = &pm->doc->params[i];

	if (schema == HELP_SCHEMA_2024_05_01)
		write_v2024(sb, hp, pm->mp[i], eol);
	else
		write_v2(sb, hp, eol);
}

/* ---------- does a page's block already say what the metadata says? ---------- */

static bool
str_eq(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "") == 0;
}

/* The same names, in any order, each once. */
static bool
same_names(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		size_t hits = 0;
		for (size_t k = 0; k < nb; k++)
			hits += str_eq(a[i], b[k]);
		if (hits != 1)
			return false;
	}
	return true;
}

static bool
is_all(const char *set)
{
	return str_eq(set, HELP_ALL_SETS) || str_eq(set, "(All)");
}

/* The page's Required for set in a 2.0.0 block; false if it says none. */
static bool
required_in(const struct help_param *p, const char *set, bool *found)
{
	for (size_t i = 0; i < p->nrequired; i++)
		if (p->required[i].set && str_eq(p->required[i].set, set)) {
			*found = true;
			return p->required[i].required;
		}
	for (size_t i = 0; i < p->nrequired; i++)
		if (p->required[i].set == NULL) {
			*found = true;
			return p->required[i].required;
		}
	*found = false;
	return false;
}

static bool
v2_agrees(const struct help_param *p, const struct help_param *m,
	  const struct meta_param *mp)
{
	if (p->all_sets != m->all_sets ||
	    (!m->all_sets && !same_names(p->sets, p->nsets, m->sets, m->nsets)))
		return false;
	for (size_t i = 0; i < mp->nsets; i++) {
		bool found;
		bool req = required_in(p, mp->sets[i].set, &found);
		if (!found || req != mp->sets[i].mandatory)
			return false;
	}
	return str_eq(p->position, m->position) && p->pipeline == m->pipeline;
}

static bool
position_is(const char *text, int position)
{
	char buf[16];
	if (position == META_POSITION_NAMED)
		return str_eq(text, "Named");
	snprintf(buf, sizeof(buf), "%d", position);
	return str_eq(text, buf);
}

static bool
v2024_agrees(const struct help_param *p, const struct meta_param *mp)
{
	if (p->nset_info != mp->nsets)
		return false;
	for (size_t i = 0; i < mp->nsets; i++) {
		const struct meta_param_set *m = &mp->sets[i];
		size_t hits = 0;
		for (size_t k = 0; k < p->nset_info; k++) {
			const struct help_param_set *s = &p->set_info[k];
			bool name = str_eq(s->name, m->set) ||
				    (is_all(s->name) && is_all(m->set));
			hits += name && s->required == m->mandatory &&
				s->pipeline == m->pipeline &&
				position_is(s->position, m->position);
		}
		if (hits != 1)
			return false;
	}
	return !p->dont_show;
}

bool
yaml_param_agrees(const struct help_param *page, const struct page_meta *pm,
		  size_t i, enum help_schema schema)
{
	const struct help_param *m = &pm->doc->params[i];
	const char *type = page->type ? page->type : "System.Object";

	if (!page->has_metadata || !str_eq(type, type_of(m)) ||
	    !same_names(page->aliases, page->naliases, m->aliases,
			m->naliases) ||
	    !same_names(page->accepted_values, page->naccepted,
			m->accepted_values, m->naccepted) ||
	    strcmp(page->default_value ? page->default_value : "None",
		   m->default_value ? m->default_value : "None") != 0 ||
	    page->wildcards != m->wildcards)
		return false;
	if (schema == HELP_SCHEMA_2024_05_01)
		return v2024_agrees(page, pm->mp[i]);
	return v2_agrees(page, m, pm->mp[i]);
}
