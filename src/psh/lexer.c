/* SPDX-License-Identifier: MIT */
/*
 * Tokenizer of the psh language.  It follows PowerShell's tokenizer where
 * the subset has the construct: the same token boundaries (a quote inside
 * a bare word belongs to the word, a quote at the start ends it), the same
 * dashes and smart quotes, the same escapes, and the same error ids and
 * extents.  Every scan is a single forward pass with no recursion, so
 * hostile input costs linear time and constant stack.
 */
#include "lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "utf8.h"
#include "xalloc.h"

/* ---------- characters ---------- */

static unsigned char
byte_at(const struct psh_lexer *lx, size_t i)
{
	return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* Width of the code point at i (input is valid UTF-8 once tokenizing). */
static size_t
cp_width(const struct psh_lexer *lx, size_t i)
{
	int32_t cp;

	return utf8_decode(lx->s + i, lx->len - i, &cp);
}

/* The third byte of E2 80 xx when a three-byte punctuation is at i. */
static unsigned char
punct_at(const struct psh_lexer *lx, size_t i)
{
	if (i + 2 < lx->len && byte_at(lx, i) == 0xE2 && byte_at(lx, i + 1) == 0x80)
		return byte_at(lx, i + 2);
	return 0;
}

/* Blanks inside a line: space, tab, FF, VT, NBSP, BOM. */
static size_t
space_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i);

	if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
		return i < lx->len;
	if (c == 0xC2 && byte_at(lx, i + 1) == 0xA0)
		return 2;
	if (c == 0xEF && byte_at(lx, i + 1) == 0xBB && byte_at(lx, i + 2) == 0xBF)
		return 3;
	return 0;
}

/* '-' and the en dash, em dash and horizontal bar PowerShell accepts. */
static size_t
dash_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char p = punct_at(lx, i);

	if (byte_at(lx, i) == '-' && i < lx->len)
		return 1;
	return (p >= 0x93 && p <= 0x95) ? 3 : 0;
}

/* ' and the curly single quotes. */
static size_t
squote_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char p = punct_at(lx, i);

	if (byte_at(lx, i) == '\'' && i < lx->len)
		return 1;
	return (p >= 0x98 && p <= 0x9B) ? 3 : 0;
}

/* " and the curly double quotes. */
static size_t
dquote_width(const struct psh_lexer *lx, size_t i)
{
	unsigned char p = punct_at(lx, i);

	if (byte_at(lx, i) == '"' && i < lx->len)
		return 1;
	return (p >= 0x9C && p <= 0x9E) ? 3 : 0;
}

static bool
is_newline_byte(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* Characters that end a bare word (PowerShell's ForceStartNewToken). */
static bool
delim_at(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i);

	if (i >= lx->len || is_newline_byte(c) || space_width(lx, i))
		return true;
	return c && strchr("{}();,|&", c) != NULL;
}

/*
 * Width of a name character at i (variables, members, parameters): ASCII
 * letters, digits, '_' and, with q, '?'; any other non-ASCII character
 * except blanks, dashes and quotes counts as a letter.
 */
static size_t
name_width(const struct psh_lexer *lx, size_t i, bool q)
{
	unsigned char c = byte_at(lx, i);

	if (i >= lx->len)
		return 0;
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || (q && c == '?'))
			return 1;
		return 0;
	}
	if (space_width(lx, i) || dash_width(lx, i) || squote_width(lx, i) ||
	    dquote_width(lx, i))
		return 0;
	return cp_width(lx, i);
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ---------- positions ---------- */

/* True if a line ends with the byte at i ("\r\n" ends at the '\n'). */
static bool
line_end_at(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i);

	return c == '\n' || (c == '\r' && byte_at(lx, i + 1) != '\n');
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
		unsigned char c = byte_at(lx, i);
		size_t w = space_width(lx, i);

		if (w || is_newline_byte(c) || c == '`') {
			i += w ? w : 1;
		} else if (c == '#') {
			while (i < lx->len && !is_newline_byte(byte_at(lx, i)))
				i++;
		} else if (c == '<' && byte_at(lx, i + 1) == '#') {
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
	e->incomplete = psh_error_incomplete_kind(code) && rest_blank(lx, detect);
	lx->err = e;
}

