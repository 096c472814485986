/* SPDX-License-Identifier: MIT */
/*
 * get-help: PowerShell-style help for a command or about_ topic, read from
 * platyPS markdown pages in the user's language.  This file only handles
 * the command line and the output: the help query (lookup/query.c) finds
 * and parses the page; a format of src/render (render.h) shows it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buildtree.h"
#include "config.h"
#include "culture.h"
#include "exitcodes.h"
#include "i18n.h"
#include "pager.h"
#include "lookup.h"
#include "meta.h"
#include "options.h"
#include "query.h"
#include "render.h"
#include "render_json.h"
#include "render_text.h"
#include "strbuf.h"
#include "term.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "get-help"

#define MIN_WIDTH 20
/* Shown when get-help is run without a name. */
#define DEFAULT_TOPIC "about_pshelp"

struct options {
	const char *name;
	enum render_view view;
	const char *view_option; /* the option that chose the view */
	const char *parameter;
	bool online, open, diagnostics, help, version, no_pager;
	bool search; /* NAME is words to search the pages' text for */
	const char *format; /* a render format's name; NULL: text */
	long width;	    /* -1: not given */
	const char *culture;
	const char *file;
	char **paths;
	size_t npaths;
};

/* The options of get-help (see option_table). */
enum opt_id {
	OPT_NAME,
	OPT_DETAILED,
	OPT_FULL,
	OPT_EXAMPLES,
	OPT_PARAMETER,
	OPT_ONLINE,
	OPT_OPEN,
	OPT_NO_PAGER,
	OPT_PATH,
	OPT_CULTURE,
	OPT_WIDTH,
	OPT_JSON,
	OPT_FORMAT,
	OPT_FILE,
	OPT_DIAGNOSTICS,
	OPT_SEARCH,
	OPT_HELP,
	OPT_VERSION
};

/* PowerShell's spelling works too (-Full, -par NAME): prefixes match. */
static const struct opt_def option_table[] = {
	{ "Name", OPT_NAME, true, false },
	{ "Detailed", OPT_DETAILED, false, false },
	{ "Full", OPT_FULL, false, false },
	{ "Examples", OPT_EXAMPLES, false, false },
	{ "Parameter", OPT_PARAMETER, true, false },
	{ "Online", OPT_ONLINE, false, false },
	{ "Open", OPT_OPEN, false, false },
	{ "NoPager", OPT_NO_PAGER, false, false },
	{ "no-pager", OPT_NO_PAGER, false, false },
	{ "Path", OPT_PATH, true, false },
	{ "Culture", OPT_CULTURE, true, false },
	{ "UICulture", OPT_CULTURE, true, false },
	{ "Width", OPT_WIDTH, true, false },
	{ "Json", OPT_JSON, false, false },
	{ "Format", OPT_FORMAT, true, false },
	{ "File", OPT_FILE, true, false },
	{ "Diagnostics", OPT_DIAGNOSTICS, false, false },
	{ "Search", OPT_SEARCH, false, false },
	{ "Help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
	{ "?", OPT_HELP, false, true },
	{ "Version", OPT_VERSION, false, false },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

/* Prints "get-help: LEVEL: message" with arg's controls made visible. */
static void
print_message(const char *level, const char *fmt, const char *arg)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (arg)
		utf8_neutralize(&sb, arg, strlen(arg), false);
	fprintf(stderr, "%s: %s: ", PROG, level);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, sb.buf);
#pragma GCC diagnostic pop
	fputc('\n', stderr);
	strbuf_release(&sb);
}

static void
print_error(const char *fmt, const char *arg)
{
	print_message(_("error"), fmt, arg);
}

static void
print_warning(const char *fmt, const char *arg)
{
	print_message(_("warning"), fmt, arg);
}

