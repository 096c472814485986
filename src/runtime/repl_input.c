/* SPDX-License-Identifier: MIT */
/*
 * Incremental incomplete-input check of the REPL (repl_input.h).  The
 * line scanners below follow the lexer (src/pshlang/lexer*.c): quotes
 * with their curly variants and doubled quotes, backtick escapes, a '$'
 * that starts a variable, the balanced braces of a script block with its
 * strings and comments.  Each answers "still open" only when the lexer
 * certainly still stops at the same construct at the end of the input;
 * anything else sends the whole entry to the parser again.
 */
#include "repl_input.h"

#include <string.h>

#include "lexer.h"
#include "parser.h"
#include "utf8.h"

enum mode {
	M_PARSE,   /* nothing carried: parse the whole entry */
	M_SQ,	   /* an open 'string' */
	M_DQ,	   /* an open "string" */
	M_BLOCK,   /* an open { script block } */
	M_COMMENT, /* an open <# comment */
	M_PIPE	   /* a trailing '|' or ',': blank lines keep it open */
};

enum scan { S_OPEN, S_UNSURE };

void
psh_repl_input_init(struct psh_repl_input *in)
{
	memset(in, 0, sizeof(*in));
}

static size_t
quote_width(const char *s, size_t n, size_t i, bool dq)
{
	return dq ? lex_dquote_at(s, n, i) : lex_squote_at(s, n, i);
}

/* Width of the code point at i < n (1 for an invalid byte). */
static size_t
cp_width(const char *s, size_t n, size_t i)
{
	int32_t cp;
	return utf8_decode(s + i, n - i, &cp);
}

/*
 * A quote at i inside a string: skips a doubled quote (*i moves past
 * it), else the string ends here and the answer is unsure.
 */
static bool
doubled_quote(const char *s, size_t n, size_t *i, bool dq)
{
	size_t w = quote_width(s, n, *i, dq), w2 = quote_width(s, n, *i + w, dq);

	if (w2 == 0)
		return false;
	*i += w + w2;
	return true;
}

/* A '$' at i in a "string" that stays text (dollar_in_string). */
static bool
plain_dollar(const char *s, size_t n, size_t i)
{
	unsigned char c;

	if (i + 1 >= n)
		return true; /* followed by the next newline or the end */
	c = (unsigned char)s[i + 1];
	if (c >= 0x80)
		return false; /* may be a name character */
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		 (c >= '0' && c <= '9') || strchr("_?$^:{(", c));
}

/* The body of a top-level string, from i to n. */
static enum scan
scan_string(const char *s, size_t n, size_t i, bool dq)
{
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (quote_width(s, n, i, dq)) {
			if (!doubled_quote(s, n, &i, dq))
				return S_UNSURE;
		} else if (dq && c == '`') {
			if (i + 1 < n && s[i + 1] == 'u')
				return S_UNSURE; /* `u{...} may be bad */
			i += 1 + (i + 1 < n ? cp_width(s, n, i + 1) : 0);
		} else if (dq && c == '$' && !plain_dollar(s, n, i)) {
			return S_UNSURE;
		} else {
			i += cp_width(s, n, i);
		}
	}
	return S_OPEN;
}

/* A '#' at i that starts a comment inside a block (token_start). */
static bool
comment_start(const char *s, size_t i)
{
	unsigned char p = (unsigned char)s[i - 1];

	return strchr(" \t\f\v\r\n;|{}(),&", p) ||
	       (p == 0xA0 && i >= 2 && (unsigned char)s[i - 2] == 0xC2);
}

/* Inside a block's string or <# comment at *i: moves past its end. */
static void
block_sub(struct psh_repl_input *in, const char *s, size_t n, size_t *i)
{
	bool dq = in->sub == '"';

	while (*i < n) {
		if (in->sub == '#') {
			if (s[*i] == '#' && *i + 1 < n && s[*i + 1] == '>') {
				*i += 2;
				in->sub = 0;
				return;
			}
			(*i)++;
		} else if (quote_width(s, n, *i, dq)) {
			/* at the end of the line a quote is followed by a
			   newline, so it ends the string there too */
			if (!doubled_quote(s, n, i, dq)) {
				*i += quote_width(s, n, *i, dq);
				in->sub = 0;
				return;
			}
		} else if (dq && s[*i] == '`') {
			*i += 1 + (*i + 1 < n ? cp_width(s, n, *i + 1) : 0);
		} else {
			*i += cp_width(s, n, *i);
		}
	}
}

