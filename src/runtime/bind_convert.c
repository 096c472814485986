/* SPDX-License-Identifier: MIT */
/*
 * The parameter binder's type conversions (see bind.c): PowerShell's
 * argument coercion to the parameter types the commands declare, with
 * .NET's error texts, plus the validation attributes and the check for
 * values that already have the parameter's type.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "bind_internal.h"
#include "i18n.h"
#include "rt_value.h"
#include "strbuf.h"
#include "xalloc.h"

/* .NET's texts for the conversions the binder performs (the {6} part). */
#define MSG_CAST_INNER                                                         \
	N_("Cannot convert value \"%s\" to type \"%s\". "                      \
	   "Error: \"%s\"")
#define MSG_CAST                                                               \
	N_("Cannot convert the \"%s\" value of type \"%s\" to "                \
	   "type \"%s\".")
#define MSG_CAST_NULL N_("Cannot convert null to type \"%s\".")
#define MSG_BAD_FORMAT N_("Input string was not in a correct format.")
#define MSG_INT_RANGE                                                          \
	N_("Value was either too large or too small for an "                   \
	   "Int32.")
#define MSG_ENUM                                                               \
	N_("Unable to match the identifier name %s to a valid "                \
	   "enumerator name. Specify one of the following "                    \
	   "enumerator names and try again:\n%s")
