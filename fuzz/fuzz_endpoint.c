/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the endpoint's request handling (endpoint.c):
 * the input is what a client sends after the greeting, fed through a
 * socket pair to endpoint_serve_connection while a second thread reads
 * (and drops) every answer.  The executor is a stub: a script "spin"
 * runs until it is stopped (so CANCEL frames matter), "big" outputs
 * much, anything else is echoed.
 */
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "endpoint.h"
#include "rt_interrupt.h"
#include "rt_value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct feed {
	int fd;
	const uint8_t *data;
	size_t size;
};


static int
stub_exec(void *cookie, const char *script, struct rt_value **out,
	  char **error)
{
	long long end = clock_now_ms() + 60;

	(void)cookie;
	*error = NULL;
	*out = rt_array_new();
	if (strcmp(script, "spin") == 0) {
		/* Bounded, so that a missing CANCEL costs little. */
		while (!rt_interrupt_pending() && clock_now_ms() < end)
			;
		rt_array_push(*out, rt_bool(rt_interrupt_raised()));
	} else if (strcmp(script, "big") == 0) {
		for (int i = 0; i < 2000; i++)
			rt_array_push(*out, rt_int(i));
	} else {
		rt_array_push(*out, rt_string(script));
		if (script[0] == 'e')
			*error = strdup(script);
	}
	return *error != NULL;
}

static void
stub_set(void *cookie, const char *name, struct rt_value *v)
{
	(void)cookie;
	(void)name;
	rt_value_unref(v);
}

/* Sends the input and reads every answer until the endpoint closes. */
static void *
client_side(void *arg)
{
	struct feed *f = arg;
	size_t sent = 0;
	unsigned char sink[4096];

	for (;;) {
		struct pollfd p = { f->fd, POLLIN, 0 };
		if (sent < f->size)
			p.events |= POLLOUT;
		if (poll(&p, 1, 5000) <= 0)
			break;
		if (p.revents & POLLIN) {
			ssize_t n = recv(f->fd, sink, sizeof(sink), 0);
			if (n <= 0)
				break;
		}
		if ((p.revents & POLLOUT) && sent < f->size) {
			ssize_t n = send(f->fd, f->data + sent,
					 f->size - sent, MSG_NOSIGNAL);
			if (n <= 0)
				sent = f->size;
			else
				sent += (size_t)n;
			if (sent == f->size)
				shutdown(f->fd, SHUT_WR);
		}
		if (p.revents & (POLLHUP | POLLERR) && !(p.revents & POLLIN))
			break;
	}
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct endpoint_options o = { 0 };
	struct feed f = { -1, data, size };
	pthread_t t;
	int sv[2];

	if (size > 65536 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return 0;
	o.listen_fd = -1;
	o.socket_path = NULL;
	o.instance_id = "00000000-0000-4000-8000-00000000f022";
	o.name = "Runspace1";
	o.computer_name = "localhost";
	o.configuration_name = "Microsoft.PowerShell";
	o.exec = stub_exec;
	o.set_variable = size % 2 ? stub_set : NULL;
	f.fd = sv[1];
	if (size == 0)
		shutdown(sv[1], SHUT_WR);
	if (pthread_create(&t, NULL, client_side, &f) != 0) {
		close(sv[0]);
		close(sv[1]);
		return 0;
	}
	endpoint_serve_connection(&o, sv[0]);
	pthread_join(t, NULL);
	close(sv[1]);
	rt_interrupt_clear();
	return 0;
}
