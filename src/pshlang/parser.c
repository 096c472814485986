/* SPDX-License-Identifier: MIT */
/*
 * The psh grammar (parser.h), after PowerShell's PipelineRule and
 * CommandRule: which token ends what, where newlines may appear, and which
 * error each mistake gets, with the same extent.  The grammar has no
 * nesting (script blocks stay text), so the parser never recurses.
 */
#include "parser.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexer.h"
#include "lexer_internal.h"
#include "xalloc.h"

struct parser {
	struct psh_lexer lx;
	struct arena *arena;
	struct psh_token la; /* a token given back, if have_la */
	enum lex_mode la_mode;
	bool have_la;
	int depth; /* nested operands (parse_operand) */
};

/* ---------- tokens ---------- */

/* Separators read the same in both modes. */
static bool
mode_free(enum psh_tok kind)
{
	return kind == PT_EOF || kind == PT_NEWLINE || kind == PT_SEMI ||
	       kind == PT_PIPE || kind == PT_COMMA || kind == PT_CLOSE;
}

static bool
next(struct parser *p, enum lex_mode mode, struct psh_token *t)
{
	if (p->have_la) {
		p->have_la = false;
		if (p->la_mode == mode || mode_free(p->la.kind)) {
			*t = p->la;
			return true;
		}
		p->lx.pos = p->la.start; /* read it again in this mode */
	}
	return lex_next(&p->lx, mode, t);
}

static void
unget(struct parser *p, const struct psh_token *t, enum lex_mode mode)
{
	p->la = *t;
	p->la_mode = mode;
	p->have_la = true;
	p->lx.pos = t->end;
}

static bool
skip_newlines(struct parser *p, enum lex_mode mode)
{
	struct psh_token t;

	do {
		if (!next(p, mode, &t))
			return false;
	} while (t.kind == PT_NEWLINE);
	unget(p, &t, mode);
	return true;
}

/* What follows an expression (the lexer reports what may not). */
static bool
follow(struct parser *p, struct psh_token *t)
{
	if (p->have_la) {
		p->have_la = false;
		p->lx.pos = p->la.start;
	}
	return lex_follow(&p->lx, t);
}

/* ---------- errors ---------- */

static void *
fail(struct parser *p, enum psh_error_code code, size_t start, size_t end,
     const char *arg)
{
	lex_fail(&p->lx, code, start, end, arg, arg ? strlen(arg) : 0, end);
	return NULL;
}

/* An error whose argument is the token's text. */
static void *
fail_tok(struct parser *p, enum psh_error_code code, const struct psh_token *t)
{
	lex_fail(&p->lx, code, t->start, t->end, p->lx.s + t->start,
		 t->end - t->start, t->end);
	return NULL;
}

/* The error for a token that cannot stand where it is. */
static void *
token_error(struct parser *p, const struct psh_token *t)
{
	switch (t->kind) {
	case PT_REDIRECT:
		/* '<' is PowerShell's own error; > 2>&1 ... are psh's lack */
		return fail_tok(p,
				p->lx.s[t->start] == '<'
					? PSH_E_REDIRECTION_NOT_SUPPORTED
					: PSH_E_NOT_SUPPORTED,
				t);
	case PT_UNSUPPORTED:
	case PT_COMMA:
		return fail_tok(p, PSH_E_NOT_SUPPORTED, t);
	case PT_EOF:
		return fail(p, PSH_E_UNEXPECTED_TOKEN, t->start, t->end, "");
	default:
		return fail_tok(p, PSH_E_UNEXPECTED_TOKEN, t);
	}
}

/* Expressions (below) appear inside commands too: (x) as an argument. */
static bool is_open_paren(const struct parser *p, const struct psh_token *t);
static struct psh_node *paren_value(struct parser *p,
				    const struct psh_token *open);

/* ---------- nodes ---------- */

/* Where a node starts in the lexer's own offsets (without the base). */
static size_t
local_start(const struct parser *p, const struct psh_node *n)
{
	return n->ext.offset - p->lx.base.offset;
}

