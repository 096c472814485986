/* SPDX-License-Identifier: MIT */
#include "strbuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

static char empty_string[1];

void
strbuf_init(struct strbuf *sb)
{
	sb->buf = empty_string;
	sb->len = 0;
	sb->cap = 0;
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->cap)
		free(sb->buf);
	strbuf_init(sb);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *s;
	strbuf_grow(sb, 0);
	s = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb);
	return s;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->cap)
		sb->buf[0] = '\0';
}

#define STRBUF_FIRST_CAP 64

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (sb->buf == NULL)
		strbuf_init(sb);
	if (sb->cap && sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap, need = sb->len + extra + 1;
	char *old = sb->cap ? sb->buf : NULL;
	/* Most buffers hold a line or a paragraph: growing from 8 bytes
	   cost three or four reallocs each. */
	if (old == NULL && need < STRBUF_FIRST_CAP)
		need = STRBUF_FIRST_CAP;
	char *p = xgrow(old, &cap, need, 1);
	if (old == NULL)
		p[0] = '\0';
	sb->buf = p;
	sb->cap = cap;
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_addchars(struct strbuf *sb, char c, size_t n)
{
	strbuf_grow(sb, n);
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	strbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void
strbuf_rtrim(struct strbuf *sb)
{
	while (sb->len &&
	       (sb->buf[sb->len - 1] == ' ' || sb->buf[sb->len - 1] == '\t'))
		sb->len--;
	if (sb->cap)
		sb->buf[sb->len] = '\0';
}
