/* SPDX-License-Identifier: MIT */
/*
 * The YAML front matter subset of platyPS pages.  One pass finds the
 * closing line, a second reads the lines between; both are linear.
 * Entries and the items of an open block list grow in malloc'd scratch
 * vectors and are copied into the arena once complete.
 */
#include "ascii.h"
#include "frontmatter.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "yaml_internal.h"
#include "utf8.h"
#include "xalloc.h"

/* One line: text without its newline and a final CR. */
struct fm_line {
	const char *s;
	size_t len;
	uint32_t no;
};

struct fm_state {
	struct arena *a;
	struct diag_ctx *dx;
	const char *base;	 /* the buffer extents count from */
	size_t vlen;		 /* bytes of the last value as written */
	struct help_fm_entry *v; /* scratch, copied to the arena at the end */
	size_t n, cap;
	const char **items; /* items of the open block list, scratch */
	size_t nitems, icap;
	bool list_open; /* v[n - 1] is a `key:` that collects `- item` lines */
};

enum fm_value { FM_SCALAR, FM_FLOW, FM_BLOCK, FM_BAD };

static size_t
rtrim_len(const char *s, size_t n)
{
	while (n && ascii_is_blank(s[n - 1]))
		n--;
	return n;
}

/* Reads the line at *off into ln and moves *off past its newline. */
static bool
next_line(const char *buf, size_t len, size_t *off, struct fm_line *ln)
{
	if (*off >= len)
		return false;
	const char *s = buf + *off;
	const char *nl = memchr(s, '\n', len - *off);
	size_t n = nl ? (size_t)(nl - s) : len - *off;
	*off += nl ? n + 1 : n;
	if (n && s[n - 1] == '\r')
		n--;
	ln->s = s;
	ln->len = n;
	ln->no++;
	return true;
}

/* "---" or "..." followed by nothing but blanks. */
static bool
is_marker(const struct fm_line *ln, const char *m)
{
	return ln->len >= 3 && memcmp(ln->s, m, 3) == 0 &&
	       ascii_skip_blanks(ln->s, ln->len, 3) == ln->len;
}

/*
 * Index of the ':' that ends a key: the first one followed by a blank or
 * by the end of the line (so "https://x" never splits).  n if none.
 */
static size_t
find_sep(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ':' && (i + 1 == n || ascii_is_blank(s[i + 1])))
			return i;
	return n;
}

/* Length of the quoted scalar at s (closing quote included), 0 if unclosed. */
static size_t
quoted_len(const char *s, size_t n)
{
	char q = s[0];
	for (size_t i = 1; i < n; i++) {
		if (q == '"' && s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] != q)
			continue;
		if (q == '\'' && i + 1 < n && s[i + 1] == '\'') {
			i++;
			continue;
		}
		return i + 1;
	}
	return 0;
}

/* The code point of `digits` hex digits at s, or -1. */
static int32_t
hex_escape(const char *s, size_t n, size_t digits)
{
	uint32_t cp = 0;
	if (n < digits)
		return -1;
	for (size_t i = 0; i < digits; i++) {
		int d = ascii_hex_value(s[i]);
		if (d < 0)
			return -1;
		cp = cp * 16 + (uint32_t)d;
	}
	/* NUL and non-scalars become U+FFFD: model strings hold no NUL. */
	return cp == 0 || cp > 0x10FFFF ? 0xFFFD : (int32_t)cp;
}

/* The one-letter YAML escapes; -1 for an unknown letter. */
static int32_t
simple_escape(char c)
{
	static const char from[] = "0abtnvfre \"/\\N_LP\t";
	static const int32_t to[] = { 0xFFFD, 7,    8,	  9,	  10,	  11,
				      12,     13,   27,	  ' ',	  '"',	  '/',
				      '\\',   0x85, 0xA0, 0x2028, 0x2029, 9 };
	const char *p = c ? strchr(from, c) : NULL;
	return p ? to[p - from] : -1;
}

/*
 * Decodes the escape at s[0] == '\\' into sb; returns the bytes used.
 * An unknown or short escape is kept as written.
 */
