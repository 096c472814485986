/* SPDX-License-Identifier: MIT */
/*
 * An example's command bound as a whole, with psh's own binder and
 * without running it: literals are what they say, and what only the
 * running script knows (a variable, an expandable string, a property)
 * is a stand-in that binds to any type.  What still fails fails for
 * every value those could have: too many positional arguments, a
 * parameter given twice, a missing value, a literal the type refuses,
 * sets that exclude each other.
 */
#include <stdlib.h>

#include "ast.h"
#include "bind.h"
#include "diag.h"
#include "eval.h"
#include "examples_internal.h"
#include "rt_value.h"
#include "xalloc.h"

/* The value n stands for before the script runs. */
static struct rt_value *
static_value(const struct psh_node *n)
{
	struct rt_value *v = psh_eval_literal(n);

	if (v)
		return v;
	if (n->kind != PSH_ARRAY)
		return rt_unknown();
	v = rt_array_new();
	for (size_t i = 0; i < n->nkids; i++)
		rt_array_push(v, static_value(n->kids[i]));
	return v;
}

struct static_args {
	struct rt_arg *v;
	const struct psh_node **nodes; /* the node each argument came from */
	size_t n;
};

static void
args_build(const struct psh_node *cmd, struct static_args *a)
{
	a->v = xcalloc(cmd->nkids + 1, sizeof(*a->v));
	a->nodes = xcalloc(cmd->nkids + 1, sizeof(*a->nodes));
	a->n = 0;
	for (size_t i = 1; i < cmd->nkids; i++) {
		const struct psh_node *k = cmd->kids[i];
		struct rt_arg *arg = &a->v[a->n];
		if (k->kind == PSH_PARAM) {
			arg->name = k->text;
			arg->colon = k->colon;
			if (k->colon && k->nkids)
				arg->value = static_value(k->kids[0]);
		} else {
			arg->value = static_value(k);
		}
		a->nodes[a->n++] = k;
	}
}

static void
args_release(struct static_args *a)
{
	for (size_t i = 0; i < a->n; i++)
		rt_value_unref(a->v[i].value);
	free(a->v);
	free(a->nodes);
}

/*
 * Whether error e is one every run of the example would get.  A missing
 * mandatory parameter is prompted for; names the per-parameter check
 * reported already.  Pipeline input may decide the set; a positional
 * value only the run knows may go to another parameter than the binder
 * guessed, so then only errors of the names stand.
 */
static bool
always_fails(enum rt_bind_error e, struct ex_call call)
{
	switch (e) {
	case RT_BIND_OK:
	case RT_BIND_MISSING_MANDATORY:
	case RT_BIND_NAMED_PARAMETER_NOT_FOUND:
	case RT_BIND_AMBIGUOUS_PARAMETER:
	case RT_BIND_INPUT_NOT_BOUND:
		return false;
	case RT_BIND_PARAMETER_ALREADY_BOUND:
	case RT_BIND_MISSING_ARGUMENT:
		return true;
	case RT_BIND_AMBIGUOUS_PARAMETER_SET:
		return !call.piped && !call.unknown_positional;
	default:
		return !call.unknown_positional;
	}
}

bool
check_examples_is_literal(const struct psh_node *n)
{
	if (n->kind == PSH_ARRAY) {
		for (size_t i = 0; i < n->nkids; i++)
			if (!check_examples_is_literal(n->kids[i]))
				return false;
		return true;
	}
	struct rt_value *v = psh_eval_literal(n);
	bool literal = v != NULL;
	rt_value_unref(v);
	return literal;
}

void
check_examples_bind(struct diag_ctx *dx, const struct ex_piece *piece,
		    const struct meta_command *mc, const struct psh_node *cmd,
		    struct ex_call call)
{
	struct static_args a;
	struct rt_binding b;

	args_build(cmd, &a);
	enum rt_bind_error e = rt_bind(&b, mc, a.v, a.n, NULL);
	if (always_fails(e, call)) {
		const struct psh_node *at =
			b.error_arg >= 0 && (size_t)b.error_arg < a.n
				? a.nodes[b.error_arg]
				: cmd->kids[0];
		struct ex_origin o =
			check_examples_origin(piece, at->ext.line, at->ext.col);
		diag_report(dx, DIAG_EXAMPLE_BINDING, o.line, o.col, mc->name,
			    b.message ? b.message : "");
	}
	rt_binding_release(&b);
	args_release(&a);
}
