/* SPDX-License-Identifier: MIT */
/* PowerShell's comparison operators (see rt_compare.h). */
#include "rt_compare.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uregex.h>

#include "i18n.h"
#include "wildcard.h"
#include "xalloc.h"

bool
rt_cmp_parse(const char *name, enum rt_cmp_op *op, bool *cs)
{
	static const char *const names[] = {
		"eq",	 "ne",	     "gt",    "ge",	     "lt",
		"le",	 "like",     "notlike", "match",   "notmatch",
		"contains", "notcontains", "in", "notin",
	};

	*cs = false;
	if ((name[0] == 'c' || name[0] == 'C' || name[0] == 'i' ||
	     name[0] == 'I') &&
	    strcasecmp(name, "in") != 0) {
		for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
			if (strcasecmp(name + 1, names[i]) == 0) {
				*cs = name[0] == 'c' || name[0] == 'C';
				*op = (enum rt_cmp_op)i;
				return true;
			}
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcasecmp(name, names[i]) == 0) {
			*op = (enum rt_cmp_op)i;
			return true;
		}
	return false;
}

bool
rt_value_truthy(const struct rt_value *v)
{
	switch (v->kind) {
	case RT_VAL_NULL:
		return false;
	case RT_VAL_BOOL:
		return v->u.b;
	case RT_VAL_INT:
		return v->u.i != 0;
	case RT_VAL_DOUBLE:
		return v->u.d != 0;
	case RT_VAL_STRING:
		return v->u.s[0] != '\0';
	case RT_VAL_ARRAY:
		if (v->u.array.n == 1)
			return rt_value_truthy(v->u.array.v[0]);
		return v->u.array.n > 0;
	default:
		return true;
	}
}

/* ---------- conversions ---------- */

/* A string as a number: "", " 12 ", "1.5", "0x1F"; false if it is none. */
static bool
string_number(const char *s, double *d)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*d = 0;
		return true;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
		unsigned long long u = strtoull(s + 2, &end, 16);
		*d = (double)u;
	} else {
		if (!isdigit((unsigned char)*s) && *s != '-' && *s != '+' &&
		    *s != '.')
			return false;
		*d = strtod(s, &end);
	}
	while (isspace((unsigned char)*end))
		end++;
	return *end == '\0';
}

static bool
value_number(const struct rt_value *v, double *d)
{
	switch (v->kind) {
	case RT_VAL_INT:
		*d = (double)v->u.i;
		return true;
	case RT_VAL_DOUBLE:
		*d = v->u.d;
		return true;
	case RT_VAL_BOOL:
		*d = v->u.b;
		return true;
	case RT_VAL_STRING:
		return string_number(v->u.s, d);
	default:
		return false;
	}
}

/* -1, 0, 1 for strings; case-insensitively under Unicode folding. */
static int
string_order(const char *a, const char *b, bool cs)
{
	int r;

	if (cs) {
		r = strcmp(a, b);
	} else {
		char *fa = fold_case(a), *fb = fold_case(b);
		r = strcmp(fa, fb);
		free(fa);
		free(fb);
	}
	return (r > 0) - (r < 0);
}

/*
 * The order of l and r with r converted to l's type: -1, 0, 1, or 2
 * when they cannot be ordered (only equality by identity applies).
 */
static int
order(const struct rt_value *l, const struct rt_value *r, bool cs)
{
	double a, b;
	char *s;
	int o;

	if (l->kind == RT_VAL_NULL || r->kind == RT_VAL_NULL)
		/* $null is below every other value */
		return (l->kind != RT_VAL_NULL) - (r->kind != RT_VAL_NULL);
	switch (l->kind) {
	case RT_VAL_BOOL:
		return (int)l->u.b - (int)rt_value_truthy(r);
	case RT_VAL_INT:
	case RT_VAL_DOUBLE:
		if (!value_number(l, &a) || !value_number(r, &b))
			return 2;
		if (isnan(a) || isnan(b))
			return 2;
		return (a > b) - (a < b);
	case RT_VAL_STRING:
		s = rt_value_to_string(r);
		o = string_order(l->u.s, s, cs);
		free(s);
		return o;
	case RT_VAL_SESSION:
		return r->kind == RT_VAL_SESSION &&
				       r->u.session == l->u.session
			       ? 0
			       : 2;
	default:
		return l == r ? 0 : 2;
	}
}

/* ---------- wildcards and patterns ---------- */

/* The code point at s (an invalid byte stands for itself); *w its width. */
static int32_t
code_point(const char *s, size_t *w)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3
			       : p[0] >= 0xC0 ? 2 : 1;
	int32_t cp = n == 1 ? p[0] : p[0] & (0x3F >> (n - 1));

	for (int i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*w = 1;
			return p[0];
		}
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	*w = (size_t)n;
	return cp;
}

/* [abc] or [a-z] at *pp (after the '['); advances past the ']'. */
static bool
class_match(const char **pp, int32_t c)
{
	const char *p = *pp;
	bool hit = false;
	size_t w;

	while (*p && *p != ']') {
		if (*p == '`' && p[1])
			p++;
		int32_t lo = code_point(p, &w), hi = lo;
		p += w;
		if (*p == '-' && p[1] && p[1] != ']') {
			p++;
			if (*p == '`' && p[1])
				p++;
			hi = code_point(p, &w);
			p += w;
		}
		hit = hit || (c >= lo && c <= hi);
	}
	*pp = *p ? p + 1 : p;
	return hit;
}

