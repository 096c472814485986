/* SPDX-License-Identifier: MIT */
/*
 * The values of the session protocol (wire.h) and the client's handling
 * of malformed answers.  This program is also its own fake endpoint
 * (argv[1] == "--endpoint-serve"): it greets, attaches, and answers
 * every INVOKE and RECEIVE with a RESULT that has no Output, so that a
 * leak of the answer's frame shows under LeakSanitizer.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "endpoint.h"
#include "rt_value.h"
#include "session.h"
#include "session_props.h"
#include "strbuf.h"
#include "tap.h"
#include "wire.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/psh-wire-test-XXXXXX";

/* ---------- values ---------- */

static struct rt_value *
round_trip(const struct rt_value *v, struct strbuf *enc)
{
	const char *why = NULL;

	strbuf_reset(enc);
	if (!wire_encode(enc, v))
		return NULL;
	return wire_decode((const unsigned char *)enc->buf, enc->len, &why);
}

TEST(doubles)
{
	static const double ds[] = { 1.5, -0.0, 1e300, 5e-324, INFINITY };
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) {
		struct rt_value *v = rt_double(ds[i]);
		struct rt_value *back = round_trip(v, &sb);
		check(back && back->kind == RT_VAL_DOUBLE);
		if (back)
			check(memcmp(&back->u.d, &ds[i], sizeof(double)) == 0);
		check_int(sb.len, ==, 9);
		rt_value_unref(v);
		rt_value_unref(back);
	}
	/* Every NaN has one encoding. */
	{
		struct rt_value *a = rt_double(NAN), *b = rt_double(-NAN);
		struct strbuf sa = STRBUF_INIT;
		strbuf_init(&sa);
		check(wire_encode(&sa, a));
		strbuf_reset(&sb);
		check(wire_encode(&sb, b));
		check(sa.len == sb.len && memcmp(sa.buf, sb.buf, sa.len) == 0);
		rt_value_unref(a);
		rt_value_unref(b);
		strbuf_release(&sa);
	}
	strbuf_release(&sb);
}

TEST(strings_are_bytes)
{
	/* Quotes, $(), ; and newlines are just bytes on the wire. */
	static const char s[] =
		"x\xe2\x80\x98; Write-Output INJECTED; '\"$(1)\n";
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *v = rt_string(s), *back;

	strbuf_init(&sb);
	back = round_trip(v, &sb);
	check(back && back->kind == RT_VAL_STRING);
	if (back)
		check_str(back->u.s, s);
	rt_value_unref(v);
	rt_value_unref(back);
	/* A NUL inside a string is refused, not cut. */
	{
		static const unsigned char nul[] = {
			4, 0, 0, 0, 3, 'a', 0, 'b'
		};
		const char *why = NULL;
		check(wire_decode(nul, sizeof(nul), &why) == NULL);
		check(why && strstr(why, "NUL"));
	}
	strbuf_release(&sb);
}

static struct rt_value *
fake_prop(const struct rt_session *s, const char *name)
{
	(void)s;
	if (strcmp(name, "Id") == 0)
		return rt_int(7);
	if (strcmp(name, "Name") == 0)
		return rt_string("Other");
	if (strcmp(name, "State") == 0)
		return rt_string("Opened");
	return NULL;
}

TEST(sessions_cross_as_records)
{
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *v, *back, *p;

	rt_session_props_register(fake_prop);
	v = rt_session_value((struct rt_session *)&sb); /* never read */
	strbuf_init(&sb);
	back = round_trip(v, &sb);
	check(back && back->kind == RT_VAL_RECORD);
	if (back) {
		check_str(back->u.record.type_name,
			  "Deserialized.System.Management.Automation."
			  "Runspaces.PSSession");
		p = rt_record_get(back, "Id");
		check(p && p->kind == RT_VAL_INT && p->u.i == 7);
		p = rt_record_get(back, "name");
		check(p && p->kind == RT_VAL_STRING &&
		      strcmp(p->u.s, "Other") == 0);
		p = rt_record_get(back, "State");
		check(p && p->kind == RT_VAL_STRING &&
		      strcmp(p->u.s, "Opened") == 0);
	}
	rt_value_unref(v);
	rt_value_unref(back);
	rt_session_props_register(NULL);
	strbuf_release(&sb);
}

