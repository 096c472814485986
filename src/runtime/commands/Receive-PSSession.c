/* SPDX-License-Identifier: MIT */
/* Receive-PSSession: the handler, run after binding (metadata in src/meta/commands/Receive-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
receive_one(struct rt_context *ctx, struct rt_session *s)
{
	struct session_result res = { 0 };
	char *err = NULL;
	struct rt_value *out;

	if (session_receive(s, &res, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	out = res.output;
	for (size_t i = 0; out && i < out->u.array.n; i++)
		rt_exec_forward(ctx, out->u.array.v[i]);
	if (res.error) {
		ctx->failed = true;
		if (ctx->report_remote)
			ctx->report_remote(ctx, res.error);
	}
	session_result_release(&res);
	return 0;
}

/* -ConfigurationName narrows what -Name and -InstanceId select. */
static int
receive_configured(struct rt_context *ctx, struct rt_session *s)
{
	if (!rt_exec_configuration_matches(ctx, s))
		return 0;
	return receive_one(ctx, s);
}

/* -ComputerName with -Name or -InstanceId: endpoints of other clients. */
static int
receive_computer(struct rt_context *ctx, const char *computer)
{
	struct rt_session **list = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc;

	if (session_query(ctx->sessions, computer, &list, &n, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return 1;
	}
	rc = rt_exec_select_sessions(ctx, list, n, receive_configured);
	free(list);
	return rc ? 1 : 0;
}

int
rt_run_receive_pssession(struct rt_context *ctx)
{
	const char *cn = rt_exec_string(ctx, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc;

	if (cn)
		return receive_computer(ctx, cn);
	n = session_list(ctx->sessions, &list);
	rc = rt_exec_select_sessions(ctx, list, n, receive_one);
	free(list);
	return rc ? 1 : 0;
}
