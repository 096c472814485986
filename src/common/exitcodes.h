/* SPDX-License-Identifier: MIT */
/* Exit statuses shared by every program of the project (see get-help(1)). */
#ifndef PSHELP_EXITCODES_H
#define PSHELP_EXITCODES_H

enum {
	EXIT_OK = 0,
	EXIT_NOT_FOUND = 1, /* no topic, or no parameter, matched */
	EXIT_USAGE = 2,	    /* bad command line */
	EXIT_BAD_INPUT = 3, /* a help page had errors and was not shown */
	EXIT_SYSTEM = 4	    /* I/O error, out of memory */
};

#endif
