/* SPDX-License-Identifier: MIT */
/*
 * Checks of one translation against its English: what must stay as it is
 * (code spans, link targets and URLs, command, type and parameter names,
 * the text of a link to a command) and the markdown a translator can
 * break (a code span glued to a word, emphasis left open).  The texts are
 * markdown, as msgid and msgstr hold them.
 */
#include "l10n_lint.h"
#include "l10n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

/* ---------- pieces of markdown text ---------- */

struct piece {
	const char *s;
	size_t n;
};

struct pieces {
	struct piece *v;
	size_t n, cap;
};

/*
 * Pieces of one text looked at: the comparisons are quadratic in them,
 * and real text has a few; a hostile catalog would have millions.
 */
#define MAX_PIECES 256

static void
push(struct pieces *p, const char *s, size_t n)
{
	if (p->n == MAX_PIECES)
		return;
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = (struct piece){ s, n };
}

/* The end of the code span opened by the backtick run at s, or NULL. */
static const char *
span_end(const char *s, size_t run, const char **content_end)
{
	for (const char *p = s + run; *p; p++) {
		if (*p != '`')
			continue;
		size_t k = strspn(p, "`");
		if (k == run) {
			*content_end = p;
			return p + k;
		}
		p += k - 1;
	}
	return NULL;
}

/* Code spans (their contents), and the text outside them in out_text. */
static void
code_spans(const char *s, struct pieces *spans, struct strbuf *out_text)
{
	while (*s) {
		if (*s != '`') {
			strbuf_addch(out_text, *s++);
			continue;
		}
		size_t run = strspn(s, "`");
		const char *cend, *end = span_end(s, run, &cend);
		if (end == NULL) {
			strbuf_add(out_text, s, run);
			s += run;
			continue;
		}
		push(spans, s + run, (size_t)(cend - s - run));
		strbuf_addch(out_text, ' ');
		s = end;
	}
}

/* Link destinations `](x)`, autolinks `<http...>` and bare URLs. */
static void
targets(const char *s, struct pieces *out)
{
	for (const char *p = s; *p; p++) {
		if (p[0] == ']' && p[1] == '(') {
			const char *close = strchr(p + 2, ')');
			if (close) {
				push(out, p + 2, (size_t)(close - p - 2));
				p = close;
			}
		} else if (strncmp(p, "http://", 7) == 0 ||
			   strncmp(p, "https://", 8) == 0) {
			bool in_link = p > s && (p[-1] == '(' || p[-1] == '<');
			size_t n = strcspn(p, " \t\n)>");
			while (n && strchr(".,;:", p[n - 1]))
				n--;
			if (!in_link)
				push(out, p, n);
			p += n ? n - 1 : 0;
		}
	}
}

/* Links: their text and destination ([text](dest)). */
struct link {
	struct piece text, dest;
};

static size_t
links(const char *s, struct link *v, size_t max)
{
	size_t n = 0;
	for (const char *p = s; *p && n < max; p++) {
		if (*p != '[')
			continue;
		const char *close = strchr(p + 1, ']');
		if (close == NULL || close[1] != '(')
			continue;
		const char *end = strchr(close + 2, ')');
		if (end == NULL)
			continue;
		v[n].text = (struct piece){ p + 1, (size_t)(close - p - 1) };
		v[n].dest = (struct piece){ close + 2,
					    (size_t)(end - close - 2) };
		n++;
		p = end;
	}
	return n;
}

static bool
same_piece(struct piece a, struct piece b)
{
	return a.n == b.n && memcmp(a.s, b.s, a.n) == 0;
}

/* The first piece of a that b lacks (as a multiset), or NULL. */
static const struct piece *
missing_from(const struct pieces *a, const struct pieces *b)
{
	bool *used = xcalloc(b->n + 1, sizeof(*used));
	const struct piece *r = NULL;
	for (size_t i = 0; i < a->n && !r; i++) {
		size_t k = 0;
		while (k < b->n && (used[k] || !same_piece(a->v[i], b->v[k])))
			k++;
		if (k == b->n)
			r = &a->v[i];
		else
			used[k] = true;
	}
	free(used);
	return r;
}

/* ---------- names ---------- */

static bool
is_word(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' ||
	       (unsigned char)c >= 0x80;
}

static bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * Names in English text that a translation must keep: Verb-Noun
 * commands, dotted .NET types (System.Management.Automation), and
 * parameters written in bold (**Count**) when known as parameters.
 */
static void
names(const char *text, const struct l10n_lint_names *known,
      struct pieces *out)
{
	for (const char *p = text; *p;) {
		if (!is_word(*p) || (p > text && is_word(p[-1]))) {
			p++;
			continue;
		}
		const char *q = p;
		size_t dashes = 0, dots = 0;
		while (is_word(*q) || ((*q == '-' || *q == '.') &&
				       is_word(q[1]))) {
			dashes += *q == '-';
			dots += *q == '.';
			q++;
		}
		const char *dash = dashes == 1 ? memchr(p, '-', (size_t)(q - p))
					       : NULL;
		/* Verb-Noun, both capitalized: "XML-based" is English */
		bool command = dash && dots == 0 && is_upper(*p) &&
			       is_upper(dash[1]);
		bool type = dots >= 2 && dashes == 0 && is_upper(*p);
		if (command || type)
			push(out, p, (size_t)(q - p));
		p = q;
	}
	for (const char *p = strstr(text, "**"); p; p = strstr(p + 2, "**")) {
		const char *e = strstr(p + 2, "**");
		if (e == NULL)
			break;
		size_t n = (size_t)(e - p - 2);
		for (size_t i = 0; known && i < known->n; i++)
			if (strlen(known->v[i]) == n &&
			    strncasecmp(known->v[i], p + 2, n) == 0) {
				push(out, p, n + 4); /* with its stars */
				break;
			}
		p = e;
	}
}

