/* SPDX-License-Identifier: MIT */
/*
 * Inline runs as the model keeps them, the HTML tags met inside text,
 * and the text of raw HTML blocks (read with libxml2).
 */
#include "md_internal.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <string.h>

#include "utf8.h"

/* ---------- inline runs ---------- */

void
md_runs_init(struct mdp *m, struct runs *r)
{
	memset(r, 0, sizeof(*r));
	if (m->runs_busy) {
		strbuf_init(&r->text);
		return;
	}
	m->runs_busy = true;
	r->text = m->run_text;
	strbuf_reset(&r->text);
	r->v = m->run_v;
	r->cap = m->run_cap;
	r->own_buffers = true;
}

void
md_runs_release(struct mdp *m)
{
	strbuf_release(&m->run_text);
	free(m->run_v);
	m->run_v = NULL;
	m->run_cap = 0;
}

/* The name mentions_common() looks for in runs. */
#define COMMON_PARAMETERS "CommonParameters"

/* One run into r->sum, as the builders would read it (see para_sum). */
static void
sum_run(struct runs *r, enum help_run_kind kind, const char *text, size_t len,
	unsigned flags, const char *link)
{
	struct para_sum *sum = r->sum;
	sum->text_len += len;
	sum->common |= (link && strstr(link, COMMON_PARAMETERS)) ||
		       (text && strstr(text, COMMON_PARAMETERS));
	if (flags & HELP_RUN_LINK) {
		sum->link = true;
		return;
	}
	for (size_t k = 0; kind == HELP_RUN_TEXT && !sum->other && k < len;
	     k++)
		sum->other = !is_space(text[k]) &&
			     !strchr(",;|-•·", text[k]);
}

static void
runs_flush(struct mdp *m, struct runs *r)
{
	if (!r->pending)
		return;
	if (r->sum) {
		const char *s = r->text.buf;
		size_t n = r->text.len;
		r->sum->unclean |= utf8_first_invalid(s, n) != n ||
				   memchr(s, '\0', n) != NULL;
		sum_run(r, HELP_RUN_TEXT, s, n, r->flags, r->link);
		strbuf_reset(&r->text);
		r->pending = false;
		return;
	}
	struct help_run *run = &PUSH(r->v, r->n, r->cap);
	memset(run, 0, sizeof(*run));
	run->kind = HELP_RUN_TEXT;
	run->flags = r->flags;
	run->link = r->link;
	run->text = md_clean_dup(m->a, r->text.buf, r->text.len, &run->len);
	strbuf_reset(&r->text);
	r->pending = false;
}

/* Adjacent text with the same flags becomes one run. */
void
md_runs_text(struct mdp *m, struct runs *r, const char *s, size_t len,
	     unsigned flags, const char *link)
{
	if (len == 0)
		return;
	if (r->pending && (r->flags != flags || r->link != link))
		runs_flush(m, r);
	if (!r->pending) {
		r->pending = true;
		r->flags = flags;
		r->link = link;
	}
	strbuf_add(&r->text, s, len);
}

void
md_runs_other(struct mdp *m, struct runs *r, enum help_run_kind kind,
	      const char *s, unsigned flags, const char *link)
{
	runs_flush(m, r);
	if (r->sum) { /* s is already clean (node_str) */
		sum_run(r, kind, s, s ? strlen(s) : 0, flags, link);
		return;
	}
	struct help_run *run = &PUSH(r->v, r->n, r->cap);
	memset(run, 0, sizeof(*run));
	run->kind = kind;
	run->flags = flags;
	run->link = link;
	if (s)
		run->text = md_clean_dup(m->a, s, strlen(s), &run->len);
}

struct help_inline
md_runs_finish(struct mdp *m, struct runs *r)
{
	runs_flush(m, r);
	struct help_inline in = { NULL, r->n };
	if (r->n) {
		in.runs = arena_array(m->a, r->n, sizeof(*r->v));
		memcpy(in.runs, r->v, r->n * sizeof(*r->v));
	}
	if (r->own_buffers) { /* m's again, for the next text */
		m->run_text = r->text;
		m->run_v = r->v;
		m->run_cap = r->cap;
		m->runs_busy = false;
	} else {
		strbuf_release(&r->text);
		free(r->v);
	}
	return in;
}

/* ---------- inline HTML ---------- */

static bool
is_void_element(const char *name, size_t n)
{
	static const char *const v[] = { "area",  "base", "br",	   "col",
					 "embed", "hr",	  "img",   "input",
					 "link",  "meta", "param", "source",
					 "track", "wbr" };
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (strlen(v[i]) == n && prefix_ci(name, v[i]))
			return true;
	return false;
}

/* +1 for an opening tag that needs a closing one, -1 for a closing tag. */
int
md_tag_effect(const char *t, bool *is_br)
{
	size_t n = strlen(t);
	*is_br = false;
	if (n < 3 || t[0] != '<')
		return 0;
	bool closing = t[1] == '/';
	const char *name = t + 1 + closing;
	size_t k = 0;
	while ((name[k] >= 'a' && name[k] <= 'z') ||
	       (name[k] >= 'A' && name[k] <= 'Z') ||
	       (k && name[k] >= '0' && name[k] <= '9'))
		k++;
	if (k == 0)
		return 0; /* comment, declaration, processing instruction */
	if (k == 2 && prefix_ci(name, "br")) {
		*is_br = true;
		return 0;
	}
	if (closing)
		return -1;
	if (t[n - 2] == '/' || is_void_element(name, k))
		return 0;
	return 1;
}

