/* SPDX-License-Identifier: MIT */
/*
 * pshelp validate: options, the pages to check (folders walked in byte
 * order), the metadata and the baseline; src/check does the checking and
 * the report prints.  The exit status is the worst level shown.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "file.h"
#include "i18n.h"
#include "meta.h"
#include "options.h"
#include "pshelp.h"
#include "report.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "pshelp validate"
/* Bounds of a folder walk: deeper folders and further pages are left. */
#define BASELINE_MAX_BYTES (64u << 20)
/* Memory for en-US pages kept for their translations. */
#define SOURCES_MAX_BYTES ((size_t)256 << 20)

enum opt_id {
	OPT_METADATA,
	OPT_PATH,
	OPT_FORMAT,
	OPT_LEVEL,
	OPT_BASELINE,
	OPT_RUN_EXAMPLES,
	OPT_HELP
};

static const struct opt_def option_table[] = {
	{ "metadata", OPT_METADATA, true, false },
	{ "path", OPT_PATH, true, false },
	{ "format", OPT_FORMAT, true, false },
	{ "W", OPT_LEVEL, true, true },
	{ "baseline", OPT_BASELINE, true, false },
	{ "run-examples", OPT_RUN_EXAMPLES, false, false },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

struct options {
	const char *metadata, *baseline;
	struct strv roots;    /* not owned */
	struct strv operands; /* not owned */
	enum report_format format;
	enum diag_level threshold;
	bool run_examples, help;
};

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp validate [OPTION]... PAGE|DIR...\n"
		"Check help pages against the command metadata, their help "
		"roots and\n"
		"their en-US source.  A DIR is searched for *.md pages.\n"
		"\n"
		"  --metadata FILE      check against the metadata JSON in "
		"FILE "
		"(psh --metadata)\n"
		"                       instead of psh's built-in tables\n"
		"  --path ROOT          a help root to find en-US sources and "
		"link targets in\n"
		"                       (repeatable)\n"
		"  --format FORMAT      text (the default), json or sarif\n"
		"  -W LEVEL             show LEVEL and worse: style (the "
		"default), warning,\n"
		"                       error, unsupported, usage or system\n"
		"  --baseline FILE      report only what FILE does not record; "
		"without FILE,\n"
		"                       write it with today's diagnostics\n"
		"  --run-examples       run transcript examples in psh and "
		"compare the output\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Exit status: 0 nothing shown, 1 style, 2 warning, 3 error, 4 "
		"unsupported,\n"
		"5 usage, 6 system error (the worst shown).  See pshelp(1).\n"),
	      f);
}

/* A usage error, reported; false, so that option parsing stops. */
static bool
usage_error(const char *fmt, const char *arg)
{
	pshelp_usage_error(PROG, NULL, fmt, arg);
	return false;
}

static bool
apply_option(struct options *o, enum opt_id id, const char *value)
{
	switch (id) {
	case OPT_METADATA:
		o->metadata = value;
		return true;
	case OPT_PATH:
		strv_push(&o->roots, (char *)value);
		return true;
	case OPT_FORMAT:
		if (strcmp(value, "text") == 0)
			o->format = REPORT_TEXT;
		else if (strcmp(value, "json") == 0)
			o->format = REPORT_JSON;
		else if (strcmp(value, "sarif") == 0)
			o->format = REPORT_SARIF;
		else
			return usage_error(_("unknown format '%s'"), value);
		return true;
	case OPT_LEVEL:
		if (!diag_level_from_name(value, &o->threshold))
			return usage_error(_("unknown level '%s'"), value);
		return true;
	case OPT_BASELINE:
		o->baseline = value;
		return true;
	case OPT_RUN_EXAMPLES:
		o->run_examples = true;
		return true;
	case OPT_HELP:
		o->help = true;
		return true;
	}
	return false;
}

static bool
parse_args(struct options *o, int argc, char **argv)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;

	opt_init(&p, argc, argv, option_table, NOPTIONS, 0);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		bool ok = true;
		if (st == OPT_OPTION)
			ok = apply_option(o, (enum opt_id)h.def->id, h.value);
		else if (st == OPT_OPERAND)
			strv_push(&o->operands, (char *)h.arg);
		else
			ok = pshelp_option_error(PROG, NULL, st, h.arg) == 0;
		if (!ok)
			return false;
	}
	if (!o->help && o->operands.n == 0)
		return usage_error("%s", _("no page or folder given"));
	return true;
}

/* ---------- metadata, baseline ---------- */

/*
 * Reads the baseline into *text; *exists false when there is none yet.
 * False (reported) when it cannot be read.
 */
