/* SPDX-License-Identifier: MIT */
/*
 * Private to the psh tokenizer (lexer.c, lexer_scan.c): the character
 * tests, error helpers and scanners the two halves share.
 */
#ifndef PSHELP_LEXER_INTERNAL_H
#define PSHELP_LEXER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer.h"

/* lexer.c */
unsigned char lex_byte_at(const struct psh_lexer *lx, size_t i);
size_t lex_cp_width(const struct psh_lexer *lx, size_t i);
size_t lex_dash_width(const struct psh_lexer *lx, size_t i);
size_t lex_squote_width(const struct psh_lexer *lx, size_t i);
size_t lex_dquote_width(const struct psh_lexer *lx, size_t i);
bool lex_delim_at(const struct psh_lexer *lx, size_t i);
size_t lex_name_width(const struct psh_lexer *lx, size_t i, bool q);
bool lex_is_digit(unsigned char c);
bool lex_fail_text(struct psh_lexer *lx, enum psh_error_code code, size_t start,
		   size_t end);
bool lex_fail_arg(struct psh_lexer *lx, enum psh_error_code code, size_t start,
		  size_t end, const char *arg);
size_t lex_block_comment_end(struct psh_lexer *lx, size_t i);

/* lexer_scan.c */
size_t lex_scan_sq(struct psh_lexer *lx, size_t i, size_t tok,
		   struct strbuf *sb);
size_t lex_scan_dq(struct psh_lexer *lx, size_t i, size_t tok);
struct psh_node *lex_finish_string(struct psh_lexer *lx, size_t start,
				   size_t end, enum psh_quote quote);
void lex_begin_string(struct psh_lexer *lx, size_t start);
bool lex_tok(struct psh_lexer *lx, struct psh_token *t, enum psh_tok kind,
	     size_t end);
bool lex_var_start(const struct psh_lexer *lx, size_t i);
size_t lex_name_end(const struct psh_lexer *lx, size_t k, bool q);
bool lex_scan_var_token(struct psh_lexer *lx, size_t start, enum lex_mode mode,
			struct psh_token *t);
bool lex_scan_number(struct psh_lexer *lx, size_t start, enum lex_mode mode,
		     struct psh_token *t);
bool lex_scan_word(struct psh_lexer *lx, size_t start, struct psh_token *t);
bool lex_unsupported(struct psh_lexer *lx, struct psh_token *t, size_t end);
bool lex_scan_dash(struct psh_lexer *lx, size_t start, enum lex_mode mode,
		   struct psh_token *t);
bool lex_scan_block(struct psh_lexer *lx, size_t start, struct psh_token *t);

#endif
