/* SPDX-License-Identifier: MIT */
/*
 * The endpoint process's loop (endpoint.h).  One poll() over the
 * listening socket and the attached client; every other connection is
 * served one request at a time with a short deadline, so a silent or
 * hostile peer can stall the endpoint for at most a few seconds.
 */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "endpoint.h"
#include "i18n.h"
#include "rt_value.h"
#include "strbuf.h"
#include "wire.h"
#include "xalloc.h"

/* A peer that is not the attached client gets this long per frame. */
#define SHORT_TIMEOUT_MS 2000
/* The attached client must send a whole frame within this. */
#define REQUEST_TIMEOUT_MS 10000
/* Answers can be large; the client reads as fast as it can. */
#define ANSWER_TIMEOUT_MS 10000
/* Output values kept for Receive-PSSession. */
#define MAX_BUFFERED (WIRE_MAX_NODES / 4)

struct endpoint {
	const struct endpoint_options *o;
	int client;	   /* the attached client, or -1 */
	bool disconnected; /* DISCONNECT seen: the idle timer runs */
	bool done;
	long long deadline; /* with no client: end at this time (ms) */
	int idle_sec;
	struct rt_value *buffer; /* output of disconnected-mode commands */
	struct strbuf buffer_errors;
	bool errors_truncated; /* buffer_errors ends in the notice */
	time_t created;
};

static volatile sig_atomic_t stop_signal;

static void
on_stop_signal(int sig)
{
	stop_signal = sig;
}

static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---------- arguments ---------- */

static int
parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

/* Stores one option's value; -1 for an unknown option or bad number. */
static int
set_option(struct endpoint_options *o, const char *opt, const char *val)
{
	if (strcmp(opt, "--fd") == 0)
		return parse_int(val, &o->listen_fd);
	if (strcmp(opt, "--idle-timeout") == 0)
		return parse_int(val, &o->idle_timeout_sec);
	if (strcmp(opt, "--socket") == 0)
		o->socket_path = val;
	else if (strcmp(opt, "--instance-id") == 0)
		o->instance_id = val;
	else if (strcmp(opt, "--name") == 0)
		o->name = val;
	else if (strcmp(opt, "--computer") == 0)
		o->computer_name = val;
	else if (strcmp(opt, "--configuration") == 0)
		o->configuration_name = val;
	else
		return -1;
	return 0;
}

int
endpoint_parse_args(int argc, char *const argv[], struct endpoint_options *o,
		    char **err)
{
	o->listen_fd = -1;
	o->socket_path = o->instance_id = o->name = o->computer_name = NULL;
	o->configuration_name = "Microsoft.PowerShell";
	o->idle_timeout_sec = 0;
	o->startup_timeout_ms = 0;
	o->set_variable = NULL;
	for (int i = 0; i < argc; i += 2) {
		if (i + 1 >= argc || set_option(o, argv[i], argv[i + 1]) != 0) {
			*err = xasprintf(_("bad endpoint argument '%s'"),
					 argv[i]);
			return -1;
		}
	}
	if (o->listen_fd < 0 || !o->socket_path || !o->instance_id ||
	    !o->name || !o->computer_name) {
		*err = xstrdup(_("endpoint arguments --fd, --socket, "
				 "--instance-id, --name and --computer are "
				 "required"));
		return -1;
	}
	return 0;
}

/* ---------- answers ---------- */

static struct rt_value *
info_record(const struct endpoint *ep)
{
	const struct endpoint_options *o = ep->o;
	struct rt_value *r = rt_record_new("PshEndpointInfo");
	const char *state = ep->client >= 0    ? "Opened"
			    : ep->disconnected ? "Disconnected"
					       : "Opening";

	rt_record_set(r, "Name", rt_string(o->name));
	rt_record_set(r, "ComputerName", rt_string(o->computer_name));
	rt_record_set(r, "ConfigurationName", rt_string(o->configuration_name));
	rt_record_set(r, "InstanceId", rt_string(o->instance_id));
	rt_record_set(r, "State", rt_string(state));
	rt_record_set(r, "ClientAttached", rt_bool(ep->client >= 0));
	rt_record_set(r, "OwnerUid", rt_int(geteuid()));
	rt_record_set(r, "ProcessId", rt_int(getpid()));
	rt_record_set(r, "CreationTime", rt_int(ep->created));
	rt_record_set(r, "IdleTimeoutSec", rt_int(ep->idle_sec));
	return r;
}

