/* SPDX-License-Identifier: MIT */
/*
 * Names of parameters and syntax sets.  Translated headings cannot be
 * trusted, so names come from the culture-invariant parts of the page
 * (SYNTAX, parameter yaml) or, by position, from the source page.
 */
#include "md_internal.h"

#include <stdlib.h>
#include <string.h>

#include "platyps_meta.h"

/* Work allowed for the name guesses that compare every pair. */
#define MAX_MATCH_WORK ((size_t)1 << 24)

/* ---------- name keys ---------- */

/*
 * Heading text without leading dashes and spaces, inner spaces dropped,
 * lower-cased (xmalloc): "– Argument List" -> "argumentlist".
 */
char *
md_name_key(const char *s)
{
	char *k = xmalloc(strlen(s) + 1), *o = k;
	for (;;) {
		if (*s == '-' || *s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xe2\x80\x93", 3) ||
			 !strncmp(s, "\xe2\x80\x94", 3))
			s += 3; /* en and em dash */
		else if (!strncmp(s, "\xc2\xa0", 2))
			s += 2;
		else
			break;
	}
	for (; *s; s++)
		if (!is_space(*s))
			*o++ = lower(*s);
	*o = '\0';
	return k;
}

/* ---------- SYNTAX parameters and yaml sets ---------- */

/* One distinct SYNTAX parameter and the sets it is in. */
struct sparam {
	char *key; /* md_name_key() of the name */
	const char *name;
	const char *stype; /* short type, "" for switches */
	size_t *sets;
	size_t nsets, cap;
	bool claimed;
};

struct names {
	struct sparam *sp;
	size_t nsp;
	const char **yaml; /* every yaml set name, sorted, unique */
	size_t nyaml;
	bool *set_known;   /* syntax set name is settled */
	bool *param_known; /* parameter name is settled */
	size_t work;
};

static int
sparam_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sparam *)a)->key,
		      ((const struct sparam *)b)->key);
}

static int
str_cmp_ci(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *
short_type(struct mdp *m, const char *type)
{
	return type ? help_short_type(m->a, type) : "";
}

static bool
is_switch_stype(const char *t)
{
	return !*t || eq_ci(t, "SwitchParameter") || eq_ci(t, "switch");
}

/* PowerShell's short names for .NET types, as SYNTAX sometimes has them. */
static const char *
accelerator(const char *t, size_t n)
{
	static const char *const map[][2] = { { "int", "Int32" },
					      { "long", "Int64" },
					      { "short", "Int16" },
					      { "uint", "UInt32" },
					      { "ulong", "UInt64" },
					      { "ushort", "UInt16" },
					      { "bool", "Boolean" },
					      { "float", "Single" },
					      { "switch", "SwitchParameter" },
					      { "xml", "XmlDocument" },
					      { "bigint", "BigInteger" },
					      { "scriptblock", "ScriptBlock" },
					      { "hashtable", "Hashtable" },
					      { "psobject", "PSObject" },
					      { "pscustomobject",
						"PSObject" } };
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strlen(map[i][0]) == n && prefix_ci(t, map[i][0]))
			return map[i][1];
	return NULL;
}

