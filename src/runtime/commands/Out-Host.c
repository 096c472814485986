/* SPDX-License-Identifier: MIT */
/*
 * Out-Host: the handler, run after binding (metadata in
 * src/meta/commands/Out-Host.c).  Out-Default (commands/Out-Default.c)
 * shares rt_out_host_write().
 */
#include "handlers.h"
#include <stdio.h>

#include "format.h"
#include "rt_exec.h"
#include "rt_stream.h"
#include "strbuf.h"

/*
 * Formats v as the end of a pipeline does and writes it to the host:
 * psh's standard output, or, in a session's endpoint, the client (as
 * text it prints).  Nothing goes down the pipeline.  An array is
 * formatted as a stream of its items: objects of one type as one table.
 */
void
rt_out_host_write(struct rt_context *ctx, struct rt_value *v)
{
	struct strbuf sb = STRBUF_INIT;

	if (v == NULL)
		return;
	strbuf_init(&sb);
	if (v->kind == RT_VAL_ARRAY)
		psh_format_values(&sb, v->u.array.v, v->u.array.n);
	else
		psh_format_values(&sb, &v, 1);
	if (sb.len && ctx->in_endpoint) {
		/* The client adds the newline after each value. */
		if (sb.buf[sb.len - 1] == '\n')
			sb.buf[--sb.len] = '\0';
		rt_exec_emit(ctx, rt_string(sb.buf));
	} else if (sb.len) {
		fwrite(sb.buf, 1, sb.len, stdout);
		fflush(stdout);
	}
	strbuf_release(&sb);
}

/* A record is shown in its place: what came before it first. */
void
rt_out_host_collect(struct rt_context *ctx, struct rt_value *v)
{
	if (v == NULL)
		return;
	if (rt_stream_of(v) != RT_STREAM_NONE) {
		rt_out_host_write(ctx, *ctx->state);
		rt_value_unref(*ctx->state);
		*ctx->state = NULL;
		if (ctx->display_record)
			ctx->display_record(ctx, v);
		else
			rt_exec_emit(ctx, rt_value_ref(v));
		return;
	}
	if (*ctx->state == NULL)
		*ctx->state = rt_array_new();
	rt_array_push(*ctx->state, rt_value_ref(v));
}

/* The objects are kept until the input ends, so that a stream of
   objects of one type becomes one table, as PowerShell formats it. */
int
rt_run_out_host(struct rt_context *ctx)
{
	rt_out_host_collect(ctx, rt_binding_get(ctx->bind, "InputObject"));
	return 0;
}

int
rt_end_out_host(struct rt_context *ctx)
{
	rt_out_host_write(ctx, *ctx->state);
	return 0;
}
