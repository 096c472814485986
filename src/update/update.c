/* SPDX-License-Identifier: MIT */
/*
 * Splicing a page into line with the metadata.  Every change is an edit
 * (a byte range of doc->source and its new bytes) found through the
 * model's extents; the edits are applied in one pass, so every byte no
 * edit covers is copied unchanged: prose, examples, front matter values,
 * line ends and the BOM.  A block already equal to what the metadata says
 * gets no edit, which makes a second run a no-op.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta_compare.h"
#include "update.h"
#include "xalloc.h"

/* ---------- edits ---------- */

struct edit {
	size_t start, end; /* bytes of the source replaced */
	char *text;	   /* malloc'd new bytes */
	size_t len;
	size_t seq; /* insertions at one place stay in the order made */
};

struct splice {
	const struct help_doc *doc;
	const struct update_options *opt;
	struct page_meta pm;
	enum help_schema schema; /* the schema the page ends up in */
	const char *eol;	 /* the page's line end */
	struct edit *v;
	size_t n, cap;
	struct diag_ctx *dx;
};

static void
edit_add(struct splice *s, size_t start, size_t end, struct strbuf *text)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n] = (struct edit){ start, end, NULL, 0, s->n };
	s->v[s->n].text = strbuf_detach(text, &s->v[s->n].len);
	s->n++;
	strbuf_init(text);
}

static int
edit_cmp(const void *pa, const void *pb)
{
	const struct edit *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/* Applies the edits in source order; one overlapping an earlier is dropped. */
static void
edits_apply(struct splice *s, struct strbuf *out)
{
	const char *src = s->doc->source;
	size_t at = 0;

	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), edit_cmp);
	for (size_t i = 0; i < s->n; i++) {
		const struct edit *e = &s->v[i];
		if (e->start < at || e->end < e->start ||
		    e->end > s->doc->source_len)
			continue;
		strbuf_add(out, src + at, e->start - at);
		strbuf_add(out, e->text, e->len);
		at = e->end;
	}
	strbuf_add(out, src + at, s->doc->source_len - at);
}

/* ---------- helpers over the source ---------- */

static const char *
page_eol(const struct help_doc *doc)
{
	const char *lf = memchr(doc->source, '\n', doc->source_len);
	return lf && lf > doc->source && lf[-1] == '\r' ? "\r\n" : "\n";
}

/* Appends text with each "\n" written as eol. */
static void
add_with_eol(struct strbuf *sb, const char *text, const char *eol)
{
	for (; *text; text++) {
		if (*text == '\n')
			strbuf_addstr(sb, eol);
		else
			strbuf_addch(sb, *text);
	}
}

/*
 * True when a code block's content bytes are its text with s->eol line
 * ends: a block at the left margin, which can be rewritten in place.
 */
static bool
content_plain(const struct splice *s, struct help_extent content,
	      const char *text)
{
	struct strbuf want = STRBUF_INIT;
	size_t n = content.end - content.start;
	bool same;

	strbuf_init(&want);
	add_with_eol(&want, text ? text : "", s->eol);
	same = want.len == n &&
	       memcmp(want.buf, s->doc->source + content.start, n) == 0;
	strbuf_release(&want);
	return same;
}

/* Replaces a block's content with repl unless its bytes already are. */
static void
replace_content(struct splice *s, struct help_extent content, const char *text,
		struct strbuf *repl)
{
	size_t n = content.end - content.start;

	if (content.end < content.start || !content_plain(s, content, text) ||
	    (repl->len == n &&
	     memcmp(repl->buf, s->doc->source + content.start, n) == 0)) {
		strbuf_reset(repl);
		return;
	}
	edit_add(s, content.start, content.end, repl);
}

/* The start of the line after pos, with the blank lines after it skipped. */
static size_t
skip_blank_lines(const struct help_doc *doc, size_t pos)
{
	const char *src = doc->source;
	size_t n = doc->source_len;

	while (pos < n && src[pos] != '\n')
		pos++;
	if (pos < n)
		pos++;
	for (;;) {
		size_t i = pos;
		while (i < n &&
		       (src[i] == ' ' || src[i] == '\t' || src[i] == '\r'))
			i++;
		if (i >= n || src[i] != '\n')
			return i >= n ? n : pos;
		pos = i + 1;
	}
}

