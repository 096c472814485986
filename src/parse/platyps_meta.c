/* SPDX-License-Identifier: MIT */
/*
 * The culture-invariant mini-formats of a platyPS page: the parameter
 * yaml block, SYNTAX lines and link targets.  None of them is translated
 * (corpus-notes §5, §6), so keywords are matched in English, ignoring
 * ASCII case.  Every scan moves forward only, so time is linear.
 */
#include "ascii.h"
#include "platyps_meta.h"
#include "yaml_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

/* A piece of a larger string, not NUL-terminated. */
struct span {
	const char *s;
	size_t n;
};

static struct span
trim(const char *s, size_t n)
{
	size_t i = ascii_skip_blanks(s, n, 0);
	while (n > i && (ascii_is_blank(s[n - 1]) || s[n - 1] == '\r'))
		n--;
	return (struct span){ s + i, n - i };
}

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* s[0..n) starts with lit, ignoring ASCII case. */
static bool
has_prefix(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (ascii_lower(s[i]) != ascii_lower(lit[i]))
			return false;
	return true;
}

static bool
span_is(struct span v, const char *lit)
{
	return v.n == strlen(lit) && has_prefix(v.s, v.n, lit);
}

static size_t
count_char(const char *s, size_t n, char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static const char *
span_dup(struct arena *a, struct span v)
{
	return arena_strndup(a, v.s, v.n);
}

size_t
platyps_split_commas(struct arena *a, const char *s, size_t n,
		     const char ***out)
{
	struct span v = { s, n };
	const char **items =
		arena_array(a, count_char(v.s, v.n, ',') + 1, sizeof(*items));
	size_t cnt = 0, start = 0;
	for (size_t i = 0; i <= v.n; i++) {
		if (i < v.n && v.s[i] != ',')
			continue;
		struct span t = trim(v.s + start, i - start);
		if (t.n)
			items[cnt++] = span_dup(a, t);
		start = i + 1;
	}
	*out = cnt ? items : NULL;
	return cnt;
}

static size_t
split_list(struct arena *a, struct span v, const char ***out)
{
	return platyps_split_commas(a, v.s, v.n, out);
}

/* ===================== parameter yaml ===================== */

enum yaml_key {
	YK_TYPE,
	YK_SETS,
	YK_ALIASES,
	YK_ACCEPTED,
	YK_REQUIRED,
	YK_POSITION,
	YK_DEFAULT,
	YK_PIPELINE,
	YK_WILDCARDS,
	YK__COUNT
};

static const char *const yaml_keys[YK__COUNT] = {
	"Type",
	"Parameter Sets",
	"Aliases",
	"Accepted values",
	"Required",
	"Position",
	"Default value",
	"Accept pipeline input",
	"Accept wildcard characters",
};

struct yaml_ctx {
	struct arena *a;
	struct diag_ctx *dx;
	struct help_param *p;
	uint32_t line, col; /* where the value being read starts */
};

static void
bad_value(struct yaml_ctx *c, enum yaml_key k, struct span v)
{
	diag_report(c->dx, DIAG_PARAM_YAML_VALUE, c->line, c->col, yaml_keys[k],
		    span_dup(c->a, v));
}

static bool
read_bool(struct span v, bool *b)
{
	if (span_is(v, "True"))
		*b = true;
	else if (span_is(v, "False"))
		*b = false;
	else
		return false;
	return true;
}

/* The type's last dotted part is SwitchParameter. */
static bool
is_switch_type(struct span v)
{
	size_t i = v.n;
	while (i > 0 && v.s[i - 1] != '.')
		i--;
	return span_is((struct span){ v.s + i, v.n - i }, "SwitchParameter");
}

/*
 * Reads "(a, b)" at v.s[*i]: stores the inside and moves *i past the
 * closing parenthesis.  No nesting.
 */
static bool
paren_group(struct span v, size_t *i, struct span *inside)
{
	size_t j = ascii_skip_blanks(v.s, v.n, *i);
	if (j >= v.n || v.s[j] != '(')
		return false;
	size_t k = j + 1;
	while (k < v.n && v.s[k] != ')' && v.s[k] != '(')
		k++;
	if (k >= v.n || v.s[k] != ')')
		return false;
	*inside = (struct span){ v.s + j + 1, k - j - 1 };
	*i = k + 1;
	return true;
}

/* The word at v.s[*i] (letters only), moving *i past it. */
static struct span
word_at(struct span v, size_t *i)
{
	size_t j = ascii_skip_blanks(v.s, v.n, *i), k = j;
	while (k < v.n && ascii_lower(v.s[k]) >= 'a' &&
	       ascii_lower(v.s[k]) <= 'z')
		k++;
	*i = k;
	return (struct span){ v.s + j, k - j };
}

/* "True (A, B), False (C)": one entry per set name. */
static bool
read_required_sets(struct yaml_ctx *c, struct span v)
{
	struct help_required *r =
		arena_array(c->a, count_char(v.s, v.n, ',') + 1, sizeof(*r));
	size_t cnt = 0, i = 0;
	for (;;) {
		bool b;
		struct span inside;
		const char **names;
		if (!read_bool(word_at(v, &i), &b) ||
		    !paren_group(v, &i, &inside))
			return false;
		size_t k = split_list(c->a, inside, &names);
		if (k == 0)
			return false;
		for (size_t j = 0; j < k; j++)
			r[cnt++] = (struct help_required){ names[j], b };
		i = ascii_skip_blanks(v.s, v.n, i);
		if (i == v.n)
			break;
		if (v.s[i++] != ',')
			return false;
	}
	c->p->required = r;
	c->p->nrequired = cnt;
	return true;
}

static void
set_required_all(struct help_param *p, struct arena *a, bool b)
{
	p->required = arena_alloc(a, sizeof(*p->required));
	p->required->set = NULL;
	p->required->required = b;
	p->nrequired = 1;
}

static void
read_required(struct yaml_ctx *c, struct span v)
{
	bool b;
	c->p->required_text = span_dup(c->a, v);
	if (read_bool(v, &b)) {
		set_required_all(c->p, c->a, b);
	} else if (!read_required_sets(c, v)) {
		bad_value(c, YK_REQUIRED, v);
		set_required_all(c->p, c->a, false);
	}
}

static unsigned
pipeline_bit(struct span w)
{
	for (size_t i = 0; i < HELP_PIPE_NAMES; i++)
		if (span_is(w, help_pipe_names[i].name))
			return help_pipe_names[i].bit;
	return 0;
}

/* "False", "True", "True (ByPropertyName, ByValue)"; 0 bits if unreadable. */
static bool
read_pipeline_bits(struct span v, unsigned *bits)
{
	size_t i = 0;
	struct span inside;
	*bits = 0;
	if (span_is(v, "False"))
		return true;
	if (!span_is(word_at(v, &i), "True"))
		return false;
	if (ascii_skip_blanks(v.s, v.n, i) == v.n) {
		*bits = HELP_PIPE_BY_VALUE;
		return true;
	}
	if (!paren_group(v, &i, &inside) ||
	    ascii_skip_blanks(v.s, v.n, i) != v.n)
		return false;
	for (size_t start = 0, j = 0; j <= inside.n; j++) {
		if (j < inside.n && inside.s[j] != ',')
			continue;
		unsigned bit = pipeline_bit(trim(inside.s + start, j - start));
		if (bit == 0)
			return false;
		*bits |= bit;
		start = j + 1;
	}
	return true;
}

static void
read_pipeline(struct yaml_ctx *c, struct span v)
{
	c->p->pipeline_text = span_dup(c->a, v);
	if (!read_pipeline_bits(v, &c->p->pipeline)) {
		bad_value(c, YK_PIPELINE, v);
		c->p->pipeline = 0;
	}
}

static const char *
dup_or_null(struct arena *a, struct span v)
{
	return v.n ? span_dup(a, v) : NULL;
}

static void
set_value(struct yaml_ctx *c, enum yaml_key k, struct span v)
{
	struct help_param *p = c->p;
	switch (k) {
	case YK_TYPE:
		p->type = dup_or_null(c->a, v);
		p->is_switch = is_switch_type(v);
		break;
	case YK_SETS:
		p->all_sets = span_is(v, "(All)");
		p->sets = NULL;
		p->nsets = 0;
		if (!p->all_sets)
			p->nsets = split_list(c->a, v, &p->sets);
		break;
	case YK_ALIASES:
		p->naliases = split_list(c->a, v, &p->aliases);
		break;
	case YK_ACCEPTED:
		p->naccepted = split_list(c->a, v, &p->accepted_values);
		break;
	case YK_REQUIRED:
		read_required(c, v);
		break;
	case YK_POSITION:
		p->position = dup_or_null(c->a, v);
		break;
	case YK_DEFAULT:
		p->default_value = dup_or_null(c->a, v);
		break;
	case YK_PIPELINE:
		read_pipeline(c, v);
		break;
	case YK_WILDCARDS:
		if (!read_bool(v, &p->wildcards)) {
			bad_value(c, YK_WILDCARDS, v);
			p->wildcards = false;
		}
		break;
	case YK__COUNT:
		break;
	}
}

static int
find_key(struct span key)
{
	for (int k = 0; k < YK__COUNT; k++)
		if (span_is(key, yaml_keys[k]))
			return k;
	return -1;
}

/* One line of the block; col0 is the column of s[0]. */
static void
yaml_line(struct yaml_ctx *c, const char *s, size_t n, uint32_t col0)
{
	struct span t = trim(s, n);
	if (t.n == 0 || t.s[0] == '#')
		return;
	const char *colon = memchr(t.s, ':', t.n);
	struct span key = colon ? trim(t.s, (size_t)(colon - t.s)) : t;
	int k = colon ? find_key(key) : -1;
	c->col = col0 + (uint32_t)(t.s - s);
	if (k < 0) {
		diag_report(c->dx, DIAG_PARAM_YAML_KEY, c->line, c->col,
			    span_dup(c->a, key));
		return;
	}
	struct span v = trim(colon + 1, (size_t)(t.s + t.n - colon - 1));
	c->col = col0 + (uint32_t)(v.s - s);
	set_value(c, (enum yaml_key)k, v);
}

static void
reset_metadata(struct help_param *p)
{
	p->type = NULL;
	p->sets = p->aliases = p->accepted_values = NULL;
	p->nsets = p->naliases = p->naccepted = p->nrequired = 0;
	p->all_sets = p->wildcards = p->is_switch = false;
	p->required = NULL;
	p->required_text = p->position = p->default_value = NULL;
	p->pipeline = 0;
	p->pipeline_text = NULL;
	p->set_info = NULL;
	p->nset_info = 0;
	p->dont_show = false;
	p->help_message = NULL;
}

void
platyps_param_reset(struct help_param *p, struct help_pos pos)
{
	reset_metadata(p);
	p->has_metadata = true;
	if (p->metadata_pos.line == 0)
		p->metadata_pos = pos;
}

bool
platyps_param_v1_value(struct arena *a, struct help_param *p, const char *key,
		       const char *value, size_t len, uint32_t line,
		       uint32_t col, struct diag_ctx *dx)
{
	struct yaml_ctx c = {
		.a = a, .dx = dx, .p = p, .line = line, .col = col
	};
	int k = find_key((struct span){ key, strlen(key) });
	if (k < 0)
		return false;
	set_value(&c, (enum yaml_key)k, trim(value, len));
	return true;
}

void
platyps_param_yaml_lines(struct arena *a, const char *text, struct help_pos pos,
			 struct help_param *p, struct diag_ctx *dx)
{
	struct yaml_ctx c = { .a = a, .dx = dx, .p = p, .line = pos.line };
	uint32_t col0 = pos.col ? pos.col : 1;
	const char *s = text ? text : "";

	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		yaml_line(&c, s, n, col0);
		c.line++;
		s += nl ? n + 1 : n;
	}
}

