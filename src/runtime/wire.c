/* SPDX-License-Identifier: MIT */
/*
 * Frames and value encoding of the session protocol (wire.h).
 *
 * A value is a tag byte and its body; integers are big-endian:
 *   0 null   1 false   2 true   3 int: 8 bytes, two's complement
 *   4 string, 5 script block: u32 length, bytes (no NUL inside)
 *   6 array: u32 count, values
 *   7 record: u32 type-name length (0xFFFFFFFF: none), bytes,
 *             u32 count, then per property: u32 length, name, value
 *   8 double: 8 bytes, IEEE 754 binary64 (every NaN as 0x7FF8 0...)
 * Sessions go out as records typed Deserialized...PSSession, as
 * PowerShell's serializer sends them: a copy of the properties.
 * The decoder charges every value against WIRE_MAX_NODES and every
 * property against a work budget, so no payload can make it quadratic.
 */
#define _GNU_SOURCE /* struct ucred */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "rt_value.h"
#include "session_props.h"
#include "strbuf.h"
#include "wire.h"
#include "xalloc.h"

enum {
	TAG_NULL,
	TAG_FALSE,
	TAG_TRUE,
	TAG_INT,
	TAG_STRING,
	TAG_SCRIPTBLOCK,
	TAG_ARRAY,
	TAG_RECORD,
	TAG_DOUBLE
};

#define NO_TYPE_NAME 0xFFFFFFFFu
/* rt_record_set compares with every earlier property: bound the sum. */
#define MAX_PROP_WORK (1u << 24)
#define SESSION_WIRE_TYPE                                                      \
	"Deserialized.System.Management.Automation.Runspaces.PSSession"

/* ---------- encoding ---------- */

/* What an encoding has used of the limits the decoder enforces. */
struct budget {
	size_t nodes;
	size_t prop_work;
};

static void
put_u32(struct strbuf *sb, uint32_t x)
{
	unsigned char b[4] = { x >> 24, x >> 16, x >> 8, x };
	strbuf_add(sb, b, 4);
}

static void
put_bytes(struct strbuf *sb, const char *s, size_t n)
{
	put_u32(sb, (uint32_t)n);
	strbuf_add(sb, s, n);
}

static void
put_int(struct strbuf *sb, int64_t i)
{
	uint64_t u = (uint64_t)i;
	unsigned char b[9] = { TAG_INT };
	for (int k = 0; k < 8; k++)
		b[1 + k] = (unsigned char)(u >> (56 - 8 * k));
	strbuf_add(sb, b, 9);
}

/* The bits of d; one pattern for every NaN, so encodings compare. */
static void
put_double(struct strbuf *sb, double d)
{
	uint64_t u = 0x7FF8000000000000u;
	unsigned char b[9] = { TAG_DOUBLE };

	if (d == d)
		memcpy(&u, &d, sizeof(u));
	for (int k = 0; k < 8; k++)
		b[1 + k] = (unsigned char)(u >> (56 - 8 * k));
	strbuf_add(sb, b, 9);
}

static bool encode_value(struct strbuf *sb, const struct rt_value *v, int depth,
			 struct budget *b);

static bool
encode_session(struct strbuf *sb, const struct rt_value *v, int depth,
	       struct budget *b)
{
	static const char *const names[] = { RT_SESSION_PROPS, "Availability" };
	struct rt_value *rec = rt_record_new(SESSION_WIRE_TYPE);
	bool ok;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct rt_value *p = rt_session_prop(v->u.session, names[i]);
		if (p)
			rt_record_set(rec, names[i], p);
	}
	ok = encode_value(sb, rec, depth, b);
	rt_value_unref(rec);
	return ok;
}

static bool
encode_record(struct strbuf *sb, const struct rt_value *v, int depth,
	      struct budget *b)
{
	const char *tn = v->u.record.type_name;
	size_t n = v->u.record.n;

