/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the PSSession client (session.c) against a hostile
 * endpoint.  The input is a list of steps; each step is an operation
 * byte and a chunk of bytes (a 2-byte big-endian length, cut to what is
 * left).  The fake endpoint writes the chunk to its end of a socket pair
 * before the client's call runs on the other end, so nothing blocks: a
 * missing answer costs the manager's short timeout, a hang-up ends every
 * wait at once.  The calls are the real ones (probe, attach, invoke,
 * Ctrl-C and CANCEL, jobs, receive, disconnect, remove), reached on a
 * socket pair through session.h's test entry points.
 *
 * Checks: no crash, leak or hang; a failure always says why and a
 * success never does; every text the client reports (its own errors and
 * the script's error) is clean to print; a successful command has an
 * array of output; a Broken or Closed session holds no connection; and
 * what the client writes is a stream of well-formed client requests.
 *
 * Step operation (low nibble; the high nibble picks one of SLOTS
 * sessions): see enum op.  fuzz/corpus/client_frames/README has the
 * seed generator.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rt_interrupt.h"
#include "rt_value.h"
#include "session.h"
#include "strbuf.h"
#include "utf8.h"
#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define INSTANCE_ID "00000000-0000-4000-8000-000000000001"
#define SLOTS 4
#define MAX_INPUT (128u << 10)
#define SOCKET_BUFFER (512 << 10)
#define TIMEOUT_MS 5

enum op {
	OP_PROBE,	     /* a probe conversation on its own pair */
	OP_ADOPT,	     /* a new pair in the slot, greet and attach */
	OP_WRITE,	     /* only the chunk */
	OP_HANGUP,	     /* the endpoint stops writing (EOF) */
	OP_CLOSE,	     /* the endpoint closes its end */
	OP_INVOKE,	     /* a line of Enter-PSSession */
	OP_INVOKE_VALUES,    /* Invoke-Command with arguments and input */
	OP_INVOKE_CTRLC,     /* the same with Ctrl-C pressed */
	OP_START,	     /* Invoke-Command -AsJob */
	OP_FINISH,	     /* a job looks for its answer */
	OP_CANCEL,	     /* a job is stopped */
	OP_RECEIVE,	     /* Receive-PSSession */
	OP_DISCONNECT,	     /* Disconnect-PSSession */
	OP_INVOKE_DISCONNECTED, /* Invoke-Command -InDisconnectedSession */
	OP_CONNECT,	     /* Connect-PSSession (no socket: fails) */
	OP_REMOVE	     /* Remove-PSSession */
};

static void
check(int ok)
{
	if (!ok)
		abort();
}

struct slot {
	struct rt_session *s; /* owned by the manager */
	int peer;	      /* the endpoint's end, or -1 */
	struct strbuf seen;   /* what the client wrote, not yet parsed */
};

static char runtime_dir[] = "/tmp/psh-fuzz-client-XXXXXX";

static void
remove_runtime_dir(void)
{
	rmdir(runtime_dir);
}

static struct session_manager *
new_manager(void)
{
	static bool made;
	struct session_config c = { 0 };

	if (!made) {
		check(mkdtemp(runtime_dir) != NULL);
		atexit(remove_runtime_dir);
		signal(SIGPIPE, SIG_IGN);
		made = true;
	}
	c.program = "/nonexistent/psh";
	c.runtime_dir = runtime_dir;
	c.computers_file = "";
	c.timeout_ms = TIMEOUT_MS;
	c.invoke_timeout_ms = TIMEOUT_MS;
	return session_manager_new(&c);
}

/* A connected pair: [0] for the client, [1] for the endpoint. */
static void
new_pair(int fds[2])
{
	int size = SOCKET_BUFFER;

	check(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
			 0, fds) == 0);
	setsockopt(fds[1], SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	setsockopt(fds[0], SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
}

/* Writes what fits without waiting (the input is capped to fit). */
static void
endpoint_write(int fd, const uint8_t *p, size_t n)
{
	while (fd >= 0 && n > 0) {
		ssize_t rc = send(fd, p, n, MSG_DONTWAIT | MSG_NOSIGNAL);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0)
			return;
		p += rc;
		n -= (size_t)rc;
	}
}

static bool
client_type(enum wire_type t)
{
	switch (t) {
	case WIRE_T_INFO:
	case WIRE_T_ATTACH:
	case WIRE_T_INVOKE:
	case WIRE_T_RECEIVE:
	case WIRE_T_DISCONNECT:
	case WIRE_T_CLOSE:
	case WIRE_T_CANCEL:
		return true;
	default:
		return false;
	}
}

/* One request the client sent must be one it may send, well formed. */
static void
check_request(enum wire_type t, const unsigned char *p, size_t len)
{
	struct rt_value *v = NULL;
	const char *why = NULL;
	struct wire_invoke inv;

	check(client_type(t));
	if (len)
		check((v = wire_decode(p, len, &why)) != NULL);
	switch (t) {
	case WIRE_T_INVOKE:
		check(v && wire_invoke_read(v, &inv));
		break;
	case WIRE_T_DISCONNECT:
		check(v && v->kind == RT_VAL_RECORD);
		break;
	default:
		check(!v);
		break;
	}
	rt_value_unref(v);
}

/* Reads what the client wrote and checks every whole frame in it. */
static void
endpoint_read(struct slot *sl)
{
	unsigned char buf[4096];
	size_t pos = 0;

	for (;;) {
		ssize_t rc = recv(sl->peer, buf, sizeof(buf), MSG_DONTWAIT);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0)
			break;
		strbuf_add(&sl->seen, buf, (size_t)rc);
	}
	while (sl->seen.len - pos >= WIRE_HEADER_SIZE) {
		const unsigned char *h = (unsigned char *)sl->seen.buf + pos;
		enum wire_type t;
		size_t len;

		check(wire_parse_header(h, &t, &len) == WIRE_S_OK);
		if (sl->seen.len - pos - WIRE_HEADER_SIZE < len)
			break;
		check_request(t, h + WIRE_HEADER_SIZE, len);
		pos += WIRE_HEADER_SIZE + len;
	}
	if (pos) {
		memmove(sl->seen.buf, sl->seen.buf + pos, sl->seen.len - pos);
		sl->seen.len -= pos;
		sl->seen.buf[sl->seen.len] = '\0';
	}
}

