/* SPDX-License-Identifier: MIT */
/*
 * PSSessions, client side (session.h): the session manager, spawning
 * endpoints and the request/answer exchange.  Computer names and the
 * session query live in session_query.c, the properties and the table in
 * session_format.c; session_internal.h holds what the pieces share.
 */
#define _GNU_SOURCE /* close_range via syscall, SOCK_CLOEXEC */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "job.h"
#include "rt_interrupt.h"
#include "rt_runtime_dir.h"
#include "rt_value.h"
#include "session.h"
#include "session_internal.h"
#include "session_props.h"
#include "strbuf.h"
#include "utf8.h"
#include "wire.h"
#include "xalloc.h"

#define DEFAULT_TIMEOUT_MS 5000
#define DEFAULT_INVOKE_TIMEOUT_MS 60000
#define ENDPOINT_FD 3 /* where the endpoint finds its listening socket */
#define WAIT_SLICE_MS 50     /* how often a wait looks at Ctrl-C */
#define CANCEL_GRACE_MS 700  /* how long Ctrl-C waits for the stopped answer */

/* ---------- the manager ---------- */

static char *
default_computers_file(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/psh/computers", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/psh/computers", home);
	return NULL;
}

static char **
copy_args(const char *const *args)
{
	size_t n = 0;
	char **copy;

	while (args && args[n])
		n++;
	copy = xcalloc(n + 1, sizeof(*copy));
	for (size_t i = 0; i < n; i++)
		copy[i] = xstrdup(args[i]);
	return copy;
}

struct session_manager *
session_manager_new(const struct session_config *c)
{
	struct session_manager *m = xcalloc(1, sizeof(*m));

	m->program = xstrdup(c->program ? c->program : "");
	m->program_args = copy_args(c->program_args);
	m->runtime_dir = c->runtime_dir ? xstrdup(c->runtime_dir)
					: rt_runtime_dir_default();
	if (!c->computers_file)
		m->computers_file = default_computers_file();
	else if (c->computers_file[0])
		m->computers_file = xstrdup(c->computers_file);
	m->timeout_ms = c->timeout_ms > 0 ? c->timeout_ms : DEFAULT_TIMEOUT_MS;
	m->invoke_timeout_ms = c->invoke_timeout_ms > 0
				       ? c->invoke_timeout_ms
				       : DEFAULT_INVOKE_TIMEOUT_MS;
	m->next_id = 1;
	m->next_job_id = 1;
	return m;
}

static void
session_free(struct rt_session *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->name);
	free(s->computer);
	free(s->configuration);
	free(s->socket_path);
	free(s);
}

void
session_manager_free(struct session_manager *m)
{
	if (!m)
		return;
	rt_jobs_free(m);
	for (size_t i = 0; i < m->nsessions; i++)
		session_free(m->sessions[i]);
	free(m->sessions);
	for (size_t i = 0; i < m->ncomputers; i++)
		free(m->computers[i]);
	free(m->computers);
	for (char **a = m->program_args; *a; a++)
		free(*a);
	free(m->program_args);
	free(m->program);
	free(m->runtime_dir);
	free(m->computers_file);
	free(m);
}

struct rt_session *
session_new(struct session_manager *m, bool temporary)
{
	struct rt_session *s = xcalloc(1, sizeof(*s));

	s->m = m;
	s->fd = -1;
	s->temporary = temporary;
	s->id = temporary ? 0 : m->next_id++;
	m->sessions = xgrow(m->sessions, &m->sessions_cap, m->nsessions + 1,
			    sizeof(*m->sessions));
	m->sessions[m->nsessions++] = s;
	return s;
}

/* ---------- small helpers ---------- */

