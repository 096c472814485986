/* SPDX-License-Identifier: MIT */
/*
 * Sessions with real endpoint processes: the endpoint_stub program
 * ($PSH_ENDPOINT_STUB) runs endpoint_main with a fake executor.  Every
 * test uses its own runtime directory under a fresh temporary one, and
 * every wait is bounded.  "Another process" is a forked child with a
 * fresh session manager; it reports through its exit status.
 *
 * Another uid: when the test runs as root, a forked child switches to
 * uid/gid 65534 (nobody) with setgid()+setuid() and then listens on, or
 * connects to, a socket; without root (or if setuid fails) those two
 * tests say so in a TAP comment and check nothing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "clock.h"
#include "endpoint.h"
#include "rt_runtime_dir.h"
#include "rt_value.h"
#include "rt_stream.h"
#include "session.h"
#include "session_props.h"
#include "strbuf.h"
#include "tap.h"
#include "wire.h"
#include "xalloc.h"

#define OTHER_UID 65534
#define WAIT_MS 5000

static const char *stub;
static char tmpdir[] = "/tmp/psh-session-test-XXXXXX";
static char rundir[PATH_MAX];
static char computers[PATH_MAX];

/* ---------- helpers ---------- */


static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static struct session_manager *
manager_with(const char *program, const char *const *args, int timeout_ms)
{
	struct session_config c = { 0 };
	c.program = program;
	c.program_args = args;
	c.runtime_dir = rundir;
	c.computers_file = computers;
	c.timeout_ms = timeout_ms;
	c.invoke_timeout_ms = 10000;
	return session_manager_new(&c);
}

static struct session_manager *
manager(void)
{
	static const char *const args[] = { "--endpoint-serve", NULL };
	struct session_manager *m = manager_with(stub, args, 3000);
	char *err = NULL;

	if (session_register_computer(m, "Server01", &err) != 0)
		free(err);
	return m;
}

static bool
exists(const char *path)
{
	struct stat st;
	return path && lstat(path, &st) == 0;
}

/* The state letter of a process in /proc, or 0 if there is none. */
static char
proc_state(long pid, long *ppid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the command name may hold anything */
	if (!p || p[1] != ' ')
		return 0;
	if (ppid)
		*ppid = strtol(p + 4, NULL, 10);
	return p[2];
}

/* Gone, or a zombie of some other parent (we never reap endpoints). */
static bool
pid_dead(long pid)
{
	char st = proc_state(pid, NULL);
	return st == 0 || st == 'Z' || st == 'X';
}

static bool
wait_dead(long pid, const char *socket_path)
{
	long long end = clock_now_ms() + WAIT_MS;
	while (clock_now_ms() < end) {
		if (pid_dead(pid) && !exists(socket_path))
			return true;
		sleep_ms(20);
	}
	return false;
}

/* The endpoint's INFO record of a session (new reference) or NULL. */
static struct rt_value *
info_of(const char *socket_path)
{
	char *err = NULL;
	struct rt_value *v = session_probe(socket_path, 2000, NULL, &err);
	free(err);
	return v;
}

static long
endpoint_pid(const struct rt_session *s)
{
	struct rt_value *info = info_of(session_socket_path(s));
	struct rt_value *p = rt_record_get(info, "ProcessId");
	long pid = p && p->kind == RT_VAL_INT ? (long)p->u.i : -1;
	rt_value_unref(info);
	return pid;
}

/* Runs fn in a forked child (bounded by an alarm); its exit status. */
static int
in_child(int (*fn)(void *), void *arg)
{
	long long end = clock_now_ms() + 20000;
	pid_t pid;
	int status = 0;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		alarm(20);
		_exit(fn(arg));
	}
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (clock_now_ms() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		sleep_ms(10);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static size_t
count_sockets(void)
{
	DIR *d = opendir(rundir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)))
		if (strstr(e->d_name, ".sock"))
			n++;
	if (d)
		closedir(d);
	return n;
}

/* Our children that are zombies (nobody reaped them). */
static int
zombie_children(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d))) {
		long pid = strtol(e->d_name, NULL, 10), ppid = 0;
		if (pid > 0 && proc_state(pid, &ppid) == 'Z' &&
		    ppid == (long)getpid())
			n++;
	}
	if (d)
		closedir(d);
	return n;
}

static bool
contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle);
}

/* The string at index i of a result's output, or NULL. */
static const char *
out_str(const struct session_result *r, size_t i)
{
	const struct rt_value *a = r->output;
	if (!a || a->kind != RT_VAL_ARRAY || i >= a->u.array.n ||
	    a->u.array.v[i]->kind != RT_VAL_STRING)
		return NULL;
	return a->u.array.v[i]->u.s;
}

static size_t
out_len(const struct session_result *r)
{
	return r->output ? r->output->u.array.n : 0;
}

