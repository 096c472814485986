/* SPDX-License-Identifier: MIT */
/*
 * diag: the diagnostics table and its sinks.
 *
 * Diagnostics: `file:line:col: level: message [slug]`, lines and columns
 * 1-based, columns in bytes.  No global state: every stage gets a
 * struct diag_ctx.  The default sink prints to stderr.
 */
#ifndef PSHELP_DIAG_H
#define PSHELP_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum diag_level {
	DIAGL_OK = 0,
	DIAGL_STYLE,
	DIAGL_WARNING,
	DIAGL_ERROR,
	DIAGL_UNSUPPORTED, /* input uses something pshelp does not support */
	DIAGL_USAGE,	   /* bad command line or option value */
	DIAGL_SYSTEM,	   /* I/O error, out of memory */
	DIAGL__COUNT
};

enum diag_id {
#define DIAG(id, level, slug, msg) DIAG_##id,
#include "diag_table.h"
#undef DIAG
	DIAG__COUNT
};

struct diag {
	enum diag_id id;
	enum diag_level level;
	const char *file;      /* may be NULL */
	uint32_t line, col;    /* 0 when unknown */
	const char *message;   /* formatted, translated */
	const char *message_c; /* the same untranslated: what baselines match */
	const char *detail;    /* further lines (a diff), or NULL */
};

typedef void diag_sink_fn(void *cookie, const struct diag *d);

struct diag_ctx {
	const char *file;
	enum diag_level threshold; /* reports below it are counted, not sunk */
	enum diag_level worst;
	unsigned count[DIAGL__COUNT];
	diag_sink_fn *sink; /* NULL: print to stderr */
	void *cookie;
};

void diag_init(struct diag_ctx *dx, const char *file);
/* A context that counts what it is told and shows nothing. */
void diag_init_quiet(struct diag_ctx *dx, const char *file);
/* Passes on a diagnostic another context formatted (a filtering sink). */
void diag_forward(struct diag_ctx *dx, const struct diag *d);
void diag_report(struct diag_ctx *dx, enum diag_id id, uint32_t line,
		 uint32_t col, ...);
void diag_vreport(struct diag_ctx *dx, enum diag_id id, uint32_t line,
		  uint32_t col, va_list ap);
/* As diag_report, with further lines (a diff) shown below the message. */
void diag_report_detail(struct diag_ctx *dx, enum diag_id id, uint32_t line,
			uint32_t col, const char *detail, ...);
/* The level named "style", "warning", ... (untranslated); false if none. */
bool diag_level_from_name(const char *name, enum diag_level *level);
/* The untranslated name of a level ("style"): for JSON, SARIF, -W. */
const char *diag_level_key(enum diag_level level);

enum diag_level diag_level_of(enum diag_id id);
const char *diag_slug(enum diag_id id);
/* Untranslated printf format of the message. */
const char *diag_format(enum diag_id id);
/* "style", "warning", "error", ... (translated). */
const char *diag_level_name(enum diag_level level);
/*
 * Diagnostics held back from a context's sink, to be shown sorted by line
 * and column (a parser reports in the order it looks, not the page's).
 * At most DIAG_HOLD_MAX are kept; all are counted.
 */
#define DIAG_HOLD_MAX 10000
struct diag_kept {
	struct diag d; /* its strings copied */
	size_t seq;    /* the order it came in */
};
struct diag_held {
	struct diag_kept *v;
	size_t n, cap;
	diag_sink_fn *sink; /* the context's own, given back on release */
	void *cookie;
};
void diag_hold(struct diag_ctx *dx, struct diag_held *h);
/* Gives dx its sink back and shows what was held, in page order. */
void diag_release_sorted(struct diag_ctx *dx, struct diag_held *h);

/* Formats one diagnostic as the line the default sink prints (no newline). */
char *diag_to_string(const struct diag *d);

#endif
