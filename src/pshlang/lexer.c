/* SPDX-License-Identifier: MIT */
/*
 * Tokenizer of the psh language.  It follows PowerShell's tokenizer where
 * the subset has the construct: the same token boundaries (a quote inside
 * a bare word belongs to the word, a quote at the start ends it), the same
 * dashes and smart quotes, the same escapes, and the same error ids and
 * extents.  Every scan is a single forward pass with no recursion, so
 * hostile input costs linear time and constant stack.
 *
 * This file holds the character tests, positions, errors, blanks and the
 * token dispatch; the scanners of strings, variables, numbers, words and
 * script blocks are in lexer_scan.c (shared parts: lexer_internal.h).
 */
#include "lexer.h"
#include "lexer_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "utf8.h"
#include "xalloc.h"

/* ---------- characters ---------- */

unsigned char
lex_byte_at(const struct psh_lexer *lx, size_t i)
{
	return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* Width of the code point at i (input is valid UTF-8 once tokenizing). */
size_t
lex_cp_width(const struct psh_lexer *lx, size_t i)
{
	int32_t cp;

	return utf8_decode(lx->s + i, lx->len - i, &cp);
}

/* The third byte of U+20xx (E2 80 xx) at s[i], else 0. */
static unsigned char
general_punct(const char *s, size_t n, size_t i)
{
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80)
		return (unsigned char)s[i + 2];
	return 0;
}

/* The third byte of E2 80 xx when a three-byte punctuation is at i. */
static unsigned char
punct_at(const struct psh_lexer *lx, size_t i)
{
	return general_punct(lx->s, lx->len, i);
}

/* Blanks inside a line: space, tab, FF, VT, NBSP, BOM. */
static size_t
space_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i);

	if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
		return i < lx->len;
	if (c == 0xC2 && lex_byte_at(lx, i + 1) == 0xA0)
		return 2;
	if (c == 0xEF && lex_byte_at(lx, i + 1) == 0xBB &&
	    lex_byte_at(lx, i + 2) == 0xBF)
		return 3;
	return 0;
}

/* '-' and the en dash, em dash and horizontal bar PowerShell accepts. */
size_t
lex_dash_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char p = punct_at(lx, i);

	if (lex_byte_at(lx, i) == '-' && i < lx->len)
		return 1;
	return (p >= 0x93 && p <= 0x95) ? 3 : 0;
}

size_t
lex_squote_at(const char *s, size_t n, size_t i)
{
	unsigned char p = general_punct(s, n, i);

	if (i < n && s[i] == '\'')
		return 1;
	return (p >= 0x98 && p <= 0x9B) ? 3 : 0;
}

size_t
lex_dquote_at(const char *s, size_t n, size_t i)
{
	unsigned char p = general_punct(s, n, i);

	if (i < n && s[i] == '"')
		return 1;
	return (p >= 0x9C && p <= 0x9E) ? 3 : 0;
}

size_t
lex_squote_width(const struct psh_lexer *lx, size_t i)
{
	return lex_squote_at(lx->s, lx->len, i);
}

size_t
lex_dquote_width(const struct psh_lexer *lx, size_t i)
{
	return lex_dquote_at(lx->s, lx->len, i);
}

bool
lex_is_newline_byte(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* Characters that end a bare word (PowerShell's ForceStartNewToken). */
bool
lex_delim_at(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i);

	if (i >= lx->len || lex_is_newline_byte(c) || space_width(lx, i))
		return true;
	return c && strchr("{}();,|&", c) != NULL;
}

/*
 * Width of a name character at i (variables, members, parameters): ASCII
 * letters, digits, '_' and, with q, '?'; any other non-ASCII character
 * except blanks, dashes and quotes counts as a letter.
 */
size_t
lex_name_width(const struct psh_lexer *lx, size_t i, bool q)
{
	unsigned char c = lex_byte_at(lx, i);

	if (i >= lx->len)
		return 0;
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || (q && c == '?'))
			return 1;
		return 0;
	}
	if (space_width(lx, i) || lex_dash_width(lx, i) ||
	    lex_squote_width(lx, i) || lex_dquote_width(lx, i))
		return 0;
	return lex_cp_width(lx, i);
}

bool
lex_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ---------- positions ---------- */