void
platyps_param_finish(struct arena *a, struct help_param *p)
{
	if (p->nrequired == 0)
		set_required_all(p, a, false);
}

/* ===================== SYNTAX ===================== */

/* Where a source line begins in the joined text. */
struct syn_seg {
	size_t start;
	uint32_t line, col;
};

struct syn_ctx {
	struct arena *a;
	struct diag_ctx *dx;
	struct help_syntax_set *set;
	const char *t; /* joined text */
	size_t n;
	struct syn_seg *seg;
	size_t nseg, cur;
};

enum syn_type { TYPE_NONE, TYPE_OK, TYPE_BAD };

/* Joins the non-blank lines of code with single spaces, noting where each began. */
static char *
join_lines(const char *code, struct help_pos pos, struct syn_ctx *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t cap = 0;
	uint32_t line = pos.line, col0 = pos.col ? pos.col : 1;
	strbuf_init(&sb);
	for (const char *s = code; *s; line++) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		struct span t = trim(s, n);
		if (t.n) {
			if (sb.len)
				strbuf_addch(&sb, ' ');
			c->seg = xgrow(c->seg, &cap, c->nseg + 1,
				       sizeof(*c->seg));
			c->seg[c->nseg++] =
				(struct syn_seg){ sb.len, line,
						  col0 + (uint32_t)(t.s - s) };
			strbuf_add(&sb, t.s, t.n);
		}
		s += nl ? n + 1 : n;
	}
	char *r = arena_strndup(c->a, sb.buf, sb.len);
	c->n = sb.len;
	strbuf_release(&sb);
	return r;
}

