/* SPDX-License-Identifier: MIT */
/*
 * The parameter binder (see bind.h).  The phases follow PowerShell's
 * ParameterBinderController: named arguments, positional arguments (per
 * position: the default set first, without then with type coercion),
 * left-over arguments, pipeline input (by value, by property name; again
 * without coercion first), parameter set resolution, mandatory check.
 *
 * Parameter sets are bit masks over the command's set list, so a command
 * may have at most 64 sets (test_meta checks every table).
 *
 * The type conversions live in bind_convert.c, pipeline input in
 * bind_pipeline.c; bind_internal.h holds what the pieces share.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "bind_internal.h"
#include "i18n.h"
#include "rt_value.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_SETS 64

/* ---------- messages ---------- */

const struct bind_error_text bind_errors[] = {
	[RT_BIND_NAMED_PARAMETER_NOT_FOUND] = { "NamedParameterNotFound",
						N_("A parameter cannot be "
						   "found that matches "
						   "parameter name "
						   "'%s'.") },
	[RT_BIND_AMBIGUOUS_PARAMETER] = { "AmbiguousParameter",
					  N_("Parameter cannot be processed "
					     "because the parameter name "
					     "'%s' is ambiguous. Possible "
					     "matches include:%s.") },
	[RT_BIND_MISSING_ARGUMENT] = { "MissingArgument",
				       N_("Missing an argument for parameter "
					  "'%s'. Specify a "
					  "parameter of type '%s' and try "
					  "again.") },
	[RT_BIND_PARAMETER_ALREADY_BOUND] = { "ParameterAlreadyBound",
					      N_("Cannot bind parameter "
						 "because parameter '%s' is "
						 "specified "
						 "more than once. To provide "
						 "multiple values to "
						 "parameters "
						 "that can accept multiple "
						 "values, use the array "
						 "syntax. For "
						 "example, \"-parameter "
						 "value1,value2,value3\".") },
	[RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND] = { "PositionalParameterNotFou"
						     "nd",
						     N_("A positional "
							"parameter cannot be "
							"found that accepts "
							"argument '%s'.") },
	[RT_BIND_AMBIGUOUS_PARAMETER_SET] = { "AmbiguousParameterSet",
					      N_("Parameter set cannot be "
						 "resolved using the specified "
						 "named "
						 "parameters. One or more "
						 "parameters issued cannot be "
						 "used "
						 "together or an insufficient "
						 "number of parameters were "
						 "provided.") },
	[RT_BIND_CANNOT_CONVERT] = { "CannotConvertArgumentNoMessage",
				     N_("Cannot bind parameter '%s'. %s") },
	[RT_BIND_CANNOT_CONVERT_ARGUMENT] = { "CannotConvertArgument",
					      /* TRANSLATORS: the value, its type, the parameter, a reason. */
					      N_("Cannot convert '%s' to the "
						 "type '%s' required by "
						 "parameter "
						 "'%s'. %s") },
	[RT_BIND_VALIDATION] = { "ParameterArgumentValidationError",
				 N_("Cannot validate argument on parameter "
				    "'%s'. %s") },
	[RT_BIND_NULL_NOT_ALLOWED] = { "ParameterArgumentValidationErrorNullNot"
				       "Allowed",
				       N_("Cannot bind argument to parameter "
					  "'%s' because it is "
					  "null.") },
	[RT_BIND_EMPTY_STRING_NOT_ALLOWED] = { "ParameterArgumentValidationErro"
					       "rEmptyStringNotAllowed",
					       N_("Cannot bind argument to "
						  "parameter '%s' because it "
						  "is an "
						  "empty string.") },
	[RT_BIND_EMPTY_ARRAY_NOT_ALLOWED] = { "ParameterArgumentValidationError"
					      "EmptyArrayNotAllowed",
					      N_("Cannot bind argument to "
						 "parameter '%s' because it is "
						 "an "
						 "empty array.") },
	[RT_BIND_INPUT_NOT_BOUND] = { "InputObjectNotBound",
				      N_("The input object cannot be bound to "
					 "any parameters for the "
					 "command either because the command "
					 "does not take pipeline "
					 "input or the input and its "
					 "properties do not match any of "
					 "the parameters that take pipeline "
					 "input.") },
	[RT_BIND_MISSING_MANDATORY] = { "MissingMandatoryParameter",
					N_("Cannot process command because of "
					   "one or more missing "
					   "mandatory parameters:%s.") },
};

