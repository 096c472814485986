/* SPDX-License-Identifier: MIT */
/*
 * update: pages written from metadata (`pshelp new`) and brought in line
 * with it by splicing (`pshelp update`), every other byte kept.
 *
 * page_new.c writes whole pages and the pieces update inserts (a
 * parameter's section, a SYNTAX block); yaml_write.c writes a parameter's
 * yaml block in either schema exactly as platyPS does; update.c splices
 * them into a parsed page by the model's extents; update_io.c writes
 * files atomically and prints diffs.
 */
#ifndef PSHELP_UPDATE_H
#define PSHELP_UPDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "help_model.h"
#include "meta.h"
#include "meta_help.h"
#include "strbuf.h"

/* A SYNTAX line is wrapped before a parameter that would pass this column. */
#define PAGE_SYNTAX_WIDTH 100

/*
 * What metadata says about one command, in the order a page documents it:
 * the help model of meta_help_doc() (parameters in table order, then
 * -Confirm and -WhatIf) with each parameter's table entry beside it.
 */
struct page_meta {
	const struct meta_command *cmd;
	struct help_doc *doc;		/* meta_help_doc(cmd) */
	const struct meta_param **mp;	/* per doc->params */
	struct meta_syntax_line *lines; /* META_SYNTAX_PLATYPS */
	size_t nlines;
};

void page_meta_init(struct page_meta *pm, const struct meta_set *meta,
		    const struct meta_command *cmd);
void page_meta_release(struct page_meta *pm);

/* A plain yaml scalar, or one in single quotes when plain would misread
   ("?", "%", "yes", "a: b"). */
void yaml_write_scalar(struct strbuf *sb, const char *s);

/* Appends the lines inside the yaml fence of parameter i, each ended by eol. */
void yaml_write_param(struct strbuf *sb, const struct page_meta *pm, size_t i,
		      enum help_schema schema, const char *eol);

/* Appends a SYNTAX line wrapped as platyPS wraps it, each line ended by eol. */
void page_syntax_lines(struct strbuf *sb, const char *text, const char *eol);

/* "### Name (Default)" for SYNTAX line i, or NULL when it has no heading. */
char *page_syntax_heading(const struct page_meta *pm, size_t i,
			  enum help_schema schema);

/*
 * The section of parameter i: its H3, a placeholder description and the
 * yaml block, lines ended by eol, without a line end after the fence.
 */
void page_param_section(struct strbuf *sb, const struct page_meta *pm, size_t i,
			enum help_schema schema, const char *eol);

/* The ALIASES section of a 2024-05-01 page, without a final line end. */
void page_aliases_section(struct strbuf *sb, const struct page_meta *pm,
			  const char *eol);

/* A complete page for pm->cmd in schema, LF line ends. */
void page_new(struct strbuf *sb, const struct page_meta *pm,
	      enum help_schema schema);

struct update_options {
	const struct meta_set *meta;
	bool remove_stale; /* --remove-stale */
	bool migrate;	   /* --schema 2024-05-01: 2.0.0 pages are migrated */
};

/*
 * The bytes doc->source should have: SYNTAX and yaml blocks from the
 * metadata, missing parameters added, stale ones reported (and removed
 * with remove_stale).  Returns false, with a diagnostic, when the page
 * documents no command of opt->meta (out is then a copy of the source).
 */
bool update_doc(const struct help_doc *doc, const struct update_options *opt,
		struct strbuf *out, struct diag_ctx *dx);

enum update_mode {
	UPDATE_WRITE,	/* write changed pages */
	UPDATE_DRY_RUN, /* print a diff of each changed page */
	UPDATE_CHECK	/* say which pages would change */
};

enum update_result {
	UPDATE_UNCHANGED,
	UPDATE_CHANGED,	   /* written, or would be */
	UPDATE_BAD_INPUT,  /* unreadable or unparsable page */
	UPDATE_WRITE_ERROR /* the page is untouched */
};

/*
 * Reads, parses and updates one page; the diff of UPDATE_DRY_RUN and the
 * path of UPDATE_CHECK are appended to report.
 */
enum update_result update_file(const char *path,
			       const struct update_options *opt,
			       enum update_mode mode, struct strbuf *report,
			       struct diag_ctx *dx);

/*
 * Writes buf to path through a temporary file in the same folder, synced
 * and renamed over it; with replace false an existing path is kept and
 * reported.  Returns false after reporting write-failed.
 */
bool update_write_file(const char *path, const char *buf, size_t len,
		       bool replace, struct diag_ctx *dx);

/*
 * A unified diff (3 lines of context) from a to b, safe to print; nothing
 * when they are equal.
 */
void update_diff(struct strbuf *out, const char *name, const char *a,
		 size_t alen, const char *b, size_t blen);

#endif
