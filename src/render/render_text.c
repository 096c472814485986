/* SPDX-License-Identifier: MIT */
/*
 * Get-Help text views (doc/layout.md): which sections each view shows
 * and how each section lays out the model.  The lines, wrapping and
 * blocks come from render_blocks.c.
 */
#include "render_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "wildcard.h"
#include "utf8.h"
#include "xalloc.h"

/* Narrowest value column of the attribute table before it is stacked. */
#define MIN_VALUE_W 16
/* platyPS pads example titles shorter than this with dashes. */
#define TITLE_PAD_LIMIT 62

/* ---------- command page sections ---------- */

static void
section(struct rctx *r, const char *title)
{
	render_want_blank(r);
	render_put_str(r, 0, 0, title);
	render_after_heading(r);
}

static void
put_blocks_section(struct rctx *r, const char *title,
		   const struct help_blocks *b)
{
	if (b->n == 0)
		return;
	section(r, title);
	render_put_blocks(r, b, 4, false);
}

static void
put_name(struct rctx *r)
{
	section(r, _("NAME"));
	render_put_str(r, 4, 4, r->doc->name);
}

/*
 * Extends a <T> or {A | B} group back over the "-Name " or "[-Name] "
 * before it, so that a parameter and its type stay on one line.
 */
static size_t
syntax_group_start(const char *s, size_t open)
{
	if (open < 2 || s[open - 1] != ' ')
		return open;
	if (s[open - 2] == ']') {
		size_t st = open - 2;
		while (st > 0 && s[st] != '[' && s[st] != ' ')
			st--;
		return s[st] == '[' && s[st + 1] == '-' ? st : open;
	}
	size_t st = open - 1;
	while (st > 0 && s[st - 1] != ' ' && s[st - 1] != '[' &&
	       s[st - 1] != ']')
		st--;
	return s[st] == '-' ? st : open;
}

/*
 * Nobreak spans of a SYNTAX line: every matched [..], <..> and {..}
 * group, and "-Name <T>" as a whole.  One pass with a stack.
 */
static void
syntax_spans(struct flat *f)
{
	const char *s = f->s.buf;
	size_t len = f->s.len, depth = 0, cap = 0;
	size_t *stack = NULL;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '[' || c == '<' || c == '{') {
			stack = xgrow(stack, &cap, depth + 1, sizeof(*stack));
			stack[depth++] = i;
		} else if ((c == ']' || c == '>' || c == '}') && depth) {
			size_t open = stack[--depth];
			if (depth == 0 && s[open] != '[')
				open = syntax_group_start(s, open);
			render_flat_span(f, open, i + 1);
		}
	}
	free(stack);
}

/* A SYNTAX line rebuilt from its parameters (platyPS's rendering). */
static void
build_syntax(struct strbuf *sb, const struct help_doc *doc,
	     const struct help_syntax_set *set)
{
	const char *cmd = set->command ? set->command : doc->name;
	strbuf_addstr(sb, cmd ? cmd : "");
	for (size_t i = 0; i < set->nparams; i++) {
		const struct help_syntax_param *p = &set->params[i];
		const char *name = p->name ? p->name : "";
		strbuf_addstr(sb, p->required ? " " : " [");
		strbuf_addf(sb, p->positional ? "[-%s]" : "-%s", name);
		if (p->type)
			strbuf_addf(sb, " <%s>", p->type);
		if (!p->required)
			strbuf_addch(sb, ']');
	}
	if (set->common_parameters)
		strbuf_addstr(sb, " [<CommonParameters>]");
}

static void
put_syntax_set(struct rctx *r, const struct help_syntax_set *set)
{
	struct flat *f = render_flat_begin(r);
	if (set->text && *set->text) {
		render_flat_add(f, set->text, strlen(set->text));
	} else {
		struct strbuf sb = STRBUF_INIT;
		strbuf_init(&sb);
		build_syntax(&sb, r->doc, set);
		render_flat_add(f, sb.buf, sb.len);
		strbuf_release(&sb);
	}
	syntax_spans(f);
	render_flat_break(f);
	render_put_flat(r, 4, 8, f);
	render_flat_end(r, f);
}

static void
put_syntax(struct rctx *r)
{
	if (r->doc->nsyntax == 0)
		return;
	section(r, _("SYNTAX"));
	for (size_t i = 0; i < r->doc->nsyntax; i++) {
		render_want_blank(r);
		put_syntax_set(r, &r->doc->syntax[i]);
	}
}

