/* SPDX-License-Identifier: MIT */
/*
 * Locale-independent ASCII character tests that the parsers share (the
 * <ctype.h> ones follow the process locale).
 */
#ifndef PSHELP_ASCII_H
#define PSHELP_ASCII_H

#include <stdbool.h>
#include <stddef.h>

/* A space or a tab. */
static inline bool
ascii_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The first index at or after i in s[0..n) that is not a blank. */
static inline size_t
ascii_skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && ascii_is_blank(s[i]))
		i++;
	return i;
}

/* The value of a hexadecimal digit, or -1. */
static inline int
ascii_hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