static struct psh_node *
node_over(struct parser *p, enum psh_node_kind kind, struct psh_vec *kids)
{
	struct psh_node *n = arena_alloc(p->arena, sizeof(*n));

	n->kind = kind;
	n->ext = psh_extent_span(&kids->v[0]->ext, &kids->v[kids->n - 1]->ext);
	psh_vec_give(kids, p->arena, n);
	return n;
}

/* The bare word of t, case-insensitively equal to w (no quotes or escapes). */
static bool
is_word(const struct parser *p, const struct psh_token *t, const char *w)
{
	size_t n = strlen(w);

	return t->kind == PT_WORD && t->end - t->start == n &&
	       strncasecmp(p->lx.s + t->start, w, n) == 0;
}

static bool
is_keyword(const struct parser *p, const struct psh_token *t)
{
	static const char *const words[] = { "begin",
					     "break",
					     "catch",
					     "class",
					     "clean",
					     "configuration",
					     "continue",
					     "data",
					     "define",
					     "do",
					     "dynamicparam",
					     "else",
					     "elseif",
					     "end",
					     "enum",
					     "filter",
					     "finally",
					     "for",
					     "foreach",
					     "from",
					     "function",
					     "hidden",
					     "if",
					     "in",
					     "inlinescript",
					     "parallel",
					     "param",
					     "process",
					     "return",
					     "sequence",
					     "static",
					     "switch",
					     "throw",
					     "trap",
					     "try",
					     "until",
					     "using",
					     "var",
					     "while",
					     "workflow",
					     NULL };

	for (const char *const *w = words; *w; w++)
		if (is_word(p, t, *w))
			return true;
	return false;
}

/* An argument from t: a word or value; a -word too where a value must be. */
static struct psh_node *
arg_value(struct parser *p, const struct psh_token *t, bool as_text)
{
	struct psh_node *n;

	if (t->kind == PT_WORD || t->kind == PT_VALUE)
		return t->node;
	if (t->kind != PT_PARAM || !as_text)
		return NULL;
	n = lex_node(&p->lx, PSH_STRING, t->start, t->end);
	n->text =
		arena_strndup(p->arena, p->lx.s + t->start, t->end - t->start);
	n->len = t->end - t->start;
	return n;
}

/* Tokens after which PowerShell says an argument is missing. */
static bool
ends_argument(const struct parser *p, const struct psh_token *t)
{
	char c;

	if (t->kind != PT_UNSUPPORTED)
		return true;
	c = p->lx.s[t->start];
	return c == '&' || c == '|' || c == '-';
}

/* ---------- commands ---------- */

/* More values after first, joined by commas: a,b,c */
static struct psh_node *
arg_rest(struct parser *p, struct psh_node *first)
{
	struct psh_vec items = { 0 };
	struct psh_token comma, t;
	struct psh_node *v, *n = NULL;

	psh_vec_push(&items, first);
	for (;;) {
		if (!next(p, LEX_CMD, &comma))
			goto out;
		if (comma.kind != PT_COMMA) {
			unget(p, &comma, LEX_CMD);
			break;
		}
		if (!skip_newlines(p, LEX_CMD) || !next(p, LEX_CMD, &t))
			goto out;
		if ((v = arg_value(p, &t, true)) == NULL) {
			if (ends_argument(p, &t))
				fail(p, PSH_E_MISSING_EXPRESSION, comma.end,
				     comma.end, ",");
			else
				token_error(p, &t);
			goto out;
		}
		psh_vec_push(&items, v);
	}
	n = items.n == 1 ? first : node_over(p, PSH_ARRAY, &items);
out:
	free(items.v);
	return n;
}

/* The value of -Name:value (par is the PARAM token). */
static bool
colon_value(struct parser *p, const struct psh_token *par)
{
	struct psh_node *param = par->node, *v;
	struct psh_token t;

	if (!next(p, LEX_CMD, &t))
		return false;
	if (t.kind == PT_COMMA) { /* reported as a missing argument next */
		unget(p, &t, LEX_CMD);
		return true;
	}
	/* -Name:-x passes the text "-x", as in PowerShell */
	if ((v = arg_value(p, &t, true)) == NULL) {
		if (!ends_argument(p, &t)) {
			token_error(p, &t);
			return false;
		}
		lex_fail(&p->lx, PSH_E_PARAMETER_REQUIRES_ARG, par->end,
			 par->end, p->lx.s + par->start, par->end - par->start,
			 par->end);
		return false;
	}
	if ((v = arg_rest(p, v)) == NULL)
		return false;
	param->kids = arena_alloc(p->arena, sizeof(*param->kids));
	param->kids[0] = v;
	param->nkids = 1;
	param->ext = psh_extent_span(&param->ext, &v->ext);
	return true;
}

