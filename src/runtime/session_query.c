/* SPDX-License-Identifier: MIT */
/*
 * PSSessions, client side (see session.c): the known computer names and
 * the listing and query of sessions, including the scan of the runtime
 * directory for disconnected endpoints.
 */
#define _POSIX_C_SOURCE 200809L /* gethostname */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "i18n.h"
#include "rt_runtime_dir.h"
#include "rt_value.h"
#include "session_internal.h"
#include "strbuf.h"
#include "utf8.h"
#include "wire.h"
#include "xalloc.h"

#define MAX_COMPUTER_NAME 255
#define MAX_COMPUTERS_FILE (1u << 20)
#define MAX_COMPUTERS_LINE 511
#define MAX_SCAN_ENTRIES 4096
/* An endpoint answers a probe between two statements of any script;
   one that has not within this is reported as not answering. */
#define SCAN_PROBE_MS 2000
/* Probes at once (besides the calling thread). */
#define SCAN_WORKERS 16

/* ---------- computer names ---------- */

static bool
valid_computer_name(const char *s, size_t n)
{
	if (n == 0 || n > MAX_COMPUTER_NAME || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) && c != '-' && c != '.' && c != '_')
			return false;
	}
	return true;
}

static bool
is_local_alias(const char *name)
{
	char host[256];

	if (strcasecmp(name, "localhost") == 0 || strcmp(name, ".") == 0)
		return true;
	if (gethostname(host, sizeof(host)) != 0)
		return false;
	host[sizeof(host) - 1] = '\0';
	return strcasecmp(name, host) == 0;
}

/* Two names of the same computer (this machine has three). */
static bool
same_computer(const char *a, const char *b)
{
	if (is_local_alias(a) && is_local_alias(b))
		return true;
	return strcasecmp(a, b) == 0;
}

/* A name, unless it is already there (for the few names of --endpoint;
   the file's names are deduplicated all at once). */
