/* SPDX-License-Identifier: MIT */
/*
 * PSSessions, client side (see session.c): the session properties, as
 * accessors and as script-visible properties, and the PSSession table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rt_value.h"
#include "session_internal.h"
#include "session_props.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* ---------- properties ---------- */

int
session_id(const struct rt_session *s)
{
	return s->id;
}

const char *
session_name(const struct rt_session *s)
{
	return s->name;
}

const char *
session_computer(const struct rt_session *s)
{
	return s->computer;
}

const char *
session_configuration(const struct rt_session *s)
{
	return s->configuration;
}

const char *
session_instance_id(const struct rt_session *s)
{
	return s->instance_id;
}

const char *
session_socket_path(const struct rt_session *s)
{
	return s->socket_path;
}

enum session_state
session_state(const struct rt_session *s)
{
	return s->state;
}

enum session_availability
session_availability(const struct rt_session *s)
{
	return s->avail;
}

bool
session_is_temporary(const struct rt_session *s)
{
	return s->temporary;
}

const char *
session_state_name(enum session_state st)
{
	static const char *const names[] = { "BeforeOpen",    "Opening",
					     "Opened",	      "Closed",
					     "Closing",	      "Broken",
					     "Disconnecting", "Disconnected",
					     "Connecting" };
	return (unsigned)st < sizeof(names) / sizeof(names[0]) ? names[st]
							       : "Broken";
}

const char *
session_availability_name(enum session_availability a)
{
	static const char *const names[] = { "None", "Available",
					     "AvailableForNestedCommand",
					     "Busy", "RemoteDebug" };
	return (unsigned)a < sizeof(names) / sizeof(names[0]) ? names[a]
							      : "None";
}

static const char *
string_prop(const struct rt_session *s, const char *name)
{
	if (strcasecmp(name, "Name") == 0)
		return s->name;
	if (strcasecmp(name, "ComputerName") == 0)
		return s->computer;
	if (strcasecmp(name, "ConfigurationName") == 0)
		return s->configuration;
	if (strcasecmp(name, "InstanceId") == 0)
		return s->instance_id;
	if (strcasecmp(name, "State") == 0)
		return session_state_name(s->state);
	if (strcasecmp(name, "Availability") == 0)
		return session_availability_name(s->avail);
	if (strcasecmp(name, "Transport") == 0)
		return "Process";
	if (strcasecmp(name, "ComputerType") == 0)
		return "RemoteMachine";
	return NULL;
}

static struct rt_value *
session_prop_get(const struct rt_session *s, const char *name)
{
	const char *v;

	if (!s || !name)
		return NULL;
	if (strcasecmp(name, "Id") == 0)
		return rt_int(s->id);
	v = string_prop(s, name);
	return v ? rt_string(v) : NULL;
}

void
session_props_install(void)
{
	rt_session_props_register(session_prop_get);
}

/* ---------- the table ---------- */

struct column {
	const char *label; /* also the property name */
	int width;
	bool right;
};

static const struct column default_columns[] = {
	{ "Id", 3, true },	     { "Name", 15, false },
	{ "Transport", 9, false },   { "ComputerName", 15, false },
	{ "State", 13, false },	     { "ConfigurationName", 20, false },
	{ "Availability", 13, true }
};

static const struct column page_columns[] = { { "Id", 3, true },
					      { "Name", 15, false },
					      { "ComputerName", 15, false },
					      { "State", 13, false },
					      { "ConfigurationName", 20,
						false } };

/* Appends text cut or padded to width code points. */
static void
add_cell(struct strbuf *sb, const char *text, int width, bool right)
{
	struct strbuf clean = STRBUF_INIT;
	size_t cut = 0, count = 0;
	int pad;

	strbuf_init(&clean);
	utf8_neutralize(&clean, text, strlen(text), false);
	for (size_t i = 0; i < clean.len; i++) {
		if (((unsigned char)clean.buf[i] & 0xC0) == 0x80)
			continue;
		if (count == (size_t)width - 1)
			cut = i; /* where "…" goes if the text is too long */
		count++;
	}
	if (count > (size_t)width) {
		clean.len = cut;
		strbuf_addstr(&clean, "\xe2\x80\xa6");
		count = (size_t)width;
	}
	pad = width - (int)count;
	if (right)
		strbuf_addchars(sb, ' ', (size_t)pad);
	strbuf_add(sb, clean.buf, clean.len);
	if (!right)
		strbuf_addchars(sb, ' ', (size_t)pad);
	strbuf_release(&clean);
}

static void
end_line(struct strbuf *sb)
{
	strbuf_rtrim(sb);
	strbuf_addch(sb, '\n');
}

static void
add_headers(struct strbuf *sb, const struct column *cols, size_t ncols)
{
	for (size_t i = 0; i < ncols; i++) {
		if (i)
			strbuf_addch(sb, ' ');
		add_cell(sb, cols[i].label, cols[i].width, cols[i].right);
	}
	end_line(sb);
	for (size_t i = 0; i < ncols; i++) {
		size_t n = strlen(cols[i].label);
		char dashes[64];
		if (n > (size_t)cols[i].width)
			n = (size_t)cols[i].width;
		memset(dashes, '-', n);
		dashes[n] = '\0';
		if (i)
			strbuf_addch(sb, ' ');
		add_cell(sb, dashes, cols[i].width, cols[i].right);
	}
	end_line(sb);
}

void
session_format_table(struct strbuf *sb, struct rt_session *const *list,
		     size_t n, enum session_table_view view)
{
	const struct column *cols =
		view == SESSION_TABLE_PAGE ? page_columns : default_columns;
	size_t ncols =
		view == SESSION_TABLE_PAGE
			? sizeof(page_columns) / sizeof(page_columns[0])
			: sizeof(default_columns) / sizeof(default_columns[0]);

	add_headers(sb, cols, ncols);
	for (size_t r = 0; r < n; r++) {
		for (size_t i = 0; i < ncols; i++) {
			char id[16];
			const char *v = id;
			if (strcmp(cols[i].label, "Id") == 0)
				snprintf(id, sizeof(id), "%d", list[r]->id);
			else
				v = string_prop(list[r], cols[i].label);
			if (i)
				strbuf_addch(sb, ' ');
			add_cell(sb, v ? v : "", cols[i].width, cols[i].right);
		}
		end_line(sb);
	}
}
