/* SPDX-License-Identifier: MIT */
/*
 * The REPL: one entry per line, more lines while the parser says the
 * input is incomplete (an open quote or brace, a trailing '|'), checked
 * in linear time (repl_input.h).  On a terminal, lines come from libedit
 * with history; otherwise from the stream, prompts written as they would
 * be shown.
 *
 * Ctrl-C only sets a flag: the read it interrupts (libedit's, through our
 * own getc function, or getc's) fails with EINTR and the entry is thrown
 * away; nothing jumps out of libedit.  While an entry runs, the same
 * handler raises rt_interrupt: the pipeline stops (Start-Sleep, waits
 * for an endpoint or a job end early, a remote command gets CANCEL) and
 * the prompt comes back with every session as it was.  Ctrl-D leaves an entered session
 * first, then psh.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef PSH_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "eval.h"
#include "repl.h"
#include "repl_input.h"
#include "rt_interrupt.h"
#include "strbuf.h"
#include "xalloc.h"

enum read_status { READ_OK, READ_EOF, READ_INTERRUPTED };

static volatile sig_atomic_t interrupted;

/* At the prompt it discards the line; while a command runs it asks the
   running pipeline (and a remote command, see session.h) to stop. */
static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
	rt_interrupt_raise();
}

/* Ctrl-C interrupts reads (no SA_RESTART) instead of ending psh. */
static void
catch_sigint(struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, old);
}

#ifdef PSH_HAVE_LIBEDIT
/* libedit's getc: a Ctrl-C ends the read as end of input would. */
static int
edit_getc(FILE *f)
{
	unsigned char c;
	ssize_t n;

	while ((n = read(fileno(f), &c, 1)) < 0 && errno == EINTR &&
	       !interrupted)
		;
	return n == 1 ? c : EOF;
}

static enum read_status
edit_line(const char *prompt, struct strbuf *sb)
{
	char *line = readline(prompt ? prompt : "");

	if (interrupted) {
		free(line);
		return READ_INTERRUPTED;
	}
	if (line == NULL)
		return READ_EOF;
	strbuf_addstr(sb, line);
	free(line);
	return READ_OK;
}
#endif

/* One line without its newline appended to sb (NUL bytes kept). */
static enum read_status
read_line(FILE *in, const char *prompt, bool edit, struct strbuf *sb)
{
	size_t start = sb->len;
	int c;

#ifdef PSH_HAVE_LIBEDIT
	if (edit)
		return edit_line(prompt, sb);
#endif
	if (prompt) {
		fputs(prompt, stdout);
		fflush(stdout);
	}
	while ((c = getc(in)) != EOF && c != '\n')
		strbuf_addch(sb, (char)c);
	if (interrupted) {
		clearerr(in);
		return READ_INTERRUPTED;
	}
	if (c == EOF && sb->len == start)
		return READ_EOF;
	if (sb->len > start && sb->buf[sb->len - 1] == '\r')
		sb->buf[--sb->len] = '\0';
	return READ_OK;
}

/*
 * An entry in sb: lines joined until the input is complete.  READ_EOF
 * only when the input ended before the entry began.
 */
static enum read_status
read_entry(struct psh_eval *ev, FILE *in, bool prompt, bool edit,
	   struct strbuf *sb)
{
	struct psh_repl_input check;
	char *ps1 = prompt ? psh_eval_prompt(ev) : NULL;
	enum read_status st = read_line(in, ps1, edit, sb);

	free(ps1);
	psh_repl_input_init(&check);
	while (st == READ_OK &&
	       psh_repl_input_incomplete(&check, sb->buf, sb->len)) {
		size_t len = sb->len;

		strbuf_addch(sb, '\n');
		st = read_line(in, prompt ? ">> " : NULL, edit, sb);
		if (st == READ_EOF) {
			sb->len = len; /* run what there is */
			sb->buf[len] = '\0';
			return READ_OK;
		}
	}
	return st;
}

static bool
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\n", s[i]) || s[i] == '\0')
			return false;
	return true;
}

static int
run_entry(struct psh_eval *ev, const char *s, size_t len, bool edit)
{
	(void)edit;
	if (memchr(s, '\0', len)) {
		/* the parser reports the NUL here, even in a session
		   (whose wire takes text without NULs) */
		return psh_eval_run(ev, s, len, NULL);
	}
#ifdef PSH_HAVE_LIBEDIT
	if (edit)
		add_history(s);
#endif
	return psh_eval_line(ev, s, len);
}

/* Ctrl-D in an entered session leaves it, as Exit-PSSession does. */
static bool
leave_session(struct psh_eval *ev)
{
	bool in_session = psh_eval_in_session(ev);

	if (in_session) {
		fputc('\n', stdout);
		psh_eval_line(ev, "Exit-PSSession", strlen("Exit-PSSession"));
	}
	return in_session;
}

int
psh_repl(struct psh_eval *ev, FILE *in, bool prompt, bool edit)
{
	struct strbuf sb = STRBUF_INIT;
	struct sigaction old;
	enum read_status st;
	int rc = 0, code;

#ifdef PSH_HAVE_LIBEDIT
	if (edit) {
		rl_instream = in;
		rl_catch_signals = 0; /* its handler re-sends the signal */
		rl_getc_function = edit_getc;
		using_history();
	}
#else
	edit = false;
#endif
	if (prompt)
		catch_sigint(&old);
	strbuf_init(&sb);
	for (;;) {
		interrupted = 0;
		strbuf_reset(&sb);
		st = read_entry(ev, in, prompt, edit, &sb);
		if (st == READ_INTERRUPTED) {
			fputc('\n', stdout);
			continue;
		}
		if (st == READ_EOF) {
			if (prompt && leave_session(ev)) {
				clearerr(in); /* a terminal reads on */
				continue;
			}
			break;
		}
		rt_interrupt_clear(); /* a Ctrl-C typed before this entry */
		if (!blank(sb.buf, sb.len))
			rc = run_entry(ev, sb.buf, sb.len, edit);
		if (rt_interrupt_raised()) {
			rt_interrupt_clear(); /* stopped: back to the prompt */
			fputc('\n', stdout);
		}
		clearerr(in); /* a Ctrl-C while prompting for a value */
		if (psh_eval_exited(ev, &code)) {
			rc = code;
			goto out;
		}
	}
	if (prompt && !edit)
		fputc('\n', stdout);
out:
	strbuf_release(&sb);
	if (prompt)
		sigaction(SIGINT, &old, NULL);
	return rc;
}
