/* SPDX-License-Identifier: MIT */
/*
 * The handlers of the runtime's commands, found by command name.  Internal
 * to src/runtime/: the files in commands/ define them, the evaluator calls
 * rt_handler_find().  The metadata (src/meta/) knows nothing of them.
 */
#ifndef PSHELP_RT_HANDLERS_H
#define PSHELP_RT_HANDLERS_H

#include "meta.h"

struct rt_context;

/* A command's handler, called after binding (see rt_exec.h). */
typedef int rt_handler_fn(struct rt_context *ctx);

rt_handler_fn rt_run_connect_pssession, rt_run_disconnect_pssession,
	rt_run_enter_pssession, rt_run_exit_pssession, rt_run_get_command,
	rt_run_get_help, rt_run_get_pssession, rt_run_invoke_command,
	rt_run_new_pssession, rt_run_out_default, rt_run_out_host,
	rt_run_out_null, rt_run_receive_pssession, rt_run_remove_pssession,
	rt_run_write_output;
rt_handler_fn rt_run_foreach_object, rt_run_where_object;
rt_handler_fn rt_run_write_verbose, rt_run_write_warning;
rt_handler_fn rt_run_get_job, rt_run_receive_job, rt_run_remove_job,
	rt_run_start_sleep, rt_run_wait_job;

struct rt_value;

/* Out-Host's output: v formatted to the host (commands/Out-Host.c). */
void rt_out_host_write(struct rt_context *ctx, struct rt_value *v);
/* Keeps v for the end of input (Out-Host, Out-Default). */
void rt_out_host_collect(struct rt_context *ctx, struct rt_value *v);

/* The handler of the command named `name` (exact name), or NULL. */
rt_handler_fn *rt_handler_find(const char *name);

/* End-of-input handlers (rt_context.ending), or NULL for commands
   without one. */
rt_handler_fn rt_end_foreach_object, rt_end_out_host, rt_end_out_default;
rt_handler_fn *rt_handler_find_end(const char *name);

#endif