/* True if a line ends with the byte at i ("\r\n" ends at the '\n'). */
static bool
line_end_at(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i);

	return c == '\n' || (c == '\r' && lex_byte_at(lx, i + 1) != '\n');
}

/* Moves the line cursor to off; cheap when moving forward or within a line. */
static void
seek(struct psh_lexer *lx, size_t off)
{
	size_t i;

	if (off >= lx->cur_off) {
		for (i = lx->cur_off; i < off; i++) {
			if (line_end_at(lx, i)) {
				lx->cur_line++;
				lx->cur_ls = i + 1;
			}
		}
	} else if (off < lx->cur_ls) {
		for (i = off; i < lx->cur_off; i++)
			if (line_end_at(lx, i))
				lx->cur_line--;
		for (i = off; i > 0 && !line_end_at(lx, i - 1); i--)
			;
		lx->cur_ls = i;
	}
	lx->cur_off = off;
}

struct psh_extent
lex_extent(struct psh_lexer *lx, size_t start, size_t end)
{
	struct psh_extent e;

	seek(lx, start);
	e.offset = lx->base.offset + start;
	e.len = end - start;
	e.line = lx->cur_line;
	e.col = (uint32_t)(start - lx->cur_ls + 1);
	if (e.line == 1)
		e.col += lx->base.col - 1;
	e.line += lx->base.line - 1;
	return e;
}

struct psh_extent
psh_extent_span(const struct psh_extent *a, const struct psh_extent *b)
{
	struct psh_extent e = *a;

	e.len = b->offset + b->len - a->offset;
	return e;
}

struct psh_node *
lex_node(struct psh_lexer *lx, enum psh_node_kind kind, size_t start,
	 size_t end)
{
	struct psh_node *n = arena_alloc(lx->arena, sizeof(*n));

	n->kind = kind;
	n->ext = lex_extent(lx, start, end);
	return n;
}

/* ---------- node arrays ---------- */

void
psh_vec_push(struct psh_vec *v, struct psh_node *n)
{
	v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof(*v->v));
	v->v[v->n++] = n;
}

void
psh_vec_give(struct psh_vec *v, struct arena *a, struct psh_node *n)
{
	n->nkids = v->n;
	n->kids = arena_array(a, v->n ? v->n : 1, sizeof(*n->kids));
	if (v->n)
		memcpy(n->kids, v->v, v->n * sizeof(*n->kids));
	v->n = 0;
}

/* ---------- errors ---------- */

/* Only blanks, newlines and comments from i to the end of the input. */
static bool
rest_blank(const struct psh_lexer *lx, size_t i)
{
	while (i < lx->len) {
		unsigned char c = lex_byte_at(lx, i);
		size_t w = space_width(lx, i);

		if (w || lex_is_newline_byte(c) || c == '`') {
			i += w ? w : 1;
		} else if (c == '#') {
			while (i < lx->len &&
			       !lex_is_newline_byte(lex_byte_at(lx, i)))
				i++;
		} else if (c == '<' && lex_byte_at(lx, i + 1) == '#') {
			const char *e = NULL;

			for (size_t j = i + 2; j + 1 < lx->len && !e; j++)
				if (lx->s[j] == '#' && lx->s[j + 1] == '>')
					e = lx->s + j;
			if (e == NULL)
				return true;
			i = (size_t)(e - lx->s) + 2;
		} else {
			return false;
		}
	}
	return true;
}

void
lex_fail(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	 size_t end, const char *arg, size_t arglen, size_t detect)
{
	struct psh_error *e;
	char *msg;

	if (lx->err)
		return;
	e = arena_alloc(lx->arena, sizeof(*e));
	e->code = code;
	e->id = psh_error_id(code);
	e->arg = arg ? arena_strndup(lx->arena, arg, arglen) : NULL;
	msg = psh_error_message(e, NULL);
	e->message = arena_strdup(lx->arena, msg);
	free(msg);
	e->ext = lex_extent(lx, start, end);
	e->incomplete =
		psh_error_incomplete_kind(code) && rest_blank(lx, detect);
	lx->err = e;
}

/* An error whose argument is the source text of its extent. */
bool
lex_fail_text(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	      size_t end)
{
	lex_fail(lx, code, start, end, lx->s + start, end - start, end);
	return false;
}