static void
add_computer(struct session_manager *m, const char *s, size_t n)
{
	for (size_t i = 0; i < m->ncomputers; i++)
		if (strlen(m->computers[i]) == n &&
		    strncasecmp(m->computers[i], s, n) == 0)
			return;
	m->computers = xgrow(m->computers, &m->computers_cap, m->ncomputers + 1,
			     sizeof(*m->computers));
	m->computers[m->ncomputers++] = xstrndup(s, n);
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * One line of the computers file (without its newline): a name,
 * blanks, an optional comment.  Lines that are not one valid name are
 * skipped (see the doc).
 */
static void
computers_line(struct session_manager *m, const char *line, size_t len)
{
	const char *hash = memchr(line, '#', len);
	size_t start = 0, end = hash ? (size_t)(hash - line) : len;

	if (len > MAX_COMPUTERS_LINE)
		return;
	while (start < end && blank(line[start]))
		start++;
	while (end > start && blank(line[end - 1]))
		end--;
	if (!valid_computer_name(line + start, end - start))
		return;
	m->computers = xgrow(m->computers, &m->computers_cap, m->ncomputers + 1,
			     sizeof(*m->computers));
	m->computers[m->ncomputers++] = xstrndup(line + start, end - start);
}

static int
by_name(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted and without repeats (names match case-insensitively). */
static void
dedupe_computers(struct session_manager *m)
{
	size_t kept = 0;

	if (m->ncomputers < 2)
		return;
	qsort(m->computers, m->ncomputers, sizeof(*m->computers), by_name);
	for (size_t i = 0; i < m->ncomputers; i++) {
		if (kept && strcasecmp(m->computers[kept - 1],
				       m->computers[i]) == 0)
			free(m->computers[i]);
		else
			m->computers[kept++] = m->computers[i];
	}
	m->ncomputers = kept;
}

/* Every line of buf; a line cut short by the size limit is dropped. */
static void
computers_text(struct session_manager *m, const char *buf, size_t len,
	       bool cut)
{
	size_t at = 0;

	while (at < len) {
		const char *nl = memchr(buf + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - buf) : len;
		if (nl || !cut)
			computers_line(m, buf + at, end - at);
		at = end + 1;
	}
	dedupe_computers(m);
}

/*
 * Reads at most MAX_COMPUTERS_FILE bytes of the file, which must be a
 * regular file: a FIFO or a device could block or never end.  Returns
 * 0, or -1 with the reason in m->computers_error.
 */
static int
read_computers_file(struct session_manager *m, char **buf, size_t *len,
		    bool *cut)
{
	int fd = open(m->computers_file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	size_t got = 0;
	char *b;

	if (fd < 0) {
		if (errno != ENOENT)
			snprintf(m->computers_error,
				 sizeof(m->computers_error), "%s",
				 strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(m->computers_error, sizeof(m->computers_error), "%s",
			 _("it is not a regular file"));
		close(fd);
		return -1;
	}
	b = xmalloc(MAX_COMPUTERS_FILE + 1);
	while (got <= MAX_COMPUTERS_FILE) {
		ssize_t n = read(fd, b + got, MAX_COMPUTERS_FILE + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	*cut = got > MAX_COMPUTERS_FILE;
	*len = *cut ? MAX_COMPUTERS_FILE : got;
	*buf = b;
	return 0;
}

static void
load_computers(struct session_manager *m)
{
	char *buf;
	size_t len;
	bool cut;

	m->computers_loaded = true;
	if (!m->computers_file || read_computers_file(m, &buf, &len, &cut) != 0)
		return;
	computers_text(m, buf, len, cut);
	free(buf);
}

int
session_register_computer(struct session_manager *m, const char *name,
			  char **err)
{
	if (!name || !valid_computer_name(name, strlen(name))) {
		*err = xasprintf(_("'%s' is not a valid computer name"),
				 name ? name : "");
		return -1;
	}
	add_computer(m, name, strlen(name));
	return 0;
}

bool
session_computer_known(struct session_manager *m, const char *name, char **err)
{
	if (!m->computers_loaded)
		load_computers(m);
	if (name && is_local_alias(name))
		return true;
	for (size_t i = 0; name && i < m->ncomputers; i++)
		if (strcasecmp(m->computers[i], name) == 0)
			return true;
	if (m->computers_error[0]) {
		char *file = utf8_safe_dup(m->computers_file);
		*err = xasprintf(_("Connecting to remote server %s failed: "
				   "the computers file '%s' cannot be read: "
				   "%s"),
				 name ? name : "", file, m->computers_error);
		free(file);
		return false;
	}
	*err = xasprintf(_("Connecting to remote server %s failed with the "
			   "following error message : The WinRM client "
			   "cannot process the request because the server "
			   "name cannot be resolved. For more information, "
			   "see the about_Remote_Troubleshooting Help topic."),
			 name ? name : "");
	return false;
}

/* ---------- listing ---------- */

/* True for "<guid>.sock", the only names the runtime directory holds. */
static bool
is_socket_name(const char *name)
{
	if (strlen(name) != GUID_LEN + strlen(SOCKET_SUFFIX) ||
	    strcmp(name + GUID_LEN, SOCKET_SUFFIX) != 0)
		return false;
	for (int i = 0; i < GUID_LEN; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? name[i] != '-' : !isxdigit((unsigned char)name[i]))
			return false;
	}
	return true;
}

static int
by_id(const void *a, const void *b)
{
	const struct rt_session *x = *(struct rt_session *const *)a;
	const struct rt_session *y = *(struct rt_session *const *)b;
	return (x->id > y->id) - (x->id < y->id);
}

size_t
session_list(struct session_manager *m, struct rt_session ***out)
{
	size_t n = 0;

	*out = xcalloc(m->nsessions + 1, sizeof(**out));
	for (size_t i = 0; i < m->nsessions; i++) {
		struct rt_session *s = m->sessions[i];
		if (!s->temporary && s->state != SESSION_CLOSED)
			(*out)[n++] = s;
	}
	qsort(*out, n, sizeof(**out), by_id);
	return n;
}

static struct rt_session *
find_instance(struct session_manager *m, const char *instance_id)
{
	for (size_t i = 0; i < m->nsessions; i++)
		if (strcmp(m->sessions[i]->instance_id, instance_id) == 0)
			return m->sessions[i];
	return NULL;
}

/* A session of another process becomes a local, Disconnected object. */
static struct rt_session *
adopt(struct session_manager *m, const struct rt_value *info, const char *path)
{
	struct rt_session *s = session_new(m, false);
	const char *cfg = session_str_prop(info, "ConfigurationName");

	s->name = xstrdup(session_str_prop(info, "Name"));
	s->computer = xstrdup(session_str_prop(info, "ComputerName"));
	s->configuration = xstrdup(cfg ? cfg : DEFAULT_CONFIGURATION);
	memcpy(s->instance_id, session_str_prop(info, "InstanceId"),
	       GUID_LEN + 1);
	s->socket_path = xstrdup(path);
	return s;
}

/*
 * An endpoint whose socket is there but that did not answer in time
 * (stopped, overloaded, its backlog full): it is listed as Broken
 * rather than left out.  One never heard from has no Name, and its
 * computer is not known: it is listed under the computer asked for.
 */
static struct rt_session *
unanswered(struct session_manager *m, const char *computer, const char *file,
	   const char *path)
{
	char id[GUID_LEN + 1];
	struct rt_session *s;

	memcpy(id, file, GUID_LEN);
	id[GUID_LEN] = '\0';
	s = find_instance(m, id);
	if (s && (s->temporary || s->fd >= 0))
		return s->temporary ? NULL : s; /* ours: it answers us */
	if (s && s->name[0] && computer && !same_computer(computer, s->computer))
		return NULL;
	if (!s) {
		s = session_new(m, false);
		s->name = xstrdup("");
		s->computer = xstrdup(computer ? computer : "");
		s->configuration = xstrdup(DEFAULT_CONFIGURATION);
		memcpy(s->instance_id, id, GUID_LEN + 1);
		s->socket_path = xstrdup(path);
	} else if (!s->name[0] && computer) {
		free(s->computer);
		s->computer = xstrdup(computer);
	}
	session_set_state(s, SESSION_BROKEN, SESSION_AVAIL_NONE);
	return s;
}

/* A session listed as unanswered that answers now gets its names. */
static void
learn_names(struct rt_session *s, const struct rt_value *info)
{
	const char *cfg = session_str_prop(info, "ConfigurationName");

	if (s->name[0])
		return;
	free(s->name);
	free(s->computer);
	free(s->configuration);
	s->name = xstrdup(session_str_prop(info, "Name"));
	s->computer = xstrdup(session_str_prop(info, "ComputerName"));
	s->configuration = xstrdup(cfg ? cfg : DEFAULT_CONFIGURATION);
}

static bool
is_socket_file(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISSOCK(st.st_mode);
}

/*
 * After a probe that failed: true unless the endpoint is another uid's
 * (that one is refused, not reported).  A backlog that is full cannot
 * tell; the directory is ours, so it counts as ours.
 */
static bool
may_be_ours(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	unsigned long uid;
	int fd;
	bool ours;

	if (strlen(path) >= sizeof(sa.sun_path))
		return false;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return false;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		ours = errno == EAGAIN;
	else
		ours = wire_peer_uid(fd, &uid) == 0 &&
		       uid == (unsigned long)geteuid();
	close(fd);
	return ours;
}

/* One socket of the runtime directory and what probing it found. */
struct scan_item {
	char *file; /* the name in the directory */
	char *path;
	bool socket; /* a socket file, not anything else */
	bool gone;   /* nothing listens: the endpoint died */
	bool ours;   /* no answer, but not another uid's endpoint */
	struct rt_value *info;
};

static void
probe_item(struct scan_item *it, int timeout_ms)
{
	char *err = NULL;

	it->socket = is_socket_file(it->path);
	if (!it->socket)
		return;
	it->info = session_probe(it->path, timeout_ms, &it->gone, &err);
	free(err);
	it->ours = !it->info && !it->gone && may_be_ours(it->path);
}

/* Probes share out the items: an endpoint that does not answer holds
   up one worker for SCAN_PROBE_MS, not the whole scan. */
struct scan_pool {
	struct scan_item *items;
	size_t n, next;
	int timeout_ms;
	pthread_mutex_t lock;
};

static void *
probe_worker(void *arg)
{
	struct scan_pool *p = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		probe_item(&p->items[i], p->timeout_ms);
	}
}

static void
probe_all(struct scan_item *items, size_t n, int timeout_ms)
{
	struct scan_pool p = { .items = items, .n = n, .timeout_ms = timeout_ms };
	pthread_t workers[SCAN_WORKERS];
	size_t started = 0;

	pthread_mutex_init(&p.lock, NULL);
	/* This thread probes too; a failed pthread_create only means
	   fewer workers. */
	while (started < SCAN_WORKERS && started + 1 < n &&
	       pthread_create(&workers[started], NULL, probe_worker, &p) == 0)
		started++;
	probe_worker(&p);
	for (size_t i = 0; i < started; i++)
		pthread_join(workers[i], NULL);
	pthread_mutex_destroy(&p.lock);
}

/*
 * The session behind one probed socket, or NULL when it is not a
 * usable endpoint of computer.  Stale sockets are removed; files that
 * are not sockets are left alone.
 */
static struct rt_session *
scan_one(struct session_manager *m, const char *computer,
	 const struct scan_item *it)
{
	const struct rt_value *info = it->info;
	const char *id = session_str_prop(info, "InstanceId");
	const char *cn = session_str_prop(info, "ComputerName");
	const struct rt_value *att = rt_record_get(info, "ClientAttached");
	struct rt_session *s = NULL;

	if (!it->socket)
		return NULL;
	if (it->gone && is_socket_file(it->path))
		unlink(it->path); /* stale: its endpoint died */
	/* The socket's name must be the instance it claims to be. */
	if (info && id && cn && session_str_prop(info, "Name") &&
	    strncmp(id, it->file, GUID_LEN) == 0 && strlen(id) == GUID_LEN &&
	    (!computer || same_computer(computer, cn))) {
		s = find_instance(m, id);
		if (!s)
			s = adopt(m, info, it->path);
		else
			learn_names(s, info);
		if (s->fd < 0 && !s->temporary) {
			bool busy = att && att->kind == RT_VAL_BOOL && att->u.b;
			session_set_state(s, SESSION_DISCONNECTED,
					  busy ? SESSION_AVAIL_BUSY
					       : SESSION_AVAIL_NONE);
		}
		if (s->temporary)
			s = NULL;
	} else if (it->ours) {
		s = unanswered(m, computer, it->file, it->path);
	}
	return s;
}

/* The socket names of the runtime directory, at most MAX_SCAN_ENTRIES. */
static int
list_sockets(struct session_manager *m, struct scan_item **items, size_t *n,
	     char **err)
{
	DIR *d = opendir(m->runtime_dir);
	struct dirent *e;
	size_t cap = 0;

	*items = NULL;
	*n = 0;
	if (!d) {
		*err = xasprintf(_("cannot read runtime directory '%s': %s"),
				 m->runtime_dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) && *n < MAX_SCAN_ENTRIES) {
		if (!is_socket_name(e->d_name))
			continue;
		*items = xgrow(*items, &cap, *n + 1, sizeof(**items));
		(*items)[(*n)++] = (struct scan_item){
			.file = xstrdup(e->d_name),
			.path = xasprintf("%s/%s", m->runtime_dir, e->d_name),
		};
	}
	closedir(d);
	return 0;
}

static void
free_items(struct scan_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rt_value_unref(items[i].info);
		free(items[i].file);
		free(items[i].path);
	}
	free(items);
}

int
session_query(struct session_manager *m, const char *computer,
	      struct rt_session ***out, size_t *n, char **err)
{
	struct scan_item *items;
	size_t nitems, cap = 0;
	int timeout = m->timeout_ms < SCAN_PROBE_MS ? m->timeout_ms
						    : SCAN_PROBE_MS;

	*out = NULL;
	*n = 0;
	if ((computer && !session_computer_known(m, computer, err)) ||
	    rt_runtime_dir_prepare(m->runtime_dir, err) != 0 ||
	    list_sockets(m, &items, &nitems, err) != 0)
		return -1;
	probe_all(items, nitems, timeout);
	for (size_t i = 0; i < nitems; i++) {
		struct rt_session *s = scan_one(m, computer, &items[i]);
		if (!s)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = s;
	}
	free_items(items, nitems);
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), by_id);
	return 0;
}