static char *
hostname(void)
{
	char h[256];
	if (gethostname(h, sizeof(h)) != 0)
		return xstrdup("");
	h[255] = '\0';
	return xstrdup(h);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* ---------- runtime directory ---------- */

TEST(runtime_dir_created_0700)
{
	char *path = xasprintf("%s/fresh", tmpdir), *err = NULL;
	struct stat st;
	mode_t old = umask(0077 ^ 0777); /* a hostile umask */

	check_int(rt_runtime_dir_prepare(path, &err), ==, 0);
	umask(old);
	check(lstat(path, &st) == 0 && S_ISDIR(st.st_mode));
	check_int(st.st_mode & 07777, ==, 0700);
	check_int(rt_runtime_dir_prepare(path, &err), ==, 0); /* exists */
	free(path);
}

TEST(runtime_dir_refused)
{
	char *bad = xasprintf("%s/badmode", tmpdir);
	char *link = xasprintf("%s/link", tmpdir);
	char *file = xasprintf("%s/file", tmpdir);
	char *err = NULL;

	mkdir(bad, 0755);
	chmod(bad, 0755);
	check_int(rt_runtime_dir_prepare(bad, &err), ==, -1);
	check(contains(err, "mode is 0755, not 0700"));
	free(err);
	err = NULL;
	check(symlink(rundir, link) == 0);
	check_int(rt_runtime_dir_prepare(link, &err), ==, -1);
	check(contains(err, "not a directory"));
	free(err);
	err = NULL;
	write_file(file, "x");
	check_int(rt_runtime_dir_check(file, &err), ==, -1);
	check(contains(err, "not a directory"));
	free(err);
	free(bad);
	free(link);
	free(file);
}

TEST(runtime_dir_other_owner)
{
	char *path = xasprintf("%s/theirs", tmpdir), *err = NULL;

	if (geteuid() != 0) {
		printf("# not root: no directory of another uid to test\n");
		free(path);
		return;
	}
	mkdir(path, 0700);
	check(chown(path, OTHER_UID, OTHER_UID) == 0);
	check_int(rt_runtime_dir_prepare(path, &err), ==, -1);
	check(contains(err, "belongs to uid 65534"));
	free(err);
	free(path);
}

TEST(runtime_dir_default)
{
	char *old = getenv("XDG_RUNTIME_DIR")
			    ? xstrdup(getenv("XDG_RUNTIME_DIR"))
			    : NULL;
	char *fallback = xasprintf("/tmp/psh-%lu", (unsigned long)geteuid());
	char *want = xasprintf("%s/psh", tmpdir);
	char *got;

	setenv("XDG_RUNTIME_DIR", tmpdir, 1);
	got = rt_runtime_dir_default();
	check_str(got, want);
	free(got);
	setenv("XDG_RUNTIME_DIR", "relative/dir", 1);
	got = rt_runtime_dir_default();
	check_str(got, fallback);
	free(got);
	unsetenv("XDG_RUNTIME_DIR");
	got = rt_runtime_dir_default();
	check_str(got, fallback);
	free(got);
	if (old)
		setenv("XDG_RUNTIME_DIR", old, 1);
	free(old);
	free(fallback);
	free(want);
}

TEST(bad_runtime_dir_stops_open)
{
	static const char *const args[] = { "--endpoint-serve", NULL };
	char *bad = xasprintf("%s/badmode", tmpdir), *err = NULL;
	struct session_config c = { 0 };
	struct session_manager *m;

	c.program = stub;
	c.program_args = args;
	c.runtime_dir = bad;
	c.computers_file = "";
	m = session_manager_new(&c);
	check(session_open(m, "localhost", NULL, 0, &err) == NULL);
	check(contains(err, "refusing runtime directory"));
	free(err);
	session_manager_free(m);
	free(bad);
}

/* ---------- computer names ---------- */

#define UNKNOWN_SERVER09                                                       \
	"Connecting to remote server Server09 failed with the following "      \
	"error message : The WinRM client cannot process the request "         \
	"because the server name cannot be resolved. For more "                \
	"information, see the about_Remote_Troubleshooting Help topic."

TEST(computer_names)
{
	struct session_manager *m = manager();
	char *err = NULL, *host = hostname();
	char longline[700];

	memset(longline, 'a', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	write_file(computers, "# lab machines\nServer02\n  web.example.com"
			      "   # trailing comment\nbad name here\n-dash\n");
	{
		FILE *f = fopen(computers, "a");
		fprintf(f, "%s\nafter-long\nno-newline", longline);
		fclose(f);
	}
	check(session_computer_known(m, "localhost", &err));
	check(session_computer_known(m, "LocalHost", &err));
	check(session_computer_known(m, ".", &err));
	check(session_computer_known(m, host, &err));
	check(session_computer_known(m, "server01", &err)); /* registered */
	check(session_computer_known(m, "SERVER02", &err));
	check(session_computer_known(m, "web.example.com", &err));
	check(session_computer_known(m, "after-long", &err));
	check(session_computer_known(m, "no-newline", &err));
	check(!session_computer_known(m, "bad", &err));
	free(err);
	check(!session_computer_known(m, "-dash", &err));
	free(err);
	check(!session_computer_known(m, longline, &err));
	free(err);
	check(!session_computer_known(m, "Server09", &err));
	check_str(err, UNKNOWN_SERVER09);
	free(err);
	err = NULL;
	check(session_open(m, "Server09", NULL, 0, &err) == NULL);
	check_str(err, UNKNOWN_SERVER09);
	free(err);
	check_int(session_register_computer(m, "bad name", &err), ==, -1);
	check(contains(err, "not a valid computer name"));
	free(err);
	session_manager_free(m);
	write_file(computers, "");
	free(host);
}

/* ---------- wire ---------- */

static struct rt_value *
sample_value(void)
{
	struct rt_value *a = rt_array_new(), *r = rt_record_new("T.Type");
	struct rt_value *inner = rt_array_new();

	rt_array_push(a, rt_null());
	rt_array_push(a, rt_bool(true));
	rt_array_push(a, rt_bool(false));
	rt_array_push(a, rt_int(-5));
	rt_array_push(a, rt_int(INT64_MAX));
	rt_array_push(a, rt_string("h\xc3\xa9llo"));
	rt_array_push(a, rt_scriptblock("Get-PSSession"));
	rt_array_push(inner, rt_int(1));
	rt_array_push(inner, rt_int(2));
	rt_record_set(r, "A", rt_int(1));
	rt_record_set(r, "B", inner);
	rt_array_push(a, r);
	rt_array_push(a, rt_record_new(NULL));
	return a;
}

static struct rt_value *
round_trip(const struct rt_value *v, const char **why)
{
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *back = NULL;

	strbuf_init(&sb);
	if (wire_encode(&sb, v))
		back = wire_decode((const unsigned char *)sb.buf, sb.len, why);
	strbuf_release(&sb);
	return back;
}

TEST(wire_round_trip)
{
	struct rt_value *v = sample_value(), *back;
	const char *why = "x";
	char *a, *b;

	back = round_trip(v, &why);
	check(back != NULL);
	check(why == NULL);
	a = rt_value_to_string(v);
	b = rt_value_to_string(back);
	check_str(b, a);
	check_int(back->u.array.n, ==, 9);
	check_int(back->u.array.v[4]->u.i, ==, INT64_MAX);
	check_int(back->u.array.v[6]->kind, ==, RT_VAL_SCRIPTBLOCK);
	check_str(back->u.array.v[7]->u.record.type_name, "T.Type");
	check(back->u.array.v[8]->u.record.type_name == NULL);
	free(a);
	free(b);
	rt_value_unref(v);
	rt_value_unref(back);
}

static struct rt_value *
decode(const void *p, size_t n, const char **why)
{
	return wire_decode(p, n, why);
}

TEST(wire_hostile_values)
{
	static const unsigned char trunc_int[] = { 3, 0, 0 };
	static const unsigned char huge_str[] = {
		4, 0xff, 0xff, 0xff, 0xff, 'a'
	};
	static const unsigned char huge_arr[] = {
		6, 0xff, 0xff, 0xff, 0xff, 0
	};
	static const unsigned char nul_str[] = { 4, 0, 0, 0, 2, 'a', 0 };
	static const unsigned char trailing[] = { 0, 0 };
	static const unsigned char bad_tag[] = { 9 };
	static const unsigned char many_props[] = { 7, 0xff, 0xff, 0xff, 0xff,
						    0, 0,    0x10, 0 };
	const char *why = NULL;

	check(decode(NULL, 0, &why) == NULL && why);
	check(decode(trunc_int, sizeof(trunc_int), &why) == NULL);
	check(contains(why, "truncated"));
	check(decode(huge_str, sizeof(huge_str), &why) == NULL);
	check(contains(why, "longer than the frame"));
	check(decode(huge_arr, sizeof(huge_arr), &why) == NULL);
	check(contains(why, "count larger"));
	check(decode(nul_str, sizeof(nul_str), &why) == NULL);
	check(contains(why, "NUL"));
	check(decode(trailing, sizeof(trailing), &why) == NULL);
	check(contains(why, "trailing"));
	check(decode(bad_tag, 1, &why) == NULL);
	check(contains(why, "unknown value tag"));
	check(decode(many_props, sizeof(many_props), &why) == NULL);
}

/* n arrays of one element inside each other around a null. */
static unsigned char *
nested(int n, size_t *len)
{
	unsigned char *p = xmalloc((size_t)n * 5 + 1);
	for (int i = 0; i < n; i++)
		memcpy(p + i * 5, "\x06\x00\x00\x00\x01", 5);
	p[n * 5] = 0;
	*len = (size_t)n * 5 + 1;
	return p;
}

TEST(wire_nesting_and_size_limits)
{
	const char *why = NULL;
	size_t len;
	unsigned char *p = nested(WIRE_MAX_DEPTH, &len);
	struct rt_value *v = decode(p, len, &why);

	check(v != NULL);
	rt_value_unref(v);
	free(p);
	p = nested(100000, &len);
	check(decode(p, len, &why) == NULL);
	check(contains(why, "nested too deeply"));
	free(p);

	/* More values than allowed: an array of 300000 nulls. */
	len = 5 + 300000;
	p = xcalloc(len, 1);
	memcpy(p, "\x06\x00\x04\x93\xe0", 5);
	check(decode(p, len, &why) == NULL);
	check(contains(why, "too many values"));
	free(p);

	/* An encoder refuses what the decoder would refuse. */
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *deep = rt_null();
	strbuf_init(&sb);
	for (int i = 0; i < WIRE_MAX_DEPTH + 5; i++) {
		struct rt_value *a = rt_array_new();
		rt_array_push(a, deep);
		deep = a;
	}
	check(!wire_encode(&sb, deep));
	rt_value_unref(deep);

	/* Nor does it send a record the decoder would not take. */
	struct rt_value *wide = rt_record_new(NULL);
	for (int i = 0; i <= WIRE_MAX_PROPS; i++) {
		char name[16];
		snprintf(name, sizeof(name), "p%d", i);
		rt_record_set(wide, name, rt_null());
	}
	strbuf_reset(&sb);
	check(!wire_encode(&sb, wide));
	rt_value_unref(wide);
	strbuf_release(&sb);
}

/* Records of 1000 distinct properties, many of them: must stay fast. */
TEST(wire_record_work_bounded)
{
	struct strbuf sb = STRBUF_INIT;
	const char *why = NULL;
	long long t0;
	int records = 600;

	strbuf_init(&sb);
	strbuf_add(&sb, "\x06\x00\x00\x02\x58", 5); /* array of 600 */
	for (int r = 0; r < records; r++) {
		strbuf_add(&sb, "\x07\xff\xff\xff\xff\x00\x00\x03\xe8", 9);
		for (int i = 0; i < 1000; i++) {
			char name[8];
			int n = snprintf(name, sizeof(name), "p%d", i);
			unsigned char l[4] = { 0, 0, 0, (unsigned char)n };
			strbuf_add(&sb, l, 4);
			strbuf_add(&sb, name, (size_t)n);
			strbuf_addch(&sb, 0);
		}
	}
	t0 = clock_now_ms();
	check(decode(sb.buf, sb.len, &why) == NULL);
	check(contains(why, "too many record properties"));
	check_int(clock_now_ms() - t0, <, 2000);
	strbuf_release(&sb);
}

TEST(wire_frames)
{
	int sv[2];
	struct wire_frame f;
	enum wire_type type;
	size_t len;
	static const unsigned char huge[] = { 0xff, 0xff, 0xff, 0xff, 1 };
	static const unsigned char badtype[] = { 0, 0, 0, 0, 200 };
	static const unsigned char cut[] = { 0, 0, 0, 10, 1, 0, 0 };

	check_int(wire_parse_header(huge, &type, &len), ==, WIRE_S_TOO_BIG);
	check_int(wire_parse_header(badtype, &type, &len), ==, WIRE_S_BAD);
	check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	check_int(wire_recv(sv[0], &f, 50), ==, WIRE_S_TIMEOUT);
	check(write(sv[1], huge, sizeof(huge)) == sizeof(huge));
	check_int(wire_recv(sv[0], &f, 500), ==, WIRE_S_TOO_BIG);
	check_int(wire_send(sv[1], WIRE_T_OK, NULL, 500), ==, WIRE_S_OK);
	check_int(wire_recv(sv[0], &f, 500), ==, WIRE_S_OK);
	check_int(f.type, ==, WIRE_T_OK);
	check_int(f.len, ==, 0);
	check(write(sv[1], cut, sizeof(cut)) == sizeof(cut));
	close(sv[1]);
	check_int(wire_recv(sv[0], &f, 500), ==, WIRE_S_IO);
	check_int(wire_recv(sv[0], &f, 500), ==, WIRE_S_EOF);
	close(sv[0]);

	/* Sending to a closed peer fails without SIGPIPE killing us. */
	check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	close(sv[0]);
	check_int(wire_send(sv[1], WIRE_T_OK, NULL, 500), ==, WIRE_S_IO);
	close(sv[1]);
}

/* ---------- sessions ---------- */

TEST(open_invoke_remove)
{
	struct session_manager *m = manager();
	struct session_result r;
	char *err = NULL, *host = hostname();
	struct rt_session *s = session_open(m, "localhost", NULL, 0, &err);
	struct rt_value *info, *sv;
	long pid, ppid = 0;
	char *text;
	struct stat st;

	check(s != NULL);
	if (!s) {
		printf("# %s\n", err);
		free(err);
		session_manager_free(m);
		return;
	}
	check_int(session_id(s), ==, 1);
	check_str(session_name(s), "Runspace1");
	check_str(session_computer(s), "localhost");
	check_str(session_configuration(s), "Microsoft.PowerShell");
	check_int(session_state(s), ==, SESSION_OPENED);
	check_int(session_availability(s), ==, SESSION_AVAIL_AVAILABLE);
	check_int(strlen(session_instance_id(s)), ==, 36);
	check_int(session_instance_id(s)[14], ==, '4');
	check(lstat(session_socket_path(s), &st) == 0 && S_ISSOCK(st.st_mode));

	check_int(session_invoke(s, "echo hello", &r, &err), ==, 0);
	check_int(out_len(&r), ==, 1);
	check_str(out_str(&r, 0), "hello");
	check(r.error == NULL);
	session_result_release(&r);
	check_int(session_invoke(s, "computername", &r, &err), ==, 0);
	check_str(out_str(&r, 0), host);
	session_result_release(&r);
	check_int(session_invoke(s, "fail boom", &r, &err), ==, 0);
	check_str(r.error, "boom");
	check_int(out_len(&r), ==, 0);
	session_result_release(&r);
	check_int(session_invoke(s, "fail \x1b[2Jline1\nline2", &r, &err), ==,
		  0);
	check_str(r.error, "\xe2\x90\x9b[2Jline1\nline2");
	session_result_release(&r);
	check_int(session_invoke(s, "record", &r, &err), ==, 0);
	text = rt_value_to_string(r.output);
	check_str(text, "@{A=1; B=x}");
	free(text);
	session_result_release(&r);
	check_int(session_invoke(s, "count 5000", &r, &err), ==, 0);
	check_int(out_len(&r), ==, 5000);
	session_result_release(&r);
	/* Too large for a frame: an error, and the session still works. */
	check_int(session_invoke(s, "big", &r, &err), ==, -1);
	check(contains(err, "too large"));
	free(err);
	err = NULL;
	check_int(session_state(s), ==, SESSION_OPENED);

	info = info_of(session_socket_path(s));
	check(info != NULL);
	check(rt_record_get(info, "ClientAttached") &&
	      rt_record_get(info, "ClientAttached")->u.b);
	check_int(rt_record_get(info, "OwnerUid")->u.i, ==, geteuid());
	check_str(rt_record_get(info, "State")->u.s, "Opened");
	rt_value_unref(info);
	pid = endpoint_pid(s);
	check(pid > 0);
	/* Detached: the endpoint is not our child. */
	check(proc_state(pid, &ppid) != 0 && ppid != (long)getpid());

	session_props_install();
	sv = rt_session_value(s);
	text = rt_value_to_string(sv);
	check_str(text, "[PSSession]Runspace1");
	free(text);
	rt_value_unref(sv);
	sv = rt_session_prop(s, "id");
	check(sv && sv->kind == RT_VAL_INT && sv->u.i == 1);
	rt_value_unref(sv);
	sv = rt_session_prop(s, "Transport");
	check_str(sv ? sv->u.s : NULL, "Process");
	rt_value_unref(sv);
	check(rt_session_prop(s, "NoSuchProperty") == NULL);

	check_int(session_remove(s, &err), ==, 0);
	check_int(session_state(s), ==, SESSION_CLOSED);
	check(wait_dead(pid, session_socket_path(s)));
	check_int(session_invoke(s, "echo again", &r, &err), ==, -1);
	check(contains(err, "The session state is Closed."));
	free(err);
	{
		struct rt_session **list;
		check_int(session_list(m, &list), ==, 0);
		free(list);
	}
	session_manager_free(m);
	free(host);
}

TEST(two_sessions_and_table)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *a = session_open(m, ".", NULL, 0, &err);
	struct rt_session *b =
		session_open(m, "SERVER01", "AVeryLongSessionName", 0, &err);
	struct session_result r;
	struct rt_session **list;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	check(a && b);
	if (!a || !b) {
		printf("# %s\n", err);
		free(err);
		session_manager_free(m);
		return;
	}
	check_str(session_computer(a), "localhost");
	check_int(session_id(b), ==, 2);
	check_int(session_invoke(b, "computername", &r, &err), ==, 0);
	check_str(out_str(&r, 0), "SERVER01");
	session_result_release(&r);
	check_int(session_invoke(a, "echo from a", &r, &err), ==, 0);
	check_str(out_str(&r, 0), "from a");
	session_result_release(&r);
	check_int(session_disconnect(b, 30, &err), ==, 0);

	n = session_list(m, &list);
	check_int(n, ==, 2);
	strbuf_init(&sb);
	session_format_table(&sb, list, n, SESSION_TABLE_DEFAULT);
	check_str(sb.buf,
		  " Id Name            Transport ComputerName    State         "
		  "ConfigurationName     Availability\n"
		  " -- ----            --------- ------------    -----         "
		  "-----------------     ------------\n"
		  "  1 Runspace1       Process   localhost       Opened        "
		  "Microsoft.PowerShell     Available\n"
		  "  2 AVeryLongSessi\xe2\x80\xa6 Process   SERVER01        "
		  "Disconnected  Microsoft.PowerShell          None\n");
	strbuf_reset(&sb);
	session_format_table(&sb, list, 1, SESSION_TABLE_PAGE);
	check_str(sb.buf, " Id Name            ComputerName    State         "
			  "ConfigurationName\n"
			  " -- ----            ------------    -----         "
			  "-----------------\n"
			  "  1 Runspace1       localhost       Opened        "
			  "Microsoft.PowerShell\n");
	strbuf_release(&sb);
	free(list);
	check_int(session_remove(a, &err), ==, 0);
	check_int(session_remove(b, &err), ==, 0);
	check_int(count_sockets(), ==, 0);
	session_manager_free(m);
}

TEST(table_neutralizes_names)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *s = session_open(m, "localhost", "a\x1b[31m\tb",
					    SESSION_TEMPORARY, &err);
	struct strbuf sb = STRBUF_INIT;

	check(s != NULL);
	if (!s) {
		free(err);
		session_manager_free(m);
		return;
	}
	check_int(session_id(s), ==, 0);
	strbuf_init(&sb);
	session_format_table(&sb, &s, 1, SESSION_TABLE_PAGE);
	check(!strchr(sb.buf, '\x1b'));
	check(!strchr(sb.buf, '\t'));
	check(contains(sb.buf, "a\xe2\x90\x9b[31m\xe2\x90\x89" "b"));
	strbuf_release(&sb);
	{
		struct rt_session **list;
		check_int(session_list(m, &list), ==, 0); /* temporary */
		free(list);
	}
	check_int(session_remove(s, &err), ==, 0);
	session_manager_free(m);
}

