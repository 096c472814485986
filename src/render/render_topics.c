/* SPDX-License-Identifier: MIT */
/*
 * The table of topics shown when a name matches several: Name,
 * Category, Module, Synopsis.
 */
#include "render_text.h"

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
	if (textwrap_width(s, len) <= w) {
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

static void
add_padded(struct strbuf *out, const struct strbuf *cell, size_t w)
{
	size_t cw = textwrap_width(cell->buf, cell->len);
	strbuf_add(out, cell->buf, cell->len);
	strbuf_addchars(out, ' ', cw < w ? w - cw : 0);
}

/* Adds one table line: three padded columns, then the synopsis. */
static void
add_topic_line(struct strbuf *out, struct strbuf *cells, const size_t *w,
	       size_t width)
{
	size_t used = 0;
	for (int c = 0; c < TT_SYNOPSIS; c++) {
		add_padded(out, &cells[c], w[c]);
		strbuf_addch(out, ' ');
		used += w[c] + 1;
	}
	struct strbuf *syn = &cells[TT_SYNOPSIS];
	if (width == 0)
		strbuf_add(out, syn->buf, syn->len);
	else
		add_cut(out, syn->buf, syn->len,
			width > used ? width - used : 1);
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
	strbuf_addch(out, '\n');
	topic_headers(cells, dashes);
	add_topic_line(out, cells, w, width);
	add_topic_line(out, dashes, w, width);
	for (size_t i = 0; i < n; i++) {
		topic_cells(cells, &rows[i]);
		add_topic_line(out, cells, w, width);
	}
	strbuf_addch(out, '\n');
	for (int c = 0; c < TT__COUNT; c++) {
		strbuf_release(&cells[c]);
		strbuf_release(&dashes[c]);
	}
}
