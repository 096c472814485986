/* SPDX-License-Identifier: MIT */
/* Get-Job: the handler, run after binding (metadata in src/meta/commands/Get-Job.c). */
#include "handlers.h"
#include <stdlib.h>

#include "job.h"
#include "rt_exec.h"

/* The selected jobs, oldest first; -Newest keeps the last ones. */
int
rt_run_get_job(struct rt_context *ctx)
{
	struct rt_job **list;
	size_t n, from = 0;
	int rc = rt_job_select(ctx, &list, &n);
	long newest = rt_exec_int(ctx, "Newest", -1);

	if (newest >= 0 && (size_t)newest < n)
		from = n - (size_t)newest;
	for (size_t i = from; i < n; i++)
		rt_exec_emit(ctx, rt_job_value(list[i]));
	free(list);
	return rc;
}