bool
lex_fail_arg(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	     size_t end, const char *arg)
{
	lex_fail(lx, code, start, end, arg, arg ? strlen(arg) : 0, end);
	return false;
}

/* ---------- setup ---------- */

static void
validate(struct psh_lexer *lx)
{
	const char *nul;
	size_t bad;

	if (lx->len > PSH_MAX_INPUT) {
		char num[32];

		snprintf(num, sizeof(num), "%zu", PSH_MAX_INPUT);
		lx->len = 0; /* nothing past here is looked at */
		lex_fail_arg(lx, PSH_E_TOO_LARGE, 0, 0, num);
		return;
	}
	nul = memchr(lx->s, '\0', lx->len);
	bad = utf8_first_invalid(lx->s, lx->len);
	if (nul && (size_t)(nul - lx->s) < bad)
		lex_fail_arg(lx, PSH_E_NUL, (size_t)(nul - lx->s),
			     (size_t)(nul - lx->s) + 1, NULL);
	else if (bad < lx->len)
		lex_fail_arg(lx, PSH_E_INVALID_UTF8, bad, bad + 1, NULL);
}

void
lex_init(struct psh_lexer *lx, const char *s, size_t len,
	 const struct psh_pos *base, struct arena *arena)
{
	memset(lx, 0, sizeof(*lx));
	lx->s = s ? s : "";
	lx->len = s ? len : 0;
	lx->arena = arena;
	lx->base.line = lx->base.col = 1;
	if (base) {
		lx->base = *base;
		if (lx->base.line == 0)
			lx->base.line = 1;
		if (lx->base.col == 0)
			lx->base.col = 1;
	}
	lx->cur_line = 1;
	strbuf_init(&lx->sb);
	strbuf_init(&lx->sb2);
	validate(lx);
}

void
lex_release(struct psh_lexer *lx)
{
	strbuf_release(&lx->sb);
	strbuf_release(&lx->sb2);
	free(lx->parts.v);
	free(lx->stack);
	lx->parts.v = NULL;
	lx->stack = NULL;
}

/* ---------- blanks and comments ---------- */

/* Skips a backtick-newline at i; returns its width or 0. */
static size_t
continuation_width(struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i + 1);
	size_t w;

	if (lex_byte_at(lx, i) != '`' || i >= lx->len)
		return 0;
	if (i + 1 >= lx->len)
		w = 1; /* a backtick at the very end also asks for more */
	else if (c == '\r' && lex_byte_at(lx, i + 2) == '\n')
		w = 3;
	else if (lex_is_newline_byte(c))
		w = 2;
	else
		return 0;
	lx->cont_seen = true;
	lx->cont_end = i + w;
	return w;
}

/* Skips a <# block comment #> at i; returns its end, or 0 if unclosed. */
size_t
lex_block_comment_end(struct psh_lexer *lx, size_t i)
{
	for (size_t j = i + 2; j + 1 < lx->len; j++)
		if (lx->s[j] == '#' && lx->s[j + 1] == '>')
			return j + 2;
	lex_fail(lx, PSH_E_MISSING_COMMENT_END, i, lx->len, NULL, 0, lx->len);
	return 0;
}

bool
lex_skip_blank(struct psh_lexer *lx, bool newlines)
{
	size_t i = lx->pos, w;

	if (lx->err)
		return false;
	while (i < lx->len) {
		unsigned char c = lex_byte_at(lx, i);

		if ((w = space_width(lx, i)) ||
		    (w = continuation_width(lx, i))) {
			i += w;
		} else if (c == '#') {
			while (i < lx->len &&
			       !lex_is_newline_byte(lex_byte_at(lx, i)))
				i++;
		} else if (c == '<' && lex_byte_at(lx, i + 1) == '#') {
			if ((i = lex_block_comment_end(lx, i)) == 0)
				return false;
		} else if (newlines && lex_is_newline_byte(c)) {
			i++;
		} else {
			break;
		}
	}
	lx->pos = i;
	return true;
}

bool
lex_continued(const struct psh_lexer *lx)
{
	size_t i = lx->cont_end, w;

	if (!lx->cont_seen)
		return false;
	while ((w = space_width(lx, i)) > 0)
		i += w;
	return i >= lx->len;
}

