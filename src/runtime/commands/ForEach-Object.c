/* SPDX-License-Identifier: MIT */
/*
 * ForEach-Object: the handlers, run after binding (metadata in
 * src/meta/commands/ForEach-Object.c).  -Process runs per object with $_
 * set, -Begin before the first object and -End after the input (the end
 * handler); ForEach-Object {a} {b} {c} maps its blocks as PowerShell does.
 * -MemberName gets a property of each object.
 */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "rt_exec.h"
#include "rt_interrupt.h"
#include "session_props.h"
#include "wildcard.h"

/* The blocks of one invocation, as PowerShell maps them. */
struct blocks {
	struct rt_value *begin, *end;
	struct rt_value *process[64];
	size_t nprocess;
};

static void
push_block(struct rt_value **all, size_t *n, size_t cap, struct rt_value *v)
{
	for (size_t i = 0; v && i < rt_value_nitems(v) && *n < cap; i++)
		if (rt_value_item(v, i)->kind == RT_VAL_SCRIPTBLOCK)
			all[(*n)++] = rt_value_item(v, i);
}

/*
 * -Process and -RemainingScripts together: without -Begin the first is
 * the begin block, and of three or more, without -End, the last is the
 * end block; the ones between run per object.
 */
static void
map_blocks(const struct rt_context *ctx, struct blocks *b)
{
	struct rt_value *all[66];
	size_t n = 0, first = 0, last;

	memset(b, 0, sizeof(*b));
	b->begin = rt_binding_get(ctx->bind, "Begin");
	b->end = rt_binding_get(ctx->bind, "End");
	push_block(all, &n, 66, rt_binding_get(ctx->bind, "Process"));
	push_block(all, &n, 66, rt_binding_get(ctx->bind, "RemainingScripts"));
	last = n;
	if (b->begin == NULL && n >= 2)
		b->begin = all[first++];
	if (b->end == NULL && n - first >= 2)
		b->end = all[--last];
	for (size_t i = first; i < last && b->nprocess < 64; i++)
		b->process[b->nprocess++] = all[i];
}

static int
run_block(struct rt_context *ctx, struct rt_value *block,
	  struct rt_value *item)
{
	if (block == NULL || block->kind != RT_VAL_SCRIPTBLOCK)
		return 0;
	return ctx->host->invoke_block(ctx, block->u.s, item, NULL,
				       ctx->output);
}

/* -Begin, once, before the first object (or the end when none came). */
static int
begin_once(struct rt_context *ctx, const struct blocks *b)
{
	if (*ctx->state)
		return 0;
	*ctx->state = rt_bool(true);
	return run_block(ctx, b->begin, NULL);
}

/* The value of member `name` of v, or NULL when it has none. */
static struct rt_value *
member_value(struct rt_value *v, const char *name)
{
	switch (v->kind) {
	case RT_VAL_RECORD:
		for (size_t i = 0; i < v->u.record.n; i++)
			if (wildcard_match_folded(name,
						  v->u.record.props[i].name))
				return rt_value_ref(v->u.record.props[i].value);
		return NULL;
	case RT_VAL_SESSION:
		return rt_session_prop(v->u.session, name);
	case RT_VAL_STRING:
		return strcasecmp(name, "Length") == 0
			       ? rt_int((int64_t)strlen(v->u.s))
			       : NULL;
	case RT_VAL_ARRAY:
		return strcasecmp(name, "Count") == 0 ||
				       strcasecmp(name, "Length") == 0
			       ? rt_int((int64_t)v->u.array.n)
			       : NULL;
	default:
		return NULL;
	}
}

static int
run_member(struct rt_context *ctx, struct rt_value *item)
{
	struct rt_value *v;

	if (item == NULL || item->kind == RT_VAL_NULL)
		return 0;
	v = member_value(item, rt_exec_string(ctx, "MemberName"));
	if (v == NULL)
		return 0;
	/* the value is written enumerated, as PowerShell writes it */
	if (v->kind == RT_VAL_ARRAY) {
		for (size_t i = 0; i < v->u.array.n; i++)
			rt_exec_emit(ctx, rt_value_ref(v->u.array.v[i]));
		rt_value_unref(v);
	} else {
		rt_exec_emit(ctx, v);
	}
	return 0;
}

int
rt_run_foreach_object(struct rt_context *ctx)
{
	struct rt_value *item = rt_binding_get(ctx->bind, "InputObject");
	struct blocks b;

	if (rt_binding_get(ctx->bind, "MemberName"))
		return run_member(ctx, item);
	if (ctx->host == NULL || ctx->host->invoke_block == NULL) {
		rt_exec_error(ctx, "%s", _("Script blocks cannot run here."));
		return 1;
	}
	map_blocks(ctx, &b);
	if (begin_once(ctx, &b) != 0)
		return 1;
	for (size_t i = 0; i < b.nprocess; i++) {
		if (rt_interrupt_pending())
			return 1;
		if (run_block(ctx, b.process[i], item ? item : NULL) != 0)
			return 1;
	}
	return 0;
}

int
rt_end_foreach_object(struct rt_context *ctx)
{
	struct blocks b;

	if (rt_binding_get(ctx->bind, "MemberName") || ctx->host == NULL ||
	    ctx->host->invoke_block == NULL)
		return 0;
	map_blocks(ctx, &b);
	if (begin_once(ctx, &b) != 0)
		return 1;
	return run_block(ctx, b.end, NULL) != 0;
}
