/* SPDX-License-Identifier: MIT */
/*
 * The parameter yaml block through libyaml, in both platyPS schemas:
 * 2.0.0 (`Parameter Sets: A, B`, `Required: True (A), False (B)`, ...)
 * and 2024-05-01 (`ParameterSets:` a list of maps with Position,
 * IsRequired and the pipeline flags per set).  Either way the model gets
 * both views: the 2.0.0 fields renderers show and one help_param_set per
 * set that validate compares with the metadata.  A block libyaml cannot
 * read (platyPS writes `Default value: * (all)`, an alias to YAML) is
 * reported and read line by line.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "platyps_meta.h"
#include "strbuf.h"
#include "yaml_internal.h"

struct pctx {
	struct arena *a;
	struct help_param *p;
	struct diag_ctx *dx;
	uint32_t line0, col0; /* where the block's text starts */
	bool v2;	      /* a 2024-05-01 key was seen */
};

static uint32_t
abs_line(const struct pctx *c, uint32_t line)
{
	return c->line0 + line - 1;
}

static uint32_t
abs_col(const struct pctx *c, uint32_t col)
{
	return c->col0 + col - 1;
}

static void
report_at(struct pctx *c, const struct platyps_yaml_node *n, enum diag_id id,
	  const char *a1, const char *a2)
{
	diag_report(c->dx, id, abs_line(c, n->line), abs_col(c, n->col), a1,
		    a2);
}

static bool
scalar_is(const struct platyps_yaml_node *n, const char *lit)
{
	if (!n || n->kind != PY_SCALAR || n->len != strlen(lit))
		return false;
	return strncasecmp(n->value, lit, n->len) == 0;
}

static const char *
node_text(struct pctx *c, const struct platyps_yaml_node *n)
{
	if (!n)
		return "";
	if (n->kind == PY_SCALAR)
		return n->value;
	return n->kind == PY_SEQUENCE ? "[...]" : "{...}";
}

/* true/false (YAML 1.1 spellings too); reports anything else. */
static bool
read_flag(struct pctx *c, const struct platyps_yaml_node *n, const char *key,
	  bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	for (size_t i = 0; i < 3; i++) {
		if (scalar_is(n, yes[i]) || scalar_is(n, no[i])) {
			*out = scalar_is(n, yes[i]);
			return true;
		}
	}
	report_at(c, n, DIAG_PARAM_YAML_VALUE, key, node_text(c, n));
	return false;
}

/* A list of scalars, or one scalar split on commas; [] and '' are empty. */
static size_t
read_list(struct pctx *c, const struct platyps_yaml_node *n, const char *key,
	  const char ***out)
{
	*out = NULL;
	if (n->kind == PY_SCALAR)
		return platyps_split_commas(c->a, n->value, n->len, out);
	if (n->kind != PY_SEQUENCE) {
		report_at(c, n, DIAG_PARAM_YAML_VALUE, key, node_text(c, n));
		return 0;
	}
	const char **v = arena_array(c->a, n->n + 1, sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < n->n; i++) {
		const struct platyps_yaml_node *it = n->items[i];
		if (it->kind != PY_SCALAR)
			report_at(c, it, DIAG_PARAM_YAML_VALUE, key,
				  node_text(c, it));
		else if (it->len)
			v[k++] = it->value;
	}
	*out = k ? v : NULL;
	return k;
}

static const char *
scalar_or_null(struct pctx *c, const struct platyps_yaml_node *n,
	       const char *key)
{
	if (n->kind != PY_SCALAR) {
		report_at(c, n, DIAG_PARAM_YAML_VALUE, key, node_text(c, n));
		return NULL;
	}
	return n->len ? n->value : NULL;
}

