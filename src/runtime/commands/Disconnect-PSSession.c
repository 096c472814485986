/* SPDX-License-Identifier: MIT */
/* Disconnect-PSSession: the handler, run after binding (metadata in src/meta/commands/Disconnect-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
disconnect_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;
	long idle = rt_exec_int(ctx, "IdleTimeoutSec", 0);

	if (session_disconnect(s, (int)idle, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

int
rt_run_disconnect_pssession(struct rt_context *ctx)
{
	struct rt_session **list = NULL;
	size_t n = session_list(ctx->sessions, &list);
	int rc = rt_exec_select_sessions(ctx, list, n, disconnect_one);

	free(list);
	return rc ? 1 : 0;
}
