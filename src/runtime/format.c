/* SPDX-License-Identifier: MIT */
/* Formatting of pipeline output (see format.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "rt_value.h"
#include "session.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Longest cell: keeps one huge value from widening a table without end. */
#define MAX_CELL 120

static void
add_text(struct strbuf *sb, const char *s)
{
	utf8_neutralize(sb, s, strlen(s), false);
}

/* Width in cells, counting code points (tables hold names, not CJK). */
static size_t
cells(const char *s, size_t len)
{
	size_t w = 0;

	for (size_t i = 0; i < len; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static bool
same_run(const struct rt_value *a, const struct rt_value *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind != RT_VAL_RECORD)
		return a->kind == RT_VAL_SESSION;
	const char *ta = a->u.record.type_name, *tb = b->u.record.type_name;
	/* CmdletInfo and AliasInfo share Get-Command's table. */
	if (ta && tb && strstr(ta, "Automation.") && strstr(tb, "Automation."))
		return true;
	return (ta == NULL) == (tb == NULL) && (!ta || strcmp(ta, tb) == 0);
}

static size_t
cell_width(const struct rt_value *v, const char *name)
{
	struct rt_value *p = rt_record_get(v, name);
	char *s = p ? rt_value_to_string(p) : NULL;
	struct strbuf sb = STRBUF_INIT;
	size_t w;

	strbuf_init(&sb);
	if (s)
		add_text(&sb, s);
	w = cells(sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
	free(s);
	return w > MAX_CELL ? MAX_CELL : w;
}

static void
add_cell(struct strbuf *sb, const char *text, size_t width, bool last)
{
	size_t start = sb->len, w;

	add_text(sb, text);
	w = cells(sb->buf + start, sb->len - start);
	if (!last && w < width)
		strbuf_addchars(sb, ' ', width - w);
}

/* A table of the first record's properties over records v[0, n). */
static void
record_table(struct strbuf *sb, struct rt_value *const *v, size_t n)
{
	const struct rt_value *first = v[0];
	size_t ncol = first->u.record.n;
	size_t *w = xcalloc(ncol ? ncol : 1, sizeof(*w));

	for (size_t c = 0; c < ncol; c++) {
		const char *name = first->u.record.props[c].name;
		w[c] = strlen(name);
		for (size_t i = 0; i < n; i++) {
			size_t cw = cell_width(v[i], name);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	strbuf_addch(sb, '\n');
	for (size_t c = 0; c < ncol; c++) {
		add_cell(sb, first->u.record.props[c].name, w[c] + 1,
			 c + 1 == ncol);
	}
	strbuf_rtrim(sb);
	strbuf_addch(sb, '\n');
	for (size_t c = 0; c < ncol; c++) {
		size_t l = strlen(first->u.record.props[c].name);
		strbuf_addchars(sb, '-', l);
		if (c + 1 < ncol)
			strbuf_addchars(sb, ' ', w[c] + 1 - l);
	}
	strbuf_addch(sb, '\n');
	for (size_t i = 0; i < n; i++) {
		size_t line = sb->len;
		for (size_t c = 0; c < ncol; c++) {
			struct rt_value *p = rt_record_get(
				v[i], first->u.record.props[c].name);
			char *s = p ? rt_value_to_string(p) : xstrdup("");
			add_cell(sb, s, w[c] + 1, c + 1 == ncol);
			free(s);
		}
		while (sb->len > line && sb->buf[sb->len - 1] == ' ')
			sb->len--;
		sb->buf[sb->len] = '\0';
		strbuf_addch(sb, '\n');
	}
	strbuf_addch(sb, '\n');
	free(w);
}

static void
session_table(struct strbuf *sb, struct rt_value *const *v, size_t n)
{
	struct rt_session **list = xcalloc(n, sizeof(*list));

	for (size_t i = 0; i < n; i++)
		list[i] = v[i]->u.session;
	strbuf_addch(sb, '\n');
	session_format_table(sb, list, n, SESSION_TABLE_PAGE);
	strbuf_addch(sb, '\n');
	free(list);
}

void
psh_format_values(struct strbuf *sb, struct rt_value *const *v, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i + 1;

		if (v[i]->kind == RT_VAL_SESSION || v[i]->kind == RT_VAL_RECORD)
			while (j < n && same_run(v[i], v[j]))
				j++;
		if (v[i]->kind == RT_VAL_SESSION) {
			session_table(sb, v + i, j - i);
		} else if (v[i]->kind == RT_VAL_RECORD && v[i]->u.record.n) {
			record_table(sb, v + i, j - i);
		} else if (v[i]->kind == RT_VAL_ARRAY) {
			psh_format_values(sb, v[i]->u.array.v, v[i]->u.array.n);
		} else if (v[i]->kind != RT_VAL_NULL) {
			char *s = rt_value_to_string(v[i]);
			utf8_neutralize(sb, s, strlen(s), true);
			strbuf_addch(sb, '\n');
			free(s);
		}
		i = j;
	}
}
