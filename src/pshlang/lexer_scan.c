/* SPDX-License-Identifier: MIT */
/*
 * The psh tokenizer's scanners (see lexer.c): escapes, quoted strings and
 * their expansions, variables and member access, numbers, bare words,
 * parameters and script blocks.
 */
#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "arena.h"
#include "lexer_internal.h"
#include "utf8.h"
#include "xalloc.h"

/* ---------- escapes and strings ---------- */

/* fail_text for scanners that return an index (0 on error). */
static size_t
fail_index(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	   size_t end)
{
	lex_fail_text(lx, code, start, end);
	return 0;
}

/* `u{1F600} at i; returns the index after it, or 0 on error. */
static size_t
unicode_escape(struct psh_lexer *lx, size_t i, struct strbuf *sb)
{
	size_t k = i + 2, digits = 0;
	int32_t v = 0;

	if (lex_byte_at(lx, k) != '{' || k >= lx->len)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE, i, k);
	for (k++; k < lx->len && ascii_hex_value(lex_byte_at(lx, k)) >= 0;
	     k++) {
		if (digits++ == 6)
			return fail_index(lx, PSH_E_UNICODE_ESCAPE_DIGITS, i,
					  k + 1);
		v = v * 16 + ascii_hex_value(lex_byte_at(lx, k));
	}
	if (digits == 0)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE, i, k);
	if (lex_byte_at(lx, k) != '}' || k >= lx->len)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE_END, i, k);
	if (v > 0x10FFFF)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE_VALUE, i, k + 1);
	utf8_encode(sb, v); /* a lone surrogate becomes U+FFFD */
	return k + 1;
}

/* The escape `x at i (i + 1 < len); returns the index after it, or 0. */
static size_t
escape(struct psh_lexer *lx, size_t i, struct strbuf *sb)
{
	static const char from[] = "0abefnrtv";
	static const char to[] = "\0\a\b\033\f\n\r\t\v";
	unsigned char c = lex_byte_at(lx, i + 1);
	const char *p;
	size_t w;

	if (c == 'u')
		return unicode_escape(lx, i, sb);
	if (c && (p = strchr(from, c)) != NULL) {
		strbuf_addch(sb, to[p - from]);
		return i + 2;
	}
	w = lex_cp_width(lx, i + 1);
	strbuf_add(sb, lx->s + i + 1, w);
	return i + 1 + w;
}

/*
 * Appends the bytes from i up to the next ASCII byte in stop or non-ASCII
 * byte (those may be quotes or blanks), or else one code point.
 */
static size_t
copy_run(struct psh_lexer *lx, size_t i, const char *stop, struct strbuf *sb)
{
	size_t k = i;

	while (k < lx->len && lex_byte_at(lx, k) < 0x80 &&
	       !strchr(stop, lex_byte_at(lx, k)))
		k++;
	if (k == i)
		k = i + lex_cp_width(lx, i);
	strbuf_add(sb, lx->s + i, k - i);
	return k;
}

/*
 * The body of a 'single-quoted' string whose quote is at i; a doubled
 * quote stands for one.  tok is where the token began (for the error).
 * Returns the index after the closing quote, or 0.
 */
size_t
lex_scan_sq(struct psh_lexer *lx, size_t i, size_t tok, struct strbuf *sb)
{
	size_t j = i + lex_squote_width(lx, i), w, w2;

	while (j < lx->len) {
		if ((w = lex_squote_width(lx, j)) == 0) {
			j = copy_run(lx, j, "'", sb);
			continue;
		}
		if ((w2 = lex_squote_width(lx, j + w)) == 0)
			return j + w;
		strbuf_add(sb, lx->s + j + w, w2);
		j += w + w2;
	}
	lex_fail(lx, PSH_E_TERMINATOR_EXPECTED, tok, lx->len, "'", 1, lx->len);
	return 0;
}

/* Adds the literal text collected so far as a piece of an expandable string. */
static void
flush_literal(struct psh_lexer *lx, size_t end)
{
	struct psh_node *n;

	if (lx->sb.len > 0) {
		n = lex_node(lx, PSH_STRING, lx->lit_start, end);
		n->text = arena_strndup(lx->arena, lx->sb.buf, lx->sb.len);
		n->len = lx->sb.len;
		n->quote = PSH_QUOTE_BARE;
		psh_vec_push(&lx->parts, n);
		strbuf_reset(&lx->sb);
	}
}