static size_t
decode_escape(struct strbuf *sb, const char *s, size_t n)
{
	static const char hexlen[][2] = { { 'x', 2 }, { 'u', 4 }, { 'U', 8 } };
	if (n < 2) {
		strbuf_addch(sb, '\\');
		return 1;
	}
	int32_t cp = simple_escape(s[1]);
	if (cp >= 0) {
		utf8_encode(sb, cp);
		return 2;
	}
	for (size_t k = 0; k < 3; k++) {
		if (s[1] != hexlen[k][0])
			continue;
		size_t d = (size_t)hexlen[k][1];
		cp = hex_escape(s + 2, n - 2, d);
		if (cp < 0)
			break;
		utf8_encode(sb, cp);
		return 2 + d;
	}
	strbuf_add(sb, s, 2);
	return 2;
}

/* The value of the quoted scalar s[0..q), quotes included, in the arena. */
static char *
unquote(struct arena *a, const char *s, size_t q)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	const char *in = s + 1;
	size_t n = q - 2;
	for (size_t i = 0; i < n;) {
		if (s[0] == '"' && in[i] == '\\') {
			i += decode_escape(&sb, in + i, n - i);
		} else {
			if (s[0] == '\'' && in[i] == '\'' && i + 1 < n)
				i++; /* '' stands for one quote */
			strbuf_addch(&sb, in[i++]);
		}
	}
	char *r = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

/* The length of a plain scalar: a " #" starts a comment, as in YAML. */
static size_t
plain_len(const char *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (v[i] == '#' && ascii_is_blank(v[i - 1])) {
			n = i;
			break;
		}
	}
	return rtrim_len(v, n);
}

static char *
plain(struct arena *a, const char *v, size_t n)
{
	return arena_strndup(a, v, plain_len(v, n));
}

static struct help_extent
fm_extent(const struct fm_state *st, const char *s, size_t n)
{
	uint32_t at = (uint32_t)(s - st->base);
	return (struct help_extent){ at, at + (uint32_t)n };
}

static void
warn_line(struct fm_state *st, const struct fm_line *ln, size_t col)
{
	diag_report(st->dx, DIAG_FRONTMATTER_LINE, ln->no, (uint32_t)col + 1);
}

/*
 * A quoted value; text after the closing quote (other than a comment)
 * or a missing closing quote is reported and the value kept as written.
 */
static const char *
read_quoted(struct fm_state *st, const char *v, size_t n,
	    const struct fm_line *ln)
{
	size_t q = quoted_len(v, n);
	size_t rest = q ? ascii_skip_blanks(v, n, q) : 0;
	st->vlen = n;
	if (q && (rest == n || (rest > q && v[rest] == '#'))) {
		st->vlen = q;
		return unquote(st->a, v, q);
	}
	const char *raw = arena_strndup(st->a, v, n);
	diag_report(st->dx, DIAG_FRONTMATTER_QUOTE, ln->no,
		    (uint32_t)(v - ln->s) + 1, raw);
	return raw;
}

/* One item of a flow list at v[*i]; false if it is not readable. */
static bool
flow_item(struct arena *a, const char *v, size_t n, size_t *i,
	  const char **items, size_t *cnt)
{
	size_t start = *i;
	if (v[start] == '"' || v[start] == '\'') {
		size_t q = quoted_len(v + start, n - start);
		if (q == 0)
			return false;
		items[(*cnt)++] = unquote(a, v + start, q);
		*i = start + q;
		return true;
	}
	size_t j = start;
	for (; j < n && v[j] != ',' && v[j] != ']'; j++)
		if (v[j] == '[' || v[j] == '{')
			return false; /* nested collections */
	size_t m = rtrim_len(v + start, j - start);
	if (m)
		items[(*cnt)++] = arena_strndup(a, v + start, m);
	*i = j;
	return true;
}

/* `[a, b, "c"]`: items split on commas outside quotes. */
static enum fm_value
read_flow(struct fm_state *st, struct help_fm_entry *e, const char *v, size_t n)
{
	size_t commas = 0, cnt = 0, i = 1;
	for (size_t k = 0; k < n; k++)
		commas += v[k] == ',';
	const char **items = arena_array(st->a, commas + 1, sizeof(*items));
	for (;;) {
		i = ascii_skip_blanks(v, n, i);
		if (i < n && v[i] == ']')
			break;
		if (i >= n || !flow_item(st->a, v, n, &i, items, &cnt))
			return FM_BAD;
		i = ascii_skip_blanks(v, n, i);
		if (i < n && v[i] == ']')
			break;
		if (i >= n || v[i] != ',')
			return FM_BAD;
		i++;
	}
	st->vlen = i + 1;
	i = ascii_skip_blanks(v, n, i + 1);
	if (i < n && v[i] != '#')
		return FM_BAD;
	e->items = items;
	e->nitems = cnt;
	return FM_FLOW;
}