/* ---------- tokens ---------- */

/* Length of a redirection operator at i: < > >> 2> 2>> 2>&1 *> ... */
static size_t
redirect_len(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i);
	size_t j = i;

	if (c == '<')
		return 1;
	if ((c == '*' || (c >= '1' && c <= '6')) &&
	    lex_byte_at(lx, i + 1) == '>')
		j++;
	if (lex_byte_at(lx, j) != '>')
		return 0;
	j++;
	if (lex_byte_at(lx, j) == '>')
		j++;
	else if (lex_byte_at(lx, j) == '&' && lex_byte_at(lx, j + 1) >= '1' &&
		 lex_byte_at(lx, j + 1) <= '6')
		j += 2;
	return j - i;
}

/* Tokens made of punctuation; false with t->kind PT_EOF if none at i. */
static bool
punct_token(struct psh_lexer *lx, size_t i, enum lex_mode mode,
	    struct psh_token *t)
{
	unsigned char c = lex_byte_at(lx, i), d = lex_byte_at(lx, i + 1);

	switch (c) {
	case '\r':
		return lex_tok(lx, t, PT_NEWLINE, i + 1 + (d == '\n'));
	case '\n':
		return lex_tok(lx, t, PT_NEWLINE, i + 1);
	case ';':
		return lex_tok(lx, t, PT_SEMI, i + 1);
	case ',':
		return lex_tok(lx, t, PT_COMMA, i + 1);
	case ')':
	case '}':
		return lex_tok(lx, t, PT_CLOSE, i + 1);
	case '(':
		return lex_unsupported(lx, t, i + 1);
	case '|':
	case '&':
		if (d == c)
			return lex_unsupported(lx, t, i + 2);
		return c == '|' ? lex_tok(lx, t, PT_PIPE, i + 1)
				: lex_unsupported(lx, t, i + 1);
	case '@': /* @( @{ @' @" @splat */
		if (d == '(' || d == '{' || lex_squote_width(lx, i + 1) ||
		    lex_dquote_width(lx, i + 1))
			return lex_unsupported(lx, t,
					       i + 1 + lex_cp_width(lx, i + 1));
		return lex_unsupported(lx, t, lex_name_end(lx, i + 1, false));
	case '=':
		if (mode == LEX_EXPR)
			return lex_tok(lx, t, PT_EQUALS, i + 1);
		break;
	case '[':
	case '!': /* the unary !, read by the parser */
		if (mode == LEX_EXPR)
			return lex_unsupported(lx, t, i + 1);
		break;
	}
	return false;
}

/* A 'single' or "double" quoted string token at i. */
static bool
scan_string_token(struct psh_lexer *lx, size_t i, struct psh_token *t)
{
	bool dq = lex_dquote_width(lx, i) > 0;
	size_t e;

	lex_begin_string(lx, i);
	e = dq ? lex_scan_dq(lx, i, i) : lex_scan_sq(lx, i, i, &lx->sb);
	if (e == 0)
		return false;
	t->node = lex_finish_string(lx, i, e,
				    dq ? PSH_QUOTE_DOUBLE : PSH_QUOTE_SINGLE);
	return lex_tok(lx, t, PT_VALUE, e);
}

/* A suffix PowerShell allows after a number: type, then multiplier. */
static size_t
number_suffix(const char *s, size_t n)
{
	static const char *const type[] = { "ul", "uy", "us", "u", "l",
					    "d",  "n",	"y",  "s", "" };
	static const char *const mult[] = { "kb", "mb", "gb", "tb", "pb", "" };

	for (size_t a = 0; a < sizeof(type) / sizeof(type[0]); a++) {
		size_t ta = strlen(type[a]);

		if (ta > n || strncasecmp(s, type[a], ta) != 0)
			continue;
		for (size_t b = 0; b < sizeof(mult) / sizeof(mult[0]); b++)
			if (strlen(mult[b]) == n - ta &&
			    strncasecmp(s + ta, mult[b], n - ta) == 0)
				return n;
	}
	return 0;
}

/* The end of the run of characters in set (lower case) from i. */
static size_t
digits(const char *s, size_t n, size_t i, const char *set)
{
	while (i < n && s[i] &&
	       strchr(set, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]))
		i++;
	return i;
}