/* Child: finds the disconnected "Shared" session and uses it. */
static int
child_connects(void *arg)
{
	struct session_manager *m = manager();
	struct rt_session **list;
	struct session_result r = { 0 };
	size_t n;
	char *err = NULL;
	int rc = 0;

	(void)arg;
	if (session_query(m, "server01", &list, &n, &err) != 0 || n != 1)
		return 10;
	if (session_state(list[0]) != SESSION_DISCONNECTED ||
	    session_availability(list[0]) != SESSION_AVAIL_NONE ||
	    strcmp(session_name(list[0]), "Shared") != 0 ||
	    strcmp(session_computer(list[0]), "Server01") != 0 ||
	    session_id(list[0]) != 1)
		rc = 11;
	else if (session_connect(list[0], &err) != 0)
		rc = 12;
	else if (session_invoke(list[0], "computername", &r, &err) != 0)
		rc = 13;
	else if (!out_str(&r, 0) || strcmp(out_str(&r, 0), "Server01") != 0)
		rc = 14;
	else if (session_disconnect(list[0], 30, &err) != 0)
		rc = 15;
	if (r.output)
		session_result_release(&r);
	free(list);
	session_manager_free(m);
	return rc;
}

/* Child: the session is held by the parent, so it is Busy. */
static int
child_sees_busy(void *arg)
{
	struct session_manager *m = manager();
	struct rt_session **list;
	size_t n;
	char *err = NULL;
	int rc = 0;

	(void)arg;
	if (session_query(m, "Server01", &list, &n, &err) != 0 || n != 1)
		return 20;
	if (session_availability(list[0]) != SESSION_AVAIL_BUSY)
		rc = 21;
	else if (session_connect(list[0], &err) == 0)
		rc = 22;
	else if (!contains(err, "in use by another client"))
		rc = 23;
	else if (session_state(list[0]) != SESSION_DISCONNECTED)
		rc = 24;
	free(err);
	free(list);
	session_manager_free(m);
	return rc;
}