	/* The decoder's limits: a count and n(n+1)/2 comparisons. */
	b->prop_work += n * (n + 1) / 2;
	if (n > WIRE_MAX_PROPS || b->prop_work > MAX_PROP_WORK)
		return false;
	strbuf_addch(sb, TAG_RECORD);
	if (tn)
		put_bytes(sb, tn, strlen(tn));
	else
		put_u32(sb, NO_TYPE_NAME);
	put_u32(sb, (uint32_t)v->u.record.n);
	for (size_t i = 0; i < v->u.record.n; i++) {
		const char *name = v->u.record.props[i].name;
		put_bytes(sb, name, strlen(name));
		if (!encode_value(sb, v->u.record.props[i].value, depth + 1, b))
			return false;
	}
	return true;
}

static bool
encode_value(struct strbuf *sb, const struct rt_value *v, int depth,
	     struct budget *b)
{
	if (depth > WIRE_MAX_DEPTH || ++b->nodes > WIRE_MAX_NODES ||
	    sb->len > WIRE_MAX_FRAME + WIRE_HEADER_SIZE)
		return false;
	if (!v) {
		strbuf_addch(sb, TAG_NULL);
		return true;
	}
	switch (v->kind) {
	case RT_VAL_NULL:
		strbuf_addch(sb, TAG_NULL);
		return true;
	case RT_VAL_BOOL:
		strbuf_addch(sb, v->u.b ? TAG_TRUE : TAG_FALSE);
		return true;
	case RT_VAL_INT:
		put_int(sb, v->u.i);
		return true;
	case RT_VAL_DOUBLE:
		put_double(sb, v->u.d);
		return true;
	case RT_VAL_STRING:
	case RT_VAL_SCRIPTBLOCK:
		if (strlen(v->u.s) > WIRE_MAX_FRAME)
			return false; /* also keeps the length in a u32 */
		strbuf_addch(sb, v->kind == RT_VAL_STRING ? TAG_STRING
							  : TAG_SCRIPTBLOCK);
		put_bytes(sb, v->u.s, strlen(v->u.s));
		return true;
	case RT_VAL_ARRAY:
		strbuf_addch(sb, TAG_ARRAY);
		put_u32(sb, (uint32_t)v->u.array.n);
		for (size_t i = 0; i < v->u.array.n; i++)
			if (!encode_value(sb, v->u.array.v[i], depth + 1, b))
				return false;
		return true;
	case RT_VAL_SESSION:
		return encode_session(sb, v, depth, b);
	case RT_VAL_RECORD:
		return encode_record(sb, v, depth, b);
	case RT_VAL_UNKNOWN:
		return false; /* the validator's stand-in never travels */
	}
	return false;
}

bool
wire_encode(struct strbuf *sb, const struct rt_value *v)
{
	struct budget b = { 0, 0 };
	return encode_value(sb, v, 0, &b);
}

/* ---------- decoding ---------- */

struct reader {
	const unsigned char *p;
	size_t len, pos;
	size_t nodes;
	size_t prop_work;
	const char *err;
};

static bool
fail(struct reader *r, const char *why)
{
	if (!r->err)
		r->err = why;
	return false;
}

static bool
get_u8(struct reader *r, unsigned *x)
{
	if (r->len - r->pos < 1)
		return fail(r, "truncated value");
	*x = r->p[r->pos++];
	return true;
}

static bool
get_u32(struct reader *r, uint32_t *x)
{
	const unsigned char *b = r->p + r->pos;
	if (r->len - r->pos < 4)
		return fail(r, "truncated length");
	*x = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 |
	     b[3];
	r->pos += 4;
	return true;
}

/* n bytes of text at the read position, borrowed from the payload. */
static bool
take_text(struct reader *r, uint32_t n, const char **s)
{
	if (n > r->len - r->pos)
		return fail(r, "string longer than the frame");
	*s = (const char *)r->p + r->pos;
	if (memchr(*s, '\0', n))
		return fail(r, "NUL byte in string");
	r->pos += n;
	return true;
}

