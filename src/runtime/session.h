/* SPDX-License-Identifier: MIT */
/*
 * PSSessions, client side.  Every session is one endpoint process
 * (endpoint.h) reached over a Unix socket in the per-user runtime
 * directory (rt_runtime_dir.h), named <InstanceId>.sock.  A session
 * manager, one per psh process, holds the sessions it created or found:
 * Ids come from its counter starting at 1, names default to
 * Runspace<Id>.  The command handlers (New-PSSession, Invoke-Command,
 * ...) are thin layers over these calls.
 *
 * Computer names: localhost, . and this host's name are built in and
 * all mean this machine; more names come from the computers file (see
 * doc/psh-computers.md) or session_register_computer() (psh
 * --endpoint NAME).  An endpoint opened for NAME answers as that
 * computer: its $env:COMPUTERNAME is NAME.
 *
 * Errors: functions that can fail return -1 (or NULL) and store a
 * translated message in *err, which the caller frees.  A session whose
 * endpoint has died (EOF, EPIPE, ECONNRESET, no answer in time) becomes
 * Broken on the next operation and its socket is removed.
 *
 * struct rt_session objects live until the manager is freed, even
 * after Remove-PSSession (then in state Closed), so that PSSession
 * values that point at them stay valid; free the values first.
 */
#ifndef PSHELP_SESSION_H
#define PSHELP_SESSION_H

#include <stdbool.h>
#include <stddef.h>

struct rt_session;
struct rt_value;
struct session_manager;
struct strbuf;

/* PowerShell's RunspaceState, in its order. */
enum session_state {
	SESSION_BEFORE_OPEN,
	SESSION_OPENING,
	SESSION_OPENED,
	SESSION_CLOSED,
	SESSION_CLOSING,
	SESSION_BROKEN,
	SESSION_DISCONNECTING,
	SESSION_DISCONNECTED,
	SESSION_CONNECTING
};

/* PowerShell's RunspaceAvailability. */
enum session_availability {
	SESSION_AVAIL_NONE,
	SESSION_AVAIL_AVAILABLE,
	SESSION_AVAIL_NESTED,
	SESSION_AVAIL_BUSY,
	SESSION_AVAIL_REMOTE_DEBUG
};

struct session_config {
	/* The endpoint program and the arguments that put it in
	   endpoint mode, e.g. "/proc/self/exe" and {"--endpoint-serve",
	   NULL}; the session layer appends the endpoint_parse_args()
	   options. */
	const char *program;
	const char *const *program_args;
	const char *runtime_dir;    /* NULL: rt_runtime_dir_default() */
	const char *computers_file; /* NULL: the default place, "": none */
	int timeout_ms;		    /* every wait but a command; 0: 5000 */
	int invoke_timeout_ms;	    /* a command's run; 0: 60000 */
};

/* Options of session_open. */
enum {
	SESSION_TEMPORARY = 1u << 0 /* no Id, not listed: Enter-PSSession
				       -ComputerName, Invoke-Command
				       -ComputerName; remove it when done */
};

/*
 * What a command sent back: output values and the error text, if any.
 * Both come from another process: the error text (like every message
 * quoted from an endpoint) has its control characters made visible;
 * output strings are data, to be neutralized by whoever prints them.
 */
struct session_result {
	struct rt_value *output; /* an array, never NULL after success */
	char *error;		 /* the script's error, or NULL */
};

struct session_manager *session_manager_new(const struct session_config *c);
/*
 * Drops every connection without disconnecting, as a client that exits
 * does: the endpoints of connected sessions end, disconnected ones keep
 * running until their idle timeout.
 */
void session_manager_free(struct session_manager *m);

/* Adds a computer name that maps to a local endpoint. */
int session_register_computer(struct session_manager *m, const char *name,
			      char **err);
/*
 * True if name is a computer this manager can reach; otherwise *err is
 * PowerShell's "Connecting to remote server NAME failed ..." message.
 */
