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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "rt_runtime_dir.h"
#include "rt_value.h"
#include "session_internal.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_COMPUTER_NAME 255
#define MAX_COMPUTERS_FILE (1u << 20)
#define MAX_SCAN_ENTRIES 4096

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

/* One line of the computers file: a name, blanks, an optional comment. */
static void
computers_line(struct session_manager *m, char *line)
{
	char *hash = strchr(line, '#');
	size_t start = 0, end;

	if (hash)
		*hash = '\0';
	end = strlen(line);
	while (start < end && isspace((unsigned char)line[start]))
		start++;
	while (end > start && isspace((unsigned char)line[end - 1]))
		end--;
	/* Lines that are not one valid name are skipped (see the doc). */
	if (valid_computer_name(line + start, end - start))
		add_computer(m, line + start, end - start);
}

static void
load_computers(struct session_manager *m)
{
	char line[512];
	size_t total = 0;
	bool partial = false;
	FILE *f;

	m->computers_loaded = true;
	if (!m->computers_file || !(f = fopen(m->computers_file, "re")))
		return;
	while (total < MAX_COMPUTERS_FILE && fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);
		bool whole = n > 0 && line[n - 1] == '\n';
		total += n;
		/* The tail of an overlong line is not a name either. */
		if (!partial && whole)
			computers_line(m, line);
		else if (!partial && feof(f))
			computers_line(m, line);
		partial = !whole;
	}
	fclose(f);
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
 * The session behind one socket of the runtime directory, or NULL when
 * it is not a usable endpoint of computer.  Stale sockets are removed.
 */
static struct rt_session *
scan_one(struct session_manager *m, const char *computer, const char *file)
{
	char *path = xasprintf("%s/%s", m->runtime_dir, file), *err = NULL;
	bool gone;
	struct rt_value *info = session_probe(path, m->timeout_ms, &gone, &err);
	const char *id = session_str_prop(info, "InstanceId");
	const char *cn = session_str_prop(info, "ComputerName");
	const struct rt_value *att = rt_record_get(info, "ClientAttached");
	struct rt_session *s = NULL;

	if (gone)
		unlink(path); /* stale: its endpoint died */
	/* The socket's name must be the instance it claims to be. */
	if (info && id && cn && session_str_prop(info, "Name") &&
	    strncmp(id, file, GUID_LEN) == 0 && strlen(id) == GUID_LEN &&
	    (!computer || same_computer(computer, cn))) {
		s = find_instance(m, id);
		if (!s)
			s = adopt(m, info, path);
		if (s->fd < 0 && !s->temporary) {
			bool busy = att && att->kind == RT_VAL_BOOL && att->u.b;
			session_set_state(s, SESSION_DISCONNECTED,
					  busy ? SESSION_AVAIL_BUSY
					       : SESSION_AVAIL_NONE);
		}
		if (s->temporary)
			s = NULL;
	}
	rt_value_unref(info);
	free(err);
	free(path);
	return s;
}

int
session_query(struct session_manager *m, const char *computer,
	      struct rt_session ***out, size_t *n, char **err)
{
	DIR *d;
	struct dirent *e;
	size_t cap = 0, seen = 0;

	*out = NULL;
	*n = 0;
	if ((computer && !session_computer_known(m, computer, err)) ||
	    rt_runtime_dir_prepare(m->runtime_dir, err) != 0)
		return -1;
	if (!(d = opendir(m->runtime_dir))) {
		*err = xasprintf(_("cannot read runtime directory '%s': %s"),
				 m->runtime_dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) && seen < MAX_SCAN_ENTRIES) {
		struct rt_session *s;
		if (!is_socket_name(e->d_name))
			continue;
		seen++;
		if (!(s = scan_one(m, computer, e->d_name)))
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = s;
	}
	closedir(d);
	if (*n)
		qsort(*out, *n, sizeof(**out), by_id);
	return 0;
}
