/* SPDX-License-Identifier: MIT */
/*
 * The parameter binder (see bind.h).  The phases follow PowerShell's
 * ParameterBinderController: named arguments, positional arguments (per
 * position: the default set first, without then with type coercion),
 * left-over arguments, pipeline input (by value, by property name; again
 * without coercion first), parameter set resolution, mandatory check.
 *
 * Parameter sets are bit masks over the command's set list, so a command
 * may have at most 64 sets (test_rt_meta checks every table).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "i18n.h"
#include "rt_value.h"
#include "session_props.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_SETS 64

struct binder {
	const struct rt_command *cmd;
	struct rt_binding *b;
	const struct rt_arg *args;
	size_t nargs;
	/* The command's parameters, then the common ones, then -WhatIf and
	   -Confirm: the order of PowerShell's merged metadata. */
	const struct rt_param **params;
	size_t nparams, ndeclared;
	uint64_t *masks; /* the sets each parameter belongs to */
	int *slot;	 /* index in b->bound, or -1 while unbound */
	const char *const *sets;
	size_t nsets;
	int dflt;	/* index of the default set, or -1 */
	uint64_t valid; /* the sets still possible */
};

/* ---------- messages ---------- */

static const struct {
	const char *id;
	const char *fmt;
} errors[] = {
	[RT_BIND_NAMED_PARAMETER_NOT_FOUND] = { "NamedParameterNotFound",
		N_("A parameter cannot be found that matches parameter name "
		   "'%s'.") },
	[RT_BIND_AMBIGUOUS_PARAMETER] = { "AmbiguousParameter",
		N_("Parameter cannot be processed because the parameter name "
		   "'%s' is ambiguous. Possible matches include:%s.") },
	[RT_BIND_MISSING_ARGUMENT] = { "MissingArgument",
		N_("Missing an argument for parameter '%s'. Specify a "
		   "parameter of type '%s' and try again.") },
	[RT_BIND_PARAMETER_ALREADY_BOUND] = { "ParameterAlreadyBound",
		N_("Cannot bind parameter because parameter '%s' is specified "
		   "more than once. To provide multiple values to parameters "
		   "that can accept multiple values, use the array syntax. For "
		   "example, \"-parameter value1,value2,value3\".") },
	[RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND] = {
		"PositionalParameterNotFound",
		N_("A positional parameter cannot be found that accepts "
		   "argument '%s'.") },
	[RT_BIND_AMBIGUOUS_PARAMETER_SET] = { "AmbiguousParameterSet",
		N_("Parameter set cannot be resolved using the specified named "
		   "parameters. One or more parameters issued cannot be used "
		   "together or an insufficient number of parameters were "
		   "provided.") },
	[RT_BIND_CANNOT_CONVERT] = { "CannotConvertArgumentNoMessage",
		N_("Cannot bind parameter '%s'. %s") },
	[RT_BIND_CANNOT_CONVERT_ARGUMENT] = { "CannotConvertArgument",
		/* TRANSLATORS: the value, its type, the parameter, a reason. */
		N_("Cannot convert '%s' to the type '%s' required by parameter "
		   "'%s'. %s") },
	[RT_BIND_VALIDATION] = { "ParameterArgumentValidationError",
		N_("Cannot validate argument on parameter '%s'. %s") },
	[RT_BIND_NULL_NOT_ALLOWED] = {
		"ParameterArgumentValidationErrorNullNotAllowed",
		N_("Cannot bind argument to parameter '%s' because it is "
		   "null.") },
	[RT_BIND_EMPTY_STRING_NOT_ALLOWED] = {
		"ParameterArgumentValidationErrorEmptyStringNotAllowed",
		N_("Cannot bind argument to parameter '%s' because it is an "
		   "empty string.") },
	[RT_BIND_EMPTY_ARRAY_NOT_ALLOWED] = {
		"ParameterArgumentValidationErrorEmptyArrayNotAllowed",
		N_("Cannot bind argument to parameter '%s' because it is an "
		   "empty array.") },
	[RT_BIND_INPUT_NOT_BOUND] = { "InputObjectNotBound",
		N_("The input object cannot be bound to any parameters for the "
		   "command either because the command does not take pipeline "
		   "input or the input and its properties do not match any of "
		   "the parameters that take pipeline input.") },
	[RT_BIND_MISSING_MANDATORY] = { "MissingMandatoryParameter",
		N_("Cannot process command because of one or more missing "
		   "mandatory parameters:%s.") },
};

/* .NET's texts for the conversions the binder performs (the {6} part). */
#define MSG_CAST_INNER N_("Cannot convert value \"%s\" to type \"%s\". " \
			  "Error: \"%s\"")
#define MSG_CAST N_("Cannot convert the \"%s\" value of type \"%s\" to " \
		    "type \"%s\".")
#define MSG_CAST_NULL N_("Cannot convert null to type \"%s\".")
#define MSG_BAD_FORMAT N_("Input string was not in a correct format.")
#define MSG_INT_RANGE N_("Value was either too large or too small for an " \
			 "Int32.")
