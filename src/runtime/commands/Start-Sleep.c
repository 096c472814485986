/* SPDX-License-Identifier: MIT */
/* Start-Sleep: the handler, run after binding (metadata in src/meta/commands/Start-Sleep.c). */
#include "handlers.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "i18n.h"
#include "rt_exec.h"
#include "rt_interrupt.h"

#define SLICE_MS 20 /* how often the sleep looks for Ctrl-C */
/* PowerShell's [ValidateRange] of -Seconds: 0 to Int32.MaxValue / 1000. */
#define MAX_SECONDS 2147483.0

/* -Seconds as a number: an integer, a double or a numeric string. */
static bool
seconds_of(const struct rt_value *v, double *out)
{
	char *end;

	if (v->kind == RT_VAL_INT) {
		*out = (double)v->u.i;
		return true;
	}
	if (v->kind == RT_VAL_DOUBLE) {
		*out = v->u.d;
		return true;
	}
	if (v->kind == RT_VAL_STRING && v->u.s[0]) {
		errno = 0;
		*out = strtod(v->u.s, &end);
		return errno == 0 && *end == '\0';
	}
	return false;
}

static int
out_of_range(struct rt_context *ctx, const char *param, const char *shown,
	     bool low, const char *limit)
{
	rt_exec_error(ctx,
		      low ? _("Cannot validate argument on parameter '%s'. "
			      "The %s argument is less than the minimum "
			      "allowed range of %s. Supply an argument that "
			      "is greater than or equal to %s and then try "
			      "the command again.")
			  : _("Cannot validate argument on parameter '%s'. "
			      "The %s argument is greater than the maximum "
			      "allowed range of %s. Supply an argument that "
			      "is less than or equal to %s and then try the "
			      "command again."),
		      param, shown, limit, limit);
	return 1;
}

/* Sleeps ms in slices; Ctrl-C (or a CANCEL in an endpoint) ends it. */
static void
sleep_ms(long long ms)
{
	while (ms > 0 && !rt_interrupt_pending()) {
		long long step = ms < SLICE_MS ? ms : SLICE_MS;
		struct timespec ts = { step / 1000, (step % 1000) * 1000000 };
		nanosleep(&ts, NULL);
		ms -= step;
	}
}

int
rt_run_start_sleep(struct rt_context *ctx)
{
	struct rt_value *sv = rt_binding_get(ctx->bind, "Seconds");
	double secs;

	if (!sv) {
		long ms = rt_exec_int(ctx, "Milliseconds", 0);
		if (ms < 0) {
			char shown[32];
			snprintf(shown, sizeof(shown), "%ld", ms);
			return out_of_range(ctx, "Milliseconds", shown, true,
					    "0");
		}
		sleep_ms(ms);
		return 0;
	}
	if (!seconds_of(sv, &secs) || isnan(secs)) {
		char *shown = rt_value_to_string(sv);
		rt_exec_error(ctx,
			      _("Cannot bind parameter 'Seconds'. Cannot "
				"convert value \"%s\" to type "
				"\"System.Double\". Error: \"Input string was "
				"not in a correct format.\""),
			      shown);
		free(shown);
		return 1;
	}
	if (secs < 0 || secs > MAX_SECONDS) {
		char *shown = rt_value_to_string(sv);
		int rc = out_of_range(ctx, "Seconds", shown, secs < 0,
				      secs < 0 ? "0" : "2147483");
		free(shown);
		return rc;
	}
	sleep_ms((long long)(secs * 1000.0 + 0.5));
	return 0;
}