static bool
send_error(int fd, const char *msg)
{
	struct rt_value *v = rt_string(msg);
	enum wire_status st = wire_send(fd, WIRE_T_ERROR, v, SHORT_TIMEOUT_MS);
	rt_value_unref(v);
	return st == WIRE_S_OK;
}

static bool
send_result(int fd, struct rt_value *output, const char *error)
{
	struct rt_value *r = rt_record_new(NULL);
	enum wire_status st;

	rt_record_set(r, "Output", rt_value_ref(output));
	rt_record_set(r, "Error", error ? rt_string(error) : rt_null());
	st = wire_send(fd, WIRE_T_RESULT, r, ANSWER_TIMEOUT_MS);
	rt_value_unref(r);
	if (st == WIRE_S_TOO_BIG)
		return send_error(fd, _("the output is too large to send"));
	return st == WIRE_S_OK;
}

static bool
send_info(const struct endpoint *ep, int fd)
{
	struct rt_value *r = info_record(ep);
	enum wire_status st =
		wire_send(fd, WIRE_T_INFO_REPLY, r, SHORT_TIMEOUT_MS);
	rt_value_unref(r);
	return st == WIRE_S_OK;
}

/* ---------- running scripts ---------- */

/* The executor's output as an array (it may hand back a scalar). */
static struct rt_value *
as_array(struct rt_value *out)
{
	struct rt_value *a;

	if (out && out->kind == RT_VAL_ARRAY)
		return out;
	a = rt_array_new();
	if (out)
		rt_array_push(a, out);
	return a;
}

/*
 * Keeps error for Receive-PSSession, up to ENDPOINT_MAX_BUFFERED_ERRORS
 * bytes: a script that fails in a loop must not fill the memory.
 */
static void
keep_error(struct endpoint *ep, const char *error)
{
	struct strbuf *sb = &ep->buffer_errors;
	size_t n = strlen(error), sep = sb->len ? 1 : 0, room = 0;

	if (ep->errors_truncated)
		return;
	if (sb->len + sep < ENDPOINT_MAX_BUFFERED_ERRORS)
		room = ENDPOINT_MAX_BUFFERED_ERRORS - sb->len - sep;
	if (n > room) {
		/* Cut at a character boundary. */
		while (room > 0 && ((unsigned char)error[room] & 0xC0) == 0x80)
			room--;
		n = room;
	}
	if (sep && n)
		strbuf_addch(sb, '\n');
	strbuf_add(sb, error, n);
	if (n == strlen(error))
		return;
	if (sb->len)
		strbuf_addch(sb, '\n');
	strbuf_addf(sb,
		    _("The error output of the disconnected session was "
		      "truncated: only its first %u bytes were kept."),
		    (unsigned)ENDPOINT_MAX_BUFFERED_ERRORS);
	ep->errors_truncated = true;
}

static void
buffer_output(struct endpoint *ep, struct rt_value *out, const char *error)
{
	struct rt_value *b = ep->buffer;

	if (b->u.array.n + out->u.array.n > MAX_BUFFERED) {
		error = _("output discarded: the disconnected session's "
			  "buffer is full");
	} else {
		for (size_t i = 0; i < out->u.array.n; i++)
			rt_array_push(b, rt_value_ref(out->u.array.v[i]));
	}
	if (error)
		keep_error(ep, error);
}

/*
 * Binds the request's Arguments and Input to $args and $input, as the
 * values they are.  Returns NULL, or why the request cannot run: it has
 * values that this endpoint would have to drop.
 */
static const char *
bind_values(struct endpoint *ep, const struct wire_invoke *inv)
{
	endpoint_set_fn *set = ep->o->set_variable;

	if (!inv->with_values)
		return NULL;
	if (!set)
		return inv->args->u.array.n == 0 && inv->input->u.array.n == 0
			       ? NULL
			       : _("this endpoint cannot take arguments");
	set(ep->o->cookie, "args", rt_value_ref(inv->args));
	set(ep->o->cookie, "input", rt_value_ref(inv->input));
	return NULL;
}

