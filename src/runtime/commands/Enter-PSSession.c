/* SPDX-License-Identifier: MIT */
/* Enter-PSSession: the handler, run after binding (metadata in src/meta/commands/Enter-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"

static int
enter_existing(struct rt_context *ctx, struct rt_session *s)
{
	if (session_state(s) != SESSION_OPENED) {
		rt_exec_error(ctx,
			      _("Cannot enter the session %s because its "
				"state is %s, not Opened."),
			      session_name(s),
			      session_state_name(session_state(s)));
		return -1;
	}
	return ctx->host->push_runspace(ctx, s, false);
}

/* Enter-PSSession enters one session: the first the selection names. */
static struct rt_session *picked;

static int
pick_first(struct rt_context *ctx, struct rt_session *s)
{
	if (picked == NULL)
		picked = s;
	return 0;
}

int
rt_run_enter_pssession(struct rt_context *ctx)
{
	const char *cn = rt_exec_string(ctx, "ComputerName");
	struct rt_session **list = NULL;
	size_t n;
	int rc;

	if (ctx->host == NULL || ctx->host->push_runspace == NULL) {
		rt_exec_error(ctx, "%s",
			      _("The host does not support "
				"Enter-PSSession and Exit-PSSession."));
		return 1;
	}
	if (cn) {
		char *err = NULL;
		struct rt_session *s;

		if (rt_exec_check_configuration(ctx) != 0)
			return 1;
		s = session_open(ctx->sessions, cn, NULL, SESSION_TEMPORARY,
				 &err);
		if (s == NULL) {
			rt_exec_error(ctx, "%s", err);
			free(err);
			return 1;
		}
		return ctx->host->push_runspace(ctx, s, true) ? 1 : 0;
	}
	n = session_list(ctx->sessions, &list);
	picked = NULL;
	rc = rt_exec_select_sessions(ctx, list, n, pick_first);
	free(list);
	if (rc == 0 && picked)
		rc = enter_existing(ctx, picked);
	picked = NULL;
	return rc ? 1 : 0;
}