static size_t
blocks_end(const struct help_blocks *b, size_t end)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].ext.end > end)
			end = b->v[i].ext.end;
	return end;
}

/* The end of a parameter's last byte: heading, description or yaml. */
static size_t
param_end(const struct help_param *p)
{
	size_t end = p->heading_ext.ext.end;
	end = blocks_end(&p->description, end);
	if (p->has_metadata && p->metadata_ext.end > end)
		end = p->metadata_ext.end;
	return end;
}

/* ---------- SYNTAX ---------- */

/* The page's SYNTAX block for metadata line i, or -1. */
static long
page_set_of(const struct splice *s, size_t i)
{
	const struct help_syntax_set *set =
		meta_page_syntax_set(s->doc, s->pm.lines[i].set, s->pm.nlines);
	return set ? (long)(set - s->doc->syntax) : -1;
}

static size_t
set_start(const struct help_syntax_set *set)
{
	return set->heading_ext.ext.end ? set->heading_ext.ext.start
					: set->ext.start;
}

/* A whole SYNTAX set: heading (if any), blank line, fenced line(s). */
static void
set_text(struct strbuf *sb, const struct splice *s, size_t i)
{
	char *h = page_syntax_heading(&s->pm, i, s->schema);
	if (h)
		strbuf_addf(sb, "%s%s%s", h, s->eol, s->eol);
	free(h);
	strbuf_addf(sb, "```%s", s->eol);
	page_syntax_lines(sb, s->pm.lines[i].text, s->eol);
	strbuf_addstr(sb, "```");
}

static void
rewrite_set(struct splice *s, const struct help_syntax_set *set, size_t i)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (s->schema == HELP_SCHEMA_2024_05_01 &&
	    set->heading_ext.ext.end == 0 && set->ext.end) {
		char *h = page_syntax_heading(&s->pm, i, s->schema);
		if (h) {
			strbuf_addf(&sb, "%s%s%s", h, s->eol, s->eol);
			edit_add(s, set->ext.start, set->ext.start, &sb);
		}
		free(h);
	}
	if ((set->text && strcmp(set->text, s->pm.lines[i].text) == 0) ||
	    !meta_compare_syntax(set, &s->pm.doc->syntax[i], NULL))
		return;
	page_syntax_lines(&sb, s->pm.lines[i].text, s->eol);
	replace_content(s, set->content, set->code, &sb);
	strbuf_release(&sb);
}

/* Where a SYNTAX set missing from the page goes; *before: ahead of a set. */
static size_t
missing_set_place(const struct splice *s, size_t i, const bool *removed,
		  bool *before)
{
	const struct help_doc *doc = s->doc;
	size_t end = 0;

	for (size_t k = i + 1; k < s->pm.nlines; k++) {
		long j = page_set_of(s, k);
		if (j >= 0 && !removed[j]) {
			*before = true;
			return set_start(&doc->syntax[j]);
		}
	}
	*before = false;
	for (size_t j = 0; j < doc->nsyntax; j++)
		if (!removed[j] && doc->syntax[j].ext.end > end)
			end = doc->syntax[j].ext.end;
	if (end == 0 && doc->sections[HELP_SEC_SYNTAX].present)
		end = doc->sections[HELP_SEC_SYNTAX].heading_ext.ext.end;
	return end;
}