#define MSG_ENUM N_("Unable to match the identifier name %s to a valid " \
		    "enumerator name. Specify one of the following " \
		    "enumerator names and try again:\n%s")
#define MSG_GUID_EMPTY N_("Unrecognized Guid format.")
#define MSG_GUID_LEN N_("Guid should contain 32 digits with 4 dashes " \
			"(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
#define MSG_GUID_DASHES N_("Dashes are in the wrong position for GUID " \
			   "parsing.")
#define MSG_GUID_HEX N_("Guid string should only contain hexadecimal " \
			"characters.")
#define MSG_URI_FORMAT N_("Invalid URI: The format of the URI could not be " \
			  "determined.")
#define MSG_URI_HOST N_("Invalid URI: The hostname could not be parsed.")
#define MSG_NOT_SUPPORTED N_("Specified method is not supported.")
#define MSG_VALIDATE_SET N_("The argument \"%s\" does not belong to the " \
			    "set \"%s\" specified by the ValidateSet " \
			    "attribute. Supply an argument that is in the " \
			    "set and then try the command again.")

static char *
vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return xstrdup(fmt);
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *
format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Records the first error; the rest of binding stops.  Returns false. */
static bool
fail(struct binder *bd, enum rt_bind_error e, int arg, ...)
{
	struct rt_binding *b = bd->b;
	va_list ap;

	if (b->error)
		return false;
	b->error = e;
	b->error_id = errors[e].id;
	b->error_arg = arg;
	va_start(ap, arg);
	b->message = vformat(_(errors[e].fmt), ap);
	va_end(ap);
	return false;
}

/* A conversion failure: which error, and its finished message. */
struct conv {
	enum rt_bind_error error;
	char *message;
};

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
cast_fail(struct conv *c, const struct rt_param *p, char *detail)
{
	char *m = format(_(errors[RT_BIND_CANNOT_CONVERT].fmt), p->name,
			 detail);
	free(detail);
	return conv_fail(c, RT_BIND_CANNOT_CONVERT, m);
}

/* 'Cannot convert value "v" to type "T". Error: "why"'. */
static struct rt_value *
cast_fail_inner(struct conv *c, const struct rt_param *p, const char *shown,
		const char *type, const char *why)
{
	return cast_fail(c, p, format(_(MSG_CAST_INNER), shown, type, why));
}

/* 'Cannot convert the "v" value of type "X" to type "T".' */
static struct rt_value *
cast_fail_type(struct conv *c, const struct rt_param *p,
	       const struct rt_value *v, const char *type)
{
	char *shown = rt_value_to_string(v);
	struct rt_value *r = cast_fail(c, p, format(_(MSG_CAST), shown,
						    rt_value_type_name(v),
						    type));
	free(shown);
	return r;
}

/* "Cannot convert 'X' to the type 'T' required by parameter 'P'. why" */
static struct rt_value *
convert_argument_fail(struct conv *c, const struct rt_param *p,
		      const char *shown, const char *why)
{
	char *m = format(_(errors[RT_BIND_CANNOT_CONVERT_ARGUMENT].fmt),
			 shown, p->type_name, p->name, why);
	return conv_fail(c, RT_BIND_CANNOT_CONVERT_ARGUMENT, m);
}

/* ---------- scalar conversions ---------- */

/* The element type of an array type ("System.Int32" of "System.Int32[]"). */
static char *
element_type(const struct rt_param *p)
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

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
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
			if (hex_digit(*s) < 0)
				return MSG_BAD_FORMAT;
			ok &= add_digit(&v, 16, hex_digit(*s));
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
to_int32(const struct rt_param *p, const struct rt_value *v, struct conv *c)
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
			return s[i] == '-' || dash ? MSG_GUID_DASHES :
				MSG_GUID_HEX;
		if (!dash && hex_digit(s[i]) < 0)
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
			if (hex_digit(s[i]) < 0)
				return MSG_GUID_HEX;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			continue;
		if (k == 8 || k == 13 || k == 18 || k == 23)
			buf[k++] = '-';
		buf[k++] = "0123456789abcdef"[hex_digit(s[i])];
	}
	buf[k] = '\0';
	return NULL;
}