static char *
vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return xstrdup(fmt);
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
bind_format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Records the first error; the rest of binding stops.  Returns false. */
bool
bind_fail(struct binder *bd, enum rt_bind_error e, int arg, ...)
{
	struct rt_binding *b = bd->b;
	va_list ap;

	if (b->error)
		return false;
	b->error = e;
	b->error_id = bind_errors[e].id;
	b->error_arg = arg;
	va_start(ap, arg);
	b->message = vformat(_(bind_errors[e].fmt), ap);
	va_end(ap);
	return false;
}

static const char *const unnamed_sets[] = { HELP_ALL_SETS, NULL };

static uint64_t
all_sets(const struct binder *bd)
{
	return bd->nsets >= 64 ? UINT64_MAX : ((uint64_t)1 << bd->nsets) - 1;
}

/*
 * The sets in which parameter pi sits at position pos (at any position,
 * named included, when pos is -2) and, if pipe is set, takes that
 * pipeline input.
 */
uint64_t
bind_sets_at(const struct binder *bd, size_t pi, int pos, unsigned pipe)
{
	uint64_t m = 0;

	for (size_t s = 0; s < bd->nsets; s++) {
		const struct meta_param_set *ps = bind_member(bd, pi, s);
		if (!ps || (pos >= -1 && ps->position != pos))
			continue;
		if (pipe && !(ps->pipeline & pipe))
			continue;
		m |= (uint64_t)1 << s;
	}
	return m;
}

/* The index of set name in the command's sets, or -1 (names are unique). */
static int
set_index(const struct binder *bd, const char *name)
{
	/* the built-in tables share one string per set name */
	for (size_t s = 0; s < bd->nsets; s++)
		if (bd->sets[s] == name)
			return (int)s;
	for (size_t s = 0; s < bd->nsets; s++)
		if (strcmp(bd->sets[s], name) == 0)
			return (int)s;
	return -1;
}

/*
 * Which membership of each parameter applies in each set (what
 * meta_param_in_set() finds: the first that names the set or all sets),
 * worked out once: binding asks again and again.
 */
static void
fill_members(struct binder *bd)
{
	bd->member = xcalloc(bd->nparams * bd->nsets + 1, sizeof(*bd->member));
	for (size_t pi = 0; pi < bd->nparams; pi++) {
		const struct meta_param *p = bd->params[pi];
		const struct meta_param_set **row = bd->member + pi * bd->nsets;
		for (size_t k = 0; k < p->nsets; k++) {
			const char *name = p->sets[k].set;
			if (strcmp(name, HELP_ALL_SETS) == 0) {
				for (size_t s = 0; s < bd->nsets; s++)
					if (!row[s])
						row[s] = &p->sets[k];
				continue;
			}
			int s = set_index(bd, name);
			if (s >= 0 && !row[s])
				row[s] = &p->sets[k];
		}
	}
}

static void
add_params(struct binder *bd, const struct meta_param *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bd->params[bd->nparams++] = &v[i];
}

static void
binder_init(struct binder *bd, struct rt_binding *b,
	    const struct meta_command *cmd, const struct rt_arg *args,
	    size_t nargs)
{
	size_t ncommon = 0, nsp = 0;
	const struct meta_param *common = meta_common_params(&ncommon);
	const struct meta_param *sp = meta_should_process_params(&nsp);

	memset(bd, 0, sizeof(*bd));
	bd->cmd = cmd;
	bd->b = b;
	bd->args = args;
	bd->nargs = nargs;
	if (!cmd->common_parameters)
		ncommon = 0;
	if (!cmd->should_process)
		nsp = 0;
	bd->params =
		xcalloc(cmd->nparams + ncommon + nsp + 1, sizeof(*bd->params));
	add_params(bd, cmd->params, cmd->nparams);
	bd->ndeclared = bd->nparams;
	add_params(bd, common, ncommon);
	add_params(bd, sp, nsp);

	bd->sets = cmd->sets && cmd->sets[0] ? cmd->sets : unnamed_sets;
	while (bd->sets[bd->nsets] && bd->nsets < MAX_SETS)
		bd->nsets++;
	bd->dflt = -1;
	for (size_t s = 0; cmd->default_set && s < bd->nsets; s++)
		if (strcmp(cmd->default_set, bd->sets[s]) == 0)
			bd->dflt = (int)s;

	fill_members(bd);
	bd->masks = xcalloc(bd->nparams + 1, sizeof(*bd->masks));
	bd->slot = xcalloc(bd->nparams + 1, sizeof(*bd->slot));
	for (size_t i = 0; i < bd->nparams; i++) {
		bd->masks[i] = bind_sets_at(bd, i, -2, 0);
		bd->slot[i] = -1;
	}
	bd->valid = all_sets(bd);
}

