/* SPDX-License-Identifier: MIT */
/*
 * Byte extents of the page's pieces in doc->source.  cmark gives start
 * lines and byte columns we can trust, but end columns, inline columns
 * after a code span or soft break, and the ends of containers are not
 * reliable; so ends are found here from the bytes of the lines, and
 * inline links are located from cmark's hint, verified against the
 * source.  Nothing here allocates except the line table.
 */
#include "md_internal.h"

#include <stdlib.h>

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_eol(char c)
{
	return c == '\n' || c == '\r';
}

/* ---------- lines ---------- */

/* The first line end (LF, CR or CRLF) in [s, end), or NULL. */
static const char *
next_eol(const char *s, const char *end, bool cr)
{
	if (!cr)
		return memchr(s, '\n', (size_t)(end - s));
	for (; s < end; s++)
		if (is_eol(*s))
			return s;
	return NULL;
}

static void
add_line(struct mdp *m, size_t *cap, uint32_t off)
{
	m->line_start = xgrow(m->line_start, cap, m->nlines + 2,
			      sizeof(*m->line_start));
	m->line_start[m->nlines++] = off;
}

/* memchr does the work on the usual LF-only page. */
void
md_ext_lines_init(struct mdp *m)
{
	const char *src = m->doc->source, *s = m->body;
	const char *end = m->body + m->body_len;
	bool cr = memchr(s, '\r', m->body_len) != NULL;
	size_t cap = 0;

	m->line_start = NULL;
	m->nlines = 0;
	add_line(m, &cap, (uint32_t)(s - src));
	while ((s = next_eol(s, end, cr)) != NULL) {
		s += *s == '\r' && s + 1 < end && s[1] == '\n' ? 2 : 1;
		if (s >= end)
			break;
		add_line(m, &cap, (uint32_t)(s - src));
	}
	m->line_start[m->nlines] = (uint32_t)(end - src);
}

uint32_t
md_ext_line_start(const struct mdp *m, long line)
{
	if (line < 1)
		line = 1;
	if ((size_t)line > m->nlines)
		return m->line_start[m->nlines];
	return m->line_start[line - 1];
}

/* The end of the line's bytes, before its line end. */
uint32_t
md_ext_line_end(const struct mdp *m, long line)
{
	const char *src = m->doc->source;
	uint32_t s = md_ext_line_start(m, line);
	uint32_t e = md_ext_line_start(m, line + 1);
	if ((size_t)line > m->nlines)
		return e;
	while (e > s && is_eol(src[e - 1]))
		e--;
	return e;
}

/* The end of the line's bytes other than blanks. */
uint32_t
md_ext_line_trim(const struct mdp *m, long line)
{
	const char *src = m->doc->source;
	uint32_t s = md_ext_line_start(m, line), e = md_ext_line_end(m, line);
	while (e > s && is_blank(src[e - 1]))
		e--;
	return e;
}

/* Body line and 1-based byte column, kept inside the line. */
uint32_t
md_ext_at(const struct mdp *m, long line, long col)
{
	uint32_t s = md_ext_line_start(m, line), e = md_ext_line_end(m, line);
	if (col > 1 && (uint64_t)(col - 1) < (uint64_t)(e - s))
		return s + (uint32_t)(col - 1);
	return col > 1 ? e : s;
}

static struct help_extent
extent(uint32_t start, uint32_t end)
{
	return (struct help_extent){ start, end < start ? start : end };
}

/* ---------- headings ---------- */

static bool
is_underline(const char *s, uint32_t i, uint32_t e)
{
	while (i < e && (is_blank(s[i]) || s[i] == '>'))
		i++;
	char c = i < e ? s[i] : '\0';
	if (c != '=' && c != '-')
		return false;
	while (i < e && s[i] == c)
		i++;
	while (i < e && is_blank(s[i]))
		i++;
	return i == e;
}

/* ATX: `## text ##`; setext: text lines, then the underline. */
void
md_ext_heading(const struct mdp *m, uint32_t start, long line, long end_line,
	       struct help_extent *all, struct help_extent *text)
{
	const char *s = m->doc->source;
	uint32_t e = md_ext_line_trim(m, line);

