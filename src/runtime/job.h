/* SPDX-License-Identifier: MIT */
/*
 * Jobs of Invoke-Command -AsJob (PowerShell's PSRemotingJob): one child
 * per session, whose endpoint keeps running the script while the prompt
 * returns.  The manager (session_internal.h) holds the job table; Ids
 * count as PowerShell's do, the job first and then one per child, so a
 * second job of one session is Id 3.  A job's value is a record
 * (System.Management.Automation.PSRemotingJob) that every holder
 * shares: its State and HasMoreData change in place as the job runs.
 */
#ifndef PSHELP_RT_JOB_H
#define PSHELP_RT_JOB_H

#include <stdbool.h>
#include <stddef.h>

struct rt_context;
struct rt_job;
struct rt_session;
struct rt_value;
struct session_invocation;
struct session_manager;

enum rt_job_state {
	RT_JOB_RUNNING,
	RT_JOB_COMPLETED,
	RT_JOB_FAILED,
	RT_JOB_STOPPED
};

/* A new job named name (NULL: Job<Id>) for the text command. */
struct rt_job *rt_job_new(struct session_manager *m, const char *name,
			  const char *command);
/* PowerShell's default -ThrottleLimit. */
#define RT_JOB_DEFAULT_THROTTLE 32
/* At most limit children run at once (0 or less: the default); the
   others wait, Running, and start as earlier ones end. */
void rt_job_set_throttle(struct rt_job *j, long limit);
/*
 * Starts inv in s as a child of j; temporary sessions are removed when
 * their answer has come.  A failure to start becomes a failed child that
 * keeps the error text for Receive-Job.
 */
void rt_job_start_child(struct rt_job *j, struct rt_session *s,
			bool temporary, const struct session_invocation *inv);
/* A child that never started (an unknown computer): the error text. */
void rt_job_fail_child(struct rt_job *j, const char *location,
		       const char *error);
/* The job's value (a new reference to the shared record). */
struct rt_value *rt_job_value(struct rt_job *j);

/* The jobs of m, oldest first (borrowed); n set. */
struct rt_job *const *rt_job_list(struct session_manager *m, size_t *n);
/* The job a value stands for, or NULL. */
struct rt_job *rt_job_from_value(struct session_manager *m,
				 const struct rt_value *v);

int rt_job_id(const struct rt_job *j);
const char *rt_job_name(const struct rt_job *j);
const char *rt_job_command(const struct rt_job *j);
enum rt_job_state rt_job_state(const struct rt_job *j);
const char *rt_job_state_name(enum rt_job_state st);
bool rt_job_has_more_data(const struct rt_job *j);
bool rt_job_finished(const struct rt_job *j);

/*
 * The jobs that -Id, -Name, -Job, -State, -Command and -HasMoreData of
 * ctx's command select (every job when none is bound), oldest first.
 * PowerShell's "cannot find a job" error is reported for each Id, name
 * without wildcards or job value that matches none.  *out is malloc'd.
 * Returns 0, or 1 when an error was reported.
 */
int rt_job_select(struct rt_context *ctx, struct rt_job ***out, size_t *n);

/* Reads the answers that have come, without waiting. */
void rt_jobs_update(struct session_manager *m);

/*
 * Waits until every job of list (or, with any, one of them) has
 * finished, timeout_ms passed (< 0: no limit) or Ctrl-C.  Returns true
 * when the condition was met.
 */
bool rt_jobs_wait(struct rt_job *const *list, size_t n, bool any,
		  int timeout_ms);

/* The results not yet received: output emitted, errors reported to ctx;
   keep leaves them for the next Receive-Job. */
void rt_job_receive(struct rt_context *ctx, struct rt_job *j, bool keep);

/* Stop-Job: CANCEL to every running child; the job becomes Stopped. */
void rt_job_stop(struct rt_job *j);
/* Takes j out of the table and frees it (stop it first). */
void rt_job_remove(struct session_manager *m, struct rt_job *j);
/* Every job of m (session_manager_free). */
void rt_jobs_free(struct session_manager *m);

#endif
