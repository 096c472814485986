/* SPDX-License-Identifier: MIT */
/*
 * The diagnostics of a validate run: collected from every page, sorted by
 * file, line, column and slug, filtered by -W and a baseline, printed as
 * GCC-style text, JSON or SARIF 2.1.0.
 */
#ifndef PSHELP_REPORT_H
#define PSHELP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

struct report;

struct report *report_new(void);
void report_free(struct report *r);

/* A diag_sink_fn: copies d into r (cookie is r). */
void report_sink(void *cookie, const struct diag *d);

/* The number of diagnostics collected (and not dropped by a baseline). */
size_t report_count(const struct report *r);

/* Sorts by file (bytes), line, column, slug, message. */
void report_sort(struct report *r);

/*
 * The baseline file of r: "# pshelp baseline 1", then one
 * "file TAB slug TAB message" line per diagnostic, sorted, with
 * backslash, TAB and LF written as \\, \t and \n.  Malloc'd.
 */
char *report_baseline_text(const struct report *r);

/*
 * Drops every diagnostic that the baseline text records, matching on
 * (file, slug, message) as a multiset.  Returns false with a reason in
 * why (untranslated) when text is no baseline.
 */
bool report_apply_baseline(struct report *r, const char *text, size_t len,
			   char *why, size_t whylen);

/* Drops every diagnostic: a baseline was just written with them. */
void report_drop_all(struct report *r);

/* Prints the diagnostics at threshold or above to f, sorted. */
void report_print(struct report *r, enum report_format format,
		  enum diag_level threshold, FILE *f);

/* The exit status of the run: the worst level shown; see pshelp(1). */
int report_exit_status(const struct report *r, enum diag_level threshold);

#endif