static enum fm_value
read_value(struct fm_state *st, struct help_fm_entry *e, const char *v,
	   size_t n, const struct fm_line *ln)
{
	st->vlen = 0;
	if (n == 0 || v[0] == '#')
		return FM_BLOCK; /* `key:` opens a block list */
	switch (v[0]) {
	case '[':
		return read_flow(st, e, v, n);
	case '{':
		return FM_BAD; /* nested map */
	case '"':
	case '\'':
		e->value = read_quoted(st, v, n, ln);
		return FM_SCALAR;
	default:
		st->vlen = plain_len(v, n);
		e->value = plain(st->a, v, n);
		return FM_SCALAR;
	}
}

/* Moves the items of the open block list into the arena. */
static void
close_list(struct fm_state *st)
{
	if (!st->list_open)
		return;
	struct help_fm_entry *e = &st->v[st->n - 1];
	if (st->nitems) {
		e->items = arena_array(st->a, st->nitems, sizeof(*e->items));
		memcpy(e->items, st->items, st->nitems * sizeof(*e->items));
		e->nitems = st->nitems;
	}
	st->nitems = 0;
	st->list_open = false;
}

static const char *
key_dup(struct arena *a, const char *k, size_t n)
{
	if ((k[0] == '"' || k[0] == '\'') && quoted_len(k, n) == n)
		return unquote(a, k, n);
	return arena_strndup(a, k, n);
}

/* A `key: value` line at column 1. */
static void
add_entry(struct fm_state *st, const struct fm_line *ln)
{
	size_t k = find_sep(ln->s, ln->len);
	size_t klen = rtrim_len(ln->s, k);
	if (k == ln->len || klen == 0) {
		warn_line(st, ln, 0);
		return;
	}
	size_t vi = ascii_skip_blanks(ln->s, ln->len, k + 1);
	const char *v = ln->s + vi;
	size_t vn = rtrim_len(v, ln->len - vi);
	struct help_fm_entry e = { .pos = { ln->no, 1 } };
	e.key = key_dup(st->a, ln->s, klen);
	enum fm_value r = read_value(st, &e, v, vn, ln);
	if (r == FM_BAD) {
		warn_line(st, ln, vi);
		return;
	}
	e.ext = fm_extent(st, ln->s, rtrim_len(ln->s, ln->len));
	e.key_ext = fm_extent(st, ln->s, klen);
	/* `key:` alone: empty at the line's end until items extend it */
	e.value_ext = r == FM_BLOCK
			      ? (struct help_extent){ e.ext.end, e.ext.end }
			      : fm_extent(st, v, st->vlen);
	st->v = xgrow(st->v, &st->cap, st->n + 1, sizeof(*st->v));
	st->v[st->n++] = e;
	st->list_open = r == FM_BLOCK;
}

/* A `- item` line whose dash is at ln->s[i]. */
static void
add_item(struct fm_state *st, const struct fm_line *ln, size_t i)
{
	size_t vi = ascii_skip_blanks(ln->s, ln->len, i + 1);
	const char *v = ln->s + vi;
	size_t vn = rtrim_len(v, ln->len - vi);
	const char *item;
	if (!st->list_open) {
		warn_line(st, ln, i);
		return;
	}
	if (vn == 0 || v[0] == '#')
		item = arena_strdup(st->a, "");
	else if (v[0] == '"' || v[0] == '\'')
		item = read_quoted(st, v, vn, ln);
	else if (v[0] == '[' || v[0] == '{' || find_sep(v, vn) < vn) {
		warn_line(st, ln, vi); /* nested list or map */
		return;
	} else
		item = plain(st->a, v, vn);
	struct help_fm_entry *e = &st->v[st->n - 1];
	struct help_extent line =
		fm_extent(st, ln->s, rtrim_len(ln->s, ln->len));
	if (st->nitems == 0)
		e->value_ext.start = fm_extent(st, ln->s, 0).start;
	e->value_ext.end = e->ext.end = line.end;
	st->items =
		xgrow(st->items, &st->icap, st->nitems + 1, sizeof(*st->items));
	st->items[st->nitems++] = item;
}

