/* SPDX-License-Identifier: MIT */
/*
 * PSSessions, client side (session.h): the session manager, computer
 * names, spawning endpoints, the request/answer exchange, and the
 * PSSession properties and table.
 */
#define _GNU_SOURCE /* close_range via syscall, SOCK_CLOEXEC */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "rt_runtime_dir.h"
#include "rt_value.h"
#include "session.h"
#include "session_props.h"
#include "strbuf.h"
#include "utf8.h"
#include "wire.h"
#include "xalloc.h"

#define GUID_LEN 36
#define SOCKET_SUFFIX ".sock"
#define DEFAULT_TIMEOUT_MS 5000
#define DEFAULT_INVOKE_TIMEOUT_MS 60000
#define DEFAULT_CONFIGURATION "Microsoft.PowerShell"
#define MAX_COMPUTER_NAME 255
#define MAX_COMPUTERS_FILE (1u << 20)
#define MAX_SCAN_ENTRIES 4096
#define ENDPOINT_FD 3 /* where the endpoint finds its listening socket */

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
};

struct session_manager {
	char *program;
	char **program_args; /* NULL-terminated copy */
	char *runtime_dir;
	char *computers_file; /* NULL: none */
	bool computers_loaded;
	char **computers;
	size_t ncomputers, computers_cap;
	struct rt_session **sessions;
	size_t nsessions, sessions_cap;
	int next_id;
	int timeout_ms;
	int invoke_timeout_ms;
};

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
	m->runtime_dir = c->runtime_dir ? xstrdup(c->runtime_dir) :
		rt_runtime_dir_default();
	if (!c->computers_file)
		m->computers_file = default_computers_file();
	else if (c->computers_file[0])
		m->computers_file = xstrdup(c->computers_file);
	m->timeout_ms = c->timeout_ms > 0 ? c->timeout_ms : DEFAULT_TIMEOUT_MS;
	m->invoke_timeout_ms = c->invoke_timeout_ms > 0 ?
		c->invoke_timeout_ms : DEFAULT_INVOKE_TIMEOUT_MS;
	m->next_id = 1;
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

static struct rt_session *
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

/* ---------- computer names ---------- */

static bool
valid_computer_name(const char *s, size_t n)
{
	if (n == 0 || n > MAX_COMPUTER_NAME || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) && c != '-' && c != '.' && c != '_')
			return false;
	}
	return true;
}

static bool
is_local_alias(const char *name)
{
	char host[256];

	if (strcasecmp(name, "localhost") == 0 || strcmp(name, ".") == 0)
		return true;
	if (gethostname(host, sizeof(host)) != 0)
		return false;
	host[sizeof(host) - 1] = '\0';
	return strcasecmp(name, host) == 0;
}

/* Two names of the same computer (this machine has three). */
static bool
same_computer(const char *a, const char *b)
{
	if (is_local_alias(a) && is_local_alias(b))
		return true;
	return strcasecmp(a, b) == 0;
}

static void
add_computer(struct session_manager *m, const char *s, size_t n)
{
	for (size_t i = 0; i < m->ncomputers; i++)
		if (strlen(m->computers[i]) == n &&
		    strncasecmp(m->computers[i], s, n) == 0)
			return;
	m->computers = xgrow(m->computers, &m->computers_cap,
			     m->ncomputers + 1, sizeof(*m->computers));
	m->computers[m->ncomputers++] = xstrndup(s, n);
}

/* One line of the computers file: a name, blanks, an optional comment. */
static void
computers_line(struct session_manager *m, char *line)
{
	char *hash = strchr(line, '#');
	size_t start = 0, end;

	if (hash)
		*hash = '\0';
	end = strlen(line);
	while (start < end && isspace((unsigned char)line[start]))
		start++;
	while (end > start && isspace((unsigned char)line[end - 1]))
		end--;
	/* Lines that are not one valid name are skipped (see the doc). */
	if (valid_computer_name(line + start, end - start))
		add_computer(m, line + start, end - start);
}

