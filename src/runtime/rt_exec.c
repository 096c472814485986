/* SPDX-License-Identifier: MIT */
/* Helpers shared by the command handlers (see rt_exec.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "rt_exec.h"
#include "rt_stream.h"
#include "session.h"
#include "wildcard.h"
#include "xalloc.h"

#define RT_EXEC_CONFIGURATION "Microsoft.PowerShell"

void
rt_exec_error(struct rt_context *ctx, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	va_start(ap, fmt);
	if (vsnprintf(msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap) < 0)
		msg[0] = '\0';
	va_end(ap);
	ctx->failed = true;
	if (ctx->report)
		ctx->report(ctx, msg);
	free(msg);
}

void
rt_exec_forward(struct rt_context *ctx, struct rt_value *v)
{
	switch (rt_stream_of(v)) {
	case RT_STREAM_ERROR:
		ctx->failed = true;
		if (ctx->report_remote)
			ctx->report_remote(ctx, rt_stream_message(v));
		return;
	case RT_STREAM_WARNING:
		if (ctx->report_record)
			ctx->report_record(ctx, true, rt_stream_message(v));
		return;
	case RT_STREAM_VERBOSE: /* the endpoint's preference let it out */
	case RT_STREAM_NONE:
		rt_exec_emit(ctx, rt_value_ref(v));
		return;
	}
}

static void
exec_record(struct rt_context *ctx, bool warning, const char *fmt, va_list ap)
{
	char *msg;
	va_list aq;
	int n;

	if (ctx->report_record == NULL)
		return;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	if (vsnprintf(msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap) < 0)
		msg[0] = '\0';
	ctx->report_record(ctx, warning, msg);
	free(msg);
}

void
rt_exec_verbose(struct rt_context *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	exec_record(ctx, false, fmt, ap);
	va_end(ap);
}

void
rt_exec_warning(struct rt_context *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	exec_record(ctx, true, fmt, ap);
	va_end(ap);
}

const char *
rt_exec_string(const struct rt_context *ctx, const char *name)
{
	struct rt_value *v = rt_binding_get(ctx->bind, name);

	if (v && v->kind == RT_VAL_ARRAY)
		v = v->u.array.n ? v->u.array.v[0] : NULL;
	if (v == NULL ||
	    (v->kind != RT_VAL_STRING && v->kind != RT_VAL_SCRIPTBLOCK))
		return NULL;
	return v->u.s;
}

long
rt_exec_int(const struct rt_context *ctx, const char *name, long dflt)
{
	struct rt_value *v = rt_binding_get(ctx->bind, name);

	return v && v->kind == RT_VAL_INT ? (long)v->u.i : dflt;
}

/* The elements of an array value, or the value itself as one element. */
static struct rt_value *const *
elements(struct rt_value *const *one, size_t *n)
{
	struct rt_value *v = *one;

	if (v && v->kind == RT_VAL_ARRAY) {
		*n = v->u.array.n;
		return v->u.array.v;
	}
	*n = v ? 1 : 0;
	return one;
}

static bool
selector_matches(const char *param, const struct rt_value *key,
		 struct rt_session *s)
{
	char *text;
	bool hit;

	if (strcmp(param, "Session") == 0)
		return key->kind == RT_VAL_SESSION && key->u.session == s;
	if (strcmp(param, "Id") == 0)
		return key->kind == RT_VAL_INT && key->u.i == session_id(s);
	text = rt_value_to_string(key);
	if (strcmp(param, "Name") == 0)
		hit = wildcard_match_folded(text, session_name(s));
	else
		hit = strcasecmp(text, session_instance_id(s)) == 0;
	free(text);
	return hit;
}

static void
report_unmatched(struct rt_context *ctx, const char *param,
		 const struct rt_value *key)
{
	char *text = rt_value_to_string(key);

	if (strcmp(param, "Id") == 0)
		rt_exec_error(ctx,
			      _("The remote session with the session ID "
				"%s is not available."),
			      text);
	else if (strcmp(param, "Name") == 0 && !wildcard_has_wildcard(text))
		rt_exec_error(ctx,
			      _("The remote session with the name %s is "
				"not available."),
			      text);
	else if (strcmp(param, "InstanceId") == 0)
		rt_exec_error(ctx,
			      _("The remote session with the instance ID "
				"%s is not available."),
			      text);
	free(text);
}

/* -ComputerName names where to look (session_query), not a selector,
   except for Remove-PSSession, which handles it itself. */
static const char *const selectors[] = { "Session", "Id", "Name",
					 "InstanceId" };

static bool
seen(struct rt_session **done, size_t ndone, struct rt_session *s)
{
	for (size_t i = 0; i < ndone; i++)
		if (done[i] == s)
			return true;
	return false;
}

int
rt_exec_select_sessions(struct rt_context *ctx, struct rt_session **list,
			size_t n,
			int (*fn)(struct rt_context *, struct rt_session *))
{
	struct rt_session **done = NULL;
	size_t ndone = 0, cap = 0;
	int rc = 0;

	for (size_t k = 0; k < sizeof(selectors) / sizeof(*selectors); k++) {
		struct rt_value *v = rt_binding_get(ctx->bind, selectors[k]);
		size_t nkeys;
		struct rt_value *const *keys = elements(&v, &nkeys);

		if (v == NULL)
			continue;
		for (size_t i = 0; i < nkeys; i++) {
			bool found = false;

			/* A PSSession value reaches its session even when
			   the list does not hold it (e.g. Closed). */
			if (keys[i]->kind == RT_VAL_SESSION) {
				struct rt_session *s = keys[i]->u.session;
				if (seen(done, ndone, s))
					continue;
				done = xgrow(done, &cap, ndone + 1,
					     sizeof(*done));
				done[ndone++] = s;
				if (fn(ctx, s) != 0)
					rc = -1;
				continue;
			}
			for (size_t j = 0; j < n; j++) {
				if (!selector_matches(selectors[k], keys[i],
						      list[j]))
					continue;
				found = true;
				if (seen(done, ndone, list[j]))
					continue;
				done = xgrow(done, &cap, ndone + 1,
					     sizeof(*done));
				done[ndone++] = list[j];
				if (fn(ctx, list[j]) != 0)
					rc = -1;
			}
			if (!found) {
				report_unmatched(ctx, selectors[k], keys[i]);
				rc = -1;
			}
		}
	}
	free(done);
	return rc;
}

int
rt_exec_check_configuration(struct rt_context *ctx)
{
	const char *c = rt_exec_string(ctx, "ConfigurationName");

	if (c == NULL || strcasecmp(c, RT_EXEC_CONFIGURATION) == 0)
		return 0;
	rt_exec_error(ctx,
		      _("The session configuration %s is not available: "
			"endpoints of this runtime have only %s."),
		      c, RT_EXEC_CONFIGURATION);
	return -1;
}

bool
rt_exec_configuration_matches(struct rt_context *ctx, struct rt_session *s)
{
	const char *c = rt_exec_string(ctx, "ConfigurationName");

	return c == NULL || wildcard_match_folded(c, session_configuration(s));
}

int
rt_exec_each_string(struct rt_context *ctx, const char *name,
		    int (*fn)(struct rt_context *, const char *))
{
	struct rt_value *v = rt_binding_get(ctx->bind, name);
	int rc = 0;

	for (size_t i = 0; v && i < rt_value_nitems(v); i++) {
		struct rt_value *e = rt_value_item(v, i);
		if (e->kind == RT_VAL_STRING && fn(ctx, e->u.s) != 0)
			rc = 1;
	}
	return rc;
}