static struct psh_node *scan_var(struct psh_lexer *lx, size_t i, size_t *end);
static struct psh_node *var_value(struct psh_lexer *lx, struct psh_node *v);

/* A '$' inside a double-quoted string or a bare word; returns the next index or 0. */
static size_t
dollar_in_string(struct psh_lexer *lx, size_t i)
{
	struct psh_node *v;
	size_t end;

	if (lex_byte_at(lx, i + 1) == '(' && i + 1 < lx->len)
		return fail_index(lx, PSH_E_NOT_SUPPORTED, i, i + 2);
	if (!lex_var_start(lx, i + 1)) {
		strbuf_addch(&lx->sb, '$');
		return i + 1;
	}
	flush_literal(lx, i);
	if ((v = scan_var(lx, i, &end)) == NULL)
		return 0;
	psh_vec_push(&lx->parts, var_value(lx, v));
	lx->lit_start = end;
	return end;
}

/* The body of a "double-quoted" string whose quote is at i. */
size_t
lex_scan_dq(struct psh_lexer *lx, size_t i, size_t tok)
{
	size_t j = i + lex_dquote_width(lx, i), w, w2;

	while (j < lx->len) {
		unsigned char c = lex_byte_at(lx, j);

		if ((w = lex_dquote_width(lx, j)) > 0) {
			if ((w2 = lex_dquote_width(lx, j + w)) == 0)
				return j + w;
			strbuf_add(&lx->sb, lx->s + j + w, w2);
			j += w + w2;
		} else if (c == '`' && j + 1 < lx->len) {
			j = escape(lx, j, &lx->sb);
		} else if (c == '$') {
			j = dollar_in_string(lx, j);
		} else {
			j = copy_run(lx, j, "\"`$", &lx->sb);
		}
		if (j == 0)
			return 0;
	}
	lex_fail(lx, PSH_E_TERMINATOR_EXPECTED, tok, lx->len, "\"", 1, lx->len);
	return 0;
}

/* The node for what scan_sq/scan_dq/scan_word collected in sb and parts. */
struct psh_node *
lex_finish_string(struct psh_lexer *lx, size_t start, size_t end,
		  enum psh_quote quote)
{
	struct psh_node *n;

	if (lx->parts.n == 0) {
		n = arena_alloc(lx->arena, sizeof(*n));
		n->kind = PSH_STRING;
		n->text = arena_strndup(lx->arena, lx->sb.buf, lx->sb.len);
		n->len = lx->sb.len;
	} else {
		flush_literal(lx, end);
		n = arena_alloc(lx->arena, sizeof(*n));
		n->kind = PSH_EXPANDABLE;
		n->text = arena_strndup(lx->arena, lx->s + start, end - start);
		n->len = end - start;
		psh_vec_give(&lx->parts, lx->arena, n);
	}
	n->ext = lx->tok_ext;
	n->ext.len = end - start;
	n->quote = quote;
	strbuf_reset(&lx->sb);
	return n;
}

void
lex_begin_string(struct psh_lexer *lx, size_t start)
{
	lx->tok_ext = lex_extent(lx, start, start);
	strbuf_reset(&lx->sb);
	lx->parts.n = 0;
	lx->lit_start = start;
}

bool
lex_tok(struct psh_lexer *lx, struct psh_token *t, enum psh_tok kind,
	size_t end)
{
	t->kind = kind;
	t->end = end;
	lx->pos = end;
	return true;
}

/* ---------- variables ---------- */

bool
lex_var_start(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i);

	if (i >= lx->len)
		return false;
	return lex_name_width(lx, i, true) || c == '$' || c == '^' ||
	       c == ':' || c == '{';
}

