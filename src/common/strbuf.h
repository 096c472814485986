/* SPDX-License-Identifier: MIT */
/*
 * Growable byte buffer, always NUL-terminated.  Lifecycle follows git:
 * strbuf_init, strbuf_release (frees contents), strbuf_detach (hands the
 * string to the caller, who frees it).
 */
#ifndef PSHELP_STRBUF_H
#define PSHELP_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;  /* never NULL after init */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap;
};

#define STRBUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addchars(struct strbuf *sb, char c, size_t n);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Removes trailing spaces and tabs. */
void strbuf_rtrim(struct strbuf *sb);

#endif
