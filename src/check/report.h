/* SPDX-License-Identifier: MIT */
/*
 * The diagnostics of a validate run: collected from every page, sorted by
 * file, line, column and slug, filtered by -W and a baseline, printed as
 * GCC-style text, JSON or SARIF 2.1.0.
 */
#ifndef PSHELP_REPORT_H
#define PSHELP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

struct report;

struct report *report_new(void);
void report_free(struct report *r);

/* A diag_sink_fn: copies d into r (cookie is r). */
void report_sink(void *cookie, const struct diag *d);

/* The exit status of the run; see pshelp(1). */
int report_exit_status(const struct report *r, enum diag_level threshold);

#endif