/* One pattern element at *pp against code point c; advances *pp. */
static bool
element_match(const char **pp, int32_t c)
{
	const char *p = *pp;
	size_t w;

	if (*p == '?') {
		*pp = p + 1;
		return true;
	}
	if (*p == '[' && strchr(p, ']')) {
		*pp = p + 1;
		return class_match(pp, c);
	}
	if (*p == '`' && p[1])
		p++;
	int32_t q = code_point(p, &w);
	*pp = p + w;
	return q == c;
}

/* A case-sensitive wildcard match (-clike), same syntax as wildcard.h. */
static bool
wildcard_match_exact(const char *pat, const char *text)
{
	const char *star = NULL, *resume = NULL;
	size_t w;

	while (*text) {
		if (*pat == '*') {
			star = ++pat;
			resume = text;
			continue;
		}
		const char *p = pat;
		int32_t c = code_point(text, &w);
		if (*p && element_match(&p, c)) {
			pat = p;
			text += w;
			continue;
		}
		if (star == NULL)
			return false;
		pat = star;
		code_point(resume, &w);
		text = resume += w;
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}

static int
regex_find(const char *text, const char *pattern, bool cs, bool *found,
	   char **error)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t np, nt;
	UChar *up = utf16_from_utf8(pattern, strlen(pattern), &np);
	UChar *ut = utf16_from_utf8(text, strlen(text), &nt);
	URegularExpression *re =
		uregex_open(up, np, cs ? 0 : UREGEX_CASE_INSENSITIVE, NULL, &st);

	*found = false;
	if (U_SUCCESS(st))
		uregex_setText(re, ut, nt, &st);
	if (U_SUCCESS(st))
		*found = uregex_find(re, 0, &st) != 0;
	if (re)
		uregex_close(re);
	free(up);
	free(ut);
	if (U_FAILURE(st)) {
		*error = xasprintf(_("The regular expression pattern %s is "
				     "not valid."),
				   pattern);
		return -1;
	}
	return 0;
}

/* ---------- operators ---------- */

static int
text_test(const struct rt_value *l, enum rt_cmp_op op, bool cs,
	  const struct rt_value *r, bool *result, char **error)
{
	char *a = rt_value_to_string(l), *b = rt_value_to_string(r);
	int rc = 0;

	if (op == RT_CMP_LIKE || op == RT_CMP_NOTLIKE)
		*result = cs ? wildcard_match_exact(b, a)
			     : wildcard_match_folded(b, a);
	else
		rc = regex_find(a, b, cs, result, error);
	if (op == RT_CMP_NOTLIKE || op == RT_CMP_NOTMATCH)
		*result = !*result;
	free(a);
	free(b);
	return rc;
}

/* Whether any item of collection c equals v (v on the left). */
static bool
has_item(const struct rt_value *c, const struct rt_value *v, bool cs,
	 bool item_left)
{
	for (size_t i = 0; i < rt_value_nitems(c); i++) {
		const struct rt_value *e = rt_value_item(c, i);
		if ((item_left ? order(e, v, cs) : order(v, e, cs)) == 0)
			return true;
	}
	return false;
}

int
rt_compare_scalar(const struct rt_value *l, enum rt_cmp_op op, bool cs,
		  const struct rt_value *r, bool *result, char **error)
{
	int o;

	switch (op) {
	case RT_CMP_LIKE:
	case RT_CMP_NOTLIKE:
	case RT_CMP_MATCH:
	case RT_CMP_NOTMATCH:
		return text_test(l, op, cs, r, result, error);
	case RT_CMP_CONTAINS:
	case RT_CMP_NOTCONTAINS:
		*result = has_item(l, r, cs, true) == (op == RT_CMP_CONTAINS);
		return 0;
	case RT_CMP_IN:
	case RT_CMP_NOTIN:
		*result = has_item(r, l, cs, true) == (op == RT_CMP_IN);
		return 0;
	default:
		break;
	}
	o = order(l, r, cs);
	switch (op) {
	case RT_CMP_EQ:
		*result = o == 0;
		break;
	case RT_CMP_NE:
		*result = o != 0;
		break;
	case RT_CMP_GT:
		*result = o == 1;
		break;
	case RT_CMP_GE:
		*result = o == 1 || o == 0;
		break;
	case RT_CMP_LT:
		*result = o == -1;
		break;
	default:
		*result = o == -1 || o == 0;
		break;
	}
	return 0;
}

struct rt_value *
rt_compare(const struct rt_value *l, enum rt_cmp_op op, bool cs,
	   const struct rt_value *r, char **error)
{
	bool hit;

	if (l->kind == RT_VAL_ARRAY && op != RT_CMP_CONTAINS &&
	    op != RT_CMP_NOTCONTAINS) {
		struct rt_value *a = rt_array_new();
		for (size_t i = 0; i < l->u.array.n; i++) {
			struct rt_value *e = l->u.array.v[i];
			if (rt_compare_scalar(e, op, cs, r, &hit, error) != 0) {
				rt_value_unref(a);
				return NULL;
			}
			if (hit)
				rt_array_push(a, rt_value_ref(e));
		}
		return a;
	}
	if (rt_compare_scalar(l, op, cs, r, &hit, error) != 0)
		return NULL;
	return rt_bool(hit);
}
