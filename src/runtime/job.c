/* SPDX-License-Identifier: MIT */
/* Jobs of Invoke-Command -AsJob (job.h). */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "job.h"
#include "rt_exec.h"
#include "rt_interrupt.h"
#include "rt_stream.h"
#include "rt_value.h"
#include "session.h"
#include "session_internal.h"
#include "strbuf.h"
#include "wildcard.h"
#include "xalloc.h"

#define JOB_TYPE "System.Management.Automation.PSRemotingJob"
#define STOP_GRACE_MS 700
#define WAIT_SLICE_MS 50

struct job_child {
	struct rt_session *s; /* NULL: never started */
	bool temporary;
	bool queued; /* Running, waiting for the throttle limit */
	char *location;
	enum rt_job_state state;
	struct rt_value *output; /* what came and was not received */
	char *error;
};

struct rt_job {
	struct session_manager *m;
	int id;
	char *name;
	char *command;
	struct job_child *kids;
	size_t nkids, kids_cap;
	struct rt_value *record;
	/* -ThrottleLimit: children running at once; the invocation is
	   kept for the children still queued. */
	size_t throttle;
	char *script;
	struct rt_value *args, *input;
};

static const char *const state_names[] = { "Running", "Completed", "Failed",
					   "Stopped" };

const char *
rt_job_state_name(enum rt_job_state st)
{
	return state_names[st];
}

enum rt_job_state
rt_job_state(const struct rt_job *j)
{
	bool failed = false, stopped = false;

	for (size_t i = 0; i < j->nkids; i++) {
		if (j->kids[i].state == RT_JOB_RUNNING)
			return RT_JOB_RUNNING;
		failed |= j->kids[i].state == RT_JOB_FAILED;
		stopped |= j->kids[i].state == RT_JOB_STOPPED;
	}
	return failed ? RT_JOB_FAILED
		      : stopped ? RT_JOB_STOPPED : RT_JOB_COMPLETED;
}

bool
rt_job_finished(const struct rt_job *j)
{
	return rt_job_state(j) != RT_JOB_RUNNING;
}

bool
rt_job_has_more_data(const struct rt_job *j)
{
	for (size_t i = 0; i < j->nkids; i++)
		if ((j->kids[i].output && j->kids[i].output->u.array.n) ||
		    j->kids[i].error)
			return true;
	return false;
}

int
rt_job_id(const struct rt_job *j)
{
	return j->id;
}

const char *
rt_job_name(const struct rt_job *j)
{
	return j->name;
}

const char *
rt_job_command(const struct rt_job *j)
{
	return j->command;
}

/* The shared record follows the job's state. */
static void
sync_record(struct rt_job *j)
{
	struct strbuf loc = STRBUF_INIT;

	strbuf_init(&loc);
	for (size_t i = 0; i < j->nkids; i++) {
		if (i)
			strbuf_addstr(&loc, ", ");
		strbuf_addstr(&loc, j->kids[i].location);
	}
	rt_record_set(j->record, "State",
		      rt_string(rt_job_state_name(rt_job_state(j))));
	rt_record_set(j->record, "HasMoreData",
		      rt_bool(rt_job_has_more_data(j)));
	rt_record_set(j->record, "Location", rt_string(loc.buf ? loc.buf : ""));
	strbuf_release(&loc);
}

struct rt_job *
rt_job_new(struct session_manager *m, const char *name, const char *command)
{
	struct rt_job *j = xcalloc(1, sizeof(*j));

	j->m = m;
	j->id = m->next_job_id++;
	j->name = name ? xstrdup(name) : xasprintf("Job%d", j->id);
	j->command = xstrdup(command ? command : "");
	j->throttle = RT_JOB_DEFAULT_THROTTLE;
	j->record = rt_record_new(JOB_TYPE);
	rt_record_set(j->record, "Id", rt_int(j->id));
	rt_record_set(j->record, "Name", rt_string(j->name));
	rt_record_set(j->record, "PSJobTypeName", rt_string("RemoteJob"));
	rt_record_set(j->record, "State", rt_string("Running"));
	rt_record_set(j->record, "HasMoreData", rt_bool(false));
	rt_record_set(j->record, "Location", rt_string(""));
	rt_record_set(j->record, "Command", rt_string(j->command));
	m->jobs = xgrow(m->jobs, &m->jobs_cap, m->njobs + 1, sizeof(*m->jobs));
	m->jobs[m->njobs++] = j;
	return j;
}

static struct job_child *
add_child(struct rt_job *j, const char *location)
{
	struct job_child *c;

	j->kids = xgrow(j->kids, &j->kids_cap, j->nkids + 1, sizeof(*j->kids));
	c = &j->kids[j->nkids++];
	memset(c, 0, sizeof(*c));
	c->location = xstrdup(location);
	c->output = rt_array_new();
	j->m->next_job_id++; /* PowerShell numbers the children too */
	return c;
}