/* An error whose argument is the source text of its extent. */
static bool
fail_text(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	  size_t end)
{
	lex_fail(lx, code, start, end, lx->s + start, end - start, end);
	return false;
}

static bool
fail_arg(struct psh_lexer *lx, enum psh_error_code code, size_t start,
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
		fail_arg(lx, PSH_E_TOO_LARGE, 0, 0, num);
		return;
	}
	nul = memchr(lx->s, '\0', lx->len);
	bad = utf8_first_invalid(lx->s, lx->len);
	if (nul && (size_t)(nul - lx->s) < bad)
		fail_arg(lx, PSH_E_NUL, (size_t)(nul - lx->s),
			 (size_t)(nul - lx->s) + 1, NULL);
	else if (bad < lx->len)
		fail_arg(lx, PSH_E_INVALID_UTF8, bad, bad + 1, NULL);
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
	unsigned char c = byte_at(lx, i + 1);
	size_t w;

	if (byte_at(lx, i) != '`' || i >= lx->len)
		return 0;
	if (i + 1 >= lx->len)
		w = 1; /* a backtick at the very end also asks for more */
	else if (c == '\r' && byte_at(lx, i + 2) == '\n')
		w = 3;
	else if (is_newline_byte(c))
		w = 2;
	else
		return 0;
	lx->cont_seen = true;
	lx->cont_end = i + w;
	return w;
}

/* Skips a <# block comment #> at i; returns its end, or 0 if unclosed. */
static size_t
block_comment_end(struct psh_lexer *lx, size_t i)
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
		unsigned char c = byte_at(lx, i);

		if ((w = space_width(lx, i)) || (w = continuation_width(lx, i))) {
			i += w;
		} else if (c == '#') {
			while (i < lx->len && !is_newline_byte(byte_at(lx, i)))
				i++;
		} else if (c == '<' && byte_at(lx, i + 1) == '#') {
			if ((i = block_comment_end(lx, i)) == 0)
				return false;
		} else if (newlines && is_newline_byte(c)) {
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

/* ---------- escapes and strings ---------- */

static int
hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* fail_text for scanners that return an index (0 on error). */
static size_t
fail_index(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	   size_t end)
{
	fail_text(lx, code, start, end);
	return 0;
}

/* `u{1F600} at i; returns the index after it, or 0 on error. */
static size_t
unicode_escape(struct psh_lexer *lx, size_t i, struct strbuf *sb)
{
	size_t k = i + 2, digits = 0;
	int32_t v = 0;

	if (byte_at(lx, k) != '{' || k >= lx->len)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE, i, k);
	for (k++; k < lx->len && hex_value(byte_at(lx, k)) >= 0; k++) {
		if (digits++ == 6)
			return fail_index(lx, PSH_E_UNICODE_ESCAPE_DIGITS, i, k + 1);
		v = v * 16 + hex_value(byte_at(lx, k));
	}
	if (digits == 0)
		return fail_index(lx, PSH_E_UNICODE_ESCAPE, i, k);
	if (byte_at(lx, k) != '}' || k >= lx->len)
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
	unsigned char c = byte_at(lx, i + 1);
	const char *p;
	size_t w;

	if (c == 'u')
		return unicode_escape(lx, i, sb);
	if (c && (p = strchr(from, c)) != NULL) {
		strbuf_addch(sb, to[p - from]);
		return i + 2;
	}
	w = cp_width(lx, i + 1);
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

	while (k < lx->len && byte_at(lx, k) < 0x80 &&
	       !strchr(stop, byte_at(lx, k)))
		k++;
	if (k == i)
		k = i + cp_width(lx, i);
	strbuf_add(sb, lx->s + i, k - i);
	return k;
}

/*
 * The body of a 'single-quoted' string whose quote is at i; a doubled
 * quote stands for one.  tok is where the token began (for the error).
 * Returns the index after the closing quote, or 0.
 */
