/* SPDX-License-Identifier: MIT */
/* Remove-Job: the handler, run after binding (metadata in src/meta/commands/Remove-Job.c). */
#include "handlers.h"
#include <stdlib.h>

#include "i18n.h"
#include "job.h"
#include "rt_exec.h"

/* Deletes the selected jobs; a running one only with -Force (stopped first). */
int
rt_run_remove_job(struct rt_context *ctx)
{
	bool force = rt_binding_switch(ctx->bind, "Force");
	struct rt_job **list;
	size_t n;
	int rc = rt_job_select(ctx, &list, &n);

	for (size_t i = 0; i < n; i++) {
		if (!rt_job_finished(list[i]) && !force) {
			rt_exec_error(ctx,
				      _("The command cannot remove the job "
					"with the job ID %d because the job is "
					"not finished. To remove the job, first "
					"stop the job, or use the Force "
					"parameter."),
				      rt_job_id(list[i]));
			rc = 1;
			continue;
		}
		rt_job_stop(list[i]);
		rt_job_remove(ctx->sessions, list[i]);
	}
	free(list);
	return rc;
}
