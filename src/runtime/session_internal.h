/* SPDX-License-Identifier: MIT */
/*
 * Private to the PSSession client (session.c, session_query.c,
 * session_format.c): the session and manager structures and the helpers
 * the pieces share.
 */
#ifndef PSHELP_SESSION_INTERNAL_H
#define PSHELP_SESSION_INTERNAL_H

#include <stdbool.h>

#include "session.h"

struct rt_value;

#define GUID_LEN 36
#define SOCKET_SUFFIX ".sock"
#define DEFAULT_CONFIGURATION "Microsoft.PowerShell"

struct rt_session {
	struct session_manager *m;
	int id;
	char *name;
	char *computer;
	char *configuration;
	char instance_id[GUID_LEN + 1];
	char *socket_path;
	enum session_state state;
	enum session_availability avail;
	int fd; /* the attached connection, or -1 */
	bool temporary;
	/* An INVOKE went out and its answer has not been read: a job waits
	   for it (job_owned), or Ctrl-C left it to be drained before the
	   next request.  The session is Busy meanwhile. */
	bool answer_pending;
	bool pending_buffered; /* that answer is OK, not RESULT */
	bool job_owned;
	bool cancel_sent; /* CANCEL went out for that INVOKE */
};

struct rt_job;

struct session_manager {
	char *program;
	char **program_args; /* NULL-terminated copy */
	char *runtime_dir;
	char *computers_file; /* NULL: none */
	bool computers_loaded;
	char computers_error[256]; /* why the file was not read; "" */
	char **computers;
	size_t ncomputers, computers_cap;
	struct rt_session **sessions;
	size_t nsessions, sessions_cap;
	int next_id;
	int timeout_ms;
	int invoke_timeout_ms;
	struct rt_job **jobs; /* job.c: Invoke-Command -AsJob */
	size_t njobs, jobs_cap;
	int next_job_id;
};

/* session.c */
struct rt_session *session_new(struct session_manager *m, bool temporary);
const char *session_str_prop(const struct rt_value *rec, const char *name);
void session_set_state(struct rt_session *s, enum session_state st,
		       enum session_availability a);

#endif