static void
load_computers(struct session_manager *m)
{
	char line[512];
	size_t total = 0;
	bool partial = false;
	FILE *f;

	m->computers_loaded = true;
	if (!m->computers_file || !(f = fopen(m->computers_file, "re")))
		return;
	while (total < MAX_COMPUTERS_FILE && fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);
		bool whole = n > 0 && line[n - 1] == '\n';
		total += n;
		/* The tail of an overlong line is not a name either. */
		if (!partial && whole)
			computers_line(m, line);
		else if (!partial && feof(f))
			computers_line(m, line);
		partial = !whole;
	}
	fclose(f);
}

int
session_register_computer(struct session_manager *m, const char *name,
			  char **err)
{
	if (!name || !valid_computer_name(name, strlen(name))) {
		*err = xasprintf(_("'%s' is not a valid computer name"),
				 name ? name : "");
		return -1;
	}
	add_computer(m, name, strlen(name));
	return 0;
}

bool
session_computer_known(struct session_manager *m, const char *name,
		       char **err)
{
	if (!m->computers_loaded)
		load_computers(m);
	if (name && is_local_alias(name))
		return true;
	for (size_t i = 0; name && i < m->ncomputers; i++)
		if (strcasecmp(m->computers[i], name) == 0)
			return true;
	*err = xasprintf(_("Connecting to remote server %s failed with the "
			   "following error message : The WinRM client "
			   "cannot process the request because the server "
			   "name cannot be resolved. For more information, "
			   "see the about_Remote_Troubleshooting Help topic."),
			 name ? name : "");
	return false;
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
		 "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4],
		 b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
		 b[14], b[15]);
	return 0;
}

/* True for "<guid>.sock", the only names the runtime directory holds. */
static bool
is_socket_name(const char *name)
{
	if (strlen(name) != GUID_LEN + strlen(SOCKET_SUFFIX) ||
	    strcmp(name + GUID_LEN, SOCKET_SUFFIX) != 0)
		return false;
	for (int i = 0; i < GUID_LEN; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? name[i] != '-' : !isxdigit((unsigned char)name[i]))
			return false;
	}
	return true;
}

