/* SPDX-License-Identifier: MIT */
/* Invoke-Command: the handler, run after binding (metadata in src/meta/commands/Invoke-Command.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#include "i18n.h"
#include "job.h"
#include "rt_exec.h"
#include "rt_stream.h"
#include "session.h"

/*
 * The script block and the values it gets: -ArgumentList and
 * -InputObject travel as data and become $args and $input in the
 * endpoint, never source text.
 */
static struct session_invocation
invocation(struct rt_context *ctx)
{
	struct session_invocation inv;

	inv.script = rt_exec_string(ctx, "ScriptBlock");
	inv.arguments = rt_binding_get(ctx->bind, "ArgumentList");
	inv.input = rt_binding_get(ctx->bind, "InputObject");
	return inv;
}

static void
emit_remote(struct rt_context *ctx, struct rt_session *s, struct rt_value *out)
{
	bool hide = rt_binding_switch(ctx->bind, "HideComputerName");

	for (size_t i = 0; out && i < out->u.array.n; i++) {
		struct rt_value *v = out->u.array.v[i];
		if (rt_stream_of(v) != RT_STREAM_NONE) {
			rt_exec_forward(ctx, v);
			continue;
		}
		if (v->kind == RT_VAL_RECORD && !hide)
			rt_record_set(v, "PSComputerName",
				      rt_string(session_computer(s)));
		rt_exec_emit(ctx, rt_value_ref(v));
	}
}

static int
invoke_in(struct rt_context *ctx, struct rt_session *s)
{
	struct session_result res = { 0 };
	struct session_invocation inv = invocation(ctx);
	char *err = NULL;
	int rc = session_invoke_values(s, &inv, &res, &err);

	if (rc != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	emit_remote(ctx, s, res.output);
	if (res.error) {
		ctx->failed = true;
		if (ctx->report_remote)
			ctx->report_remote(ctx, res.error);
	}
	session_result_release(&res);
	return 0;
}

/* -ComputerName: a temporary session per computer, or with
   -InDisconnectedSession a disconnected one that is returned. */
static int
invoke_on_computer(struct rt_context *ctx, const char *computer)
{
	bool disc = rt_binding_switch(ctx->bind, "InDisconnectedSession");
	char *err = NULL;
	struct rt_session *s = session_open(ctx->sessions, computer, NULL,
					    disc ? 0 : SESSION_TEMPORARY, &err);
	int rc;

	if (s == NULL) {
		/* PowerShell names the computer first: "[Server09] ..." */
		rt_exec_error(ctx, "[%s] %s", computer, err);
		free(err);
		return -1;
	}
	if (!disc) {
		rc = invoke_in(ctx, s);
		if (session_remove(s, &err) != 0)
			free(err);
		return rc;
	}
	struct session_invocation inv = invocation(ctx);
	rc = session_invoke_values_disconnected(s, &inv, 0, &err);
	if (rc != 0) {
		rt_exec_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rt_exec_emit(ctx, rt_session_value(s));
	return 0;
}

/*
 * -AsJob: one job whose children run in every session (or a temporary
 * session per computer); the job object comes back at once.
 */
static int
invoke_as_job(struct rt_context *ctx, struct rt_value *targets)
{
	struct session_invocation inv = invocation(ctx);
	struct rt_job *j = rt_job_new(ctx->sessions,
				      rt_exec_string(ctx, "JobName"),
				      inv.script);

	rt_job_set_throttle(j, rt_exec_int(ctx, "ThrottleLimit", 0));
	for (size_t i = 0; i < rt_value_nitems(targets); i++) {
		struct rt_value *e = rt_value_item(targets, i);
		char *err = NULL, *msg;
		struct rt_session *s;

		if (e->kind == RT_VAL_SESSION) {
			rt_job_start_child(j, e->u.session, false, &inv);
			continue;
		}
		if (e->kind != RT_VAL_STRING)
			continue;
		s = session_open(ctx->sessions, e->u.s, NULL,
				 SESSION_TEMPORARY, &err);
		if (s) {
			rt_job_start_child(j, s, true, &inv);
			continue;
		}
		msg = xasprintf("[%s] %s", e->u.s, err);
		rt_job_fail_child(j, e->u.s, msg);
		free(msg);
		free(err);
	}
	rt_exec_emit(ctx, rt_job_value(j));
	return 0;
}

int
rt_run_invoke_command(struct rt_context *ctx)
{
	struct rt_value *cn = rt_binding_get(ctx->bind, "ComputerName");
	struct rt_value *ss = rt_binding_get(ctx->bind, "Session");
	int rc = 0;

	if (cn && rt_exec_check_configuration(ctx) != 0)
		return 1;
	if ((cn || ss) && rt_binding_switch(ctx->bind, "AsJob") &&
	    ctx->sessions)
		return invoke_as_job(ctx, cn ? cn : ss);
	if (cn || ss) {
		struct rt_value *v = cn ? cn : ss;
		size_t n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;
		for (size_t i = 0; i < n; i++) {
			struct rt_value *e =
				v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : v;
			if (e->kind == RT_VAL_SESSION)
				rc |= invoke_in(ctx, e->u.session);
			else if (e->kind == RT_VAL_STRING)
				rc |= invoke_on_computer(ctx, e->u.s);
		}
		return rc ? 1 : 0;
	}
	if (ctx->host == NULL || ctx->host->invoke_local == NULL) {
		rt_exec_error(ctx, "%s", _("Script blocks cannot run here."));
		return 1;
	}
	return ctx->host->invoke_local(
		       ctx, rt_exec_string(ctx, "ScriptBlock"),
		       rt_binding_get(ctx->bind, "ArgumentList"),
		       rt_binding_get(ctx->bind, "InputObject"))
		       ? 1
		       : 0;
}