static void
parse_line(struct fm_state *st, const struct fm_line *ln)
{
	size_t i = ascii_skip_blanks(ln->s, ln->len, 0);
	if (i == ln->len || ln->s[i] == '#')
		return; /* blank lines and comments keep a list open */
	if (ln->s[i] == '-' &&
	    (i + 1 == ln->len || ascii_is_blank(ln->s[i + 1]))) {
		add_item(st, ln, i);
		return;
	}
	close_list(st);
	if (i > 0)
		warn_line(st, ln, i); /* indented junk or a nested map */
	else
		add_entry(st, ln);
}

/* ---------- through libyaml ---------- */

/*
 * Bytes of the line break at buf[at], 0 if none.  These are libyaml's
 * breaks (CR alone, NEL, LS and PS too), so the tree's lines.
 */
static size_t
break_at(const char *buf, size_t len, size_t at)
{
	size_t n = len - at;
	if (buf[at] == '\n' || buf[at] == '\r')
		return 1;
	if (n >= 2 && memcmp(buf + at, "\xc2\x85", 2) == 0)
		return 2;
	if (n >= 3 && (memcmp(buf + at, "\xe2\x80\xa8", 3) == 0 ||
		       memcmp(buf + at, "\xe2\x80\xa9", 3) == 0))
		return 3;
	return 0;
}

/* Bytes of the line break that ends just before buf[at], 0 if none. */
static size_t
break_before(const char *buf, size_t at)
{
	for (size_t k = 1; k <= 3 && k <= at; k++)
		if (break_at(buf, at, at - k) == k)
			return k;
	return 0;
}

/* The end of the line holding offset at, blanks dropped. */
static uint32_t
line_end(const char *buf, size_t len, uint32_t at)
{
	size_t e = at;
	while (e < len && break_at(buf, len, e) == 0)
		e++;
	while (e > at && ascii_is_blank(buf[e - 1]))
		e--;
	return (uint32_t)e;
}

static uint32_t
line_start(const char *buf, uint32_t at)
{
	while (at > 0 && break_before(buf, at) == 0)
		at--;
	return at;
}

/* Scalars, and lists of scalars, are all front matter holds. */
static bool
simple_value(const struct platyps_yaml_node *v)
{
	if (v->kind == PY_MAPPING)
		return false;
	for (size_t i = 0; v->kind == PY_SEQUENCE && i < v->n; i++)
		if (v->items[i]->kind != PY_SCALAR)
			return false;
	return true;
}

static bool
simple_map(const struct platyps_yaml_node *root)
{
	if (root->kind != PY_MAPPING)
		return false;
	for (size_t i = 0; 2 * i + 1 < root->n; i++)
		if (root->items[2 * i]->kind != PY_SCALAR ||
		    root->items[2 * i]->col != 1 ||
		    !simple_value(root->items[2 * i + 1]))
			return false;
	return true;
}

/* One entry from a key and its value; offsets are of buf (block at off). */
static struct help_fm_entry
tree_entry(struct fm_state *st, const char *buf, size_t len, uint32_t off,
	   uint32_t first, const struct platyps_yaml_node *k,
	   const struct platyps_yaml_node *v)
{
	struct help_fm_entry e = { .pos = { first + k->line - 1, k->col } };
	e.key = arena_strndup(st->a, k->value, k->len);
	e.key_ext = (struct help_extent){ off + k->start, off + k->end };
	bool block_list = v->kind == PY_SEQUENCE && buf[off + v->start] == '-';
	uint32_t vend = off + v->end;
	if (block_list && v->n)
		vend = off + v->items[v->n - 1]->end;
	/* a block scalar (| or >) ends after its last line end: at the
	 * next key's line, which is not part of it */
	size_t b;
	while (vend > off + v->start && (b = break_before(buf, vend)) != 0)
		vend -= (uint32_t)b;
	/* a sequence, flow ones too, may end lines below its key */
	e.ext = (struct help_extent){
		e.key_ext.start,
		line_end(buf, len, v->kind == PY_SEQUENCE ? vend : off + k->end)
	};
	if (v->kind == PY_SCALAR && !(v->plain && v->len == 0)) {
		e.value = arena_strndup(st->a, v->value, v->len);
		e.value_ext = (struct help_extent){ off + v->start, vend };
		e.ext.end = line_end(buf, len, vend);
		return e;
	}
	if (v->kind == PY_SEQUENCE && v->n) {
		e.items = arena_array(st->a, v->n, sizeof(*e.items));
		for (size_t i = 0; i < v->n; i++)
			e.items[i] = arena_strndup(st->a, v->items[i]->value,
						   v->items[i]->len);
		e.nitems = v->n;
	}
	if (block_list)
		e.value_ext =
			(struct help_extent){ line_start(buf, off + v->start),
					      e.ext.end };
	else if (v->kind == PY_SEQUENCE)
		e.value_ext = (struct help_extent){ off + v->start, vend };
	else
		e.value_ext = (struct help_extent){ e.ext.end, e.ext.end };
	return e;
}