/* What a related link shows: a name the user can type, or a URL. */
static void
link_text(struct strbuf *sb, const struct help_link *l)
{
	const char *text = l->text ? l->text : "";
	const char *target = l->target ? l->target : "";
	switch (l->kind) {
	case HELP_LINK_COMMAND:
	case HELP_LINK_ABOUT:
		strbuf_addstr(sb, l->topic ? l->topic : *text ? text : target);
		break;
	case HELP_LINK_URL:
		if (*text && strcmp(text, target) != 0)
			strbuf_addf(sb, "%s ", text);
		strbuf_addstr(sb, target);
		break;
	case HELP_LINK_UNRESOLVED:
		strbuf_addstr(sb, *text ? text : target);
		break;
	}
}

static void
put_links(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	if (!doc->online_uri && doc->nlinks == 0)
		return;
	section(r, _("RELATED LINKS"));
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	if (doc->online_uri) {
		/* TRANSLATORS: label of the first related link, as platyPS
		   writes it; the URL follows after a space. */
		strbuf_addf(&sb, "%s %s", _("Online Version:"),
			    doc->online_uri);
		render_put_str(r, 4, 4, sb.buf);
	}
	for (size_t i = 0; i < doc->nlinks; i++) {
		strbuf_reset(&sb);
		link_text(&sb, &doc->links[i]);
		render_put_str(r, 4, 4, sb.buf);
	}
	strbuf_release(&sb);
}

/* `label "Get-Help NAME option"`, the quoted command kept whole. */
static void
put_remark(struct rctx *r, const char *label, const char *option)
{
	struct flat *f = render_flat_begin(r);
	size_t n = strlen(label);
	while (n && label[n - 1] == ' ')
		n--; /* the msgid carries PowerShell's trailing space */
	render_flat_add(f, label, n);
	strbuf_addch(&f->s, ' ');
	size_t start = f->s.len;
	strbuf_addf(&f->s, "\"%s ",
		    r->opt->help_command ? r->opt->help_command : "Get-Help");
	const char *name = r->doc->name ? r->doc->name : "";
	render_flat_add(f, name, strlen(name));
	strbuf_addf(&f->s, " %s\"", option);
	render_flat_span(f, start, f->s.len);
	render_flat_break(f);
	render_put_flat(r, 4, 4, f);
	render_flat_end(r, f);
}

static void
put_remarks(struct rctx *r)
{
	section(r, _("REMARKS"));
	/* TRANSLATORS: the next four strings are followed by a command
	   such as "Get-Help Exit-PSSession -Examples" (not translated). */
	put_remark(r, _("To see the examples, type: "), "-Examples");
	put_remark(r, _("For more information, type: "), "-Detailed");
	put_remark(r, _("For technical information, type: "), "-Full");
	/* -Online opens the page's online address: offered only with one */
	if (r->doc->online_uri && *r->doc->online_uri)
		put_remark(r, _("For online help, type: "), "-Online");
}

/* ---------- parameters ---------- */

static const char *const attr_labels[] = {
	/* TRANSLATORS: labels of the parameter attribute table; values
	   start in one column after the longest label. */
	N_("Required?"),       N_("Position?"),
	N_("Default value"),   N_("Accept pipeline input?"),
	N_("Aliases"),	       N_("Accept wildcard characters?"),
	N_("Accepted values"),
};
enum {
	ATTR_REQUIRED,
	ATTR_POSITION,
	ATTR_DEFAULT,
	ATTR_PIPELINE,
	ATTR_ALIASES,
	ATTR_WILDCARDS,
	ATTR_ACCEPTED,
	ATTR__COUNT
};
_Static_assert(ATTR__COUNT <= sizeof(((struct attr_words *)0)->label) /
				       sizeof(const char *),
	       "struct attr_words holds every label");

static size_t
label_width(const char *label)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	utf8_neutralize(&sb, label, strlen(label), false);
	size_t w = textwrap_width(sb.buf, sb.len);
	strbuf_release(&sb);
	return w;
}

/* Widest translated label + 2: a translation cannot make it ragged. */
static size_t
attr_column(const struct attr_words *words)
{
	size_t w = 0;
	for (size_t i = 0; i < ATTR__COUNT; i++) {
		size_t lw = label_width(words->label[i]);
		w = lw > w ? lw : w;
	}
	return w + 2;
}