/* After the script: what it was given does not stay for the next. */
static void
unbind_values(struct endpoint *ep)
{
	endpoint_set_fn *set = ep->o->set_variable;

	if (!set)
		return;
	set(ep->o->cookie, "args", rt_array_new());
	set(ep->o->cookie, "input", rt_array_new());
}

static bool
run_script(struct endpoint *ep, int fd, const struct rt_value *req)
{
	struct wire_invoke inv;
	struct rt_value *out = NULL;
	char *error = NULL;
	const char *why;
	bool ok;

	if (!wire_invoke_read(req, &inv))
		return send_error(fd, _("malformed request"));
	if ((why = bind_values(ep, &inv)) != NULL)
		return send_error(fd, why);
	if (!ep->o->exec)
		error = xstrdup(_("this endpoint cannot run commands"));
	else
		ep->o->exec(ep->o->cookie, inv.script, &out, &error);
	if (inv.with_values)
		unbind_values(ep);
	out = as_array(out);
	if (inv.buffer) {
		buffer_output(ep, out, error);
		ok = wire_send(fd, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS) ==
		     WIRE_S_OK;
	} else {
		ok = send_result(fd, out, error);
	}
	rt_value_unref(out);
	free(error);
	return ok;
}

static bool
send_buffer(struct endpoint *ep, int fd)
{
	const char *errors =
		ep->buffer_errors.len ? ep->buffer_errors.buf : NULL;
	bool ok = send_result(fd, ep->buffer, errors);

	rt_value_unref(ep->buffer);
	ep->buffer = rt_array_new();
	strbuf_reset(&ep->buffer_errors);
	ep->errors_truncated = false;
	return ok;
}

/* ---------- the attached client ---------- */

static void
client_gone(struct endpoint *ep)
{
	close(ep->client);
	ep->client = -1;
	/* A client that left without DISCONNECT closed the session. */
	if (!ep->disconnected)
		ep->done = true;
}

static void
disconnect(struct endpoint *ep, const struct rt_value *req)
{
	const struct rt_value *t = rt_record_get(req, "IdleTimeoutSec");

	if (t && t->kind == RT_VAL_INT && t->u.i > 0)
		ep->idle_sec =
			t->u.i > INT_MAX / 1000 ? INT_MAX / 1000 : (int)t->u.i;
	ep->disconnected = true;
	ep->deadline = now_ms() + (long long)ep->idle_sec * 1000;
	wire_send(ep->client, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS);
	close(ep->client);
	ep->client = -1;
}

/* One request of the attached client; false if the client is lost. */
static bool
client_request(struct endpoint *ep, const struct wire_frame *f)
{
	const char *why;
	struct rt_value *req = wire_frame_value(f, &why);
	int fd = ep->client;
	bool ok = true;

	if (why) {
		ok = send_error(fd, _("malformed request"));
	} else if (f->type == WIRE_T_INFO) {
		ok = send_info(ep, fd);
	} else if (f->type == WIRE_T_INVOKE) {
		ok = run_script(ep, fd, req);
	} else if (f->type == WIRE_T_RECEIVE) {
		ok = send_buffer(ep, fd);
	} else if (f->type == WIRE_T_DISCONNECT) {
		disconnect(ep, req);
	} else if (f->type == WIRE_T_CLOSE) {
		wire_send(fd, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS);
		ep->done = true;
	} else {
		ok = send_error(fd, _("unexpected request"));
	}
	rt_value_unref(req);
	return ok;
}

static void
serve_client(struct endpoint *ep)
{
	struct wire_frame f;

	if (wire_recv(ep->client, &f, REQUEST_TIMEOUT_MS) != WIRE_S_OK) {
		client_gone(ep);
		return;
	}
	if (!client_request(ep, &f) && ep->client >= 0)
		client_gone(ep);
	wire_frame_release(&f);
}

/* ---------- other connections ---------- */

static void
attach(struct endpoint *ep, int fd)
{
	if (ep->client >= 0) {
		send_error(fd, _("the session is in use by another client"));
		close(fd);
		return;
	}
	if (wire_send(fd, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS) != WIRE_S_OK) {
		close(fd);
		return;
	}
	ep->client = fd;
	ep->disconnected = false;
}