static void
update_syntax(struct splice *s)
{
	const struct help_doc *doc = s->doc;
	bool *used = xcalloc(doc->nsyntax + 1, sizeof(*used));
	bool *removed = xcalloc(doc->nsyntax + 1, sizeof(*removed));
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < s->pm.nlines; i++) {
		long j = page_set_of(s, i);
		if (j >= 0 && !used[j] && doc->syntax[j].ext.end) {
			used[j] = true;
			rewrite_set(s, &doc->syntax[j], i);
		}
	}
	for (size_t j = 0; j < doc->nsyntax; j++) {
		const struct help_syntax_set *set = &doc->syntax[j];
		if (used[j] || set->ext.end == 0)
			continue;
		diag_report(s->dx, DIAG_SYNTAX_SET_STALE, set->pos.line,
			    set->pos.col,
			    set->name ? set->name : HELP_ALL_SETS);
		if (s->opt->remove_stale) {
			removed[j] = true;
			edit_add(s, set_start(set),
				 skip_blank_lines(doc, set->ext.end), &sb);
		}
	}
	for (size_t i = 0; i < s->pm.nlines; i++) {
		long j = page_set_of(s, i);
		bool before;
		if (j >= 0 && used[j])
			continue;
		size_t at = missing_set_place(s, i, removed, &before);
		if (at == 0)
			continue;
		if (!before)
			strbuf_addf(&sb, "%s%s", s->eol, s->eol);
		set_text(&sb, s, i);
		if (before)
			strbuf_addf(&sb, "%s%s", s->eol, s->eol);
		edit_add(s, at, at, &sb);
	}
	strbuf_release(&sb);
	free(used);
	free(removed);
}

/* ---------- parameters ---------- */

/* The metadata parameter named name, or -1. */
static long
meta_index(const struct splice *s, const char *name)
{
	for (size_t i = 0; name && i < s->pm.doc->nparams; i++)
		if (strcasecmp(s->pm.doc->params[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* The page's parameter documenting metadata parameter i, or -1. */
static long
page_param_of(const struct splice *s, size_t i)
{
	for (size_t j = 0; j < s->doc->nparams; j++)
		if (s->doc->params[j].name &&
		    strcasecmp(s->doc->params[j].name,
			       s->pm.doc->params[i].name) == 0)
			return (long)j;
	return -1;
}

static void
update_yaml(struct splice *s, const struct help_param *p, size_t i)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (!p->has_metadata) {
		size_t at = param_end(p);
		strbuf_addf(&sb, "%s%s```yaml%s", s->eol, s->eol, s->eol);
		yaml_write_param(&sb, &s->pm, i, s->schema, s->eol);
		strbuf_addstr(&sb, "```");
		if (at)
			edit_add(s, at, at, &sb);
	} else if (s->schema != s->doc->schema ||
		   meta_compare_param(s->pm.cmd, s->pm.mp[i], p, s->schema,
				      NULL, NULL) > 0) {
		yaml_write_param(&sb, &s->pm, i, s->schema, s->eol);
		replace_content(s, p->metadata_content, p->metadata_text, &sb);
	}
	strbuf_release(&sb);
}

/*
 * Where metadata parameter i, missing from the page, goes: before the
 * next parameter in the metadata's order that the page documents, else
 * after the last one kept, else after the PARAMETERS heading.
 */
static size_t
missing_param_place(const struct splice *s, size_t i, const bool *removed,
		    bool *before)
{
	const struct help_doc *doc = s->doc;
	size_t end = 0;

	for (size_t k = i + 1; k < s->pm.doc->nparams; k++) {
		long j = page_param_of(s, k);
		if (j >= 0 && doc->params[j].heading_ext.ext.end) {
			*before = true;
			return doc->params[j].heading_ext.ext.start;
		}
	}
	*before = false;
	for (size_t j = 0; j < doc->nparams; j++)
		if (!removed[j] && param_end(&doc->params[j]) > end)
			end = param_end(&doc->params[j]);
	if (end == 0 && doc->sections[HELP_SEC_PARAMETERS].present)
		end = doc->sections[HELP_SEC_PARAMETERS].heading_ext.ext.end;
	return end;
}

static void
add_missing_params(struct splice *s, const bool *removed)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < s->pm.doc->nparams; i++) {
		bool before;
		if (page_param_of(s, i) >= 0)
			continue;
		size_t at = missing_param_place(s, i, removed, &before);
		if (at == 0)
			continue;
		if (!before)
			strbuf_addf(&sb, "%s%s", s->eol, s->eol);
		page_param_section(&sb, &s->pm, i, s->schema, s->eol);
		if (before)
			strbuf_addf(&sb, "%s%s", s->eol, s->eol);
		edit_add(s, at, at, &sb);
	}
	strbuf_release(&sb);
}

static void
update_params(struct splice *s)
{
	const struct help_doc *doc = s->doc;
	bool *removed = xcalloc(doc->nparams + 1, sizeof(*removed));
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t j = 0; j < doc->nparams; j++) {
		const struct help_param *p = &doc->params[j];
		long i = meta_index(s, p->name);
		if (i >= 0) {
			update_yaml(s, p, (size_t)i);
			continue;
		}
		diag_report(s->dx, DIAG_PARAM_STALE, p->pos.line, p->pos.col,
			    p->name ? p->name : "", s->pm.cmd->name);
		if (s->opt->remove_stale && p->heading_ext.ext.end) {
			removed[j] = true;
			edit_add(s, p->heading_ext.ext.start,
				 skip_blank_lines(doc, param_end(p)), &sb);
		}
	}
	add_missing_params(s, removed);
	strbuf_release(&sb);
	free(removed);
}