bool session_computer_known(struct session_manager *m, const char *name,
			    char **err);

/*
 * Opens a session to computer: spawns its endpoint and waits until it is
 * ready.  name NULL means Runspace<Id>.  Returns the session, Opened and
 * Available, or NULL.
 */
struct rt_session *session_open(struct session_manager *m, const char *computer,
				const char *name, unsigned flags, char **err);

/*
 * Runs script in an Opened session as a line of Enter-PSSession: $args
 * and $input of the endpoint are left as they are.  Release res
 * afterwards.
 */
int session_invoke(struct rt_session *s, const char *script,
		   struct session_result *res, char **err);
void session_result_release(struct session_result *res);

/*
 * What Invoke-Command runs: the script block's text, and the values of
 * -ArgumentList and -InputObject (NULL: none; an array is its items).
 * The values go over the wire as typed data and the endpoint binds them
 * to $args and $input without parsing them; sessions arrive as
 * Deserialized PSSession records with their properties.
 */
struct session_invocation {
	const char *script;
	struct rt_value *arguments; /* borrowed */
	struct rt_value *input;	    /* borrowed */
};

/* Runs inv in an Opened session; release res afterwards. */
int session_invoke_values(struct rt_session *s,
			  const struct session_invocation *inv,
			  struct session_result *res, char **err);

/*
 * Ctrl-C: a wait for an endpoint's answer stops at once when
 * rt_interrupt_pending() (rt_interrupt.h) is true.  The client then
 * sends CANCEL and waits a moment for the stopped command's answer; if
 * none comes, the answer is read and dropped before the next request on
 * the session, which stays Opened.  The interrupted call returns 0 with
 * the output that came (possibly none).
 *
 * A session whose command a job waits for is Busy: every other request
 * on it fails with PowerShell's "not available to run commands".
 */

/*
 * Invoke-Command -AsJob: sends inv and returns at once; the session is
 * Busy until session_invoke_finish has read the answer.
 */
int session_invoke_start(struct rt_session *s, const struct session_invocation *inv,
			 char **err);
/*
 * Waits up to wait_ms (0: only looks; with interruptible, less after
 * Ctrl-C) for the answer of the started command.  Returns 1 with res
 * filled (res may be NULL: dropped), 0 when it has not come yet, or -1
 * with *err (an ERROR answer, or the session became Broken).
 */
int session_invoke_finish(struct rt_session *s, int wait_ms, bool interruptible,
			  struct session_result *res, char **err);
/* Asks the endpoint to stop the running command (a CANCEL frame). */
int session_cancel(struct rt_session *s);
/* True while a command's answer is awaited. */
bool session_is_running(const struct rt_session *s);
/* The endpoint's connection (for waiting on several sessions), or -1. */
int session_fd(const struct rt_session *s);

/*
 * Invoke-Command -InDisconnectedSession: runs script with its output
 * kept in the endpoint, then disconnects (see session_disconnect).
 */
int session_invoke_disconnected(struct rt_session *s, const char *script,
				int idle_timeout_sec, char **err);
/* The same with the values of inv (see session_invoke_values). */
int session_invoke_values_disconnected(struct rt_session *s,
				       const struct session_invocation *inv,
				       int idle_timeout_sec, char **err);

/*
 * Detaches from the endpoint, which keeps running (and keeps any output)
 * until a client connects or idle_timeout_sec passes (0: the endpoint's
 * default, 7200).  The session becomes Disconnected.
 */
int session_disconnect(struct rt_session *s, int idle_timeout_sec, char **err);

/* Reattaches a Disconnected session, also one found by session_query. */
int session_connect(struct rt_session *s, char **err);

/*
 * Receive-PSSession: connects if needed and returns the output the
 * endpoint kept while disconnected (then forgets it).
 */
int session_receive(struct rt_session *s, struct session_result *res,
		    char **err);

/*
 * Remove-PSSession: ends the endpoint (connecting first if needed) and
 * marks the session Closed.  A Broken session is just marked Closed.
 */
