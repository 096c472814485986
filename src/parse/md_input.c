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
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
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

/* One pass over a line: everything the cost model needs from it. */
static void
guard_line(struct guard *g, const char *s, size_t n)
{
	bool dash = false, other = false;
	uint64_t pipes = 0, html = 0, image = 0, close = 0;
	for (size_t i = 0; i < n; i++) {
		char next = i + 1 < n ? s[i + 1] : '\0';
		switch (s[i]) {
		case '-':
			dash = true;
			break;
		case '|':
			pipes++;
			break;
		case ' ':
		case '\t':
		case '\r':
		case '>':
		case ':':
			break;
		case '<':
			html += next == '?' || next == '!';
			other = true;
			break;
		case '!':
			image += next == '[';
			other = true;
			break;
		case ']':
			close++;
			other = true;
			break;
		default:
			other = true;
			break;
		}
	}
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