static void
binder_release(struct binder *bd)
{
	free(bd->params);
	free(bd->masks);
	free(bd->member);
	free(bd->slot);
}

/* Takes over v. */
void
bind_value(struct binder *bd, size_t pi, struct rt_value *v, int arg, bool pipe)
{
	struct rt_binding *b = bd->b;
	size_t cap = b->nbound; /* grown one at a time: few parameters */

	b->bound = xrealloc(b->bound, (cap + 1) * sizeof(*b->bound));
	b->bound[b->nbound] = (struct rt_bound){
		.param = bd->params[pi],
		.value = v,
		.arg = arg,
		.from_pipeline = pipe,
	};
	bd->slot[pi] = (int)b->nbound++;
	bd->valid &= bd->masks[pi];
}

/* ---------- parameter names ---------- */

static bool
name_is(const char *name, const char *token)
{
	return strcasecmp(name, token) == 0;
}

static bool
prefix_of(const char *name, const char *token, size_t n)
{
	return strncasecmp(name, token, n) == 0;
}

/* Matches p by exact name or alias (exact) or by prefix (!exact). */
static bool
param_matches(const struct meta_param *p, const char *token, bool exact)
{
	size_t n = strlen(token);

	if (exact ? name_is(p->name, token) : prefix_of(p->name, token, n))
		return true;
	for (const char *const *a = p->aliases; a && *a; a++)
		if (exact ? name_is(*a, token) : prefix_of(*a, token, n))
			return true;
	return false;
}

static bool
ambiguous(struct binder *bd, int arg, const char *token, const size_t *hits,
	  size_t nhits)
{
	struct strbuf list = STRBUF_INIT;
	strbuf_init(&list);
	for (size_t i = 0; i < nhits; i++)
		strbuf_addf(&list, " -%s", bd->params[hits[i]]->name);
	bind_fail(bd, RT_BIND_AMBIGUOUS_PARAMETER, arg, token, list.buf);
	strbuf_release(&list);
	return false;
}

/*
 * PowerShell's GetMatchingParameter: an exact name or alias wins, else
 * a unique prefix of a name or alias; among several prefix matches a
 * single declared parameter beats the common ones.
 */
static bool
match_param(struct binder *bd, int arg, const char *token, size_t *out)
{
	size_t *hits, nhits = 0, ndecl = 0, decl = 0;

	for (size_t i = 0; *token && i < bd->nparams; i++) {
		if (param_matches(bd->params[i], token, true)) {
			*out = i;
			return true;
		}
	}
	hits = xcalloc(bd->nparams + 1, sizeof(*hits));
	for (size_t i = 0; *token && i < bd->nparams; i++) {
		if (!param_matches(bd->params[i], token, false))
			continue;
		hits[nhits++] = i;
		if (i < bd->ndeclared) {
			ndecl++;
			decl = i;
		}
	}
	bool ok = nhits == 1 || ndecl == 1;
	if (ok)
		*out = nhits == 1 ? hits[0] : decl;
	else if (nhits == 0)
		bind_fail(bd, RT_BIND_NAMED_PARAMETER_NOT_FOUND, arg, token);
	else
		ambiguous(bd, arg, token, hits, nhits);
	free(hits);
	return ok;
}

/* Reports a conversion failure; takes over c->message. */
static bool
report_conv(struct binder *bd, struct conv *c, int arg)
{
	struct rt_binding *b = bd->b;

	if (b->error || !c->error) {
		free(c->message);
		return false;
	}
	b->error = c->error;
	b->error_id = bind_errors[c->error].id;
	b->error_arg = arg;
	b->message = c->message;
	return false;
}

/* ---------- named arguments ---------- */

