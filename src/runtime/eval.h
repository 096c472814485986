/* SPDX-License-Identifier: MIT */
/*
 * The psh evaluator: runs parsed scripts (parser.h) statement by
 * statement.  Variables live as long as the evaluator ($env:NAME reads
 * the environment); pipelines pass objects from command to command, each
 * command bound per object by rt_bind and run by its handler
 * (rt_exec.h); what reaches the end of a top-level pipeline is formatted
 * to the output stream (format.h), errors go to the error stream in
 * PowerShell 7's ConciseView.
 *
 * In endpoint mode (psh --endpoint-serve) nothing is printed: output
 * values are collected for the client and error texts joined.
 */
#ifndef PSHELP_PSH_EVAL_H
#define PSHELP_PSH_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct psh_eval;
struct rt_value;
struct session_manager;

struct rt_context;

/*
 * Get-Help as the program provides it (the runtime includes no help
 * stage); paged is true for `help NAME`.  Returns 0, or 1 after an error.
 */
typedef int psh_help_fn(struct rt_context *ctx, bool paged, void *cookie);

struct psh_eval_options {
	FILE *out, *err;
	psh_help_fn *help; /* NULL: "Help is not available here." */
	void *help_cookie;
	bool interactive; /* a terminal: prompt for mandatory values */
	bool endpoint;	  /* collect instead of printing */
	struct session_manager *sessions; /* NULL: no sessions */
};

struct psh_eval *psh_eval_new(const struct psh_eval_options *o);
void psh_eval_free(struct psh_eval *ev);

/*
 * Runs a script; file names it in error positions (NULL for -c and the
 * REPL).  Returns 0, or 1 when the last statement failed.
 */
int psh_eval_run(struct psh_eval *ev, const char *src, size_t len,
		 const char *file);

/*
 * Runs one REPL entry: in the entered session's endpoint if there is
 * one (exit and Exit-PSSession leave it), otherwise here.
 */
int psh_eval_line(struct psh_eval *ev, const char *src, size_t len);

/* True once `exit` ran at top level; *code is its exit status. */
bool psh_eval_exited(const struct psh_eval *ev, int *code);

/* Whether an Enter-PSSession session is entered. */
bool psh_eval_in_session(const struct psh_eval *ev);
/* "PS> " or "[Server01]: PS> " (caller frees). */
char *psh_eval_prompt(const struct psh_eval *ev);

struct psh_node;

/*
 * The value of a literal node (string, number, $true/$false, $null, a
 * script block), or NULL for a node only a running script can evaluate.
 */
struct rt_value *psh_eval_literal(const struct psh_node *n);

/* Sets a variable, taking over the reference to v (NULL: $null). */
void psh_eval_set(struct psh_eval *ev, const char *name, struct rt_value *v);

/* An endpoint_set_fn (endpoint.h) with an evaluator as its cookie. */
void psh_eval_endpoint_set(void *cookie, const char *name,
			   struct rt_value *v);
/* An endpoint_exec_fn (endpoint.h) with an evaluator as its cookie. */
int psh_eval_endpoint_exec(void *cookie, const char *script,
			   struct rt_value **output, char **error);

#endif
