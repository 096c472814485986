/* SPDX-License-Identifier: MIT */
/* New-PSSession: the handler, run after binding (metadata in src/meta/commands/New-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static const char *
nth_string(struct rt_value *v, size_t i)
{
	if (v == NULL)
		return NULL;
	if (v->kind != RT_VAL_ARRAY)
		return i == 0 && v->kind == RT_VAL_STRING ? v->u.s : NULL;
	if (i >= v->u.array.n || v->u.array.v[i]->kind != RT_VAL_STRING)
		return NULL;
	return v->u.array.v[i]->u.s;
}

static int
open_one(struct rt_context *ctx, const char *computer, const char *name)
{
	char *err = NULL;
	struct rt_session *s =
		session_open(ctx->sessions, computer, name, 0, &err);

	if (s == NULL) {
		rt_exec_error(ctx, "[%s] %s", computer, err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

int
rt_run_new_pssession(struct rt_context *ctx)
{
	struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_value *ss = rt_binding_get(ctx->bind, "Session");
	size_t k = 0;
	int rc = 0;

	if (rt_exec_check_configuration(ctx) != 0)
		return 1;
	if (ss) {
		/* New sessions to the computers of the given ones. */
		size_t n = ss->kind == RT_VAL_ARRAY ? ss->u.array.n : 1;
		for (size_t i = 0; i < n; i++) {
			struct rt_value *e = ss->kind == RT_VAL_ARRAY
						     ? ss->u.array.v[i]
						     : ss;
			if (e->kind == RT_VAL_SESSION &&
			    open_one(ctx, session_computer(e->u.session),
				     nth_string(names, k++)) != 0)
				rc = 1;
		}
		return rc;
	}
	if (cn == NULL)
		return open_one(ctx, "localhost", nth_string(names, 0)) ? 1 : 0;
	for (const char *c; (c = nth_string(cn, k)) != NULL; k++)
		if (open_one(ctx, c, nth_string(names, k)) != 0)
			rc = 1;
	return rc;
}