/* One element of a command; false on error. */
static bool
command_element(struct parser *p, struct psh_token *t, struct psh_vec *elems)
{
	struct psh_node *v;

	switch (t->kind) {
	case PT_PARAM:
		if (t->node->colon && !colon_value(p, t))
			return false;
		psh_vec_push(elems, t->node);
		return true;
	case PT_COMMA:
		fail(p, PSH_E_MISSING_ARGUMENT, t->start, t->end, NULL);
		return false;
	case PT_WORD:
	case PT_VALUE:
		if ((v = arg_rest(p, t->node)) == NULL)
			return false;
		psh_vec_push(elems, v);
		return true;
	default:
		if (is_open_paren(p, t)) { /* Write-Output ($a -eq 1) */
			if ((v = paren_value(p, t)) == NULL ||
			    (v = arg_rest(p, v)) == NULL)
				return false;
			psh_vec_push(elems, v);
			return true;
		}
		token_error(p, t);
		return false;
	}
}

/* The name for a command that starts with t (a word or a -word). */
static struct psh_node *
command_name(struct parser *p, const struct psh_token *t)
{
	struct psh_node *n = t->node;

	if (t->kind == PT_WORD && n->kind == PSH_STRING)
		return n;
	/* names are never expanded: $x in a name is just text */
	n = lex_node(&p->lx, PSH_STRING, t->start, t->end);
	n->text =
		arena_strndup(p->arena, p->lx.s + t->start, t->end - t->start);
	n->len = t->end - t->start;
	return n;
}

/* A command starting with name token t; *end gets the token after it. */
static struct psh_node *
parse_command(struct parser *p, const struct psh_token *t,
	      struct psh_token *end)
{
	struct psh_vec elems = { 0 };
	struct psh_node *cmd = NULL, *name = command_name(p, t);

	psh_vec_push(&elems, name);
	for (;;) {
		if (!next(p, LEX_CMD, end))
			goto out;
		if (end->kind == PT_EOF || end->kind == PT_NEWLINE ||
		    end->kind == PT_SEMI || end->kind == PT_PIPE ||
		    end->kind == PT_CLOSE)
			break;
		if (!command_element(p, end, &elems))
			goto out;
	}
	cmd = node_over(p, PSH_COMMAND, &elems);
	cmd->text = name->text;
	cmd->len = name->len;
out:
	free(elems.v);
	return cmd;
}

/* ---------- expressions and pipelines ---------- */

/* A ',' after an expression, consumed; false if none (nothing read). */
static bool
comma_next(struct parser *p, struct psh_token *comma)
{
	struct psh_lexer *lx = &p->lx;
	size_t at = lx->pos;

	if (!lex_skip_blank(lx, false))
		return false;
	if (lx->pos >= lx->len || lx->s[lx->pos] != ',') {
		lx->pos = at; /* lex_follow wants to see the blanks */
		return false;
	}
	comma->kind = PT_COMMA;
	comma->start = lx->pos++;
	comma->end = lx->pos;
	return true;
}

static struct psh_node *parse_expression(struct parser *p,
					const struct psh_token *t,
					struct psh_token *f);

/* The items after value token t joined by commas: a,b,c (no follow). */
static struct psh_node *
parse_array(struct parser *p, const struct psh_token *t)
{
	struct psh_vec items = { 0 };
	struct psh_token comma, v;
	struct psh_node *n = NULL;

	psh_vec_push(&items, t->node);
	for (;;) {
		if (!comma_next(p, &comma)) {
			if (p->lx.err)
				goto out;
			break;
		}
		if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &v))
			goto out;
		if (v.kind == PT_UNSUPPORTED) {
			token_error(p, &v);
			goto out;
		}
		if (v.kind != PT_VALUE) {
			fail(p, PSH_E_MISSING_EXPRESSION_AFTER, comma.end,
			     comma.end, ",");
			goto out;
		}
		psh_vec_push(&items, v.node);
	}
	n = items.n == 1 ? t->node : node_over(p, PSH_ARRAY, &items);