static void
end_child(struct job_child *c, enum rt_job_state st)
{
	char *err = NULL;

	c->state = st;
	if (c->s && c->temporary && session_remove(c->s, &err) != 0)
		free(err);
	if (c->temporary)
		c->s = NULL;
}

void
rt_job_set_throttle(struct rt_job *j, long limit)
{
	/* PowerShell takes 0 or less as its default */
	j->throttle = limit > 0 ? (size_t)limit : RT_JOB_DEFAULT_THROTTLE;
}

static void
start_child(struct job_child *c, const struct session_invocation *inv)
{
	char *err = NULL;

	c->queued = false;
	if (session_invoke_start(c->s, inv, &err) != 0) {
		c->error = err;
		end_child(c, RT_JOB_FAILED);
	}
}

static size_t
children_running(const struct rt_job *j)
{
	size_t n = 0;

	for (size_t i = 0; i < j->nkids; i++)
		n += j->kids[i].state == RT_JOB_RUNNING && !j->kids[i].queued;
	return n;
}

/* Queued children start, oldest first, while the limit allows. */
static void
start_queued(struct rt_job *j)
{
	struct session_invocation inv = { .script = j->script,
					  .arguments = j->args,
					  .input = j->input };
	size_t running = children_running(j);

	for (size_t i = 0; i < j->nkids && running < j->throttle; i++) {
		if (!j->kids[i].queued)
			continue;
		start_child(&j->kids[i], &inv);
		running += j->kids[i].state == RT_JOB_RUNNING;
	}
}

void
rt_job_start_child(struct rt_job *j, struct rt_session *s, bool temporary,
		   const struct session_invocation *inv)
{
	/* Counted before the new child, which starts out Running. */
	bool room = children_running(j) < j->throttle;
	struct job_child *c = add_child(j, session_computer(s));

	c->s = s;
	c->temporary = temporary;
	if (room) {
		start_child(c, inv);
	} else {
		c->queued = true;
		if (!j->script) {
			j->script = xstrdup(inv->script ? inv->script : "");
			j->args = inv->arguments ? rt_value_ref(inv->arguments)
						 : NULL;
			j->input = inv->input ? rt_value_ref(inv->input) : NULL;
		}
	}
	sync_record(j);
}

void
rt_job_fail_child(struct rt_job *j, const char *location, const char *error)
{
	struct job_child *c = add_child(j, location);

	c->error = xstrdup(error);
	c->state = RT_JOB_FAILED;
	sync_record(j);
}

struct rt_value *
rt_job_value(struct rt_job *j)
{
	return rt_value_ref(j->record);
}

struct rt_job *const *
rt_job_list(struct session_manager *m, size_t *n)
{
	*n = m->njobs;
	return m->jobs;
}

struct rt_job *
rt_job_from_value(struct session_manager *m, const struct rt_value *v)
{
	const struct rt_value *id;

	for (size_t i = 0; i < m->njobs; i++)
		if (m->jobs[i]->record == v)
			return m->jobs[i];
	/* a copy (e.g. from another scope): by Id and type */
	if (!v || v->kind != RT_VAL_RECORD || !v->u.record.type_name ||
	    strcmp(v->u.record.type_name, JOB_TYPE) != 0)
		return NULL;
	id = rt_record_get(v, "Id");
	for (size_t i = 0; id && id->kind == RT_VAL_INT && i < m->njobs; i++)
		if (m->jobs[i]->id == id->u.i)
			return m->jobs[i];
	return NULL;
}

/* Output records name their computer, as Invoke-Command's do. */
static void
keep_output(struct job_child *c, struct rt_value *out)
{
	for (size_t i = 0; out && i < out->u.array.n; i++) {
		struct rt_value *v = out->u.array.v[i];
		if (v->kind == RT_VAL_RECORD &&
		    rt_stream_of(v) == RT_STREAM_NONE)
			rt_record_set(v, "PSComputerName",
				      rt_string(c->location));
		rt_array_push(c->output, rt_value_ref(v));
	}
}

static void
update_child(struct job_child *c)
{
	struct session_result res = { 0 };
	char *err = NULL;
	int rc;

	if (c->state != RT_JOB_RUNNING || c->queued)
		return;
	if (!c->s || !session_is_running(c->s)) {
		end_child(c, RT_JOB_STOPPED); /* its session was removed */
		return;
	}
	rc = session_invoke_finish(c->s, 0, false, &res, &err);
	if (rc == 0)
		return;
	if (rc < 0) {
		c->error = err;
		end_child(c, RT_JOB_FAILED);
		return;
	}
	keep_output(c, res.output);
	if (res.error)
		c->error = xstrdup(res.error);
	session_result_release(&res);
	end_child(c, RT_JOB_COMPLETED);
}

