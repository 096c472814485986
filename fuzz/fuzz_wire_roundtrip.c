/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: values survive the wire (wire.h) as data.  The input
 * is a recipe for a value (null, booleans, ints, doubles, strings of any
 * bytes but NUL, script blocks, arrays, records, sessions), built into
 * an INVOKE request as Invoke-Command sends it (wire_invoke_request),
 * encoded, decoded and read back (wire_invoke_read): its arguments must
 * come back as they went and encode to the same bytes.  (fuzz_wire takes
 * the input as a payload and checks that decoding and encoding agree.)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rt_value.h"
#include "session_props.h"
#include "strbuf.h"
#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_BUILD_DEPTH 8

static void
check(int ok)
{
	if (!ok)
		abort();
}

struct recipe {
	const uint8_t *p;
	size_t n;
};

static unsigned
byte(struct recipe *r)
{
	if (!r->n)
		return 0;
	r->n--;
	return *r->p++;
}

/* Up to 31 bytes of the recipe, NULs made into 0x01. */
static char *
text(struct recipe *r)
{
	size_t n = byte(r) % 32;
	char *s = malloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		unsigned c = byte(r);
		s[i] = (char)(c ? c : 1);
	}
	s[n] = '\0';
	return s;
}

static struct rt_value *
fake_prop(const struct rt_session *s, const char *name)
{
	(void)s;
	if (strcmp(name, "Id") == 0)
		return rt_int(3);
	if (strcmp(name, "Name") == 0)
		return rt_string("Runspace3");
	if (strcmp(name, "State") == 0)
		return rt_string("Opened");
	return NULL;
}

static struct rt_value *
build(struct recipe *r, int depth)
{
	unsigned k = byte(r) % (depth < MAX_BUILD_DEPTH ? 10 : 7);
	struct rt_value *v;
	char *s;
	uint64_t u = 0;
	double d;

	switch (k) {
	case 0:
		return rt_null();
	case 1:
		return rt_bool(byte(r) & 1);
	case 2:
	case 3:
		for (int i = 0; i < 8; i++)
			u = u << 8 | byte(r);
		if (k == 2)
			return rt_int((int64_t)u);
		memcpy(&d, &u, sizeof(d));
		return rt_double(d);
	case 4:
	case 5:
		s = text(r);
		v = k == 4 ? rt_string(s) : rt_scriptblock(s);
		free(s);
		return v;
	case 6:
		return rt_session_value((struct rt_session *)r);
	case 7:
		v = rt_array_new();
		for (unsigned n = byte(r) % 5; n; n--)
			rt_array_push(v, build(r, depth + 1));
		return v;
	default:
		s = byte(r) & 1 ? text(r) : NULL;
		v = rt_record_new(s);
		free(s);
		for (unsigned n = byte(r) % 5; n; n--) {
			s = text(r);
			rt_record_set(v, s, build(r, depth + 1));
			free(s);
		}
		return v;
	}
}

static void
round_trip_recipe(const uint8_t *data, size_t size)
{
	struct recipe r = { data, size };
	struct rt_value *args = build(&r, 1);
	struct wire_invoke sent = { .script = "\"[$args]\"",
				    .with_values = true,
				    .args = args },
			   got;
	struct rt_value *req = wire_invoke_request(&sent), *back;
	struct strbuf one = STRBUF_INIT, two = STRBUF_INIT;
	const char *why;

	strbuf_init(&one);
	strbuf_init(&two);
	check(wire_encode(&one, req));
	back = wire_decode((const unsigned char *)one.buf, one.len, &why);
	check(back != NULL && wire_invoke_read(back, &got));
	check(got.with_values && strcmp(got.script, sent.script) == 0);
	/* What came back is what went: the same encoding. */
	strbuf_reset(&one);
	check(wire_encode(&one, rt_record_get(req, "Arguments")));
	check(wire_encode(&two, got.args));
	check(one.len == two.len && memcmp(one.buf, two.buf, one.len) == 0);
	rt_value_unref(args);
	rt_value_unref(req);
	rt_value_unref(back);
	strbuf_release(&one);
	strbuf_release(&two);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rt_session_props_register(fake_prop);
	round_trip_recipe(data, size);
	return 0;
}