static void
attr_words_init(struct attr_words *w)
{
	for (size_t i = 0; i < ATTR__COUNT; i++)
		w->label[i] = _(attr_labels[i]);
	/* TRANSLATORS: attribute table values. */
	w->yes = _("true");
	w->no = _("false");
	/* TRANSLATORS: "Position?" of a parameter that
	   has no position. */
	w->named = _("named");
	/* TRANSLATORS: no default value, no aliases. */
	w->none = _("None");
}

static const char *
bool_word(const struct attr_words *w, bool v)
{
	return v ? w->yes : w->no;
}

static void
join(struct strbuf *sb, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", v[i] ? v[i] : "");
}

/* The sets where the parameter's "required" is v, as "(A, B)". */
static void
required_group(struct strbuf *sb, const struct help_param *p, bool v,
	       const struct attr_words *w)
{
	strbuf_addstr(sb, bool_word(w, v));
	size_t named = 0;
	for (size_t i = 0; i < p->nrequired; i++) {
		const struct help_required *q = &p->required[i];
		if (q->required != v || !q->set)
			continue;
		strbuf_addstr(sb, named++ ? ", " : " (");
		strbuf_addstr(sb, q->set);
	}
	if (named)
		strbuf_addch(sb, ')');
}

/* "true", or per set "true (Name), false (ComputerName, ConnectionUri)". */
static void
required_value(struct strbuf *sb, const struct help_param *p,
	       const struct attr_words *w)
{
	if (p->nrequired == 0) {
		strbuf_addstr(sb, bool_word(w, false));
		return;
	}
	bool v0 = p->required[0].required;
	bool mixed = false;
	for (size_t i = 1; i < p->nrequired; i++)
		mixed |= p->required[i].required != v0;
	if (!mixed) {
		strbuf_addstr(sb, bool_word(w, v0));
		return;
	}
	required_group(sb, p, v0, w);
	strbuf_addstr(sb, ", ");
	required_group(sb, p, !v0, w);
}

static void
pipeline_value(struct strbuf *sb, unsigned pipe, const struct attr_words *w)
{
	if (!pipe) {
		strbuf_addstr(sb, bool_word(w, false));
		return;
	}
	strbuf_addstr(sb, bool_word(w, true));
	const char *sep = " (";
	for (size_t i = 0; i < HELP_PIPE_NAMES; i++) {
		if (pipe & help_pipe_names[i].bit) {
			strbuf_addf(sb, "%s%s", sep, help_pipe_names[i].name);
			sep = ", ";
		}
	}
	strbuf_addstr(sb, *sep == ',' ? ")" : "");
}

static void
attr_value(struct strbuf *sb, const struct help_param *p, int attr,
	   const struct attr_words *w)
{
	switch (attr) {
	case ATTR_REQUIRED:
		required_value(sb, p, w);
		break;
	case ATTR_POSITION:
		if (!p->position || !*p->position ||
		    strcasecmp(p->position, "named") == 0)
			strbuf_addstr(sb, w->named);
		else
			strbuf_addstr(sb, p->position);
		break;
	case ATTR_DEFAULT:
		/* platyPS writes "None" in every language: translate that
		 * word, keep any other default as the page states it. */
		if (p->default_value && *p->default_value &&
		    strcmp(p->default_value, "None") != 0)
			strbuf_addstr(sb, p->default_value);
		else
			strbuf_addstr(sb, w->none);
		break;
	case ATTR_PIPELINE:
		pipeline_value(sb, p->pipeline, w);
		break;
	case ATTR_ALIASES:
		if (p->naliases)
			join(sb, p->aliases, p->naliases);
		else
			strbuf_addstr(sb, w->none);
		break;
	case ATTR_WILDCARDS:
		strbuf_addstr(sb, bool_word(w, p->wildcards));
		break;
	case ATTR_ACCEPTED:
		join(sb, p->accepted_values, p->naccepted);
		break;
	}
}

/*
 * One "Label       value" row; long values hang at the value column.
 * When that column leaves too little room, the value goes under the
 * label instead.
 */