	if (start < e && s[start] == '#') {
		uint32_t i = start;
		while (i < e && s[i] == '#')
			i++;
		while (i < e && is_blank(s[i]))
			i++;
		uint32_t j = e;
		while (j > i && s[j - 1] == '#')
			j--;
		if (j == i || is_blank(s[j - 1]))
			while (j > i && is_blank(s[j - 1]))
				j--;
		else
			j = e; /* `#` run glued to the text is text */
		*all = extent(start, e);
		*text = extent(i, j);
		return;
	}
	long under = line + 1;
	while (under <= end_line &&
	       !is_underline(s, md_ext_line_start(m, under),
			     md_ext_line_end(m, under)))
		under++;
	if (under > end_line) { /* no underline found: the lines as text */
		*all = *text = extent(start, md_ext_line_trim(m, end_line));
		return;
	}
	*text = extent(start, md_ext_line_trim(m, under - 1));
	*all = extent(start, md_ext_line_trim(m, under));
}

/* ---------- code blocks ---------- */

bool
md_ext_verbatim(const struct mdp *m, struct help_extent x, const char *text)
{
	size_t n = strlen(text);
	return x.end - x.start == n &&
	       memcmp(m->doc->source + x.start, text, n) == 0;
}

/* ---------- table rows ---------- */

/*
 * The cells of the row on body line `line`, starting at byte `col`: GFM
 * splits a row on every pipe not escaped by a backslash, code spans
 * included; a leading and a trailing pipe are optional.
 */
void
md_ext_table_row(const struct mdp *m, long line, long col,
		 struct help_extent *cells, size_t ncols)
{
	const char *s = m->doc->source;
	uint32_t i = md_ext_at(m, line, col), e = md_ext_line_trim(m, line);
	size_t c = 0;

	while (i < e && is_blank(s[i]))
		i++;
	if (i < e && s[i] == '|')
		i++;
	while (c < ncols && i < e) {
		uint32_t j = i;
		while (j < e && s[j] != '|')
			j += s[j] == '\\' && j + 1 < e ? 2 : 1;
		uint32_t a = i, b = j;
		while (a < b && is_blank(s[a]))
			a++;
		while (b > a && is_blank(s[b - 1]))
			b--;
		cells[c++] = extent(a, b);
		i = j + 1;
	}
	for (; c < ncols; c++)
		cells[c] = extent(e, e);
}

/* ---------- inline links ---------- */

/*
 * Past the code span whose backtick run starts at i, or past the run.
 * The bytes looked at are added to *work: scans that fail can repeat.
 */
static uint32_t
skip_code_span(const char *s, uint32_t i, uint32_t hi, uint64_t *work)
{
	uint32_t run = 0;
	while (i + run < hi && s[i + run] == '`')
		run++;
	for (uint32_t j = i + run; j < hi;) {
		if (s[j] != '`') {
			j++;
			continue;
		}
		uint32_t k = 0;
		while (j + k < hi && s[j + k] == '`')
			k++;
		if (k == run) {
			*work += j + k - i;
			return j + k;
		}
		j += k;
	}
	*work += hi - i;
	return i + run;
}

/* The ']' that closes the '[' at i, or hi. */
static uint32_t
close_bracket(const char *s, uint32_t i, uint32_t hi, uint64_t *work)
{
	uint32_t from = i;
	int depth = 0;
	while (i < hi) {
		char c = s[i];
		if (c == '\\' && i + 1 < hi) {
			i += 2;
		} else if (c == '`') {
			i = skip_code_span(s, i, hi, work);
		} else {
			depth += c == '[' ? 1 : c == ']' ? -1 : 0;
			if (depth == 0)
				break;
			i++;
		}
	}
	*work += i - from;
	return i < hi ? i : hi;
}

static uint32_t
skip_space(const char *s, uint32_t i, uint32_t hi)
{
	while (i < hi && (is_blank(s[i]) || is_eol(s[i])))
		i++;
	return i;
}