/* A length-prefixed string. */
static bool
get_bytes(struct reader *r, const char **s, size_t *n)
{
	uint32_t len;
	if (!get_u32(r, &len) || !take_text(r, len, s))
		return false;
	*n = len;
	return true;
}

/* An element count that the rest of the payload can actually hold. */
static bool
get_count(struct reader *r, uint32_t *n, size_t min_each)
{
	if (!get_u32(r, n))
		return false;
	if (*n > (r->len - r->pos) / min_each)
		return fail(r, "element count larger than the frame");
	return true;
}

static struct rt_value *decode_value(struct reader *r, int depth);

static struct rt_value *
decode_int(struct reader *r)
{
	uint64_t u = 0;
	if (r->len - r->pos < 8) {
		fail(r, "truncated integer");
		return NULL;
	}
	for (int k = 0; k < 8; k++)
		u = u << 8 | r->p[r->pos + k];
	r->pos += 8;
	return rt_int((int64_t)u);
}

static struct rt_value *
decode_double(struct reader *r)
{
	uint64_t u = 0;
	double d;

	if (r->len - r->pos < 8) {
		fail(r, "truncated number");
		return NULL;
	}
	for (int k = 0; k < 8; k++)
		u = u << 8 | r->p[r->pos + k];
	r->pos += 8;
	memcpy(&d, &u, sizeof(d));
	return rt_double(d);
}

static struct rt_value *
decode_text(struct reader *r, bool script)
{
	const char *s;
	size_t n;
	char *tmp;
	struct rt_value *v;

	if (!get_bytes(r, &s, &n))
		return NULL;
	if (!script)
		return rt_string_n(s, n);
	tmp = xstrndup(s, n);
	v = rt_scriptblock(tmp);
	free(tmp);
	return v;
}

static struct rt_value *
decode_array(struct reader *r, int depth)
{
	uint32_t n;
	struct rt_value *a;

	if (!get_count(r, &n, 1))
		return NULL;
	a = rt_array_new();
	for (uint32_t i = 0; i < n; i++) {
		struct rt_value *e = decode_value(r, depth + 1);
		if (!e) {
			rt_value_unref(a);
			return NULL;
		}
		rt_array_push(a, e);
	}
	return a;
}

static bool
decode_property(struct reader *r, struct rt_value *rec, int depth)
{
	const char *s;
	size_t n;
	char *name;
	struct rt_value *v;

	if (!get_bytes(r, &s, &n))
		return false;
	r->prop_work += rec->u.record.n + 1;
	if (r->prop_work > MAX_PROP_WORK)
		return fail(r, "too many record properties");
	v = decode_value(r, depth + 1);
	if (!v)
		return false;
	name = xstrndup(s, n);
	rt_record_set(rec, name, v);
	free(name);
	return true;
}

static struct rt_value *
decode_record(struct reader *r, int depth)
{
	uint32_t tlen, n;
	char *type_name = NULL;
	struct rt_value *rec;

	if (!get_u32(r, &tlen))
		return NULL;
	if (tlen != NO_TYPE_NAME) {
		const char *s;
		if (!take_text(r, tlen, &s))
			return NULL;
		type_name = xstrndup(s, tlen);
	}
	rec = rt_record_new(type_name);
	free(type_name);
	if (!get_count(r, &n, 5) ||
	    (n > WIRE_MAX_PROPS && fail(r, "too many record properties")))
		goto bad;
	for (uint32_t i = 0; i < n; i++)
		if (!decode_property(r, rec, depth))
			goto bad;
	return rec;
bad:
	rt_value_unref(rec);
	return NULL;
}

