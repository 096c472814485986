/* SPDX-License-Identifier: MIT */
/*
 * The parameter binder's pipeline input (see bind.c): by value and by
 * property name, each first without and then with type coercion.
 */
#include <stdlib.h>

#include "bind_internal.h"
#include "rt_value.h"
#include "session_props.h"

/* ---------- pipeline input ---------- */

/* A new reference to property `name` of v, or NULL. */
static struct rt_value *
property(const struct rt_value *v, const char *name)
{
	if (v->kind == RT_VAL_RECORD)
		return rt_value_ref(rt_record_get(v, name));
	if (v->kind == RT_VAL_SESSION)
		return rt_session_prop(v->u.session, name);
	return NULL;
}

static struct rt_value *
property_for(const struct meta_param *p, const struct rt_value *v)
{
	struct rt_value *r = property(v, p->name);
	for (const char *const *a = p->aliases; !r && a && *a; a++)
		r = property(v, *a);
	return r;
}

/*
 * Binds the object (by value) or its properties (by property name) to
 * every unbound parameter that takes that input in one of `sets`.  As in
 * PowerShell, the sets narrow only after the whole pass.
 */
static bool
bind_input_in(struct binder *bd, struct rt_value *input, unsigned pipe,
	      bool coerce, uint64_t sets)
{
	bool any = false;

	for (size_t pi = 0; sets && pi < bd->nparams; pi++) {
		const struct meta_param *p = bd->params[pi];
		if (bd->slot[pi] >= 0 ||
		    !(bind_sets_at(bd, pi, -2, pipe) & sets))
			continue;
		struct rt_value *v = pipe == HELP_PIPE_BY_VALUE
					     ? rt_value_ref(input)
					     : property_for(p, input);
		struct conv c = { RT_BIND_OK, NULL };
		struct rt_value *r = NULL;
		if (v && (coerce || bind_native(p, v)))
			r = bind_convert(p, v, &c);
		free(c.message);
		rt_value_unref(v);
		if (r) {
			bind_value(bd, pi, r, -1, true);
			any = true;
		}
	}
	return any;
}

/* One binding state: the default set first, the others only if need be. */
static bool
bind_input_state(struct binder *bd, struct rt_value *input, unsigned pipe,
		 bool coerce)
{
	uint64_t dflt = bind_pass_sets(bd, true), valid = bd->valid;

	if (dflt && bind_input_in(bd, input, pipe, coerce, dflt))
		return true;
	return bind_input_in(bd, input, pipe, coerce, valid & ~dflt);
}

/*
 * PowerShell's four states: by value, by property name, each first
 * without and then with type coercion.
 */
bool
bind_pipeline(struct binder *bd, struct rt_value *input)
{
	static const unsigned pipes[2] = { HELP_PIPE_BY_VALUE,
					   HELP_PIPE_BY_PROPERTY_NAME };
	bool any = false;

	for (int coerce = 0; coerce < 2; coerce++) {
		for (int k = 0; k < 2; k++) {
			if (!bind_input_state(bd, input, pipes[k], coerce))
				continue;
			any = true;
			if (!bd->valid)
				return bind_fail(
					bd, RT_BIND_AMBIGUOUS_PARAMETER_SET,
					-1);
			/* Once the default set is possible it is chosen. */
			if (bind_pass_sets(bd, true))
				bd->valid = bind_pass_sets(bd, true);
		}
	}
	if (!any)
		return bind_fail(bd, RT_BIND_INPUT_NOT_BOUND, -1);
	return true;
}