/* ${name with `} escapes} at i; NULL on error. */
static struct psh_node *
scan_braced(struct psh_lexer *lx, size_t i, size_t *end)
{
	struct strbuf *sb = &lx->sb2;
	struct psh_node *n;
	size_t k = i + 2;

	strbuf_reset(sb);
	while (k < lx->len && lex_byte_at(lx, k) != '}') {
		if (lex_byte_at(lx, k) == '{') {
			lex_fail(lx, PSH_E_OPEN_BRACE_IN_VARIABLE, k, k + 1,
				 NULL, 0, k + 1);
			return NULL;
		}
		if (lex_byte_at(lx, k) == '`' && k + 1 < lx->len)
			k++;
		strbuf_add(sb, lx->s + k, lex_cp_width(lx, k));
		k += lex_cp_width(lx, k);
	}
	if (k >= lx->len) {
		lex_fail(lx, PSH_E_INCOMPLETE_BRACED_VARIABLE, i + 1, i + 2,
			 NULL, 0, lx->len);
		return NULL;
	}
	if (sb->len == 0) {
		lex_fail(lx, PSH_E_EMPTY_VARIABLE, k, k + 1, NULL, 0, k + 1);
		return NULL;
	}
	if (sb->buf[sb->len - 1] == ':') {
		lex_fail(lx, PSH_E_INVALID_BRACED_VARIABLE, i, k + 1, NULL, 0,
			 k + 1);
		return NULL;
	}
	n = lex_node(lx, PSH_VARIABLE, i, k + 1);
	n->text = arena_strndup(lx->arena, sb->buf, sb->len);
	n->len = sb->len;
	n->braced = true;
	*end = k + 1;
	return n;
}

/* Name characters from k; returns the index after them. */
size_t
lex_name_end(const struct psh_lexer *lx, size_t k, bool q)
{
	size_t w;

	while ((w = lex_name_width(lx, k, q)) > 0)
		k += w;
	return k;
}

/* $name, $scope:name, $$, $?, $^ or ${...} at i (lex_var_start(i + 1)). */
static struct psh_node *
scan_var(struct psh_lexer *lx, size_t i, size_t *end)
{
	struct psh_node *n;
	size_t j = i + 1, k;
	unsigned char c = lex_byte_at(lx, j);

	if (c == '{')
		return scan_braced(lx, i, end);
	if (c == '$' || c == '^' || c == '?') {
		k = j + 1;
	} else {
		k = lex_name_end(lx, j, true);
		if (lex_byte_at(lx, k) == ':' &&
		    lex_byte_at(lx, k + 1) != ':' && k < lx->len) {
			size_t m = lex_name_end(lx, k + 1, true);

			if (k == j || m == k + 1) {
				lex_fail_arg(
					lx,
					k == j ? PSH_E_INVALID_VARIABLE
					       : PSH_E_INVALID_VARIABLE_DRIVE,
					i, k + 1, NULL);
				return NULL;
			}
			k = m;
		}
		if (k == j) {
			/* '$' followed only by "::" */
			lex_fail_arg(lx, PSH_E_INVALID_VARIABLE, i, j + 1,
				     NULL);
			return NULL;
		}
	}
	n = lex_node(lx, PSH_VARIABLE, i, k);
	n->text = arena_strndup(lx->arena, lx->s + j, k - j);
	n->len = k - j;
	*end = k;
	return n;
}

/* $true, $false and $null (any case, braced or not) become constants. */
static struct psh_node *
var_value(struct psh_lexer *lx, struct psh_node *v)
{
	struct psh_node *n;
	bool t = strcasecmp(v->text, "true") == 0;
	bool f = strcasecmp(v->text, "false") == 0;

	if (strlen(v->text) != v->len ||
	    (!t && !f && strcasecmp(v->text, "null") != 0))
		return v;
	n = arena_alloc(lx->arena, sizeof(*n));
	*n = *v;
	n->kind = t || f ? PSH_BOOL : PSH_NULL;
	n->num = t;
	return n;
}

/* Says what is wrong at a '.' that no property name follows. */
static void
bad_member(struct psh_lexer *lx, size_t k)
{
	unsigned char c = lex_byte_at(lx, k + 1);

	if (lex_squote_width(lx, k + 1) || lex_dquote_width(lx, k + 1) ||
	    (k + 1 < lx->len && strchr("$({.", c)))
		lex_fail_text(lx, PSH_E_NOT_SUPPORTED, k,
			      k + 1 + lex_cp_width(lx, k + 1));
	else
		lex_fail(lx, PSH_E_MISSING_PROPERTY_NAME, k + 1, k + 1, NULL, 0,
			 k + 1);
}