/* Line and column of joined offset o; offsets only grow, so this is linear. */
static struct help_pos
syn_pos(struct syn_ctx *c, size_t o)
{
	while (c->cur + 1 < c->nseg && c->seg[c->cur + 1].start <= o)
		c->cur++;
	if (c->nseg == 0)
		return (struct help_pos){ 0, 0 };
	const struct syn_seg *g = &c->seg[c->cur];
	return (struct help_pos){ g->line, g->col + (uint32_t)(o - g->start) };
}

/* Reports t[i..e) as unreadable, shortened for the message. */
static void
bad_token(struct syn_ctx *c, size_t i, size_t e)
{
	enum { MAX_SHOWN = 60 };
	struct span tok = trim(c->t + i, e - i);
	struct help_pos at = syn_pos(c, i);
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (tok.n <= MAX_SHOWN) {
		strbuf_add(&sb, tok.s, tok.n);
	} else {
		size_t k = MAX_SHOWN;
		while (k > 0 && ((unsigned char)tok.s[k] & 0xC0) == 0x80)
			k--; /* do not cut a UTF-8 sequence */
		strbuf_add(&sb, tok.s, k);
		strbuf_addstr(&sb, "...");
	}
	diag_report(c->dx, DIAG_SYNTAX_TOKEN, at.line, at.col, sb.buf);
	strbuf_release(&sb);
}