static void
put_attr(struct rctx *r, size_t indent, const char *label, const char *value)
{
	if (r->width && r->width < indent + r->label_col + MIN_VALUE_W) {
		/* under the label, indented as far as the room allows */
		size_t vi = indent + 4;
		while (vi > indent && r->width < vi + RENDER_MIN_AVAIL)
			vi--;
		render_put_str(r, indent, indent, label);
		render_put_str(r, vi, vi, value);
		return;
	}
	struct strbuf m = STRBUF_INIT;
	strbuf_init(&m);
	utf8_neutralize(&m, label, strlen(label), false);
	size_t w = textwrap_width(m.buf, m.len);
	size_t mw = r->label_col > w ? r->label_col : w + 2;
	strbuf_addchars(&m, ' ', mw - w);
	render_set_marker(r, m.buf, m.len, mw);
	render_put_str(r, indent + mw, indent + mw, value);
	if (r->has_marker)
		render_put_line(r, indent + mw, "", 0);
	strbuf_release(&m);
}

static void
put_attrs(struct rctx *r, const struct help_param *p, size_t indent)
{
	if (!p->has_metadata)
		return; /* nothing known; do not invent defaults */
	render_want_blank(r);
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (int a = 0; a < ATTR__COUNT; a++) {
		if (a == ATTR_ACCEPTED && p->naccepted == 0)
			continue;
		strbuf_reset(&sb);
		attr_value(&sb, p, a, &r->words);
		put_attr(r, indent, r->words.label[a], sb.buf);
	}
	strbuf_release(&sb);
}

/* "-Name <ShortType>", "-Name [<SwitchParameter>]" or "-Name". */
static void
put_param_header(struct rctx *r, const struct help_param *p, size_t indent)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb, "-%s", p->name ? p->name : "");
	if (p->is_switch)
		strbuf_addstr(&sb, " [<SwitchParameter>]");
	else if (p->type && *p->type)
		strbuf_addf(&sb, " <%s>",
			    help_short_type(&r->scratch, p->type));
	struct flat *f = render_flat_begin(r);
	render_flat_add(f, sb.buf, sb.len);
	render_flat_span(f, 0, f->s.len);
	render_flat_break(f);
	render_put_flat(r, indent, indent, f);
	render_flat_end(r, f);
	strbuf_release(&sb);
	render_after_heading(r);
}

static void
put_param(struct rctx *r, const struct help_param *p, size_t indent, bool full)
{
	render_want_blank(r);
	put_param_header(r, p, indent);
	render_put_blocks(r, &p->description, indent + 4, false);
	if (full)
		put_attrs(r, p, indent + 4);
}

static bool
has_common_parameters(const struct help_doc *doc)
{
	if (doc->common_parameters)
		return true;
	for (size_t i = 0; i < doc->nsyntax; i++)
		if (doc->syntax[i].common_parameters)
			return true;
	return false;
}

static void
put_common_parameters(struct rctx *r)
{
	render_want_blank(r);
	/* TRANSLATORS: a SYNTAX token; usually left as it is. */
	render_put_str(r, 4, 4, _("<CommonParameters>"));
	render_after_heading(r);
	if (r->doc->common_parameters_text.n) {
		render_put_blocks(r, &r->doc->common_parameters_text, 8, false);
		return;
	}
	render_put_str(
		r, 8, 8,
		_("This cmdlet supports the common parameters: Verbose, "
		  "Debug, ErrorAction, ErrorVariable, WarningAction, "
		  "WarningVariable, InformationAction, InformationVariable, "
		  "OutBuffer, OutVariable, PipelineVariable. For more "
		  "information, see about_CommonParameters "
		  "(https://go.microsoft.com/fwlink/?LinkID=113216)."));
}

static void
put_params(struct rctx *r, bool full)
{
	bool common = has_common_parameters(r->doc);
	if (r->doc->nparams == 0 && !common)
		return;
	section(r, _("PARAMETERS"));
	for (size_t i = 0; i < r->doc->nparams; i++)
		put_param(r, &r->doc->params[i], 4, full);
	if (common)
		put_common_parameters(r);
}

/* ---------- inputs, outputs, notes, examples ---------- */

static void
put_types(struct rctx *r, const char *title, const struct help_type_entry *v,
	  size_t n)
{
	if (n == 0)
		return;
	section(r, title);
	for (size_t i = 0; i < n; i++) {
		render_want_blank(r);
		render_put_str(r, 4, 4, v[i].name ? v[i].name : v[i].heading);
		render_after_heading(r);
		render_put_blocks(r, &v[i].description, 8, false);
	}
}