static void
print_usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... [NAME]\n"), PROG);
	fputs(_("Show PowerShell-style help for a command or an about_ topic, "
		"in the\n"
		"user's language, read from platyPS markdown pages.\n"
		"\n"
		"Views (one at most):\n"
		"  -Detailed, --detailed      add parameter descriptions and "
		"examples\n"
		"  -Full, --full              everything: parameter "
		"attributes, inputs,\n"
		"                             outputs, notes\n"
		"  -Examples, --examples      only the examples\n"
		"  -Parameter, --parameter=NAME\n"
		"                             only the parameters matching "
		"NAME (wildcards)\n"
		"  -Online, --online          print the page's online address\n"
		"      --open                 with -Online: open it with "
		"xdg-open\n"
		"\n"
		"Lookup and output:\n"
		"  -Path, --path=DIR          add a help root (repeatable; "
		"searched first)\n"
		"  -Culture, --culture=TAG    language to show, e.g. sv-SE "
		"(default: from\n"
		"                             LANGUAGE, LC_ALL, LC_MESSAGES, "
		"LANG)\n"
		"  -Width, --width=N          wrap at N columns (0: do not "
		"wrap)\n"
		"  -File, --file=FILE         show the page in FILE instead of "
		"looking up NAME\n"
		"  -Search, --search          NAME is words: list the pages "
		"whose text has\n"
		"                             them all, best first\n"
		"      --format=FORMAT        text (the default), json (the "
		"help "
		"model) or man\n"
		"      --json                 the same as --format=json\n"
		"      --diagnostics          also report warnings about the "
		"page\n"
		"      --no-pager             do not page the output through "
		"$PAGER\n"
		"  -h, --help                 show this help and exit\n"
		"      --version              show the version and exit\n"
		"\n"
		"NAME is matched case-insensitively; * ? and [ ] are "
		"wildcards.  Without a\n"
		"match for NAME, NAME* is tried when it contains a '-', else "
		"*NAME*.\n"
		"Several matches are listed in a table; with none, the pages' "
		"text is\n"
		"searched for NAME.  See get-help(1).\n"),
	      f);
}

static bool
set_view(struct options *o, enum render_view view, const char *arg)
{
	if (o->view_option && o->view != view) {
		char *first = utf8_safe_dup(o->view_option);
		char *second = utf8_safe_dup(arg);
		fprintf(stderr,
			_("%s: %s: options '%s' and '%s' cannot be used "
			  "together\n"),
			PROG, _("error"), first, second);
		free(first);
		free(second);
		return false;
	}
	o->view = view;
	o->view_option = arg;
	return true;
}

static bool
parse_width(struct options *o, const char *value)
{
	char *end;
	errno = 0;
	long w = strtol(value, &end, 10);
	if (errno || end == value || *end || w < 0 || w > 100000) {
		print_error(_("invalid width '%s'"), value);
		return false;
	}
	o->width = w;
	return true;
}

static bool
apply_option(struct options *o, enum opt_id id, const char *arg,
	     const char *value)
{
	switch (id) {
	case OPT_NAME:
		if (o->name) {
			print_error(_("more than one name given: '%s'"), value);
			return false;
		}
		o->name = value;
		return true;
	case OPT_DETAILED:
		return set_view(o, RENDER_DETAILED, arg);
	case OPT_FULL:
		return set_view(o, RENDER_FULL, arg);
	case OPT_EXAMPLES:
		return set_view(o, RENDER_EXAMPLES, arg);
	case OPT_PARAMETER:
		o->parameter = value;
		return set_view(o, RENDER_PARAMETER, arg);
	case OPT_ONLINE:
		o->online = true;
		return true;
	case OPT_NO_PAGER:
		o->no_pager = true;
		return true;
	case OPT_OPEN:
		o->open = true;
		return true;
	case OPT_PATH:
		o->paths = xrealloc(o->paths, (o->npaths + 1) * sizeof(char *));
		o->paths[o->npaths++] = (char *)value;
		return true;
	case OPT_CULTURE:
		o->culture = value;
		return true;
	case OPT_WIDTH:
		return parse_width(o, value);
	case OPT_JSON:
		o->format = "json";
		return true;
	case OPT_FORMAT:
		if (render_format_find(value) == NULL) {
			print_error(_("unknown format '%s'"), value);
			return false;
		}
		o->format = value;
		return true;
	case OPT_FILE:
		o->file = value;
		return true;
	case OPT_DIAGNOSTICS:
		o->diagnostics = true;
		return true;
	case OPT_SEARCH:
		o->search = true;
		return true;
	case OPT_HELP:
		o->help = true;
		return true;
	case OPT_VERSION:
		o->version = true;
		return true;
	}
	return false;
}