static bool
read_baseline(const char *path, char **text, size_t *len, bool *exists,
	      struct diag_ctx *dx)
{
	struct diag_ctx d = *dx;
	d.file = path;
	*exists = false;
	*text = NULL;
	int err = file_read_all(path, BASELINE_MAX_BYTES, text, len);
	if (err == ENOENT)
		return true;
	if (err == 0 && *len > BASELINE_MAX_BYTES) {
		free(*text);
		*text = NULL;
		err = EFBIG;
	}
	if (err) {
		diag_report(&d, DIAG_BASELINE_INVALID, 0, 0,
			    file_strerror(err));
		return false;
	}
	*exists = true;
	return true;
}

static void
write_baseline(const char *path, struct report *r, struct diag_ctx *dx)
{
	char *text = report_baseline_text(r);
	size_t n = report_count(r);
	int e = file_write_atomic(path, text, strlen(text), FILE_REPLACE);
	free(text);
	char *safe = utf8_safe_dup(path);
	if (e) {
		struct diag_ctx d = *dx;
		d.file = path;
		diag_report(&d, DIAG_WRITE_FAILED, 0, 0, strerror(e));
	} else {
		fprintf(stderr,
			Q_("%s: wrote baseline '%s' with %zu diagnostic\n",
			   "%s: wrote baseline '%s' with %zu diagnostics\n", n),
			PROG, safe, n);
		/* Everything found today is now known. */
		report_drop_all(r);
	}
	free(safe);
}

/* ---------- the run ---------- */

/* The psh that runs examples: $PSHELP_PSH, else psh beside pshelp. */
static char *
find_psh(void)
{
	const char *env = getenv("PSHELP_PSH");
	if (env && *env)
		return xstrdup(env);
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			char *p = xasprintf("%.*s/psh", (int)(slash - self),
					    self);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup("psh");
}

static void
check_pages(const struct options *o, const struct meta_set *meta,
	    struct diag_ctx *dx)
{
	struct strv pages = { 0 };
	pshelp_collect_pages(&pages, &o->operands, PROG, dx);
	char *psh = find_psh();
	struct check_env env = { .meta = meta,
				 .roots = (const char *const *)o->roots.v,
				 .nroots = o->roots.n,
				 .run_examples = o->run_examples,
				 .psh_path = psh,
				 .sources =
					 check_sources_new(SOURCES_MAX_BYTES),
				 .pages = check_roots_new() };
	for (size_t i = 0; i < pages.n; i++) {
		struct diag_ctx page = *dx;
		page.file = pages.v[i];
		check_file(&env, pages.v[i], &page);
		free(pages.v[i]);
	}
	check_sources_free(env.sources);
	check_roots_free(env.pages);
	free(pages.v);
	free(psh);
}

static int
run(const struct options *o)
{
	struct report *r = report_new();
	struct diag_ctx dx;
	diag_init(&dx, NULL);
	dx.sink = report_sink;
	dx.cookie = r;

	struct meta_set *loaded = NULL;
	char *baseline = NULL;
	size_t blen = 0;
	bool have_baseline = false;
	bool ok = o->metadata == NULL ||
		  pshelp_load_metadata(o->metadata, &loaded, &dx);
	if (ok && o->baseline)
		ok = read_baseline(o->baseline, &baseline, &blen,
				   &have_baseline, &dx);
	if (ok) {
		check_pages(o, loaded ? loaded : meta_builtin(), &dx);
		char why[200];
		if (o->baseline && !have_baseline)
			write_baseline(o->baseline, r, &dx);
		else if (have_baseline &&
			 !report_apply_baseline(r, baseline, blen, why,
						sizeof(why))) {
			/* Nothing is shown but why the baseline is bad. */
			report_free(r);
			r = report_new();
			dx.cookie = r;
			dx.file = o->baseline;
			diag_report(&dx, DIAG_BASELINE_INVALID, 0, 0, why);
		}
	}
	report_print(r, o->format, o->threshold, stdout);
	int rc = report_exit_status(r, o->threshold);
	report_free(r);
	meta_set_free(loaded);
	free(baseline);
	return rc;
}

int
cmd_validate(int argc, char **argv)
{
	struct options o = { .format = REPORT_TEXT, .threshold = DIAGL_STYLE };
	int rc;
	if (!parse_args(&o, argc, argv)) {
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
			PROG);
		rc = DIAGL_USAGE;
	} else if (o.help) {
		print_usage(stdout);
		rc = 0;
	} else {
		rc = run(&o);
	}
	free(o.roots.v);
	free(o.operands.v);
	return rc;
}
