/* SPDX-License-Identifier: MIT */
/* .NET type names as help shows them: without namespaces. */
#include <stdbool.h>
#include <string.h>

#include "help_model.h"
#include "strbuf.h"

struct span {
	const char *s;
	size_t n;
};

static bool
is_type_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '`' || c == '+' ||
	       c == '.' || (unsigned char)c >= 0x80;
}

/* Appends the qualified name s[0..n) without its namespace. */
static void
add_short_name(struct strbuf *sb, const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && s[i - 1] != '.')
		i--;
	if (i == n || (s[0] >= '0' && s[0] <= '9'))
		i = 0; /* "System." or a version number: keep as written */
	strbuf_add(sb, s + i, n - i);
}

/* "Nullable`1[X]" -> "X", as platyPS writes such types in SYNTAX. */
static struct span
unwrap_nullable(struct span v)
{
	static const char pre[] = "Nullable`1[";
	size_t k = sizeof(pre) - 1;
	int depth = 1;
	if (v.n <= k + 1 || strncmp(v.s, pre, k) != 0)
		return v;
	for (size_t i = k; i < v.n; i++) {
		depth += (v.s[i] == '[') - (v.s[i] == ']');
		if (depth == 0)
			return i == v.n - 1 ? (struct span){ v.s + k, i - k }
					    : v;
	}
	return v;
}

const char *
help_short_type(struct arena *a, const char *full_type)
{
	if (full_type == NULL)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (const char *s = full_type; *s;) {
		size_t n = 0;
		while (s[n] && is_type_char(s[n]))
			n++;
		if (n)
			add_short_name(&sb, s, n);
		else
			strbuf_addch(&sb, *s);
		s += n ? n : 1;
	}
	struct span v = unwrap_nullable((struct span){ sb.buf, sb.len });
	const char *r = arena_strndup(a, v.s, v.n);
	strbuf_release(&sb);
	return r;
}
