/* SPDX-License-Identifier: MIT */
/*
 * psh: the reference PowerShell-subset shell of pshelp.
 *
 *   psh                      the REPL (commands on stdin when not a terminal)
 *   psh -c 'commands'        runs the commands
 *   psh script.ps1           runs a script
 *   psh --endpoint NAME ...  NAME answers as a computer with a local endpoint
 *   psh --metadata           the command metadata as JSON
 *   psh --endpoint-serve ... (internal) serves one session's endpoint
 *
 * Exit status: exit's code, else 0, or 1 when the last command failed;
 * 2 for a usage error; 4 when standard output cannot be written; 130
 * when Ctrl-C stopped a command or script (-c, SCRIPT).
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd_get_help.h"
#include "config.h"
#include "culture.h"
#include "endpoint.h"
#include "exitcodes.h"
#include "eval.h"
#include "file.h"
#include "i18n.h"
#include "repl.h"
#include "rt_interrupt.h"
#include "meta.h"
#include "options.h"
#include "session.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "psh"
#define MAX_SCRIPT ((size_t)64 << 20)
#define EXIT_INTERRUPTED 130 /* 128 + SIGINT, as shells report it */

struct options {
	const char *command; /* -c */
	const char *script;
	const char **endpoints;
	size_t nendpoints;
	bool metadata, help, version;
};

static void
usage(FILE *f)
{
	fprintf(f,
		_("Usage: %s [OPTION]... [SCRIPT]\n"
		  "Run a small subset of PowerShell: PSSession commands, "
		  "Get-Help, Get-Command,\nWrite-Output.\n\n"
		  "  -c, --command COMMANDS  run COMMANDS and exit\n"
		  "      --endpoint NAME     let computer NAME be a local "
		  "endpoint (repeatable)\n"
		  "      --metadata          print the command metadata as "
		  "JSON\n"
		  "      --help              show this help\n"
		  "      --version           show the version\n\n"
		  "Without COMMANDS or SCRIPT, psh reads commands from "
		  "standard input,\ninteractively when it is a terminal.\n"),
		PROG);
}

/* An argument psh cannot take; it is shown made safe for the terminal. */
static void
usage_error(enum opt_status st, const char *arg)
{
	char *shown = utf8_safe_dup(arg);

	if (st == OPT_OPERAND) {
		fprintf(stderr, _("%s: unexpected argument '%s'\n"), PROG,
			shown);
	} else if (st == OPT_NEEDS_VALUE) {
		fprintf(stderr, "%s: ", PROG);
		fprintf(stderr, _("option '%s' needs a value"), shown);
		fputc('\n', stderr);
	} else {
		fprintf(stderr, _("%s: unknown option '%s'\n"), PROG, shown);
	}
	free(shown);
}

enum opt_id { OPT_COMMAND, OPT_ENDPOINT, OPT_METADATA, OPT_HELP, OPT_VERSION };

/* Whole names only: a script's own arguments may look like prefixes. */
static const struct opt_def option_table[] = {
	{ "c", OPT_COMMAND, true, true },
	{ "command", OPT_COMMAND, true, true },
	{ "endpoint", OPT_ENDPOINT, true, true },
	{ "metadata", OPT_METADATA, false, true },
	{ "help", OPT_HELP, false, true },
	{ "h", OPT_HELP, false, true },
	{ "version", OPT_VERSION, false, true },
};

static void
apply_option(struct options *o, const struct opt_hit *h)
{
	switch ((enum opt_id)h->def->id) {
	case OPT_COMMAND:
		o->command = h->value;
		break;
	case OPT_ENDPOINT:
		o->endpoints = xrealloc(o->endpoints,
					(o->nendpoints + 1) * sizeof(char *));
		o->endpoints[o->nendpoints++] = h->value;
		break;
	case OPT_METADATA:
		o->metadata = true;
		break;
	case OPT_HELP:
		o->help = true;
		break;
	case OPT_VERSION:
		o->version = true;
		break;
	}
}

static bool
parse_args(struct options *o, int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;

	opt_init(&p, argc, argv, option_table,
		 sizeof(option_table) / sizeof(*option_table), 0);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		if (st == OPT_OPTION) {
			apply_option(o, &h);
		} else if (st == OPT_OPERAND && o->script == NULL &&
			   o->command == NULL) {
			o->script = h.arg;
		} else {
			usage_error(st, h.arg);
			return false;
		}
	}
	return true;
}

/* Sessions run psh itself as their endpoint program. */
static struct session_manager *
new_manager(void)
{
	static char exe[PATH_MAX];
	static const char *const args[] = { "--endpoint-serve", NULL };
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct session_config c = { .program_args = args };

	exe[n > 0 ? n : 0] = '\0';
	c.program = n > 0 ? exe : "/proc/self/exe";
	session_props_install();
	return session_manager_new(&c);
}

static int
serve_endpoint(int argc, char **argv)
{
	struct endpoint_options o;
	struct psh_eval_options eo = { .out = stdout,
				       .err = stderr,
				       .help = psh_get_help,
				       .endpoint = true };
	struct psh_eval *ev;
	char *err = NULL;
	int rc;

	/* The socket is checked before anything else: a wrong --fd must
	   not make the endpoint spin, nor remove whatever --socket names. */
	if (endpoint_parse_args(argc - 2, argv + 2, &o, &err) != 0 ||
	    endpoint_check_listener(&o, &err) != 0) {
		char *shown = utf8_safe_dup(err);
		fprintf(stderr, "%s: %s\n", PROG, shown);
		free(shown);
		free(err);
		return 2;
	}
	/* Endpoints get /dev/null for stderr; tests keep sanitizer
	   reports with PSH_ENDPOINT_STDERR=FILE. */
	if (getenv("PSH_ENDPOINT_STDERR"))
		(void)!freopen(getenv("PSH_ENDPOINT_STDERR"), "a", stderr);
	eo.sessions = new_manager();
	ev = psh_eval_new(&eo);
	o.exec = psh_eval_endpoint_exec;
	o.set_variable = psh_eval_endpoint_set;
	o.cookie = ev;
	rc = endpoint_main(&o);
	psh_eval_free(ev);
	session_manager_free(eo.sessions);
	return rc;
}

