/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the session wire protocol (wire.h), the part of
 * psh that reads bytes from another process.  The input is used three
 * ways: as a stream of frames read with wire_recv from a socket pair, as
 * one frame (5-byte header, then the payload), and as a bare value.  A
 * value that decodes must encode again, and its encoding must decode to
 * the same encoding (the canonical form is stable).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rt_value.h"
#include "strbuf.h"
#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() so that libFuzzer keeps the input as a crash. */
static void
check(int ok)
{
	if (!ok)
		abort();
}

static void
check_value(const unsigned char *p, size_t n)
{
	const char *why = NULL;
	struct rt_value *v = wire_decode(p, n, &why), *again;
	struct strbuf one = STRBUF_INIT, two = STRBUF_INIT;

	check((v != NULL) != (why != NULL));
	if (!v)
		return;
	strbuf_init(&one);
	strbuf_init(&two);
	check(wire_encode(&one, v));
	again = wire_decode((const unsigned char *)one.buf, one.len, &why);
	check(again != NULL);
	check(wire_encode(&two, again));
	check(one.len == two.len && memcmp(one.buf, two.buf, one.len) == 0);
	rt_value_unref(v);
	rt_value_unref(again);
	strbuf_release(&one);
	strbuf_release(&two);
}

/* The bytes as they would arrive from a peer. */
static void
check_stream(const uint8_t *data, size_t size)
{
	int sv[2];
	struct wire_frame f;

	if (size > 65536 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return;
	if (write(sv[1], data, size) == (ssize_t)size) {
		shutdown(sv[1], SHUT_WR);
		/* Each frame read takes at least a header: this ends. */
		while (wire_recv(sv[0], &f, 0) == WIRE_S_OK) {
			check(f.len <= WIRE_MAX_FRAME);
			check((f.len == 0) == (f.data == NULL));
			check(f.type >= WIRE_T_HELLO && f.type < WIRE_T__END);
			if (f.len)
				check_value(f.data, f.len);
			wire_frame_release(&f);
		}
	}
	close(sv[0]);
	close(sv[1]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum wire_type type;
	size_t len;

	check_value(data, size);
	if (size >= WIRE_HEADER_SIZE &&
	    wire_parse_header(data, &type, &len) == WIRE_S_OK) {
		check(len <= WIRE_MAX_FRAME);
		if (len <= size - WIRE_HEADER_SIZE)
			check_value(data + WIRE_HEADER_SIZE, len);
	}
	check_stream(data, size);
	return 0;
}