static int
new_guid(char out[GUID_LEN + 1], char **err)
{
	unsigned char b[16];
	size_t got = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	while (fd >= 0 && got < sizeof(b)) {
		ssize_t rc = read(fd, b + got, sizeof(b) - got);
		if (rc <= 0 && !(rc < 0 && errno == EINTR))
			break;
		if (rc > 0)
			got += (size_t)rc;
	}
	if (fd >= 0)
		close(fd);
	if (got < sizeof(b)) {
		*err = xasprintf(_("cannot read /dev/urandom: %s"),
				 strerror(errno));
		return -1;
	}
	b[6] = (b[6] & 0x0f) | 0x40; /* version 4 */
	b[8] = (b[8] & 0x3f) | 0x80; /* RFC 4122 variant */
	snprintf(out, GUID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
	return 0;
}

const char *
session_str_prop(const struct rt_value *rec, const char *name)
{
	const struct rt_value *v = rt_record_get(rec, name);
	return v && v->kind == RT_VAL_STRING ? v->u.s : NULL;
}

static bool
fill_sockaddr(struct sockaddr_un *sa, const char *path, char **err)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa->sun_path)) {
		*err = xasprintf(_("socket path '%s' is too long"), path);
		return false;
	}
	strcpy(sa->sun_path, path);
	return true;
}

/* ---------- connecting ---------- */

/*
 * Connects to the endpoint socket at path and checks that its process
 * is ours.  The socket stays non-blocking (wire.c polls), so a full
 * backlog fails at once instead of hanging.
 */
static int
connect_path(const char *path, bool *gone, char **err)
{
	struct sockaddr_un sa;
	unsigned long uid = 0;
	int fd;

	*gone = false;
	if (!fill_sockaddr(&sa, path, err))
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		/* Refused: a socket left behind by an endpoint that died. */
		*gone = errno == ECONNREFUSED || errno == ENOENT;
		*err = xasprintf(_("cannot connect to endpoint socket '%s': "
				   "%s"),
				 path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (wire_peer_uid(fd, &uid) != 0) {
		*err = xasprintf(_("cannot check the owner of endpoint socket "
				   "'%s': %s"),
				 path, strerror(errno));
		close(fd);
		return -1;
	}
	if (uid != (unsigned long)geteuid()) {
		*err = xasprintf(_("refusing endpoint socket '%s': its process "
				   "belongs to uid %u, not to you"),
				 path, (unsigned)uid);
		close(fd);
		return -1;
	}
	return fd;
}

/* Waits for the endpoint's greeting: it is ready and is who we expect. */
static int
handshake(int fd, const char *instance_id, int timeout_ms, char **err)
{
	struct wire_frame f;
	enum wire_status st = wire_recv(fd, &f, timeout_ms);
	int saved = errno;
	struct rt_value *hello = NULL;
	const struct rt_value *version;
	const char *id;
	int rc = -1;

	if (st != WIRE_S_OK) {
		*err = xstrdup(wire_status_text(st, saved));
		return -1;
	}
	if (f.type == WIRE_T_HELLO)
		hello = wire_frame_value(&f, NULL);
	id = session_str_prop(hello, "InstanceId");
	version = rt_record_get(hello, "Version");
	if (!id || (instance_id && strcmp(id, instance_id) != 0) || !version ||
	    version->kind != RT_VAL_INT)
		*err = xstrdup(_("the endpoint sent a bad greeting"));
	else if (version->u.i != WIRE_VERSION)
		*err = xstrdup(_("the endpoint speaks another version of the "
				 "protocol (a different psh)"));
	else
		rc = 0;
	rt_value_unref(hello);
	wire_frame_release(&f);
	return rc;
}

/* Sends one request on fd and reads its answer into *reply. */
static enum wire_status
exchange(int fd, enum wire_type type, const struct rt_value *payload,
	 int timeout_ms, struct wire_frame *reply)
{
	enum wire_status st = wire_send(fd, type, payload, timeout_ms);

	memset(reply, 0, sizeof(*reply));
	if (st == WIRE_S_OK)
		st = wire_recv(fd, reply, timeout_ms);
	return st;
}

/* Error text from the peer, safe to print (newlines kept). */
static char *
peer_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	utf8_neutralize(&sb, s, strlen(s), true);
	return strbuf_detach(&sb, NULL);
}

/* The text of an ERROR answer, or a generic one. */
static char *
answer_error(const struct wire_frame *f)
{
	struct rt_value *v = NULL;
	char *msg;

	if (f->type == WIRE_T_ERROR)
		v = wire_frame_value(f, NULL);
	if (v && v->kind == RT_VAL_STRING)
		msg = peer_text(v->u.s);
	else
		msg = xstrdup(_("the endpoint sent an unexpected answer"));
	rt_value_unref(v);
	return msg;
}

