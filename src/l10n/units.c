/* SPDX-License-Identifier: MIT */
/*
 * A page's translatable units, found through the model's extents.  Code,
 * yaml and SYNTAX blocks, parameter headings, INPUTS and OUTPUTS type
 * names and front matter other than an About topic's title and
 * description are never units; neither is a unit whose text is only a
 * command, topic or type name, a URL, or a link to one of those.
 */
#include "l10n.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

struct walker {
	const struct help_doc *doc;
	struct l10n_units *out;
	const char *page; /* the page's name, first part of every msgctxt */
};

/* ---------- the text of a unit ---------- */

static bool
is_prefix_byte(char c)
{
	return c == ' ' || c == '\t' || c == '>';
}

char *
l10n_unit_text(const struct help_doc *doc, const struct l10n_unit *u,
	       const char *sep)
{
	const char *s = doc->source + u->ext.start;
	const char *end = doc->source + u->ext.end;
	bool keep_lines = strcmp(sep, "\n") == 0;
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (bool first = true; s <= end; first = false) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *line_end = nl ? nl : end;
		if (!first) {
			while (s < line_end && is_prefix_byte(*s))
				s++;
			strbuf_addstr(&sb, sep);
		}
		const char *e = line_end;
		if (e > s && e[-1] == '\r')
			e--;
		if (!keep_lines)
			while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
		strbuf_add(&sb, s, (size_t)(e - s));
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return strbuf_detach(&sb, NULL);
}

char *
l10n_excerpt(const char *s, size_t n, size_t max)
{
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* not inside a UTF-8 sequence */
	}
	return xstrndup(s, n);
}

/* What a translation's later lines start with (see struct l10n_unit). */
static char *
continuation_of(const struct help_doc *doc, struct help_extent ext)
{
	const char *src = doc->source;
	const char *nl = memchr(src + ext.start, '\n', ext.end - ext.start);
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (nl) { /* the prefix the second line has */
		const char *p = nl + 1;
		while (p < src + ext.end && is_prefix_byte(*p))
			strbuf_addch(&sb, *p++);
		return strbuf_detach(&sb, NULL);
	}
	/* one line: what precedes it on its line, markers as blanks */
	uint32_t start = ext.start;
	while (start > 0 && src[start - 1] != '\n')
		start--;
	for (uint32_t i = start; i < ext.start; i++)
		strbuf_addch(&sb, is_prefix_byte(src[i]) ? src[i] : ' ');
	return strbuf_detach(&sb, NULL);
}

/* ---------- what is not translatable ---------- */

static bool
is_word_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Verb-Noun, about_Topic, or a dotted .NET type name (System.String[]). */
static bool
is_name(const char *s, size_t n)
{
	size_t i = 0, dashes = 0, dots = 0;
	while (n > 0 && (s[n - 1] == ']' || s[n - 1] == '['))
		n--;
	if (n == 0 || !is_word_char(s[0]))
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] == '-' && i + 1 < n && is_word_char(s[i + 1]))
			dashes++;
		else if (s[i] == '.' && i + 1 < n && is_word_char(s[i + 1]))
			dots++;
		else if (!is_word_char(s[i]))
			return false;
	}
	/* Verb-Noun with both capitalized: "Shift-left" is English */
	const char *dash = dashes == 1 ? memchr(s, '-', n) : NULL;
	bool command = dash && dots == 0 && s[0] >= 'A' && s[0] <= 'Z' &&
		       dash[1] >= 'A' && dash[1] <= 'Z';
	return command || (dots > 0 && dashes == 0) ||
	       (n > 6 && strncmp(s, "about_", 6) == 0);
}

static bool
is_url(const char *s, size_t n)
{
	if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
		s++;
		n -= 2;
	}
	return (n > 7 && strncmp(s, "http://", 7) == 0) ||
	       (n > 8 && strncmp(s, "https://", 8) == 0);
}

