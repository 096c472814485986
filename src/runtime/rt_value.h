/* SPDX-License-Identifier: MIT */
/*
 * Values of the psh runtime: what variables hold, what flows through a
 * pipeline and what the binder converts arguments to.  Reference-counted;
 * rt_value_ref/rt_value_unref manage ownership (a function that returns a
 * struct rt_value * hands one reference to the caller).
 */
#ifndef PSHELP_RT_VALUE_H
#define PSHELP_RT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rt_session; /* defined by the session layer (session.h) */

enum rt_value_kind {
	RT_VAL_NULL,
	RT_VAL_BOOL,
	RT_VAL_INT, /* Int32 range is checked by the binder */
	RT_VAL_DOUBLE, /* System.Double: 1.5, 1e3, 1.5kb */
	RT_VAL_STRING,
	RT_VAL_ARRAY,
	RT_VAL_SESSION,	    /* a PSSession object */
	RT_VAL_SCRIPTBLOCK, /* the text between the braces */
	RT_VAL_RECORD,	    /* an object with named properties, in order */
	/* What a variable or expression holds before the script runs: the
	   validator binds examples without running them, and this stands
	   for any value, so it converts to every parameter type. */
	RT_VAL_UNKNOWN
};

struct rt_property {
	char *name;
	struct rt_value *value;
};

struct rt_value {
	enum rt_value_kind kind;
	unsigned refs;
	union {
		bool b;
		int64_t i;
		double d;
		char *s; /* STRING, SCRIPTBLOCK */
		struct {
			struct rt_value **v;
			size_t n;
			size_t cap; /* allocated slots (rt_array_push) */
		} array;
		struct rt_session *session;
		struct {
			char *type_name; /* e.g. "System.Management.Automation.CmdletInfo" */
			struct rt_property *props;
			size_t n;
		} record;
	} u;
};

struct rt_value *rt_null(void);
struct rt_value *rt_bool(bool b);
struct rt_value *rt_int(int64_t i);
struct rt_value *rt_double(double d);
/*
 * .NET's shortest round-trip form of a double, invariant culture: "1.5",
 * "1000", "1E+15", "1E-05", "NaN", "-Infinity".  Writes at most 32 bytes.
 */
void rt_double_format(double d, char buf[32]);
struct rt_value *rt_string(const char *s);
struct rt_value *rt_string_n(const char *s, size_t n);
struct rt_value *rt_scriptblock(const char *text);
/* A value not known before the script runs (RT_VAL_UNKNOWN). */
struct rt_value *rt_unknown(void);
/* A PSSession value; it points at s and does not own it. */
struct rt_value *rt_session_value(struct rt_session *s);
struct rt_value *rt_array_new(void);
/* Appends v to array a, taking over the caller's reference to v. */
void rt_array_push(struct rt_value *a, struct rt_value *v);
struct rt_value *rt_record_new(const char *type_name);
/*
 * Adds a property, or replaces one of the same name (case-insensitively),
 * taking over the caller's reference to v.
 */
void rt_record_set(struct rt_value *r, const char *name, struct rt_value *v);
/* Property by name, case-insensitively (borrowed), or NULL. */
struct rt_value *rt_record_get(const struct rt_value *r, const char *name);

/* The number of items of v: an array's length, 1 for any other value. */
size_t rt_value_nitems(const struct rt_value *v);
/* Item i of v (borrowed): an array's element, or v itself for i == 0. */
struct rt_value *rt_value_item(const struct rt_value *v, size_t i);

struct rt_value *rt_value_ref(struct rt_value *v);
void rt_value_unref(struct rt_value *v);

/*
 * PowerShell's string form of a value: "True", "1", array elements
 * joined by spaces, "[PSSession]Name", "@{A=1; B=x}"; caller frees.
 */
char *rt_value_to_string(const struct rt_value *v);
/* The .NET type name of a value ("System.String", "System.Object[]"...). */
const char *rt_value_type_name(const struct rt_value *v);

#endif
