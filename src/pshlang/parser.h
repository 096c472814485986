/* SPDX-License-Identifier: MIT */
/*
 * pshlang: psh's lexer, parser and syntax tree.
 *
 * The psh language: a small, exact subset of PowerShell (see ast.h for the
 * tree).  A script is statements separated by newlines or ';':
 *
 *   statement  := pipeline | $var = pipeline | exit [int]
 *   pipeline   := element ('|' newlines? command)*
 *   element    := command | expression      (an expression only first)
 *   command    := name (-Param | -Param:value | value)*
 *   value      := bare word | 'text' | "text $var" | int | $var(.Prop)*
 *               | $true | $false | $null | { block } | value,value...
 *
 * `# comments`, <# block comments #>, a backtick at the end of a line
 * continues it.  Anything else PowerShell has ('(', '$(', '@{', '>',
 * operators, keywords) is a parse error with PowerShell's message where
 * PowerShell has one.  Parsing stops at the first error.
 */
#ifndef PSHELP_PSH_PARSER_H
#define PSHELP_PSH_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"

struct psh_ast {
	struct arena arena;	 /* every node, string and the error */
	struct psh_node *root;	 /* PSH_SCRIPT; NULL when error is set */
	struct psh_error *error; /* the first parse error, or NULL */
	bool continued;		 /* the input ends with a line continuation */
};

/* Parses src[0, len) (UTF-8; need not be NUL-terminated).  Never NULL. */
struct psh_ast *psh_parse(const char *src, size_t len);
/*
 * The same for a piece of a larger text, e.g. the inside of a script
 * block: base says where src[0] is (offset, line, col), and every position
 * in the result is in the larger text's terms.
 */
struct psh_ast *psh_parse_ex(const char *src, size_t len,
			     const struct psh_pos *base);
void psh_ast_free(struct psh_ast *ast);

/*
 * True if more lines could complete the input: an unclosed quote, brace
 * or <# comment, a trailing '|' or ',', a trailing backtick.  A REPL then
 * shows its ">> " prompt instead of reporting the error.
 */
bool psh_ast_incomplete(const struct psh_ast *ast);
bool psh_input_incomplete(const char *src, size_t len);

#endif