static struct rt_value *
decode_value(struct reader *r, int depth)
{
	unsigned tag;

	if (depth > WIRE_MAX_DEPTH) {
		fail(r, "values nested too deeply");
		return NULL;
	}
	if (++r->nodes > WIRE_MAX_NODES) {
		fail(r, "too many values");
		return NULL;
	}
	if (!get_u8(r, &tag))
		return NULL;
	switch (tag) {
	case TAG_NULL:
		return rt_null();
	case TAG_FALSE:
	case TAG_TRUE:
		return rt_bool(tag == TAG_TRUE);
	case TAG_INT:
		return decode_int(r);
	case TAG_DOUBLE:
		return decode_double(r);
	case TAG_STRING:
	case TAG_SCRIPTBLOCK:
		return decode_text(r, tag == TAG_SCRIPTBLOCK);
	case TAG_ARRAY:
		return decode_array(r, depth);
	case TAG_RECORD:
		return decode_record(r, depth);
	}
	fail(r, "unknown value tag");
	return NULL;
}

struct rt_value *
wire_decode(const unsigned char *p, size_t len, const char **err)
{
	struct reader r = { p, len, 0, 0, 0, NULL };
	struct rt_value *v = decode_value(&r, 0);

	if (v && r.pos != len) {
		rt_value_unref(v);
		v = NULL;
		fail(&r, "trailing bytes after the value");
	}
	if (err)
		*err = v ? NULL : r.err;
	return v;
}

/* ---------- frames ---------- */

enum wire_status
wire_parse_header(const unsigned char *hdr, enum wire_type *type, size_t *len)
{
	uint32_t n = (uint32_t)hdr[0] << 24 | (uint32_t)hdr[1] << 16 |
		     (uint32_t)hdr[2] << 8 | hdr[3];
	if (n > WIRE_MAX_FRAME)
		return WIRE_S_TOO_BIG;
	if (hdr[4] < WIRE_T_HELLO || hdr[4] >= WIRE_T__END)
		return WIRE_S_BAD;
	*type = (enum wire_type)hdr[4];
	*len = n;
	return WIRE_S_OK;
}


/* Waits until fd is ready for events or the deadline passes. */
static enum wire_status
wait_fd(int fd, short events, long long deadline)
{
	for (;;) {
		struct pollfd pfd = { fd, events, 0 };
		long long left = deadline - clock_now_ms();
		int rc;

		if (left < 0)
			left = 0;
		rc = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left);
		if (rc > 0)
			return WIRE_S_OK; /* errors show in recv/send */
		if (rc == 0)
			return WIRE_S_TIMEOUT;
		if (errno != EINTR)
			return WIRE_S_IO;
	}
}

static enum wire_status
read_full(int fd, unsigned char *buf, size_t n, long long deadline)
{
	size_t got = 0;

	while (got < n) {
		enum wire_status st = wait_fd(fd, POLLIN, deadline);
		ssize_t rc;

		if (st != WIRE_S_OK)
			return st;
		rc = recv(fd, buf + got, n - got, MSG_DONTWAIT);
		if (rc == 0)
			return WIRE_S_EOF;
		if (rc < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return WIRE_S_IO;
		}
		got += (size_t)rc;
	}
	return WIRE_S_OK;
}

static enum wire_status
write_full(int fd, const unsigned char *buf, size_t n, long long deadline)
{
	size_t done = 0;

	while (done < n) {
		enum wire_status st = wait_fd(fd, POLLOUT, deadline);
		ssize_t rc;

		if (st != WIRE_S_OK)
			return st;
		rc = send(fd, buf + done, n - done,
			  MSG_DONTWAIT | MSG_NOSIGNAL);
		if (rc < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return WIRE_S_IO;
		}
		done += (size_t)rc;
	}
	return WIRE_S_OK;
}

enum wire_status
wire_send(int fd, enum wire_type type, const struct rt_value *v, int timeout_ms)
{
	struct strbuf sb = STRBUF_INIT;
	enum wire_status st = WIRE_S_TOO_BIG;
	size_t n;

	strbuf_init(&sb);
	strbuf_addchars(&sb, 0, WIRE_HEADER_SIZE);
	if ((!v || wire_encode(&sb, v)) &&
	    sb.len - WIRE_HEADER_SIZE <= WIRE_MAX_FRAME) {
		unsigned char *h = (unsigned char *)sb.buf;
		n = sb.len - WIRE_HEADER_SIZE;
		h[0] = n >> 24;
		h[1] = n >> 16;
		h[2] = n >> 8;
		h[3] = n;
		h[4] = (unsigned char)type;
		st = write_full(fd, h, sb.len, clock_now_ms() + timeout_ms);
	}
	strbuf_release(&sb);
	return st;
}