/* A UTF-16 script (after its BOM) as UTF-8; bad surrogates become U+FFFD. */
static char *
utf16_to_utf8(const unsigned char *s, size_t len, bool be, size_t *out_len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i + 1 < len; i += 2) {
		int32_t u = be ? s[i] << 8 | s[i + 1] : s[i + 1] << 8 | s[i];

		if (u >= 0xD800 && u < 0xDC00 && i + 3 < len) {
			int32_t l = be ? s[i + 2] << 8 | s[i + 3]
				       : s[i + 3] << 8 | s[i + 2];
			if (l >= 0xDC00 && l < 0xE000) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (l - 0xDC00);
				i += 2;
			}
		}
		utf8_encode(&sb, u);
	}
	if (len % 2)
		utf8_encode(&sb, 0xFFFD);
	return strbuf_detach(&sb, out_len);
}

/* The script as PowerShell reads it: a UTF-8 BOM dropped, UTF-16 converted. */
static void
script_text(char **src, size_t *len)
{
	const unsigned char *b = (const unsigned char *)*src;
	char *u;

	if (*len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		memmove(*src, *src + 3, *len - 3);
		*len -= 3;
		(*src)[*len] = '\0';
	} else if (*len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
				 (b[0] == 0xFE && b[1] == 0xFF))) {
		u = utf16_to_utf8(b + 2, *len - 2, b[0] == 0xFE, len);
		free(*src);
		*src = u;
	}
}

static int
run_script(struct psh_eval *ev, const char *path)
{
	size_t len;
	char *src;
	int err = file_read_all(path, MAX_SCRIPT, &src, &len), rc, code;

	if (err == 0 && len > MAX_SCRIPT) {
		free(src);
		err = EFBIG; /* never run a script cut short */
	}
	if (err) {
		char *shown = utf8_safe_dup(path);
		fprintf(stderr, _("%s: cannot read '%s': %s\n"), PROG, shown,
			file_strerror(err));
		free(shown);
		return 1;
	}
	script_text(&src, &len);
	rc = psh_eval_run(ev, src, len, path);
	free(src);
	return psh_eval_exited(ev, &code) ? code : rc;
}

static void
on_sigint(int sig)
{
	(void)sig;
	rt_interrupt_raise();
}

/*
 * -c and scripts: Ctrl-C stops the pipeline (and the remote command)
 * and the script, so that sessions end cleanly.  No SA_RESTART: waits
 * and reads return to look at the flag.  A second Ctrl-C kills, for a
 * command that does not stop.
 */
static void
stop_on_sigint(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

static int
run(const struct options *o)
{
	struct psh_eval_options eo = { .out = stdout,
				       .err = stderr,
				       .help = psh_get_help };
	struct psh_eval *ev;
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	const char *term = getenv("TERM");
	int rc = 0, code;

	eo.sessions = new_manager();
	for (size_t i = 0; i < o->nendpoints; i++) {
		char *err = NULL;
		if (session_register_computer(eo.sessions, o->endpoints[i],
					      &err) != 0) {
			char *shown = utf8_safe_dup(err);
			fprintf(stderr, "%s: %s\n", PROG, shown);
			free(shown);
			free(err);
			rc = 2;
		}
	}
	eo.interactive = tty && o->command == NULL && o->script == NULL;
	ev = psh_eval_new(&eo);
	if (rc != 0) {
		/* a bad --endpoint name: nothing runs */
	} else if (o->command || o->script) {
		stop_on_sigint();
		if (o->command) {
			rc = psh_eval_run(ev, o->command, strlen(o->command),
					  NULL);
			if (psh_eval_exited(ev, &code))
				rc = code;
		} else {
			rc = run_script(ev, o->script);
		}
		if (rt_interrupt_raised())
			rc = EXIT_INTERRUPTED;
	} else {
		bool edit = tty && !(term && strcmp(term, "dumb") == 0);
		rc = psh_repl(ev, stdin, tty, edit);
	}
	psh_eval_free(ev);
	session_manager_free(eo.sessions);
	return rc;
}

/* A failed write on standard output is an error of its own (EXIT_SYSTEM). */
static int
finish_output(int rc)
{
	int e = 0;

	if (fflush(stdout) != 0)
		e = errno;
	else if (!ferror(stdout))
		return rc;
	/* an earlier write failed: its errno is long gone */
	if (e == 0)
		fprintf(stderr, _("%s: error writing to standard output\n"),
			PROG);
	else if (e != EPIPE)
		fprintf(stderr, "%s: stdout: %s\n", PROG, strerror(e));
	return EXIT_SYSTEM;
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	int rc;

	culture_init_messages(NULL);
	if (argc > 1 && strcmp(argv[1], "--endpoint-serve") == 0)
		return serve_endpoint(argc, argv);
	if (!parse_args(&o, argc, argv)) {
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
			PROG);
		rc = 2;
	} else if (o.help) {
		usage(stdout);
		rc = 0;
	} else if (o.version) {
		printf("%s (pshelp) %s\n", PROG, PSHELP_VERSION);
		rc = 0;
	} else if (o.metadata) {
		char *json = meta_to_json();
		fputs(json, stdout);
		free(json);
		rc = 0;
	} else {
		rc = run(&o);
	}
	free(o.endpoints);
	return finish_output(rc);
}