/* Short types equal, reading "int[]" as "Int32[]". */
static bool
same_type(const char *a, const char *b)
{
	size_t na = strcspn(a, "["), nb = strcspn(b, "[");
	const char *ma = accelerator(a, na), *mb = accelerator(b, nb);
	if (!eq_ci(a + na, b + nb))
		return false;
	if (ma)
		na = strlen(a = ma);
	if (mb)
		nb = strlen(b = mb);
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

static void
collect_sparams(struct mdp *m, struct names *nm)
{
	struct sparam *v = NULL;
	size_t n = 0, cap = 0;
	const struct help_doc *doc = m->doc;

	for (size_t s = 0; s < doc->nsyntax; s++)
		for (size_t j = 0; j < doc->syntax[s].nparams; j++) {
			const struct help_syntax_param *p =
				&doc->syntax[s].params[j];
			struct sparam *sp = &PUSH(v, n, cap);
			memset(sp, 0, sizeof(*sp));
			sp->key = md_name_key(p->name ? p->name : "");
			sp->name = p->name;
			sp->stype = short_type(m, p->type);
			PUSH(sp->sets, sp->nsets, sp->cap) = s;
		}
	if (n)
		qsort(v, n, sizeof(*v), sparam_cmp);
	size_t out = 0; /* merge equal keys */
	for (size_t i = 0; i < n; i++) {
		if (out && !strcmp(v[out - 1].key, v[i].key)) {
			struct sparam *d = &v[out - 1];
			PUSH(d->sets, d->nsets, d->cap) = v[i].sets[0];
			free(v[i].key);
			free(v[i].sets);
			continue;
		}
		v[out++] = v[i];
	}
	nm->sp = v;
	nm->nsp = out;
}

static void
collect_yaml_sets(struct mdp *m, struct names *nm)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < m->doc->nparams; i++)
		for (size_t k = 0; k < m->doc->params[i].nsets; k++)
			PUSH(v, n, cap) = m->doc->params[i].sets[k];
	if (n)
		qsort(v, n, sizeof(*v), str_cmp_ci);
	size_t out = 0;
	for (size_t i = 0; i < n; i++)
		if (out == 0 || strcasecmp(v[out - 1], v[i]))
			v[out++] = v[i];
	nm->yaml = v;
	nm->nyaml = out;
}

static struct sparam *
find_sparam(struct names *nm, const char *text)
{
	struct sparam key = { .key = md_name_key(text) };
	struct sparam *r = nm->nsp ? bsearch(&key, nm->sp, nm->nsp, sizeof(key),
					     sparam_cmp)
				   : NULL;
	free(key.key);
	return r;
}

/* The yaml set called name; inner spaces are ignored ("Script block"). */
static const char *
yaml_set(struct names *nm, const char *name)
{
	const char **r = nm->nyaml ? bsearch(&name, nm->yaml, nm->nyaml,
					     sizeof(name), str_cmp_ci)
				   : NULL;
	if (r)
		return *r;
	char *key = md_name_key(name);
	const char *found = NULL;
	for (size_t i = 0; i < nm->nyaml && !found && nm->work < MAX_MATCH_WORK;
	     i++) {
		char *k = md_name_key(nm->yaml[i]);
		nm->work += strlen(k) + 1;
		if (*key && strcmp(k, key) == 0)
			found = nm->yaml[i];
		free(k);
	}
	free(key);
	return found;
}

static void
claim(struct help_param *p, struct sparam *sp, struct names *nm, size_t i)
{
	p->name = sp->name;
	sp->claimed = true;
	nm->param_known[i] = true;
}

/* Parameters whose heading names a SYNTAX parameter (`– Session`, `-ID`). */
static void
names_by_heading(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct sparam *sp = find_sparam(nm, m->doc->params[i].heading);
		/* a name given twice (-Id, -ParentId both "-ID") is the first
		   one's; the other is found by type and position */
		if (sp && sp->name && !sp->claimed)
			claim(&m->doc->params[i], sp, nm, i);
	}
}

static bool
in_list_ci(const char *s, const char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (eq_ci(s, v[i]))
			return true;
	return false;
}

/* The syntax sets sp is in agree with the yaml sets of p. */
static bool
sets_agree(struct mdp *m, struct names *nm, const struct sparam *sp,
	   const struct help_param *p)
{
	if (p->all_sets || p->nsets == 0)
		return true;
	for (size_t k = 0; k < sp->nsets; k++) {
		const struct help_syntax_set *set =
			&m->doc->syntax[sp->sets[k]];
		nm->work += p->nsets;
		if (nm->set_known[sp->sets[k]] && set->name &&
		    !in_list_ci(set->name, p->sets, p->nsets))
			return false;
	}
	return true;
}

