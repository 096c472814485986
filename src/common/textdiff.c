/* SPDX-License-Identifier: MIT */
/*
 * Line diff: the common head and tail are cut off first, so a small
 * change in a long page costs a table over the changed lines only.
 */
#include "textdiff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

struct lines {
	const char **v; /* line starts */
	size_t *len;	/* with the line end */
	size_t n;
};

static void
split_lines(struct lines *l, const char *s, size_t n)
{
	size_t cap = 16;
	l->v = xmalloc(cap * sizeof(*l->v));
	l->len = xmalloc(cap * sizeof(*l->len));
	l->n = 0;
	for (size_t i = 0; i < n;) {
		const char *lf = memchr(s + i, '\n', n - i);
		size_t end = lf ? (size_t)(lf - s) + 1 : n;
		if (l->n == cap) {
			cap *= 2;
			l->v = xrealloc(l->v, cap * sizeof(*l->v));
			l->len = xrealloc(l->len, cap * sizeof(*l->len));
		}
		l->v[l->n] = s + i;
		l->len[l->n++] = end - i;
		i = end;
	}
}

static bool
line_eq(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] &&
	       memcmp(a->v[i], b->v[j], a->len[i]) == 0;
}

/* One line of the edit script: ' ', '-' or '+', and its line. */
struct op {
	char kind;
	size_t a, b; /* line indexes before it (0-based) */
};

/* Larger changed regions are shown as all removed, then all added. */
#define DIFF_MAX_CELLS ((size_t)4 << 20)

/* The LCS script of a[lo_a, hi_a) against b[lo_b, hi_b). */
static size_t
middle_ops(struct op *ops, size_t k, const struct lines *a, size_t lo_a,
	   size_t hi_a, const struct lines *b, size_t lo_b, size_t hi_b)
{
	size_t na = hi_a - lo_a, nb = hi_b - lo_b;
	size_t i = 0, j = 0;

	if (na && nb && (na + 1) * (nb + 1) <= DIFF_MAX_CELLS) {
		uint32_t *t = xcalloc((na + 1) * (nb + 1), sizeof(*t));
#define T(x, y) t[(x) * (nb + 1) + (y)]
		for (size_t x = na; x-- > 0;)
			for (size_t y = nb; y-- > 0;)
				T(x, y) = line_eq(a, lo_a + x, b, lo_b + y)
						  ? T(x + 1, y + 1) + 1
					  : T(x + 1, y) >= T(x, y + 1)
						  ? T(x + 1, y)
						  : T(x, y + 1);
		while (i < na && j < nb) {
			if (line_eq(a, lo_a + i, b, lo_b + j)) {
				ops[k++] = (struct op){ ' ', lo_a + i++,
							lo_b + j++ };
			} else if (T(i + 1, j) >= T(i, j + 1)) {
				ops[k++] = (struct op){ '-', lo_a + i++,
							lo_b + j };
			} else {
				ops[k++] = (struct op){ '+', lo_a + i,
							lo_b + j++ };
			}
		}
#undef T
		free(t);
	}
	while (i < na)
		ops[k++] = (struct op){ '-', lo_a + i++, lo_b + j };
	while (j < nb)
		ops[k++] = (struct op){ '+', lo_a + i, lo_b + j++ };
	return k;
}

static void
add_line(struct strbuf *out, char kind, const char *s, size_t n)
{
	bool has_eol = n > 0 && s[n - 1] == '\n';
	if (has_eol)
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	strbuf_addch(out, kind);
	utf8_neutralize(out, s, n, false);
	strbuf_addch(out, '\n');
	if (!has_eol)
		strbuf_addstr(out, "\\ No newline at end of file\n");
}

/* "start,count" as diff -u writes it: ",1" left out, an empty range
 * named by the line before it. */
static void
hunk_range(struct strbuf *out, size_t before, size_t count)
{
	if (count == 1)
		strbuf_addf(out, "%zu", before + 1);
	else
		strbuf_addf(out, "%zu,%zu", count ? before + 1 : before, count);
}