TEST(disconnect_then_connect_from_another_process)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *s = session_open(m, "Server01", "Shared", 0, &err);
	struct rt_session **list = NULL;
	struct session_result r;
	size_t n = 0;

	check(s != NULL);
	if (!s) {
		free(err);
		session_manager_free(m);
		return;
	}
	check_int(session_invoke(s, "echo one", &r, &err), ==, 0);
	session_result_release(&r);
	check_int(session_disconnect(s, 30, &err), ==, 0);
	check_int(session_state(s), ==, SESSION_DISCONNECTED);
	check_int(session_availability(s), ==, SESSION_AVAIL_NONE);
	check(exists(session_socket_path(s)));
	check_int(session_invoke(s, "echo no", &r, &err), ==, -1);
	free(err);
	err = NULL;

	check_int(in_child(child_connects, NULL), ==, 0);

	/* localhost is another computer: nothing there. */
	check_int(session_query(m, "localhost", &list, &n, &err), ==, 0);
	check_int(n, ==, 0);
	free(list);
	check_int(session_query(m, "SERVER01", &list, &n, &err), ==, 0);
	check_int(n, ==, 1);
	check(n == 1 && list[0] == s);
	free(list);
	check_int(session_connect(s, &err), ==, 0);
	check_int(session_invoke(s, "history", &r, &err), ==, 0);
	check_int(out_len(&r), ==, 3);
	check_str(out_str(&r, 0), "echo one");
	check_str(out_str(&r, 1), "computername");
	check_str(out_str(&r, 2), "history");
	session_result_release(&r);

	check_int(in_child(child_sees_busy, NULL), ==, 0);
	check_int(session_remove(s, &err), ==, 0);
	session_manager_free(m);
}