/* Property names after target: $s.State.Name; *pos is at the first '.'. */
static struct psh_node *
scan_members(struct psh_lexer *lx, struct psh_node *target, size_t *pos)
{
	struct psh_vec kids = { 0 };
	struct psh_node *m;
	size_t k = *pos;

	psh_vec_push(&kids, target);
	while (lex_byte_at(lx, k) == '.' && k < lx->len) {
		size_t e = lex_name_end(lx, k + 1, false);
		struct psh_node *name;

		if (e == k + 1) {
			free(kids.v);
			bad_member(lx, k);
			return NULL;
		}
		name = lex_node(lx, PSH_STRING, k + 1, e);
		name->text = arena_strndup(lx->arena, lx->s + k + 1, e - k - 1);
		name->len = e - k - 1;
		psh_vec_push(&kids, name);
		k = e;
	}
	m = arena_alloc(lx->arena, sizeof(*m));
	m->kind = PSH_MEMBER;
	m->ext = psh_extent_span(&target->ext, &kids.v[kids.n - 1]->ext);
	psh_vec_give(&kids, lx->arena, m);
	free(kids.v);
	*pos = k;
	return m;
}

/* A variable token at start, with its property names. */
bool
lex_scan_var_token(struct psh_lexer *lx, size_t start, enum lex_mode mode,
		   struct psh_token *t)
{
	struct psh_node *v;
	size_t k;
	unsigned char c;

	if ((v = scan_var(lx, start, &k)) == NULL)
		return false;
	c = lex_byte_at(lx, k);
	/* in command mode $a-b is one word, as in PowerShell */
	if (mode == LEX_CMD && c != '.' && c != '[' &&
	    !(c == ':' && lex_byte_at(lx, k + 1) == ':') &&
	    !lex_delim_at(lx, k))
		return lex_scan_word(lx, start, t);
	t->node = var_value(lx, v);
	if (c == '.' && k < lx->len &&
	    (t->node = scan_members(lx, t->node, &k)) == NULL)
		return false;
	c = lex_byte_at(lx, k);
	if (k < lx->len &&
	    (c == '[' || (c == ':' && lex_byte_at(lx, k + 1) == ':')))
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, k,
				     k + 1 + (c == ':'));
	return lex_tok(lx, t, PT_VALUE, k);
}

/* ---------- numbers, words, parameters ---------- */

/* A number literal's parts, as scanned (lex_scan_number). */
struct num_lit {
	size_t digits, end; /* the digits (after a dash and 0x); the end */
	bool neg, hex, real, is_long;
	int64_t mult;	/* kb..pb, or 1 */
};

/* The end of a run of decimal (or hex) digits from j. */
static size_t
digit_run(const struct psh_lexer *lx, size_t j, bool hex)
{
	while (j < lx->len && (lex_is_digit(lex_byte_at(lx, j)) ||
			       (hex && ascii_hex_value(lex_byte_at(lx, j)) >= 0)))
		j++;
	return j;
}

/* The 'l' type suffix and kb..pb multiplier after a number at j. */
static size_t
num_suffix(const struct psh_lexer *lx, size_t j, struct num_lit *nl)
{
	static const char mults[] = "kmgtp";
	const char *m;
	unsigned char c = lex_byte_at(lx, j) | 0x20;

	nl->mult = 1;
	if (j < lx->len && c == 'l') {
		nl->is_long = true;
		c = lex_byte_at(lx, ++j) | 0x20;
	}
	if (j + 1 < lx->len && c && (m = strchr(mults, c)) != NULL &&
	    (lex_byte_at(lx, j + 1) | 0x20) == 'b') {
		for (ptrdiff_t k = 0; k <= m - mults; k++)
			nl->mult *= 1024;
		j += 2;
	}
	return j;
}

