/* SPDX-License-Identifier: MIT */
/*
 * runtime: values, binder, evaluator, command handlers, sessions, endpoints.
 *
 * What a command handler (handlers.h) gets: the binding, the
 * pipeline object being processed, where output and errors go, the
 * session manager and the host.  The evaluator (eval.c) fills a struct
 * rt_context for every invocation; handlers live in commands/ (their
 * tables in src/meta/commands/) and reach psh internals (the prompt,
 * running a script block, the help engine) only through struct rt_host.
 *
 * A handler runs once per pipeline object (input != NULL), or once when
 * nothing was piped.  It returns 0, or non-zero after reporting an error
 * with rt_exec_error().
 */
#ifndef PSHELP_RT_EXEC_H
#define PSHELP_RT_EXEC_H

#include <stdarg.h>
#include <stdbool.h>

#include "bind.h"
#include "rt_value.h"

struct rt_session;
struct session_manager;
struct rt_context;

/* Services of the program that runs the commands (psh). */
struct rt_host {
	/* Enter-PSSession: make s the current runspace; temporary ones
	   are removed when popped.  Returns 0, or -1 after an error. */
	int (*push_runspace)(struct rt_context *ctx, struct rt_session *s,
			     bool temporary);
	/* Exit-PSSession: no-op when nothing is pushed. */
	void (*pop_runspace)(struct rt_context *ctx);
	/* Runs a script block in this process with $args and $input set;
	   appends its output to ctx's output.  Returns 0 or -1. */
	int (*invoke_local)(struct rt_context *ctx, const char *script,
			    struct rt_value *args, struct rt_value *input);
	/* Runs a script block in the current scope with $_ and $PSItem set
	   to item (NULL: left as they are) and $args to args (NULL: none);
	   appends its output to output.  Returns 0, or -1 after an error
	   (reported, and ctx->failed set). */
	int (*invoke_block)(struct rt_context *ctx, const char *script,
			    struct rt_value *item, struct rt_value *args,
			    struct rt_value *output);
	/* Get-Help and help. */
	int (*get_help)(struct rt_context *ctx);
	void *cookie; /* the host's own state */
};

struct rt_context {
	const struct meta_command *cmd;
	const struct rt_binding *bind;
	struct rt_value *input;		  /* the pipeline object, or NULL */
	struct rt_value *output;	  /* an array: rt_exec_emit appends */
	struct session_manager *sessions; /* may be NULL (no sessions) */
	const struct rt_host *host;
	int position;	  /* 1-based pipeline position */
	bool interactive; /* a terminal is attached */
	bool in_endpoint; /* running inside a session's endpoint */
	bool failed;	  /* an error was reported */
	/* Reports an error of the command; the evaluator shows it as
	   "Cmd: message". */
	void (*report)(struct rt_context *ctx, const char *message);
	/* Reports an error text an endpoint sent, shown as it is. */
	void (*report_remote)(struct rt_context *ctx, const char *text);
	/* A verbose or warning record (rt_exec_verbose, rt_exec_warning);
	   the evaluator applies -Verbose, -WarningAction and the
	   preference variables.  NULL: dropped. */
	void (*report_record)(struct rt_context *ctx, bool warning,
			      const char *message);
	/* Shows a stream record (rt_stream.h) on the host now: what
	   Out-Host does with one.  NULL: it goes to the output. */
	void (*display_record)(struct rt_context *ctx,
			       const struct rt_value *record);
	/*
	 * Commands with an end-of-input handler (handlers.h) are called once
	 * more after their last pipeline object, with input NULL and ending
	 * true, also when no object came.  *state is theirs between the
	 * calls (NULL at first; the evaluator unrefs it after the end).
	 */
	bool ending;
	struct rt_value **state;
};

/* Appends v to the output, taking over the caller's reference. */
static inline void
rt_exec_emit(struct rt_context *ctx, struct rt_value *v)
{
	rt_array_push(ctx->output, v);
}

/*
 * An item an endpoint or a job sent back: an object is emitted; a
 * stream record (rt_stream.h) is reported as this command's error or
 * warning, in its place among the objects, so that -ErrorVariable,
 * -WarningAction and $? see it.
 */
void rt_exec_forward(struct rt_context *ctx, struct rt_value *v);

/* Reports an error of the running command (message already translated). */
void rt_exec_error(struct rt_context *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A "VERBOSE: ..." record, shown under -Verbose or $VerbosePreference. */
void rt_exec_verbose(struct rt_context *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A "WARNING: ..." record, under -WarningAction and $WarningPreference. */
void rt_exec_warning(struct rt_context *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The bound value of a parameter as a C string (borrowed), or NULL. */
const char *rt_exec_string(const struct rt_context *ctx, const char *name);
/* The bound Int32 value of a parameter, or dflt when unbound. */
long rt_exec_int(const struct rt_context *ctx, const char *name, long dflt);

/*
 * -ConfigurationName where a session is opened: endpoints have only
 * PowerShell's default configuration, Microsoft.PowerShell; any other
 * is reported.  Returns 0 or -1.
 */
int rt_exec_check_configuration(struct rt_context *ctx);
/* -ConfigurationName as a filter (wildcards); true when unbound. */
bool rt_exec_configuration_matches(struct rt_context *ctx,
				   struct rt_session *s);

/*
 * The PSSessions a -Session/-Id/-Name/-InstanceId/-ComputerName
 * selection names among list[0, n): calls fn for each and reports
 * PowerShell's "no session" error for a selector that matched none.
 */
/*
 * Calls fn for each string of parameter `name` (a scalar or an array);
 * returns 1 if any call failed, else 0.
 */
int rt_exec_each_string(struct rt_context *ctx, const char *name,
			int (*fn)(struct rt_context *, const char *));

int rt_exec_select_sessions(struct rt_context *ctx, struct rt_session **list,
			    size_t n,
			    int (*fn)(struct rt_context *,
				      struct rt_session *));

#endif