static void
update_job(struct rt_job *j)
{
	for (size_t i = 0; i < j->nkids; i++)
		update_child(&j->kids[i]);
	start_queued(j);
	sync_record(j);
}

void
rt_jobs_update(struct session_manager *m)
{
	for (size_t i = 0; m && i < m->njobs; i++)
		update_job(m->jobs[i]);
}


static bool
condition_met(struct rt_job *const *list, size_t n, bool any)
{
	size_t done = 0;

	for (size_t i = 0; i < n; i++) {
		update_job(list[i]);
		done += rt_job_finished(list[i]);
	}
	return any ? done > 0 || n == 0 : done == n;
}

/* Sleeps until a running child's answer may have come (or a slice). */
static void
wait_children(struct rt_job *const *list, size_t n)
{
	struct pollfd pfd[64];
	nfds_t k = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < list[i]->nkids && k < 64; c++) {
			struct job_child *ch = &list[i]->kids[c];
			if (ch->state == RT_JOB_RUNNING && ch->s &&
			    session_fd(ch->s) >= 0)
				pfd[k++] = (struct pollfd){ session_fd(ch->s),
							    POLLIN, 0 };
		}
	poll(pfd, k, WAIT_SLICE_MS);
}

bool
rt_jobs_wait(struct rt_job *const *list, size_t n, bool any, int timeout_ms)
{
	long long deadline = clock_now_ms() + timeout_ms;

	for (;;) {
		if (condition_met(list, n, any))
			return true;
		if (rt_interrupt_pending() ||
		    (timeout_ms >= 0 && clock_now_ms() >= deadline))
			return false;
		wait_children(list, n);
	}
}

void
rt_job_receive(struct rt_context *ctx, struct rt_job *j, bool keep)
{
	update_job(j);
	for (size_t i = 0; i < j->nkids; i++) {
		struct job_child *c = &j->kids[i];
		struct rt_value *out = c->output;

		for (size_t k = 0; k < out->u.array.n; k++)
			rt_exec_forward(ctx, out->u.array.v[k]);
		if (c->error) {
			ctx->failed = true;
			if (ctx->report_remote)
				ctx->report_remote(ctx, c->error);
		}
		if (!keep) {
			rt_value_unref(c->output);
			c->output = rt_array_new();
			free(c->error);
			c->error = NULL;
		}
	}
	sync_record(j);
}

void
rt_job_stop(struct rt_job *j)
{
	for (size_t i = 0; i < j->nkids; i++) {
		struct job_child *c = &j->kids[i];
		char *err = NULL;

		update_child(c);
		if (c->state != RT_JOB_RUNNING)
			continue;
		if (c->queued) { /* never started: nothing to cancel */
			c->queued = false;
			end_child(c, RT_JOB_STOPPED);
			continue;
		}
		if (session_cancel(c->s) == 0 &&
		    session_invoke_finish(c->s, STOP_GRACE_MS, false, NULL,
					  &err) != 0) {
			free(err);
		} else {
			/* the answer is drained before the next request */
			c->s->job_owned = false;
		}
		end_child(c, RT_JOB_STOPPED);
	}
	sync_record(j);
}

static void
job_free(struct rt_job *j)
{
	for (size_t i = 0; i < j->nkids; i++) {
		rt_value_unref(j->kids[i].output);
		free(j->kids[i].error);
		free(j->kids[i].location);
	}
	free(j->kids);
	free(j->name);
	free(j->command);
	free(j->script);
	rt_value_unref(j->args);
	rt_value_unref(j->input);
	rt_value_unref(j->record);
	free(j);
}

void
rt_job_remove(struct session_manager *m, struct rt_job *j)
{
	for (size_t i = 0; i < m->njobs; i++) {
		if (m->jobs[i] != j)
			continue;
		memmove(m->jobs + i, m->jobs + i + 1,
			(m->njobs - i - 1) * sizeof(*m->jobs));
		m->njobs--;
		break;
	}
	job_free(j);
}

void
rt_jobs_free(struct session_manager *m)
{
	for (size_t i = 0; i < m->njobs; i++)
		job_free(m->jobs[i]);
	free(m->jobs);
	m->jobs = NULL;
	m->njobs = 0;
}

/* ---------- selecting jobs for Get-Job and the others ---------- */

static bool
job_listed(struct rt_job **list, size_t n, const struct rt_job *j)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == j)
			return true;
	return false;
}

static void
add_job(struct rt_job ***list, size_t *n, size_t *cap, struct rt_job *j)
{
	if (job_listed(*list, *n, j))
		return;
	*list = xgrow(*list, cap, *n + 1, sizeof(**list));
	(*list)[(*n)++] = j;
}

