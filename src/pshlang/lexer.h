/* SPDX-License-Identifier: MIT */
/*
 * The psh tokenizer, used by parser.c only.  Like PowerShell's it has two
 * modes: command mode reads command arguments (bare words, -Parameters),
 * expression mode reads the start of a statement or of an array element.
 * Value tokens come with their finished node (string, variable, number,
 * script block), built in the lexer's arena.  The first error stops the
 * lexer: every later call returns false.
 */
#ifndef PSHELP_PSH_LEXER_H
#define PSHELP_PSH_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "strbuf.h"

struct arena;

enum psh_tok {
	PT_EOF,
	PT_NEWLINE,
	PT_SEMI,
	PT_PIPE,
	PT_COMMA,
	PT_EQUALS, /* '=' (expression mode and after an expression) */
	PT_VALUE, /* node: variable, member, bool, null, string, number, block */
	PT_WORD,  /* node: a bare word (STRING or EXPANDABLE, quote bare) */
	PT_PARAM,	/* node: PARAM without value */
	PT_REDIRECT,	/* '>', '2>&1', '<' ... */
	PT_UNSUPPORTED, /* syntax outside the subset: '(', '$(', '@{' ... */
	PT_CLOSE,	/* ')' or '}' */
	PT_OPERATOR	/* a binary operator psh has: -eq, -like, -and ... */
};

enum lex_mode { LEX_CMD, LEX_EXPR };

struct psh_token {
	enum psh_tok kind;
	size_t start, end; /* bytes of the token in the source */
	struct psh_node *node;
};

/* Growable array of node pointers, copied to the arena when done. */
struct psh_vec {
	struct psh_node **v;
	size_t n, cap;
};

struct psh_lexer {
	const char *s;
	size_t len, pos;
	struct arena *arena;
	struct psh_pos base;
	/* line cursor for offset -> line/col */
	size_t cur_off, cur_ls;
	uint32_t cur_line;
	struct psh_error *err;
	size_t cont_end; /* end of the last `-newline continuation, or 0 */
	bool cont_seen;
	struct strbuf sb;	   /* literal text of the token being read */
	struct strbuf sb2;	   /* name of a ${braced} variable */
	size_t lit_start;	   /* where the literal piece in sb began */
	struct psh_extent tok_ext; /* start of the string token being read */
	struct psh_vec parts;	   /* pieces of an expandable string */
	size_t *stack;		   /* open braces of a script block */
	size_t stack_cap;
};

void lex_init(struct psh_lexer *lx, const char *s, size_t len,
	      const struct psh_pos *base, struct arena *arena);
void lex_release(struct psh_lexer *lx);
/* Skips blanks, comments and continuations, and newlines if asked. */
/* The width of the single quote (' ‘ ’ ‚ ‛) or double quote (" “ ” „)
   PowerShell accepts at s[i], or 0. */
size_t lex_squote_at(const char *s, size_t n, size_t i);
size_t lex_dquote_at(const char *s, size_t n, size_t i);
/* Whether c ends a line (and a # comment): LF or CR. */
bool lex_is_newline_byte(unsigned char c);

bool lex_skip_blank(struct psh_lexer *lx, bool newlines);
/* The next token; false after an error (lx->err). */
bool lex_next(struct psh_lexer *lx, enum lex_mode mode, struct psh_token *t);
/*
 * What follows an expression: a separator, '|', ',', '=' or ')' '}'
 * come back as tokens; an operator PowerShell has and psh has not, or
 * anything else, is reported as an error.
 */
bool lex_follow(struct psh_lexer *lx, struct psh_token *t);
/* Whether s[0, n) names a binary operator psh evaluates ("eq", "cne", "and"). */
bool lex_binary_operator(const char *s, size_t n);
/* True if the input ends with a line continuation (more is expected). */
bool lex_continued(const struct psh_lexer *lx);

/* Records the first error; [start, end) is its extent, detect is where it was noticed. */
void lex_fail(struct psh_lexer *lx, enum psh_error_code code, size_t start,
	      size_t end, const char *arg, size_t arglen, size_t detect);
struct psh_extent lex_extent(struct psh_lexer *lx, size_t start, size_t end);
struct psh_node *lex_node(struct psh_lexer *lx, enum psh_node_kind kind,
			  size_t start, size_t end);

/* True for errors PowerShell reports as "incomplete input" (ast.c). */
bool psh_error_incomplete_kind(enum psh_error_code code);

void psh_vec_push(struct psh_vec *v, struct psh_node *n);
/* Moves the collected nodes into the arena as n's kids and empties v. */
void psh_vec_give(struct psh_vec *v, struct arena *a, struct psh_node *n);
/* An extent from the start of a to the end of b. */
struct psh_extent psh_extent_span(const struct psh_extent *a,
				  const struct psh_extent *b);

#endif
