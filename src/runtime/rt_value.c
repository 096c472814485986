/* SPDX-License-Identifier: MIT */
/*
 * Runtime values: construction, reference counting and PowerShell's
 * string forms.  Freeing is iterative so that deeply nested arrays built
 * by hostile input cannot exhaust the stack.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rt_value.h"
#include "session_props.h"
#include "strbuf.h"
#include "xalloc.h"

#define PSSESSION_TYPE "System.Management.Automation.Runspaces.PSSession"
/* Records nested deeper than this print as "..." in string form. */
#define MAX_STRING_DEPTH 16

static rt_session_prop_fn *session_prop_hook;

void
rt_session_props_register(rt_session_prop_fn *fn)
{
	session_prop_hook = fn;
}

struct rt_value *
rt_session_prop(const struct rt_session *s, const char *name)
{
	if (!session_prop_hook || !s || !name)
		return NULL;
	return session_prop_hook(s, name);
}

static struct rt_value *
value_new(enum rt_value_kind kind)
{
	struct rt_value *v = xcalloc(1, sizeof(*v));
	v->kind = kind;
	v->refs = 1;
	return v;
}

struct rt_value *
rt_null(void)
{
	return value_new(RT_VAL_NULL);
}

struct rt_value *
rt_bool(bool b)
{
	struct rt_value *v = value_new(RT_VAL_BOOL);
	v->u.b = b;
	return v;
}

struct rt_value *
rt_int(int64_t i)
{
	struct rt_value *v = value_new(RT_VAL_INT);
	v->u.i = i;
	return v;
}

struct rt_value *
rt_double(double d)
{
	struct rt_value *v = value_new(RT_VAL_DOUBLE);
	v->u.d = d;
	return v;
}

/* The shortest digits of d (no trailing zeros) and its decimal exponent. */
static void
double_digits(double d, char digits[20], int *exp)
{
	char buf[40];
	size_t n = 0;

	/* snprintf and strtod share the locale, so the round trip holds
	   whatever the decimal point is; only the digits are kept. */
	for (int prec = 0; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	const char *p = buf;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && n < 19)
			digits[n++] = *p;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	*exp = *p == 'e' ? atoi(p + 1) : 0;
}

void
rt_double_format(double d, char buf[32])
{
	char dig[20];
	int e, o = 0;

	if (isnan(d)) {
		strcpy(buf, "NaN");
		return;
	}
	if (isinf(d)) {
		strcpy(buf, d < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (d == 0) {
		strcpy(buf, signbit(d) ? "-0" : "0");
		return;
	}
	if (d < 0)
		buf[o++] = '-';
	double_digits(d < 0 ? -d : d, dig, &e);
	int nd = (int)strlen(dig);
	if (e >= 15 || e <= -5) { /* .NET's "R": scientific out of range */
		buf[o++] = dig[0];
		if (nd > 1) {
			buf[o++] = '.';
			memcpy(buf + o, dig + 1, (size_t)nd - 1);
			o += nd - 1;
		}
		snprintf(buf + o, 32 - (size_t)o, "E%c%02d", e < 0 ? '-' : '+',
			 e < 0 ? -e : e);
		return;
	}
	if (e < 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (int i = -1; i > e; i--)
			buf[o++] = '0';
		memcpy(buf + o, dig, (size_t)nd);
		o += nd;
	} else {
		for (int i = 0; i <= e; i++)
			buf[o++] = i < nd ? dig[i] : '0';
		if (nd > e + 1) {
			buf[o++] = '.';
			memcpy(buf + o, dig + e + 1, (size_t)(nd - e - 1));
			o += nd - e - 1;
		}
	}
	buf[o] = '\0';
}

struct rt_value *
rt_string_n(const char *s, size_t n)
{
	struct rt_value *v = value_new(RT_VAL_STRING);
	v->u.s = xstrndup(s ? s : "", s ? n : 0);
	return v;
}

struct rt_value *
rt_string(const char *s)
{
	return rt_string_n(s, s ? strlen(s) : 0);
}

struct rt_value *
rt_scriptblock(const char *text)
{
	struct rt_value *v = value_new(RT_VAL_SCRIPTBLOCK);
	v->u.s = xstrdup(text ? text : "");
	return v;
}

struct rt_value *
rt_unknown(void)
{
	return value_new(RT_VAL_UNKNOWN);
}

struct rt_value *
rt_session_value(struct rt_session *s)
{
	struct rt_value *v = value_new(RT_VAL_SESSION);
	v->u.session = s;
	return v;
}

struct rt_value *
rt_array_new(void)
{
	return value_new(RT_VAL_ARRAY);
}

void
rt_array_push(struct rt_value *a, struct rt_value *v)
{
	a->u.array.v = xgrow(a->u.array.v, &a->u.array.cap, a->u.array.n + 1,
			     sizeof(*a->u.array.v));
	a->u.array.v[a->u.array.n++] = v;
}

struct rt_value *
rt_record_new(const char *type_name)
{
	struct rt_value *v = value_new(RT_VAL_RECORD);
	v->u.record.type_name = type_name ? xstrdup(type_name) : NULL;
	return v;
}

void
rt_record_set(struct rt_value *r, const char *name, struct rt_value *v)
{
	size_t n = r->u.record.n;
	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(r->u.record.props[i].name, name) == 0) {
			rt_value_unref(r->u.record.props[i].value);
			r->u.record.props[i].value = v;
			return;
		}
	}
	r->u.record.props = xrealloc(r->u.record.props,
				     (n + 1) * sizeof(*r->u.record.props));
	r->u.record.props[n].name = xstrdup(name);
	r->u.record.props[n].value = v;
	r->u.record.n = n + 1;
}