/* One map of a 2024-05-01 ParameterSets list. */
static void
read_set(struct pctx *c, const struct platyps_yaml_node *m,
	 struct help_param_set *ps)
{
	static const struct {
		const char *key;
		unsigned bit;
	} pipes[] = {
		{ "ValueFromPipeline", HELP_PIPE_BY_VALUE },
		{ "ValueFromPipelineByPropertyName",
		  HELP_PIPE_BY_PROPERTY_NAME },
		{ "ValueFromRemainingArguments", HELP_PIPE_FROM_REMAINING },
	};
	memset(ps, 0, sizeof(*ps));
	ps->name = HELP_ALL_SETS;
	if (m->kind != PY_MAPPING) {
		report_at(c, m, DIAG_PARAM_YAML_VALUE, "ParameterSets",
			  node_text(c, m));
		return;
	}
	for (size_t i = 0; 2 * i + 1 < m->n; i++) {
		const struct platyps_yaml_node *k = m->items[2 * i],
					       *v = m->items[2 * i + 1];
		const char *key = node_text(c, k);
		bool b = false;
		size_t j;
		for (j = 0; j < sizeof(pipes) / sizeof(pipes[0]); j++)
			if (scalar_is(k, pipes[j].key))
				break;
		if (j < sizeof(pipes) / sizeof(pipes[0])) {
			if (read_flag(c, v, pipes[j].key, &b) && b)
				ps->pipeline |= pipes[j].bit;
		} else if (scalar_is(k, "Name")) {
			const char *name = scalar_or_null(c, v, "Name");
			if (name && strcmp(name, "(All)") != 0)
				ps->name = name;
		} else if (scalar_is(k, "Position")) {
			ps->position = scalar_or_null(c, v, "Position");
		} else if (scalar_is(k, "IsRequired")) {
			if (read_flag(c, v, "IsRequired", &b))
				ps->required = b;
		} else if (scalar_is(k, "DontShow")) {
			if (read_flag(c, v, "DontShow", &b) && b)
				c->p->dont_show = true;
		} else if (scalar_is(k, "HelpMessage")) {
			const char *h = scalar_or_null(c, v, "HelpMessage");
			if (h)
				c->p->help_message = h;
		} else if (scalar_is(k, "AcceptedValues")) {
			const char **vals;
			size_t nv = read_list(c, v, "AcceptedValues", &vals);
			if (nv) {
				c->p->accepted_values = vals;
				c->p->naccepted = nv;
			}
		} else {
			report_at(c, k, DIAG_PARAM_YAML_KEY, key, NULL);
		}
	}
}

static void
read_sets(struct pctx *c, const struct platyps_yaml_node *n)
{
	if (n->kind != PY_SEQUENCE) {
		report_at(c, n, DIAG_PARAM_YAML_VALUE, "ParameterSets",
			  node_text(c, n));
		return;
	}
	struct help_param *p = c->p;
	p->set_info = arena_array(c->a, n->n + 1, sizeof(*p->set_info));
	p->nset_info = n->n;
	for (size_t i = 0; i < n->n; i++)
		read_set(c, n->items[i], &p->set_info[i]);
}

/* A 2024-05-01 key; false if key is none of them. */
static bool
read_v2_key(struct pctx *c, const struct platyps_yaml_node *k,
	    const struct platyps_yaml_node *v)
{
	struct help_param *p = c->p;
	bool b;
	if (scalar_is(k, "Type")) {
		/* Type is the same key in both schemas. */
		return false;
	} else if (scalar_is(k, "DefaultValue")) {
		p->default_value = scalar_or_null(c, v, "DefaultValue");
	} else if (scalar_is(k, "SupportsWildcards")) {
		if (read_flag(c, v, "SupportsWildcards", &b))
			p->wildcards = b;
	} else if (scalar_is(k, "ParameterValue")) {
		const char **vals;
		(void)read_list(c, v, "ParameterValue", &vals);
	} else if (scalar_is(k, "Aliases") && v->kind == PY_SEQUENCE) {
		p->naliases = read_list(c, v, "Aliases", &p->aliases);
	} else if (scalar_is(k, "ParameterSets")) {
		read_sets(c, v);
	} else if (scalar_is(k, "DontShow")) {
		if (read_flag(c, v, "DontShow", &b))
			p->dont_show = b;
	} else if (scalar_is(k, "AcceptedValues")) {
		p->naccepted =
			read_list(c, v, "AcceptedValues", &p->accepted_values);
	} else if (scalar_is(k, "HelpMessage")) {
		p->help_message = scalar_or_null(c, v, "HelpMessage");
	} else {
		return false;
	}
	c->v2 = true;
	return true;
}

static void
read_pair(struct pctx *c, const struct platyps_yaml_node *k,
	  const struct platyps_yaml_node *v)
{
	if (read_v2_key(c, k, v))
		return;
	const char *key = node_text(c, k);
	if (k->kind == PY_SCALAR && v->kind == PY_SEQUENCE) {
		/* `Aliases: [a, b]` in a 2.0.0 block: join what it lists. */
		const char **items;
		size_t n = read_list(c, v, key, &items);
		struct strbuf joined = STRBUF_INIT;
		strbuf_init(&joined);
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&joined, "%s%s", i ? ", " : "", items[i]);
		bool known = platyps_param_v1_value(
			c->a, c->p, key, joined.buf, joined.len,
			abs_line(c, v->line), abs_col(c, v->col), c->dx);
		strbuf_release(&joined);
		if (known)
			return;
	} else if (k->kind == PY_SCALAR && v->kind == PY_SCALAR &&
		   platyps_param_v1_value(c->a, c->p, key, v->value, v->len,
					  abs_line(c, v->line),
					  abs_col(c, v->col), c->dx)) {
		return;
	}
	report_at(c, k, DIAG_PARAM_YAML_KEY, key, NULL);
}