/* An unclaimed SYNTAX parameter of the same short type and sets. */
static struct sparam *
match_by_type(struct mdp *m, struct names *nm, size_t pi)
{
	const struct help_param *p = &m->doc->params[pi];
	const struct help_doc *src = m->opt->source;
	const char *want = short_type(m, p->type);
	struct sparam *first = NULL;
	const char *src_name =
		src && pi < src->nparams ? src->params[pi].name : NULL;

	for (size_t i = 0; i < nm->nsp && nm->work < MAX_MATCH_WORK; i++) {
		struct sparam *sp = &nm->sp[i];
		nm->work++;
		if (sp->claimed || !sp->name)
			continue;
		bool same = p->is_switch || is_switch_stype(want)
				    ? is_switch_stype(sp->stype)
				    : same_type(sp->stype, want);
		if (!same || !sets_agree(m, nm, sp, p))
			continue;
		if (src_name && eq_ci(src_name, sp->name))
			return sp;
		if (first == NULL)
			first = sp;
	}
	return first;
}

static void
names_by_type(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct help_param *p = &m->doc->params[i];
		if (nm->param_known[i] || !(p->type || p->is_switch))
			continue;
		struct sparam *sp = match_by_type(m, nm, i);
		if (sp)
			claim(p, sp, nm, i);
	}
}

static void
names_by_source(struct mdp *m, struct names *nm)
{
	const struct help_doc *src = m->opt->source;
	for (size_t i = 0; src && i < m->doc->nparams && i < src->nparams;
	     i++) {
		const char *name = src->params[i].name;
		if (nm->param_known[i] || name == NULL || !*name)
			continue;
		struct sparam *sp = find_sparam(nm, name);
		if (sp && sp->name)
			claim(&m->doc->params[i], sp, nm, i);
		else
			m->doc->params[i].name = name;
		nm->param_known[i] = true;
	}
}

static void
names_guessed(struct mdp *m, struct names *nm)
{
	for (size_t i = 0; i < m->doc->nparams; i++) {
		struct help_param *p = &m->doc->params[i];
		if (nm->param_known[i])
			continue;
		/* a heading given twice that nothing else explains: the page
		   documents that parameter twice (param-duplicate) */
		struct sparam *sp = find_sparam(nm, p->heading);
		if (sp && sp->name) {
			p->name = sp->name;
			continue;
		}
		const char *h = p->heading;
		while (*h == '-' || is_space(*h) ||
		       !strncmp(h, "\xe2\x80\x93", 3) ||
		       !strncmp(h, "\xe2\x80\x94", 3))
			h += *h == '-' || is_space(*h) ? 1 : 3;
		p->name = *h ? h : "Parameter";
		diag_report(m->dx, DIAG_PARAM_NAME_GUESSED, p->pos.line,
			    p->pos.col, p->heading, p->name);
	}
}

/* "Path (Default)" -> base "Path", marker "Default" (arena). */
static const char *
split_marker(struct arena *a, const char *h, const char **marker)
{
	size_t n = strlen(h);
	*marker = NULL;
	if (n < 3 || h[n - 1] != ')')
		return h;
	const char *open = memchr(h, '(', n);
	if (open == NULL || open == h ||
	    memchr(open + 1, '(', (size_t)(h + n - open - 1)))
		return h;
	const char *end = open;
	while (end > h && is_space(end[-1]))
		end--;
	if (end == h)
		return h;
	*marker = arena_strndup(a, open + 1, (size_t)(h + n - open - 2));
	return arena_strndup(a, h, (size_t)(end - h));
}

/* What a trailing "(x)" on a set heading says. */
enum marker { MARK_NONE, MARK_DEFAULT, MARK_OTHER };