/*
 * True if a word is a number PowerShell reads but psh does not: 1.5, 1e3,
 * 0x1F, 0b101, 10kb, 7L, and the range 1..5.
 */
static bool
numeric_word(const char *s, size_t n)
{
	size_t i = s[0] == '-' ? 1 : 0, j;

	if (i >= n || !lex_is_digit((unsigned char)s[i]))
		return false;
	if (n - i > 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
		j = digits(s, n, i + 2, "0123456789abcdef");
	else if (n - i > 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'b')
		j = digits(s, n, i + 2, "01");
	else {
		j = digits(s, n, i, "0123456789");
		if (j + 1 < n && s[j] == '.' && s[j + 1] == '.')
			return true;
		if (j < n && s[j] == '.')
			j = digits(s, n, j + 1, "0123456789");
		if (j + 1 < n && (s[j] | 0x20) == 'e') {
			size_t k = j + 1 + (s[j + 1] == '+' || s[j + 1] == '-');

			if (k < n && lex_is_digit((unsigned char)s[k]))
				j = digits(s, n, k, "0123456789");
		}
	}
	return j == n || number_suffix(s + j, n - j) == n - j;
}

bool
lex_next(struct psh_lexer *lx, enum lex_mode mode, struct psh_token *t)
{
	size_t i, r;
	unsigned char c;
	bool ok;

	memset(t, 0, sizeof(*t));
	if (!lex_skip_blank(lx, false))
		return false;
	i = t->start = lx->pos;
	c = lex_byte_at(lx, i);
	if (i >= lx->len)
		return lex_tok(lx, t, PT_EOF, i);
	if (punct_token(lx, i, mode, t))
		return true;
	if (c == '{')
		return lex_scan_block(lx, i, t);
	if (c == '$') {
		if (lex_byte_at(lx, i + 1) == '(' && i + 1 < lx->len)
			return lex_unsupported(lx, t, i + 2);
		if (lex_var_start(lx, i + 1))
			return lex_scan_var_token(lx, i, mode, t);
		return lex_scan_word(lx, i, t);
	}
	if ((r = redirect_len(lx, i)) > 0)
		return lex_tok(lx, t, PT_REDIRECT, i + r);
	if (lex_squote_width(lx, i) || lex_dquote_width(lx, i))
		return scan_string_token(lx, i, t);
	if (lex_dash_width(lx, i))
		ok = lex_scan_dash(lx, i, mode, t);
	else if (lex_is_digit(c) && lex_scan_number(lx, i, mode, t))
		ok = true;
	else
		ok = lex_scan_word(lx, i, t);
	if (!ok)
		return false;
	/* in an expression 1.5 or 0x10 would be a number: say we lack it */
	if (mode == LEX_EXPR && t->kind == PT_WORD &&
	    numeric_word(lx->s + i, t->end - i))
		t->kind = PT_UNSUPPORTED;
	return true;
}

/* ---------- after an expression ---------- */

static bool
is_operator(const char *s, size_t n)
{
	static const char *const cmp[] = { "eq",	  "ne",	     "gt",
					   "ge",	  "lt",	     "le",
					   "like",	  "notlike", "match",
					   "notmatch",	  "replace", "contains",
					   "notcontains", "in",	     "notin",
					   "split",	  NULL };
	static const char *const other[] = { "is",  "isnot", "as",   "and",
					     "or",  "xor",   "not",  "band",
					     "bor", "bxor",  "bnot", "shl",
					     "shr", "f",     "join", NULL };

	/* -ceq, -ilike ...: case-sensitive and -insensitive forms */
	bool ci = n > 1 && strchr("cCiI", s[0]) != NULL;

	for (const char *const *p = cmp; *p; p++)
		if ((strlen(*p) == n && strncasecmp(s, *p, n) == 0) ||
		    (ci && strlen(*p) == n - 1 &&
		     strncasecmp(s + 1, *p, n - 1) == 0))
			return true;
	for (const char *const *p = other; *p; p++)
		if (strlen(*p) == n && strncasecmp(s, *p, n) == 0)
			return true;
	return false;
}

bool
lex_binary_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "eq",    "ne",	"gt",
					   "ge",    "lt",	"le",
					   "like",  "notlike", "match",
					   "notmatch", "contains", "notcontains",
					   "in",    "notin",	NULL };
	static const char *const logical[] = { "and", "or", "xor", NULL };
	bool ci = n > 1 && strchr("cCiI", s[0]) != NULL;

	for (const char *const *p = ops; *p; p++)
		if ((strlen(*p) == n && strncasecmp(s, *p, n) == 0) ||
		    (ci && strlen(*p) == n - 1 &&
		     strncasecmp(s + 1, *p, n - 1) == 0))
			return true;
	for (const char *const *p = logical; *p; p++)
		if (strlen(*p) == n && strncasecmp(s, *p, n) == 0)
			return true;
	return false;
}

