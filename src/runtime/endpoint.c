/* SPDX-License-Identifier: MIT */
/*
 * The endpoint process's loop (endpoint.h).  One poll() serves the
 * listening socket and every connection at once: each connection has
 * its own read state and deadline, so an idle or slow peer delays
 * nobody.  The attached client's scripts run synchronously; meanwhile
 * a poll hook (rt_interrupt.h) watches that client for CANCEL and
 * answers the other connections' probes between statements.
 */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "endpoint.h"
#include "rt_stream.h"
#include "i18n.h"
#include "rt_interrupt.h"
#include "rt_value.h"
#include "strbuf.h"
#include "wire.h"
#include "xalloc.h"

/* A peer that is not the attached client gets this long for its one
   request, from the moment it is accepted. */
#define SHORT_TIMEOUT_MS 2000
/* The attached client must send a whole frame within this. */
#define REQUEST_TIMEOUT_MS 10000
/* Answers can be large; the client reads as fast as it can. */
#define ANSWER_TIMEOUT_MS 10000
/* Output values kept for Receive-PSSession. */
#define MAX_BUFFERED (WIRE_MAX_NODES / 4)
/* Connections served at once; more are refused with an ERROR. */
#define MAX_CONNECTIONS 128
#define LISTEN_BACKLOG 1024
/* A request of a peer that is not attached is empty (INFO, ATTACH). */
#define MAX_UNATTACHED_FRAME 4096
/* While a script runs, the other connections are looked at this often. */
#define HOOK_INTERVAL_MS 20
/* Connections accepted in one go, so that a flood cannot starve the
   attached client. */
#define ACCEPT_REST_MS 100
#define SIGNAL_CHECK_MS 500
#define UNIX_PATH_MAX_LEN sizeof(((struct sockaddr_un *)0)->sun_path)
#define ACCEPT_BATCH 32

/* One connection and the frame it is sending. */
struct conn {
	int fd; /* -1: the slot is free */
	unsigned gen; /* changes when the slot is reused */
	long long deadline; /* ms; 0: none (the idle attached client) */
	unsigned char hdr[WIRE_HEADER_SIZE];
	size_t hdr_got;
	enum wire_type type;
	unsigned char *data; /* the payload being read */
	size_t len, got;
	bool ready; /* a whole frame is in hdr/data */
};

/* Error bytes kept so far of one result or of the buffer. */
struct error_budget {
	size_t used, cap;
	bool truncated; /* the notice was added: the rest is dropped */
};

struct endpoint {
	const struct endpoint_options *o;
	struct conn conns[MAX_CONNECTIONS];
	size_t nconns;	   /* slots in use */
	int client;	   /* the slot of the attached client, or -1 */
	bool running;	   /* a script of the client runs */
	bool cancelled;	   /* that script was asked to stop */
	bool client_lost;  /* the client went away while its script ran */
	bool serve_once;   /* test entry: end when no connection is left */
	long long next_hook; /* when the poll hook looks around again */
	bool disconnected; /* DISCONNECT seen: the idle timer runs */
	bool done;
	long long deadline; /* with no client: end at this time (ms) */
	int idle_sec;
	struct rt_value *buffer; /* output of disconnected-mode commands */
	struct error_budget buffered_errors; /* of the records in buffer */
	time_t created;
	/* accept() ran out of descriptors: the listener rests until then
	   rather than wake poll() at once, forever. */
	long long accept_resume;
};

/* What one poll() watches: the listener (slot -1) and the connections,
   each with its generation (a slot reused meanwhile is not acted on). */
struct pollset {
	struct pollfd p[MAX_CONNECTIONS + 1];
	int slot[MAX_CONNECTIONS + 1];
	unsigned gen[MAX_CONNECTIONS + 1];
	nfds_t n;
};

static volatile sig_atomic_t stop_signal;

