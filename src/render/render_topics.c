/* SPDX-License-Identifier: MIT */
/*
 * The table of topics shown when a name matches several: Name,
 * Category, Module, Synopsis.
 */
#include "render_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "textwrap.h"
#include "utf8.h"

enum { TT_NAME, TT_CATEGORY, TT_MODULE, TT_SYNOPSIS, TT__COUNT };

/* A table cell: safe, on one line, tabs as spaces. */
static void
cell_text(struct strbuf *sb, const char *s)
{
	strbuf_reset(sb);
	if (!s)
		return;
	for (const char *p = s; *p; p++) {
		size_t n = strcspn(p, "\t\r\n");
		utf8_neutralize(sb, p, n, false);
		p += n;
		if (!*p)
			break;
		strbuf_addch(sb, ' ');
	}
}

/* Appends s cut to w cells, ending in "…" when it was cut. */
static void
add_cut(struct strbuf *out, const char *s, size_t len, size_t w)
{
	if (textwrap_fits(s, len, w)) {
		strbuf_add(out, s, len);
		return;
	}
	size_t used = 0, i = 0;
	while (i < len && w > 0) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t cw = textwrap_width(s + i, n);
		if (used + cw > w - 1)
			break;
		used += cw;
		i += n;
	}
	while (i > 0 && s[i - 1] == ' ')
		i--; /* "Describes…", not "Describes …" */
	strbuf_add(out, s, i);
	if (w > 0)
		strbuf_addstr(out, "\u2026");
}

/* Appends cell cut to w cells, padded to w unless it is the last. */
static void
add_column(struct strbuf *out, const struct strbuf *cell, size_t w, bool last)
{
	size_t start = out->len;
	add_cut(out, cell->buf, cell->len, w);
	size_t cw = textwrap_width(out->buf + start, out->len - start);
	if (!last)
		strbuf_addchars(out, ' ', cw < w ? w - cw + 1 : 1);
}

/* Adds one table line: the columns shown, each in its width (0 for the
 * last column: as wide as its text). */
static void
add_topic_line(struct strbuf *out, struct strbuf *cells, const size_t *w,
	       int shown)
{
	for (int c = 0; c < shown; c++) {
		bool last = c == shown - 1;
		if (last && w[c] == 0)
			strbuf_add(out, cells[c].buf, cells[c].len);
		else
			add_column(out, &cells[c], w[c], last);
	}
	strbuf_rtrim(out);
	strbuf_addch(out, '\n');
}

static void
topic_cells(struct strbuf *cells, const struct render_topic_row *row)
{
	cell_text(&cells[TT_NAME], row->name);
	cell_text(&cells[TT_CATEGORY], row->category);
	cell_text(&cells[TT_MODULE], row->module);
	cell_text(&cells[TT_SYNOPSIS], row->synopsis);
}

static void
topic_headers(struct strbuf *cells, struct strbuf *dashes)
{
	/* TRANSLATORS: column headers of the list of matching topics. */
	const char *const h[TT__COUNT] = { _("Name"), _("Category"),
					   _("Module"), _("Synopsis") };
	for (int c = 0; c < TT__COUNT; c++) {
		cell_text(&cells[c], h[c]);
		strbuf_reset(&dashes[c]);
		strbuf_addchars(&dashes[c], '-',
				textwrap_width(cells[c].buf, cells[c].len));
	}
}

/* PowerShell's table of help topics caps Name, Category and Module at
 * these widths; the synopsis takes what is left of the line. */
static const size_t column_cap[TT_SYNOPSIS] = { 33, 9, 25 };
#define MIN_SYNOPSIS 8

/* The widths of the columns that fit in width (0: no limit, nothing is
 * capped), as PowerShell drops the columns a table has no room for;
 * returns how many are shown.  A last column of width 0 is uncut. */
static int
fit_columns(size_t *w, size_t width)
{
	if (width == 0)
		return TT__COUNT; /* w[TT_SYNOPSIS] is 0: uncut */
	for (int c = 0; c < TT_SYNOPSIS; c++)
		if (w[c] > column_cap[c])
			w[c] = column_cap[c];
	if (w[TT_NAME] >= width) {
		w[TT_NAME] = width;
		return 1;
	}
	size_t used = w[TT_NAME];
	int shown = 1;
	for (int c = TT_CATEGORY; c < TT_SYNOPSIS && used + 1 + w[c] <= width;
	     c++) {
		used += 1 + w[c];
		shown++;
	}
	if (shown == TT_SYNOPSIS && used + 1 + MIN_SYNOPSIS <= width) {
		w[TT_SYNOPSIS] = width - used - 1;
		shown++;
	}
	return shown;
}

void
render_topic_table(const struct render_topic_row *rows, size_t n, size_t width,
		   struct strbuf *out)
{
	struct strbuf cells[TT__COUNT], dashes[TT__COUNT];
	size_t w[TT__COUNT] = { 0 };
	for (int c = 0; c < TT__COUNT; c++) {
		strbuf_init(&cells[c]);
		strbuf_init(&dashes[c]);
	}
	/* Column widths: the headers first, then every row. */
	for (size_t i = 0; i <= n; i++) {
		if (i == 0)
			topic_headers(cells, dashes);
		else
			topic_cells(cells, &rows[i - 1]);
		for (int c = 0; c < TT_SYNOPSIS; c++) {
			size_t cw = textwrap_width(cells[c].buf, cells[c].len);
			w[c] = cw > w[c] ? cw : w[c];
		}
	}
	int shown = fit_columns(w, width);
	strbuf_addch(out, '\n');
	topic_headers(cells, dashes);
	add_topic_line(out, cells, w, shown);
	add_topic_line(out, dashes, w, shown);
	for (size_t i = 0; i < n; i++) {
		topic_cells(cells, &rows[i]);
		add_topic_line(out, cells, w, shown);
	}
	strbuf_addch(out, '\n');
	for (int c = 0; c < TT__COUNT; c++) {
		strbuf_release(&cells[c]);
		strbuf_release(&dashes[c]);
	}
}