static void
pipeline_text(struct pctx *c)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	help_pipeline_text(&sb, c->p->pipeline);
	c->p->pipeline_text = arena_strndup(c->a, sb.buf, sb.len);
	strbuf_release(&sb);
}

/* The 2.0.0 fields from the per-set list of a 2024-05-01 block. */
static void
fields_from_sets(struct pctx *c)
{
	struct help_param *p = c->p;
	p->sets = arena_array(c->a, p->nset_info + 1, sizeof(*p->sets));
	p->required = arena_array(c->a, p->nset_info + 1, sizeof(*p->required));
	p->nsets = p->nrequired = 0;
	p->all_sets = p->nset_info == 0;
	p->pipeline = 0;
	for (size_t i = 0; i < p->nset_info; i++) {
		const struct help_param_set *s = &p->set_info[i];
		bool all = strcmp(s->name, HELP_ALL_SETS) == 0;
		p->all_sets |= all;
		if (!all)
			p->sets[p->nsets++] = s->name;
		p->required[p->nrequired++] =
			(struct help_required){ all ? NULL : s->name,
						s->required };
		p->pipeline |= s->pipeline;
		if (!p->position && s->position)
			p->position = s->position;
	}
	if (p->all_sets)
		p->nsets = 0;
	if (p->nrequired == 1 && p->required[0].set)
		p->required[0].set = NULL;
	p->required_text =
		p->nrequired && p->required[0].required ? "True" : "False";
	pipeline_text(c);
}

static bool
required_in(const struct help_param *p, const char *set)
{
	for (size_t i = 0; i < p->nrequired; i++)
		if (!p->required[i].set ||
		    (set && strcasecmp(p->required[i].set, set) == 0))
			return p->required[i].required;
	return false;
}

/* One help_param_set per named set of a 2.0.0 block. */
static void
sets_from_fields(struct pctx *c)
{
	struct help_param *p = c->p;
	size_t n = p->all_sets || p->nsets == 0 ? 1 : p->nsets;
	p->set_info = arena_array(c->a, n, sizeof(*p->set_info));
	p->nset_info = n;
	for (size_t i = 0; i < n; i++) {
		const char *name = p->all_sets || p->nsets == 0 ? HELP_ALL_SETS
								: p->sets[i];
		p->set_info[i] = (struct help_param_set){
			.name = name,
			.position = p->position,
			.required = required_in(
				p, strcmp(name, HELP_ALL_SETS) ? name : NULL),
			.pipeline = p->pipeline,
		};
	}
}

static void
report_load_error(struct pctx *c, const struct platyps_yaml_error *e)
{
	uint32_t line = abs_line(c, e->line ? e->line : 1);
	uint32_t col = abs_col(c, e->col ? e->col : 1);
	diag_report(c->dx,
		    e->unsupported ? DIAG_YAML_UNSUPPORTED : DIAG_YAML_SYNTAX,
		    line, col, e->message);
}

void
platyps_parse_param_yaml(struct arena *a, const char *text, struct help_pos pos,
			 struct help_param *p, struct diag_ctx *dx)
{
	struct pctx c = { .a = a,
			  .p = p,
			  .dx = dx,
			  .line0 = pos.line,
			  .col0 = pos.col ? pos.col : 1 };
	struct platyps_yaml_node *root;
	struct platyps_yaml_error err;
	const char *t = text ? text : "";

	platyps_param_reset(p, pos);
	if (!platyps_yaml_load(a, t, strlen(t), &root, &err)) {
		report_load_error(&c, &err);
		platyps_param_yaml_lines(a, t, pos, p, dx);
	} else if (root && root->kind != PY_MAPPING) {
		platyps_param_yaml_lines(a, t, pos, p, dx);
	} else if (root) {
		for (size_t i = 0; 2 * i + 1 < root->n; i++)
			read_pair(&c, root->items[2 * i],
				  root->items[2 * i + 1]);
	}
	if (c.v2 && p->nset_info)
		fields_from_sets(&c);
	platyps_param_finish(a, p);
	if (!p->nset_info)
		sets_from_fields(&c);
}