static void
close_peer(struct slot *sl)
{
	if (sl->peer >= 0) {
		endpoint_read(sl);
		close(sl->peer);
	}
	sl->peer = -1;
	strbuf_reset(&sl->seen);
}

static bool
clean(const char *s)
{
	return utf8_is_clean(s, strlen(s), true);
}

/* What a call returned agrees with what it reported; err is freed. */
static void
check_outcome(int rc, char *err)
{
	if (rc < 0)
		check(err != NULL && clean(err));
	else
		check(err == NULL);
	free(err);
}

static void
check_result(int rc, struct session_result *res)
{
	if (rc == 0) {
		check(res->output && res->output->kind == RT_VAL_ARRAY);
		check(!res->error || clean(res->error));
	}
	session_result_release(res);
}

static void
check_session(const struct rt_session *s)
{
	enum session_state st = session_state(s);

	check(st <= SESSION_CONNECTING);
	/* A Broken session may still count its command as running: the job
	   that waits for it learns of the break from session_invoke_finish. */
	if (st == SESSION_BROKEN)
		check(session_fd(s) < 0);
	else if (session_is_running(s))
		check(session_fd(s) >= 0 &&
		      session_availability(s) == SESSION_AVAIL_BUSY);
	if (st == SESSION_CLOSED || st == SESSION_DISCONNECTED)
		check(session_fd(s) < 0 && !session_is_running(s));
}

static void
probe(const uint8_t *p, size_t n)
{
	int fds[2];
	char *err = NULL;
	struct rt_value *info;

	new_pair(fds);
	endpoint_write(fds[1], p, n);
	shutdown(fds[1], SHUT_WR);
	info = session_probe_fd_for_testing(fds[0], TIMEOUT_MS, &err);
	check(info ? info->kind == RT_VAL_RECORD && !err : err && clean(err));
	rt_value_unref(info);
	free(err);
	close(fds[1]);
}

static void
adopt(struct session_manager *m, struct slot *sl, const uint8_t *p, size_t n)
{
	int fds[2];
	char *err = NULL;

	close_peer(sl);
	new_pair(fds);
	sl->peer = fds[1];
	endpoint_write(sl->peer, p, n);
	sl->s = session_adopt_fd_for_testing(m, fds[0], INSTANCE_ID, &err);
	check_outcome(sl->s ? 0 : -1, err);
	if (sl->s)
		check(session_state(sl->s) == SESSION_OPENED);
}