/* Child: receives the output kept while disconnected, then removes. */
static int
child_receives(void *arg)
{
	struct session_manager *m = manager();
	struct rt_session **list;
	struct session_result r = { 0 };
	size_t n;
	char *err = NULL;
	int rc = 0;

	(void)arg;
	if (session_query(m, "localhost", &list, &n, &err) != 0 || n != 1)
		return 30;
	if (session_receive(list[0], &r, &err) != 0)
		rc = 31;
	else if (out_len(&r) != 3 || strcmp(out_str(&r, 0), "buffered") ||
		 strcmp(out_str(&r, 2), "later"))
		rc = 32;
	/* The error stays where it happened, between the two outputs. */
	else if (r.error ||
		 rt_stream_of(r.output->u.array.v[1]) != RT_STREAM_ERROR ||
		 strcmp(rt_stream_message(r.output->u.array.v[1]), "oops"))
		rc = 33;
	else if (session_state(list[0]) != SESSION_OPENED)
		rc = 34;
	session_result_release(&r);
	if (!rc && (session_receive(list[0], &r, &err) != 0 ||
		    out_len(&r) != 0 || r.error))
		rc = 35;
	session_result_release(&r);
	if (!rc && session_remove(list[0], &err) != 0)
		rc = 36;
	if (!rc && exists(session_socket_path(list[0])))
		rc = 37;
	free(list);
	session_manager_free(m);
	return rc;
}