out:
	free(items.v);
	return n;
}

/* Operands, parentheses and unary operators nest at most this deep. */
#define MAX_NESTING 64
/* Binary operators in one expression (evaluation recurses over them). */
#define MAX_OPERATORS 256

static bool
is_unary_not(const struct parser *p, const struct psh_token *t)
{
	if (t->kind == PT_UNSUPPORTED)
		return p->lx.s[t->start] == '!';
	return t->kind == PT_PARAM && !t->node->colon &&
	       strcasecmp(t->node->text, "not") == 0;
}

static bool
is_open_paren(const struct parser *p, const struct psh_token *t)
{
	return t->kind == PT_UNSUPPORTED && p->lx.s[t->start] == '(';
}

/* Whether t starts an expression: a value, ',', '(', -not or '!'. */
static bool
starts_expression(const struct parser *p, const struct psh_token *t)
{
	return t->kind == PT_VALUE || t->kind == PT_COMMA ||
	       is_open_paren(p, t) || is_unary_not(p, t);
}

static struct psh_node *parse_operand(struct parser *p,
				      const struct psh_token *t);
static bool unary_comma(struct parser *p, const struct psh_token *t,
			struct psh_token *v);

/* A node of kind over kids a (and b), spanning them and the token. */
static struct psh_node *
operator_node(struct parser *p, enum psh_node_kind kind,
	      const struct psh_token *op, struct psh_node *a,
	      struct psh_node *b)
{
	struct psh_node *n = arena_alloc(p->arena, sizeof(*n));
	size_t dash = kind == PSH_BINARY || p->lx.s[op->start] != '!'
			      ? lex_dash_width(&p->lx, op->start)
			      : 0;

	n->kind = kind;
	n->text = arena_strndup(p->arena, p->lx.s + op->start + dash,
				op->end - op->start - dash);
	n->len = op->end - op->start - dash;
	n->nkids = b ? 2 : 1;
	n->kids = arena_alloc(p->arena, n->nkids * sizeof(*n->kids));
	n->kids[0] = a;
	if (b)
		n->kids[1] = b;
	if (b)
		n->ext = psh_extent_span(&a->ext, &b->ext);
	else {
		struct psh_extent e = lex_extent(&p->lx, op->start, op->end);
		n->ext = psh_extent_span(&e, &a->ext);
	}
	return n;
}

/* ( expression ) after open, as a PAREN node. */
static struct psh_node *
paren_value(struct parser *p, const struct psh_token *open)
{
	struct psh_token v, f;
	struct psh_node *e, *n;

	if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &v))
		return NULL;
	if (!starts_expression(p, &v))
		return token_error(p, open); /* (Get-PSSession): no pipelines */
	if ((e = parse_expression(p, &v, &f)) == NULL)
		return NULL;
	while (f.kind == PT_NEWLINE)
		if (!next(p, LEX_EXPR, &f))
			return NULL;
	if (f.kind != PT_CLOSE || p->lx.s[f.start] != ')')
		return token_error(p, open);
	n = lex_node(&p->lx, PSH_PAREN, open->start, f.end);
	n->kids = arena_alloc(p->arena, sizeof(*n->kids));
	n->kids[0] = e;
	n->nkids = 1;
	return n;
}