/* A dash after an expression: an operator, or a stray -Name. */
static bool
follow_dash(struct psh_lexer *lx, size_t i, struct psh_token *t)
{
	size_t j = i + lex_dash_width(lx, i), k = j;
	unsigned char c = lex_byte_at(lx, j);

	if (c == '=' && j < lx->len)
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i, j + 1);
	while (k < lx->len && ((lex_byte_at(lx, k) | 0x20) >= 'a' &&
			       (lex_byte_at(lx, k) | 0x20) <= 'z'))
		k++;
	if (k > j && is_operator(lx->s + j, k - j) &&
	    !lex_name_width(lx, k, true))
		return lex_binary_operator(lx->s + j, k - j)
			       ? lex_tok(lx, t, PT_OPERATOR, k)
			       : lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i, k);
	if (!lex_name_width(lx, j, true) || lex_is_digit(c))
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i, j); /* minus */
	if (!lex_next(lx, LEX_CMD, t))
		return false;
	return lex_fail_text(lx, PSH_E_UNEXPECTED_TOKEN, t->start, t->end);
}

/* Operators PowerShell has after an expression: + - * / % ! .. ?? [ :: */
static bool
follow_operator(struct psh_lexer *lx, size_t i)
{
	unsigned char c = lex_byte_at(lx, i), d = lex_byte_at(lx, i + 1);

	if (strchr("+*/%", c))
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i,
				     i + 1 + (d == '=' || d == c));
	if (c == ':')
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i, i + 2);
	return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i,
			     i + 1 + (d && strchr(".?[=", d) != NULL));
}

bool
lex_follow(struct psh_lexer *lx, struct psh_token *t)
{
	size_t i, at = lx->pos;
	unsigned char c, d;

	memset(t, 0, sizeof(*t));
	if (!lex_skip_blank(lx, false))
		return false;
	i = t->start = lx->pos;
	c = lex_byte_at(lx, i);
	d = lex_byte_at(lx, i + 1);
	if (i >= lx->len)
		return lex_tok(lx, t, PT_EOF, i);
	if (c == '=')
		return d == '=' ? lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i,
						i + 2)
				: lex_tok(lx, t, PT_EQUALS, i + 1);
	if (strchr("+*/%!.?[", c) || (c == ':' && d == ':'))
		return follow_operator(lx, i);
	if (c == '(' && i == at) /* $s.Method() */
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, i, i + 1);
	if (c == '{' || c == '(')
		return lex_fail_text(lx, PSH_E_UNEXPECTED_TOKEN, i, i + 1);
	if (lex_dash_width(lx, i))
		return follow_dash(lx, i, t);
	if (!lex_next(lx, LEX_CMD, t))
		return false;
	switch (t->kind) {
	case PT_EOF:
	case PT_NEWLINE:
	case PT_SEMI:
	case PT_PIPE:
	case PT_COMMA:
	case PT_CLOSE:
		return true;
	case PT_REDIRECT:
		/* '<' is PowerShell's own error; > 2>&1 ... are psh's lack */
		return lex_fail_text(lx,
				     lx->s[t->start] == '<'
					     ? PSH_E_REDIRECTION_NOT_SUPPORTED
					     : PSH_E_NOT_SUPPORTED,
				     t->start, t->end);
	case PT_UNSUPPORTED:
		return lex_fail_text(lx, PSH_E_NOT_SUPPORTED, t->start, t->end);
	default:
		return lex_fail_text(lx, PSH_E_UNEXPECTED_TOKEN, t->start,
				     t->end);
	}
}
