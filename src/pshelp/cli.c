/* SPDX-License-Identifier: MIT */
/*
 * What every subcommand's command line shares: the scan, how a usage
 * error is worded, the scanner's errors, --schema and --metadata.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "i18n.h"
#include "pshelp.h"
#include "utf8.h"

int
pshelp_usage_error(const char *prog, void (*usage)(FILE *f), const char *fmt,
		   const char *arg)
{
	char *safe = utf8_safe_dup(arg ? arg : "");
	fprintf(stderr, "%s: %s: ", prog, _("error"));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, safe);
#pragma GCC diagnostic pop
	fputc('\n', stderr);
	free(safe);
	if (usage)
		usage(stderr);
	return DIAGL_USAGE;
}

int
pshelp_option_error(const char *prog, void (*usage)(FILE *f),
		    enum opt_status st, const char *arg)
{
	const char *fmt = _("unknown option '%s'");
	if (st == OPT_NEEDS_VALUE)
		fmt = _("option '%s' needs a value");
	else if (st == OPT_TAKES_NO_VALUE)
		fmt = _("option '%s' takes no value");
	return pshelp_usage_error(prog, usage, fmt, arg);
}

int
pshelp_scan(int argc, char **argv, const struct pshelp_command_line *cl,
	    void *cookie)
{
	struct opt_parser p;
	struct opt_hit h;
	enum opt_status st;

	opt_init(&p, argc, argv, cl->options, cl->noptions, 0);
	while ((st = opt_next(&p, &h)) != OPT_END) {
		int r;
		if (st == OPT_OPERAND)
			r = cl->operand(cookie, h.arg);
		else if (st != OPT_OPTION)
			r = pshelp_option_error(cl->prog, cl->usage, st, h.arg);
		else if (h.def->id == cl->help_id) {
			cl->usage(stdout);
			r = 0;
		} else
			r = cl->option(cookie, &h);
		if (r >= 0)
			return r;
	}
	return -1;
}

bool
pshelp_schema_from_name(const char *name, enum help_schema *schema)
{
	if (strcmp(name, "2.0.0") == 0)
		*schema = HELP_SCHEMA_2_0_0;
	else if (strcmp(name, "2024-05-01") == 0)
		*schema = HELP_SCHEMA_2024_05_01;
	else
		return false;
	return true;
}

bool
pshelp_load_metadata(const char *path, struct meta_set **out,
		     const struct diag_ctx *dx)
{
	char *buf;
	size_t len;
	struct diag_ctx d;
	struct meta_error me = { 0 };

	if (dx)
		d = *dx;
	else
		diag_init(&d, NULL);
	d.file = path;
	int err = file_read_all(path, META_JSON_MAX_BYTES, &buf, &len);
	if (err == 0 && len > META_JSON_MAX_BYTES) {
		free(buf);
		err = EFBIG;
	}
	if (err) {
		diag_report(&d, DIAG_METADATA_INVALID, 0, 0,
			    file_strerror(err));
		return false;
	}
	int rc = meta_load_json(buf, len, out, &me);
	free(buf);
	if (rc != 0) {
		diag_report(&d, DIAG_METADATA_INVALID, (uint32_t)me.line,
			    (uint32_t)me.column, me.message);
		return false;
	}
	return true;
}