/* s without the markup around it: `x`, **x**, *x*, [x](y). */
static bool
strip_markup(const char **s, size_t *n)
{
	static const char *const pairs[] = { "**", "__", "`", "*", "_" };
	for (size_t k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
		size_t m = strlen(pairs[k]);
		if (*n > 2 * m && strncmp(*s, pairs[k], m) == 0 &&
		    strncmp(*s + *n - m, pairs[k], m) == 0) {
			*s += m;
			*n -= 2 * m;
			return true;
		}
	}
	if (*n > 4 && (*s)[0] == '[' && (*s)[*n - 1] == ')') {
		const char *close = memchr(*s, ']', *n);
		if (close && close[1] == '(' &&
		    !memchr(close + 1, ']', (size_t)(*s + *n - close - 1))) {
			size_t text = (size_t)(close - *s) - 1;
			if (text == 0) /* [](url): the target is all there is */
				return false;
			*s += 1;
			*n = text;
			return true;
		}
	}
	return false;
}

/* Only a name, a URL, or one of those in markup: nothing to translate. */
static bool
nothing_to_translate(const char *msgid)
{
	const char *s = msgid;
	size_t n = strlen(msgid);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	do {
		if (n == 0 || is_name(s, n) || is_url(s, n))
			return true;
	} while (strip_markup(&s, &n));
	return false;
}

/* ---------- collecting ---------- */

static void
add_unit(struct walker *w, enum l10n_unit_kind kind, struct help_extent ext,
	 uint32_t line, const char *ctx, const char *key, const char *comment)
{
	if (ext.end <= ext.start || ext.end > w->doc->source_len)
		return;
	struct l10n_unit u = { .kind = kind, .ext = ext, .line = line };
	u.msgid = l10n_unit_text(w->doc, &u, " ");
	if (nothing_to_translate(u.msgid)) {
		free(u.msgid);
		return;
	}
	u.msgctxt = xasprintf("%s|%s", w->page, ctx);
	u.key = xstrdup(key);
	u.comment = xstrdup(comment);
	u.continuation = continuation_of(w->doc, ext);
	struct l10n_units *o = w->out;
	o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof(*o->v));
	o->v[o->n++] = u;
}

static void walk_blocks(struct walker *w, const struct help_blocks *b,
			const char *ctx, const char *key, const char *where,
			int depth);

static void
walk_table(struct walker *w, const struct help_block *b, const char *ctx,
	   const char *key, const char *where)
{
	const struct help_table *t = &b->u.table;
	if (t->cell_ext == NULL)
		return;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			char *k = xasprintf("%s/r%zu.c%zu", key, r, c);
			char *what = xasprintf("table cell (row %zu, column %zu) "
					       "in %s",
					       r + 1, c + 1, where);
			add_unit(w, L10N_TABLE_CELL, t->cell_ext[r * t->ncols + c],
				 b->pos.line + (uint32_t)(r ? r + 1 : 0), ctx, k,
				 what);
			free(what);
			free(k);
		}
}

static void
walk_block(struct walker *w, const struct help_block *b, const char *ctx,
	   const char *key, const char *where, int depth)
{
	char *what = NULL, *k = NULL;
	switch (b->kind) {
	case HELP_BLOCK_PARA:
		what = xasprintf("paragraph in %s", where);
		add_unit(w, L10N_PARAGRAPH, b->ext, b->pos.line, ctx, key, what);
		break;
	case HELP_BLOCK_HEADING:
		what = xasprintf("heading in %s", where);
		add_unit(w, L10N_HEADING, b->u.heading.text_ext, b->pos.line,
			 ctx, key, what);
		break;
	case HELP_BLOCK_LIST:
		what = xasprintf("list item in %s", where);
		for (size_t i = 0; i < b->u.list.nitems; i++) {
			free(k);
			k = xasprintf("%s/i%zu", key, i);
			walk_blocks(w, &b->u.list.items[i], ctx, k, what,
				    depth + 1);
		}
		break;
	case HELP_BLOCK_ALERT:
		what = xasprintf("note in %s", where);
		k = xasprintf("%s/a", key);
		walk_blocks(w, &b->u.alert.body, ctx, k, what, depth + 1);
		break;
	case HELP_BLOCK_QUOTE:
		what = xasprintf("quotation in %s", where);
		k = xasprintf("%s/q", key);
		walk_blocks(w, &b->u.quote, ctx, k, what, depth + 1);
		break;
	case HELP_BLOCK_TABLE:
		walk_table(w, b, ctx, key, where);
		break;
	default: /* code, HTML and rules carry nothing to translate */
		break;
	}
	free(what);
	free(k);
}

