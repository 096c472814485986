/* SPDX-License-Identifier: MIT */
/*
 * The endpoint of one PSSession: a detached process that owns the
 * session's state and runs the scripts its client sends.  The client
 * (session.c) binds and listens on the socket, then spawns the endpoint
 * program with the listening socket as an inherited descriptor and the
 * arguments endpoint_parse_args() reads; that program (psh
 * --endpoint-serve, or the test stub) calls endpoint_main() with its
 * executor.
 *
 * Connections are served concurrently (up to a cap; more get an ERROR
 * that says so).  One that has not attached must send its request
 * within a short deadline or it is dropped.  While a script of the
 * attached client runs, a CANCEL frame from it stops the script
 * (rt_interrupt.h), and the other connections' INFO probes are still
 * answered between statements.
 *
 * Lifetime: the endpoint ends when its client sends CLOSE, when the
 * attached client goes away without DISCONNECT, when no client attaches
 * within the start-up timeout, when it stays disconnected longer than
 * the idle timeout, or on SIGTERM/SIGINT/SIGHUP.  It unlinks its socket
 * whenever it ends normally, and only if the path still names the
 * socket it was given.
 *
 * INFO answers a record with Name, ComputerName, ConfigurationName,
 * InstanceId, State ("Opening", "Opened" or "Disconnected"),
 * ClientAttached, OwnerUid, ProcessId, CreationTime (Unix seconds) and
 * IdleTimeoutSec.
 *
 * The error records of commands run with their output kept
 * (Invoke-Command -InDisconnectedSession) are kept, in place, up to
 * ENDPOINT_MAX_BUFFERED_ERRORS bytes, then one says that the rest was
 * dropped; those of one command's answer are kept up to
 * ENDPOINT_MAX_RESULT_ERRORS bytes in the same way.
 */
#ifndef PSHELP_ENDPOINT_H
#define PSHELP_ENDPOINT_H

struct rt_value;

/*
 * Runs script_text.  Stores an array of output values (or NULL for no
 * output) in *output_array and, if the script failed, a malloc'd error
 * text in *error_message.  Returns 0 on success, non-zero on failure.
 */
typedef int endpoint_exec_fn(void *cookie, const char *script_text,
			     struct rt_value **output_array,
			     char **error_message);

/*
 * Sets a variable of the executor to v, taking over the reference (the
 * executor's own $args and $input, set before and reset after a script
 * that Invoke-Command sent with values).
 */
typedef void endpoint_set_fn(void *cookie, const char *name,
			     struct rt_value *v);

#define ENDPOINT_DEFAULT_IDLE_SEC 7200 /* PowerShell's default: 2 hours */
#define ENDPOINT_DEFAULT_STARTUP_MS 10000
#define ENDPOINT_MAX_BUFFERED_ERRORS (64u << 10)
/* The same for the error records of one command's answer. */
#define ENDPOINT_MAX_RESULT_ERRORS (1u << 20)

struct endpoint_options {
	int listen_fd;		 /* the listening socket */
	const char *socket_path; /* unlinked when the endpoint ends */
	const char *instance_id;
	const char *name;
	const char *computer_name; /* also $env:COMPUTERNAME, except that
				      localhost and . use the host name */
	const char *configuration_name;
	int idle_timeout_sec;	/* when DISCONNECT names none; 0: default */
	int startup_timeout_ms; /* 0: ENDPOINT_DEFAULT_STARTUP_MS */
	endpoint_exec_fn *exec;
	void *cookie;
	/* NULL: an endpoint that refuses the values it would drop */
	endpoint_set_fn *set_variable;
};

/*
 * Reads the options the client passes after the program's own
 * arguments: --fd N --socket PATH --instance-id GUID --name NAME
 * --computer NAME [--configuration NAME] [--idle-timeout SEC].
 * Strings point into argv; exec and cookie are left alone, set_variable
 * becomes NULL.  Returns 0,
 * or -1 with *err set (the caller frees it).
 */
int endpoint_parse_args(int argc, char *const argv[],
			struct endpoint_options *o, char **err);

/*
 * Checks that o->listen_fd is a listening Unix stream socket bound to
 * o->socket_path, and that this path is a socket.  Returns 0, or -1
 * with *err set (translated; the caller frees it).
 */
int endpoint_check_listener(const struct endpoint_options *o, char **err);

/*
 * Serves the session until it ends; returns the exit status: 0, or 2
 * when endpoint_check_listener refuses the socket (nothing is touched
 * then).
 */
int endpoint_main(const struct endpoint_options *o);

/*
 * For tests and fuzzing: serves the one connected socket fd as if it
 * had just been accepted (greeting, then its requests, also ATTACH and
 * the attached client's), without a listening socket, until it is
 * closed or the session ends.  fd is closed.  Returns 0.
 */
int endpoint_serve_connection(const struct endpoint_options *o, int fd);

#endif
