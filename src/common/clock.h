/* SPDX-License-Identifier: MIT */
/* Time for deadlines and timeouts: a clock that never jumps. */
#ifndef PSHELP_CLOCK_H
#define PSHELP_CLOCK_H

/* Milliseconds of CLOCK_MONOTONIC (an arbitrary origin). */
long long clock_now_ms(void);

#endif
