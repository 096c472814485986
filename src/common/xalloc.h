/* SPDX-License-Identifier: MIT */
/*
 * Allocation wrappers that never return NULL: on exhaustion they print a
 * message and exit with the "system" status.  Any file may include this.
 */
#ifndef PSHELP_XALLOC_H
#define PSHELP_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` elements of `size` bytes. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
