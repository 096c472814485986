/* SPDX-License-Identifier: MIT */
/* Receive-Job: the handler, run after binding (metadata in src/meta/commands/Receive-Job.c). */
#include "handlers.h"
#include <stdlib.h>

#include "i18n.h"
#include "job.h"
#include "rt_exec.h"
#include "rt_interrupt.h"

/*
 * The results each selected job has so far; -Wait waits for the jobs to
 * finish first (Ctrl-C ends the wait), -AutoRemoveJob then removes them,
 * -WriteJobInResults puts the job object before its results.
 */
int
rt_run_receive_job(struct rt_context *ctx)
{
	bool wait = rt_binding_switch(ctx->bind, "Wait");
	bool keep = rt_binding_switch(ctx->bind, "Keep");
	bool autoremove = rt_binding_switch(ctx->bind, "AutoRemoveJob");
	struct rt_job **list;
	size_t n;
	int rc;

	if (autoremove && !wait) {
		rt_exec_error(ctx, "%s",
			      _("The AutoRemoveJob parameter can be used only "
				"with the Wait parameter."));
		return 1;
	}
	rc = rt_job_select(ctx, &list, &n);
	if (wait && !rt_jobs_wait(list, n, false, -1)) {
		free(list); /* Ctrl-C: the pipeline stops */
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (rt_binding_switch(ctx->bind, "WriteJobInResults"))
			rt_exec_emit(ctx, rt_job_value(list[i]));
		rt_job_receive(ctx, list[i], keep);
		if (autoremove && rt_job_finished(list[i]))
			rt_job_remove(ctx->sessions, list[i]);
	}
	free(list);
	return rc;
}