TEST(disconnected_invoke_then_receive_elsewhere)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *s = session_open(m, "localhost", NULL, 0, &err);
	struct rt_session **list = NULL;
	size_t n = 0;

	check(s != NULL);
	if (!s) {
		free(err);
		session_manager_free(m);
		return;
	}
	check_int(session_invoke_disconnected(s, "echo buffered", 30, &err), ==,
		  0);
	check_int(session_state(s), ==, SESSION_DISCONNECTED);
	check_int(session_connect(s, &err), ==, 0);
	check_int(session_invoke_disconnected(s, "fail oops", 30, &err), ==, 0);
	check_int(session_connect(s, &err), ==, 0);
	check_int(session_invoke_disconnected(s, "echo later", 30, &err), ==,
		  0);

	check_int(in_child(child_receives, NULL), ==, 0);

	check_int(session_query(m, "localhost", &list, &n, &err), ==, 0);
	check_int(n, ==, 0);
	free(list);
	/* Our object is out of date: connecting finds the endpoint gone. */
	check_int(session_connect(s, &err), ==, -1);
	check(contains(err, "broken"));
	free(err);
	check_int(session_state(s), ==, SESSION_BROKEN);
	session_manager_free(m);
}

TEST(idle_timeout_ends_disconnected_endpoint)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *s = session_open(m, "localhost", NULL, 0, &err);
	long pid;
	long long t0;

	check(s != NULL);
	if (!s) {
		free(err);
		session_manager_free(m);
		return;
	}
	pid = endpoint_pid(s);
	check_int(session_disconnect(s, 1, &err), ==, 0);
	t0 = clock_now_ms();
	check(wait_dead(pid, session_socket_path(s)));
	check_int(clock_now_ms() - t0, >=, 800);
	session_manager_free(m);
}