/* platyPS's padding: "------- Example 1: Title -------". */
static void
put_example_title(struct rctx *r, const char *title)
{
	struct strbuf sb = STRBUF_INIT, t = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_init(&t);
	utf8_neutralize(&t, title ? title : "", title ? strlen(title) : 0,
			false);
	size_t w = textwrap_width(t.buf, t.len);
	size_t pad = w < TITLE_PAD_LIMIT ? (64 - w - 2) / 2 : 0;
	/* the dashes shrink to fit the line, and go when nothing is left */
	size_t room = r->opt->width > 4 ? r->opt->width - 4 : 0;
	if (r->opt->width > 0 && pad > 0)
		pad = room > w + 2 ? (room - w - 2) / 2 < pad ? (room - w - 2) / 2
								 : pad
				   : 0;
	if (pad > 0) {
		strbuf_addchars(&sb, '-', pad);
		strbuf_addf(&sb, " %s ", t.buf);
		strbuf_addchars(&sb, '-', pad);
	} else {
		strbuf_add(&sb, t.buf, t.len);
	}
	render_put_str(r, 4, 4, sb.buf);
	strbuf_release(&sb);
	strbuf_release(&t);
}

static void
put_examples(struct rctx *r)
{
	for (size_t i = 0; i < r->doc->nexamples; i++) {
		const struct help_example *ex = &r->doc->examples[i];
		render_want_blank(r);
		put_example_title(r, ex->title);
		render_put_blocks(r, &ex->body, 4, false);
	}
}

/* ---------- views ---------- */

static void
view_default(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &r->doc->description);
	put_links(r);
	put_remarks(r);
}

static void
view_detailed(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &r->doc->description);
	put_params(r, false);
	put_examples(r);
	put_remarks(r);
}

static void
view_full(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &doc->synopsis);
	put_syntax(r);
	put_blocks_section(r, _("DESCRIPTION"), &doc->description);
	put_params(r, true);
	put_types(r, _("INPUTS"), doc->inputs, doc->ninputs);
	put_types(r, _("OUTPUTS"), doc->outputs, doc->noutputs);
	put_blocks_section(r, _("NOTES"), &doc->notes);
	put_examples(r);
	put_links(r);
}

static void
view_examples(struct rctx *r)
{
	put_name(r);
	put_blocks_section(r, _("SYNOPSIS"), &r->doc->synopsis);
	put_examples(r);
}

static bool
param_matches(const struct help_param *p, const char *pattern)
{
	return p->name && wildcard_match_folded(pattern, p->name);
}

static const char *
param_pattern(const struct render_options *opt)
{
	return opt->parameter ? opt->parameter : "*";
}

static bool
any_param_matches(const struct help_doc *doc, const char *pattern)
{
	if (doc->kind != HELP_DOC_COMMAND)
		return false;
	for (size_t i = 0; i < doc->nparams; i++)
		if (param_matches(&doc->params[i], pattern))
			return true;
	return false;
}

static void
view_parameter(struct rctx *r)
{
	const char *pattern = param_pattern(r->opt);
	for (size_t i = 0; i < r->doc->nparams; i++)
		if (param_matches(&r->doc->params[i], pattern))
			put_param(r, &r->doc->params[i], 0, true);
}

/* s upper-cased by ICU's rules for a BCP 47 locale ("i" in tr-TR...). */
static char *
upper_case(const char *s, const char *bcp47)
{
	char loc[ULOC_FULLNAME_CAPACITY] = "";
	UErrorCode e = U_ZERO_ERROR;
	if (bcp47)
		uloc_forLanguageTag(bcp47, loc, sizeof(loc), NULL, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		loc[0] = '\0';
	size_t len = strlen(s);
	if (len > INT32_MAX / 4)
		return xstrdup(s);
	UChar *u16 = xcalloc(len + 1, sizeof(UChar));
	UChar *up = NULL;
	char *res = NULL;
	int32_t n16 = 0, nup, n8 = 0;
	e = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u16, (int32_t)len + 1, &n16, s, (int32_t)len,
			     0xFFFD, NULL, &e);
	if (U_FAILURE(e))
		goto fail;
	nup = u_strToUpper(NULL, 0, u16, n16, loc, &e);
	e = U_ZERO_ERROR;
	up = xcalloc((size_t)nup + 1, sizeof(UChar));
	u_strToUpper(up, nup + 1, u16, n16, loc, &e);
	if (U_FAILURE(e))
		goto fail;
	u_strToUTF8(NULL, 0, &n8, up, nup, &e);
	e = U_ZERO_ERROR;
	res = xmalloc((size_t)n8 + 1);
	u_strToUTF8(res, n8 + 1, NULL, up, nup, &e);
	if (U_FAILURE(e))
		goto fail;
	free(u16);
	free(up);
	return res;
fail:
	free(u16);
	free(up);
	free(res);
	return xstrdup(s);
}