static bool
bind_converted(struct binder *bd, size_t pi, struct rt_value *v, int arg,
	       int value_arg)
{
	struct conv c = { RT_BIND_OK, NULL };
	struct rt_value *r = NULL;

	if (bind_not_null_or_empty(bd->cmd, bd->params[pi], v, &c))
		r = bind_convert(bd->params[pi], v, &c);
	if (!r)
		return report_conv(bd, &c, value_arg);
	bind_value(bd, pi, r, arg, false);
	return true;
}

/* Binds args[*i] (a -Name token), consuming its value; false on error. */
static bool
bind_named_one(struct binder *bd, size_t *i)
{
	const struct rt_arg *a = &bd->args[*i];
	int arg = (int)*i, value_arg = arg;
	struct rt_value *v = NULL;
	size_t pi;

	if (!match_param(bd, arg, a->name, &pi))
		return false;
	const struct meta_param *p = bd->params[pi];
	if (bd->slot[pi] >= 0)
		return bind_fail(bd, RT_BIND_PARAMETER_ALREADY_BOUND, arg,
				 a->name);
	if (a->colon) {
		v = a->value;
		if (!v)
			return bind_fail(bd, RT_BIND_MISSING_ARGUMENT, arg,
					 p->name, p->type_name);
	} else if (p->type != META_TYPE_SWITCH) {
		if (*i + 1 >= bd->nargs || bd->args[*i + 1].name ||
		    !bd->args[*i + 1].value)
			return bind_fail(bd, RT_BIND_MISSING_ARGUMENT, arg,
					 p->name, p->type_name);
		v = bd->args[++*i].value;
		value_arg = (int)*i;
	}
	return bind_converted(bd, pi, v, arg, value_arg);
}

static bool
bind_named(struct binder *bd, size_t *positional, size_t *npositional)
{
	for (size_t i = 0; i < bd->nargs; i++) {
		if (!bd->args[i].name) {
			if (bd->args[i].value)
				positional[(*npositional)++] = i;
			continue;
		}
		if (!bind_named_one(bd, &i))
			return false;
	}
	if (!bd->valid)
		return bind_fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
	return true;
}

/* ---------- positional arguments ---------- */

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The distinct positions of unbound parameters in the valid sets. */
static size_t
positions(const struct binder *bd, int *out)
{
	size_t n = 0;

	for (size_t pi = 0; pi < bd->nparams; pi++) {
		const struct meta_param *p = bd->params[pi];
		for (size_t s = 0; bd->slot[pi] < 0 && s < p->nsets; s++) {
			int pos = p->sets[s].position;
			if (pos != META_POSITION_NAMED)
				out[n++] = pos;
		}
	}
	qsort(out, n, sizeof(*out), cmp_int);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || out[k - 1] != out[i])
			out[k++] = out[i];
	return k;
}

/* The sets to try in one pass: the default set alone, or all valid. */
uint64_t
bind_pass_sets(const struct binder *bd, bool default_only)
{
	if (!default_only)
		return bd->valid;
	if (bd->dflt < 0)
		return 0;
	return bd->valid & ((uint64_t)1 << bd->dflt);
}

/*
 * Tries to bind value to an unbound parameter taking `pipe` input (or at
 * position pos when pipe is 0) in the sets of the pass.  Conversion
 * errors are kept in *c for the caller to report if nothing binds.
 */
static bool
try_bind(struct binder *bd, int pos, unsigned pipe, uint64_t sets, bool coerce,
	 struct rt_value *value, int arg, struct conv *c)
{
	for (size_t pi = 0; sets && pi < bd->nparams; pi++) {
		const struct meta_param *p = bd->params[pi];
		if (bd->slot[pi] >= 0 ||
		    !(bind_sets_at(bd, pi, pos, pipe) & sets))
			continue;
		if (!coerce && !bind_native(p, value))
			continue;
		struct conv mine = { RT_BIND_OK, NULL };
		struct rt_value *r = NULL;
		if (bind_not_null_or_empty(bd->cmd, p, value, &mine))
			r = bind_convert(p, value, &mine);
		if (!r) {
			if (!c->error)
				*c = mine;
			else
				free(mine.message);
			continue;
		}
		bind_value(bd, pi, r, arg, pipe != 0);
		return true;
	}
	return false;
}

/* The four passes: default set first, without then with coercion. */
static bool
try_passes(struct binder *bd, int pos, unsigned pipe, struct rt_value *v,
	   int arg, struct conv *c)
{
	for (int coerce = 0; coerce < 2; coerce++)
		for (int all = 0; all < 2; all++)
			if (try_bind(bd, pos, pipe, bind_pass_sets(bd, !all),
				     coerce, v, arg, c))
				return true;
	return false;
}

