/* SPDX-License-Identifier: MIT */
/* Get-PSSession: the handler, run after binding (metadata in src/meta/commands/Get-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static bool
state_matches(struct rt_context *ctx, struct rt_session *s)
{
	const char *st = rt_exec_string(ctx, "State");

	if (st == NULL || strcasecmp(st, "All") == 0)
		return true;
	return strcasecmp(st, session_state_name(session_state(s))) == 0;
}

static int
emit_session(struct rt_context *ctx, struct rt_session *s)
{
	if (state_matches(ctx, s) && rt_exec_configuration_matches(ctx, s))
		rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

static bool
filtered(struct rt_context *ctx)
{
	return rt_binding_get(ctx->bind, "Id") ||
	       rt_binding_get(ctx->bind, "Name") ||
	       rt_binding_get(ctx->bind, "InstanceId");
}

static int
query_computer(struct rt_context *ctx, const char *computer)
{
	struct rt_session **list = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc = 0;

	if (session_query(ctx->sessions, computer, &list, &n, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (filtered(ctx))
		rc = rt_exec_select_sessions(ctx, list, n, emit_session);
	else
		for (size_t i = 0; i < n; i++)
			emit_session(ctx, list[i]);
	free(list);
	return rc;
}

int
rt_run_get_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc = 0;

	if (cn)
		return rt_exec_each_string(ctx, "ComputerName", query_computer);
	n = session_list(ctx->sessions, &list);
	if (filtered(ctx))
		rc = rt_exec_select_sessions(ctx, list, n, emit_session);
	else
		for (size_t i = 0; i < n; i++)
			emit_session(ctx, list[i]);
	free(list);
	return rc ? 1 : 0;
}
