/* SPDX-License-Identifier: MIT */
/*
 * --run-examples: a transcript's commands run in psh, non-interactively
 * (the script on stdin, one entry a line, as the REPL reads it), with its
 * own runtime and config directories so that its sessions neither see nor
 * leak into anyone else's.
 */
#define _GNU_SOURCE /* pipe2, mkdtemp, MSG_NOSIGNAL */
#include <dirent.h>
#include <ftw.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "examples_internal.h"
#include "i18n.h"
#include "xalloc.h"

#define RUN_TIMEOUT_MS 10000
#define RUN_MAX_OUTPUT ((size_t)1 << 20)
#define RUN_MAX_SCRIPT ((size_t)16 << 10)
/* Endpoints of connected sessions end by themselves when psh exits. */
#define ENDPOINT_GRACE_MS 500
#define ENDPOINT_MAX 256

extern char **environ;


static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* ---------- the private directory ---------- */

static char *
make_private_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;

	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	dir = xasprintf("%s/pshelp-examples-XXXXXX", tmp);
	if (!mkdtemp(dir)) { /* mode 0700, as psh requires */
		free(dir);
		return NULL;
	}
	return dir;
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

/* Removes dir and everything in it, never following a symbolic link. */
static void
remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---------- endpoints left behind ---------- */

/* True if /proc/pid/cmdline is a psh endpoint with a socket under dir. */
static bool
is_our_endpoint(const char *pid, const char *dir)
{
	char path[64], buf[8192];
	size_t dlen = strlen(dir);
	bool serve = false, ours = false;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	for (char *a = buf; a < buf + n; a += strlen(a) + 1) {
		serve |= strcmp(a, "--endpoint-serve") == 0;
		ours |= strncmp(a, dir, dlen) == 0 && a[dlen] == '/';
	}
	return serve && ours;
}

static size_t
find_endpoints(const char *dir, pid_t *pids, size_t max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	size_t n = 0;

	while (d && n < max && (e = readdir(d)) != NULL) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		if (is_our_endpoint(e->d_name, dir))
			pids[n++] = (pid_t)atol(e->d_name);
	}
	if (d)
		closedir(d);
	return n;
}

/* Waits for the endpoints of dir to end, then kills the rest by pid. */
static bool
end_endpoints(const char *dir)
{
	pid_t pids[ENDPOINT_MAX];
	size_t n = 0;
	bool killed = false;
	long long deadline = clock_now_ms() + ENDPOINT_GRACE_MS;

	while ((n = find_endpoints(dir, pids, ENDPOINT_MAX)) > 0 &&
	       clock_now_ms() < deadline)
		sleep_ms(20);
	for (int round = 0; n > 0 && round < 50; round++) {
		for (size_t i = 0; i < n; i++)
			kill(pids[i], SIGKILL);
		killed = true;
		sleep_ms(20);
		n = find_endpoints(dir, pids, ENDPOINT_MAX);
	}
	return killed;
}

/* ---------- spawning psh ---------- */

static bool
overridden(const char *entry)
{
	static const char *const names[] = {
		"XDG_RUNTIME_DIR=", "XDG_CONFIG_HOME=", "LC_ALL=", "LANG=",
		"LANGUAGE=",	    "COLUMNS=",		"TERM=",   NULL
	};

	for (const char *const *n = names; *n; n++)
		if (strncmp(entry, *n, strlen(*n)) == 0)
			return true;
	return false;
}

/* The caller's environment with a private runtime dir and C.UTF-8. */
static char **
child_env(const char *dir)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	env = xcalloc(n + 8, sizeof(*env));
	for (size_t i = 0; i < n; i++)
		if (!overridden(environ[i]))
			env[k++] = xstrdup(environ[i]);
	env[k++] = xasprintf("XDG_RUNTIME_DIR=%s", dir);
	env[k++] = xasprintf("XDG_CONFIG_HOME=%s", dir);
	env[k++] = xstrdup("LC_ALL=C.UTF-8");
	env[k++] = xstrdup("LANG=C.UTF-8");
	env[k++] = xstrdup("LANGUAGE=");
	env[k++] = xstrdup("COLUMNS=120");
	env[k++] = xstrdup("TERM=dumb");
	return env;
}