/* One operand of a binary operator: values, ,x, (x), -not x, !x. */
static struct psh_node *
parse_operand(struct parser *p, const struct psh_token *t)
{
	struct psh_token u, v;
	struct psh_node *n = NULL;

	if (++p->depth > MAX_NESTING) {
		fail_tok(p, PSH_E_NOT_SUPPORTED, t);
		goto out;
	}
	if (is_unary_not(p, t)) {
		if (!next(p, LEX_EXPR, &u))
			goto out;
		if (!starts_expression(p, &u)) {
			fail(p, PSH_E_MISSING_UNARY_OPERAND, t->end, t->end,
			     arena_strndup(p->arena, p->lx.s + t->start,
					   t->end - t->start));
			goto out;
		}
		struct psh_node *e = parse_operand(p, &u);
		n = e ? operator_node(p, PSH_UNARY, t, e, NULL) : NULL;
	} else if (is_open_paren(p, t)) {
		if ((n = paren_value(p, t)) == NULL)
			goto out;
		v = (struct psh_token){ .kind = PT_VALUE, .start = t->start,
					.end = p->lx.pos, .node = n };
		n = parse_array(p, &v);
	} else if (t->kind == PT_COMMA) {
		if (unary_comma(p, t, &v))
			n = parse_array(p, &v);
	} else {
		n = parse_array(p, t);
	}
out:
	p->depth--;
	return n;
}

static bool
is_logical(const struct psh_node *op)
{
	return strcasecmp(op->text, "and") == 0 ||
	       strcasecmp(op->text, "or") == 0 ||
	       strcasecmp(op->text, "xor") == 0;
}

/*
 * Folds operands e[0, n] and operators ops[0, n) left to right: first the
 * comparisons, then -and, -or and -xor (one precedence, as in PowerShell).
 */
static struct psh_node *
fold_operators(struct psh_node **e, struct psh_node **ops, size_t n)
{
	size_t m = 0;

	/* comparisons: e[] and ops[] are rewritten in place */
	for (size_t i = 0; i < n; i++) {
		if (is_logical(ops[i])) {
			ops[m++] = ops[i];
			e[m] = e[i + 1];
			continue;
		}
		ops[i]->kids[0] = e[m];
		ops[i]->kids[1] = e[i + 1];
		ops[i]->ext = psh_extent_span(&e[m]->ext, &e[i + 1]->ext);
		e[m] = ops[i];
	}
	for (size_t i = 0; i < m; i++) {
		ops[i]->kids[0] = e[0];
		ops[i]->kids[1] = e[i + 1];
		ops[i]->ext = psh_extent_span(&e[0]->ext, &e[i + 1]->ext);
		e[0] = ops[i];
	}
	return e[0];
}

/*
 * An expression starting with token t: operands joined by binary
 * operators.  *f gets the token that follows, checked by lex_follow; with
 * f NULL it is left unread (the caller reports an error at the expression
 * first, as PowerShell does).
 */
static struct psh_node *
parse_expression(struct parser *p, const struct psh_token *t,
		 struct psh_token *f)
{
	struct psh_vec operands = { 0 }, ops = { 0 };
	struct psh_node *n = NULL, *e;
	struct psh_token v;

	if ((e = parse_operand(p, t)) == NULL)
		goto out;
	psh_vec_push(&operands, e);
	while (f) {
		if (!follow(p, f))
			goto out;
		if (f->kind != PT_OPERATOR)
			break;
		if (ops.n == MAX_OPERATORS) {
			fail_tok(p, PSH_E_NOT_SUPPORTED, f);
			goto out;
		}
		struct psh_token op = *f;
		if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &v))
			goto out;
		if (!starts_expression(p, &v)) {
			if (v.kind == PT_UNSUPPORTED || v.kind == PT_REDIRECT)
				token_error(p, &v);
			else
				fail(p, PSH_E_EXPECTED_VALUE, op.end, op.end,
				     arena_strndup(p->arena, p->lx.s + op.start,
						   op.end - op.start));
			goto out;
		}
		if ((e = parse_operand(p, &v)) == NULL)
			goto out;
		psh_vec_push(&ops, operator_node(p, PSH_BINARY, &op, e, e));
		psh_vec_push(&operands, e);
	}
	n = fold_operators(operands.v, ops.v, ops.n);
out:
	free(operands.v);
	free(ops.v);
	return n;
}

/* Unary commas nest at most this deep (evaluation recurses over them). */
#define MAX_UNARY_COMMAS 64