static void
walk_blocks(struct walker *w, const struct help_blocks *b, const char *ctx,
	    const char *key, const char *where, int depth)
{
	if (depth > 32)
		return; /* the parser bounds nesting; this bounds the walk */
	for (size_t i = 0; i < b->n; i++) {
		char *k = xasprintf("%s/%zu", key, i);
		walk_block(w, &b->v[i], ctx, k, where, depth);
		free(k);
	}
}

/* A section's heading and blocks; ctx and key are its English name. */
static void
walk_section(struct walker *w, const struct help_section_info *si,
	     const char *name, const struct help_blocks *b)
{
	char *key = xasprintf("%s/h", name);
	char *what = xasprintf("heading of %s", name);
	if (si->present)
		add_unit(w, L10N_HEADING, si->heading_ext.text_ext, si->pos.line,
			 name, key, what);
	if (b)
		walk_blocks(w, b, name, name, name, 0);
	free(what);
	free(key);
}

static void
walk_examples(struct walker *w)
{
	const struct help_doc *d = w->doc;
	for (size_t i = 0; i < d->nexamples; i++) {
		const struct help_example *e = &d->examples[i];
		char *key = xasprintf("EXAMPLES/%zu", i);
		char *tkey = xasprintf("%s/t", key);
		char *where = xasprintf("example %zu", i + 1);
		char *what = xasprintf("title of %s", where);
		add_unit(w, L10N_EXAMPLE_TITLE, e->heading_ext.text_ext,
			 e->pos.line, "EXAMPLES", tkey, what);
		walk_blocks(w, &e->body, "EXAMPLES", key, where, 0);
		free(what);
		free(where);
		free(tkey);
		free(key);
	}
}

static void
walk_params(struct walker *w)
{
	const struct help_doc *d = w->doc;
	for (size_t i = 0; i < d->nparams; i++) {
		const struct help_param *p = &d->params[i];
		const char *name = p->name ? p->name : "";
		char *ctx = xasprintf("PARAMETERS|-%s", name);
		char *key = xasprintf("PARAMETERS/-%s", name);
		char *where = xasprintf("parameter -%s", name);
		walk_blocks(w, &p->description, ctx, key, where, 0);
		free(where);
		free(key);
		free(ctx);
	}
	if (d->common_parameters)
		walk_blocks(w, &d->common_parameters_text,
			    "PARAMETERS|CommonParameters",
			    "PARAMETERS/CommonParameters", "CommonParameters",
			    0);
}

static void
walk_types(struct walker *w, const struct help_type_entry *v, size_t n,
	   const char *section)
{
	for (size_t i = 0; i < n; i++) {
		char *key = xasprintf("%s/%zu", section, i);
		char *hkey = xasprintf("%s/h", key);
		char *where = xasprintf("%s %s", section, v[i].name ? v[i].name
								    : "");
		/* a type name is no unit; "None" is */
		if (v[i].heading_ext.text_ext.end)
			add_unit(w, L10N_HEADING, v[i].heading_ext.text_ext,
				 v[i].pos.line, section, hkey, where);
		free(hkey);
		walk_blocks(w, &v[i].description, section, key, where, 0);
		free(where);
		free(key);
	}
}

static void
walk_related(struct walker *w)
{
	const struct help_doc *d = w->doc;
	for (size_t i = 0; i < d->nlinks; i++) {
		char *key = xasprintf("RELATED LINKS/%zu", i);
		add_unit(w, L10N_PARAGRAPH, d->links[i].ext, d->links[i].pos.line,
			 "RELATED LINKS", key, "link in RELATED LINKS");
		free(key);
	}
}

/* The H1: a command page's is its name, an About topic's a title. */
static void
walk_title(struct walker *w)
{
	const struct help_doc *d = w->doc;
	if (d->title_ext.text_ext.end)
		add_unit(w, L10N_HEADING, d->title_ext.text_ext,
			 d->title_pos.line, "title", "title", "page title");
}