static void
free_strv(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static char **
child_argv(const char *psh, const char *const *computers, size_t n)
{
	char **argv = xcalloc(2 * n + 2, sizeof(*argv));
	size_t k = 0;

	argv[k++] = xstrdup(psh);
	for (size_t i = 0; i < n; i++) {
		argv[k++] = xstrdup("--endpoint");
		argv[k++] = xstrdup(computers[i]);
	}
	return argv;
}

/* psh's stdin is a socket so that writing to it never raises SIGPIPE. */
static int
spawn_psh(const char *psh, char **argv, char **envp, int *in_fd, int *out_fd,
	  pid_t *pid)
{
	int in[2], out[2], rc;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dflt;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0)
		return errno;
	if (pipe2(out, O_CLOEXEC) != 0) {
		rc = errno;
		close(in[0]);
		close(in[1]);
		return rc;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[1], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, out[1], 2);
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
						POSIX_SPAWN_SETSIGMASK |
						POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(pid, psh, &fa, &attr, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	close(in[1]);
	close(out[1]);
	if (rc != 0) {
		close(in[0]);
		close(out[0]);
		return rc;
	}
	*in_fd = in[0];
	*out_fd = out[0];
	return 0;
}

static void
send_script(int fd, const char *script)
{
	size_t len = strlen(script), off = 0;

	while (off < len) {
		ssize_t n = send(fd, script + off, len - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	shutdown(fd, SHUT_WR);
}

/* Reads psh's output until EOF, the limit or the deadline. */
static void
collect_output(int fd, pid_t pid, struct ex_run *r, struct strbuf *out)
{
	long long deadline = clock_now_ms() + RUN_TIMEOUT_MS;
	char buf[8192];

	for (;;) {
		long long left = deadline - clock_now_ms();
		struct pollfd p = { fd, POLLIN, 0 };
		if (left <= 0) {
			kill(-pid, SIGKILL);
			r->ran = false;
			r->why = xstrdup(_("psh did not finish within 10 "
					   "seconds"));
			return;
		}
		if (poll(&p, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			kill(-pid,
			     SIGKILL); /* never wait for a psh we stopped reading */
			return;
		}
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			kill(-pid, SIGKILL);
		if (n <= 0)
			return;
		if (out->len + (size_t)n > RUN_MAX_OUTPUT) {
			strbuf_add(out, buf, RUN_MAX_OUTPUT - out->len);
			r->truncated = true;
			kill(-pid, SIGKILL);
			return;
		}
		strbuf_add(out, buf, (size_t)n);
	}
}

bool
check_examples_runner_end(struct ex_runner *rn)
{
	bool killed;

	if (!rn->dir)
		return false;
	killed = end_endpoints(rn->dir);
	remove_tree(rn->dir);
	free(rn->dir);
	rn->dir = NULL;
	return killed;
}

void
check_examples_run(struct ex_runner *rn, const char *psh_path,
		   const char *script, const char *const *computers,
		   size_t ncomputers, struct ex_run *out)
{
	struct strbuf output = STRBUF_INIT;
	char **argv, **envp;
	int in_fd, out_fd, rc, status;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	out->exit_status = -1;
	if (!psh_path || !*psh_path) {
		out->why = xstrdup(_("no psh to run it with"));
		return;
	}
	if (strlen(script) > RUN_MAX_SCRIPT) {
		out->why = xstrdup(_("its code is longer than 16 KiB"));
		return;
	}
	if (!rn->dir && (rn->dir = make_private_dir()) == NULL) {
		out->why = xasprintf(_("cannot make a runtime directory: %s"),
				     strerror(errno));
		return;
	}
	argv = child_argv(psh_path, computers, ncomputers);
	envp = child_env(rn->dir);
	rc = spawn_psh(psh_path, argv, envp, &in_fd, &out_fd, &pid);
	free_strv(argv);
	free_strv(envp);
	if (rc != 0) {
		out->why = xasprintf(_("cannot run '%s': %s"), psh_path,
				     strerror(rc));
		return;
	}
	strbuf_init(&output);
	out->ran = true;
	send_script(in_fd, script);
	collect_output(out_fd, pid, out, &output);
	close(in_fd);
	close(out_fd);
	pid_t waited;
	while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	if (waited == pid && WIFEXITED(status))
		out->exit_status = WEXITSTATUS(status);
	out->output = strbuf_detach(&output, NULL);
}

void
check_examples_run_release(struct ex_run *r)
{
	free(r->why);
	free(r->output);
	memset(r, 0, sizeof(*r));
}