/* Scans the shape of a number at i: 0x1F, 12, 1.5, 1e3, then suffixes. */
static size_t
num_shape(const struct psh_lexer *lx, size_t i, struct num_lit *nl)
{
	size_t j;

	if (lex_byte_at(lx, i) == '0' && (lex_byte_at(lx, i + 1) | 0x20) == 'x' &&
	    i + 2 < lx->len && ascii_hex_value(lex_byte_at(lx, i + 2)) >= 0) {
		nl->hex = true;
		nl->digits = i + 2;
		return num_suffix(lx, digit_run(lx, i + 2, true), nl);
	}
	nl->digits = i;
	j = digit_run(lx, i, false);
	if (lex_byte_at(lx, j) == '.' && j + 1 < lx->len &&
	    lex_is_digit(lex_byte_at(lx, j + 1))) {
		nl->real = true;
		j = digit_run(lx, j + 1, false);
	}
	if ((lex_byte_at(lx, j) | 0x20) == 'e') {
		size_t k = j + 1;
		if (lex_byte_at(lx, k) == '+' || lex_byte_at(lx, k) == '-')
			k++;
		if (k < lx->len && lex_is_digit(lex_byte_at(lx, k))) {
			nl->real = true;
			j = digit_run(lx, k, false);
		}
	}
	return num_suffix(lx, j, nl);
}

/* A hex or decimal integer's value into *out; false when too large. */
static bool
num_integer(const struct psh_lexer *lx, const struct num_lit *nl, size_t end,
	    int64_t *out)
{
	uint64_t v = 0, limit = nl->neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX;
	size_t nd = end - nl->digits;

	if (nl->hex) {
		/* PowerShell 7: 8 digits are an Int32 and 16 an Int64,
		   two's complement (0xFFFFFFFF is -1) */
		if (nd > 16)
			return false;
		for (size_t k = nl->digits; k < end; k++)
			v = v << 4 | (uint64_t)ascii_hex_value(lex_byte_at(lx, k));
		if (nd <= 8 && !nl->is_long)
			*out = (int32_t)(uint32_t)v;
		else
			*out = (int64_t)v;
	} else {
		for (size_t k = nl->digits; k < end; k++) {
			unsigned d = lex_byte_at(lx, k) - '0';
			if (v > (limit - d) / 10)
				return false; /* a Decimal in PowerShell */
			v = v * 10 + d;
		}
		if (!nl->neg)
			*out = (int64_t)v;
		else
			*out = v > INT64_MAX ? INT64_MIN : -(int64_t)v;
	}
	if (nl->neg && nl->hex)
		*out = *out == INT64_MIN ? INT64_MIN : -*out;
	if (nl->mult > 1 && (*out > INT64_MAX / nl->mult ||
			     *out < INT64_MIN / nl->mult))
		return false;
	*out *= nl->mult;
	return true;
}

/* A real literal's value, read in the C locale's terms; false if infinite. */
static bool
num_real(const struct psh_lexer *lx, const struct num_lit *nl, size_t end,
	 double *out)
{
	const char *point = localeconv()->decimal_point;
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t k = nl->digits; k < end; k++) {
		if (lx->s[k] == '.')
			strbuf_addstr(&sb, point);
		else
			strbuf_addch(&sb, lx->s[k]);
	}
	*out = strtod(sb.buf, NULL) * (double)nl->mult;
	strbuf_release(&sb);
	if (nl->neg)
		*out = -*out;
	return !isinf(*out);
}

/* d as an integer, clamped: a cast of an out-of-range double is
   undefined behaviour (1e20 fits no int64_t). */