struct rt_value *
rt_record_get(const struct rt_value *r, const char *name)
{
	if (!r || r->kind != RT_VAL_RECORD || !name)
		return NULL;
	for (size_t i = 0; i < r->u.record.n; i++)
		if (strcasecmp(r->u.record.props[i].name, name) == 0)
			return r->u.record.props[i].value;
	return NULL;
}

struct rt_value *
rt_value_ref(struct rt_value *v)
{
	if (v)
		v->refs++;
	return v;
}

/* Frees v's own memory and queues its children on the work list. */
static void
value_free_one(struct rt_value *v, struct rt_value ***work, size_t *n,
	       size_t *cap)
{
	switch (v->kind) {
	case RT_VAL_STRING:
	case RT_VAL_SCRIPTBLOCK:
		free(v->u.s);
		break;
	case RT_VAL_ARRAY:
		for (size_t i = 0; i < v->u.array.n; i++) {
			*work = xgrow(*work, cap, *n + 1, sizeof(**work));
			(*work)[(*n)++] = v->u.array.v[i];
		}
		free(v->u.array.v);
		break;
	case RT_VAL_RECORD:
		for (size_t i = 0; i < v->u.record.n; i++) {
			free(v->u.record.props[i].name);
			*work = xgrow(*work, cap, *n + 1, sizeof(**work));
			(*work)[(*n)++] = v->u.record.props[i].value;
		}
		free(v->u.record.props);
		free(v->u.record.type_name);
		break;
	default:
		break;
	}
	free(v);
}

void
rt_value_unref(struct rt_value *v)
{
	struct rt_value **work = NULL;
	size_t n = 0, cap = 0;

	if (!v || --v->refs > 0)
		return;
	value_free_one(v, &work, &n, &cap);
	while (n > 0) {
		struct rt_value *c = work[--n];
		if (c && --c->refs == 0)
			value_free_one(c, &work, &n, &cap);
	}
	free(work);
}

const char *
rt_value_type_name(const struct rt_value *v)
{
	if (!v)
		return "null";
	switch (v->kind) {
	case RT_VAL_NULL:
		return "null";
	case RT_VAL_BOOL:
		return "System.Boolean";
	case RT_VAL_INT:
		return v->u.i >= INT32_MIN && v->u.i <= INT32_MAX
			       ? "System.Int32"
			       : "System.Int64";
	case RT_VAL_DOUBLE:
		return "System.Double";
	case RT_VAL_STRING:
		return "System.String";
	case RT_VAL_ARRAY:
		return "System.Object[]";
	case RT_VAL_SESSION:
		return PSSESSION_TYPE;
	case RT_VAL_SCRIPTBLOCK:
		return "System.Management.Automation.ScriptBlock";
	case RT_VAL_RECORD:
		return v->u.record.type_name
			       ? v->u.record.type_name
			       : "System.Management.Automation.PSCustomObject";
	case RT_VAL_UNKNOWN:
		break;
	}
	return "System.Object";
}

static void value_string(struct strbuf *sb, const struct rt_value *v,
			 int depth);

/* An element inside an array or record: nested arrays show their type. */
static void
element_string(struct strbuf *sb, const struct rt_value *v, int depth)
{
	if (v && v->kind == RT_VAL_ARRAY)
		strbuf_addstr(sb, "System.Object[]");
	else
		value_string(sb, v, depth + 1);
}

static void
session_string(struct strbuf *sb, const struct rt_value *v)
{
	struct rt_value *name = rt_session_prop(v->u.session, "Name");
	strbuf_addstr(sb, "[PSSession]");
	if (name && name->kind == RT_VAL_STRING)
		strbuf_addstr(sb, name->u.s);
	rt_value_unref(name);
}

static void
record_string(struct strbuf *sb, const struct rt_value *v, int depth)
{
	if (depth >= MAX_STRING_DEPTH) {
		strbuf_addstr(sb, "...");
		return;
	}
	strbuf_addstr(sb, "@{");
	for (size_t i = 0; i < v->u.record.n; i++) {
		if (i)
			strbuf_addstr(sb, "; ");
		strbuf_addf(sb, "%s=", v->u.record.props[i].name);
		element_string(sb, v->u.record.props[i].value, depth);
	}
	strbuf_addch(sb, '}');
}

static void
value_string(struct strbuf *sb, const struct rt_value *v, int depth)
{
	if (!v)
		return;
	switch (v->kind) {
	case RT_VAL_NULL:
		break;
	case RT_VAL_BOOL:
		strbuf_addstr(sb, v->u.b ? "True" : "False");
		break;
	case RT_VAL_INT:
		strbuf_addf(sb, "%" PRId64, v->u.i);
		break;
	case RT_VAL_DOUBLE: {
		char buf[32];
		rt_double_format(v->u.d, buf);
		strbuf_addstr(sb, buf);
		break;
	}
	case RT_VAL_STRING:
	case RT_VAL_SCRIPTBLOCK:
		strbuf_addstr(sb, v->u.s);
		break;
	case RT_VAL_ARRAY:
		for (size_t i = 0; i < v->u.array.n; i++) {
			if (i)
				strbuf_addch(sb, ' ');
			element_string(sb, v->u.array.v[i], depth);
		}
		break;
	case RT_VAL_SESSION:
		session_string(sb, v);
		break;
	case RT_VAL_RECORD:
		record_string(sb, v, depth);
		break;
	case RT_VAL_UNKNOWN:
		break;
	}
}

char *
rt_value_to_string(const struct rt_value *v)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	value_string(&sb, v, 0);
	return strbuf_detach(&sb, NULL);
}

size_t
rt_value_nitems(const struct rt_value *v)
{
	return v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;
}

struct rt_value *
rt_value_item(const struct rt_value *v, size_t i)
{
	return v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : (struct rt_value *)v;
}