static bool
contains(const char *hay, struct piece needle)
{
	for (const char *p = hay; *p; p++)
		if (strncmp(p, needle.s, needle.n) == 0)
			return true;
	return false;
}

/* ---------- the checks ---------- */

static void
report(struct l10n_lint *l, enum diag_id id, const char *what)
{
	l->count[id]++;
	diag_report(l->dx, id, l->line, 1, what);
}

static char *
shown(struct piece p)
{
	return l10n_excerpt(p.s, p.n, 60);
}

static void
check_same(struct l10n_lint *l, const struct pieces *en,
	   const struct pieces *tr, enum diag_id id)
{
	const struct piece *m = missing_from(en, tr);
	if (m == NULL)
		m = missing_from(tr, en);
	if (m) {
		char *s = shown(*m);
		report(l, id, s);
		free(s);
	}
}

static bool
is_topic_dest(struct piece d, struct piece text)
{
	/* Verb-Noun.md, about_X.md, ../Module/X.md, xref:...X */
	const char *base = d.s;
	for (size_t i = 0; i < d.n; i++)
		if (d.s[i] == '/' || d.s[i] == '.' || d.s[i] == ':')
			if (i + 1 < d.n && d.s[i] != '.')
				base = d.s + i + 1;
	size_t n = (size_t)(d.s + d.n - base);
	if (n > 3 && strncmp(base + n - 3, ".md", 3) == 0)
		n -= 3;
	return n == text.n && strncasecmp(base, text.s, n) == 0;
}

static void
check_link_text(struct l10n_lint *l, const char *en, const char *tr)
{
	struct link a[64], b[64];
	size_t na = links(en, a, 64), nb = links(tr, b, 64);
	for (size_t i = 0; i < na; i++) {
		if (!is_topic_dest(a[i].dest, a[i].text))
			continue;
		for (size_t k = 0; k < nb; k++)
			if (same_piece(a[i].dest, b[k].dest) &&
			    !(a[i].text.n == b[k].text.n &&
			      strncasecmp(a[i].text.s, b[k].text.s,
					  a[i].text.n) == 0)) {
				char *s = shown(b[k].text);
				char *w = shown(a[i].text);
				l->count[DIAG_LINT_LINK_TEXT]++;
				diag_report(l->dx, DIAG_LINT_LINK_TEXT, l->line,
					    1, s, w);
				free(w);
				free(s);
			}
	}
}

static void
check_names(struct l10n_lint *l, const char *en_text, const char *tr_text)
{
	struct pieces en = { 0 };
	names(en_text, l->names, &en);
	for (size_t i = 0; i < en.n; i++)
		if (!contains(tr_text, en.v[i])) {
			char *s = shown(en.v[i]);
			report(l, DIAG_LINT_NAME, s);
			free(s);
		}
	free(en.v);
}

/* `x`word, word`x`, or `x` followed by a blank and punctuation. */
static void
check_spacing(struct l10n_lint *l, const char *tr)
{
	for (const char *p = tr; *p; p++) {
		if (*p != '`')
			continue;
		size_t run = strspn(p, "`");
		const char *cend, *end = span_end(p, run, &cend);
		if (end == NULL)
			break;
		bool glued_before = p > tr && is_word(p[-1]);
		bool glued_after = is_word(*end);
		bool loose = end[0] == ' ' && end[1] && strchr(".,;:!?", end[1]) &&
			     (end[2] == '\0' || end[2] == ' ' || end[2] == '\n');
		if (glued_before || glued_after || loose) {
			char *s = xasprintf("%.*s", (int)(end - p), p);
			report(l, DIAG_LINT_CODE_SPACING, s);
			free(s);
		}
		p = end - 1;
	}
}

/* Unpaired ** or single * / _ markers, outside code spans. */
static bool
emphasis_open(const char *text)
{
	size_t strong = 0, single = 0;
	for (const char *p = text; *p; p++) {
		if (p[0] == '*' && p[1] == '*') {
			strong++;
			p++;
		} else if (*p == '*' && !(p == text || p[-1] == '\n')) {
			single++;
		}
	}
	return strong % 2 || single % 2;
}

void
l10n_lint_pair(struct l10n_lint *l, const char *msgid, const char *msgstr,
	       uint32_t line)
{
	struct pieces ca = { 0 }, cb = { 0 }, ta = { 0 }, tb = { 0 };
	struct strbuf xa = STRBUF_INIT, xb = STRBUF_INIT;
	strbuf_init(&xa);
	strbuf_init(&xb);
	l->line = line;
	l->pairs++;
	code_spans(msgid, &ca, &xa);
	code_spans(msgstr, &cb, &xb);
	check_same(l, &ca, &cb, DIAG_LINT_CODE_SPAN);
	targets(xa.buf, &ta);
	targets(xb.buf, &tb);
	check_same(l, &ta, &tb, DIAG_LINT_LINK_TARGET);
	check_link_text(l, xa.buf, xb.buf);
	check_names(l, xa.buf, xb.buf);
	check_spacing(l, msgstr);
	if (emphasis_open(xb.buf) && !emphasis_open(xa.buf)) {
		char *s = shown((struct piece){ msgstr, strlen(msgstr) });
		report(l, DIAG_LINT_EMPHASIS, s);
		free(s);
	}
	free(ca.v);
	free(cb.v);
	free(ta.v);
	free(tb.v);
	strbuf_release(&xa);
	strbuf_release(&xb);
}
