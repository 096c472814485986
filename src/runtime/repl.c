/* SPDX-License-Identifier: MIT */
/*
 * The REPL: one entry per line, more lines while the parser says the
 * input is incomplete (an open quote or brace, a trailing '|').  On a
 * terminal, lines come from libedit with history; otherwise from the
 * stream, prompts written as they would be shown.
 */
#include <stdlib.h>
#include <string.h>

#ifdef PSH_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "eval.h"
#include "parser.h"
#include "repl.h"
#include "strbuf.h"
#include "xalloc.h"

/* One line without its newline, or NULL at end of input. */
static char *
read_line(FILE *in, const char *prompt, bool edit)
{
	struct strbuf sb = STRBUF_INIT;
	int c;

#ifdef PSH_HAVE_LIBEDIT
	if (edit)
		return readline(prompt ? prompt : "");
#endif
	if (prompt) {
		fputs(prompt, stdout);
		fflush(stdout);
	}
	strbuf_init(&sb);
	while ((c = getc(in)) != EOF && c != '\n')
		strbuf_addch(&sb, (char)c);
	if (c == EOF && sb.len == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	if (sb.len && sb.buf[sb.len - 1] == '\r')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

/* An entry: lines joined until the input is complete; NULL at the end. */
static char *
read_entry(struct psh_eval *ev, FILE *in, bool prompt, bool edit)
{
	struct strbuf sb = STRBUF_INIT;
	char *ps1 = prompt ? psh_eval_prompt(ev) : NULL;
	char *line = read_line(in, ps1, edit);

	free(ps1);
	if (line == NULL)
		return NULL;
	strbuf_init(&sb);
	strbuf_addstr(&sb, line);
	free(line);
	while (psh_input_incomplete(sb.buf, sb.len)) {
		line = read_line(in, prompt ? ">> " : NULL, edit);
		if (line == NULL)
			break;
		strbuf_addch(&sb, '\n');
		strbuf_addstr(&sb, line);
		free(line);
	}
	return strbuf_detach(&sb, NULL);
}

static bool
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

int
psh_repl(struct psh_eval *ev, FILE *in, bool prompt, bool edit)
{
	int rc = 0, code;
	char *entry;

#ifdef PSH_HAVE_LIBEDIT
	if (edit) {
		rl_instream = in;
		using_history();
	}
#else
	edit = false;
#endif
	while ((entry = read_entry(ev, in, prompt, edit)) != NULL) {
		if (!blank(entry)) {
#ifdef PSH_HAVE_LIBEDIT
			if (edit)
				add_history(entry);
#endif
			rc = psh_eval_line(ev, entry, strlen(entry));
		}
		free(entry);
		if (psh_eval_exited(ev, &code))
			return code;
	}
	if (prompt && !edit)
		fputc('\n', stdout);
	return rc;
}