int session_remove(struct rt_session *s, char **err);

/*
 * The sessions of this manager that are not Closed and not temporary,
 * by Id (Get-PSSession).  Returns the count; *out is malloc'd, the
 * sessions are borrowed.
 */
size_t session_list(struct session_manager *m, struct rt_session ***out);

/*
 * Get-PSSession -ComputerName: the endpoints of computer (NULL: every
 * computer) in the runtime directory, from any psh process of this user.
 * Our own sessions come back as they are; others get a local object
 * (and Id) in state Disconnected, Availability None if they can be
 * connected, Busy if another client holds them.  Stale sockets are
 * removed on the way.  Returns 0 with *out malloc'd (borrowed sessions),
 * or -1.
 */
int session_query(struct session_manager *m, const char *computer,
		  struct rt_session ***out, size_t *n, char **err);

/* Properties. */
int session_id(const struct rt_session *s); /* 0 for temporary ones */
const char *session_name(const struct rt_session *s);
const char *session_computer(const struct rt_session *s);
const char *session_configuration(const struct rt_session *s);
const char *session_instance_id(const struct rt_session *s);
const char *session_socket_path(const struct rt_session *s);
enum session_state session_state(const struct rt_session *s);
enum session_availability session_availability(const struct rt_session *s);
bool session_is_temporary(const struct rt_session *s);
const char *session_state_name(enum session_state st);
const char *session_availability_name(enum session_availability a);

/*
 * Installs the session_props.h accessor: Id, Name, ComputerName, State,
 * ConfigurationName, InstanceId, Availability, Transport ("Process":
 * the endpoint is a local process, PowerShell's out-of-process
 * transport) and ComputerType ("RemoteMachine").
 */
void session_props_install(void);

/*
 * Table views of sessions (PowerShell's PSSession table view, one space
 * between columns, a dash line under each label, values cut with "…"
 * at the column width, trailing blanks trimmed, no blank lines around).
 *
 * SESSION_TABLE_DEFAULT: PowerShell 7's columns without ComputerType,
 *   which would only ever say RemoteMachine about a local process:
 *   Id(3, right) Name(15) Transport(9) ComputerName(15) State(13)
 *   ConfigurationName(20) Availability(13, right).
 * SESSION_TABLE_PAGE: the five columns of the Exit-PSSession page's
 *   Example 2: Id Name ComputerName State ConfigurationName, same widths.
 */
enum session_table_view { SESSION_TABLE_DEFAULT, SESSION_TABLE_PAGE };
void session_format_table(struct strbuf *sb, struct rt_session *const *list,
			  size_t n, enum session_table_view view);

/*
 * Reads the INFO of the endpoint listening at socket_path.  Returns the
 * record (see endpoint.h) or NULL with *err.  Refuses a socket whose
 * process belongs to another uid.  *gone (may be NULL) tells whether
 * nothing listens there any more (refused: a stale socket, or missing).
 */
struct rt_value *session_probe(const char *socket_path, int timeout_ms,
			       bool *gone, char **err);

/*
 * For tests and fuzzing only: the client's conversations on fd, one end
 * of a connected socket pair whose other end plays the endpoint.
 * session_probe_fd_for_testing is session_probe after the connect (it
 * closes fd).  session_adopt_fd_for_testing waits for the greeting of
 * the endpoint instance_id and attaches as session_open does after
 * spawning; the session (Opened, owning fd) belongs to m, its socket
 * path is <runtime_dir>/<instance_id>.sock.  NULL with *err on failure
 * (fd is then closed).  The waits for a stopped command's answer after
 * Ctrl-C never exceed m's timeout, so a short timeout keeps them short.
 */
struct rt_value *session_probe_fd_for_testing(int fd, int timeout_ms,
					      char **err);
struct rt_session *session_adopt_fd_for_testing(struct session_manager *m,
						int fd, const char *instance_id,
						char **err);

#endif