static bool
is_name_char(char c)
{
	return c && !ascii_is_blank(c) && !strchr("[]<>{}", c);
}

/* "-Name" at t[*i]: stores the name without its dash. */
static bool
read_name(struct syn_ctx *c, size_t *i, size_t end, struct span *name)
{
	size_t j = *i;
	if (j >= end || c->t[j] != '-')
		return false;
	size_t k = ++j;
	while (k < end && is_name_char(c->t[k]))
		k++;
	if (k == j || c->t[j] == '-')
		return false;
	*name = (struct span){ c->t + j, k - j };
	*i = k;
	return true;
}

/*
 * "<Type>" or "{A | B}" after optional blanks at t[*i].  The angle
 * brackets are dropped, an enum list keeps its braces.
 */
static enum syn_type
read_type(struct syn_ctx *c, size_t *i, size_t end, struct span *type)
{
	size_t j = ascii_skip_blanks(c->t, end, *i), k;
	int depth = 0;
	if (j >= end || (c->t[j] != '<' && c->t[j] != '{'))
		return TYPE_NONE;
	char open = c->t[j], close = open == '<' ? '>' : '}';
	for (k = j; k < end; k++) {
		depth += (c->t[k] == open) - (c->t[k] == close);
		if (depth == 0)
			break;
	}
	if (k >= end || k == j + 1)
		return TYPE_BAD; /* unclosed or empty */
	if (open == '<')
		*type = (struct span){ c->t + j + 1, k - j - 1 };
	else
		*type = (struct span){ c->t + j, k - j + 1 };
	*i = k + 1;
	return TYPE_OK;
}

static void
add_param(struct syn_ctx *c, struct span name, const struct span *type,
	  bool required, bool positional)
{
	struct help_syntax_param *sp = &c->set->params[c->set->nparams++];
	sp->name = span_dup(c->a, name);
	sp->type = type ? span_dup(c->a, *type) : NULL;
	sp->required = required;
	sp->positional = positional;
}

