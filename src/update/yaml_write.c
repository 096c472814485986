/* SPDX-License-Identifier: MIT */
/*
 * A parameter's yaml block as platyPS writes it: the 2.0.0 key/value lines
 * of platyPS 0.x, or the 2024-05-01 mapping of PlatyPS 1.0.  A page that
 * agrees with the metadata holds exactly these bytes, so update leaves it
 * byte-identical.
 */
#include <stdio.h>
#include <string.h>

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

void
yaml_write_scalar(struct strbuf *sb, const char *s)
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
	yaml_write_scalar(sb, v);
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
		yaml_write_scalar(sb, v[i]);
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
	yaml_write_scalar(sb, all ? "(All)" : m->set);
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