TEST(version_is_2)
{
	/* INVOKE with Arguments/Input needs an endpoint that binds them. */
	check_int(WIRE_VERSION, ==, 2);
}

/* ---------- malformed answers ---------- */

static struct session_manager *
manager(void)
{
	static const char *const args[] = { "--endpoint-serve", NULL };
	struct session_config c = { 0 };
	char rundir[512];

	snprintf(rundir, sizeof(rundir), "%s/run", tmpdir);
	c.program = "/proc/self/exe";
	c.program_args = args;
	c.runtime_dir = rundir;
	c.computers_file = "";
	c.timeout_ms = 3000;
	c.invoke_timeout_ms = 3000;
	return session_manager_new(&c);
}

TEST(malformed_result_breaks_without_leak)
{
	struct session_manager *m = manager();
	struct session_result r;
	char *err = NULL;
	struct rt_session *s = session_open(m, "localhost", NULL, 0, &err);

	check(s != NULL);
	if (!s) {
		printf("# %s\n", err);
		free(err);
		session_manager_free(m);
		return;
	}
	check_int(session_invoke(s, "x", &r, &err), ==, -1);
	check(err && strstr(err, "malformed answer"));
	free(err);
	err = NULL;
	check(session_state(s) == SESSION_BROKEN);
	session_result_release(&r);

	s = session_open(m, "localhost", NULL, 0, &err);
	check(s != NULL);
	if (s) {
		check_int(session_receive(s, &r, &err), ==, -1);
		check(err && strstr(err, "malformed answer"));
		check(session_state(s) == SESSION_BROKEN);
		session_result_release(&r);
	}
	free(err);
	session_manager_free(m);
}

/* The fake endpoint: one client, bad RESULTs. */
static int
fake_endpoint(int argc, char **argv)
{
	struct endpoint_options o;
	struct rt_value *hello, *bad;
	struct wire_frame f;
	char *err = NULL;
	int fd;

	if (endpoint_parse_args(argc - 2, argv + 2, &o, &err) != 0)
		return 2;
	fd = accept(o.listen_fd, NULL, NULL);
	if (fd < 0)
		return 2;
	hello = rt_record_new(NULL);
	rt_record_set(hello, "Version", rt_int(WIRE_VERSION));
	rt_record_set(hello, "InstanceId", rt_string(o.instance_id));
	bad = rt_record_new(NULL);
	rt_record_set(bad, "Error", rt_string("no output here"));
	wire_send(fd, WIRE_T_HELLO, hello, 2000);
	while (wire_recv(fd, &f, 5000) == WIRE_S_OK) {
		enum wire_type t = f.type;
		wire_frame_release(&f);
		if (t == WIRE_T_INVOKE || t == WIRE_T_RECEIVE)
			wire_send(fd, WIRE_T_RESULT, bad, 2000);
		else
			wire_send(fd, WIRE_T_OK, NULL, 2000);
		if (t == WIRE_T_CLOSE)
			break;
	}
	rt_value_unref(hello);
	rt_value_unref(bad);
	close(fd);
	unlink(o.socket_path);
	return 0;
}

int
main(int argc, char **argv)
{
	char rundir[512];

	if (argc > 1 && strcmp(argv[1], "--endpoint-serve") == 0)
		return fake_endpoint(argc, argv);
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	snprintf(rundir, sizeof(rundir), "%s/run", tmpdir);
	mkdir(rundir, 0700);
	RUN(doubles);
	RUN(strings_are_bytes);
	RUN(sessions_cross_as_records);
	RUN(version_is_2);
	RUN(malformed_result_breaks_without_leak);
	rmdir(rundir);
	rmdir(tmpdir);
	return tap_done();
}