/* ---------- INPUTS ---------- */

/* The end of an INPUTS entry: its heading or its last block. */
static size_t
type_entry_end(const struct help_type_entry *e)
{
	return blocks_end(&e->description, e->heading_ext.ext.end);
}

/*
 * "### Type" entries, with the placeholder for their text, for every type
 * a parameter takes from the pipeline by value that INPUTS does not name
 * (what validate reports as inputs-type-missing).  Returns how many.
 */
/* Whether a parameter before i lacks the same element type (written once). */
static bool
type_listed_before(const struct meta_command *cmd, size_t i, const char *type,
		   size_t len)
{
	for (size_t k = 0; k < i; k++) {
		const char *t = cmd->params[k].type_name;
		if (strcspn(t, "[") == len && strncmp(t, type, len) == 0 &&
		    (meta_pipeline_bits(&cmd->params[k]) & HELP_PIPE_BY_VALUE))
			return true;
	}
	return false;
}

static size_t
missing_inputs_text(const struct splice *s, struct strbuf *sb)
{
	const struct meta_command *cmd = s->pm.cmd;
	size_t n = 0;

	for (size_t i = 0; i < cmd->nparams; i++) {
		const struct meta_param *mp = &cmd->params[i];
		/* the element type: INPUTS names "PSSession", not "PSSession[]" */
		int len = (int)strcspn(mp->type_name, "[");
		if (!meta_inputs_lacks(s->doc, mp) ||
		    type_listed_before(cmd, i, mp->type_name, (size_t)len))
			continue;
		if (n++)
			strbuf_addf(sb, "%s%s", s->eol, s->eol);
		strbuf_addf(sb, "### %.*s%s%s{{ Fill in the Description }}", len,
			    mp->type_name, s->eol, s->eol);
	}
	return n;
}

/*
 * Adds the missing INPUTS types after the section's last entry; an entry
 * that says "None" gives way to them.
 */
static void
update_inputs(struct splice *s)
{
	const struct help_doc *doc = s->doc;
	const struct help_section_info *sec = &doc->sections[HELP_SEC_INPUTS];
	struct strbuf sb = STRBUF_INIT;

	if (!sec->present || sec->heading_ext.ext.end == 0)
		return;
	strbuf_init(&sb);
	if (!missing_inputs_text(s, &sb)) {
		strbuf_release(&sb);
		return;
	}
	const struct help_type_entry *last =
		doc->ninputs ? &doc->inputs[doc->ninputs - 1] : NULL;
	if (doc->ninputs == 1 && last->name &&
	    strcasecmp(last->name, "None") == 0 &&
	    last->heading_ext.ext.end) {
		edit_add(s, last->heading_ext.ext.start, type_entry_end(last),
			 &sb);
	} else {
		size_t at = last ? type_entry_end(last) : sec->heading_ext.ext.end;
		struct strbuf text = STRBUF_INIT;
		strbuf_init(&text);
		strbuf_addf(&text, "%s%s%s", s->eol, s->eol, sb.buf);
		edit_add(s, at, at, &text);
		strbuf_release(&text);
	}
	strbuf_release(&sb);
}