static const char *
str_prop(const struct rt_value *rec, const char *name)
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
				   "%s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (wire_peer_uid(fd, &uid) != 0) {
		*err = xasprintf(_("cannot check the owner of endpoint socket "
				   "'%s': %s"), path, strerror(errno));
		close(fd);
		return -1;
	}
	if (uid != (unsigned long)geteuid()) {
		*err = xasprintf(_("refusing endpoint socket '%s': its process "
				   "belongs to uid %u, not to you"), path,
				 (unsigned)uid);
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
	id = str_prop(hello, "InstanceId");
	version = rt_record_get(hello, "Version");
	if (!id || (instance_id && strcmp(id, instance_id) != 0) ||
	    !version || version->kind != RT_VAL_INT)
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

struct rt_value *
session_probe(const char *socket_path, int timeout_ms, bool *gone,
	      char **err)
{
	bool dummy;
	int fd = connect_path(socket_path, gone ? gone : &dummy, err);
	struct wire_frame f;
	enum wire_status st;
	struct rt_value *info = NULL;

	if (fd < 0)
		return NULL;
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

/* ---------- state changes ---------- */

static void
set_state(struct rt_session *s, enum session_state st,
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
	set_state(s, SESSION_BROKEN, SESSION_AVAIL_NONE);
	unlink(s->socket_path);
	*err = xasprintf(_("The session %s to computer %s is broken: its "
			   "endpoint process ended or stopped answering "
			   "(%s)."), s->name, s->computer, reason);
	return -1;
}

static int
not_opened(const struct rt_session *s, char **err)
{
	*err = xasprintf(_("Cannot use session %s (computer %s): its state "
			   "is %s, not Opened."), s->name, s->computer,
			 session_state_name(s->state));
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
	enum wire_status st = exchange(s->fd, type, payload, timeout_ms, reply);
	int saved = errno;

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
 * Connects to the endpoint of s and attaches.  On failure *err says why
 * and *dead whether the endpoint is gone (rather than busy).
 */
static int
try_attach(struct rt_session *s, bool *dead, char **err)
{
	struct wire_frame f;
	enum wire_status st;
	int fd = connect_path(s->socket_path, dead, err), saved;

	if (fd < 0)
		return -1;
	*dead = true;
	if (handshake(fd, s->instance_id, s->m->timeout_ms, err) != 0) {
		close(fd);
		return -1;
	}
	st = exchange(fd, WIRE_T_ATTACH, NULL, s->m->timeout_ms, &f);
	saved = errno;
	if (st != WIRE_S_OK || f.type != WIRE_T_OK) {
		*dead = st != WIRE_S_OK;
		*err = st != WIRE_S_OK ? xstrdup(wire_status_text(st, saved)) :
			answer_error(&f);
		wire_frame_release(&f);
		close(fd);
		return -1;
	}
	wire_frame_release(&f);
	s->fd = fd;
	set_state(s, SESSION_OPENED, SESSION_AVAIL_AVAILABLE);
	return 0;
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

static int
listen_socket(const char *path, char **err)
{
	struct sockaddr_un sa;
	int fd;

	if (!fill_sockaddr(&sa, path, err))
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(fd, 16) != 0) {
		*err = xasprintf(_("cannot create endpoint socket '%s': %s"),
				 path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return -1;
	}
	return fd;
}

static char **
endpoint_argv(const struct session_manager *m, const struct rt_session *s)
{
	const char *tail[] = {
		"--fd", "3", "--socket", s->socket_path,
		"--instance-id", s->instance_id, "--name", s->name,
		"--computer", s->computer,
		"--configuration", s->configuration
	};
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
	static const int sigs[] = {SIGPIPE, SIGINT, SIGQUIT, SIGTERM,
				   SIGHUP, SIGCHLD};
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
			   "not answer (%s)"), m->program, why);
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
	set_state(s, SESSION_CLOSED, SESSION_AVAIL_NONE);
	s->temporary = true; /* never listed */
	return NULL;
}

struct rt_session *
session_open(struct session_manager *m, const char *computer,
	     const char *name, unsigned flags, char **err)
{
	struct rt_session *s;

	if (!session_computer_known(m, computer, err) ||
	    rt_runtime_dir_prepare(m->runtime_dir, err) != 0)
		return NULL;
	s = session_new(m, flags & SESSION_TEMPORARY);
	s->name = name ? xstrdup(name) : xasprintf("Runspace%d", s->id);
	s->computer = xstrdup(strcmp(computer, ".") == 0 ? "localhost" :
			      computer);
	s->configuration = xstrdup(DEFAULT_CONFIGURATION);
	if (new_guid(s->instance_id, err) != 0)
		return fail_open(s, computer, err);
	s->socket_path = xasprintf("%s/%s%s", m->runtime_dir, s->instance_id,
				   SOCKET_SUFFIX);
	if (spawn(m, s, err) != 0)
		return fail_open(s, computer, err);
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
	const char *error = str_prop(r, "Error");

	if (!out || out->kind != RT_VAL_ARRAY) {
		rt_value_unref(r);
		return broken(s, _("malformed answer"), err);
	}
	res->output = rt_value_ref(out);
	res->error = error ? peer_text(error) : NULL;
	rt_value_unref(r);
	return 0;
}

static int
invoke(struct rt_session *s, const char *script, bool buffer,
       struct session_result *res, char **err)
{
	struct rt_value *req = rt_record_new(NULL);
	struct wire_frame f;
	int rc;

	if (s->state != SESSION_OPENED || s->fd < 0) {
		rt_value_unref(req);
		return not_opened(s, err);
	}
	rt_record_set(req, "Script", rt_string(script));
	rt_record_set(req, "Buffer", rt_bool(buffer));
	rc = request(s, WIRE_T_INVOKE, req, buffer ? WIRE_T_OK : WIRE_T_RESULT,
		     s->m->invoke_timeout_ms, &f, err);
	rt_value_unref(req);
	if (rc == 0 && !buffer)
		rc = take_result(s, &f, res, err);
	if (rc == 0)
		wire_frame_release(&f);
	return rc;
}

int
session_invoke(struct rt_session *s, const char *script,
	       struct session_result *res, char **err)
{
	memset(res, 0, sizeof(*res));
	return invoke(s, script, false, res, err);
}

int
session_disconnect(struct rt_session *s, int idle_timeout_sec, char **err)
{
	struct rt_value *req;
	struct wire_frame f;
	int rc;

	if (s->state != SESSION_OPENED || s->fd < 0)
		return not_opened(s, err);
	req = rt_record_new(NULL);
	rt_record_set(req, "IdleTimeoutSec",
		      rt_int(idle_timeout_sec > 0 ? idle_timeout_sec : 0));
	s->state = SESSION_DISCONNECTING;
	rc = request(s, WIRE_T_DISCONNECT, req, WIRE_T_OK, s->m->timeout_ms,
		     &f, err);
	rt_value_unref(req);
	if (rc != 0) {
		if (s->state == SESSION_DISCONNECTING)
			s->state = SESSION_OPENED;
		return -1;
	}
	wire_frame_release(&f);
	drop_connection(s);
	set_state(s, SESSION_DISCONNECTED, SESSION_AVAIL_NONE);
	return 0;
}

int
session_invoke_disconnected(struct rt_session *s, const char *script,
			    int idle_timeout_sec, char **err)
{
	if (invoke(s, script, true, NULL, err) != 0)
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
session_receive(struct rt_session *s, struct session_result *res,
		char **err)
{
	struct wire_frame f;

	memset(res, 0, sizeof(*res));
	if (s->state == SESSION_DISCONNECTED && session_connect(s, err) != 0)
		return -1;
	if (s->state != SESSION_OPENED || s->fd < 0)
		return not_opened(s, err);
	if (request(s, WIRE_T_RECEIVE, NULL, WIRE_T_RESULT, s->m->timeout_ms,
		    &f, err) != 0)
		return -1;
	if (take_result(s, &f, res, err) != 0)
		return -1;
	wire_frame_release(&f);
	return 0;
}

static void
closed(struct rt_session *s)
{
	drop_connection(s);
	set_state(s, SESSION_CLOSED, SESSION_AVAIL_NONE);
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
	/* Whatever the endpoint answers, the session is over for us. */
	if (s->fd >= 0 && request(s, WIRE_T_CLOSE, NULL, WIRE_T_OK,
				  s->m->timeout_ms, &f, &ignored) == 0)
		wire_frame_release(&f);
	free(ignored);
	unlink(s->socket_path);
	closed(s);
	return 0;
}

/* ---------- listing ---------- */

static int
by_id(const void *a, const void *b)
{
	const struct rt_session *x = *(struct rt_session *const *)a;
	const struct rt_session *y = *(struct rt_session *const *)b;
	return (x->id > y->id) - (x->id < y->id);
}

size_t
session_list(struct session_manager *m, struct rt_session ***out)
{
	size_t n = 0;

	*out = xcalloc(m->nsessions + 1, sizeof(**out));
	for (size_t i = 0; i < m->nsessions; i++) {
		struct rt_session *s = m->sessions[i];
		if (!s->temporary && s->state != SESSION_CLOSED)
			(*out)[n++] = s;
	}
	qsort(*out, n, sizeof(**out), by_id);
	return n;
}

static struct rt_session *
find_instance(struct session_manager *m, const char *instance_id)
{
	for (size_t i = 0; i < m->nsessions; i++)
		if (strcmp(m->sessions[i]->instance_id, instance_id) == 0)
			return m->sessions[i];
	return NULL;
}

/* A session of another process becomes a local, Disconnected object. */
static struct rt_session *
adopt(struct session_manager *m, const struct rt_value *info,
      const char *path)
{
	struct rt_session *s = session_new(m, false);
	const char *cfg = str_prop(info, "ConfigurationName");

	s->name = xstrdup(str_prop(info, "Name"));
	s->computer = xstrdup(str_prop(info, "ComputerName"));
	s->configuration = xstrdup(cfg ? cfg : DEFAULT_CONFIGURATION);
	memcpy(s->instance_id, str_prop(info, "InstanceId"), GUID_LEN + 1);
	s->socket_path = xstrdup(path);
	return s;
}

/*
 * The session behind one socket of the runtime directory, or NULL when
 * it is not a usable endpoint of computer.  Stale sockets are removed.
 */
static struct rt_session *
scan_one(struct session_manager *m, const char *computer, const char *file)
{
	char *path = xasprintf("%s/%s", m->runtime_dir, file), *err = NULL;
	bool gone;
	struct rt_value *info = session_probe(path, m->timeout_ms, &gone,
					      &err);
	const char *id = str_prop(info, "InstanceId");
	const char *cn = str_prop(info, "ComputerName");
	const struct rt_value *att = rt_record_get(info, "ClientAttached");
	struct rt_session *s = NULL;

	if (gone)
		unlink(path); /* stale: its endpoint died */
	/* The socket's name must be the instance it claims to be. */
	if (info && id && cn && str_prop(info, "Name") &&
	    strncmp(id, file, GUID_LEN) == 0 && strlen(id) == GUID_LEN &&
	    (!computer || same_computer(computer, cn))) {
		s = find_instance(m, id);
		if (!s)
			s = adopt(m, info, path);
		if (s->fd < 0 && !s->temporary) {
			bool busy = att && att->kind == RT_VAL_BOOL && att->u.b;
			set_state(s, SESSION_DISCONNECTED, busy ?
				  SESSION_AVAIL_BUSY : SESSION_AVAIL_NONE);
		}
		if (s->temporary)
			s = NULL;
	}
	rt_value_unref(info);
	free(err);
	free(path);
	return s;
}

int
session_query(struct session_manager *m, const char *computer,
	      struct rt_session ***out, size_t *n, char **err)
{
	DIR *d;
	struct dirent *e;
	size_t cap = 0, seen = 0;

	*out = NULL;
	*n = 0;
	if ((computer && !session_computer_known(m, computer, err)) ||
	    rt_runtime_dir_prepare(m->runtime_dir, err) != 0)
		return -1;
	if (!(d = opendir(m->runtime_dir))) {
		*err = xasprintf(_("cannot read runtime directory '%s': %s"),
				 m->runtime_dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) && seen < MAX_SCAN_ENTRIES) {
		struct rt_session *s;
		if (!is_socket_name(e->d_name))
			continue;
		seen++;
		if (!(s = scan_one(m, computer, e->d_name)))
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = s;
	}
	closedir(d);
	if (*n)
		qsort(*out, *n, sizeof(**out), by_id);
	return 0;
}

/* ---------- properties ---------- */

int
session_id(const struct rt_session *s)
{
	return s->id;
}

const char *
session_name(const struct rt_session *s)
{
	return s->name;
}

const char *
session_computer(const struct rt_session *s)
{
	return s->computer;
}

const char *
session_configuration(const struct rt_session *s)
{
	return s->configuration;
}

const char *
session_instance_id(const struct rt_session *s)
{
	return s->instance_id;
}

const char *
session_socket_path(const struct rt_session *s)
{
	return s->socket_path;
}

enum session_state
session_state(const struct rt_session *s)
{
	return s->state;
}

enum session_availability
session_availability(const struct rt_session *s)
{
	return s->avail;
}

bool
session_is_temporary(const struct rt_session *s)
{
	return s->temporary;
}

const char *
session_state_name(enum session_state st)
{
	static const char *const names[] = {
		"BeforeOpen", "Opening", "Opened", "Closed", "Closing",
		"Broken", "Disconnecting", "Disconnected", "Connecting"
	};
	return (unsigned)st < sizeof(names) / sizeof(names[0]) ?
		names[st] : "Broken";
}

const char *
session_availability_name(enum session_availability a)
{
	static const char *const names[] = {
		"None", "Available", "AvailableForNestedCommand", "Busy",
		"RemoteDebug"
	};
	return (unsigned)a < sizeof(names) / sizeof(names[0]) ?
		names[a] : "None";
}

static const char *
string_prop(const struct rt_session *s, const char *name)
{
	if (strcasecmp(name, "Name") == 0)
		return s->name;
	if (strcasecmp(name, "ComputerName") == 0)
		return s->computer;
	if (strcasecmp(name, "ConfigurationName") == 0)
		return s->configuration;
	if (strcasecmp(name, "InstanceId") == 0)
		return s->instance_id;
	if (strcasecmp(name, "State") == 0)
		return session_state_name(s->state);
	if (strcasecmp(name, "Availability") == 0)
		return session_availability_name(s->avail);
	if (strcasecmp(name, "Transport") == 0)
		return "Process";
	if (strcasecmp(name, "ComputerType") == 0)
		return "RemoteMachine";
	return NULL;
}

static struct rt_value *
session_prop_get(const struct rt_session *s, const char *name)
{
	const char *v;

	if (!s || !name)
		return NULL;
	if (strcasecmp(name, "Id") == 0)
		return rt_int(s->id);
	v = string_prop(s, name);
	return v ? rt_string(v) : NULL;
}

void
session_props_install(void)
{
	rt_session_props_register(session_prop_get);
}

/* ---------- the table ---------- */

struct column {
	const char *label; /* also the property name */
	int width;
	bool right;
};

static const struct column default_columns[] = {
	{"Id", 3, true}, {"Name", 15, false}, {"Transport", 9, false},
	{"ComputerName", 15, false}, {"State", 13, false},
	{"ConfigurationName", 20, false}, {"Availability", 13, true}
};

static const struct column page_columns[] = {
	{"Id", 3, true}, {"Name", 15, false}, {"ComputerName", 15, false},
	{"State", 13, false}, {"ConfigurationName", 20, false}
};

/* Appends text cut or padded to width code points. */
static void
add_cell(struct strbuf *sb, const char *text, int width, bool right)
{
	struct strbuf clean = STRBUF_INIT;
	size_t cut = 0, count = 0;
	int pad;

	strbuf_init(&clean);
	utf8_neutralize(&clean, text, strlen(text), false);
	for (size_t i = 0; i < clean.len; i++) {
		if (clean.buf[i] == '\t')
			clean.buf[i] = ' '; /* a tab would break the columns */
		if (((unsigned char)clean.buf[i] & 0xC0) == 0x80)
			continue;
		if (count == (size_t)width - 1)
			cut = i; /* where "…" goes if the text is too long */
		count++;
	}
	if (count > (size_t)width) {
		clean.len = cut;
		strbuf_addstr(&clean, "\xe2\x80\xa6");
		count = (size_t)width;
	}
	pad = width - (int)count;
	if (right)
		strbuf_addchars(sb, ' ', (size_t)pad);
	strbuf_add(sb, clean.buf, clean.len);
	if (!right)
		strbuf_addchars(sb, ' ', (size_t)pad);
	strbuf_release(&clean);
}

static void
end_line(struct strbuf *sb)
{
	strbuf_rtrim(sb);
	strbuf_addch(sb, '\n');
}

static void
add_headers(struct strbuf *sb, const struct column *cols, size_t ncols)
{
	for (size_t i = 0; i < ncols; i++) {
		if (i)
			strbuf_addch(sb, ' ');
		add_cell(sb, cols[i].label, cols[i].width, cols[i].right);
	}
	end_line(sb);
	for (size_t i = 0; i < ncols; i++) {
		size_t n = strlen(cols[i].label);
		char dashes[64];
		if (n > (size_t)cols[i].width)
			n = (size_t)cols[i].width;
		memset(dashes, '-', n);
		dashes[n] = '\0';
		if (i)
			strbuf_addch(sb, ' ');
		add_cell(sb, dashes, cols[i].width, cols[i].right);
	}
	end_line(sb);
}

void
session_format_table(struct strbuf *sb, struct rt_session *const *list,
		     size_t n, enum session_table_view view)
{
	const struct column *cols = view == SESSION_TABLE_PAGE ? page_columns :
		default_columns;
	size_t ncols = view == SESSION_TABLE_PAGE ?
		sizeof(page_columns) / sizeof(page_columns[0]) :
		sizeof(default_columns) / sizeof(default_columns[0]);

	add_headers(sb, cols, ncols);
	for (size_t r = 0; r < n; r++) {
		for (size_t i = 0; i < ncols; i++) {
			char id[16];
			const char *v = id;
			if (strcmp(cols[i].label, "Id") == 0)
				snprintf(id, sizeof(id), "%d", list[r]->id);
			else
				v = string_prop(list[r], cols[i].label);
			if (i)
				strbuf_addch(sb, ' ');
			add_cell(sb, v ? v : "", cols[i].width, cols[i].right);
		}
		end_line(sb);
	}
}