#define MSG_GUID_EMPTY N_("Unrecognized Guid format.")
#define MSG_GUID_LEN                                                           \
	N_("Guid should contain 32 digits with 4 dashes "                      \
	   "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
#define MSG_GUID_DASHES                                                        \
	N_("Dashes are in the wrong position for GUID "                        \
	   "parsing.")
#define MSG_GUID_HEX                                                           \
	N_("Guid string should only contain hexadecimal "                      \
	   "characters.")
#define MSG_URI_FORMAT                                                         \
	N_("Invalid URI: The format of the URI could not be "                  \
	   "determined.")
#define MSG_URI_HOST N_("Invalid URI: The hostname could not be parsed.")
#define MSG_NOT_SUPPORTED N_("Specified method is not supported.")
#define MSG_VALIDATE_SET                                                       \
	N_("The argument \"%s\" does not belong to the "                       \
	   "set \"%s\" specified by the ValidateSet "                          \
	   "attribute. Supply an argument that is in the "                     \
	   "set and then try the command again.")
static struct rt_value *
conv_fail(struct conv *c, enum rt_bind_error e, char *message)
{
	if (!c->error) {
		c->error = e;
		c->message = message;
	} else {
		free(message);
	}
	return NULL;
}

/* "Cannot bind parameter 'P'. <detail>" (detail is consumed). */
static struct rt_value *
cast_fail(struct conv *c, const struct meta_param *p, char *detail)
{
	char *m = bind_format(_(bind_errors[RT_BIND_CANNOT_CONVERT].fmt),
			      p->name, detail);
	free(detail);
	return conv_fail(c, RT_BIND_CANNOT_CONVERT, m);
}

/* 'Cannot convert value "v" to type "T". Error: "why"'. */
static struct rt_value *
cast_fail_inner(struct conv *c, const struct meta_param *p, const char *shown,
		const char *type, const char *why)
{
	return cast_fail(c, p,
			 bind_format(_(MSG_CAST_INNER), shown, type, why));
}

/* 'Cannot convert the "v" value of type "X" to type "T".' */
static struct rt_value *
cast_fail_type(struct conv *c, const struct meta_param *p,
	       const struct rt_value *v, const char *type)
{
	char *shown = rt_value_to_string(v);
	struct rt_value *r = cast_fail(
		c, p,
		bind_format(_(MSG_CAST), shown, rt_value_type_name(v), type));
	free(shown);
	return r;
}

/* "Cannot convert 'X' to the type 'T' required by parameter 'P'. why" */
static struct rt_value *
convert_argument_fail(struct conv *c, const struct meta_param *p,
		      const char *shown, const char *why)
{
	char *m;

	m = bind_format(_(bind_errors[RT_BIND_CANNOT_CONVERT_ARGUMENT].fmt),
			shown, p->type_name, p->name, why);
	return conv_fail(c, RT_BIND_CANNOT_CONVERT_ARGUMENT, m);
}

/* ---------- scalar conversions ---------- */

/* The element type of an array type ("System.Int32" of "System.Int32[]"). */
static char *
element_type(const struct meta_param *p)
{
	size_t n = strlen(p->type_name);
	if (p->is_array && n > 2 && strcmp(p->type_name + n - 2, "[]") == 0)
		n -= 2;
	return xstrndup(p->type_name, n);
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

static size_t
trimmed_len(const char *s)
{
	size_t n = strlen(s);
	while (n && strchr(" \t\n\r", s[n - 1]))
		n--;
	return n;
}

/* Accumulates digits of base into *acc; false past INT64 range. */
static bool
add_digit(int64_t *acc, int base, int d)
{
	if (*acc > (INT64_MAX - d) / base)
		return false;
	*acc = *acc * base + d;
	return true;
}

/* Rounds v up by one when the fraction says so (half to even). */
static bool
round_fraction(int64_t *v, const char *frac, const char *end)
{
	bool tail = false;

	if (frac == end)
		return true;
	for (const char *t = frac + 1; t < end; t++)
		tail |= *t != '0';
	if (*frac > '5' || (*frac == '5' && (tail || (*v & 1))))
		return add_digit(v, 1, 1);
	return true;
}

/*
 * Parses PowerShell's string-to-Int32 forms: surrounding white space,
 * a sign, decimal digits with an optional fraction (rounded half to
 * even, as [int]"2.5" is 2), or 0x hex.  "" is 0.  Returns NULL on
 * success, else the .NET reason.
 */
static const char *
parse_int32(const char *str, int32_t *out)
{
	const char *s = skip_space(str), *end = s + trimmed_len(s);
	const char *digits, *frac = NULL;
	bool neg = false, ok = true;
	int64_t v = 0;

	if (s == end) {
		*out = 0;
		return NULL;
	}
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (end - s > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
		for (s += 2; s < end; s++) {
			if (ascii_hex_value(*s) < 0)
				return MSG_BAD_FORMAT;
			ok &= add_digit(&v, 16, ascii_hex_value(*s));
		}
	} else {
		for (digits = s; s < end && *s >= '0' && *s <= '9'; s++)
			ok &= add_digit(&v, 10, *s - '0');
		if (s < end && *s == '.')
			for (frac = ++s; s < end && *s >= '0' && *s <= '9'; s++)
				;
		if (s != end || end - digits == (frac ? 1 : 0))
			return MSG_BAD_FORMAT;
		if (frac)
			ok &= round_fraction(&v, frac, end);
	}
	if (neg)
		v = -v;
	if (!ok || v < INT32_MIN || v > INT32_MAX)
		return MSG_INT_RANGE;
	*out = (int32_t)v;
	return NULL;
}

static struct rt_value *
to_int32(const struct meta_param *p, const struct rt_value *v, struct conv *c)
{
	int32_t i;
	const char *why;
	char *shown;

	switch (v->kind) {
	case RT_VAL_NULL:
		return rt_int(0);
	case RT_VAL_BOOL:
		return rt_int(v->u.b);
	case RT_VAL_INT:
		if (v->u.i >= INT32_MIN && v->u.i <= INT32_MAX)
			return rt_int(v->u.i);
		why = MSG_INT_RANGE;
		break;
	case RT_VAL_DOUBLE:
		/* Convert.ToInt32(Double): to nearest, ties to even */
		if (v->u.d > -2147483648.5 && v->u.d < 2147483647.5) {
			double r = v->u.d < 0 ? -(double)(int64_t)(-v->u.d + 0.5)
					      : (double)(int64_t)(v->u.d + 0.5);
			if (r - v->u.d == 0.5 && (int64_t)r % 2 != 0)
				r -= 1;
			else if (v->u.d - r == 0.5 && (int64_t)r % 2 != 0)
				r += 1;
			return rt_int((int64_t)r);
		}
		why = MSG_INT_RANGE;
		break;
	case RT_VAL_STRING:
		why = parse_int32(v->u.s, &i);
		if (!why)
			return rt_int(i);
		break;
	default:
		return cast_fail_type(c, p, v, "System.Int32");
	}
	shown = rt_value_to_string(v);
	cast_fail_inner(c, p, shown, "System.Int32", _(why));
	free(shown);
	return NULL;
}

/* Checks the 8-4-4-4-12 form; returns NULL or the .NET reason. */
static const char *
check_guid_d(const char *s, size_t n)
{
	if (n != 36)
		return MSG_GUID_LEN;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash != (s[i] == '-'))
			return s[i] == '-' || dash ? MSG_GUID_DASHES
						   : MSG_GUID_HEX;
		if (!dash && ascii_hex_value(s[i]) < 0)
			return MSG_GUID_HEX;
	}
	return NULL;
}