/* The message for an argument the scanner could not take. */
static void
report_bad_option(enum opt_status st, const char *arg)
{
	switch (st) {
	case OPT_AMBIGUOUS:
		print_error(_("option '%s' is ambiguous"), arg);
		break;
	case OPT_NEEDS_VALUE:
		print_error(_("option '%s' needs a value"), arg);
		break;
	case OPT_TAKES_NO_VALUE:
		print_error(_("option '%s' takes no value"), arg);
		break;
	default:
		print_error(_("unknown option '%s'"), arg);
		break;
	}
}

static bool
parse_args(struct options *o, int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;

	opt_init(&p, argc, argv, option_table, NOPTIONS, OPT_PREFIXES);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		bool ok;
		if (st == OPT_OPTION)
			ok = apply_option(o, (enum opt_id)h.def->id, h.arg,
					  h.value);
		else if (st == OPT_OPERAND)
			ok = apply_option(o, OPT_NAME, h.arg, h.arg);
		else
			ok = (report_bad_option(st, h.arg), false);
		if (!ok)
			return false;
	}
	if (o->open && !o->online) {
		print_error(_("'%s' needs -Online"), "--open");
		return false;
	}
	return true;
}

/* The culture option has to be known before messages are translated;
   errors are reported later, by parse_args. */
static const char *
prescan_culture(int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;
	const char *culture = NULL;

	opt_init(&p, argc, argv, option_table, NOPTIONS, OPT_PREFIXES);
	while ((st = opt_next(&p, &h)) != OPT_END)
		if (st == OPT_OPTION && h.def->id == OPT_CULTURE)
			culture = h.value;
	return culture;
}

static size_t
output_width(const struct options *o)
{
	long w = -1;
	if (o->width >= 0)
		w = o->width;
	else if (term_columns(STDOUT_FILENO))
		w = (long)term_columns(STDOUT_FILENO);
	else if (getenv("COLUMNS"))
		w = strtol(getenv("COLUMNS"), NULL, 10);
	if (w <= 0)
		return 0;
	return w < MIN_WIDTH ? MIN_WIDTH : (size_t)w;
}

/* ---------- the pieces of one run ---------- */

struct session {
	struct options opt;
	struct culture_list user;
	struct root_list roots;
	size_t width;
};

static void
session_release(struct session *s)
{
	root_list_release(&s->roots);
	culture_list_release(&s->user);
	free(s->opt.paths);
}

static int
show_online(const struct help_doc *doc, bool open)
{
	const char *uri = doc->online_uri;
	if (uri == NULL || !*uri) {
		print_error("%s",
			    _("The online version of this Help topic cannot "
			      "be displayed because the Internet address "
			      "(URI) of the Help topic is not specified in "
			      "the help file."));
		return EXIT_NOT_FOUND;
	}
	if (!open || (strncasecmp(uri, "https://", 8) != 0 &&
		      strncasecmp(uri, "http://", 7) != 0)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_init(&sb);
		utf8_neutralize(&sb, uri, strlen(uri), false);
		printf("%s\n", sb.buf);
		strbuf_release(&sb);
		if (open)
			print_error(_("not opening '%s': only http and https "
				      "addresses are opened"),
				    uri);
		return open ? EXIT_BAD_INPUT : EXIT_OK;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execlp("xdg-open", "xdg-open", uri, (char *)NULL);
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0) {
		print_error(_("cannot open '%s' with xdg-open"), uri);
		return EXIT_SYSTEM;
	}
	return EXIT_OK;
}

