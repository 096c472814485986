/* SPDX-License-Identifier: MIT */
/*
 * Where-Object: the handler, run after binding (metadata in
 * src/meta/commands/Where-Object.c).  The script block form passes the
 * objects for which -FilterScript's output is true; the comparison
 * statement form (Where-Object State -eq Opened) compares a property of
 * each object with -Value, with the operators of the language
 * (rt_compare.h).
 */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "rt_compare.h"
#include "rt_exec.h"
#include "rt_stream.h"
#include "session_props.h"

/* The operator switches, each named as its language operator. */
static const char *const operators[] = {
	"EQ",	    "NE",	   "GT",       "GE",	"LT",	   "LE",
	"Like",	    "NotLike",	   "Match",    "NotMatch", "Contains",
	"NotContains", "In",	   "NotIn",    "CEQ",	   "CNE",
	"CGT",	    "CGE",	   "CLT",      "CLE",	   "CLike",
	"CNotLike", "CMatch",	   "CNotMatch", "CContains", "CNotContains",
	"CIn",	    "CNotIn",	   NULL,
};

/* The property of v named name ($null if it has none). */
static struct rt_value *
property(struct rt_value *v, const char *name)
{
	struct rt_value *r = NULL;

	if (v->kind == RT_VAL_RECORD)
		r = rt_record_get(v, name) ? rt_value_ref(rt_record_get(v, name))
					   : NULL;
	else if (v->kind == RT_VAL_SESSION)
		r = rt_session_prop(v->u.session, name);
	else if (v->kind == RT_VAL_STRING && strcasecmp(name, "Length") == 0)
		r = rt_int((int64_t)strlen(v->u.s));
	else if (v->kind == RT_VAL_ARRAY && (strcasecmp(name, "Count") == 0 ||
					     strcasecmp(name, "Length") == 0))
		r = rt_int((int64_t)v->u.array.n);
	return r ? r : rt_null();
}

/* Whether the comparison statement holds for item; -1 after an error. */
static int
statement_holds(struct rt_context *ctx, struct rt_value *item)
{
	struct rt_value *value = rt_binding_get(ctx->bind, "Value");
	struct rt_value *prop =
		property(item, rt_exec_string(ctx, "Property"));
	struct rt_value *null = rt_null();
	enum rt_cmp_op op;
	char *err = NULL;
	bool cs, hit = false;
	int rc = 0;

	if (rt_binding_switch(ctx->bind, "Not")) {
		hit = !rt_value_truthy(prop);
	} else {
		const char *name = NULL;
		for (size_t i = 0; operators[i] && !name; i++)
			if (rt_binding_switch(ctx->bind, operators[i]))
				name = operators[i];
		if (name == NULL && value == NULL) {
			/* Where-Object Name: the property is true */
			hit = rt_value_truthy(prop);
		} else {
			rt_cmp_parse(name ? name : "eq", &op, &cs);
			/* an array property filters, as on the left of an operator */
			struct rt_value *r = rt_compare(
				prop, op, cs, value ? value : null, &err);
			if (r == NULL) {
				rt_exec_error(ctx, "%s", err);
				free(err);
				rc = -1;
			} else {
				hit = rt_value_truthy(r);
				rt_value_unref(r);
			}
		}
	}
	rt_value_unref(null);
	rt_value_unref(prop);
	return rc ? rc : hit;
}

static int
filter_holds(struct rt_context *ctx, struct rt_value *item)
{
	struct rt_value *out = rt_array_new();
	int rc = ctx->host->invoke_block(ctx, rt_exec_string(ctx, "FilterScript"),
					 item, NULL, out);
	bool hit;

	/* The block's errors and warnings go on; they are not its value. */
	rt_stream_take(out, ctx->output);
	hit = rt_value_truthy(out);

	rt_value_unref(out);
	return rc ? -1 : hit;
}

int
rt_run_where_object(struct rt_context *ctx)
{
	struct rt_value *item = ctx->input ? ctx->input
					   : rt_binding_get(ctx->bind,
							    "InputObject");
	int hit;

	if (item == NULL)
		return 0;
	if (rt_binding_get(ctx->bind, "FilterScript")) {
		if (ctx->host == NULL || ctx->host->invoke_block == NULL) {
			rt_exec_error(ctx, "%s",
				      _("Script blocks cannot run here."));
			return 1;
		}
		hit = filter_holds(ctx, item);
	} else {
		hit = statement_holds(ctx, item);
	}
	if (hit > 0)
		rt_exec_emit(ctx, rt_value_ref(item));
	return hit < 0;
}