/*
 * Parses a Guid in the N, D, B or P form (as Guid.Parse does) into the
 * canonical lower-case D form in buf (37 bytes).
 */
static const char *
parse_guid(const char *str, char *buf)
{
	const char *s = skip_space(str);
	size_t n = trimmed_len(s), k = 0;
	const char *why;

	if (n == 0)
		return MSG_GUID_EMPTY;
	if (s[0] == '{' || s[0] == '(') {
		if (n < 2 || s[n - 1] != (s[0] == '{' ? '}' : ')') ||
		    !memchr(s, '-', n))
			return MSG_GUID_EMPTY;
		s++;
		n -= 2;
	}
	if (memchr(s, '-', n)) {
		if ((why = check_guid_d(s, n)))
			return why;
	} else {
		if (n != 32)
			return MSG_GUID_LEN;
		for (size_t i = 0; i < n; i++)
			if (ascii_hex_value(s[i]) < 0)
				return MSG_GUID_HEX;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			continue;
		if (k == 8 || k == 13 || k == 18 || k == 23)
			buf[k++] = '-';
		buf[k++] = "0123456789abcdef"[ascii_hex_value(s[i])];
	}
	buf[k] = '\0';
	return NULL;
}

static struct rt_value *
to_guid(const struct meta_param *p, const struct rt_value *v, struct conv *c)
{
	char buf[40];
	const char *why;

	if (v->kind != RT_VAL_STRING) {
		if (v->kind == RT_VAL_NULL)
			return cast_fail(
				c, p,
				bind_format(_(MSG_CAST_NULL), "System.Guid"));
		return cast_fail_type(c, p, v, "System.Guid");
	}
	why = parse_guid(v->u.s, buf);
	if (!why)
		return rt_string(buf);
	cast_fail_inner(c, p, v->u.s, "System.Guid", _(why));
	return NULL;
}

/*
 * An absolute URI: scheme ":" rest, where http(s) needs "//host".  A
 * rooted path counts too, as .NET treats "/x" as file:///x on Unix.
 */
static const char *
check_uri(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 0 && s[0] == '/')
		return NULL;
	while (i < n && (strchr("+-.", s[i]) || (s[i] >= '0' && s[i] <= '9') ||
			 ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
		i++;
	if (i == 0 || i == n || s[i] != ':' || i + 1 == n ||
	    !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return MSG_URI_FORMAT;
	if ((i == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (i == 5 && strncasecmp(s, "https", 5) == 0)) {
		if (n - i < 4 || s[i + 1] != '/' || s[i + 2] != '/' ||
		    strchr("/?#:", s[i + 3]))
			return MSG_URI_HOST;
	}
	return NULL;
}

static struct rt_value *
to_uri(const struct meta_param *p, const struct rt_value *v, struct conv *c)
{
	if (v->kind == RT_VAL_NULL)
		return rt_null();
	char *text = rt_value_to_string(v);
	const char *s = skip_space(text);
	size_t n = trimmed_len(s);
	const char *why = check_uri(s, n);
	struct rt_value *r = NULL;

	if (!why)
		r = rt_string_n(s, n);
	else
		cast_fail_inner(c, p, text, "System.Uri", _(why));
	free(text);
	return r;
}

static char *
join_values(const char *const *list, const char *sep)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; list && list[i]; i++) {
		if (i)
			strbuf_addstr(&sb, sep);
		strbuf_addstr(&sb, list[i]);
	}
	return strbuf_detach(&sb, NULL);
}

/* An enum by name, case-insensitively; the canonical spelling results. */
/* ActionPreference by number ("0" is SilentlyContinue), or NULL. */
static struct rt_value *
enum_by_number(const struct meta_param *p, const char *s, size_t n)
{
	size_t len = strlen(p->type_name), k = 0, i;
	static const char suffix[] = "ActionPreference";

	if (len < sizeof(suffix) - 1 ||
	    strcmp(p->type_name + len - (sizeof(suffix) - 1), suffix) != 0 ||
	    n == 0 || n > 2)
		return NULL;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return NULL;
		k = k * 10 + (size_t)(s[i] - '0');
	}
	for (i = 0; p->accepted_values[i]; i++)
		if (i == k)
			return rt_string(p->accepted_values[i]);
	return NULL;
}