struct printer {
	struct strbuf *out;
	const struct lines *a, *b;
	size_t max_changes, changes;
};

/* false once max_changes lines were shown (and "..." written). */
static bool
print_hunk(struct printer *p, const struct op *ops, size_t from, size_t to)
{
	size_t na = 0, nb = 0;
	for (size_t k = from; k < to; k++) {
		na += ops[k].kind != '+';
		nb += ops[k].kind != '-';
	}
	strbuf_addstr(p->out, "@@ -");
	hunk_range(p->out, ops[from].a, na);
	strbuf_addstr(p->out, " +");
	hunk_range(p->out, ops[from].b, nb);
	strbuf_addstr(p->out, " @@\n");
	for (size_t k = from; k < to; k++) {
		if (ops[k].kind != ' ' && p->max_changes &&
		    p->changes++ == p->max_changes) {
			strbuf_addstr(p->out, "...\n");
			return false;
		}
		if (ops[k].kind == '+')
			add_line(p->out, '+', p->b->v[ops[k].b],
				 p->b->len[ops[k].b]);
		else
			add_line(p->out, ops[k].kind, p->a->v[ops[k].a],
				 p->a->len[ops[k].a]);
	}
	return true;
}

#define DIFF_CONTEXT 3

static void
print_hunks(struct printer *p, const struct op *ops, size_t n)
{
	size_t k = 0;
	while (k < n) {
		while (k < n && ops[k].kind == ' ')
			k++;
		if (k == n)
			return;
		size_t from = k > DIFF_CONTEXT ? k - DIFF_CONTEXT : 0, to = k;
		/* extend while the next change is within 2 * context */
		for (;;) {
			while (to < n && ops[to].kind != ' ')
				to++;
			size_t gap = to;
			while (gap < n && ops[gap].kind == ' ' &&
			       gap - to <= 2 * DIFF_CONTEXT)
				gap++;
			if (gap < n && ops[gap].kind != ' ' &&
			    gap - to <= 2 * DIFF_CONTEXT) {
				to = gap;
				continue;
			}
			to = to + DIFF_CONTEXT < n ? to + DIFF_CONTEXT : n;
			break;
		}
		if (!print_hunk(p, ops, from, to))
			return;
		k = to;
	}
}

static void
add_name(struct strbuf *out, const char *mark, const char *name)
{
	strbuf_addstr(out, mark);
	utf8_neutralize(out, name, strlen(name), false);
	strbuf_addch(out, '\n');
}

bool
text_diff(struct strbuf *out, const char *a_text, size_t alen,
	  const char *b_text, size_t blen, const struct text_diff_options *opt)
{
	struct lines a, b;
	size_t pre = 0, suf = 0, k = 0;

	if (alen == blen && memcmp(a_text, b_text, alen) == 0)
		return false;
	split_lines(&a, a_text, alen);
	split_lines(&b, b_text, blen);
	while (pre < a.n && pre < b.n && line_eq(&a, pre, &b, pre))
		pre++;
	while (suf < a.n - pre && suf < b.n - pre &&
	       line_eq(&a, a.n - 1 - suf, &b, b.n - 1 - suf))
		suf++;
	struct op *ops = xcalloc(a.n + b.n + 1, sizeof(*ops));
	for (size_t i = 0; i < pre; i++)
		ops[k++] = (struct op){ ' ', i, i };
	k = middle_ops(ops, k, &a, pre, a.n - suf, &b, pre, b.n - suf);
	for (size_t i = 0; i < suf; i++)
		ops[k++] = (struct op){ ' ', a.n - suf + i, b.n - suf + i };
	add_name(out, "--- ", opt->a_name);
	add_name(out, "+++ ", opt->b_name);
	struct printer p = { out, &a, &b, opt->max_changes, 0 };
	print_hunks(&p, ops, k);
	free(ops);
	free(a.v);
	free(a.len);
	free(b.v);
	free(b.len);
	return true;
}
