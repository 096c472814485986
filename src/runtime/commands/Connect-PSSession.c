/* SPDX-License-Identifier: MIT */
/* Connect-PSSession: the handler, run after binding (metadata in src/meta/commands/Connect-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
connect_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;

	if (session_connect(s, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

/* -ConfigurationName narrows what -Name and -InstanceId select. */
static int
connect_configured(struct rt_context *ctx, struct rt_session *s)
{
	if (!rt_exec_configuration_matches(ctx, s))
		return 0;
	return connect_one(ctx, s);
}

/* -ComputerName: the disconnected endpoints found there (by -Name,
   -InstanceId when given). */
static int
connect_computer(struct rt_context *ctx, const char *computer)
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
	if (rt_binding_get(ctx->bind, "Name") ||
	    rt_binding_get(ctx->bind, "InstanceId")) {
		rc = rt_exec_select_sessions(ctx, list, n,
					     connect_configured);
	} else {
		for (size_t i = 0; i < n; i++)
			if (session_state(list[i]) == SESSION_DISCONNECTED &&
			    rt_exec_configuration_matches(ctx, list[i]) &&
			    connect_one(ctx, list[i]) != 0)
				rc = -1;
	}
	free(list);
	return rc;
}

int
rt_run_connect_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc = 0;

	if (cn)
		return rt_exec_each_string(ctx, "ComputerName",
					   connect_computer);
	n = session_list(ctx->sessions, &list);
	rc = rt_exec_select_sessions(ctx, list, n, connect_one);
	free(list);
	return rc ? 1 : 0;
}