static int64_t
saturate_int64(double d)
{
	if (d != d)
		return 0;
	if (d >= 9223372036854775807.0)
		return INT64_MAX;
	if (d <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
}

/*
 * A number at start that ends where a token may end: 12, -3, 0x1F, 1.5,
 * 1e3, 7L, 1kb (PowerShell's int, long and double literals); false if
 * none.  Decimal, unsigned and byte literals are words here.
 */
bool
lex_scan_number(struct psh_lexer *lx, size_t start, enum lex_mode mode,
		struct psh_token *t)
{
	size_t i = start + lex_dash_width(lx, start), j, vend;
	struct num_lit nl = { .neg = i > start };
	unsigned char c;
	struct psh_node *n;
	int64_t iv = 0;
	double dv = 0;

	if (!lex_is_digit(lex_byte_at(lx, i)) || i >= lx->len)
		return false;
	j = num_shape(lx, i, &nl);
	c = lex_byte_at(lx, j);
	if (!(lex_delim_at(lx, j) ||
	      (mode == LEX_EXPR && c && strchr("=+-*/%!<>", c))))
		return false;
	/* where the digits end: before the suffixes */
	vend = j - (nl.mult > 1 ? 2 : 0) - (nl.is_long ? 1 : 0);
	if (nl.real ? nl.is_long || !num_real(lx, &nl, vend, &dv)
		    : !num_integer(lx, &nl, vend, &iv))
		return false;
	n = lex_node(lx, PSH_NUMBER, start, j);
	n->num = nl.real ? saturate_int64(dv) : iv;
	n->real = nl.real;
	n->dnum = dv;
	n->text = arena_strndup(lx->arena, lx->s + start, j - start);
	n->len = j - start;
	t->node = n;
	return lex_tok(lx, t, PT_VALUE, j);
}

/*
 * A bare word: everything up to a delimiter, with `escapes, 'quoted' and
 * "quoted" parts and $variables (which make it expandable).
 */
bool
lex_scan_word(struct psh_lexer *lx, size_t start, struct psh_token *t)
{
	size_t i = start;

	lex_begin_string(lx, start);
	while (!lex_delim_at(lx, i)) {
		unsigned char c = lex_byte_at(lx, i);

		if (c == '`' && (i + 1 >= lx->len ||
				 lex_is_newline_byte(lex_byte_at(lx, i + 1))))
			break; /* a line continuation ends the word */
		if (c == '`')
			i = escape(lx, i, &lx->sb);
		else if (lex_squote_width(lx, i))
			i = lex_scan_sq(lx, i, start, &lx->sb);
		else if (lex_dquote_width(lx, i))
			i = lex_scan_dq(lx, i, start);
		else if (c == '$')
			i = dollar_in_string(lx, i);
		else
			i = copy_run(lx, i, "`'\"$ \t\f\v\r\n{}();,|&",
				     &lx->sb);
		if (i == 0)
			return false;
	}
	t->node = lex_finish_string(lx, start, i, PSH_QUOTE_BARE);
	return lex_tok(lx, t, PT_WORD, i);
}

bool
lex_unsupported(struct psh_lexer *lx, struct psh_token *t, size_t end)
{
	return lex_tok(lx, t, PT_UNSUPPORTED, end);
}

/* -Name, -Name:, -1, --, --% or a word that starts with a dash. */
bool
lex_scan_dash(struct psh_lexer *lx, size_t start, enum lex_mode mode,
	      struct psh_token *t)
{
	size_t j = start + lex_dash_width(lx, start), w, k;
	struct psh_node *n;
	bool colon;

	if ((w = lex_dash_width(lx, j)) > 0) {
		k = j + w;
		if (lex_byte_at(lx, k) == '%' && k < lx->len &&
		    lex_delim_at(lx, k + 1))
			return lex_unsupported(lx, t, k + 1);
		return lex_delim_at(lx, k) ? lex_unsupported(lx, t, k)
					   : lex_scan_word(lx, start, t);
	}
	if (lex_is_digit(lex_byte_at(lx, j)) && j < lx->len)
		return lex_scan_number(lx, start, mode, t) ||
		       lex_scan_word(lx, start, t);
	if (!lex_name_width(lx, j, true))
		return lex_scan_word(lx, start, t);
	for (k = j; !lex_delim_at(lx, k) && lex_byte_at(lx, k) != ':';
	     k += lex_cp_width(lx, k)) {
		unsigned char c = lex_byte_at(lx, k);

		/* quotes are never part of a parameter: it is an argument */
		if (c == '`' || c == '$' || lex_squote_width(lx, k) ||
		    lex_dquote_width(lx, k))
			return lex_scan_word(lx, start, t);
	}
	colon = lex_byte_at(lx, k) == ':' && k < lx->len;
	n = lex_node(lx, PSH_PARAM, start, k + colon);
	n->text = arena_strndup(lx->arena, lx->s + j, k - j);
	n->len = k - j;
	n->colon = colon;
	n->inner = n->ext;
	t->node = n;
	return lex_tok(lx, t, PT_PARAM, k + colon);
}

/* ---------- script blocks ---------- */

/* A quoted string inside a script block at i; returns its end or 0. */
static size_t
skip_quoted(struct psh_lexer *lx, size_t i)
{
	bool dq = lex_dquote_width(lx, i) > 0;
	size_t (*quote)(const struct psh_lexer *, size_t) =
		dq ? lex_dquote_width : lex_squote_width;
	size_t j = i + quote(lx, i), w, w2;

	while (j < lx->len) {
		if ((w = quote(lx, j)) > 0) {
			if ((w2 = quote(lx, j + w)) == 0)
				return j + w;
			j += w + w2;
		} else if (dq && lex_byte_at(lx, j) == '`' && j + 1 < lx->len) {
			j += 1 + lex_cp_width(lx, j + 1);
		} else {
			j += lex_cp_width(lx, j);
		}
	}
	lex_fail(lx, PSH_E_TERMINATOR_EXPECTED, i, lx->len, dq ? "\"" : "'", 1,
		 lx->len);
	return 0;
}

/* True if a token may start at i inside a block (so '#' is a comment). */
static bool
token_start(const struct psh_lexer *lx, size_t i, size_t open)
{
	unsigned char p = lex_byte_at(lx, i - 1);

	return i == open + 1 || strchr(" \t\f\v\r\n;|{}(),&", p) ||
	       (p == 0xA0 && lex_byte_at(lx, i - 2) == 0xC2);
}

static void
push_brace(struct psh_lexer *lx, size_t *depth, size_t i)
{
	lx->stack = xgrow(lx->stack, &lx->stack_cap, *depth + 1,
			  sizeof(*lx->stack));
	lx->stack[(*depth)++] = i;
}

/* Skips one element of a block's text at i; returns the next index or 0. */
static size_t
block_step(struct psh_lexer *lx, size_t i, size_t open)
{
	unsigned char c = lex_byte_at(lx, i);

	if (lex_squote_width(lx, i) || lex_dquote_width(lx, i))
		return skip_quoted(lx, i);
	if (c == '`')
		return i + 1 + (i + 1 < lx->len ? lex_cp_width(lx, i + 1) : 0);
	if (c == '#' && token_start(lx, i, open)) {
		while (i < lx->len && !lex_is_newline_byte(lex_byte_at(lx, i)))
			i++;
		return i;
	}
	if (c == '<' && lex_byte_at(lx, i + 1) == '#')
		return lex_block_comment_end(lx, i);
	return i + lex_cp_width(lx, i);
}

/*
 * { script block } at start: balanced braces, skipping quoted strings,
 * comments and escapes.  The text stays unparsed; an unclosed brace is
 * reported at the innermost one, as PowerShell does.
 */
bool
lex_scan_block(struct psh_lexer *lx, size_t start, struct psh_token *t)
{
	struct psh_extent ext = lex_extent(lx, start, start);
	struct psh_extent inner = lex_extent(lx, start + 1, start + 1);
	size_t depth = 0, i = start + 1;
	struct psh_node *n;

	push_brace(lx, &depth, start);
	while (i < lx->len && depth > 0) {
		unsigned char c = lex_byte_at(lx, i);

		if (c == '{') {
			push_brace(lx, &depth, i++);
		} else if (c == '}') {
			depth--;
			i++;
		} else if ((i = block_step(lx, i, start)) == 0) {
			return false;
		}
	}
	if (depth > 0) {
		lex_fail(lx, PSH_E_MISSING_END_CURLY, lx->stack[depth - 1],
			 lx->stack[depth - 1] + 1, NULL, 0, lx->len);
		return false;
	}
	n = arena_alloc(lx->arena, sizeof(*n));
	n->kind = PSH_SCRIPTBLOCK;
	n->ext = ext;
	n->ext.len = i - start;
	n->inner = inner;
	n->inner.len = i - start - 2;
	n->text = arena_strndup(lx->arena, lx->s + start + 1, n->inner.len);
	n->len = n->inner.len;
	t->node = n;
	return lex_tok(lx, t, PT_VALUE, i);
}