/* Arguments and input of Invoke-Command: a bit of everything. */
static struct rt_value *
sample_values(void)
{
	struct rt_value *a = rt_array_new(), *rec = rt_record_new("Sample");

	rt_array_push(a, rt_string("text\twith\x1b[31m escapes"));
	rt_array_push(a, rt_int(-1));
	rt_record_set(rec, "Name", rt_string("value"));
	rt_array_push(a, rec);
	return a;
}

static void
run_call(struct slot *sl, enum op op)
{
	struct rt_session *s = sl->s;
	struct session_result res = { 0 };
	struct rt_value *values = NULL;
	struct session_invocation inv = { "Get-Process", NULL, NULL };
	char *err = NULL;
	int rc = 0;

	switch (op) {
	case OP_INVOKE:
		rc = session_invoke(s, "Get-Date", &res, &err);
		check_result(rc, &res);
		break;
	case OP_INVOKE_VALUES:
	case OP_INVOKE_CTRLC:
		values = sample_values();
		inv.arguments = values;
		inv.input = values;
		if (op == OP_INVOKE_CTRLC)
			rt_interrupt_raise();
		rc = session_invoke_values(s, &inv, &res, &err);
		rt_interrupt_clear();
		check_result(rc, &res);
		break;
	case OP_START:
		rc = session_invoke_start(s, &inv, &err);
		break;
	case OP_FINISH:
		rc = session_invoke_finish(s, 0, true, &res, &err);
		if (rc == 1)
			check_result(0, &res);
		session_result_release(&res);
		break;
	case OP_CANCEL:
		session_cancel(s);
		break;
	case OP_RECEIVE:
		rc = session_receive(s, &res, &err);
		check_result(rc, &res);
		break;
	case OP_DISCONNECT:
		rc = session_disconnect(s, 60, &err);
		break;
	case OP_INVOKE_DISCONNECTED:
		rc = session_invoke_disconnected(s, "Start-Sleep 1", 0, &err);
		break;
	case OP_CONNECT:
		rc = session_connect(s, &err);
		break;
	case OP_REMOVE:
		rc = session_remove(s, &err);
		break;
	default:
		break;
	}
	rt_value_unref(values);
	check_outcome(rc < 0 ? -1 : 0, err);
	check_session(s);
}

static void
step(struct session_manager *m, struct slot *sl, enum op op, const uint8_t *p,
     size_t n)
{
	switch (op) {
	case OP_PROBE:
		probe(p, n);
		return;
	case OP_ADOPT:
		adopt(m, sl, p, n);
		return;
	case OP_HANGUP:
	case OP_CLOSE:
		endpoint_write(sl->peer, p, n);
		if (op == OP_CLOSE)
			close_peer(sl);
		else if (sl->peer >= 0)
			shutdown(sl->peer, SHUT_WR);
		return;
	default:
		break;
	}
	endpoint_write(sl->peer, p, n);
	if (sl->s && op != OP_WRITE)
		run_call(sl, op);
	if (sl->peer >= 0)
		endpoint_read(sl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session_manager *m = new_manager();
	struct slot slots[SLOTS];
	struct rt_session **list = NULL;
	struct strbuf table = STRBUF_INIT;
	size_t pos = 0, n;

	if (size > MAX_INPUT)
		size = MAX_INPUT; /* so that every chunk fits in the socket */
	for (int i = 0; i < SLOTS; i++) {
		slots[i].s = NULL;
		slots[i].peer = -1;
		strbuf_init(&slots[i].seen);
	}
	while (pos < size) {
		unsigned code = data[pos++];
		size_t len = 0;

		if (size - pos >= 2)
			len = (size_t)data[pos] << 8 | data[pos + 1];
		pos += size - pos >= 2 ? 2 : size - pos;
		if (len > size - pos)
			len = size - pos;
		step(m, &slots[(code >> 4) % SLOTS], (enum op)(code & 15),
		     data + pos, len);
		pos += len;
	}
	/* The sessions as Get-PSSession shows them, then the exit. */
	n = session_list(m, &list);
	strbuf_init(&table);
	session_format_table(&table, list, n, SESSION_TABLE_DEFAULT);
	strbuf_release(&table);
	free(list);
	for (int i = 0; i < SLOTS; i++) {
		close_peer(&slots[i]);
		strbuf_release(&slots[i].seen);
	}
	session_manager_free(m);
	rt_interrupt_clear();
	return 0;
}