/* (a, b): the parenthesized operand of a unary comma; open is the '('. */
static struct psh_node *
paren_operand(struct parser *p, const struct psh_token *open)
{
	struct psh_token v, f;
	struct psh_node *e;

	if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &v))
		return NULL;
	if (v.kind != PT_VALUE)
		return token_error(p, open);
	if ((e = parse_expression(p, &v, &f)) == NULL)
		return NULL;
	if (f.kind != PT_CLOSE || p->lx.s[f.start] != ')')
		return token_error(p, open);
	return e;
}

/*
 * ,x: a one-element array (,(1,2) nests); t is the first ','.  Fills *v
 * with a value token standing for the whole, as if the lexer had read it.
 */
static bool
unary_comma(struct parser *p, const struct psh_token *t, struct psh_token *v)
{
	size_t commas[MAX_UNARY_COMMAS], n = 0;
	struct psh_token u = *t;
	struct psh_node *e;

	while (u.kind == PT_COMMA) {
		if (n == MAX_UNARY_COMMAS) {
			fail_tok(p, PSH_E_NOT_SUPPORTED, &u);
			return false;
		}
		commas[n++] = u.start;
		if (!next(p, LEX_EXPR, &u))
			return false;
	}
	if (u.kind == PT_UNSUPPORTED && p->lx.s[u.start] == '(')
		e = paren_operand(p, &u);
	else if (u.kind == PT_VALUE)
		e = u.node;
	else if (u.kind == PT_UNSUPPORTED || u.kind == PT_REDIRECT)
		e = token_error(p, &u);
	else
		e = fail(p, PSH_E_MISSING_EXPRESSION_AFTER, commas[n - 1] + 1,
			 commas[n - 1] + 1, ",");
	if (e == NULL)
		return false;
	size_t end = p->lx.pos;
	while (n > 0) {
		struct psh_node *a = lex_node(&p->lx, PSH_ARRAY, commas[--n], end);
		a->kids = arena_alloc(p->arena, sizeof(*a->kids));
		a->kids[0] = e;
		a->nkids = 1;
		e = a;
	}
	*v = (struct psh_token){ .kind = PT_VALUE, .start = t->start,
				 .end = end, .node = e };
	return true;
}

/* The element after pipe; *f gets the token after it. */
static struct psh_node *
pipe_element(struct parser *p, const struct psh_token *pipe,
	     struct psh_token *f)
{
	struct psh_token t;
	struct psh_node *e;

	if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &t))
		return NULL;
	switch (t.kind) {
	case PT_EOF:
	case PT_SEMI:
	case PT_PIPE:
	case PT_CLOSE:
		return fail(p, PSH_E_EMPTY_PIPE_ELEMENT, pipe->end, pipe->end,
			    NULL);
	case PT_VALUE:
		if ((e = parse_expression(p, &t, NULL)) != NULL)
			fail(p, PSH_E_EXPRESSION_NOT_FIRST, local_start(p, e),
			     local_start(p, e) + e->ext.len, NULL);
		return NULL;
	case PT_WORD:
	case PT_PARAM:
		return parse_command(p, &t, f);
	default:
		return token_error(p, &t);
	}
}

/* The rest of a pipeline after its first element; f follows that element. */
static struct psh_node *
pipeline_rest(struct parser *p, struct psh_node *first, struct psh_token *f)
{
	struct psh_vec elems = { 0 };
	struct psh_node *n = NULL, *e;

	psh_vec_push(&elems, first);
	while (f->kind == PT_PIPE) {
		struct psh_token pipe = *f;

		if ((e = pipe_element(p, &pipe, f)) == NULL)
			goto out;
		psh_vec_push(&elems, e);
	}
	if (f->kind == PT_EOF || f->kind == PT_NEWLINE || f->kind == PT_SEMI ||
	    f->kind == PT_CLOSE) {
		unget(p, f, LEX_CMD);
		n = node_over(p, PSH_PIPELINE, &elems);
	} else if (f->kind == PT_EQUALS) {
		fail_tok(p, PSH_E_NOT_SUPPORTED, f); /* $a = $b = 1 */
	} else {
		token_error(p, f);
	}
out:
	free(elems.v);
	return n;
}