TEST(sigkill_breaks_session)
{
	struct session_manager *m = manager();
	char *err = NULL;
	struct rt_session *s = session_open(m, "localhost", NULL, 0, &err);
	struct rt_session *d = session_open(m, "localhost", "Parked", 0, &err);
	struct session_result r;
	struct rt_session **list;
	long pid, dpid;
	size_t n;

	check(s && d);
	if (!s || !d) {
		free(err);
		session_manager_free(m);
		return;
	}
	pid = endpoint_pid(s);
	check(kill(pid, SIGKILL) == 0);
	check(wait_dead(pid, NULL));
	check_int(session_invoke(s, "echo x", &r, &err), ==, -1);
	check(contains(err, "The session Runspace1 to computer localhost is "
			    "broken"));
	free(err);
	err = NULL;
	check_int(session_state(s), ==, SESSION_BROKEN);
	check(!exists(session_socket_path(s)));
	check_int(session_invoke(s, "echo x", &r, &err), ==, -1);
	check(contains(err, "The session state is Broken."));
	free(err);
	err = NULL;
	check_int(session_remove(s, &err), ==, 0);
	check_int(session_state(s), ==, SESSION_CLOSED);

	/* A disconnected endpoint killed leaves a stale socket behind; the
	   next scan removes it. */
	dpid = endpoint_pid(d);
	check_int(session_disconnect(d, 60, &err), ==, 0);
	check(kill(dpid, SIGKILL) == 0);
	check(wait_dead(dpid, NULL));
	check(exists(session_socket_path(d)));
	check_int(session_query(m, NULL, &list, &n, &err), ==, 0);
	check_int(n, ==, 0);
	free(list);
	check(!exists(session_socket_path(d)));
	session_manager_free(m);
}

struct client_report {
	long pid[3];
	char path[3][PATH_MAX];
};

TEST(client_killed_ends_its_endpoints)
{
	struct client_report rep;
	int fds[2];
	pid_t child;
	ssize_t got;
	struct session_manager *m;
	struct rt_session **list;
	size_t n;
	char *err = NULL;

	memset(&rep, 0, sizeof(rep));
	check(pipe(fds) == 0);
	fflush(stdout);
	child = fork();
	if (child == 0) {
		struct session_manager *cm = manager();
		struct rt_session *s[3];
		close(fds[0]);
		alarm(20);
		s[0] = session_open(cm, "localhost", NULL, 0, &err);
		s[1] = session_open(cm, "Server01", NULL, 0, &err);
		s[2] = session_open(cm, "Server01", "Survivor", 0, &err);
		for (int i = 0; i < 3 && s[i]; i++) {
			rep.pid[i] = endpoint_pid(s[i]);
			snprintf(rep.path[i], PATH_MAX, "%s",
				 session_socket_path(s[i]));
		}
		if (s[2])
			session_disconnect(s[2], 30, &err);
		if (write(fds[1], &rep, sizeof(rep)) != sizeof(rep))
			_exit(1);
		pause();
		_exit(0);
	}
	close(fds[1]);
	got = read(fds[0], &rep, sizeof(rep));
	close(fds[0]);
	check_int(got, ==, sizeof(rep));
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	check(rep.pid[0] > 0 && rep.pid[1] > 0 && rep.pid[2] > 0);
	check(wait_dead(rep.pid[0], rep.path[0]));
	check(wait_dead(rep.pid[1], rep.path[1]));
	/* The disconnected one outlives its client, as it should. */
	check(!pid_dead(rep.pid[2]));
	check(exists(rep.path[2]));

	m = manager();
	check_int(session_query(m, "server01", &list, &n, &err), ==, 0);
	check_int(n, ==, 1);
	if (n == 1) {
		check_str(session_name(list[0]), "Survivor");
		check_int(session_remove(list[0], &err), ==, 0);
	}
	free(list);
	check(wait_dead(rep.pid[2], rep.path[2]));
	session_manager_free(m);
}

TEST(endpoint_that_does_not_start)
{
	static const char *const args[] = { "--endpoint-serve", NULL };
	static const char *const sleeper[] = { "-c", "sleep 2", NULL };
	struct session_manager *m =
		manager_with("/nonexistent/psh", args, 2000);
	char *err = NULL;
	long long t0 = clock_now_ms();

	check(session_open(m, "localhost", NULL, 0, &err) == NULL);
	check(contains(err, "did not start"));
	free(err);
	err = NULL;
	check_int(clock_now_ms() - t0, <, 1500);
	check_int(count_sockets(), ==, 0);
	session_manager_free(m);

	/* A program that holds the socket but never answers: bounded. */
	m = manager_with("/bin/sh", sleeper, 300);
	t0 = clock_now_ms();
	check(session_open(m, "localhost", NULL, 0, &err) == NULL);
	check(contains(err, "no answer in time"));
	free(err);
	check_int(clock_now_ms() - t0, <, 1500);
	check_int(count_sockets(), ==, 0);
	session_manager_free(m);
}

/* ---------- another uid ---------- */

static bool
become_other_user(void)
{
	return setgroups(0, NULL) == 0 && setgid(OTHER_UID) == 0 &&
	       setuid(OTHER_UID) == 0;
}