/* The INFO conversation on a connected fd, which it closes. */
static struct rt_value *
probe_on(int fd, int timeout_ms, char **err)
{
	struct wire_frame f;
	enum wire_status st;
	struct rt_value *info = NULL;

	if (handshake(fd, NULL, timeout_ms, err) != 0) {
		close(fd);
		return NULL;
	}
	st = exchange(fd, WIRE_T_INFO, NULL, timeout_ms, &f);
	if (st != WIRE_S_OK)
		*err = xstrdup(wire_status_text(st, errno));
	else if (f.type != WIRE_T_INFO_REPLY ||
		 !(info = wire_frame_value(&f, NULL)) ||
		 info->kind != RT_VAL_RECORD) {
		rt_value_unref(info);
		info = NULL;
		*err = answer_error(&f);
	}
	wire_frame_release(&f);
	close(fd);
	return info;
}

struct rt_value *
session_probe(const char *socket_path, int timeout_ms, bool *gone, char **err)
{
	bool dummy;
	int fd = connect_path(socket_path, gone ? gone : &dummy, err);

	return fd < 0 ? NULL : probe_on(fd, timeout_ms, err);
}

struct rt_value *
session_probe_fd_for_testing(int fd, int timeout_ms, char **err)
{
	return probe_on(fd, timeout_ms, err);
}

/* ---------- state changes ---------- */

void
session_set_state(struct rt_session *s, enum session_state st,
		  enum session_availability a)
{
	s->state = st;
	s->avail = a;
}

