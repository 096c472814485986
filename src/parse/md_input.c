/* SPDX-License-Identifier: MIT */
/*
 * Checks on the raw page before cmark reads it: its size, NUL bytes and
 * UTF-8, and the shapes that would send cmark-gfm down a slow path.
 */
#include "md_internal.h"

#include <string.h>

#include "utf8.h"

/* ---------- input checks ---------- */

static struct help_pos
pos_at(const char *buf, size_t off)
{
	struct help_pos p = { 1, 1 };
	const char *s = buf, *end = buf + off, *nl;
	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		p.line++;
		s = nl + 1;
	}
	p.col = (uint32_t)(end - s) + 1;
	return p;
}

bool
md_input_ok(const char *buf, size_t len, size_t max, struct diag_ctx *dx)
{
	if (len > max) {
		diag_report(dx, DIAG_INPUT_TOO_LARGE, 0, 0, max);
		return false;
	}
	const char *nul = len ? memchr(buf, '\0', len) : NULL;
	size_t bad = utf8_first_invalid(buf, len);
	if (nul && (size_t)(nul - buf) <= bad) {
		struct help_pos p = pos_at(buf, (size_t)(nul - buf));
		diag_report(dx, DIAG_NUL_BYTE, p.line, p.col);
		return false;
	}
	if (bad < len) {
		struct help_pos p = pos_at(buf, bad);
		diag_report(dx, DIAG_UTF8_INVALID, p.line, p.col);
		return false;
	}
	return true;
}

/* ---------- guard against the parser's slow paths ---------- */

/*
 * cmark-gfm 0.29.0.gfm.6 spends quadratic time on a few inputs (fixed
 * upstream later): table rows with many cells, delimiter rows under long
 * paragraphs, tables padded out to a wide header, and unterminated
 * inline `<?`, `<!` or `![` openers.  One pass over the raw lines bounds
 * that work from above, per run of non-blank lines (no paragraph, table
 * or bracket stack crosses a blank line).  It decides nothing about the
 * page's structure.
 */
struct guard {
	uint64_t table_work, table_cells, html_work, image_work;
	uint64_t r_bytes, r_pipes, r_cols, r_html, r_image, r_close;
};

uint64_t
md_count_byte(const char *s, size_t n, char c)
{
	uint64_t k = 0;
	for (const char *end = s + n; (s = memchr(s, c, (size_t)(end - s)));
	     s++)
		k++;
	return k;
}

static void
guard_end_run(struct guard *g)
{
	g->html_work += g->r_html * g->r_bytes;
	g->image_work += g->r_image * g->r_close;
	g->r_bytes = g->r_pipes = g->r_cols = 0;
	g->r_html = g->r_image = g->r_close = 0;
}

/* What the cost model needs to know about a byte; 0 for any other. */
enum guard_class {
	G_OTHER = 0,
	G_DASH,
	G_PIPE,
	G_NEUTRAL, /* blanks, '>' and ':': neither text nor table syntax */
	G_LT,
	G_BANG,
	G_CLOSE
};

static const unsigned char guard_classes[256] = {
	['-'] = G_DASH,	    ['|'] = G_PIPE,    [' '] = G_NEUTRAL,
	['\t'] = G_NEUTRAL, ['\r'] = G_NEUTRAL, ['>'] = G_NEUTRAL,
	[':'] = G_NEUTRAL,  ['<'] = G_LT,      ['!'] = G_BANG,
	[']'] = G_CLOSE,
};

/* The counts of one line. */
struct guard_counts {
	bool dash, other;
	uint64_t pipes, html, image, close;
};

/* Byte i of line u[0..n): counted; what it says of the line noted. */
static void
guard_byte(struct guard_counts *k, const unsigned char *u, size_t i, size_t n)
{
	unsigned char next = i + 1 < n ? u[i + 1] : 0;
	switch (guard_classes[u[i]]) {
	case G_OTHER:
		k->other = true;
		break;
	case G_DASH:
		k->dash = true;
		break;
	case G_PIPE:
		k->pipes++;
		break;
	case G_LT:
		k->html += next == '?' || next == '!';
		k->other = true;
		break;
	case G_BANG:
		k->image += next == '[';
		k->other = true;
		break;
	case G_CLOSE:
		k->close++;
		k->other = true;
		break;
	default:
		break;
	}
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* Non-zero if a byte of w is c. */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);
	return (x - ONES) & ~x & HIGH;
}

/* One pass over a line: everything the cost model needs from it. */
static void
guard_line(struct guard *g, const char *s, size_t n)
{
	struct guard_counts k = { 0 };
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n && !k.other)
		guard_byte(&k, u, i++, n);
	/* Text from here on: only the bytes that are counted matter, and
	 * prose has few of them, so eight bytes at a time. */
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, u + i, 8);
		if (has_byte(w, '|') | has_byte(w, '<') | has_byte(w, '!') |
		    has_byte(w, ']'))
			for (size_t j = i; j < i + 8; j++)
				guard_byte(&k, u, j, n);
		i += 8;
	}
	while (i < n)
		guard_byte(&k, u, i++, n);
	bool dash = k.dash, other = k.other;
	uint64_t pipes = k.pipes, html = k.html, image = k.image,
		 close = k.close;
	/* Only spaces, '>' and ':': the paragraph run ends.  Only those
	 * and the delimiter-row alphabet: a table can start here. */
	if (!dash && !pipes && !other) {
		guard_end_run(g);
		return;
	}
	if (dash && pipes && !other) {
		/* the paragraph above is re-read as a header row */
		g->table_work += g->r_pipes * g->r_pipes + g->r_bytes;
		if (pipes + 1 > g->r_cols)
			g->r_cols = pipes + 1;
	}
	if (g->r_cols) {
		g->table_work += pipes * pipes;
		g->table_cells += g->r_cols;
	}
	g->r_pipes += pipes;
	g->r_bytes += n;
	g->r_html += html;
	g->r_image += image;
	g->r_close += close;
}

/*
 * Returns false (after reporting) for a page that would take too long;
 * *tables says whether the table extension can be used.
 */
bool
md_guard_input(const char *s, size_t len, bool *tables, struct diag_ctx *dx)
{
	struct guard g = { 0 };
	uint64_t budget = 16 * (uint64_t)len + ((uint64_t)1 << 24);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
		guard_line(&g, s + i, n);
		i += n + 1;
	}
	guard_end_run(&g);
	*tables = g.table_work <= budget && g.table_cells <= len + (1u << 20);
	const char *what = NULL;
	if (g.html_work > budget)
		what = "<!";
	else if (g.image_work > budget)
		what = "![";
	if (what)
		diag_report(dx, DIAG_INPUT_TOO_COMPLEX, 0, 0, what);
	return what == NULL;
}