/* Standard output: through the pager on a terminal, as git and man do. */
static void
emit(const struct session *s, const struct strbuf *out)
{
	if (s->opt.no_pager || !pager_show(out->buf, out->len))
		fwrite(out->buf, 1, out->len, stdout);
}

/* The culture the user asked for first, as the JSON answers name it. */
static const char *
requested_culture(const struct session *s)
{
	return s->user.n ? s->user.v[0] : NULL;
}

static bool
json_output(const struct session *s)
{
	return s->opt.format && strcasecmp(s->opt.format, "json") == 0;
}

static int
render_doc(struct session *s, const struct help_doc *doc, const char *note)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_init(&out);
	if (s->opt.online && json_output(s) && doc->online_uri &&
	    *doc->online_uri) {
		struct render_options ro = { .requested_culture =
						     requested_culture(s) };
		render_json_online(doc, &ro, &out);
		emit(s, &out);
		strbuf_release(&out);
		return EXIT_OK;
	}
	if (s->opt.online) {
		strbuf_release(&out);
		return show_online(doc, s->opt.open);
	}
	int rc = EXIT_OK;
	const struct render_format *format =
		render_format_find(s->opt.format ? s->opt.format : "text");
	struct render_options ro = { .view = s->opt.view,
				     .parameter = s->opt.parameter,
				     .width = s->width,
				     .note = note,
				     .help_command = PROG,
				     .requested_culture = requested_culture(s) };
	char *ui = culture_messages_for_content(doc->locale);
	int selected = format->render(doc, &ro, &out);
	i18n_restore(ui);
	if (selected != 0) {
		print_error(_("No parameter matches criteria %s."),
			    s->opt.parameter);
		rc = EXIT_NOT_FOUND;
	}
	emit(s, &out);
	strbuf_release(&out);
	return rc;
}

static int
show_page(struct session *s, const struct lookup_result *r)
{
	char *note = lookup_fallback_note(r);
	int rc = render_doc(s, r->doc, note);
	free(note);
	return rc;
}

static void
search_json(const struct render_topic_row *rows, const struct lookup_result *r,
	    struct strbuf *out)
{
	double *scores = xcalloc(r->nrows + 1, sizeof(*scores));
	const char **snippets = xcalloc(r->nrows + 1, sizeof(*snippets));
	for (size_t i = 0; i < r->nrows; i++) {
		scores[i] = r->rows[i].score;
		snippets[i] = r->rows[i].snippet;
	}
	render_search_json(rows, scores, snippets, r->nrows, out);
	free(scores);
	free(snippets);
}

/* Several topics matched: the Name / Category / Module / Synopsis table. */
static int
show_table(struct session *s, const struct lookup_result *r)
{
	if (s->opt.online) {
		print_error(_("Multiple Help topics were found. Use only one "
			      "Help topic with the -%s option."),
			    "Online");
		return EXIT_USAGE;
	}
	struct render_topic_row *rows = xcalloc(r->nrows, sizeof(*rows));
	for (size_t i = 0; i < r->nrows; i++) {
		const struct lookup_row *row = &r->rows[i];
		rows[i] =
			(struct render_topic_row){ row->name,	 row->category,
						   row->module,	 row->synopsis,
						   row->culture,
						   requested_culture(s) };
	}
	struct strbuf out = STRBUF_INIT;
	strbuf_init(&out);
	const struct render_format *format =
		render_format_find(s->opt.format ? s->opt.format : "text");
	if (r->searched && json_output(s))
		search_json(rows, r, &out);
	else
		format->topics(rows, r->nrows, s->width, &out);
	emit(s, &out);
	strbuf_release(&out);
	free(rows);
	return EXIT_OK;
}

