/* SPDX-License-Identifier: MIT */
#include "utf8.h"

#include <string.h>

#include "strbuf.h"

size_t
utf8_decode(const char *str, size_t len, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n;
	int32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	if (len < n) {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = -1;
		return 1;
	}
	*cp = v;
	return n;
}

void
utf8_encode(struct strbuf *sb, int32_t cp)
{
	char b[4];
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (char)cp;
		strbuf_add(sb, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 4);
	}
}

/* The index of the first byte from s[i] on that is not printable ASCII,
 * looking at 8 bytes at a time (most help text is ASCII). */
static size_t
skip_printable_ascii(const char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull;
	const uint64_t high = ones * 0x80;
	while (i + 8 <= len) {
		uint64_t w, del;
		memcpy(&w, s + i, 8);
		del = w ^ (ones * 0x7F); /* a zero byte where w has DEL */
		if ((w & high) || ((w - ones * 0x20) & ~w & high) ||
		    ((del - ones) & ~del & high))
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 &&
	       (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

/* Past every ASCII byte (controls included) from i, eight at a time. */
static size_t
skip_ascii(const char *s, size_t i, size_t len)
{
	const uint64_t high = 0x8080808080808080ull;
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & high)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
utf8_first_invalid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		i = skip_ascii(s, i, len);
		if (i >= len)
			break;
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp < 0)
			return i;
		i += n;
	}
	return len;
}

/*
 * Characters that change how the text around them is shown without
 * being seen: bidi embeddings, overrides, isolates and marks (with them
 * a line can show other text than it holds, as in "Trojan Source"), and
 * the zero-width space, word joiner and BOM.  The zero-width joiner and
 * non-joiner stay: scripts such as Persian and Devanagari need them.
 */
static bool
is_hidden_format(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C || cp == 0x200B || cp == 0x2060 ||
	       cp == 0xFEFF;
}

/* The replacement a terminal may safely show for cp, or cp itself. */
static int32_t
visible_form(int32_t cp, bool keep_newlines)
{
	if (cp < 0)
		return 0xFFFD;
	/* a one-line text (a message, a name) has no tab either */
	if ((cp == '\t' || cp == '\n') && keep_newlines)
		return cp;
	if (cp < 0x20)
		return 0x2400 + cp; /* Control Pictures: ESC -> U+241B */
	if (cp == 0x7F)
		return 0x2421;
	if (cp >= 0x80 && cp < 0xA0)
		return 0xFFFD;
	if (is_hidden_format(cp))
		return 0xFFFD;
	return cp;
}

void
utf8_neutralize(struct strbuf *sb, const char *s, size_t len,
		bool keep_newlines)
{
	size_t i = 0, clean_start = 0;
	while (i < len) {
		i = skip_printable_ascii(s, i, len);
		if (i >= len)
			break;
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int32_t v = visible_form(cp, keep_newlines);
		if (v != cp) {
			strbuf_add(sb, s + clean_start, i - clean_start);
			utf8_encode(sb, v);
			clean_start = i + n;
		}
		i += n;
	}
	strbuf_add(sb, s + clean_start, len - clean_start);
}

bool
utf8_is_clean(const char *s, size_t len, bool allow_newlines)
{
	size_t i = 0;
	while (i < len) {
		i = skip_printable_ascii(s, i, len);
		if (i >= len)
			break;
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (visible_form(cp, allow_newlines) != cp)
			return false;
		i += n;
	}
	return true;
}

char *
utf8_safe_dup(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	utf8_neutralize(&sb, s, strlen(s), false);
	return strbuf_detach(&sb, NULL);
}

/* A printable ASCII byte that JSON takes as it is. */
static bool
json_plain(char c)
{
	return c != '"' && c != '\\';
}

void
utf8_json_string(struct strbuf *sb, const char *s, size_t len)
{
	if (!s) {
		strbuf_addstr(sb, "null");
		return;
	}
	strbuf_addch(sb, '"');
	for (size_t i = 0; i < len;) {
		size_t run = skip_printable_ascii(s, i, len);
		while (i < run) {
			size_t k = i;
			while (k < run && json_plain(s[k]))
				k++;
			strbuf_add(sb, s + i, k - i);
			if (k < run)
				strbuf_addf(sb, "\\%c", s[k++]);
			i = k;
		}
		if (i >= len)
			break;
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp < 0)
			strbuf_addstr(sb, "\\ufffd");
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
			 cp == 0x2028 || cp == 0x2029 || is_hidden_format(cp))
			strbuf_addf(sb, "\\u%04x", (unsigned)cp);
		else
			strbuf_add(sb, s + i, n);
		i += n;
	}
	strbuf_addch(sb, '"');
}