static bool
has_candidates(const struct binder *bd, int pos)
{
	for (size_t pi = 0; pi < bd->nparams; pi++)
		if (bd->slot[pi] < 0 &&
		    (bind_sets_at(bd, pi, pos, 0) & bd->valid))
			return true;
	return false;
}

static char *
arg_display(const struct rt_value *v)
{
	if (v->kind == RT_VAL_ARRAY)
		return xstrdup("System.Object[]");
	return rt_value_to_string(v);
}

static bool
positional_not_found(struct binder *bd, size_t arg)
{
	char *shown = arg_display(bd->args[arg].value);
	bind_fail(bd, RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND, (int)arg, shown);
	free(shown);
	return false;
}

/* The parameter that takes left-over arguments in a valid set, or -1. */
static int
remaining_param(const struct binder *bd)
{
	for (size_t pi = 0; pi < bd->nparams; pi++)
		if (bind_sets_at(bd, pi, -2, HELP_PIPE_FROM_REMAINING) &
		    bd->valid)
			return (int)pi;
	return -1;
}

/*
 * Left-over positional arguments go to a ValueFromRemainingArguments
 * parameter, after its own positional value if it got one.
 */
static bool
bind_remaining(struct binder *bd, const size_t *left, size_t n)
{
	int pi = remaining_param(bd);
	struct rt_value *raw;
	int first;

	if (n == 0)
		return true;
	/* A value given by name does not collect the rest. */
	if (pi < 0 || (bd->slot[pi] >= 0 &&
		       bd->args[bd->b->bound[bd->slot[pi]].arg].name))
		return positional_not_found(bd, left[0]);
	raw = rt_array_new();
	first = (int)left[0];
	if (bd->slot[pi] >= 0) {
		first = bd->b->bound[bd->slot[pi]].arg;
		rt_array_push(raw, rt_value_ref(bd->args[first].value));
	}
	for (size_t i = 0; i < n; i++)
		rt_array_push(raw, rt_value_ref(bd->args[left[i]].value));

	struct conv c = { RT_BIND_OK, NULL };
	struct rt_value *r = bind_convert(bd->params[pi], raw, &c);
	rt_value_unref(raw);
	if (!r)
		return report_conv(bd, &c, first);
	if (bd->slot[pi] >= 0) {
		struct rt_bound *old = &bd->b->bound[bd->slot[pi]];
		rt_value_unref(old->value);
		old->value = r;
	} else {
		bind_value(bd, (size_t)pi, r, first, false);
	}
	return true;
}

static bool
bind_positional(struct binder *bd, const size_t *pos_args, size_t npos)
{
	size_t total = 0, next = 0;
	bool ok = true;

	for (size_t pi = 0; pi < bd->nparams; pi++)
		total += bd->params[pi]->nsets;
	int *pos = xcalloc(total + 1, sizeof(*pos));
	size_t npositions = positions(bd, pos);

	for (size_t k = 0; ok && k < npositions && next < npos; k++) {
		if (!has_candidates(bd, pos[k]))
			continue;
		size_t arg = pos_args[next];
		struct conv c = { RT_BIND_OK, NULL };
		if (try_passes(bd, pos[k], 0, bd->args[arg].value, (int)arg,
			       &c)) {
			free(c.message);
			next++;
		} else if (c.error) {
			ok = report_conv(bd, &c, (int)arg);
		} else {
			ok = positional_not_found(bd, arg);
		}
	}
	free(pos);
	return ok && bind_remaining(bd, pos_args + next, npos - next);
}

/* ---------- parameter sets ---------- */

/* True if every mandatory parameter of set s is bound. */
static bool
mandatory_bound(const struct binder *bd, size_t s)
{
	for (size_t pi = 0; pi < bd->ndeclared; pi++) {
		const struct meta_param_set *ps =
			bind_member(bd, pi, s);
		if (ps && ps->mandatory && bd->slot[pi] < 0)
			return false;
	}
	return true;
}

static int
only_set(uint64_t m)
{
	if (!m || (m & (m - 1)))
		return -1;
	int s = 0;
	while (!(m & 1)) {
		m >>= 1;
		s++;
	}
	return s;
}

