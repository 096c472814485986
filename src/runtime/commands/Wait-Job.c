/* SPDX-License-Identifier: MIT */
/* Wait-Job: the handler, run after binding (metadata in src/meta/commands/Wait-Job.c). */
#include "handlers.h"
#include <stdlib.h>

#include "job.h"
#include "rt_exec.h"

/*
 * Waits for every selected job (-Any: for the first) to finish, at most
 * -Timeout seconds (-1: no limit), and returns the finished ones; none
 * when the time ran out, as PowerShell does.  Ctrl-C ends the wait.
 */
int
rt_run_wait_job(struct rt_context *ctx)
{
	bool any = rt_binding_switch(ctx->bind, "Any");
	long timeout = rt_exec_int(ctx, "Timeout", -1);
	struct rt_job **list;
	size_t n;
	int rc = rt_job_select(ctx, &list, &n);
	bool met = rt_jobs_wait(list, n, any,
				timeout < 0 ? -1 : (int)(timeout * 1000 > 2147483647L ? 2147483647L : timeout * 1000));

	for (size_t i = 0; met && i < n; i++)
		if (rt_job_finished(list[i]))
			rt_exec_emit(ctx, rt_job_value(list[i]));
	free(list);
	return rc;
}