static struct rt_value *
to_enum(const struct meta_param *p, const struct rt_value *v, struct conv *c)
{
	if (v->kind == RT_VAL_NULL) {
		char *t = element_type(p);
		cast_fail(c, p, bind_format(_(MSG_CAST_NULL), t));
		free(t);
		return NULL;
	}
	char *text = rt_value_to_string(v);
	const char *s = skip_space(text);
	size_t n = trimmed_len(s);
	struct rt_value *r = NULL;

	if (!p->accepted_values) {
		r = rt_string_n(s, n);
	} else if ((r = enum_by_number(p, s, n)) != NULL) {
		/* -ea 0: ActionPreference's values are its names' order */
	} else {
		for (const char *const *a = p->accepted_values; *a && !r; a++)
			if (strlen(*a) == n && strncasecmp(*a, s, n) == 0)
				r = rt_string(*a);
	}
	if (!r) {
		char *names = join_values(p->accepted_values, ", ");
		char *why = bind_format(_(MSG_ENUM), text, names);
		char *t = element_type(p);
		cast_fail_inner(c, p, text, t, why);
		free(t);
		free(why);
		free(names);
	}
	free(text);
	return r;
}

/* A string parameter with accepted values has PowerShell's ValidateSet. */
static struct rt_value *
validate_set(const struct meta_param *p, struct rt_value *s, struct conv *c)
{
	if (!p->accepted_values || s->kind != RT_VAL_STRING)
		return s;
	for (const char *const *a = p->accepted_values; *a; a++)
		if (strcasecmp(*a, s->u.s) == 0)
			return s;
	char *set = join_values(p->accepted_values, ",");
	char *why = bind_format(_(MSG_VALIDATE_SET), s->u.s, set);
	conv_fail(c, RT_BIND_VALIDATION,
		  bind_format(_(bind_errors[RT_BIND_VALIDATION].fmt), p->name,
			      why));
	free(why);
	free(set);
	rt_value_unref(s);
	return NULL;
}

static struct rt_value *
to_string(const struct meta_param *p, struct rt_value *v, struct conv *c)
{
	struct rt_value *s;

	if (v->kind == RT_VAL_NULL)
		return rt_null();
	if (v->kind == RT_VAL_STRING) {
		s = rt_value_ref(v);
	} else {
		char *text = rt_value_to_string(v);
		s = rt_string(text);
		free(text);
	}
	return validate_set(p, s, c);
}

/* Converts one element (never an array target) to p's element type. */
static struct rt_value *
convert_element(const struct meta_param *p, struct rt_value *v, struct conv *c)
{
	if (v->kind == RT_VAL_UNKNOWN)
		return rt_value_ref(v);
	switch (p->type) {
	case META_TYPE_STRING:
		return to_string(p, v, c);
	case META_TYPE_INT32:
		return to_int32(p, v, c);
	case META_TYPE_GUID:
		return to_guid(p, v, c);
	case META_TYPE_URI:
		return to_uri(p, v, c);
	case META_TYPE_ENUM:
		return to_enum(p, v, c);
	case META_TYPE_PSSESSION:
		if (v->kind == RT_VAL_SESSION || v->kind == RT_VAL_NULL)
			return rt_value_ref(v);
		return cast_fail_type(
			c, p, v,
			"System.Management.Automation.Runspaces.PSSession");
	case META_TYPE_SCRIPTBLOCK:
		if (v->kind == RT_VAL_SCRIPTBLOCK || v->kind == RT_VAL_NULL)
			return rt_value_ref(v);
		return cast_fail_type(
			c, p, v, "System.Management.Automation.ScriptBlock");
	default:
		/* Object, PSObject, credentials, options: taken as given. */
		return rt_value_ref(v);
	}
}