/* `(dest "title")` at i; false if it is not one. */
static bool
inline_tail(const char *s, uint32_t i, uint32_t hi, struct help_extent *all_end,
	    struct help_extent *dest)
{
	i = skip_space(s, i + 1, hi);
	uint32_t d = i;
	if (i < hi && s[i] == '<') {
		while (++i < hi && s[i] != '>' && !is_eol(s[i]))
			i += s[i] == '\\';
		if (i >= hi || s[i] != '>')
			return false;
		*dest = extent(d + 1, i++);
	} else {
		int depth = 0;
		while (i < hi && !is_blank(s[i]) && !is_eol(s[i])) {
			if (s[i] == ')' && depth-- == 0)
				break;
			depth += s[i] == '(';
			i += s[i] == '\\' && i + 1 < hi ? 2 : 1;
		}
		*dest = extent(d, i);
	}
	i = skip_space(s, i, hi);
	if (i < hi && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) {
		char q = s[i] == '(' ? ')' : s[i];
		while (++i < hi && s[i] != q)
			i += s[i] == '\\';
		i = skip_space(s, i + 1, hi);
	}
	if (i >= hi || s[i] != ')')
		return false;
	all_end->end = i + 1;
	return true;
}

/* A link of any form starting at i, within [i, hi). */
static bool
link_at(const char *s, uint32_t i, uint32_t hi, uint64_t *work,
	struct help_extent *all, struct help_extent *target)
{
	if (s[i] == '<') {
		uint32_t j = i + 1;
		while (j < hi && s[j] != '>' && s[j] != '<' &&
		       !is_blank(s[j]) && !is_eol(s[j]))
			j++;
		if (j >= hi || s[j] != '>' || j == i + 1)
			return false;
		*all = extent(i, j + 1);
		*target = extent(i + 1, j);
		return true;
	}
	if (s[i] != '[')
		return false;
	uint32_t q = close_bracket(s, i, hi, work);
	if (q >= hi)
		return false;
	all->start = i;
	if (q + 1 < hi && s[q + 1] == '(' &&
	    inline_tail(s, q + 1, hi, all, target))
		return true;
	if (q + 1 < hi && s[q + 1] == '[') {
		uint32_t t = q + 2;
		while (t < hi && s[t] != ']')
			t += s[t] == '\\' ? 2 : 1;
		if (t < hi) {
			*all = extent(i, t + 1);
			*target = t == q + 2 ? extent(i + 1, q)
					     : extent(q + 2, t);
			return true;
		}
	}
	*all = extent(i, q + 1);
	*target = extent(i + 1, q);
	return true;
}

/* Whether the destination as written can be the url cmark made of it. */
static bool
target_fits(const char *s, struct help_extent t, const char *url, char kind)
{
	size_t n = t.end - t.start, un = strlen(url);
	if (kind == '[' && s[t.end] == ']' && s[t.start - 1] == '[')
		return true; /* a label: the url is in its definition */
	if (memchr(s + t.start, '\\', n) || memchr(s + t.start, '&', n))
		return true; /* escapes and entities: cannot compare cheaply */
	if (un >= n && memcmp(url + un - n, s + t.start, n) == 0)
		return un == n || strncmp(url, "mailto:", 7) == 0;
	return false;
}

static bool
try_link(struct mdp *m, uint32_t i, const char *url,
	 struct help_inline_link *out)
{
	const char *s = m->doc->source;
	struct help_extent all, target;
	if (i < m->link_from || i >= m->link_to ||
	    !link_at(s, i, m->link_to, &m->link_work, &all, &target) ||
	    !target_fits(s, target, url, s[i]))
		return false;
	out->ext = all;
	out->target_ext = target;
	return true;
}

/*
 * Finds the link node cmark put at (line, col) with destination url:
 * there if the bytes agree, else the next link in the block that fits.
 * A link it cannot find gets an empty extent where the search began, as
 * do all links once a hostile page has used up the search's budget.
 */
void
md_ext_find_link(struct mdp *m, long line, long col, const char *url,
		 struct help_inline_link *out)
{
	const char *s = m->doc->source;
	uint64_t budget = 16 * (uint64_t)m->body_len + ((uint64_t)1 << 20);
	bool found = line > 0 && m->link_work <= budget &&
		     try_link(m, md_ext_at(m, line, col), url, out);
	for (uint32_t i = m->link_from;
	     !found && i < m->link_to && m->link_work <= budget;) {
		m->link_work++;
		if (s[i] == '\\') {
			i += 2;
		} else if (s[i] == '`') {
			i = skip_code_span(s, i, m->link_to, &m->link_work);
		} else if (s[i] == '!' && i + 1 < m->link_to &&
			   s[i + 1] == '[') {
			i += 2; /* an image, not a link */
		} else {
			found = try_link(m, i, url, out);
			i++;
		}
	}
	if (!found)
		out->ext = out->target_ext = extent(m->link_from, m->link_from);
	m->link_from = out->ext.end;
}