/* A pipeline whose first token is t (a value, word or -word). */
static struct psh_node *
parse_pipeline(struct parser *p, const struct psh_token *t)
{
	struct psh_token f;
	struct psh_node *first;

	if (starts_expression(p, t))
		first = parse_expression(p, t, &f);
	else
		first = parse_command(p, t, &f);
	return first ? pipeline_rest(p, first, &f) : NULL;
}

/* ---------- statements ---------- */

/* The variable an assignment sets ($true etc. are variables there too). */
static struct psh_node *
assign_target(struct parser *p, struct psh_node *lhs,
	      const struct psh_token *eq)
{
	struct psh_node *v;
	size_t start = local_start(p, lhs);

	if (lhs->kind == PSH_VARIABLE)
		return lhs;
	if (lhs->kind == PSH_BOOL || lhs->kind == PSH_NULL) {
		v = arena_alloc(p->arena, sizeof(*v));
		*v = *lhs;
		v->kind = PSH_VARIABLE;
		v->num = 0;
		return v;
	}
	/* $s.Name = 1 and $a, $b = 1, 2: PowerShell can, psh cannot */
	if (lhs->kind == PSH_MEMBER || lhs->kind == PSH_ARRAY)
		return fail(p, PSH_E_NOT_SUPPORTED, start, eq->end,
			    arena_strndup(p->arena, p->lx.s + start,
					  eq->end - start));
	return fail(p, PSH_E_INVALID_LEFT_HAND_SIDE, start,
		    start + lhs->ext.len, NULL);
}

/* $var = pipeline; eq is the '=' token. */
static struct psh_node *
parse_assign(struct parser *p, struct psh_node *lhs, const struct psh_token *eq)
{
	struct psh_vec kids = { 0 };
	struct psh_node *var, *rhs, *n;
	struct psh_token t;

	if ((var = assign_target(p, lhs, eq)) == NULL)
		return NULL;
	if (!skip_newlines(p, LEX_EXPR) || !next(p, LEX_EXPR, &t))
		return NULL;
	if (t.kind == PT_PIPE)
		return fail(p, PSH_E_EMPTY_PIPE_ELEMENT, t.start, t.end, NULL);
	if (t.kind == PT_EOF || t.kind == PT_SEMI || t.kind == PT_CLOSE)
		return fail(p, PSH_E_EXPECTED_VALUE, eq->end, eq->end, "=");
	if (t.kind == PT_WORD && (is_keyword(p, &t) || is_word(p, &t, "exit")))
		return fail_tok(p, PSH_E_NOT_SUPPORTED, &t);
	if (t.kind != PT_VALUE && t.kind != PT_WORD && t.kind != PT_PARAM &&
	    t.kind != PT_COMMA)
		return token_error(p, &t);
	if ((rhs = parse_pipeline(p, &t)) == NULL)
		return NULL;
	psh_vec_push(&kids, var);
	psh_vec_push(&kids, rhs);
	n = node_over(p, PSH_ASSIGN, &kids);
	free(kids.v);
	return n;
}

/* exit, or exit <int> */
static struct psh_node *
parse_exit(struct parser *p, const struct psh_token *t)
{
	struct psh_node *n = lex_node(&p->lx, PSH_EXIT, t->start, t->end);
	struct psh_token u, f;

	if (!next(p, LEX_EXPR, &u))
		return NULL;
	if (u.kind == PT_PIPE)
		return fail(p, PSH_E_EMPTY_PIPE_ELEMENT, u.start, u.end, NULL);
	if (u.kind == PT_VALUE && u.node->kind == PSH_NUMBER) {
		n->kids = arena_alloc(p->arena, sizeof(*n->kids));
		n->kids[0] = u.node;
		n->nkids = 1;
		n->ext = psh_extent_span(&n->ext, &u.node->ext);
		if (!follow(p, &f))
			return NULL;
		u = f;
	}
	if (u.kind == PT_EOF || u.kind == PT_NEWLINE || u.kind == PT_SEMI ||
	    u.kind == PT_CLOSE) {
		unget(p, &u, LEX_EXPR);
		return n;
	}
	if (u.kind == PT_VALUE || u.kind == PT_WORD || u.kind == PT_PARAM)
		return fail_tok(p, PSH_E_UNEXPECTED_TOKEN, &u);
	return token_error(p, &u);
}