static int
report_not_found(struct session *s, const struct lookup_result *r,
		 const char *name)
{
	print_error(_("no help topic matches '%s'"), name);
	if (r->nsuggestions) {
		fprintf(stderr, "%s\n",
			Q_("The most similar topic is",
			   "The most similar topics are", r->nsuggestions));
		for (size_t i = 0; i < r->nsuggestions; i++)
			fprintf(stderr, "    %s\n", r->suggestions[i]);
	}
	if (s->roots.n == 0)
		fprintf(stderr,
			_("%s: no help roots: use --path or PSHELP_PATH\n"),
			PROG);
	return EXIT_NOT_FOUND;
}

static int
run(struct session *s)
{
	/* From the build tree, the project's pages stand in for the
	 * installed ones. */
	char *build = build_tree_path("meson-private");
	root_list_from_environment(&s->roots, s->opt.paths, s->opt.npaths,
				   build ? PSHELP_SOURCE_HELP_DIR ":" PSHELP_BUILD_HELP_DIR
					 : PSHELP_HELP_DATADIR);
	free(build);
	s->width = output_width(&s->opt);

	const char *name = s->opt.name ? s->opt.name : DEFAULT_TOPIC;
	struct lookup_request rq = {
		.name = name,
		.file = s->opt.file,
		.user = &s->user,
		.roots = (const char *const *)s->roots.v,
		.nroots = s->roots.n,
		.diagnostics = s->opt.diagnostics ? LOOKUP_DIAG_ALL
						  : LOOKUP_DIAG_ERRORS,
		.max_suggestions = 5,
		.search = s->opt.search ? LOOKUP_SEARCH_ALWAYS
					: LOOKUP_SEARCH_NONE,
		/* only JSON shows them */
		.snippets = json_output(s),
	};
	struct lookup_result r;
	int rc;
	enum lookup_outcome o = lookup_query(&rq, &r);
	const struct meta_command *alias =
		o == LOOKUP_NOT_FOUND && !rq.file ? meta_command_find(name)
						  : NULL;
	if (alias && strcasecmp(alias->name, name) != 0) {
		/* a command alias of the runtime (etsn, exsn) names its page */
		lookup_result_release(&r);
		rq.name = alias->name;
		o = lookup_query(&rq, &r);
	}
	if (o == LOOKUP_NOT_FOUND && !rq.file && s->opt.name &&
	    rq.search == LOOKUP_SEARCH_NONE) {
		/* no name matches: the text is searched, as by Get-Help */
		lookup_result_release(&r);
		rq.name = name;
		rq.search = LOOKUP_SEARCH_FALLBACK;
		o = lookup_query(&rq, &r);
	}
	switch (o) {
	case LOOKUP_PAGE:
		rc = show_page(s, &r);
		break;
	case LOOKUP_TOPICS:
		rc = show_table(s, &r);
		break;
	case LOOKUP_NOT_FOUND:
		rc = report_not_found(s, &r, name);
		break;
	default:
		rc = EXIT_BAD_INPUT; /* the parser said why */
		break;
	}
	lookup_result_release(&r);
	return rc;
}

int
main(int argc, char **argv)
{
	struct session s = { .opt = { .width = -1 } };

	const char *culture_option = prescan_culture(argc, argv);
	if (!culture_from_environment(culture_option, &s.user))
		fprintf(stderr,
			_("%s: note: LANGUAGE names more than %d cultures; "
			  "the rest are not used\n"),
			PROG, CULTURE_MAX_USER);
	culture_init_messages(culture_option);

	if (culture_option && s.user.n == 0)
		print_warning(_("ignoring culture '%s': not a language tag"),
			      culture_option);

	int rc;
	if (!parse_args(&s.opt, argc, argv)) {
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
			PROG);
		rc = EXIT_USAGE;
	} else if (s.opt.help) {
		print_usage(stdout);
		rc = EXIT_OK;
	} else if (s.opt.version) {
		printf("%s (pshelp) %s\n", PROG, PSHELP_VERSION);
		rc = EXIT_OK;
	} else {
		rc = run(&s);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			perror(PROG ": stdout");
		rc = EXIT_SYSTEM;
	}
	session_release(&s);
	return rc;
}