static void
drop_connection(struct rt_session *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

/*
 * The endpoint is gone or no longer answers: the session is Broken and
 * its socket is removed (an endpoint that is merely slow ends by itself
 * once it sees that its client left).
 */
static int
broken(struct rt_session *s, const char *reason, char **err)
{
	drop_connection(s);
	session_set_state(s, SESSION_BROKEN, SESSION_AVAIL_NONE);
	unlink(s->socket_path);
	*err = xasprintf(_("The session %s to computer %s is broken: its "
			   "endpoint process ended or stopped answering "
			   "(%s)."),
			 s->name, s->computer, reason);
	return -1;
}

/* broken() without a message to report (it comes with the next use). */
static void
broken_quiet(struct rt_session *s)
{
	char *err = NULL;

	broken(s, _("malformed answer"), &err);
	free(err);
}

static int
not_opened(const struct rt_session *s, char **err)
{
	*err = xasprintf(_("Because the session state for session %s, %s, %s "
			   "is not equal to Open, you cannot run a command "
			   "in the session.  The session state is %s."),
			 s->name, s->instance_id, s->computer,
			 session_state_name(s->state));
	return -1;
}

static int
busy(const struct rt_session *s, char **err)
{
	*err = xasprintf(_("The session %s is not available to run commands. "
			   "The session availability is Busy."),
			 s->name);
	return -1;
}

static int
stopped(char **err)
{
	*err = xstrdup(_("The pipeline has been stopped."));
	return -1;
}

static int
too_large(char **err)
{
	*err = xasprintf(_("Sending data to a remote command failed with the "
			   "following error message: The data is larger than "
			   "the allowed maximum of %u bytes."),
			 (unsigned)WIRE_MAX_FRAME);
	return -1;
}

/*
 * One request of an attached session.  A transport failure breaks the
 * session; an ERROR answer only fails the call.
 */
static int
request(struct rt_session *s, enum wire_type type,
	const struct rt_value *payload, enum wire_type want, int timeout_ms,
	struct wire_frame *reply, char **err)
{
	enum wire_status st = wire_send(s->fd, type, payload, timeout_ms);
	int saved = errno;

	memset(reply, 0, sizeof(*reply));
	if (st == WIRE_S_TOO_BIG)
		return too_large(err); /* nothing was sent: still Opened */
	if (st == WIRE_S_OK)
		st = wire_recv(s->fd, reply, timeout_ms);
	saved = errno;
	if (st != WIRE_S_OK)
		return broken(s, wire_status_text(st, saved), err);
	if (reply->type != want) {
		*err = answer_error(reply);
		wire_frame_release(reply);
		return -1;
	}
	return 0;
}

/*
 * Greets and attaches to the endpoint of s connected on fd (closed on
 * failure).  On failure *err says why and *dead whether the endpoint is
 * gone (rather than busy).
 */
static int
attach_on(struct rt_session *s, int fd, bool *dead, char **err)
{
	struct wire_frame f;
	enum wire_status st;
	int saved;

	*dead = true;
	if (handshake(fd, s->instance_id, s->m->timeout_ms, err) != 0) {
		close(fd);
		return -1;
	}
	st = exchange(fd, WIRE_T_ATTACH, NULL, s->m->timeout_ms, &f);
	saved = errno;
	if (st != WIRE_S_OK || f.type != WIRE_T_OK) {
		*dead = st != WIRE_S_OK;
		*err = st != WIRE_S_OK ? xstrdup(wire_status_text(st, saved))
				       : answer_error(&f);
		wire_frame_release(&f);
		close(fd);
		return -1;
	}
	wire_frame_release(&f);
	s->fd = fd;
	session_set_state(s, SESSION_OPENED, SESSION_AVAIL_AVAILABLE);
	return 0;
}

static int
try_attach(struct rt_session *s, bool *dead, char **err)
{
	int fd = connect_path(s->socket_path, dead, err);

	return fd < 0 ? -1 : attach_on(s, fd, dead, err);
}

/* Reattaches: a dead endpoint breaks the session, a busy one does not. */
static int
attach(struct rt_session *s, char **err)
{
	bool dead;
	char *why = NULL;

	if (try_attach(s, &dead, &why) == 0)
		return 0;
	if (dead) {
		broken(s, why, err);
		free(why);
		return -1;
	}
	s->avail = SESSION_AVAIL_BUSY;
	*err = why;
	return -1;
}

/* ---------- spawning ---------- */

/*
 * Listens on path.  The socket is bound under a name a scan skips and
 * renamed into place once it listens: a scan that found it bound but
 * not yet listening would take it for a dead endpoint's and remove it.
 */
static int
listen_socket(const char *path, char **err)
{
	char *tmp = xasprintf("%s.new", path);
	struct sockaddr_un sa;
	int fd = -1;

	if (!fill_sockaddr(&sa, tmp, err)) {
		free(tmp);
		return -1;
	}
	unlink(tmp); /* a crashed spawn's leftover */
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(fd, 16) != 0 || rename(tmp, path) != 0) {
		*err = xasprintf(_("cannot create endpoint socket '%s': %s"),
				 path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		fd = -1;
	}
	free(tmp);
	return fd;
}

static char **
endpoint_argv(const struct session_manager *m, const struct rt_session *s)
{
	const char *tail[] = { "--fd",
			       "3",
			       "--socket",
			       s->socket_path,
			       "--instance-id",
			       s->instance_id,
			       "--name",
			       s->name,
			       "--computer",
			       s->computer,
			       "--configuration",
			       s->configuration };
	size_t np = 0, nt = sizeof(tail) / sizeof(tail[0]), k = 0;
	char **argv;

	while (m->program_args[np])
		np++;
	argv = xcalloc(1 + np + nt + 1, sizeof(*argv));
	argv[k++] = m->program;
	for (size_t i = 0; i < np; i++)
		argv[k++] = m->program_args[i];
	for (size_t i = 0; i < nt; i++)
		argv[k++] = (char *)tail[i];
	return argv;
}

static void
close_from(int lowfd)
{
#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned)lowfd, ~0u, 0) == 0)
		return;
#endif
	for (int fd = lowfd; fd < 1024; fd++)
		close(fd);
}

/*
 * In the first child: detach (new session, second fork so that the
 * client never has to reap the endpoint), give the endpoint /dev/null
 * for stdio and the listening socket as ENDPOINT_FD, and exec it.
 */
static void __attribute__((noreturn))
exec_endpoint(int lfd, const char *program, char **argv)
{
	static const int sigs[] = { SIGPIPE, SIGINT, SIGQUIT,
				    SIGTERM, SIGHUP, SIGCHLD };
	sigset_t none;
	int hi, null;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	if (setsid() < 0 || fork() != 0)
		_exit(0); /* the parent of the endpoint, or a failed fork */
	hi = fcntl(lfd, F_DUPFD, 10);
	null = open("/dev/null", O_RDWR);
	if (hi < 0 || null < 0)
		_exit(127);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	dup2(hi, ENDPOINT_FD);
	close_from(ENDPOINT_FD + 1);
	execv(program, argv);
	_exit(127);
}

/* Starts the endpoint of s and attaches to it. */
static int
spawn(struct session_manager *m, struct rt_session *s, char **err)
{
	int lfd = listen_socket(s->socket_path, err), status;
	char **argv, *why = NULL;
	bool dead;
	pid_t pid;

	if (lfd < 0)
		return -1;
	argv = endpoint_argv(m, s);
	pid = fork();
	if (pid == 0)
		exec_endpoint(lfd, m->program, argv);
	free(argv);
	if (pid < 0) {
		*err = xasprintf(_("cannot start an endpoint: %s"),
				 strerror(errno));
		close(lfd);
		unlink(s->socket_path);
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* Our copy of the listening socket must go before we wait for the
	   greeting, so that an endpoint that never started shows up as a
	   refused or closed connection instead of a timeout. */
	close(lfd);
	s->state = SESSION_OPENING;
	if (try_attach(s, &dead, &why) == 0)
		return 0;
	*err = xasprintf(_("the endpoint program '%s' did not start or did "
			   "not answer (%s)"),
			 m->program, why);
	free(why);
	unlink(s->socket_path);
	return -1;
}

/* ---------- operations ---------- */

static struct rt_session *
fail_open(struct rt_session *s, const char *computer, char **err)
{
	char *why = *err;

	*err = xasprintf(_("Cannot open a session to computer %s: %s"),
			 computer, why);
	free(why);
	session_set_state(s, SESSION_CLOSED, SESSION_AVAIL_NONE);
	s->temporary = true; /* never listed */
	return NULL;
}

struct rt_session *
session_open(struct session_manager *m, const char *computer, const char *name,
	     unsigned flags, char **err)
{
	struct rt_session *s;

	if (!session_computer_known(m, computer, err) ||
	    rt_runtime_dir_prepare(m->runtime_dir, err) != 0)
		return NULL;
	s = session_new(m, flags & SESSION_TEMPORARY);
	s->name = name ? xstrdup(name) : xasprintf("Runspace%d", s->id);
	s->computer =
		xstrdup(strcmp(computer, ".") == 0 ? "localhost" : computer);
	s->configuration = xstrdup(DEFAULT_CONFIGURATION);
	if (new_guid(s->instance_id, err) != 0)
		return fail_open(s, computer, err);
	s->socket_path = xasprintf("%s/%s%s", m->runtime_dir, s->instance_id,
				   SOCKET_SUFFIX);
	if (spawn(m, s, err) != 0)
		return fail_open(s, computer, err);
	return s;
}

struct rt_session *
session_adopt_fd_for_testing(struct session_manager *m, int fd,
			     const char *instance_id, char **err)
{
	struct rt_session *s = session_new(m, false);
	bool dead;

	s->name = xasprintf("Runspace%d", s->id);
	s->computer = xstrdup("localhost");
	s->configuration = xstrdup(DEFAULT_CONFIGURATION);
	snprintf(s->instance_id, sizeof(s->instance_id), "%s", instance_id);
	s->socket_path = xasprintf("%s/%s%s", m->runtime_dir, s->instance_id,
				   SOCKET_SUFFIX);
	s->state = SESSION_OPENING;
	if (attach_on(s, fd, &dead, err) != 0)
		return fail_open(s, "localhost", err);
	return s;
}

void
session_result_release(struct session_result *res)
{
	rt_value_unref(res->output);
	free(res->error);
	res->output = NULL;
	res->error = NULL;
}

/* Takes Output and Error out of a RESULT answer. */
static int
take_result(struct rt_session *s, const struct wire_frame *f,
	    struct session_result *res, char **err)
{
	struct rt_value *r = wire_frame_value(f, NULL);
	struct rt_value *out = rt_record_get(r, "Output");
	const char *error = session_str_prop(r, "Error");

	if (!out || out->kind != RT_VAL_ARRAY) {
		rt_value_unref(r);
		return broken(s, _("malformed answer"), err);
	}
	res->output = rt_value_ref(out);
	res->error = error ? peer_text(error) : NULL;
	rt_value_unref(r);
	return 0;
}


enum wait_status { WAIT_READY, WAIT_TIMEOUT, WAIT_INTERRUPTED };

/*
 * Waits until the answer of s starts to arrive, in slices so that
 * Ctrl-C (rt_interrupt_pending) is seen at once when interruptible.
 */
static enum wait_status
wait_answer(const struct rt_session *s, long long deadline, bool interruptible)
{
	for (;;) {
		struct pollfd pfd = { s->fd, POLLIN, 0 };
		long long left = deadline - clock_now_ms();
		int rc;

		if (interruptible && rt_interrupt_pending())
			return WAIT_INTERRUPTED;
		if (left <= 0)
			left = 0;
		rc = poll(&pfd, 1, left > WAIT_SLICE_MS ? WAIT_SLICE_MS
							: (int)left);
		if (rc > 0)
			return WAIT_READY; /* data, or EOF: wire_recv tells */
		if (rc == 0 && left == 0)
			return WAIT_TIMEOUT;
		if (rc < 0 && errno != EINTR)
			return WAIT_READY; /* let wire_recv report it */
	}
}

/*
 * CANCEL has no answer of its own, but an endpoint of before CANCEL
 * answers it with ERROR once its script is done: that ERROR, if it
 * comes at once, is not the answer to the next request.
 */
#define STRAY_ERROR_MS 100

/* A short wait, never longer than the manager's waits (tests make those
   short). */
static int
capped(int ms, const struct session_manager *m)
{
	return ms < m->timeout_ms ? ms : m->timeout_ms;
}

static void
drop_cancel_error(struct rt_session *s)
{
	struct pollfd pfd = { s->fd, POLLIN, 0 };
	struct wire_frame f;

	s->cancel_sent = false;
	if (poll(&pfd, 1, capped(STRAY_ERROR_MS, s->m)) <= 0 ||
	    (pfd.revents & POLLHUP))
		return;
	if (wire_recv(s->fd, &f, s->m->timeout_ms) == WIRE_S_OK &&
	    f.type != WIRE_T_ERROR) {
		/* not what we looked for: the stream is out of step */
		wire_frame_release(&f);
		broken_quiet(s);
		return;
	}
	wire_frame_release(&f);
}

/*
 * Reads the answer of the pending INVOKE (it has begun to arrive).
 * Returns 0 (res filled unless buffered), or -1 with *err.
 */
static int
read_answer(struct rt_session *s, struct session_result *res, char **err)
{
	bool buffered = s->pending_buffered;
	struct wire_frame f;
	enum wire_status st = wire_recv(s->fd, &f, s->m->timeout_ms);
	int saved = errno, rc = 0;

	s->answer_pending = false;
	s->job_owned = false;
	if (st != WIRE_S_OK)
		return broken(s, wire_status_text(st, saved), err);
	if (s->cancel_sent)
		drop_cancel_error(s);
	if (s->avail == SESSION_AVAIL_BUSY)
		s->avail = SESSION_AVAIL_AVAILABLE;
	if (f.type != (buffered ? WIRE_T_OK : WIRE_T_RESULT)) {
		*err = answer_error(&f);
		rc = -1;
	} else if (!buffered) {
		rc = take_result(s, &f, res, err);
	}
	wire_frame_release(&f); /* also after a malformed answer */
	return rc;
}

int
session_cancel(struct rt_session *s)
{
	if (!s->answer_pending || s->fd < 0)
		return 0;
	s->cancel_sent = true;
	return wire_send(s->fd, WIRE_T_CANCEL, NULL, s->m->timeout_ms) ==
			       WIRE_S_OK
		       ? 0
		       : -1;
}

bool
session_is_running(const struct rt_session *s)
{
	return s->answer_pending;
}

int
session_fd(const struct rt_session *s)
{
	return s->fd;
}

int
session_invoke_finish(struct rt_session *s, int wait_ms, bool interruptible,
		      struct session_result *res, char **err)
{
	struct session_result ignored = { 0 };

	if (res)
		memset(res, 0, sizeof(*res));
	if (!s->answer_pending || s->fd < 0)
		return not_opened(s, err);
	switch (wait_answer(s, clock_now_ms() + wait_ms, interruptible)) {
	case WAIT_READY:
		break;
	case WAIT_TIMEOUT:
	case WAIT_INTERRUPTED:
		return 0;
	}
	if (read_answer(s, res ? res : &ignored, err) != 0)
		return -1;
	session_result_release(&ignored);
	return 1;
}

/*
 * Before a request: an answer that Ctrl-C left behind is read and
 * dropped (the endpoint may not have honoured CANCEL at once); one that
 * a job waits for makes the session busy.
 */
static int
settle(struct rt_session *s, char **err)
{
	int rc;

	if (!s->answer_pending)
		return 0;
	if (s->job_owned)
		return busy(s, err);
	rc = session_invoke_finish(s, s->m->invoke_timeout_ms, true, NULL,
				   err);
	if (rc < 0)
		return -1;
	if (rc == 0 && rt_interrupt_raised())
		return stopped(err);
	if (rc == 0)
		return broken(s, wire_status_text(WIRE_S_TIMEOUT, 0), err);
	return 0;
}

/* Sends the INVOKE of inv; the session is Busy until its answer. */
static int
send_invoke(struct rt_session *s, const struct session_invocation *inv,
	    bool with_values, bool buffer, char **err)
{
	struct rt_value *req;
	enum wire_status st;
	int saved;

	if (settle(s, err) != 0)
		return -1;
	if (s->state != SESSION_OPENED || s->fd < 0)
		return not_opened(s, err);
	req = wire_invoke_request(&(struct wire_invoke){
		.script = inv->script,
		.buffer = buffer,
		.with_values = with_values,
		.args = inv->arguments,
		.input = inv->input,
	});
	st = wire_send(s->fd, WIRE_T_INVOKE, req, s->m->timeout_ms);
	saved = errno;
	rt_value_unref(req);
	if (st == WIRE_S_TOO_BIG)
		return too_large(err); /* nothing went out: still Opened */
	if (st != WIRE_S_OK)
		return broken(s, wire_status_text(st, saved), err);
	s->answer_pending = true;
	s->pending_buffered = buffer;
	s->avail = SESSION_AVAIL_BUSY;
	return 0;
}

int
session_invoke_start(struct rt_session *s, const struct session_invocation *inv,
		     char **err)
{
	if (send_invoke(s, inv, true, false, err) != 0)
		return -1;
	s->job_owned = true;
	return 0;
}

/*
 * Waits for the answer of the INVOKE just sent.  Ctrl-C sends CANCEL
 * and waits a moment for the stopped command's answer; without one the
 * answer is drained before the next request.  Either way the call
 * returns 0 (with what output came), and the evaluator stops.
 */
static int
await_answer(struct rt_session *s, struct session_result *res, char **err)
{
	int rc = session_invoke_finish(s, s->m->invoke_timeout_ms, true, res,
				       err);

	if (rc < 0)
		return -1;
	if (rc == 1)
		return 0;
	if (!rt_interrupt_raised())
		return broken(s, wire_status_text(WIRE_S_TIMEOUT, 0), err);
	if (session_cancel(s) != 0)
		return broken(s, wire_status_text(WIRE_S_IO, errno), err);
	rc = session_invoke_finish(s, capped(CANCEL_GRACE_MS, s->m), false,
				   res, err);
	if (rc < 0)
		return -1;
	if (rc == 0 && res)
		res->output = rt_array_new(); /* the answer is drained later */
	return 0;
}

static int
invoke(struct rt_session *s, const struct session_invocation *inv,
       bool with_values, bool buffer, struct session_result *res, char **err)
{
	if (send_invoke(s, inv, with_values, buffer, err) != 0)
		return -1;
	return await_answer(s, buffer ? NULL : res, err);
}

int
session_invoke(struct rt_session *s, const char *script,
	       struct session_result *res, char **err)
{
	struct session_invocation inv = { script, NULL, NULL };

	memset(res, 0, sizeof(*res));
	return invoke(s, &inv, false, false, res, err);
}

int
session_invoke_values(struct rt_session *s,
		      const struct session_invocation *inv,
		      struct session_result *res, char **err)
{
	memset(res, 0, sizeof(*res));
	return invoke(s, inv, true, false, res, err);
}

int
session_disconnect(struct rt_session *s, int idle_timeout_sec, char **err)
{
	struct rt_value *req;
	struct wire_frame f;
	int rc;

	if (settle(s, err) != 0)
		return -1;
	if (s->state != SESSION_OPENED || s->fd < 0)
		return not_opened(s, err);
	req = rt_record_new(NULL);
	rt_record_set(req, "IdleTimeoutSec",
		      rt_int(idle_timeout_sec > 0 ? idle_timeout_sec : 0));
	s->state = SESSION_DISCONNECTING;
	rc = request(s, WIRE_T_DISCONNECT, req, WIRE_T_OK, s->m->timeout_ms, &f,
		     err);
	rt_value_unref(req);
	if (rc != 0) {
		if (s->state == SESSION_DISCONNECTING)
			s->state = SESSION_OPENED;
		return -1;
	}
	wire_frame_release(&f);
	drop_connection(s);
	session_set_state(s, SESSION_DISCONNECTED, SESSION_AVAIL_NONE);
	return 0;
}

int
session_invoke_disconnected(struct rt_session *s, const char *script,
			    int idle_timeout_sec, char **err)
{
	struct session_invocation inv = { script, NULL, NULL };

	if (invoke(s, &inv, false, true, NULL, err) != 0)
		return -1;
	return session_disconnect(s, idle_timeout_sec, err);
}

int
session_invoke_values_disconnected(struct rt_session *s,
				   const struct session_invocation *inv,
				   int idle_timeout_sec, char **err)
{
	if (invoke(s, inv, true, true, NULL, err) != 0)
		return -1;
	return session_disconnect(s, idle_timeout_sec, err);
}

int
session_connect(struct rt_session *s, char **err)
{
	if (s->state == SESSION_OPENED && s->fd >= 0)
		return 0;
	if (s->state != SESSION_DISCONNECTED) {
		*err = xasprintf(_("Cannot connect session %s (computer %s): "
				   "its state is %s, not Disconnected."),
				 s->name, s->computer,
				 session_state_name(s->state));
		return -1;
	}
	s->state = SESSION_CONNECTING;
	if (attach(s, err) != 0) {
		if (s->state == SESSION_CONNECTING)
			s->state = SESSION_DISCONNECTED;
		return -1;
	}
	return 0;
}

int
session_receive(struct rt_session *s, struct session_result *res, char **err)
{
	struct wire_frame f;
	int rc;

	memset(res, 0, sizeof(*res));
	if (s->state == SESSION_DISCONNECTED && session_connect(s, err) != 0)
		return -1;
	if (settle(s, err) != 0)
		return -1;
	if (s->state != SESSION_OPENED || s->fd < 0)
		return not_opened(s, err);
	if (request(s, WIRE_T_RECEIVE, NULL, WIRE_T_RESULT, s->m->timeout_ms,
		    &f, err) != 0)
		return -1;
	rc = take_result(s, &f, res, err);
	wire_frame_release(&f); /* also after a malformed answer */
	return rc;
}

static void
closed(struct rt_session *s)
{
	drop_connection(s);
	session_set_state(s, SESSION_CLOSED, SESSION_AVAIL_NONE);
}

int
session_remove(struct rt_session *s, char **err)
{
	struct wire_frame f;
	char *ignored = NULL;

	if (s->state == SESSION_CLOSED)
		return 0;
	if (s->state == SESSION_DISCONNECTED && attach(s, &ignored) != 0 &&
	    s->state != SESSION_BROKEN) {
		*err = ignored; /* busy: another client holds it */
		return -1;
	}
	/* A running command is asked to stop; if it does not answer at
	   once, dropping the connection ends the endpoint. */
	if (s->answer_pending &&
	    (session_cancel(s) != 0 ||
	     session_invoke_finish(s, capped(CANCEL_GRACE_MS, s->m), false,
				   NULL, &ignored) != 1))
		drop_connection(s);
	free(ignored);
	ignored = NULL;
	s->answer_pending = false;
	s->job_owned = false;
	/* Whatever the endpoint answers, the session is over for us. */
	if (s->fd >= 0 && request(s, WIRE_T_CLOSE, NULL, WIRE_T_OK,
				  s->m->timeout_ms, &f, &ignored) == 0)
		wire_frame_release(&f);
	free(ignored);
	unlink(s->socket_path);
	closed(s);
	return 0;
}