/* A statement that starts with an expression: output or assignment. */
static struct psh_node *
expression_statement(struct parser *p, const struct psh_token *t)
{
	struct psh_token f;
	struct psh_node *e = parse_expression(p, t, &f);

	if (e == NULL)
		return NULL;
	if (f.kind == PT_EQUALS)
		return parse_assign(p, e, &f);
	return pipeline_rest(p, e, &f);
}

static struct psh_node *
parse_statement(struct parser *p, const struct psh_token *t)
{
	switch (t->kind) {
	case PT_COMMA:
	case PT_VALUE:
		return expression_statement(p, t);
	case PT_WORD:
		if (is_word(p, t, "exit"))
			return parse_exit(p, t);
		if (is_keyword(p, t))
			return fail(p, PSH_E_KEYWORD_NOT_ALLOWED, t->start,
				    t->end, t->node->text);
		if (is_word(p, t, ".")) /* dot-sourcing */
			return fail_tok(p, PSH_E_NOT_SUPPORTED, t);
		return parse_pipeline(p, t);
	case PT_PARAM:
		if (is_unary_not(p, t))
			return expression_statement(p, t);
		return parse_pipeline(p, t);
	case PT_PIPE:
		return fail(p, PSH_E_EMPTY_PIPE_ELEMENT, t->start, t->end,
			    NULL);
	case PT_UNSUPPORTED:
		if (is_unary_not(p, t) || is_open_paren(p, t))
			return expression_statement(p, t);
		return token_error(p, t);
	case PT_EQUALS:
		return fail_tok(p, PSH_E_UNEXPECTED_TOKEN, t);
	default:
		return token_error(p, t);
	}
}

static struct psh_node *
parse_script(struct parser *p)
{
	struct psh_vec stmts = { 0 };
	struct psh_node *root = NULL, *s;
	struct psh_token t;

	for (;;) {
		if (!next(p, LEX_EXPR, &t))
			goto out;
		if (t.kind == PT_NEWLINE || t.kind == PT_SEMI)
			continue;
		if (t.kind == PT_EOF)
			break;
		if ((s = parse_statement(p, &t)) == NULL)
			goto out;
		psh_vec_push(&stmts, s);
		if (!next(p, LEX_CMD, &t))
			goto out;
		if (t.kind == PT_EOF)
			break;
		if (t.kind != PT_NEWLINE && t.kind != PT_SEMI) {
			token_error(p, &t);
			goto out;
		}
	}
	root = arena_alloc(p->arena, sizeof(*root));
	root->kind = PSH_SCRIPT;
	root->ext.offset = p->lx.base.offset;
	root->ext.len = p->lx.len;
	root->ext.line = p->lx.base.line;
	root->ext.col = p->lx.base.col;
	psh_vec_give(&stmts, p->arena, root);
out:
	free(stmts.v);
	return root;
}

/* ---------- API ---------- */

struct psh_ast *
psh_parse_ex(const char *src, size_t len, const struct psh_pos *base)
{
	struct psh_ast *ast = xcalloc(1, sizeof(*ast));
	struct parser p;

	memset(&p, 0, sizeof(p));
	arena_init(&ast->arena);
	p.arena = &ast->arena;
	lex_init(&p.lx, src, len, base, &ast->arena);
	if (p.lx.err == NULL)
		ast->root = parse_script(&p);
	ast->error = p.lx.err;
	if (ast->error)
		ast->root = NULL;
	else
		ast->continued = lex_continued(&p.lx);
	lex_release(&p.lx);
	return ast;
}

struct psh_ast *
psh_parse(const char *src, size_t len)
{
	return psh_parse_ex(src, len, NULL);
}

void
psh_ast_free(struct psh_ast *ast)
{
	if (ast == NULL)
		return;
	arena_release(&ast->arena);
	free(ast);
}

bool
psh_ast_incomplete(const struct psh_ast *ast)
{
	return ast->error ? ast->error->incomplete : ast->continued;
}

bool
psh_input_incomplete(const char *src, size_t len)
{
	struct psh_ast *ast = psh_parse(src, len);
	bool r = psh_ast_incomplete(ast);

	psh_ast_free(ast);
	return r;
}
