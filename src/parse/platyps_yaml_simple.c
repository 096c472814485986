/* SPDX-License-Identifier: MIT */
/*
 * The YAML platyPS writes, read without libyaml: a block mapping of
 * `key: value` and `key:` lines at the left margin, blank lines between.
 * Everything else is refused and left to libyaml, so that this reader
 * gives libyaml's tree (values, kinds, offsets, lines) or nothing:
 *   - only printable characters libyaml reads as such: no tab, CR, other
 *     control, NEL, LS, PS, BOM or non-character;
 *   - no line starts with a blank, an indicator, `---` or `...`;
 *   - a key is plain, on its line, shorter than libyaml's 1024 limit,
 *     ends at the first `: ` (or `:` at the end) and has no blank before
 *     it, no `#` and no flow indicator;
 *   - a value is empty, plain (no leading indicator, no `: `, no ` #`,
 *     no `:` at its end) or quoted on its line, without escapes or its
 *     quote inside.
 * A plain value then ends with its line, as the next line is not
 * indented; libyaml ends the root mapping at the end of the text.
 */
#include "yaml_internal.h"

#include <string.h>

#include "utf8.h"

#define SIMPLE_MAX_PAIRS 1000 /* far below PLATYPS_YAML_MAX_NODES */
#define SIMPLE_MAX_KEY 1000   /* bytes; libyaml counts 1024 characters */

/* What may not start a plain scalar (or is not ours to start a line). */
static const char indicators[] = "-?:,[]{}#&*!|>'\"%@`";

/* Code points libyaml reads as printable and not as a break or BOM; -1
   is what utf8_decode() gives for a byte of invalid UTF-8. */
static bool
printable(int32_t cp)
{
	if (cp < 0x80)
		return cp == '\n' || (cp >= 0x20 && cp < 0x7f);
	return (cp >= 0xA0 && cp < 0xD800 && cp != 0x2028 && cp != 0x2029) ||
	       (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) ||
	       (cp >= 0x10000 && cp <= 0x10FFFF);
}

static bool
all_printable(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		int32_t cp = c;
		size_t k = c < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
		if (!printable(cp))
			return false;
		i += k;
	}
	return true;
}

struct simple {
	struct arena *a;
	const char *text;
	struct platyps_yaml_node *map;
	size_t cap;
	size_t bol; /* where the line being read starts */
	uint32_t line;
};

/* A scalar of the line being read: its node from start to end, its
   value text[from..to). */
static struct platyps_yaml_node *
scalar(struct simple *st, size_t start, size_t end, size_t from, size_t to,
       bool plain)
{
	struct platyps_yaml_node *n = arena_alloc(st->a, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = PY_SCALAR;
	n->line = st->line;
	n->col = (uint32_t)(start - st->bol + 1);
	n->start = (uint32_t)start;
	n->end = (uint32_t)end;
	n->value = arena_strndup(st->a, st->text + from, to - from);
	n->len = to - from;
	n->plain = plain;
	return n;
}

/* Where the key of line s[0..n) ends (its `:`), or n if it is not ours. */
static size_t
key_end(const char *s, size_t n)
{
	size_t k = 0;
	if (n == 0 || s[0] == ' ' || strchr(indicators, s[0]) ||
	    (n >= 3 && memcmp(s, "...", 3) == 0))
		return n;
	while (k < n && !(s[k] == ':' && (k + 1 == n || s[k + 1] == ' '))) {
		char c = s[k++];
		if (c == '#' || c == '[' || c == ']' || c == '{' || c == '}')
			return n;
	}
	if (k == n || k > SIMPLE_MAX_KEY || s[k - 1] == ' ')
		return n;
	return k;
}

/* A plain value v[0..n), trimmed, that ends where libyaml ends it. */
static bool
plain_value_ok(const char *v, size_t n)
{
	if (strchr(indicators, v[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((v[i] == ':' && (i + 1 == n || v[i + 1] == ' ')) ||
		    (v[i] == '#' && i > 0 && v[i - 1] == ' '))
			return false;
	return true;
}

/* A quoted value v[0..n), trimmed, without escapes or folding. */
static bool
quoted_value_ok(const char *v, size_t n)
{
	char q = v[0];
	if ((q != '"' && q != '\'') || n < 2 || v[n - 1] != q)
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (v[i] == q || (q == '"' && v[i] == '\\'))
			return false;
	return true;
}

static void
push(struct simple *st, struct platyps_yaml_node *n)
{
	struct platyps_yaml_node *m = st->map;
	if (m->n == st->cap) {
		size_t ncap = st->cap ? st->cap * 2 : 16;
		struct platyps_yaml_node **v =
			arena_array(st->a, ncap, sizeof(*v));
		if (m->n)
			memcpy(v, m->items, m->n * sizeof(*v));
		m->items = v;
		st->cap = ncap;
	}
	m->items[m->n++] = n;
}

/* The line text[off..off + n), number st->line; false if not ours. */
static bool
add_line(struct simple *st, size_t off, size_t n)
{
	const char *s = st->text + off;
	size_t k = key_end(s, n), v, e = n;
	if (k == n || st->map->n / 2 >= SIMPLE_MAX_PAIRS)
		return false;
	for (v = k + 1; v < n && s[v] == ' '; v++)
		;
	while (e > v && s[e - 1] == ' ')
		e--;
	struct platyps_yaml_node *val;
	if (v == e) /* libyaml's empty scalar sits after the `:` */
		val = scalar(st, off + k + 1, off + k + 1, 0, 0, true);
	else if (s[v] == '"' || s[v] == '\'')
		val = quoted_value_ok(s + v, e - v)
			      ? scalar(st, off + v, off + e, off + v + 1,
				       off + e - 1, false)
			      : NULL;
	else
		val = plain_value_ok(s + v, e - v)
			      ? scalar(st, off + v, off + e, off + v, off + e,
				       true)
			      : NULL;
	if (val == NULL)
		return false;
	push(st, scalar(st, off, off + k, off, off + k, true));
	push(st, val);
	return true;
}

bool
platyps_yaml_load_simple(struct arena *a, const char *text, size_t len,
			 struct platyps_yaml_node **root)
{
	struct platyps_yaml_node map = { .kind = PY_MAPPING };
	struct simple st = { a, text, &map, 0, 0, 0 };

	*root = NULL;
	if (len == 0 || !all_printable(text, len))
		return false;
	for (size_t off = 0; off < len;) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = (nl ? (size_t)(nl - text) : len) - off;
		st.bol = off;
		st.line++;
		if (n && !add_line(&st, off, n))
			return false;
		if (n && map.n == 2) {
			map.start = (uint32_t)off;
			map.line = st.line;
			map.col = 1;
		}
		off += n + (nl != NULL);
	}
	if (map.n == 0)
		return false; /* libyaml: an empty document */
	map.end = (uint32_t)len;
	*root = arena_alloc(a, sizeof(map));
	**root = map;
	return true;
}

bool
platyps_yaml_same_tree(const struct platyps_yaml_node *a, const struct platyps_yaml_node *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || a->line != b->line || a->col != b->col ||
	    a->start != b->start || a->end != b->end || a->n != b->n ||
	    a->plain != b->plain || a->len != b->len ||
	    (a->len && memcmp(a->value, b->value, a->len) != 0))
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!platyps_yaml_same_tree(a->items[i], b->items[i]))
			return false;
	return true;
}