static void
on_stop_signal(int sig)
{
	stop_signal = sig;
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

static bool while_running(void *cookie);

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
 * Appends an error record to into while the errors stay within the
 * budget; the one that does not fit is cut at a character and notice
 * follows it.  A script that fails in a loop must not fill the memory
 * nor make its whole answer too large to send.
 */
static void
keep_error(struct error_budget *b, struct rt_value *into,
	   struct rt_value *record, const char *notice)
{
	const char *msg = rt_stream_message(record);
	size_t n = strlen(msg), room = b->used < b->cap ? b->cap - b->used : 0;

	if (b->truncated)
		return;
	if (n < room) {
		b->used += n + 1;
		rt_array_push(into, rt_value_ref(record));
		return;
	}
	while (room > 0 && ((unsigned char)msg[room] & 0xC0) == 0x80)
		room--;
	if (room) {
		char *cut = xstrndup(msg, room);
		rt_array_push(into, rt_stream_record(RT_STREAM_ERROR, cut));
		free(cut);
	}
	rt_array_push(into, rt_stream_record(RT_STREAM_ERROR, notice));
	b->truncated = true;
}

static void
buffer_error(struct endpoint *ep, struct rt_value *record)
{
	char *notice = xasprintf(_("The error output of the disconnected "
				   "session was truncated: only its first %u "
				   "bytes were kept."),
				 (unsigned)ENDPOINT_MAX_BUFFERED_ERRORS);

	keep_error(&ep->buffered_errors, ep->buffer, record, notice);
	free(notice);
}

/* The output of one script with its error records within their limit. */
static struct rt_value *
capped_errors(struct rt_value *out)
{
	struct error_budget b = { .cap = ENDPOINT_MAX_RESULT_ERRORS };
	struct rt_value *kept = rt_array_new();
	char *notice = xasprintf(_("The error output of the command was "
				   "truncated: only its first %u bytes were "
				   "kept."),
				 (unsigned)ENDPOINT_MAX_RESULT_ERRORS);

	for (size_t i = 0; i < out->u.array.n; i++) {
		struct rt_value *v = out->u.array.v[i];
		if (rt_stream_of(v) == RT_STREAM_ERROR)
			keep_error(&b, kept, v, notice);
		else
			rt_array_push(kept, rt_value_ref(v));
	}
	free(notice);
	rt_value_unref(out);
	return kept;
}

static void
buffer_output(struct endpoint *ep, struct rt_value *out, const char *error)
{
	struct rt_value *b = ep->buffer;

	if (b->u.array.n + out->u.array.n > MAX_BUFFERED) {
		error = _("output discarded: the disconnected session's "
			  "buffer is full");
	} else {
		for (size_t i = 0; i < out->u.array.n; i++) {
			struct rt_value *v = out->u.array.v[i];
			if (rt_stream_of(v) == RT_STREAM_ERROR)
				buffer_error(ep, v);
			else
				rt_array_push(b, rt_value_ref(v));
		}
	}
	if (error) {
		struct rt_value *r = rt_stream_record(RT_STREAM_ERROR, error);
		buffer_error(ep, r);
		rt_value_unref(r);
	}
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
	if (!ep->o->exec) {
		error = xstrdup(_("this endpoint cannot run commands"));
	} else {
		/* A stop request of an earlier script does not stop this
		   one. */
		rt_interrupt_clear();
		ep->running = true;
		ep->cancelled = false;
		ep->next_hook = 0;
		rt_interrupt_set_poll(while_running, ep);
		ep->o->exec(ep->o->cookie, inv.script, &out, &error);
		rt_interrupt_set_poll(NULL, NULL);
		rt_interrupt_clear();
		ep->running = false;
	}
	if (inv.with_values)
		unbind_values(ep);
	out = as_array(out);
	if (inv.buffer) {
		buffer_output(ep, out, error);
		ok = wire_send(fd, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS) ==
		     WIRE_S_OK;
	} else {
		out = capped_errors(out);
		ok = send_result(fd, out, error);
	}
	rt_value_unref(out);
	free(error);
	return ok;
}

static bool
send_buffer(struct endpoint *ep, int fd)
{
	bool ok = send_result(fd, ep->buffer, NULL);

	rt_value_unref(ep->buffer);
	ep->buffer = rt_array_new();
	ep->buffered_errors.used = 0;
	ep->buffered_errors.truncated = false;
	return ok;
}

/* ---------- connections ---------- */

static int
client_fd(const struct endpoint *ep)
{
	return ep->client >= 0 ? ep->conns[ep->client].fd : -1;
}

static void
reset_reader(struct conn *c)
{
	free(c->data);
	c->data = NULL;
	c->hdr_got = c->len = c->got = 0;
	c->ready = false;
}

static void
drop_conn(struct endpoint *ep, int slot)
{
	struct conn *c = &ep->conns[slot];

	if (c->fd < 0)
		return;
	close(c->fd);
	reset_reader(c);
	c->fd = -1;
	c->gen++;
	ep->nconns--;
	if (ep->client == slot)
		ep->client = -1;
}

static int
add_conn(struct endpoint *ep, int fd, long long deadline)
{
	for (int i = 0; i < MAX_CONNECTIONS; i++) {
		struct conn *c = &ep->conns[i];
		if (c->fd >= 0)
			continue;
		c->fd = fd;
		c->gen++;
		c->deadline = deadline;
		reset_reader(c);
		ep->nconns++;
		return i;
	}
	return -1;
}

enum read_status { READ_MORE, READ_FRAME, READ_GONE };

/*
 * Reads what the connection has without blocking, never past the end
 * of the frame it is sending.  READ_GONE: the peer closed, failed or
 * sent a frame that cannot be (unknown type, too long).
 */
static enum read_status
read_some(struct conn *c, size_t max_frame)
{
	while (!c->ready) {
		unsigned char *at;
		size_t want;
		ssize_t n;

		if (c->hdr_got < WIRE_HEADER_SIZE) {
			at = c->hdr + c->hdr_got;
			want = WIRE_HEADER_SIZE - c->hdr_got;
		} else {
			at = c->data + c->got;
			want = c->len - c->got;
		}
		n = recv(c->fd, at, want, MSG_DONTWAIT);
		if (n == 0)
			return READ_GONE;
		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ||
					       errno == EINTR
				       ? READ_MORE
				       : READ_GONE;
		if (c->hdr_got < WIRE_HEADER_SIZE) {
			c->hdr_got += (size_t)n;
			if (c->hdr_got < WIRE_HEADER_SIZE)
				continue;
			if (wire_parse_header(c->hdr, &c->type, &c->len) !=
				    WIRE_S_OK ||
			    c->len > max_frame)
				return READ_GONE;
			if (c->len)
				c->data = xmalloc(c->len);
		} else {
			c->got += (size_t)n;
		}
		c->ready = c->got == c->len;
	}
	return READ_FRAME;
}

/* The frame read, handed over (release it); the reader starts again. */
static void
take_frame(struct conn *c, struct wire_frame *f)
{
	f->type = c->type;
	f->data = c->data;
	f->len = c->len;
	c->data = NULL;
	reset_reader(c);
}

/* ---------- the attached client ---------- */

static void
client_gone(struct endpoint *ep)
{
	drop_conn(ep, ep->client);
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
	ep->deadline = clock_now_ms() + (long long)ep->idle_sec * 1000;
	wire_send(client_fd(ep), WIRE_T_OK, NULL, SHORT_TIMEOUT_MS);
	drop_conn(ep, ep->client);
}

/* One request of the attached client; false if the client is lost. */
static bool
client_request(struct endpoint *ep, const struct wire_frame *f)
{
	const char *why;
	struct rt_value *req = wire_frame_value(f, &why);
	int fd = client_fd(ep);
	bool ok = true;

	if (f->type == WIRE_T_CANCEL) {
		/* Late: the script it meant had ended.  No answer. */
	} else if (why) {
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
	struct conn *c = &ep->conns[ep->client];
	enum read_status st = read_some(c, WIRE_MAX_FRAME);
	struct wire_frame f;

	if (st == READ_GONE) {
		client_gone(ep);
		return;
	}
	if (st == READ_MORE) {
		/* A frame begun must be finished in time. */
		if (c->hdr_got && !c->deadline)
			c->deadline = clock_now_ms() + REQUEST_TIMEOUT_MS;
		return;
	}
	take_frame(c, &f);
	c->deadline = 0;
	ep->client_lost = false;
	if ((!client_request(ep, &f) || ep->client_lost) && ep->client >= 0)
		client_gone(ep);
	wire_frame_release(&f);
}

/* ---------- other connections ---------- */

static void
attach(struct endpoint *ep, int slot)
{
	int fd = ep->conns[slot].fd;

	if (ep->client >= 0) {
		send_error(fd, _("the session is in use by another client"));
		drop_conn(ep, slot);
		return;
	}
	if (wire_send(fd, WIRE_T_OK, NULL, SHORT_TIMEOUT_MS) != WIRE_S_OK) {
		drop_conn(ep, slot);
		return;
	}
	ep->client = slot;
	ep->conns[slot].deadline = 0;
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

/* The one request of a connection that is not attached. */
static void
serve_other(struct endpoint *ep, int slot)
{
	struct conn *c = &ep->conns[slot];
	enum read_status st = read_some(c, MAX_UNATTACHED_FRAME);
	struct wire_frame f;

	if (st == READ_MORE)
		return;
	if (st == READ_GONE) {
		drop_conn(ep, slot);
		return;
	}
	take_frame(c, &f);
	/* While a script runs, its client stays attached. */
	if (f.type == WIRE_T_ATTACH) {
		attach(ep, slot);
	} else {
		if (f.type == WIRE_T_INFO)
			send_info(ep, c->fd);
		else
			send_error(c->fd, _("not attached to the session"));
		drop_conn(ep, slot);
	}
	wire_frame_release(&f);
}

/* A connection of ours gets the greeting and a slot, if one is free. */
static void
welcome(struct endpoint *ep, int fd)
{
	unsigned long uid;

	/* Another user's process gets nothing, not even the greeting. */
	if (wire_peer_uid(fd, &uid) != 0 || uid != (unsigned long)geteuid()) {
		close(fd);
		return;
	}
	if (ep->nconns >= MAX_CONNECTIONS) {
		send_error(fd, _("the endpoint is serving too many connections; "
				 "try again later"));
		close(fd);
		return;
	}
	if (!send_hello(ep, fd)) {
		close(fd);
		return;
	}
	add_conn(ep, fd, clock_now_ms() + SHORT_TIMEOUT_MS);
}

static void
accept_some(struct endpoint *ep)
{
	for (int i = 0; i < ACCEPT_BATCH && ep->o->listen_fd >= 0; i++) {
		int fd = accept4(ep->o->listen_fd, NULL, NULL,
				 SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE ||
			    errno == ENOBUFS || errno == ENOMEM)
				ep->accept_resume = clock_now_ms() + ACCEPT_REST_MS;
			return; /* EAGAIN: no more for now */
		}
		welcome(ep, fd);
	}
}

static void
build_pollset(const struct endpoint *ep, struct pollset *ps, long long now)
{
	ps->n = 0;
	if (ep->o->listen_fd >= 0 && now >= ep->accept_resume) {
		ps->p[ps->n] = (struct pollfd){ ep->o->listen_fd, POLLIN, 0 };
		ps->slot[ps->n++] = -1;
	}
	for (int i = 0; i < MAX_CONNECTIONS; i++) {
		if (ep->conns[i].fd < 0)
			continue;
		ps->p[ps->n] = (struct pollfd){ ep->conns[i].fd, POLLIN, 0 };
		ps->gen[ps->n] = ep->conns[i].gen;
		ps->slot[ps->n++] = i;
	}
}

/* The connection behind entry k, if poll() saw something on it and it
   is still the same connection; -1 for the listener, -2 for nothing. */
static int
pollset_ready(const struct endpoint *ep, const struct pollset *ps, nfds_t k)
{
	int i = ps->slot[k];

	if (!ps->p[k].revents)
		return -2;
	if (i >= 0 && (ep->conns[i].fd < 0 || ep->conns[i].gen != ps->gen[k]))
		return -2;
	return i;
}

/* Connections whose deadline has passed are dropped without a word. */
static void
expire(struct endpoint *ep, long long now)
{
	for (int i = 0; i < MAX_CONNECTIONS; i++) {
		struct conn *c = &ep->conns[i];
		if (c->fd < 0 || !c->deadline || c->deadline > now)
			continue;
		if (i == ep->client && ep->running)
			continue; /* its script has the descriptor */
		if (i == ep->client)
			client_gone(ep); /* stuck mid-frame */
		else
			drop_conn(ep, i);
	}
}

/* ---------- while a script runs ---------- */

/*
 * Reads the client's frames without blocking: a CANCEL stops the
 * script, so does the client going away.  Any other frame stays read
 * (the reader does not go past it) for after the script.
 */
static void
watch_client(struct endpoint *ep)
{
	struct conn *c = &ep->conns[ep->client];
	enum read_status st;

	if (ep->cancelled)
		return;
	if (c->ready)
		return; /* a request waits for the script's end */
	st = read_some(c, WIRE_MAX_FRAME);
	/* A frame begun must be finished in time, as serve_client says;
	   one that is whole waits for the script's end. */
	if (st == READ_MORE && c->hdr_got && !c->deadline)
		c->deadline = clock_now_ms() + REQUEST_TIMEOUT_MS;
	else if (st == READ_FRAME)
		c->deadline = 0;
	if (st == READ_GONE) {
		ep->client_lost = ep->cancelled = true;
	} else if (st == READ_FRAME && c->type == WIRE_T_CANCEL) {
		reset_reader(c);
		ep->cancelled = true;
	}
}

/*
 * The poll hook: at most every HOOK_INTERVAL_MS, a poll() that does not
 * wait over the client, the listening socket and the other
 * connections; probes are answered as in the main loop.
 */
static bool
while_running(void *cookie)
{
	struct endpoint *ep = cookie;
	struct pollset ps;
	long long now = clock_now_ms();

	if (stop_signal)
		return true;
	if (ep->cancelled || now < ep->next_hook)
		return ep->cancelled;
	ep->next_hook = now + HOOK_INTERVAL_MS;
	expire(ep, now);
	build_pollset(ep, &ps, now);
	if (poll(ps.p, ps.n, 0) <= 0)
		return false;
	for (nfds_t k = 0; k < ps.n; k++) {
		int i = pollset_ready(ep, &ps, k);
		if (i == -2)
			continue;
		if (i < 0)
			accept_some(ep);
		else if (i == ep->client)
			watch_client(ep);
		else
			serve_other(ep, i);
	}
	return ep->cancelled;
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

/* The earliest deadline: the endpoint's own (with no client) or a
   connection's.  LLONG_MAX: none. */
static long long
next_deadline(const struct endpoint *ep)
{
	long long d = ep->client >= 0 ? LLONG_MAX : ep->deadline;

	if (ep->accept_resume && ep->accept_resume < d)
		d = ep->accept_resume;

	for (int i = 0; i < MAX_CONNECTIONS; i++)
		if (ep->conns[i].fd >= 0 && ep->conns[i].deadline &&
		    ep->conns[i].deadline < d)
			d = ep->conns[i].deadline;
	return d;
}

static int
poll_timeout(const struct endpoint *ep, long long now)
{
	long long d = next_deadline(ep), left;

	/* Never wait for ever: a stop signal that lands between the check
	   of stop_signal and poll() is seen within SIGNAL_CHECK_MS. */
	if (d == LLONG_MAX)
		return SIGNAL_CHECK_MS;
	left = d - now;
	if (left < 0)
		return 0;
	return left > SIGNAL_CHECK_MS ? SIGNAL_CHECK_MS : (int)left;
}

/* One poll() and what it found; false when the endpoint must end. */
static bool
serve_round(struct endpoint *ep)
{
	struct pollset ps;
	long long now = clock_now_ms();
	int rc;

	if (ep->client < 0 && !ep->serve_once && now >= ep->deadline)
		return false;
	expire(ep, now);
	if (ep->done || (ep->serve_once && ep->nconns == 0))
		return false;
	/* A request that came while a script ran has been read already. */
	if (ep->client >= 0 && ep->conns[ep->client].ready) {
		serve_client(ep);
		return true;
	}
	build_pollset(ep, &ps, now);
	rc = poll(ps.p, ps.n, poll_timeout(ep, now));
	if (rc < 0)
		return errno == EINTR;
	/* Connections before new ones: a request may end the endpoint. */
	for (nfds_t k = 0; k < ps.n && !ep->done; k++) {
		int i = pollset_ready(ep, &ps, k);
		if (i < 0)
			continue;
		if (i == ep->client)
			serve_client(ep);
		else
			serve_other(ep, i);
	}
	if (ps.n && ps.slot[0] < 0 && !ep->done) {
		if (ps.p[0].revents & (POLLERR | POLLNVAL))
			return false;
		if (ps.p[0].revents & POLLIN)
			accept_some(ep);
	}
	return true;
}

static void
serve(struct endpoint *ep)
{
	while (!ep->done && !stop_signal && serve_round(ep))
		;
}

static void
endpoint_init(struct endpoint *ep, const struct endpoint_options *o)
{
	int startup = o->startup_timeout_ms > 0 ? o->startup_timeout_ms
						: ENDPOINT_DEFAULT_STARTUP_MS;

	memset(ep, 0, sizeof(*ep));
	ep->o = o;
	ep->client = -1;
	for (int i = 0; i < MAX_CONNECTIONS; i++)
		ep->conns[i].fd = -1;
	ep->idle_sec = o->idle_timeout_sec > 0 ? o->idle_timeout_sec
					       : ENDPOINT_DEFAULT_IDLE_SEC;
	ep->deadline = clock_now_ms() + startup;
	ep->buffer = rt_array_new();
	ep->buffered_errors.cap = ENDPOINT_MAX_BUFFERED_ERRORS;
	ep->created = time(NULL);
}

static void
endpoint_release(struct endpoint *ep)
{
	for (int i = 0; i < MAX_CONNECTIONS; i++)
		drop_conn(ep, i);
	rt_value_unref(ep->buffer);
}

/* ---------- the listening socket ---------- */

/* The file at path, if it is a socket. */
static bool
socket_file(const char *path, struct stat *st)
{
	return lstat(path, st) == 0 && S_ISSOCK(st->st_mode);
}

/* The client binds to PATH.new and renames it to PATH once it listens
   (session.c), so the bound name is one or the other. */
static bool
bound_to(const char sun_path[static 1], const char *path)
{
	size_t n = strlen(path);

	if (path[0] != '/' || n + 4 >= UNIX_PATH_MAX_LEN)
		return false;
	return strncmp(sun_path, path, n) == 0 &&
	       (sun_path[n] == '\0' || strcmp(sun_path + n, ".new") == 0);
}

int
endpoint_check_listener(const struct endpoint_options *o, char **err)
{
	int yes = 0, type = 0;
	socklen_t len = sizeof(yes);
	struct sockaddr_un sa;
	socklen_t salen = sizeof(sa);
	struct stat st;

	if (getsockopt(o->listen_fd, SOL_SOCKET, SO_ACCEPTCONN, &yes, &len) !=
		    0 ||
	    !yes ||
	    getsockopt(o->listen_fd, SOL_SOCKET, SO_TYPE, &type,
		       &(socklen_t){ sizeof(type) }) != 0 ||
	    type != SOCK_STREAM) {
		*err = xasprintf(_("descriptor %d is not a listening stream "
				   "socket"),
				 o->listen_fd);
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	if (getsockname(o->listen_fd, (struct sockaddr *)&sa, &salen) != 0 ||
	    sa.sun_family != AF_UNIX ||
	    salen <= offsetof(struct sockaddr_un, sun_path) ||
	    !bound_to(sa.sun_path, o->socket_path) ||
	    !socket_file(o->socket_path, &st)) {
		*err = xasprintf(_("descriptor %d is not the socket bound to "
				   "'%s'"),
				 o->listen_fd, o->socket_path);
		return -1;
	}
	return 0;
}

/*
 * Removes the socket file, unless something else took its place since
 * the start (dev and ino of what we checked).
 */
static void
remove_socket(const char *path, const struct stat *ours)
{
	struct stat now;

	if (socket_file(path, &now) && now.st_dev == ours->st_dev &&
	    now.st_ino == ours->st_ino)
		unlink(path);
}

int
endpoint_main(const struct endpoint_options *o)
{
	struct endpoint *ep;
	struct stat ours;
	char *err = NULL;

	if (endpoint_check_listener(o, &err) != 0 ||
	    !socket_file(o->socket_path, &ours)) {
		free(err);
		return 2; /* nothing is ours to clean up */
	}
	ep = xmalloc(sizeof(*ep));
	endpoint_init(ep, o);
	/* The client listened with a small backlog. */
	(void)listen(o->listen_fd, LISTEN_BACKLOG);
	/* poll() may report a connection that is gone by accept(). */
	fcntl(o->listen_fd, F_SETFL, fcntl(o->listen_fd, F_GETFL) | O_NONBLOCK);
	setup_process(o);
	serve(ep);
	remove_socket(o->socket_path, &ours);
	close(o->listen_fd);
	endpoint_release(ep);
	free(ep);
	return 0;
}

int
endpoint_serve_connection(const struct endpoint_options *o, int fd)
{
	struct endpoint *ep = xmalloc(sizeof(*ep));
	struct endpoint_options own = *o;

	own.listen_fd = -1;
	endpoint_init(ep, &own);
	ep->serve_once = true;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	welcome(ep, fd);
	serve(ep);
	endpoint_release(ep);
	free(ep);
	return 0;
}