enum wire_status
wire_recv(int fd, struct wire_frame *f, int timeout_ms)
{
	long long deadline = clock_now_ms() + timeout_ms;
	unsigned char hdr[WIRE_HEADER_SIZE];
	enum wire_status st;

	memset(f, 0, sizeof(*f));
	st = read_full(fd, hdr, sizeof(hdr), deadline);
	if (st == WIRE_S_OK)
		st = wire_parse_header(hdr, &f->type, &f->len);
	if (st != WIRE_S_OK || f->len == 0)
		return st;
	f->data = xmalloc(f->len);
	st = read_full(fd, f->data, f->len, deadline);
	if (st == WIRE_S_EOF) { /* cut off mid-frame */
		st = WIRE_S_IO;
		errno = EPROTO;
	}
	if (st != WIRE_S_OK)
		wire_frame_release(f);
	return st;
}

void
wire_frame_release(struct wire_frame *f)
{
	free(f->data);
	f->data = NULL;
	f->len = 0;
}

struct rt_value *
wire_frame_value(const struct wire_frame *f, const char **err)
{
	if (!f->len) {
		if (err)
			*err = NULL;
		return NULL;
	}
	return wire_decode(f->data, f->len, err);
}

int
wire_peer_uid(int fd, unsigned long *uid)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
		return -1;
	*uid = cred.uid;
	return 0;
}

const char *
wire_status_text(enum wire_status st, int saved_errno)
{
	switch (st) {
	case WIRE_S_OK:
		return _("no error");
	case WIRE_S_EOF:
		return _("the connection was closed");
	case WIRE_S_TIMEOUT:
		return _("no answer in time");
	case WIRE_S_TOO_BIG:
		return _("the message is too large");
	case WIRE_S_BAD:
		return _("the message has an unknown type");
	case WIRE_S_IO:
		break;
	}
	return strerror(saved_errno);
}

/* ---------- the INVOKE request ---------- */

/* v as an array of its items (a new reference; NULL: no items). */
static struct rt_value *
items_of(struct rt_value *v)
{
	struct rt_value *a;

	if (v && v->kind == RT_VAL_ARRAY)
		return rt_value_ref(v);
	a = rt_array_new();
	if (v)
		rt_array_push(a, rt_value_ref(v));
	return a;
}

struct rt_value *
wire_invoke_request(const struct wire_invoke *inv)
{
	struct rt_value *req = rt_record_new(NULL);

	rt_record_set(req, "Script", rt_string(inv->script));
	rt_record_set(req, "Buffer", rt_bool(inv->buffer));
	if (inv->with_values) {
		rt_record_set(req, "Arguments", items_of(inv->args));
		rt_record_set(req, "Input", items_of(inv->input));
	}
	return req;
}

static bool
is_array(const struct rt_value *v)
{
	return v && v->kind == RT_VAL_ARRAY;
}

bool
wire_invoke_read(const struct rt_value *req, struct wire_invoke *inv)
{
	const struct rt_value *script = rt_record_get(req, "Script");
	const struct rt_value *buffer = rt_record_get(req, "Buffer");

	memset(inv, 0, sizeof(*inv));
	if (!script || script->kind != RT_VAL_STRING)
		return false;
	inv->script = script->u.s;
	inv->buffer = buffer && buffer->kind == RT_VAL_BOOL && buffer->u.b;
	inv->args = rt_record_get(req, "Arguments");
	inv->input = rt_record_get(req, "Input");
	inv->with_values = inv->args || inv->input;
	return !inv->with_values || (is_array(inv->args) && is_array(inv->input));
}
