/* SPDX-License-Identifier: MIT */
/* Long output through the user's pager, as git and man do (pager.c). */
#ifndef PSHELP_PAGER_H
#define PSHELP_PAGER_H

#include <stdbool.h>
#include <stddef.h>

/*
 * When standard output is a terminal, hands text to $PAGER (default
 * "less", with LESS=FRX unless LESS is set, so that a short text is just
 * printed) and returns true once the pager has ended.  Returns false,
 * having shown nothing, when output is no terminal, PAGER is "" or "cat",
 * or the pager cannot be started (exit 126 or 127): the caller prints the
 * text itself.  SIGPIPE is ignored while writing, so quitting the pager
 * early ends nothing but the pager.
 */
bool pager_show(const char *text, size_t len);

#endif