static struct rt_value *
to_guid(const struct rt_param *p, const struct rt_value *v, struct conv *c)
{
	char buf[40];
	const char *why;

	if (v->kind != RT_VAL_STRING) {
		if (v->kind == RT_VAL_NULL)
			return cast_fail(c, p, format(_(MSG_CAST_NULL),
						      "System.Guid"));
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
to_uri(const struct rt_param *p, const struct rt_value *v, struct conv *c)
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
static struct rt_value *
to_enum(const struct rt_param *p, const struct rt_value *v, struct conv *c)
{
	if (v->kind == RT_VAL_NULL) {
		char *t = element_type(p);
		cast_fail(c, p, format(_(MSG_CAST_NULL), t));
		free(t);
		return NULL;
	}
	char *text = rt_value_to_string(v);
	const char *s = skip_space(text);
	size_t n = trimmed_len(s);
	struct rt_value *r = NULL;

	if (!p->accepted_values) {
		r = rt_string_n(s, n);
	} else {
		for (const char *const *a = p->accepted_values; *a && !r; a++)
			if (strlen(*a) == n && strncasecmp(*a, s, n) == 0)
				r = rt_string(*a);
	}
	if (!r) {
		char *names = join_values(p->accepted_values, ", ");
		char *why = format(_(MSG_ENUM), text, names);
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
validate_set(const struct rt_param *p, struct rt_value *s, struct conv *c)
{
	if (!p->accepted_values || s->kind != RT_VAL_STRING)
		return s;
	for (const char *const *a = p->accepted_values; *a; a++)
		if (strcasecmp(*a, s->u.s) == 0)
			return s;
	char *set = join_values(p->accepted_values, ",");
	char *why = format(_(MSG_VALIDATE_SET), s->u.s, set);
	conv_fail(c, RT_BIND_VALIDATION,
		  format(_(errors[RT_BIND_VALIDATION].fmt), p->name, why));
	free(why);
	free(set);
	rt_value_unref(s);
	return NULL;
}

static struct rt_value *
to_string(const struct rt_param *p, struct rt_value *v, struct conv *c)
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
convert_element(const struct rt_param *p, struct rt_value *v, struct conv *c)
{
	switch (p->type) {
	case RT_TYPE_STRING:
		return to_string(p, v, c);
	case RT_TYPE_INT32:
		return to_int32(p, v, c);
	case RT_TYPE_GUID:
		return to_guid(p, v, c);
	case RT_TYPE_URI:
		return to_uri(p, v, c);
	case RT_TYPE_ENUM:
		return to_enum(p, v, c);
	case RT_TYPE_PSSESSION:
		if (v->kind == RT_VAL_SESSION || v->kind == RT_VAL_NULL)
			return rt_value_ref(v);
		return cast_fail_type(c, p, v,
			"System.Management.Automation.Runspaces.PSSession");
	case RT_TYPE_SCRIPTBLOCK:
		if (v->kind == RT_VAL_SCRIPTBLOCK || v->kind == RT_VAL_NULL)
			return rt_value_ref(v);
		return cast_fail_type(c, p, v,
			"System.Management.Automation.ScriptBlock");
	default:
		/* Object, PSObject, credentials, options: taken as given. */
		return rt_value_ref(v);
	}
}

/* ---------- whole-value conversion ---------- */

/* A switch takes booleans and numbers only (0 is false); $null is true. */
static struct rt_value *
to_switch(const struct rt_param *p, const struct rt_value *v, struct conv *c)
{
	if (!v || v->kind == RT_VAL_NULL)
		return rt_bool(true);
	if (v->kind == RT_VAL_BOOL)
		return rt_bool(v->u.b);
	if (v->kind == RT_VAL_INT)
		return rt_bool(v->u.i != 0);
	return convert_argument_fail(c, p, rt_value_type_name(v), "");
}

static struct rt_value *
to_array(const struct rt_param *p, struct rt_value *v, struct conv *c)
{
	struct rt_value *a = rt_array_new();
	size_t n = v->kind == RT_VAL_ARRAY ? v->u.array.n : 1;

	for (size_t i = 0; i < n; i++) {
		struct rt_value *e = v->kind == RT_VAL_ARRAY ?
			v->u.array.v[i] : v;
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
enum_from_array(const struct rt_param *p, struct rt_value *v, struct conv *c)
{
	struct rt_value *a = to_array(p, v, c);
	struct strbuf sb = STRBUF_INIT;

	if (!a)
		return NULL;
	strbuf_init(&sb);
	for (size_t i = 0; i < a->u.array.n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "",
			    a->u.array.v[i]->u.s);
	rt_value_unref(a);
	struct rt_value *r = rt_string(sb.buf);
	strbuf_release(&sb);
	return r;
}

static bool
mandatory_anywhere(const struct rt_param *p)
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
check_mandatory_value(const struct rt_param *p, const struct rt_value *v,
		      struct conv *c)
{
	enum rt_bind_error e = RT_BIND_OK;

	if (!mandatory_anywhere(p) || p->type == RT_TYPE_OBJECT ||
	    p->type == RT_TYPE_SWITCH)
		return true;
	if (!v || v->kind == RT_VAL_NULL)
		e = RT_BIND_NULL_NOT_ALLOWED;
	else if (p->type == RT_TYPE_STRING && empty_string(v))
		e = RT_BIND_EMPTY_STRING_NOT_ALLOWED;
	else if (v->kind == RT_VAL_ARRAY && p->is_array && v->u.array.n == 0)
		e = RT_BIND_EMPTY_ARRAY_NOT_ALLOWED;
	else if (v->kind == RT_VAL_ARRAY && p->type == RT_TYPE_STRING)
		for (size_t i = 0; i < v->u.array.n && !e; i++)
			if (empty_string(v->u.array.v[i]))
				e = RT_BIND_EMPTY_STRING_NOT_ALLOWED;
	if (!e)
		return true;
	conv_fail(c, e, format(_(errors[e].fmt), p->name));
	return false;
}

/*
 * Converts v (NULL: a switch named without a value) for p.  Returns a
 * new reference, or NULL with *c filled.
 */
static struct rt_value *
convert(const struct rt_param *p, struct rt_value *v, struct conv *c)
{
	if (p->type == RT_TYPE_SWITCH)
		return to_switch(p, v, c);
	if (!check_mandatory_value(p, v, c))
		return NULL;
	if (v->kind == RT_VAL_NULL)
		return convert_element(p, v, c);
	if (p->is_array)
		return to_array(p, v, c);
	if (v->kind != RT_VAL_ARRAY)
		return convert_element(p, v, c);
	if (p->type == RT_TYPE_ENUM)
		return enum_from_array(p, v, c);
	if (p->type == RT_TYPE_OBJECT)
		return rt_value_ref(v);
	/* A collection never binds to a scalar parameter. */
	return convert_argument_fail(c, p, "System.Object[]",
				     _(MSG_NOT_SUPPORTED));
}

/* True if v needs no type coercion to bind to p's element type. */
static bool
element_native(const struct rt_param *p, const struct rt_value *v)
{
	switch (p->type) {
	case RT_TYPE_STRING:
		return v->kind == RT_VAL_STRING;
	case RT_TYPE_INT32:
		return v->kind == RT_VAL_INT && v->u.i >= INT32_MIN &&
			v->u.i <= INT32_MAX;
	case RT_TYPE_SWITCH:
		return v->kind == RT_VAL_BOOL;
	case RT_TYPE_PSSESSION:
		return v->kind == RT_VAL_SESSION;
	case RT_TYPE_SCRIPTBLOCK:
		return v->kind == RT_VAL_SCRIPTBLOCK;
	case RT_TYPE_GUID:
	case RT_TYPE_URI:
	case RT_TYPE_ENUM:
		return false;
	default:
		return true;
	}
}

static bool
native(const struct rt_param *p, const struct rt_value *v)
{
	if (p->type == RT_TYPE_OBJECT)
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

/* ---------- the binder's tables ---------- */

static const char *const unnamed_sets[] = { RT_ALL_SETS, NULL };

static uint64_t
all_sets(const struct binder *bd)
{
	return bd->nsets >= 64 ? UINT64_MAX :
		((uint64_t)1 << bd->nsets) - 1;
}

/*
 * The sets in which parameter pi sits at position pos (at any position,
 * named included, when pos is -2) and, if pipe is set, takes that
 * pipeline input.
 */
static uint64_t
sets_at(const struct binder *bd, size_t pi, int pos, unsigned pipe)
{
	const struct rt_param *p = bd->params[pi];
	uint64_t m = 0;

	for (size_t s = 0; s < bd->nsets; s++) {
		const struct rt_param_set *ps = rt_param_in_set(p, bd->sets[s]);
		if (!ps || (pos >= -1 && ps->position != pos))
			continue;
		if (pipe && !(ps->pipeline & pipe))
			continue;
		m |= (uint64_t)1 << s;
	}
	return m;
}

static void
add_params(struct binder *bd, const struct rt_param *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bd->params[bd->nparams++] = &v[i];
}

static void
binder_init(struct binder *bd, struct rt_binding *b,
	    const struct rt_command *cmd, const struct rt_arg *args,
	    size_t nargs)
{
	size_t ncommon = 0, nsp = 0;
	const struct rt_param *common = rt_common_params(&ncommon);
	const struct rt_param *sp = rt_should_process_params(&nsp);

	memset(bd, 0, sizeof(*bd));
	bd->cmd = cmd;
	bd->b = b;
	bd->args = args;
	bd->nargs = nargs;
	if (!cmd->common_parameters)
		ncommon = 0;
	if (!cmd->should_process)
		nsp = 0;
	bd->params = xcalloc(cmd->nparams + ncommon + nsp + 1,
			     sizeof(*bd->params));
	add_params(bd, cmd->params, cmd->nparams);
	bd->ndeclared = bd->nparams;
	add_params(bd, common, ncommon);
	add_params(bd, sp, nsp);

	bd->sets = cmd->sets && cmd->sets[0] ? cmd->sets : unnamed_sets;
	while (bd->sets[bd->nsets] && bd->nsets < MAX_SETS)
		bd->nsets++;
	bd->dflt = -1;
	for (size_t s = 0; cmd->default_set && s < bd->nsets; s++)
		if (strcmp(cmd->default_set, bd->sets[s]) == 0)
			bd->dflt = (int)s;

	bd->masks = xcalloc(bd->nparams + 1, sizeof(*bd->masks));
	bd->slot = xcalloc(bd->nparams + 1, sizeof(*bd->slot));
	for (size_t i = 0; i < bd->nparams; i++) {
		bd->masks[i] = sets_at(bd, i, -2, 0);
		bd->slot[i] = -1;
	}
	bd->valid = all_sets(bd);
}

static void
binder_release(struct binder *bd)
{
	free(bd->params);
	free(bd->masks);
	free(bd->slot);
}

/* Takes over v. */
static void
bind_value(struct binder *bd, size_t pi, struct rt_value *v, int arg,
	   bool pipe)
{
	struct rt_binding *b = bd->b;
	size_t cap = b->nbound; /* grown one at a time: few parameters */

	b->bound = xrealloc(b->bound, (cap + 1) * sizeof(*b->bound));
	b->bound[b->nbound] = (struct rt_bound){
		.param = bd->params[pi], .value = v, .arg = arg,
		.from_pipeline = pipe,
	};
	bd->slot[pi] = (int)b->nbound++;
	bd->valid &= bd->masks[pi];
}

/* ---------- parameter names ---------- */

static bool
name_is(const char *name, const char *token)
{
	return strcasecmp(name, token) == 0;
}

static bool
prefix_of(const char *name, const char *token, size_t n)
{
	return strncasecmp(name, token, n) == 0;
}

/* Matches p by exact name or alias (exact) or by prefix (!exact). */
static bool
param_matches(const struct rt_param *p, const char *token, bool exact)
{
	size_t n = strlen(token);

	if (exact ? name_is(p->name, token) : prefix_of(p->name, token, n))
		return true;
	for (const char *const *a = p->aliases; a && *a; a++)
		if (exact ? name_is(*a, token) : prefix_of(*a, token, n))
			return true;
	return false;
}

static bool
ambiguous(struct binder *bd, int arg, const char *token, const size_t *hits,
	  size_t nhits)
{
	struct strbuf list = STRBUF_INIT;
	strbuf_init(&list);
	for (size_t i = 0; i < nhits; i++)
		strbuf_addf(&list, " -%s", bd->params[hits[i]]->name);
	fail(bd, RT_BIND_AMBIGUOUS_PARAMETER, arg, token, list.buf);
	strbuf_release(&list);
	return false;
}

/*
 * PowerShell's GetMatchingParameter: an exact name or alias wins, else
 * a unique prefix of a name or alias; among several prefix matches a
 * single declared parameter beats the common ones.
 */
static bool
match_param(struct binder *bd, int arg, const char *token, size_t *out)
{
	size_t *hits, nhits = 0, ndecl = 0, decl = 0;

	for (size_t i = 0; *token && i < bd->nparams; i++) {
		if (param_matches(bd->params[i], token, true)) {
			*out = i;
			return true;
		}
	}
	hits = xcalloc(bd->nparams + 1, sizeof(*hits));
	for (size_t i = 0; *token && i < bd->nparams; i++) {
		if (!param_matches(bd->params[i], token, false))
			continue;
		hits[nhits++] = i;
		if (i < bd->ndeclared) {
			ndecl++;
			decl = i;
		}
	}
	bool ok = nhits == 1 || ndecl == 1;
	if (ok)
		*out = nhits == 1 ? hits[0] : decl;
	else if (nhits == 0)
		fail(bd, RT_BIND_NAMED_PARAMETER_NOT_FOUND, arg, token);
	else
		ambiguous(bd, arg, token, hits, nhits);
	free(hits);
	return ok;
}

/* Reports a conversion failure; takes over c->message. */
static bool
report_conv(struct binder *bd, struct conv *c, int arg)
{
	struct rt_binding *b = bd->b;

	if (b->error || !c->error) {
		free(c->message);
		return false;
	}
	b->error = c->error;
	b->error_id = errors[c->error].id;
	b->error_arg = arg;
	b->message = c->message;
	return false;
}

/* ---------- named arguments ---------- */

static bool
bind_converted(struct binder *bd, size_t pi, struct rt_value *v, int arg,
	       int value_arg)
{
	struct conv c = { RT_BIND_OK, NULL };
	struct rt_value *r = convert(bd->params[pi], v, &c);

	if (!r)
		return report_conv(bd, &c, value_arg);
	bind_value(bd, pi, r, arg, false);
	return true;
}

/* Binds args[*i] (a -Name token), consuming its value; false on error. */
static bool
bind_named_one(struct binder *bd, size_t *i)
{
	const struct rt_arg *a = &bd->args[*i];
	int arg = (int)*i, value_arg = arg;
	struct rt_value *v = NULL;
	size_t pi;

	if (!match_param(bd, arg, a->name, &pi))
		return false;
	const struct rt_param *p = bd->params[pi];
	if (bd->slot[pi] >= 0)
		return fail(bd, RT_BIND_PARAMETER_ALREADY_BOUND, arg, a->name);
	if (a->colon) {
		v = a->value;
		if (!v)
			return fail(bd, RT_BIND_MISSING_ARGUMENT, arg, p->name,
				    p->type_name);
	} else if (p->type != RT_TYPE_SWITCH) {
		if (*i + 1 >= bd->nargs || bd->args[*i + 1].name ||
		    !bd->args[*i + 1].value)
			return fail(bd, RT_BIND_MISSING_ARGUMENT, arg, p->name,
				    p->type_name);
		v = bd->args[++*i].value;
		value_arg = (int)*i;
	}
	return bind_converted(bd, pi, v, arg, value_arg);
}

static bool
bind_named(struct binder *bd, size_t *positional, size_t *npositional)
{
	for (size_t i = 0; i < bd->nargs; i++) {
		if (!bd->args[i].name) {
			if (bd->args[i].value)
				positional[(*npositional)++] = i;
			continue;
		}
		if (!bind_named_one(bd, &i))
			return false;
	}
	if (!bd->valid)
		return fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
	return true;
}

/* ---------- positional arguments ---------- */

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The distinct positions of unbound parameters in the valid sets. */
static size_t
positions(const struct binder *bd, int *out)
{
	size_t n = 0;

	for (size_t pi = 0; pi < bd->nparams; pi++) {
		const struct rt_param *p = bd->params[pi];
		for (size_t s = 0; bd->slot[pi] < 0 && s < p->nsets; s++) {
			int pos = p->sets[s].position;
			if (pos != RT_POSITION_NAMED)
				out[n++] = pos;
		}
	}
	qsort(out, n, sizeof(*out), cmp_int);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || out[k - 1] != out[i])
			out[k++] = out[i];
	return k;
}

/* The sets to try in one pass: the default set alone, or all valid. */
static uint64_t
pass_sets(const struct binder *bd, bool default_only)
{
	if (!default_only)
		return bd->valid;
	if (bd->dflt < 0)
		return 0;
	return bd->valid & ((uint64_t)1 << bd->dflt);
}

/*
 * Tries to bind value to an unbound parameter taking `pipe` input (or at
 * position pos when pipe is 0) in the sets of the pass.  Conversion
 * errors are kept in *c for the caller to report if nothing binds.
 */
static bool
try_bind(struct binder *bd, int pos, unsigned pipe, uint64_t sets,
	 bool coerce, struct rt_value *value, int arg, struct conv *c)
{
	for (size_t pi = 0; sets && pi < bd->nparams; pi++) {
		const struct rt_param *p = bd->params[pi];
		if (bd->slot[pi] >= 0 || !(sets_at(bd, pi, pos, pipe) & sets))
			continue;
		if (!coerce && !native(p, value))
			continue;
		struct conv mine = { RT_BIND_OK, NULL };
		struct rt_value *r = convert(p, value, &mine);
		if (!r) {
			if (!c->error)
				*c = mine;
			else
				free(mine.message);
			continue;
		}
		bind_value(bd, pi, r, arg, pipe != 0);
		return true;
	}
	return false;
}

/* The four passes: default set first, without then with coercion. */
static bool
try_passes(struct binder *bd, int pos, unsigned pipe, struct rt_value *v,
	   int arg, struct conv *c)
{
	for (int coerce = 0; coerce < 2; coerce++)
		for (int all = 0; all < 2; all++)
			if (try_bind(bd, pos, pipe, pass_sets(bd, !all), coerce,
				     v, arg, c))
				return true;
	return false;
}

static bool
has_candidates(const struct binder *bd, int pos)
{
	for (size_t pi = 0; pi < bd->nparams; pi++)
		if (bd->slot[pi] < 0 && (sets_at(bd, pi, pos, 0) & bd->valid))
			return true;
	return false;
}

static char *
arg_display(const struct rt_value *v)
{
	if (v->kind == RT_VAL_ARRAY)
		return xstrdup("System.Object[]");
	return rt_value_to_string(v);
}

static bool
positional_not_found(struct binder *bd, size_t arg)
{
	char *shown = arg_display(bd->args[arg].value);
	fail(bd, RT_BIND_POSITIONAL_PARAMETER_NOT_FOUND, (int)arg, shown);
	free(shown);
	return false;
}

/* The parameter that takes left-over arguments in a valid set, or -1. */
static int
remaining_param(const struct binder *bd)
{
	for (size_t pi = 0; pi < bd->nparams; pi++)
		if (sets_at(bd, pi, -2, RT_PIPE_FROM_REMAINING) & bd->valid)
			return (int)pi;
	return -1;
}

/*
 * Left-over positional arguments go to a ValueFromRemainingArguments
 * parameter, after its own positional value if it got one.
 */
static bool
bind_remaining(struct binder *bd, const size_t *left, size_t n)
{
	int pi = remaining_param(bd);
	struct rt_value *raw;
	int first;

	if (n == 0)
		return true;
	/* A value given by name does not collect the rest. */
	if (pi < 0 || (bd->slot[pi] >= 0 &&
		       bd->args[bd->b->bound[bd->slot[pi]].arg].name))
		return positional_not_found(bd, left[0]);
	raw = rt_array_new();
	first = (int)left[0];
	if (bd->slot[pi] >= 0) {
		first = bd->b->bound[bd->slot[pi]].arg;
		rt_array_push(raw, rt_value_ref(bd->args[first].value));
	}
	for (size_t i = 0; i < n; i++)
		rt_array_push(raw, rt_value_ref(bd->args[left[i]].value));

	struct conv c = { RT_BIND_OK, NULL };
	struct rt_value *r = convert(bd->params[pi], raw, &c);
	rt_value_unref(raw);
	if (!r)
		return report_conv(bd, &c, first);
	if (bd->slot[pi] >= 0) {
		struct rt_bound *old = &bd->b->bound[bd->slot[pi]];
		rt_value_unref(old->value);
		old->value = r;
	} else {
		bind_value(bd, (size_t)pi, r, first, false);
	}
	return true;
}

static bool
bind_positional(struct binder *bd, const size_t *pos_args, size_t npos)
{
	size_t total = 0, next = 0;
	bool ok = true;

	for (size_t pi = 0; pi < bd->nparams; pi++)
		total += bd->params[pi]->nsets;
	int *pos = xcalloc(total + 1, sizeof(*pos));
	size_t npositions = positions(bd, pos);

	for (size_t k = 0; ok && k < npositions && next < npos; k++) {
		if (!has_candidates(bd, pos[k]))
			continue;
		size_t arg = pos_args[next];
		struct conv c = { RT_BIND_OK, NULL };
		if (try_passes(bd, pos[k], 0, bd->args[arg].value, (int)arg,
			       &c)) {
			free(c.message);
			next++;
		} else if (c.error) {
			ok = report_conv(bd, &c, (int)arg);
		} else {
			ok = positional_not_found(bd, arg);
		}
	}
	free(pos);
	return ok && bind_remaining(bd, pos_args + next, npos - next);
}

/* ---------- pipeline input ---------- */

/* A new reference to property `name` of v, or NULL. */
static struct rt_value *
property(const struct rt_value *v, const char *name)
{
	if (v->kind == RT_VAL_RECORD)
		return rt_value_ref(rt_record_get(v, name));
	if (v->kind == RT_VAL_SESSION)
		return rt_session_prop(v->u.session, name);
	return NULL;
}

static struct rt_value *
property_for(const struct rt_param *p, const struct rt_value *v)
{
	struct rt_value *r = property(v, p->name);
	for (const char *const *a = p->aliases; !r && a && *a; a++)
		r = property(v, *a);
	return r;
}

/*
 * Binds the object (by value) or its properties (by property name) to
 * every unbound parameter that takes that input in one of `sets`.  As in
 * PowerShell, the sets narrow only after the whole pass.
 */
static bool
bind_input_in(struct binder *bd, struct rt_value *input, unsigned pipe,
	      bool coerce, uint64_t sets)
{
	bool any = false;

	for (size_t pi = 0; sets && pi < bd->nparams; pi++) {
		const struct rt_param *p = bd->params[pi];
		if (bd->slot[pi] >= 0 || !(sets_at(bd, pi, -2, pipe) & sets))
			continue;
		struct rt_value *v = pipe == RT_PIPE_BY_VALUE ?
			rt_value_ref(input) : property_for(p, input);
		struct conv c = { RT_BIND_OK, NULL };
		struct rt_value *r = NULL;
		if (v && (coerce || native(p, v)))
			r = convert(p, v, &c);
		free(c.message);
		rt_value_unref(v);
		if (r) {
			bind_value(bd, pi, r, -1, true);
			any = true;
		}
	}
	return any;
}

/* One binding state: the default set first, the others only if need be. */
static bool
bind_input_state(struct binder *bd, struct rt_value *input, unsigned pipe,
		 bool coerce)
{
	uint64_t dflt = pass_sets(bd, true), valid = bd->valid;

	if (dflt && bind_input_in(bd, input, pipe, coerce, dflt))
		return true;
	return bind_input_in(bd, input, pipe, coerce, valid & ~dflt);
}

/*
 * PowerShell's four states: by value, by property name, each first
 * without and then with type coercion.
 */
static bool
bind_pipeline(struct binder *bd, struct rt_value *input)
{
	static const unsigned pipes[2] = { RT_PIPE_BY_VALUE,
					   RT_PIPE_BY_PROPERTY_NAME };
	bool any = false;

	for (int coerce = 0; coerce < 2; coerce++) {
		for (int k = 0; k < 2; k++) {
			if (!bind_input_state(bd, input, pipes[k], coerce))
				continue;
			any = true;
			if (!bd->valid)
				return fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET,
					    -1);
			/* Once the default set is possible it is chosen. */
			if (pass_sets(bd, true))
				bd->valid = pass_sets(bd, true);
		}
	}
	if (!any)
		return fail(bd, RT_BIND_INPUT_NOT_BOUND, -1);
	return true;
}

/* ---------- parameter sets ---------- */

/* True if every mandatory parameter of set s is bound. */
static bool
mandatory_bound(const struct binder *bd, size_t s)
{
	for (size_t pi = 0; pi < bd->ndeclared; pi++) {
		const struct rt_param_set *ps =
			rt_param_in_set(bd->params[pi], bd->sets[s]);
		if (ps && ps->mandatory && bd->slot[pi] < 0)
			return false;
	}
	return true;
}

static int
only_set(uint64_t m)
{
	if (!m || (m & (m - 1)))
		return -1;
	int s = 0;
	while (!(m & 1)) {
		m >>= 1;
		s++;
	}
	return s;
}

/*
 * PowerShell's ValidateParameterSets: a single possible set; else the
 * default set if it is possible; else the one set whose mandatory
 * parameters are all bound (ResolveParameterSetAmbiguityBased-
 * OnMandatoryParameters); else the set cannot be resolved.
 */
static int
resolve_set(const struct binder *bd)
{
	uint64_t complete = 0;

	if (only_set(bd->valid) >= 0)
		return only_set(bd->valid);
	if (pass_sets(bd, true))
		return bd->dflt;
	for (size_t s = 0; s < bd->nsets; s++)
		if ((bd->valid & ((uint64_t)1 << s)) && mandatory_bound(bd, s))
			complete |= (uint64_t)1 << s;
	return only_set(complete);
}

static bool
check_mandatory(struct binder *bd, size_t s)
{
	struct rt_binding *b = bd->b;
	struct strbuf names = STRBUF_INIT;

	b->missing = xcalloc(bd->ndeclared + 1, sizeof(*b->missing));
	for (size_t pi = 0; pi < bd->ndeclared; pi++) {
		const struct rt_param_set *ps =
			rt_param_in_set(bd->params[pi], bd->sets[s]);
		if (ps && ps->mandatory && bd->slot[pi] < 0)
			b->missing[b->nmissing++] = bd->params[pi];
	}
	if (!b->nmissing)
		return true;
	strbuf_init(&names);
	for (size_t i = 0; i < b->nmissing; i++)
		strbuf_addf(&names, " %s", b->missing[i]->name);
	fail(bd, RT_BIND_MISSING_MANDATORY, -1, names.buf);
	strbuf_release(&names);
	return false;
}

/* ---------- entry points ---------- */

static bool
bind_all(struct binder *bd, struct rt_value *input)
{
	size_t *pos_args = xcalloc(bd->nargs + 1, sizeof(*pos_args));
	size_t npos = 0;
	bool ok = bind_named(bd, pos_args, &npos) &&
		  bind_positional(bd, pos_args, npos) &&
		  (!input || bind_pipeline(bd, input));

	free(pos_args);
	if (!ok) {
		/* Every failing path reports; this only guards the contract. */
		if (!bd->b->error)
			fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
		return false;
	}
	int s = resolve_set(bd);
	if (s < 0)
		return fail(bd, RT_BIND_AMBIGUOUS_PARAMETER_SET, -1);
	bd->b->set = bd->sets[s];
	return check_mandatory(bd, (size_t)s);
}

enum rt_bind_error
rt_bind(struct rt_binding *b, const struct rt_command *cmd,
	const struct rt_arg *args, size_t nargs, struct rt_value *input)
{
	struct binder bd;

	memset(b, 0, sizeof(*b));
	b->cmd = cmd;
	b->error_arg = -1;
	binder_init(&bd, b, cmd, args, nargs);
	bind_all(&bd, input);
	binder_release(&bd);
	return b->error;
}

void
rt_binding_release(struct rt_binding *b)
{
	for (size_t i = 0; i < b->nbound; i++)
		rt_value_unref(b->bound[i].value);
	free(b->bound);
	free(b->message);
	free(b->missing);
	memset(b, 0, sizeof(*b));
	b->error_arg = -1;
}

struct rt_value *
rt_binding_get(const struct rt_binding *b, const char *name)
{
	for (size_t i = 0; i < b->nbound; i++)
		if (strcasecmp(b->bound[i].param->name, name) == 0)
			return b->bound[i].value;
	return NULL;
}

bool
rt_binding_switch(const struct rt_binding *b, const char *name)
{
	const struct rt_value *v = rt_binding_get(b, name);
	return v && v->kind == RT_VAL_BOOL && v->u.b;
}

const struct rt_param *
rt_binding_unsupported(const struct rt_binding *b)
{
	for (size_t i = 0; i < b->nbound; i++)
		if (!b->bound[i].param->supported)
			return b->bound[i].param;
	return NULL;
}

char *
rt_bind_prompt_caption(const char *command, int position)
{
	return format(_("cmdlet %s at command pipeline position %d"), command,
		      position);
}

const char *
rt_bind_prompt_message(void)
{
	return _("Supply values for the following parameters:");
}
