/* SPDX-License-Identifier: MIT */
/*
 * Private to the examples check (check_examples.c, examples_split.c,
 * examples_run.c): a code block cut into the pieces psh parses, each
 * piece's page positions, and running transcripts in psh.
 */
#ifndef PSHELP_EXAMPLES_INTERNAL_H
#define PSHELP_EXAMPLES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "help_model.h"
#include "strbuf.h"

/* Where a line of code starts on the page. */
struct ex_origin {
	uint32_t line, col;
};

/*
 * Code psh parses as one unit: a whole block, or one transcript command
 * (its prompt cut off, continuation lines joined).  origins[i] is where
 * line i+1 of code sits on the page; output lists the lines the page
 * shows after the command, up to the next prompt.
 */
struct ex_piece {
	struct strbuf code;
	struct ex_origin *origins;
	size_t nlines, origins_cap;
	struct strbuf output; /* lines, each ending in '\n' */
};

struct ex_block {
	const struct help_block *block;
	uint32_t line, col; /* the block's first line (its fence) */
	bool transcript;    /* first non-blank line is a PS prompt */
	bool shows_output;  /* output lines, or a final empty prompt */
	struct ex_piece *pieces;
	size_t npieces;
};

/* The page position of (line, col) of a piece's code (1-based). */
struct ex_origin check_examples_origin(const struct ex_piece *p, uint32_t line,
				       uint32_t col);

/*
 * True if info names PowerShell (powershell, pwsh, ps, any case), or is
 * empty and the block starts with a prompt.
 */
bool check_examples_is_powershell(const struct help_block *b);

/* Cuts b (a code block of doc) into pieces; free with ..._block_free. */
void check_examples_split(const struct help_doc *doc,
			  const struct help_block *b, struct ex_block *out);
void check_examples_block_free(struct ex_block *eb);

/* The length of the transcript prompt line starts with, or 0. */
size_t check_examples_prompt_len(const char *line, size_t len);

/* The expected output of a transcript: its pieces' output in order. */
char *check_examples_expected(const struct ex_block *eb);

struct diag_ctx;
struct meta_command;
struct psh_node;

/* What decides a call's parameter set besides its literals. */
struct ex_call {
	bool piped;		 /* takes pipeline input */
	bool unknown_positional; /* a positional argument only the run knows */
};

/*
 * Binds cmd, a call of mc in piece, as a whole with the runtime's binder
 * and reports what would fail however the script's variables turned out.
 */
void check_examples_bind(struct diag_ctx *dx, const struct ex_piece *piece,
			 const struct meta_command *mc,
			 const struct psh_node *cmd, struct ex_call call);

/* True if n's value is known before the script runs (a literal). */
bool check_examples_is_literal(const struct psh_node *n);

/* What running a transcript gave. */
struct ex_run {
	bool ran;	 /* false: why says what went wrong */
	char *why;	 /* malloc'd reason when !ran */
	char *output;	 /* stdout and stderr as psh wrote them */
	bool truncated;	 /* output hit the 1 MiB limit */
	int exit_status; /* -1 when killed */
};

/*
 * The runtime directory the transcripts of one example share, so that a
 * block can pick up a session an earlier one disconnected; made on
 * first use.  check_examples_runner_end ends every endpoint left in it
 * and removes it; it returns true if some had to be killed.
 */
struct ex_runner {
	char *dir;
};
bool check_examples_runner_end(struct ex_runner *rn);

/*
 * Runs script in psh (psh_path) on stdin, with --endpoint for each of
 * computers, in rn's runtime directory; killed after 10 s.
 */
void check_examples_run(struct ex_runner *rn, const char *psh_path,
			const char *script, const char *const *computers,
			size_t ncomputers, struct ex_run *out);
void check_examples_run_release(struct ex_run *r);

/* Trailing blanks of each line and blank lines at the end removed. */
char *check_examples_normalize(const char *text);

#endif