static size_t
scan_sq(struct psh_lexer *lx, size_t i, size_t tok, struct strbuf *sb)
{
	size_t j = i + squote_width(lx, i), w, w2;

	while (j < lx->len) {
		if ((w = squote_width(lx, j)) == 0) {
			j = copy_run(lx, j, "'", sb);
			continue;
		}
		if ((w2 = squote_width(lx, j + w)) == 0)
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
static bool var_start(const struct psh_lexer *lx, size_t i);

/* A '$' inside a double-quoted string or a bare word; returns the next index or 0. */
static size_t
dollar_in_string(struct psh_lexer *lx, size_t i)
{
	struct psh_node *v;
	size_t end;

	if (byte_at(lx, i + 1) == '(' && i + 1 < lx->len)
		return fail_index(lx, PSH_E_NOT_SUPPORTED, i, i + 2);
	if (!var_start(lx, i + 1)) {
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
static size_t
scan_dq(struct psh_lexer *lx, size_t i, size_t tok)
{
	size_t j = i + dquote_width(lx, i), w, w2;

	while (j < lx->len) {
		unsigned char c = byte_at(lx, j);

		if ((w = dquote_width(lx, j)) > 0) {
			if ((w2 = dquote_width(lx, j + w)) == 0)
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
static struct psh_node *
finish_string(struct psh_lexer *lx, size_t start, size_t end,
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

static void
begin_string(struct psh_lexer *lx, size_t start)
{
	lx->tok_ext = lex_extent(lx, start, start);
	strbuf_reset(&lx->sb);
	lx->parts.n = 0;
	lx->lit_start = start;
}

static bool
tok(struct psh_lexer *lx, struct psh_token *t, enum psh_tok kind, size_t end)
{
	t->kind = kind;
	t->end = end;
	lx->pos = end;
	return true;
}

/* ---------- variables ---------- */

static bool
var_start(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i);

	if (i >= lx->len)
		return false;
	return name_width(lx, i, true) || c == '$' || c == '^' || c == ':' ||
	       c == '{';
}

/* ${name with `} escapes} at i; NULL on error. */
static struct psh_node *
scan_braced(struct psh_lexer *lx, size_t i, size_t *end)
{
	struct strbuf *sb = &lx->sb2;
	struct psh_node *n;
	size_t k = i + 2;

	strbuf_reset(sb);
	while (k < lx->len && byte_at(lx, k) != '}') {
		if (byte_at(lx, k) == '{') {
			lex_fail(lx, PSH_E_OPEN_BRACE_IN_VARIABLE, k, k + 1, NULL, 0, k + 1);
			return NULL;
		}
		if (byte_at(lx, k) == '`' && k + 1 < lx->len)
			k++;
		strbuf_add(sb, lx->s + k, cp_width(lx, k));
		k += cp_width(lx, k);
	}
	if (k >= lx->len) {
		lex_fail(lx, PSH_E_INCOMPLETE_BRACED_VARIABLE, i + 1, i + 2, NULL, 0, lx->len);
		return NULL;
	}
	if (sb->len == 0) {
		lex_fail(lx, PSH_E_EMPTY_VARIABLE, k, k + 1, NULL, 0, k + 1);
		return NULL;
	}
	if (sb->buf[sb->len - 1] == ':') {
		lex_fail(lx, PSH_E_INVALID_BRACED_VARIABLE, i, k + 1, NULL, 0, k + 1);
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
static size_t
name_end(const struct psh_lexer *lx, size_t k, bool q)
{
	size_t w;

	while ((w = name_width(lx, k, q)) > 0)
		k += w;
	return k;
}

/* $name, $scope:name, $$, $?, $^ or ${...} at i (var_start(i + 1)). */
static struct psh_node *
scan_var(struct psh_lexer *lx, size_t i, size_t *end)
{
	struct psh_node *n;
	size_t j = i + 1, k;
	unsigned char c = byte_at(lx, j);

	if (c == '{')
		return scan_braced(lx, i, end);
	if (c == '$' || c == '^' || c == '?') {
		k = j + 1;
	} else {
		k = name_end(lx, j, true);
		if (byte_at(lx, k) == ':' && byte_at(lx, k + 1) != ':' &&
		    k < lx->len) {
			size_t m = name_end(lx, k + 1, true);

			if (k == j || m == k + 1) {
				fail_arg(lx, k == j ? PSH_E_INVALID_VARIABLE :
				     PSH_E_INVALID_VARIABLE_DRIVE, i, k + 1, NULL);
				return NULL;
			}
			k = m;
		}
		if (k == j) {
			/* '$' followed only by "::" */
			fail_arg(lx, PSH_E_INVALID_VARIABLE, i, j + 1, NULL);
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

static bool scan_word(struct psh_lexer *lx, size_t start, struct psh_token *t);


/* Says what is wrong at a '.' that no property name follows. */
static void
bad_member(struct psh_lexer *lx, size_t k)
{
	unsigned char c = byte_at(lx, k + 1);

	if (squote_width(lx, k + 1) || dquote_width(lx, k + 1) ||
	    (k + 1 < lx->len && strchr("$({.", c)))
		fail_text(lx, PSH_E_NOT_SUPPORTED, k, k + 1 + cp_width(lx, k + 1));
	else
		lex_fail(lx, PSH_E_MISSING_PROPERTY_NAME, k + 1, k + 1, NULL, 0,
			 k + 1);
}

/* Property names after target: $s.State.Name; *pos is at the first '.'. */
static struct psh_node *
scan_members(struct psh_lexer *lx, struct psh_node *target, size_t *pos)
{
	struct psh_vec kids = {0};
	struct psh_node *m;
	size_t k = *pos;

	psh_vec_push(&kids, target);
	while (byte_at(lx, k) == '.' && k < lx->len) {
		size_t e = name_end(lx, k + 1, false);
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
static bool
scan_var_token(struct psh_lexer *lx, size_t start, enum lex_mode mode,
	       struct psh_token *t)
{
	struct psh_node *v;
	size_t k;
	unsigned char c;

	if ((v = scan_var(lx, start, &k)) == NULL)
		return false;
	c = byte_at(lx, k);
	/* in command mode $a-b is one word, as in PowerShell */
	if (mode == LEX_CMD && c != '.' && c != '[' &&
	    !(c == ':' && byte_at(lx, k + 1) == ':') && !delim_at(lx, k))
		return scan_word(lx, start, t);
	t->node = var_value(lx, v);
	if (c == '.' && k < lx->len &&
	    (t->node = scan_members(lx, t->node, &k)) == NULL)
		return false;
	c = byte_at(lx, k);
	if (k < lx->len && (c == '[' || (c == ':' && byte_at(lx, k + 1) == ':')))
		return fail_text(lx, PSH_E_NOT_SUPPORTED, k, k + 1 + (c == ':'));
	return tok(lx, t, PT_VALUE, k);
}

/* ---------- numbers, words, parameters ---------- */

/* An integer at start that ends where a token may end; false if none. */
static bool
scan_number(struct psh_lexer *lx, size_t start, enum lex_mode mode,
	    struct psh_token *t)
{
	size_t i = start + dash_width(lx, start), j = i;
	bool neg = i > start;
	uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX;
	unsigned char c;
	struct psh_node *n;

	while (j < lx->len && is_digit(byte_at(lx, j)))
		j++;
	c = byte_at(lx, j);
	if (j == i || !(delim_at(lx, j) ||
			(mode == LEX_EXPR && c && strchr("=+-*/%!<>", c))))
		return false;
	for (size_t k = i; k < j; k++) {
		unsigned d = byte_at(lx, k) - '0';

		if (v > (limit - d) / 10)
			return false; /* too big: a bare word */
		v = v * 10 + d;
	}
	n = lex_node(lx, PSH_NUMBER, start, j);
	if (!neg)
		n->num = (int64_t)v;
	else
		n->num = v > INT64_MAX ? INT64_MIN : -(int64_t)v;
	n->text = arena_strndup(lx->arena, lx->s + start, j - start);
	n->len = j - start;
	t->node = n;
	return tok(lx, t, PT_VALUE, j);
}

/*
 * A bare word: everything up to a delimiter, with `escapes, 'quoted' and
 * "quoted" parts and $variables (which make it expandable).
 */
static bool
scan_word(struct psh_lexer *lx, size_t start, struct psh_token *t)
{
	size_t i = start;

	begin_string(lx, start);
	while (!delim_at(lx, i)) {
		unsigned char c = byte_at(lx, i);

		if (c == '`' && (i + 1 >= lx->len ||
				 is_newline_byte(byte_at(lx, i + 1))))
			break; /* a line continuation ends the word */
		if (c == '`')
			i = escape(lx, i, &lx->sb);
		else if (squote_width(lx, i))
			i = scan_sq(lx, i, start, &lx->sb);
		else if (dquote_width(lx, i))
			i = scan_dq(lx, i, start);
		else if (c == '$')
			i = dollar_in_string(lx, i);
		else
			i = copy_run(lx, i, "`'\"$ \t\f\v\r\n{}();,|&", &lx->sb);
		if (i == 0)
			return false;
	}
	t->node = finish_string(lx, start, i, PSH_QUOTE_BARE);
	return tok(lx, t, PT_WORD, i);
}

static bool
unsupported(struct psh_lexer *lx, struct psh_token *t, size_t end)
{
	return tok(lx, t, PT_UNSUPPORTED, end);
}

/* -Name, -Name:, -1, --, --% or a word that starts with a dash. */
static bool
scan_dash(struct psh_lexer *lx, size_t start, enum lex_mode mode,
	  struct psh_token *t)
{
	size_t j = start + dash_width(lx, start), w, k;
	struct psh_node *n;
	bool colon;

	if ((w = dash_width(lx, j)) > 0) {
		k = j + w;
		if (byte_at(lx, k) == '%' && k < lx->len && delim_at(lx, k + 1))
			return unsupported(lx, t, k + 1);
		return delim_at(lx, k) ? unsupported(lx, t, k) :
					 scan_word(lx, start, t);
	}
	if (is_digit(byte_at(lx, j)) && j < lx->len)
		return scan_number(lx, start, mode, t) || scan_word(lx, start, t);
	if (!name_width(lx, j, true))
		return scan_word(lx, start, t);
	for (k = j; !delim_at(lx, k) && byte_at(lx, k) != ':';
	     k += cp_width(lx, k)) {
		unsigned char c = byte_at(lx, k);

		/* quotes are never part of a parameter: it is an argument */
		if (c == '`' || c == '$' || squote_width(lx, k) ||
		    dquote_width(lx, k))
			return scan_word(lx, start, t);
	}
	colon = byte_at(lx, k) == ':' && k < lx->len;
	n = lex_node(lx, PSH_PARAM, start, k + colon);
	n->text = arena_strndup(lx->arena, lx->s + j, k - j);
	n->len = k - j;
	n->colon = colon;
	n->inner = n->ext;
	t->node = n;
	return tok(lx, t, PT_PARAM, k + colon);
}

/* ---------- script blocks ---------- */

/* A quoted string inside a script block at i; returns its end or 0. */
static size_t
skip_quoted(struct psh_lexer *lx, size_t i)
{
	bool dq = dquote_width(lx, i) > 0;
	size_t (*quote)(const struct psh_lexer *, size_t) =
		dq ? dquote_width : squote_width;
	size_t j = i + quote(lx, i), w, w2;

	while (j < lx->len) {
		if ((w = quote(lx, j)) > 0) {
			if ((w2 = quote(lx, j + w)) == 0)
				return j + w;
			j += w + w2;
		} else if (dq && byte_at(lx, j) == '`' && j + 1 < lx->len) {
			j += 1 + cp_width(lx, j + 1);
		} else {
			j += cp_width(lx, j);
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
	unsigned char p = byte_at(lx, i - 1);

	return i == open + 1 || strchr(" \t\f\v\r\n;|{}(),&", p) ||
	       (p == 0xA0 && byte_at(lx, i - 2) == 0xC2);
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
	unsigned char c = byte_at(lx, i);

	if (squote_width(lx, i) || dquote_width(lx, i))
		return skip_quoted(lx, i);
	if (c == '`')
		return i + 1 + (i + 1 < lx->len ? cp_width(lx, i + 1) : 0);
	if (c == '#' && token_start(lx, i, open)) {
		while (i < lx->len && !is_newline_byte(byte_at(lx, i)))
			i++;
		return i;
	}
	if (c == '<' && byte_at(lx, i + 1) == '#')
		return block_comment_end(lx, i);
	return i + cp_width(lx, i);
}

/*
 * { script block } at start: balanced braces, skipping quoted strings,
 * comments and escapes.  The text stays unparsed; an unclosed brace is
 * reported at the innermost one, as PowerShell does.
 */
static bool
scan_block(struct psh_lexer *lx, size_t start, struct psh_token *t)
{
	struct psh_extent ext = lex_extent(lx, start, start);
	struct psh_extent inner = lex_extent(lx, start + 1, start + 1);
	size_t depth = 0, i = start + 1;
	struct psh_node *n;

	push_brace(lx, &depth, start);
	while (i < lx->len && depth > 0) {
		unsigned char c = byte_at(lx, i);

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
	return tok(lx, t, PT_VALUE, i);
}

/* ---------- tokens ---------- */

/* Length of a redirection operator at i: < > >> 2> 2>> 2>&1 *> ... */
static size_t
redirect_len(const struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i);
	size_t j = i;

	if (c == '<')
		return 1;
	if ((c == '*' || (c >= '1' && c <= '6')) && byte_at(lx, i + 1) == '>')
		j++;
	if (byte_at(lx, j) != '>')
		return 0;
	j++;
	if (byte_at(lx, j) == '>')
		j++;
	else if (byte_at(lx, j) == '&' && byte_at(lx, j + 1) >= '1' &&
		 byte_at(lx, j + 1) <= '6')
		j += 2;
	return j - i;
}

/* Tokens made of punctuation; false with t->kind PT_EOF if none at i. */
static bool
punct_token(struct psh_lexer *lx, size_t i, enum lex_mode mode,
	    struct psh_token *t)
{
	unsigned char c = byte_at(lx, i), d = byte_at(lx, i + 1);

	switch (c) {
	case '\r':
		return tok(lx, t, PT_NEWLINE, i + 1 + (d == '\n'));
	case '\n':
		return tok(lx, t, PT_NEWLINE, i + 1);
	case ';':
		return tok(lx, t, PT_SEMI, i + 1);
	case ',':
		return tok(lx, t, PT_COMMA, i + 1);
	case ')':
	case '}':
		return tok(lx, t, PT_CLOSE, i + 1);
	case '(':
		return unsupported(lx, t, i + 1);
	case '|':
	case '&':
		if (d == c)
			return unsupported(lx, t, i + 2);
		return c == '|' ? tok(lx, t, PT_PIPE, i + 1) :
				  unsupported(lx, t, i + 1);
	case '@': /* @( @{ @' @" @splat */
		if (d == '(' || d == '{' || squote_width(lx, i + 1) ||
		    dquote_width(lx, i + 1))
			return unsupported(lx, t, i + 1 + cp_width(lx, i + 1));
		return unsupported(lx, t, name_end(lx, i + 1, false));
	case '=':
		if (mode == LEX_EXPR)
			return tok(lx, t, PT_EQUALS, i + 1);
		break;
	case '[':
		if (mode == LEX_EXPR)
			return unsupported(lx, t, i + 1);
		break;
	}
	return false;
}

/* A 'single' or "double" quoted string token at i. */
static bool
scan_string_token(struct psh_lexer *lx, size_t i, struct psh_token *t)
{
	bool dq = dquote_width(lx, i) > 0;
	size_t e;

	begin_string(lx, i);
	e = dq ? scan_dq(lx, i, i) : scan_sq(lx, i, i, &lx->sb);
	if (e == 0)
		return false;
	t->node = finish_string(lx, i, e, dq ? PSH_QUOTE_DOUBLE :
					    PSH_QUOTE_SINGLE);
	return tok(lx, t, PT_VALUE, e);
}

/* A suffix PowerShell allows after a number: type, then multiplier. */
static size_t
number_suffix(const char *s, size_t n)
{
	static const char *const type[] = {"ul", "uy", "us", "u", "l", "d", "n",
					   "y", "s", ""};
	static const char *const mult[] = {"kb", "mb", "gb", "tb", "pb", ""};

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
	while (i < n && s[i] && strchr(set, s[i] >= 'A' && s[i] <= 'Z' ?
				       s[i] + 32 : s[i]))
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

	if (i >= n || !is_digit((unsigned char)s[i]))
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

			if (k < n && is_digit((unsigned char)s[k]))
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
	c = byte_at(lx, i);
	if (i >= lx->len)
		return tok(lx, t, PT_EOF, i);
	if (punct_token(lx, i, mode, t))
		return true;
	if (c == '{')
		return scan_block(lx, i, t);
	if (c == '$') {
		if (byte_at(lx, i + 1) == '(' && i + 1 < lx->len)
			return unsupported(lx, t, i + 2);
		if (var_start(lx, i + 1))
			return scan_var_token(lx, i, mode, t);
		return scan_word(lx, i, t);
	}
	if ((r = redirect_len(lx, i)) > 0)
		return tok(lx, t, PT_REDIRECT, i + r);
	if (squote_width(lx, i) || dquote_width(lx, i))
		return scan_string_token(lx, i, t);
	if (dash_width(lx, i))
		ok = scan_dash(lx, i, mode, t);
	else if (is_digit(c) && scan_number(lx, i, mode, t))
		ok = true;
	else
		ok = scan_word(lx, i, t);
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
	static const char *const cmp[] = {
		"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match",
		"notmatch", "replace", "contains", "notcontains", "in", "notin",
		"split", NULL
	};
	static const char *const other[] = {
		"is", "isnot", "as", "and", "or", "xor", "not", "band", "bor",
		"bxor", "bnot", "shl", "shr", "f", "join", NULL
	};

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

/* A dash after an expression: an operator psh lacks, or a stray -Name. */
static bool
follow_dash(struct psh_lexer *lx, size_t i, struct psh_token *t)
{
	size_t j = i + dash_width(lx, i), k = j;
	unsigned char c = byte_at(lx, j);

	if (c == '=' && j < lx->len)
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i, j + 1);
	while (k < lx->len && ((byte_at(lx, k) | 0x20) >= 'a' &&
			       (byte_at(lx, k) | 0x20) <= 'z'))
		k++;
	if (k > j && is_operator(lx->s + j, k - j) && !name_width(lx, k, true))
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i, k);
	if (!name_width(lx, j, true) || is_digit(c))
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i, j); /* minus */
	if (!lex_next(lx, LEX_CMD, t))
		return false;
	return fail_text(lx, PSH_E_UNEXPECTED_TOKEN, t->start, t->end);
}

/* Operators PowerShell has after an expression: + - * / % ! .. ?? [ :: */
static bool
follow_operator(struct psh_lexer *lx, size_t i)
{
	unsigned char c = byte_at(lx, i), d = byte_at(lx, i + 1);

	if (strchr("+*/%", c))
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i,
				 i + 1 + (d == '=' || d == c));
	if (c == ':')
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i, i + 2);
	return fail_text(lx, PSH_E_NOT_SUPPORTED, i,
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
	c = byte_at(lx, i);
	d = byte_at(lx, i + 1);
	if (i >= lx->len)
		return tok(lx, t, PT_EOF, i);
	if (c == '=')
		return d == '=' ? fail_text(lx, PSH_E_NOT_SUPPORTED, i, i + 2) :
				  tok(lx, t, PT_EQUALS, i + 1);
	if (strchr("+*/%!.?[", c) || (c == ':' && d == ':'))
		return follow_operator(lx, i);
	if (c == '(' && i == at) /* $s.Method() */
		return fail_text(lx, PSH_E_NOT_SUPPORTED, i, i + 1);
	if (c == '{' || c == '(')
		return fail_text(lx, PSH_E_UNEXPECTED_TOKEN, i, i + 1);
	if (dash_width(lx, i))
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
		return fail_text(lx, PSH_E_REDIRECTION_NOT_SUPPORTED, t->start,
				 t->end);
	case PT_UNSUPPORTED:
		return fail_text(lx, PSH_E_NOT_SUPPORTED, t->start, t->end);
	default:
		return fail_text(lx, PSH_E_UNEXPECTED_TOKEN, t->start, t->end);
	}
}