/* First pass over the sets: the heading, else the source page. */
static void
sets_by_heading(struct mdp *m, struct names *nm, enum marker *mark)
{
	const struct help_doc *src = m->opt->source;

	for (size_t i = 0; i < m->doc->nsyntax; i++) {
		struct help_syntax_set *set = &m->doc->syntax[i];
		const struct help_syntax_set *ss =
			src && i < src->nsyntax ? &src->syntax[i] : NULL;
		const char *marker, *base, *y;
		if (set->heading == NULL)
			continue;
		base = split_marker(m->a, set->heading, &marker);
		if ((y = yaml_set(nm, set->heading)) != NULL) {
			marker = NULL;
		} else if (marker && (y = yaml_set(nm, base)) != NULL) {
			/* "InProcess (standard)" */
		} else if (ss && ss->name) {
			y = ss->name;
		}
		set->name = y ? y : base;
		nm->set_known[i] = y != NULL;
		mark[i] = !marker		     ? MARK_NONE
			  : eq_ci(marker, "Default") ? MARK_DEFAULT
						     : MARK_OTHER;
	}
}

/*
 * `(Default)` marks the default set; another word in parentheses does
 * when the source page says so, or, without one, on the first set whose
 * name without it is a known set or that comes first (platyPS writes the
 * default set first).
 */
static void
choose_default(struct mdp *m, struct names *nm, const enum marker *mark)
{
	const struct help_doc *src = m->opt->source;
	bool have = false;

	for (size_t i = 0; i < m->doc->nsyntax; i++) {
		struct help_syntax_set *set = &m->doc->syntax[i];
		if (mark[i] == MARK_DEFAULT)
			set->is_default = true;
		else if (mark[i] == MARK_OTHER && src)
			set->is_default =
				i < src->nsyntax && src->syntax[i].is_default;
		have |= set->is_default;
	}
	for (size_t i = 0; i < m->doc->nsyntax && !have && !src; i++)
		if (mark[i] == MARK_OTHER && (nm->set_known[i] || i == 0))
			have = m->doc->syntax[i].is_default = true;
}

/* Members of yaml set `name` are exactly the parameters of set s. */
static bool
members_equal(struct mdp *m, struct names *nm, size_t s, const char *name)
{
	const struct help_syntax_set *set = &m->doc->syntax[s];
	size_t members = 0;

	for (size_t i = 0; i < m->doc->nparams; i++) {
		const struct help_param *p = &m->doc->params[i];
		nm->work += p->nsets + 1;
		if (!p->has_metadata ||
		    !(p->all_sets || in_list_ci(name, p->sets, p->nsets)))
			continue;
		members++;
		bool found = false;
		for (size_t k = 0; k < set->nparams && !found; k++)
			found = p->name && set->params[k].name &&
				eq_ci(p->name, set->params[k].name);
		nm->work += set->nparams;
		if (!found)
			return false;
	}
	return members == set->nparams && members > 0;
}

static void
sets_by_members(struct mdp *m, struct names *nm)
{
	for (size_t s = 0; s < m->doc->nsyntax; s++) {
		if (nm->set_known[s] || m->doc->syntax[s].heading == NULL)
			continue;
		for (size_t y = 0; y < nm->nyaml && nm->work < MAX_MATCH_WORK;
		     y++)
			if (members_equal(m, nm, s, nm->yaml[y])) {
				m->doc->syntax[s].name = nm->yaml[y];
				nm->set_known[s] = true;
				break;
			}
	}
}

void
md_resolve_names(struct mdp *m)
{
	struct names nm = { 0 };
	size_t ns = m->doc->nsyntax, np = m->doc->nparams;
	enum marker *mark = xcalloc(ns ? ns : 1, sizeof(*mark));

	nm.set_known = xcalloc(ns ? ns : 1, sizeof(bool));
	nm.param_known = xcalloc(np ? np : 1, sizeof(bool));
	collect_sparams(m, &nm);
	collect_yaml_sets(m, &nm);
	names_by_heading(m, &nm);
	sets_by_heading(m, &nm, mark);
	names_by_type(m, &nm);
	names_by_source(m, &nm);
	sets_by_members(m, &nm);
	choose_default(m, &nm, mark);
	names_guessed(m, &nm);
	for (size_t i = 0; i < nm.nsp; i++) {
		free(nm.sp[i].key);
		free(nm.sp[i].sets);
	}
	free(nm.sp);
	free(nm.yaml);
	free(nm.set_known);
	free(nm.param_known);
	free(mark);
}