/* ---------- whole-value conversion ---------- */

/* A switch takes booleans and numbers only (0 is false); $null is true. */
static struct rt_value *
to_switch(const struct meta_param *p, const struct rt_value *v, struct conv *c)
{
	if (!v || v->kind == RT_VAL_NULL)
		return rt_bool(true);
	if (v->kind == RT_VAL_BOOL)
		return rt_bool(v->u.b);
	if (v->kind == RT_VAL_INT)
		return rt_bool(v->u.i != 0);
	if (v->kind == RT_VAL_DOUBLE)
		return rt_bool(v->u.d != 0);
	return convert_argument_fail(c, p, rt_value_type_name(v), "");
}

static struct rt_value *
to_array(const struct meta_param *p, struct rt_value *v, struct conv *c)
{
	struct rt_value *a = rt_array_new();
	size_t n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;

	for (size_t i = 0; i < n; i++) {
		struct rt_value *e =
			v->kind == RT_VAL_ARRAY ? v->u.array.v[i] : v;
		struct rt_value *r = convert_element(p, e, c);
		if (!r) {
			rt_value_unref(a);
			return NULL;
		}
		rt_array_push(a, r);
	}
	return a;
}

/* Enums take an array as a flags combination: "Cmdlet, Function". */
static struct rt_value *
enum_from_array(const struct meta_param *p, struct rt_value *v, struct conv *c)
{
	struct rt_value *a = to_array(p, v, c);
	struct strbuf sb = STRBUF_INIT;

	if (!a)
		return NULL;
	strbuf_init(&sb);
	for (size_t i = 0; i < a->u.array.n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", a->u.array.v[i]->u.s);
	rt_value_unref(a);
	struct rt_value *r = rt_string(sb.buf);
	strbuf_release(&sb);
	return r;
}

static bool
mandatory_anywhere(const struct meta_param *p)
{
	for (size_t i = 0; i < p->nsets; i++)
		if (p->sets[i].mandatory)
			return true;
	return false;
}

static bool
empty_string(const struct rt_value *v)
{
	return v && v->kind == RT_VAL_STRING && !*v->u.s;
}

/*
 * A mandatory parameter refuses $null, "" and @() (PowerShell's implicit
 * validation).  Object parameters allow them, as Write-Output's
 * [AllowNull()] [AllowEmptyCollection()] -InputObject does.
 */
static bool
check_mandatory_value(const struct meta_param *p, const struct rt_value *v,
		      struct conv *c)
{
	enum rt_bind_error e = RT_BIND_OK;

	if (!mandatory_anywhere(p) || p->type == META_TYPE_OBJECT ||
	    p->type == META_TYPE_SWITCH)
		return true;
	if (!v || v->kind == RT_VAL_NULL)
		e = RT_BIND_NULL_NOT_ALLOWED;
	else if (p->type == META_TYPE_STRING && empty_string(v))
		e = RT_BIND_EMPTY_STRING_NOT_ALLOWED;
	else if (v->kind == RT_VAL_ARRAY && p->is_array && v->u.array.n == 0)
		e = RT_BIND_EMPTY_ARRAY_NOT_ALLOWED;
	else if (v->kind == RT_VAL_ARRAY && p->type == META_TYPE_STRING)
		for (size_t i = 0; i < v->u.array.n && !e; i++)
			if (empty_string(v->u.array.v[i]))
				e = RT_BIND_EMPTY_STRING_NOT_ALLOWED;
	if (!e)
		return true;
	conv_fail(c, e, bind_format(_(bind_errors[e].fmt), p->name));
	return false;
}

/*
 * The remoting cmdlets declare [ValidateNotNullOrEmpty()] on -Session,
 * -ComputerName and -Name; the metadata has no field for validation
 * attributes, so they are known here by name.
 */
static bool
validates_not_empty(const struct meta_command *cmd, const struct meta_param *p)
{
	size_t n = strlen(cmd->name);

	if (!(n > 9 && strcmp(cmd->name + n - 9, "PSSession") == 0) &&
	    strcmp(cmd->name, "Invoke-Command") != 0)
		return false;
	return strcmp(p->name, "Session") == 0 ||
	       strcmp(p->name, "ComputerName") == 0 ||
	       strcmp(p->name, "Name") == 0;
}

bool
bind_not_null_or_empty(const struct meta_command *cmd,
		       const struct meta_param *p, const struct rt_value *v,
		       struct conv *c)
{
	bool bad = false;

	/* before the mandatory check: PowerShell runs the attributes first */
	if (!v || v->kind == RT_VAL_UNKNOWN || !validates_not_empty(cmd, p))
		return true;
	if (v->kind == RT_VAL_NULL || empty_string(v))
		bad = true;
	for (size_t i = 0; v->kind == RT_VAL_ARRAY && i < v->u.array.n; i++)
		if (v->u.array.v[i]->kind == RT_VAL_NULL ||
		    empty_string(v->u.array.v[i]))
			bad = true;
	if (!bad)
		return true;
	conv_fail(c, RT_BIND_VALIDATION,
		  bind_format(_(bind_errors[RT_BIND_VALIDATION].fmt), p->name,
			      _("The argument is null or empty. Provide an "
				"argument that is not null or empty, and then "
				"try the command again.")));
	return false;
}

/*
 * Converts v (NULL: a switch named without a value) for p.  Returns a
 * new reference, or NULL with *c filled.
 */
struct rt_value *
bind_convert(const struct meta_param *p, struct rt_value *v, struct conv *c)
{
	if (v && v->kind == RT_VAL_UNKNOWN) /* could be anything: it binds */
		return p->type == META_TYPE_SWITCH ? rt_bool(true)
						   : rt_value_ref(v);
	if (p->type == META_TYPE_SWITCH)
		return to_switch(p, v, c);
	if (!check_mandatory_value(p, v, c))
		return NULL;
	if (v->kind == RT_VAL_NULL)
		return convert_element(p, v, c);
	if (p->is_array)
		return to_array(p, v, c);
	if (v->kind != RT_VAL_ARRAY)
		return convert_element(p, v, c);
	if (p->type == META_TYPE_ENUM)
		return enum_from_array(p, v, c);
	if (p->type == META_TYPE_OBJECT)
		return rt_value_ref(v);
	/* A collection never binds to a scalar parameter. */
	return convert_argument_fail(c, p, "System.Object[]",
				     _(MSG_NOT_SUPPORTED));
}

/* True if v needs no type coercion to bind to p's element type. */
static bool
element_native(const struct meta_param *p, const struct rt_value *v)
{
	switch (p->type) {
	case META_TYPE_STRING:
		return v->kind == RT_VAL_STRING;
	case META_TYPE_INT32:
		return v->kind == RT_VAL_INT && v->u.i >= INT32_MIN &&
		       v->u.i <= INT32_MAX;
	case META_TYPE_SWITCH:
		return v->kind == RT_VAL_BOOL;
	case META_TYPE_PSSESSION:
		return v->kind == RT_VAL_SESSION;
	case META_TYPE_SCRIPTBLOCK:
		return v->kind == RT_VAL_SCRIPTBLOCK;
	case META_TYPE_GUID:
	case META_TYPE_URI:
	case META_TYPE_ENUM:
		return false;
	default:
		return true;
	}
}

bool
bind_native(const struct meta_param *p, const struct rt_value *v)
{
	if (p->type == META_TYPE_OBJECT)
		return true;
	if (v->kind != RT_VAL_ARRAY)
		return element_native(p, v);
	if (!p->is_array)
		return false;
	for (size_t i = 0; i < v->u.array.n; i++)
		if (!element_native(p, v->u.array.v[i]))
			return false;
	return true;
}