/* One element of a block's text at *i (block_step). */
static enum scan
block_step(struct psh_repl_input *in, const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];

	if (c == '{') {
		in->depth++;
		(*i)++;
	} else if (c == '}') {
		if (in->depth == 0)
			return S_UNSURE; /* the open block may close */
		in->depth--;
		(*i)++;
	} else if (lex_squote_at(s, n, *i) || lex_dquote_at(s, n, *i)) {
		in->sub = lex_dquote_at(s, n, *i) ? '"' : '\'';
		*i += quote_width(s, n, *i, in->sub == '"');
	} else if (c == '`') {
		*i += 1 + (*i + 1 < n ? cp_width(s, n, *i + 1) : 0);
	} else if (c == '#' && comment_start(s, *i)) {
		/* to the end of the line, which a CR ends too */
		while (*i < n && !lex_is_newline_byte((unsigned char)s[*i]))
			(*i)++;
	} else if (c == '<' && *i + 1 < n && s[*i + 1] == '#') {
		in->sub = '#';
		*i += 2;
	} else {
		*i += cp_width(s, n, *i);
	}
	return S_OPEN;
}

static enum scan
scan_block(struct psh_repl_input *in, const char *s, size_t n, size_t i)
{
	while (i < n) {
		if (in->sub)
			block_sub(in, s, n, &i);
		else if (block_step(in, s, n, &i) == S_UNSURE)
			return S_UNSURE;
	}
	return S_OPEN;
}

/* True if s[i, n) holds "#>". */
static bool
has_comment_end(const char *s, size_t n, size_t i)
{
	for (; i + 1 < n; i++)
		if (s[i] == '#' && s[i + 1] == '>')
			return true;
	return false;
}

/* The new line s[0, n) ('\n' first) under the carried state. */
static enum scan
scan_piece(struct psh_repl_input *in, const char *s, size_t n)
{
	if (memchr(s, '\0', n) || utf8_first_invalid(s, n) < n)
		return S_UNSURE; /* the parser reports it */
	switch ((enum mode)in->mode) {
	case M_SQ:
		return scan_string(s, n, 1, false);
	case M_DQ:
		return scan_string(s, n, 1, true);
	case M_BLOCK:
		return scan_block(in, s, n, 1);
	case M_COMMENT:
		return has_comment_end(s, n, 1) ? S_UNSURE : S_OPEN;
	case M_PIPE:
		return strspn(s + 1, " \t") == n - 1 ? S_OPEN : S_UNSURE;
	case M_PARSE:
		break;
	}
	return S_UNSURE;
}

/* What an "incomplete" parse error leaves open for the next lines. */
static enum mode
mode_of(const struct psh_ast *ast)
{
	const struct psh_error *e = ast->error;

	if (e == NULL || !e->incomplete)
		return M_PARSE; /* a trailing backtick: parse again */
	switch (e->code) {
	case PSH_E_TERMINATOR_EXPECTED:
		return e->arg && e->arg[0] == '"' ? M_DQ : M_SQ;
	case PSH_E_MISSING_END_CURLY:
		return M_BLOCK;
	case PSH_E_MISSING_COMMENT_END:
		return M_COMMENT;
	case PSH_E_EMPTY_PIPE_ELEMENT:
	case PSH_E_MISSING_EXPRESSION:
	case PSH_E_MISSING_EXPRESSION_AFTER:
		return M_PIPE;
	default:
		return M_PARSE;
	}
}

static bool
parse_all(struct psh_repl_input *in, const char *src, size_t len)
{
	struct psh_ast *ast = psh_parse(src, len);

	in->parses++;
	in->incomplete = psh_ast_incomplete(ast);
	in->mode = in->incomplete ? mode_of(ast) : M_PARSE;
	in->depth = 0;
	in->sub = 0;
	psh_ast_free(ast);
	in->len = len;
	return in->incomplete;
}

bool
psh_repl_input_incomplete(struct psh_repl_input *in, const char *src,
			  size_t len)
{
	if (in->mode == M_PARSE || !in->incomplete || len <= in->len ||
	    len > PSH_MAX_INPUT || src[in->len] != '\n')
		return parse_all(in, src, len);
	if (scan_piece(in, src + in->len, len - in->len) != S_OPEN)
		return parse_all(in, src, len);
	in->len = len;
	return true;
}