static void
walk_command(struct walker *w)
{
	const struct help_doc *d = w->doc;
	walk_title(w);
	const struct help_blocks *blocks[HELP_SEC__COUNT] = {
		[HELP_SEC_SYNOPSIS] = &d->synopsis,
		[HELP_SEC_DESCRIPTION] = &d->description,
		[HELP_SEC_NOTES] = &d->notes,
	};
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		const char *name = help_section_name((enum help_section)s);
		walk_section(w, &d->sections[s], name, blocks[s]);
		if (s == HELP_SEC_SYNTAX)
			walk_section(w, &d->aliases_section, "ALIASES",
				     &d->aliases_text);
	}
	walk_examples(w);
	walk_params(w);
	walk_types(w, d->inputs, d->ninputs, "INPUTS");
	walk_types(w, d->outputs, d->noutputs, "OUTPUTS");
	walk_related(w);
}

static void
walk_frontmatter(struct walker *w)
{
	static const char *const keys[] = { "title", "description" };
	for (size_t k = 0; k < 2; k++) {
		const struct help_fm_entry *e =
			help_doc_frontmatter(w->doc, keys[k]);
		if (e == NULL || e->value == NULL)
			continue;
		struct help_extent x = e->value_ext;
		char q = x.end > x.start ? w->doc->source[x.start] : 0;
		if ((q == '\'' || q == '"') && x.end - x.start >= 2 &&
		    w->doc->source[x.end - 1] == q) {
			x.start++;
			x.end--;
		} else {
			q = 0;
		}
		char *key = xasprintf("front matter/%s", keys[k]);
		char *what = xasprintf("front matter %s", keys[k]);
		size_t before = w->out->n;
		add_unit(w, L10N_FRONT_MATTER, x, e->pos.line, "front matter",
			 key, what);
		if (w->out->n > before) {
			/* the value as YAML reads it, not as it is written:
			 * translate quotes and escapes it again */
			struct l10n_unit *u = &w->out->v[before];
			u->quote = q;
			free(u->msgid);
			u->msgid = xstrdup(e->value);
		}
		free(what);
		free(key);
	}
}

static void
walk_about(struct walker *w)
{
	const struct help_doc *d = w->doc;
	walk_frontmatter(w);
	walk_title(w);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct help_about_part *p = &d->parts[i];
		char *key = xasprintf("part %zu", i);
		char *hkey = xasprintf("%s/h", key);
		const char *name = p->heading ? p->heading : "";
		char *what = xasprintf("heading of %s", name);
		if (p->heading_ext.text_ext.end)
			add_unit(w, L10N_HEADING, p->heading_ext.text_ext,
				 p->pos.line, name, hkey, what);
		walk_blocks(w, &p->body, name, key, name, 0);
		free(what);
		free(hkey);
		free(key);
	}
}

static int
cmp_units(const void *a, const void *b)
{
	const struct l10n_unit *x = a, *y = b;
	if (x->ext.start != y->ext.start)
		return x->ext.start < y->ext.start ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
unit_release(struct l10n_unit *u)
{
	free(u->msgctxt);
	free(u->msgid);
	free(u->comment);
	free(u->key);
	free(u->continuation);
}

/*
 * The same bytes reached twice (an H1 below a section is its title and a
 * heading of the section too): one unit, the first by key.
 */
static void
drop_overlaps(struct l10n_units *out)
{
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (k && out->v[i].ext.start < out->v[k - 1].ext.end) {
			unit_release(&out->v[i]);
			continue;
		}
		out->v[k++] = out->v[i];
	}
	out->n = k;
}

void
l10n_units_extract(const struct help_doc *doc, struct l10n_units *out)
{
	struct walker w = { doc, out, doc->name ? doc->name : "" };
	memset(out, 0, sizeof(*out));
	if (doc->source == NULL)
		return;
	if (doc->kind == HELP_DOC_COMMAND)
		walk_command(&w);
	else
		walk_about(&w);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), cmp_units);
	drop_overlaps(out);
}

void
l10n_units_release(struct l10n_units *u)
{
	for (size_t i = 0; i < u->n; i++)
		unit_release(&u->v[i]);
	free(u->v);
	memset(u, 0, sizeof(*u));
}