/* The value of attribute `name=` or `id=` of an <a> tag, or NULL. */
const char *
md_anchor_of(struct arena *a, const char *t)
{
	if (!prefix_ci(t, "<a") || !is_space(t[2]))
		return NULL;
	for (const char *p = t + 2; *p && *p != '>'; p++) {
		if (!is_space(p[-1]))
			continue;
		size_t k = prefix_ci(p, "name=") ? 5
			   : prefix_ci(p, "id=") ? 3
						 : 0;
		if (k == 0)
			continue;
		p += k;
		char q = (*p == '"' || *p == '\'') ? *p++ : 0;
		size_t n = 0;
		while (p[n] && p[n] != '>' &&
		       (q ? p[n] != q : !is_space(p[n]) && p[n] != '/'))
			n++;
		return n ? md_clean_dup(a, p, n, NULL) : NULL;
	}
	return NULL;
}

/* ---------- HTML blocks (libxml2) ---------- */

struct html_out {
	struct runs r;
	bool line_start, space;
};

static void
ho_text(struct mdp *m, struct html_out *o, const char *s)
{
	while (*s) {
		if (is_space(*s)) {
			o->space = true;
			s++;
			continue;
		}
		size_t k = 0;
		while (s[k] && !is_space(s[k]))
			k++;
		if (o->space && !o->line_start)
			md_runs_text(m, &o->r, " ", 1, HELP_RUN_HTML, NULL);
		md_runs_text(m, &o->r, s, k, HELP_RUN_HTML, NULL);
		o->line_start = o->space = false;
		s += k;
	}
}

static void
ho_break(struct mdp *m, struct html_out *o)
{
	if (!o->line_start)
		md_runs_other(m, &o->r, HELP_RUN_LINEBREAK, NULL, HELP_RUN_HTML,
			      NULL);
	o->line_start = true;
	o->space = false;
}

static bool
html_name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (eq_ci((const char *)n->name, *names))
			return true;
	return false;
}

/* Elements that end a line of text before and after them. */
static bool
html_is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"p",	   "div",	 "li",	    "ul",      "ol",	 "tr",
		"table",   "h1",	 "h2",	    "h3",      "h4",	 "h5",
		"h6",	   "blockquote", "pre",	    "dl",      "dt",	 "dd",
		"hr",	   "section",	 "article", "header",  "footer", "nav",
		"details", "summary",	 "figure",  "caption", NULL
	};
	return html_name_in(n, names);
}

/* Returns whether to descend into the node. */
static bool
html_enter(struct mdp *m, struct html_out *o, const xmlNode *n)
{
	static const char *const hidden[] = { "script", "style",    "head",
					      "title",	"template", NULL };
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			ho_text(m, o, (const char *)n->content);
		return false;
	case XML_ELEMENT_NODE:
		if (html_name_in(n, hidden))
			return false;
		if (eq_ci((const char *)n->name, "br") || html_is_block(n))
			ho_break(m, o);
		else if (eq_ci((const char *)n->name, "td") ||
			 eq_ci((const char *)n->name, "th"))
			o->space = true;
		return true;
	default:
		return false;
	}
}

static void
html_leave(struct mdp *m, struct html_out *o, const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && html_is_block(n))
		ho_break(m, o);
}

static bool
html_is_top(const xmlNode *n)
{
	return n == NULL || n->type == XML_HTML_DOCUMENT_NODE ||
	       n->type == XML_DOCUMENT_NODE;
}

/* Walks the tree without recursion: HTML can nest deeply. */
static void
html_walk(struct mdp *m, struct html_out *o, xmlNode *n)
{
	while (n != NULL) {
		if (html_enter(m, o, n) && n->children) {
			n = n->children;
			continue;
		}
		html_leave(m, o, n);
		while (n->next == NULL) {
			n = n->parent;
			if (html_is_top(n))
				return;
			html_leave(m, o, n);
		}
		n = n->next;
	}
}

/* The text of a raw HTML block as runs; none for comments and anchors. */
struct help_inline
md_html_block_text(struct mdp *m, const char *html)
{
	struct html_out o = { .line_start = true };
	size_t len = strlen(html);

	md_runs_init(m, &o.r);
	if (len > 0 && len < INT_MAX) {
		htmlDocPtr d = htmlReadMemory(html, (int)len, NULL, "UTF-8",
					      HTML_PARSE_NOERROR |
						      HTML_PARSE_NOWARNING |
						      HTML_PARSE_NONET);
		if (d != NULL) {
			html_walk(m, &o, d->children);
			xmlFreeDoc(d);
		}
	}
	runs_flush(m, &o.r);
	while (o.r.n && o.r.v[o.r.n - 1].kind == HELP_RUN_LINEBREAK)
		o.r.n--;
	return md_runs_finish(m, &o.r);
}