/*
 * Reads the block with libyaml; false (after reporting what libyaml
 * said, if it failed) when the lines must be read one by one.
 */
static bool
parse_tree(struct fm_state *st, const char *buf, size_t len, uint32_t off,
	   size_t blen, uint32_t first, struct frontmatter *fm)
{
	struct platyps_yaml_node *root;
	struct platyps_yaml_error err;
	if (!platyps_yaml_load(st->a, buf + off, blen, &root, &err)) {
		diag_report(st->dx,
			    err.unsupported ? DIAG_YAML_UNSUPPORTED
					    : DIAG_YAML_SYNTAX,
			    first + err.line - 1, err.col, err.message);
		return false;
	}
	if (!root)
		return true;
	if (!simple_map(root))
		return false;
	size_t n = root->n / 2;
	fm->entries = arena_array(st->a, n ? n : 1, sizeof(*fm->entries));
	for (size_t i = 0; i < n; i++)
		fm->entries[i] =
			tree_entry(st, buf, len, off, first, root->items[2 * i],
				   root->items[2 * i + 1]);
	fm->n = n;
	return true;
}

/* Reads the lines of buf[0..len), the first of which is line `first`. */
static void
parse_block(struct fm_state *st, const char *buf, size_t len, uint32_t first,
	    struct frontmatter *fm)
{
	struct fm_line ln = { .no = first - 1 };
	size_t off = 0;
	while (next_line(buf, len, &off, &ln))
		parse_line(st, &ln);
	close_list(st);
	if (st->n) {
		fm->entries = arena_array(st->a, st->n, sizeof(*fm->entries));
		memcpy(fm->entries, st->v, st->n * sizeof(*fm->entries));
		fm->n = st->n;
	}
	free(st->v);
	free(st->items);
}

int
frontmatter_parse(struct arena *a, const char *buf, size_t len,
		  struct frontmatter *fm, struct diag_ctx *dx)
{
	struct fm_line ln = { 0 };
	size_t off = 0;
	*fm = (struct frontmatter){ .body_line = 1 };
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (!next_line(buf, len, &off, &ln) || !is_marker(&ln, "---"))
		return 0;
	size_t start = off;
	bool closed = false;
	while (!closed && next_line(buf, len, &off, &ln))
		closed = is_marker(&ln, "---") || is_marker(&ln, "...");
	if (!closed) {
		diag_report(dx, DIAG_FRONTMATTER_UNCLOSED, 1, 1);
		return -1;
	}
	struct fm_state st = { .a = a, .dx = dx, .base = buf };
	size_t blen = (size_t)(ln.s - buf) - start;
	if (!parse_tree(&st, buf, len, (uint32_t)start, blen, 2, fm))
		parse_block(&st, buf + start, blen, 2, fm);
	fm->body_offset = off;
	fm->body_line = ln.no + 1;
	return 0;
}

/* ASCII-only case-insensitive equality; keys are never localized. */
static bool
key_equal(const char *x, const char *y)
{
	for (;; x++, y++) {
		unsigned char c = (unsigned char)*x, d = (unsigned char)*y;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (d >= 'A' && d <= 'Z')
			d += 'a' - 'A';
		if (c != d)
			return false;
		if (c == '\0')
			return true;
	}
}

const struct help_fm_entry *
frontmatter_find(const struct frontmatter *fm, const char *key)
{
	if (fm == NULL || key == NULL)
		return NULL;
	for (size_t i = 0; i < fm->n; i++)
		if (key_equal(fm->entries[i].key, key))
			return &fm->entries[i];
	return NULL;
}

const char *
frontmatter_get(const struct frontmatter *fm, const char *key)
{
	const struct help_fm_entry *e = frontmatter_find(fm, key);
	return e ? e->value : NULL;
}
