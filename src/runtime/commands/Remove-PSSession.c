/* SPDX-License-Identifier: MIT */
/* Remove-PSSession: the handler, run after binding (metadata in src/meta/commands/Remove-PSSession.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"
#include "wildcard.h"

static int
remove_one(struct rt_context *ctx, struct rt_session *s)
{
	char *err = NULL;

	/* PowerShell's ShouldProcess text, shown under -Verbose: the action
	   is "Remove", the target the session's computer. */
	rt_exec_verbose(ctx, _("Performing the operation \"%s\" on target "
			       "\"%s\"."),
			"Remove", session_computer(s));
	if (session_remove(s, &err) != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	return 0;
}

/* -ComputerName: this process's sessions to those computers. */
static int
remove_by_computer(struct rt_context *ctx, struct rt_value *cn,
		   struct rt_session **list, size_t n)
{
	size_t m = rt_value_nitems(cn);
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < m; k++) {
			struct rt_value *e = rt_value_item(cn, k);
			if (e->kind == RT_VAL_STRING &&
			    wildcard_match_folded(e->u.s,
						  session_computer(list[i]))) {
				rc |= remove_one(ctx, list[i]);
				break;
			}
		}
	}
	return rc;
}

int
rt_run_remove_pssession(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_session **list = NULL;
	size_t n = session_list(ctx->sessions, &list);
	int rc = cn ? remove_by_computer(ctx, cn, list, n)
		    : rt_exec_select_sessions(ctx, list, n, remove_one);

	free(list);
	return rc ? 1 : 0;
}