TEST(socket_of_another_uid_refused)
{
	char *path, *err = NULL;
	struct sockaddr_un sa = { 0 };
	struct session_manager *m;
	struct rt_session **list;
	size_t n;
	int fds[2], fd;
	char ok = 0;
	pid_t child;

	if (geteuid() != 0) {
		printf("# not root: cannot run a process as another uid\n");
		return;
	}
	path = xasprintf("%s/00000000-0000-4000-8000-000000000001.sock",
			 rundir);
	check(pipe(fds) == 0);
	fflush(stdout);
	child = fork();
	if (child == 0) {
		/* Bound here as root, listening as nobody: the peer
		   credentials are those of listen(). */
		alarm(10);
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		sa.sun_family = AF_UNIX;
		snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
		    !become_other_user() || listen(fd, 4) != 0)
			ok = 'F';
		else
			ok = 'Y';
		if (write(fds[1], &ok, 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	close(fds[1]);
	check(read(fds[0], &ok, 1) == 1);
	close(fds[0]);
	if (ok != 'Y') {
		printf("# setuid(%d) failed in the child: not tested\n",
		       OTHER_UID);
	} else {
		check(session_probe(path, 1000, NULL, &err) == NULL);
		check(contains(err, "belongs to uid 65534, not to you"));
		free(err);
		err = NULL;
		m = manager();
		check_int(session_query(m, NULL, &list, &n, &err), ==, 0);
		check_int(n, ==, 0);
		free(list);
		check(exists(path)); /* refused, but not stale */
		session_manager_free(m);
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	unlink(path);
	free(path);
}

/* The other uid's child: connects and expects no greeting at all. */
static int
child_other_uid_connects(void *arg)
{
	struct sockaddr_un sa = { 0 };
	struct wire_frame f;
	int fd;

	if (!become_other_user())
		return 99;
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", (const char *)arg);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		return 40;
	return wire_recv(fd, &f, 2000) == WIRE_S_EOF ? 0 : 41;
}

static int
child_endpoint(void *arg)
{
	struct endpoint_options *o = arg;
	return endpoint_main(o);
}

TEST(endpoint_refuses_another_uid)
{
	char *dir, *path;
	struct sockaddr_un sa = { 0 };
	struct endpoint_options o = { 0 };
	struct rt_value *info;
	pid_t ep;
	int lfd, rc;

	if (geteuid() != 0) {
		printf("# not root: cannot run a process as another uid\n");
		return;
	}
	/* A directory nobody may enter, unlike the runtime directory. */
	dir = xasprintf("%s/open", tmpdir);
	path = xasprintf("%s/ep.sock", dir);
	chmod(tmpdir, 0711);
	mkdir(dir, 0755);
	chmod(dir, 0755);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	check(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	check(listen(lfd, 4) == 0);
	chmod(path, 0777);
	o.listen_fd = lfd;
	o.socket_path = path;
	o.instance_id = "00000000-0000-4000-8000-000000000002";
	o.name = "Runspace1";
	o.computer_name = "localhost";
	o.configuration_name = "Microsoft.PowerShell";
	o.startup_timeout_ms = 8000;
	fflush(stdout);
	ep = fork();
	if (ep == 0) {
		alarm(15);
		_exit(child_endpoint(&o));
	}
	close(lfd);
	rc = in_child(child_other_uid_connects, path);
	if (rc == 99)
		printf("# setuid(%d) failed in the child: not tested\n",
		       OTHER_UID);
	else
		check_int(rc, ==, 0);
	info = info_of(path); /* we are still welcome */
	check(info != NULL);
	rt_value_unref(info);
	kill(ep, SIGTERM);
	waitpid(ep, NULL, 0);
	check(!exists(path)); /* it cleaned up after itself */
	free(path);
	free(dir);
}

TEST(no_zombies)
{
	check_int(zombie_children(), ==, 0);
}

/* ---------- main ---------- */

static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *p;
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = xasprintf("%s/%s", path, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

int
main(void)
{
	stub = getenv("PSH_ENDPOINT_STUB");
	if (!stub || access(stub, X_OK) != 0) {
		printf("1..0 # SKIP PSH_ENDPOINT_STUB is not set\n");
		return 0;
	}
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	snprintf(rundir, sizeof(rundir), "%s/run", tmpdir);
	snprintf(computers, sizeof(computers), "%s/computers", tmpdir);
	mkdir(rundir, 0700); /* SIGPIPE stays fatal: the library must not
				raise it */

	RUN(runtime_dir_created_0700);
	RUN(runtime_dir_refused);
	RUN(runtime_dir_other_owner);
	RUN(runtime_dir_default);
	RUN(bad_runtime_dir_stops_open);
	RUN(computer_names);
	RUN(wire_round_trip);
	RUN(wire_hostile_values);
	RUN(wire_nesting_and_size_limits);
	RUN(wire_record_work_bounded);
	RUN(wire_frames);
	RUN(open_invoke_remove);
	RUN(two_sessions_and_table);
	RUN(table_neutralizes_names);
	RUN(disconnect_then_connect_from_another_process);
	RUN(disconnected_invoke_then_receive_elsewhere);
	RUN(idle_timeout_ends_disconnected_endpoint);
	RUN(sigkill_breaks_session);
	RUN(client_killed_ends_its_endpoints);
	RUN(endpoint_that_does_not_start);
	RUN(socket_of_another_uid_refused);
	RUN(endpoint_refuses_another_uid);
	RUN(no_zombies);
	remove_tree(tmpdir);
	return tap_done();
}