/* The heading of an About topic's part: the catalog's for the parts every
 * topic has, in the language shown, as command pages have; a page's own
 * other headings upper-cased.  The caller frees it. */
static char *
part_heading(const struct help_about_part *part, const char *locale)
{
	switch (part->kind) {
	case HELP_ABOUT_SHORT_DESCRIPTION:
		/* TRANSLATORS: the parts of an about_ topic, as PowerShell's
		   about_ topics name them in your language. */
		return xstrdup(_("SHORT DESCRIPTION"));
	case HELP_ABOUT_LONG_DESCRIPTION:
		return xstrdup(_("LONG DESCRIPTION"));
	case HELP_ABOUT_SEE_ALSO:
		return xstrdup(_("SEE ALSO"));
	case HELP_ABOUT_OTHER:
		break;
	}
	return upper_case(part->heading, locale);
}

/* About topics and module pages: TOPIC, then each part. */
static void
view_about(struct rctx *r)
{
	const struct help_doc *doc = r->doc;
	/* TRANSLATORS: heading above the name of an about_ topic. */
	section(r, _("TOPIC"));
	render_put_str(r, 4, 4, doc->name);
	for (size_t i = 0; i < doc->nparts; i++) {
		const struct help_about_part *part = &doc->parts[i];
		if (part->heading && *part->heading) {
			char *h = part_heading(part, doc->locale);
			section(r, h);
			free(h);
		} else {
			render_want_blank(r);
		}
		render_put_blocks(r, &part->body, 4, false);
	}
}

static void
put_note(struct rctx *r, const char *note)
{
	const char *p = note;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		render_put_str(r, 0, 0, line);
		free(line);
		p += n + (nl != NULL);
	}
	render_want_blank(r);
}

static void
rctx_init(struct rctx *r, const struct help_doc *doc,
	  const struct render_options *opt, struct strbuf *out)
{
	memset(r, 0, sizeof(*r));
	r->doc = doc;
	r->opt = opt;
	r->out = out;
	r->width = opt->width;
	r->fresh = true;
	arena_init(&r->scratch);
	strbuf_init(&r->marker);
	attr_words_init(&r->words);
	r->label_col = attr_column(&r->words);
	if (r->width)
		r->tw = textwrap_new(opt->locale ? opt->locale : doc->locale);
}

static void
rctx_release(struct rctx *r)
{
	if (r->tw)
		textwrap_free(r->tw);
	arena_release(&r->scratch);
	strbuf_release(&r->marker);
	if (r->flat) {
		render_flat_release(r->flat);
		free(r->flat);
	}
}

static void
render_view(struct rctx *r)
{
	if (r->doc->kind != HELP_DOC_COMMAND) {
		view_about(r);
		return;
	}
	switch (r->opt->view) {
	case RENDER_DEFAULT:
	default:
		view_default(r);
		break;
	case RENDER_DETAILED:
		view_detailed(r);
		break;
	case RENDER_FULL:
		view_full(r);
		break;
	case RENDER_EXAMPLES:
		view_examples(r);
		break;
	case RENDER_PARAMETER:
		view_parameter(r);
		break;
	}
}

int
render_text(const struct help_doc *doc, const struct render_options *opt,
	    struct strbuf *out)
{
	if (opt->view == RENDER_PARAMETER &&
	    !any_param_matches(doc, param_pattern(opt)))
		return 1;
	struct rctx r;
	rctx_init(&r, doc, opt, out);
	strbuf_addch(out, '\n');
	if (opt->note && *opt->note)
		put_note(&r, opt->note);
	render_view(&r);
	strbuf_addch(out, '\n');
	rctx_release(&r);
	return 0;
}