static bool
expect(struct syn_ctx *c, size_t *i, size_t end, char ch)
{
	if (*i >= end || c->t[*i] != ch)
		return false;
	(*i)++;
	return true;
}

/* "[[-Name] <Type>]" from its first '['. */
static bool
read_opt_positional(struct syn_ctx *c, size_t *i, size_t end)
{
	struct span name, type;
	size_t q = *i + 2;
	if (!read_name(c, &q, end, &name) || !expect(c, &q, end, ']') ||
	    read_type(c, &q, end, &type) != TYPE_OK || !expect(c, &q, end, ']'))
		return false;
	add_param(c, name, &type, false, true);
	*i = q;
	return true;
}

/* "[-Name <Type>]", "[-Switch]" or "[-Name] <Type>" from the '-'. */
static bool
read_bracketed(struct syn_ctx *c, size_t *i, size_t end)
{
	struct span name, type;
	size_t q = *i;
	if (!read_name(c, &q, end, &name))
		return false;
	enum syn_type r = read_type(c, &q, end, &type);
	if (r == TYPE_BAD || !expect(c, &q, end, ']'))
		return false;
	if (r == TYPE_OK) {
		add_param(c, name, &type, false, false);
	} else {
		r = read_type(c, &q, end, &type);
		if (r == TYPE_BAD)
			return false;
		if (r == TYPE_OK)
			add_param(c, name, &type, true, true);
		else
			add_param(c, name, NULL, false, false);
	}
	*i = q;
	return true;
}

/* One token at t[*i]; false (and *i unchanged) if it is not readable. */
static bool
read_token(struct syn_ctx *c, size_t *i, size_t end)
{
	static const char common[] = "[<CommonParameters>]";
	struct span name, type;
	size_t q = *i;
	if (c->t[q] == '[') {
		if (has_prefix(c->t + q, end - q, common)) {
			c->set->common_parameters = true;
			*i = q + sizeof(common) - 1;
			return true;
		}
		if (q + 1 < end && c->t[q + 1] == '[')
			return read_opt_positional(c, i, end);
		*i = q + 1;
		if (read_bracketed(c, i, end))
			return true;
		*i = q;
		return false;
	}
	if (!read_name(c, &q, end, &name))
		return false;
	enum syn_type r = read_type(c, &q, end, &type);
	if (r == TYPE_BAD)
		return false;
	add_param(c, name, r == TYPE_OK ? &type : NULL, true, false);
	*i = q;
	return true;
}

/*
 * Where the token at t[i] ends at the latest: before the next '[' or
 * '-' that follows a blank.  Types never contain that, so a bad token
 * cannot make its neighbours unreadable and every byte is scanned once.
 */
static size_t
token_bound(const char *t, size_t n, size_t i)
{
	for (size_t k = i + 1; k < n; k++)
		if (ascii_is_blank(t[k - 1]) && (t[k] == '[' || t[k] == '-'))
			return k;
	return n;
}

static void
read_tokens(struct syn_ctx *c, size_t i)
{
	while ((i = ascii_skip_blanks(c->t, c->n, i)) < c->n) {
		size_t end = token_bound(c->t, c->n, i);
		size_t stop = i + trim(c->t + i, end - i).n;
		while (i < stop) {
			if (!read_token(c, &i, stop)) {
				bad_token(c, i, stop);
				break;
			}
			i = ascii_skip_blanks(c->t, stop, i);
		}
		i = end;
	}
}

void
platyps_parse_syntax(struct arena *a, const char *code, struct help_pos pos,
		     struct help_syntax_set *set, struct diag_ctx *dx)
{
	struct syn_ctx c = { .a = a, .dx = dx, .set = set };
	set->command = NULL;
	set->params = NULL;
	set->nparams = 0;
	set->common_parameters = false;
	if (set->pos.line == 0)
		set->pos = pos;
	set->text = join_lines(code ? code : "", pos, &c);
	c.t = set->text;

	size_t dashes = count_char(c.t, c.n, '-');
	if (dashes)
		set->params = arena_array(a, dashes, sizeof(*set->params));
	size_t i = 0;
	while (i < c.n && !ascii_is_blank(c.t[i]))
		i++;
	if (i)
		set->command = arena_strndup(a, c.t, i);
	read_tokens(&c, i);
	free(c.seg);
}