/*
 * PowerShell's ValidateParameterSets: a single possible set; else the
 * default set if it is possible; else the one set whose mandatory
 * parameters are all bound (ResolveParameterSetAmbiguityBased-
 * OnMandatoryParameters); else the set cannot be resolved.
 */
static int
resolve_set(const struct binder *bd)
{
	uint64_t complete = 0;

	if (only_set(bd->valid) >= 0)
		return only_set(bd->valid);
	if (bind_pass_sets(bd, true))
		return bd->dflt;
	for (size_t s = 0; s < bd->nsets; s++)
		if ((bd->valid & ((uint64_t)1 << s)) && mandatory_bound(bd, s))
			complete |= (uint64_t)1 << s;
	return only_set(complete);
}

static bool
check_mandatory(struct binder *bd, size_t s)
{
	struct rt_binding *b = bd->b;
	struct strbuf names = STRBUF_INIT;

	b->missing = xcalloc(bd->ndeclared + 1, sizeof(*b->missing));
	for (size_t pi = 0; pi < bd->ndeclared; pi++) {
		const struct meta_param_set *ps =
			bind_member(bd, pi, s);
		if (ps && ps->mandatory && bd->slot[pi] < 0)
			b->missing[b->nmissing++] = bd->params[pi];
	}
	if (!b->nmissing)
		return true;
	strbuf_init(&names);
	for (size_t i = 0; i < b->nmissing; i++)
		strbuf_addf(&names, " %s", b->missing[i]->name);
	bind_fail(bd, RT_BIND_MISSING_MANDATORY, -1, names.buf);
	strbuf_release(&names);
	return false;
}

/* ---------- entry points ---------- */

static bool
bind_all(struct binder *bd, struct rt_value *input)
{
	size_t *pos_args = xcalloc(bd->nargs + 1, sizeof(*pos_args));
	size_t npos = 0;
	bool ok = bind_named(bd, pos_args, &npos) &&
		  bind_positional(bd, pos_args, npos) &&
		  (!input || bind_pipeline(bd, input));

	free(pos_args);
	if (!ok) {
		/* Every failing path reports; this only guards the contract. */
		if (!bd->b->error)
			bind_fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
		return false;
	}
	int s = resolve_set(bd);
	if (s < 0)
		return bind_fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
	bd->b->set = bd->sets[s];
	return check_mandatory(bd, (size_t)s);
}

enum rt_bind_error
rt_bind(struct rt_binding *b, const struct meta_command *cmd,
	const struct rt_arg *args, size_t nargs, struct rt_value *input)
{
	struct binder bd;

	memset(b, 0, sizeof(*b));
	b->cmd = cmd;
	b->error_arg = -1;
	binder_init(&bd, b, cmd, args, nargs);
	bind_all(&bd, input);
	binder_release(&bd);
	return b->error;
}

void
rt_binding_release(struct rt_binding *b)
{
	for (size_t i = 0; i < b->nbound; i++)
		rt_value_unref(b->bound[i].value);
	free(b->bound);
	free(b->message);
	free(b->missing);
	memset(b, 0, sizeof(*b));
	b->error_arg = -1;
}

struct rt_value *
rt_binding_get(const struct rt_binding *b, const char *name)
{
	for (size_t i = 0; i < b->nbound; i++)
		if (strcasecmp(b->bound[i].param->name, name) == 0)
			return b->bound[i].value;
	return NULL;
}

bool
rt_binding_switch(const struct rt_binding *b, const char *name)
{
	const struct rt_value *v = rt_binding_get(b, name);
	return v && v->kind == RT_VAL_BOOL && v->u.b;
}

const struct meta_param *
rt_binding_unsupported(const struct rt_binding *b)
{
	for (size_t i = 0; i < b->nbound; i++) {
		const struct meta_param *p = b->bound[i].param;
		const struct rt_value *v = b->bound[i].value;
		/* -Verbose:$false or -Confirm:$false asks for nothing */
		bool off = p->type == META_TYPE_SWITCH && v &&
			   v->kind == RT_VAL_BOOL && !v->u.b;
		if (!p->supported && !off)
			return p;
	}
	return NULL;
}

char *
rt_bind_prompt_caption(const char *command, int position)
{
	return bind_format(_("cmdlet %s at command pipeline position %d"),
			   command, position);
}

const char *
rt_bind_prompt_message(void)
{
	return _("Supply values for the following parameters:");
}