static bool
send_hello(const struct endpoint *ep, int fd)
{
	struct rt_value *r = rt_record_new(NULL);
	enum wire_status st;

	rt_record_set(r, "Version", rt_int(WIRE_VERSION));
	rt_record_set(r, "InstanceId", rt_string(ep->o->instance_id));
	st = wire_send(fd, WIRE_T_HELLO, r, SHORT_TIMEOUT_MS);
	rt_value_unref(r);
	return st == WIRE_S_OK;
}

static void
accept_one(struct endpoint *ep)
{
	int fd = accept4(ep->o->listen_fd, NULL, NULL, SOCK_CLOEXEC);
	unsigned long uid;
	struct wire_frame f;

	if (fd < 0)
		return;
	/* Another user's process gets nothing, not even the greeting. */
	if (wire_peer_uid(fd, &uid) != 0 || uid != (unsigned long)geteuid() ||
	    !send_hello(ep, fd) ||
	    wire_recv(fd, &f, SHORT_TIMEOUT_MS) != WIRE_S_OK) {
		close(fd);
		return;
	}
	if (f.type == WIRE_T_ATTACH) {
		attach(ep, fd);
	} else {
		if (f.type == WIRE_T_INFO)
			send_info(ep, fd);
		else
			send_error(fd, _("not attached to the session"));
		close(fd);
	}
	wire_frame_release(&f);
}

/* ---------- the loop ---------- */

static void
setup_process(const struct endpoint_options *o)
{
	struct sigaction sa;
	char host[256];
	const char *home = getenv("HOME");
	const char *cn = o->computer_name;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_stop_signal; /* no SA_RESTART: poll returns */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if ((strcasecmp(cn, "localhost") == 0 || strcmp(cn, ".") == 0) &&
	    gethostname(host, sizeof(host)) == 0) {
		host[sizeof(host) - 1] = '\0';
		cn = host;
	}
	setenv("COMPUTERNAME", cn, 1);
	if (!home || chdir(home) != 0)
		(void)!chdir("/");
}

/* Milliseconds poll may sleep: forever with a client, else until the
   deadline.  -2 means the deadline has passed. */
static int
poll_timeout(const struct endpoint *ep)
{
	long long left;

	if (ep->client >= 0)
		return -1;
	left = ep->deadline - now_ms();
	if (left <= 0)
		return -2;
	return left > INT_MAX ? INT_MAX : (int)left;
}

static void
serve(struct endpoint *ep)
{
	while (!ep->done && !stop_signal) {
		struct pollfd p[2] = { { ep->o->listen_fd, POLLIN, 0 },
				       { ep->client, POLLIN, 0 } };
		int timeout = poll_timeout(ep);
		int rc;

		if (timeout == -2)
			break;
		rc = poll(p, 2, timeout);
		if (rc < 0 && errno != EINTR)
			break;
		if (rc <= 0)
			continue;
		if (p[1].revents)
			serve_client(ep);
		if (p[0].revents & (POLLERR | POLLNVAL))
			break;
		if (!ep->done && (p[0].revents & POLLIN))
			accept_one(ep);
	}
}

int
endpoint_main(const struct endpoint_options *o)
{
	struct endpoint ep = { 0 };
	int startup = o->startup_timeout_ms > 0 ? o->startup_timeout_ms
						: ENDPOINT_DEFAULT_STARTUP_MS;

	ep.o = o;
	ep.client = -1;
	ep.idle_sec = o->idle_timeout_sec > 0 ? o->idle_timeout_sec
					      : ENDPOINT_DEFAULT_IDLE_SEC;
	ep.deadline = now_ms() + startup;
	ep.buffer = rt_array_new();
	strbuf_init(&ep.buffer_errors);
	ep.created = time(NULL);
	/* poll() may report a connection that is gone by accept(). */
	fcntl(o->listen_fd, F_SETFL, fcntl(o->listen_fd, F_GETFL) | O_NONBLOCK);
	setup_process(o);
	serve(&ep);
	unlink(o->socket_path);
	if (ep.client >= 0)
		close(ep.client);
	close(o->listen_fd);
	rt_value_unref(ep.buffer);
	strbuf_release(&ep.buffer_errors);
	return 0;
}
