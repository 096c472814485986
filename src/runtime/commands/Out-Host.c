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
#include "strbuf.h"

/*
 * Formats v as the end of a pipeline does and writes it to the host:
 * psh's standard output, or, in a session's endpoint, the client (as
 * text it prints).  Nothing goes down the pipeline.
 */
void
rt_out_host_write(struct rt_context *ctx, struct rt_value *v)
{
	struct strbuf sb = STRBUF_INIT;

	if (v == NULL)
		return;
	strbuf_init(&sb);
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

int
rt_run_out_host(struct rt_context *ctx)
{
	rt_out_host_write(ctx, rt_binding_get(ctx->bind, "InputObject"));
	return 0;
}