/* ===================== links ===================== */

static void
set_link(struct arena *a, struct help_link *l, enum help_link_kind kind,
	 struct span topic, struct span module)
{
	l->kind = kind;
	l->topic = topic.n ? span_dup(a, topic) : NULL;
	l->module = module.n ? span_dup(a, module) : NULL;
}

static enum help_link_kind
topic_kind(struct span name)
{
	return has_prefix(name.s, name.n, "about_") ? HELP_LINK_ABOUT
						    : HELP_LINK_COMMAND;
}

/* Cuts v at the first '#' or '?'. */
static struct span
strip_fragment(struct span v)
{
	for (size_t i = 0; i < v.n; i++)
		if (v.s[i] == '#' || v.s[i] == '?')
			return trim(v.s, i);
	return v;
}

/* "xref:Module.Name": the uid's last dotted part names the topic. */
static void
resolve_xref(struct arena *a, struct help_link *l, struct span uid)
{
	struct span name = uid, module = { uid.s, 0 };
	for (size_t i = uid.n; i > 0; i--) {
		if (uid.s[i - 1] == '.') {
			name = (struct span){ uid.s + i, uid.n - i };
			module.n = i - 1;
			break;
		}
	}
	if (module.n > 6 &&
	    span_is((struct span){ module.s + module.n - 6, 6 }, ".About"))
		module.n -= 6;
	enum help_link_kind kind = topic_kind(name);
	/* .NET type uids (System.String) name no help topic. */
	if (name.n == 0 ||
	    (kind == HELP_LINK_COMMAND && !memchr(name.s, '-', name.n)))
		return;
	set_link(a, l, kind, name, module);
}

static bool
is_sep(char c)
{
	return c == '/' || c == '\\';
}

/*
 * The module folder of a relative path that leaves its own folder
 * ("../Module/X.md", "../Module/About/about_X.md"), else empty.
 */
static struct span
path_module(struct span dir)
{
	struct span none = { dir.s, 0 };
	bool up = false;
	size_t end = dir.n, start;
	for (size_t i = 0; i + 1 < dir.n; i++)
		up |= dir.s[i] == '.' && dir.s[i + 1] == '.';
	for (int pass = 0; pass < 2; pass++) {
		while (end > 0 && is_sep(dir.s[end - 1]))
			end--;
		start = end;
		while (start > 0 && !is_sep(dir.s[start - 1]))
			start--;
		struct span last = { dir.s + start, end - start };
		if (pass == 0 && span_is(last, "about")) {
			end = start;
			continue;
		}
		if (!up || last.n == 0 || span_is(last, ".") ||
		    span_is(last, ".."))
			return none;
		return last;
	}
	return none;
}

/* "X.md", "./X.md", "About/about_X.md", "../Module/X.md#anchor". */
static void
resolve_md(struct arena *a, struct help_link *l, struct span path)
{
	path = strip_fragment(path);
	if (path.n < 3 || !has_prefix(path.s + path.n - 3, 3, ".md"))
		return;
	size_t base = path.n - 3;
	while (base > 0 && !is_sep(path.s[base - 1]))
		base--;
	struct span stem = { path.s + base, path.n - 3 - base };
	if (stem.n == 0 || memchr(path.s, ':', path.n))
		return; /* no name, or another URI scheme */
	set_link(a, l, topic_kind(stem), stem,
		 path_module((struct span){ path.s, base }));
}

void
platyps_resolve_link(struct arena *a, struct help_link *l)
{
	l->kind = HELP_LINK_UNRESOLVED;
	l->topic = l->module = NULL;
	if (l->target == NULL)
		return;
	struct span t = trim(l->target, strlen(l->target));
	if (has_prefix(t.s, t.n, "https://") ||
	    has_prefix(t.s, t.n, "http://") ||
	    has_prefix(t.s, t.n, "mailto:") || (t.n && t.s[0] == '/'))
		l->kind =
			HELP_LINK_URL; /* "/dotnet/api/..." is a docs site link */
	else if (has_prefix(t.s, t.n, "xref:"))
		resolve_xref(a, l, strip_fragment(trim(t.s + 5, t.n - 5)));
	else
		resolve_md(a, l, t);
}