/* ---------- schema migration ---------- */

static void
migrate_frontmatter(struct splice *s)
{
	const struct help_doc *doc = s->doc;
	const struct help_fm_entry *first = &doc->frontmatter[0];
	const struct help_fm_entry *e;
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (!help_doc_frontmatter(doc, "document type")) {
		strbuf_addf(&sb, "document type: cmdlet%s", s->eol);
		edit_add(s, first->ext.start, first->ext.start, &sb);
	}
	if (!help_doc_frontmatter(doc, "HelpUri")) {
		e = help_doc_frontmatter(doc, "online version");
		if (e) {
			strbuf_addstr(&sb, "HelpUri");
			edit_add(s, e->key_ext.start, e->key_ext.end, &sb);
		} else {
			strbuf_addf(&sb, "HelpUri: ''%s", s->eol);
			edit_add(s, first->ext.start, first->ext.start, &sb);
		}
	}
	strbuf_addstr(&sb, "PlatyPS schema version: 2024-05-01");
	e = help_doc_frontmatter(doc, "schema");
	if (e) {
		edit_add(s, e->ext.start, e->ext.end, &sb);
	} else {
		const struct help_fm_entry *last =
			&doc->frontmatter[doc->nfrontmatter - 1];
		struct strbuf line = STRBUF_INIT;
		strbuf_init(&line);
		strbuf_addf(&line, "%s%s", s->eol, sb.buf);
		edit_add(s, last->ext.end, last->ext.end, &line);
		strbuf_release(&line);
	}
	strbuf_release(&sb);
}

static void
migrate(struct splice *s)
{
	const struct help_doc *doc = s->doc;
	const struct help_section_info *desc =
		&doc->sections[HELP_SEC_DESCRIPTION];

	if (doc->has_frontmatter && doc->nfrontmatter > 0)
		migrate_frontmatter(s);
	if (!doc->aliases_section.present && desc->present &&
	    desc->heading_ext.ext.end) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_init(&sb);
		page_aliases_section(&sb, &s->pm, s->eol);
		strbuf_addf(&sb, "%s%s", s->eol, s->eol);
		edit_add(s, desc->heading_ext.ext.start,
			 desc->heading_ext.ext.start, &sb);
	}
}

/* ---------- the page ---------- */

bool
update_doc(const struct help_doc *doc, const struct update_options *opt,
	   struct strbuf *out, struct diag_ctx *dx)
{
	const struct meta_set *meta = opt->meta ? opt->meta : meta_builtin();
	const struct meta_command *cmd =
		doc->kind == HELP_DOC_COMMAND && doc->source
			? meta_page_command(meta, doc)
			: NULL;
	struct splice s = { .doc = doc, .opt = opt, .dx = dx };

	if (cmd == NULL) {
		if (doc->kind == HELP_DOC_COMMAND)
			diag_report(dx, DIAG_COMMAND_NOT_IN_METADATA,
				    doc->title_pos.line, doc->title_pos.col,
				    doc->name ? doc->name : "");
		if (doc->source)
			strbuf_add(out, doc->source, doc->source_len);
		return false;
	}
	page_meta_init(&s.pm, meta, cmd);
	s.eol = page_eol(doc);
	s.schema = doc->schema;
	if (opt->migrate && doc->schema == HELP_SCHEMA_2_0_0) {
		s.schema = HELP_SCHEMA_2024_05_01;
		migrate(&s);
	}
	update_syntax(&s);
	update_params(&s);
	update_inputs(&s);
	edits_apply(&s, out);
	for (size_t i = 0; i < s.n; i++)
		free(s.v[i].text);
	free(s.v);
	page_meta_release(&s.pm);
	return true;
}
