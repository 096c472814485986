/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the psh lexer and parser.  The bytes are a script.
 * The whole tree is walked (with an explicit stack) and every invariant
 * of ast.h is checked: extents inside the input and inside their parent,
 * in order, line/col agreeing with the offset, the shape each node kind
 * promises.  A parse error must lie inside the input and format into a
 * terminal-safe ConciseView.  Parsing twice, or at a base position, must
 * agree.  A violation aborts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "utf8.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(bool ok)
{
	if (!ok)
		abort();
}

/* Line starts of the input, by the parser's rules (\n, \r\n, \r). */
struct lines {
	size_t *start;
	size_t n;
};

static void
lines_init(struct lines *l, const char *s, size_t len)
{
	size_t cap = 0;

	l->start = NULL;
	l->n = 0;
	l->start = xgrow(l->start, &cap, 1, sizeof(*l->start));
	l->start[l->n++] = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
			l->start = xgrow(l->start, &cap, l->n + 1,
					 sizeof(*l->start));
			l->start[l->n++] = i + 1;
		}
	}
}

/* The 1-based line holding offset off. */
static size_t
line_of(const struct lines *l, size_t off)
{
	size_t lo = 0, hi = l->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

static void
check_extent(const struct psh_extent *e, const struct lines *l, size_t len)
{
	size_t line;

	check(e->offset <= len && e->len <= len - e->offset);
	line = line_of(l, e->offset);
	check(e->line == line);
	check(e->col == e->offset - l->start[line - 1] + 1);
}

static bool
inside(const struct psh_extent *in, const struct psh_extent *out)
{
	return in->offset >= out->offset &&
	       in->offset + in->len <= out->offset + out->len;
}

static bool
is_value(const struct psh_node *n)
{
	switch (n->kind) {
	case PSH_STRING:
	case PSH_EXPANDABLE:
	case PSH_NUMBER:
	case PSH_ARRAY:
	case PSH_VARIABLE:
	case PSH_MEMBER:
	case PSH_BOOL:
	case PSH_NULL:
	case PSH_SCRIPTBLOCK:
		return true;
	default:
		return false;
	}
}

/* The shape of statements and commands (ast.h). */
static void
check_statement(const struct psh_node *n)
{
	switch (n->kind) {
	case PSH_SCRIPT:
		for (size_t i = 0; i < n->nkids; i++)
			check(n->kids[i]->kind == PSH_PIPELINE ||
			      n->kids[i]->kind == PSH_ASSIGN ||
			      n->kids[i]->kind == PSH_EXIT);
		break;
	case PSH_PIPELINE:
		check(n->nkids >= 1);
		for (size_t i = 0; i < n->nkids; i++)
			check(n->kids[i]->kind == PSH_COMMAND ||
			      (i == 0 && is_value(n->kids[i])));
		break;
	case PSH_ASSIGN:
		check(n->nkids == 2 && n->kids[0]->kind == PSH_VARIABLE &&
		      n->kids[1]->kind == PSH_PIPELINE);
		break;
	case PSH_EXIT:
		check(n->nkids == 0 ||
		      (n->nkids == 1 && n->kids[0]->kind == PSH_NUMBER));
		break;
	case PSH_COMMAND:
		check(n->nkids >= 1 && n->kids[0]->kind == PSH_STRING);
		check(n->text == n->kids[0]->text && n->len > 0);
		for (size_t i = 1; i < n->nkids; i++)
			check(n->kids[i]->kind == PSH_PARAM ||
			      is_value(n->kids[i]));
		break;
	default:
		break;
	}
}

/* The shape of values (ast.h). */
static void
check_value(const struct psh_node *n, const char *src)
{
	switch (n->kind) {
	case PSH_PARAM:
		check(n->nkids <= 1 && (n->nkids == 0 || n->colon));
		check(n->nkids == 0 || is_value(n->kids[0]));
		check(inside(&n->inner, &n->ext) &&
		      n->inner.offset == n->ext.offset);
		check(n->len > 0);
		break;
	case PSH_ARRAY:
		check(n->nkids >= 2);
		for (size_t i = 0; i < n->nkids; i++)
			check(is_value(n->kids[i]) &&
			      n->kids[i]->kind != PSH_ARRAY);
		break;
	case PSH_MEMBER:
		check(n->nkids >= 2);
		for (size_t i = 1; i < n->nkids; i++)
			check(n->kids[i]->kind == PSH_STRING &&
			      n->kids[i]->len > 0);
		break;
	case PSH_EXPANDABLE:
		check(n->nkids >= 1);
		for (size_t i = 0; i < n->nkids; i++)
			check(n->kids[i]->kind == PSH_STRING ||
			      n->kids[i]->kind == PSH_VARIABLE ||
			      n->kids[i]->kind == PSH_BOOL ||
			      n->kids[i]->kind == PSH_NULL);
		break;
	case PSH_VARIABLE:
		check(n->len > 0);
		break;
	case PSH_SCRIPTBLOCK:
		check(inside(&n->inner, &n->ext));
		check(n->inner.offset == n->ext.offset + 1 &&
		      n->inner.len + 2 == n->ext.len);
		check(n->len == n->inner.len &&
		      memcmp(n->text, src + n->inner.offset, n->len) == 0);
		check(src[n->ext.offset] == '{' &&
		      src[n->ext.offset + n->ext.len - 1] == '}');
		break;
	default:
		break;
	}
}

static void
check_shape(const struct psh_node *n, const char *src)
{
	check_statement(n);
	check_value(n, src);
	if (n->text)
		check(n->text[n->len] == '\0');
	else
		check(n->kind == PSH_SCRIPT || n->kind == PSH_PIPELINE ||
		      n->kind == PSH_ASSIGN || n->kind == PSH_EXIT ||
		      n->kind == PSH_ARRAY || n->kind == PSH_MEMBER ||
		      n->kind == PSH_NULL);
}

/* Walks the tree without recursion, checking every node. */
static size_t
walk(const struct psh_node *root, const char *src, size_t len,
     const struct lines *l)
{
	const struct psh_node **stack = NULL;
	size_t cap = 0, n = 0, count = 0;

	stack = xgrow(stack, &cap, 1, sizeof(*stack));
	stack[n++] = root;
	while (n > 0) {
		const struct psh_node *node = stack[--n];

		count++;
		check_extent(&node->ext, l, len);
		if (node->kind == PSH_SCRIPTBLOCK || node->kind == PSH_PARAM)
			check_extent(&node->inner, l, len);
		check_shape(node, src);
		check(node->nkids == 0 || node->kids != NULL);
		for (size_t i = 0; i < node->nkids; i++) {
			const struct psh_node *k = node->kids[i];

			check(k != NULL && inside(&k->ext, &node->ext));
			/* kids are in source order and do not overlap */
			if (i > 0)
				check(node->kids[i - 1]->ext.offset +
					      node->kids[i - 1]->ext.len <=
				      k->ext.offset);
			stack = xgrow(stack, &cap, n + 1, sizeof(*stack));
			stack[n++] = k;
		}
	}
	free(stack);
	return count;
}

static void
check_error(const struct psh_ast *ast, const char *src, size_t len,
	    const struct lines *l)
{
	const struct psh_error *e = ast->error;
	char *msg, *view;

	check(ast->root == NULL);
	check((unsigned)e->code < PSH_E__COUNT);
	check(strcmp(e->id, psh_error_id(e->code)) == 0);
	if (e->code == PSH_E_TOO_LARGE)
		return;
	check_extent(&e->ext, l, len);
	msg = psh_error_message(e, NULL);
	check(*msg != '\0');
	view = psh_error_format(e, src, len, "f.ps1", msg);
	check(strncmp(view, "ParserError: f.ps1:", 19) == 0);
	check(utf8_first_invalid(view, strlen(view)) == strlen(view));
	check(utf8_is_clean(view, strlen(view), true));
	check(strlen(view) < 2000 + 4 * strlen(msg));
	free(view);
	free(msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *src = (const char *)data;
	struct psh_ast *ast, *again, *shifted;
	struct psh_pos base = { 1000, 7, 3 };
	struct lines l;

	if (size > (1u << 22))
		return 0;
	lines_init(&l, src, size);
	ast = psh_parse(src, size);
	again = psh_parse(src, size);
	shifted = psh_parse_ex(src, size, &base);
	check((ast->error == NULL) == (ast->root != NULL));
	check(psh_ast_incomplete(ast) == psh_input_incomplete(src, size));
	if (ast->error) {
		check_error(ast, src, size, &l);
		check(again->error && again->error->code == ast->error->code &&
		      again->error->ext.offset == ast->error->ext.offset);
		check(shifted->error &&
		      shifted->error->code == ast->error->code &&
		      shifted->error->ext.offset ==
			      ast->error->ext.offset + 1000);
	} else {
		char *d1, *d2;

		check(ast->root->kind == PSH_SCRIPT &&
		      ast->root->ext.len == size);
		walk(ast->root, src, size, &l);
		d1 = psh_dump(ast->root, PSH_DUMP_POS);
		d2 = psh_dump(again->root, PSH_DUMP_POS);
		check(strcmp(d1, d2) == 0);
		free(d1);
		free(d2);
		check(shifted->root &&
		      shifted->root->nkids == ast->root->nkids);
	}
	psh_ast_free(ast);
	psh_ast_free(again);
	psh_ast_free(shifted);
	free(l.start);
	return 0;
}