static void
no_job_id(struct rt_context *ctx, long long id)
{
	rt_exec_error(ctx,
		      _("The command cannot find a job with the job ID %lld. "
			"Verify the value of the Id parameter and then try "
			"the command again."),
		      id);
}

/* The jobs a filter keeps: State, Command (wildcards), HasMoreData. */
static bool
filters_keep(struct rt_context *ctx, struct rt_job *j)
{
	const char *state = rt_exec_string(ctx, "State");
	struct rt_value *cmd = rt_binding_get(ctx->bind, "Command");
	struct rt_value *more = rt_binding_get(ctx->bind, "HasMoreData");
	bool ok = !cmd;

	if (state && strcasecmp(state, rt_job_state_name(rt_job_state(j))))
		return false;
	for (size_t i = 0; cmd && i < rt_value_nitems(cmd) && !ok; i++) {
		struct rt_value *p = rt_value_item(cmd, i);
		ok = p->kind == RT_VAL_STRING &&
		     wildcard_match_folded(p->u.s, j->command);
	}
	if (more && more->kind == RT_VAL_BOOL &&
	    more->u.b != rt_job_has_more_data(j))
		return false;
	return ok;
}

static int
select_by_id(struct rt_context *ctx, struct rt_value *ids,
	     struct rt_job ***out, size_t *n, size_t *cap)
{
	int rc = 0;

	for (size_t i = 0; i < rt_value_nitems(ids); i++) {
		struct rt_value *id = rt_value_item(ids, i);
		bool found = false;
		for (size_t k = 0; id->kind == RT_VAL_INT &&
				   k < ctx->sessions->njobs; k++)
			if (ctx->sessions->jobs[k]->id == id->u.i) {
				add_job(out, n, cap, ctx->sessions->jobs[k]);
				found = true;
			}
		if (!found && id->kind == RT_VAL_INT) {
			no_job_id(ctx, (long long)id->u.i);
			rc = 1;
		}
	}
	return rc;
}

static int
select_by_name(struct rt_context *ctx, struct rt_value *names,
	       struct rt_job ***out, size_t *n, size_t *cap)
{
	int rc = 0;

	for (size_t i = 0; i < rt_value_nitems(names); i++) {
		struct rt_value *p = rt_value_item(names, i);
		bool found = false;
		if (p->kind != RT_VAL_STRING)
			continue;
		for (size_t k = 0; k < ctx->sessions->njobs; k++)
			if (wildcard_match_folded(p->u.s,
						  ctx->sessions->jobs[k]->name)) {
				add_job(out, n, cap, ctx->sessions->jobs[k]);
				found = true;
			}
		if (!found && !wildcard_has_wildcard(p->u.s)) {
			rt_exec_error(ctx,
				      _("The command cannot find the job "
					"because the job name %s was not "
					"found. Verify the value of the Name "
					"parameter, and then try the command "
					"again."),
				      p->u.s);
			rc = 1;
		}
	}
	return rc;
}

static int
select_by_value(struct rt_context *ctx, struct rt_value *jobs,
		struct rt_job ***out, size_t *n, size_t *cap)
{
	int rc = 0;

	for (size_t i = 0; i < rt_value_nitems(jobs); i++) {
		struct rt_value *v = rt_value_item(jobs, i);
		struct rt_job *j = rt_job_from_value(ctx->sessions, v);
		const struct rt_value *id = v->kind == RT_VAL_RECORD
						    ? rt_record_get(v, "Id")
						    : NULL;
		if (j) {
			add_job(out, n, cap, j);
		} else if (id && id->kind == RT_VAL_INT) {
			no_job_id(ctx, (long long)id->u.i);
			rc = 1;
		} else {
			rt_exec_error(ctx, "%s",
				      _("The value is not a job of this "
					"session."));
			rc = 1;
		}
	}
	return rc;
}

int
rt_job_select(struct rt_context *ctx, struct rt_job ***out, size_t *n)
{
	struct rt_value *ids = rt_binding_get(ctx->bind, "Id");
	struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	struct rt_value *jobs = rt_binding_get(ctx->bind, "Job");
	struct rt_job **all = NULL;
	size_t nall = 0, cap = 0, kept = 0;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!ctx->sessions)
		return 0;
	rt_jobs_update(ctx->sessions);
	if (ids)
		rc |= select_by_id(ctx, ids, &all, &nall, &cap);
	if (names)
		rc |= select_by_name(ctx, names, &all, &nall, &cap);
	if (jobs)
		rc |= select_by_value(ctx, jobs, &all, &nall, &cap);
	if (!ids && !names && !jobs)
		for (size_t k = 0; k < ctx->sessions->njobs; k++)
			add_job(&all, &nall, &cap, ctx->sessions->jobs[k]);
	for (size_t i = 0; i < nall; i++)
		if (filters_keep(ctx, all[i]))
			all[kept++] = all[i];
	*out = all;
	*n = kept;
	return rc;
}
