/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for render_text and render_json on documents built by hand
 * (the parser is tested on its own).  Every rendering is also checked
 * against the layout invariants of doc/layout.md by check_layout().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "help_model.h"
#include "i18n.h"
#include "render.h"
#include "render_json.h"
#include "render_text.h"
#include "strbuf.h"
#include "tap.h"
#include "textwrap.h"
#include "utf8.h"

/* ---------- building documents ---------- */

static const char *
dup(struct help_doc *d, const char *s, size_t n)
{
	return arena_strndup(&d->arena, s, n);
}

static void
add_run(struct help_inline *in, enum help_run_kind kind, unsigned flags,
	const char *text, size_t len, const char *link)
{
	in->runs[in->n++] = (struct help_run){ kind, flags, text, len, link };
}

/*
 * Inline runs from a tiny markup: `code`, **strong**, *emph*, [text](url),
 * '\n' a soft break, '\r' a hard break; everything else is text.
 */
static struct help_inline
mk_inline(struct help_doc *d, const char *md)
{
	struct help_inline in = { 0 };
	in.runs = arena_array(&d->arena, strlen(md) + 1, sizeof(*in.runs));
	unsigned flags = 0;
	for (const char *p = md; *p;) {
		if (*p == '`') {
			const char *e = strchr(p + 1, '`');
			size_t n = (size_t)(e - p - 1);
			add_run(&in, HELP_RUN_CODE, flags, dup(d, p + 1, n), n,
				NULL);
			p = e + 1;
		} else if (*p == '\n' || *p == '\r') {
			add_run(&in,
				*p == '\n' ? HELP_RUN_SOFTBREAK
					   : HELP_RUN_LINEBREAK,
				flags, NULL, 0, NULL);
			p++;
		} else if (p[0] == '*' && p[1] == '*') {
			flags ^= HELP_RUN_STRONG;
			p += 2;
		} else if (*p == '*') {
			flags ^= HELP_RUN_EMPH;
			p++;
		} else if (*p == '[') {
			const char *mid = strstr(p, "](");
			const char *end = strchr(mid, ')');
			size_t n = (size_t)(mid - p - 1);
			add_run(&in, HELP_RUN_TEXT, flags | HELP_RUN_LINK,
				dup(d, p + 1, n), n,
				dup(d, mid + 2, (size_t)(end - mid - 2)));
			p = end + 1;
		} else {
			size_t n = strcspn(p, "`\n\r*[");
			add_run(&in, HELP_RUN_TEXT, flags, dup(d, p, n), n,
				NULL);
			p += n;
		}
	}
	return in;
}

/* One text run, taken literally. */
static struct help_inline
mk_text(struct help_doc *d, const char *s)
{
	struct help_inline in = { arena_array(&d->arena, 1, sizeof(*in.runs)),
				  0 };
	add_run(&in, HELP_RUN_TEXT, 0, dup(d, s, strlen(s)), strlen(s), NULL);
	return in;
}

static struct help_block
b_para(struct help_doc *d, const char *md)
{
	struct help_block b = { .kind = HELP_BLOCK_PARA, .pos = { 1, 1 } };
	b.u.para = mk_inline(d, md);
	return b;
}

static struct help_block
b_code(const char *text)
{
	struct help_block b = { .kind = HELP_BLOCK_CODE, .pos = { 1, 1 } };
	b.u.code.info = "powershell";
	b.u.code.text = text;
	return b;
}

static struct help_block
b_heading(struct help_doc *d, int level, const char *md)
{
	struct help_block b = { .kind = HELP_BLOCK_HEADING, .pos = { 1, 1 } };
	b.u.heading.level = level;
	b.u.heading.text = mk_inline(d, md);
	return b;
}

static struct help_blocks
mk_blocks(struct help_doc *d, size_t n, ...)
{
	struct help_blocks bs = {
		arena_array(&d->arena, n ? n : 1, sizeof(struct help_block)), n
	};
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		bs.v[i] = va_arg(ap, struct help_block);
	va_end(ap);
	return bs;
}

/* A list of n items; each vararg is the struct help_blocks of an item. */
static struct help_block
b_list(struct help_doc *d, bool ordered, bool tight, int start, size_t n, ...)
{
	struct help_block b = { .kind = HELP_BLOCK_LIST, .pos = { 1, 1 } };
	b.u.list.ordered = ordered;
	b.u.list.tight = tight;
	b.u.list.start = start;
	b.u.list.nitems = n;
	b.u.list.items = arena_array(&d->arena, n, sizeof(struct help_blocks));
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		b.u.list.items[i] = va_arg(ap, struct help_blocks);
	va_end(ap);
	return b;
}

static struct help_block
b_alert(enum help_alert_kind kind, struct help_blocks body)
{
	struct help_block b = { .kind = HELP_BLOCK_ALERT, .pos = { 1, 1 } };
	b.u.alert.kind = kind;
	b.u.alert.body = body;
	return b;
}

static struct help_block
b_quote(struct help_blocks body)
{
	struct help_block b = { .kind = HELP_BLOCK_QUOTE, .pos = { 1, 1 } };
	b.u.quote = body;
	return b;
}

/* A table from nrows * ncols cell strings (inline markup), header first. */
static struct help_block
b_table(struct help_doc *d, size_t ncols, size_t nrows,
	const char *const *cells)
{
	struct help_block b = { .kind = HELP_BLOCK_TABLE, .pos = { 1, 1 } };
	struct help_table *t = &b.u.table;
	t->ncols = ncols;
	t->nrows = nrows;
	t->align = arena_array(&d->arena, ncols, sizeof(*t->align));
	t->cells = arena_array(&d->arena, ncols * nrows, sizeof(*t->cells));
	for (size_t i = 0; i < ncols * nrows; i++)
		t->cells[i] = mk_inline(d, cells[i]);
	return b;
}

static const char **
strs(struct help_doc *d, size_t n, ...)
{
	const char **v = arena_array(&d->arena, n ? n : 1, sizeof(*v));
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		v[i] = va_arg(ap, const char *);
	va_end(ap);
	return v;
}

static struct help_link
mk_link(enum help_link_kind kind, const char *text, const char *target,
	const char *topic)
{
	return (struct help_link){ .text = text,
				   .target = target,
				   .kind = kind,
				   .topic = topic,
				   .pos = { 1, 1 } };
}

/* The en-US Exit-PSSession page, shortened where nothing new is shown. */
static struct help_doc *
doc_exit_pssession(void)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "Exit-PSSession";
	d->locale = "en-US";
	d->online_uri = "https://docs.microsoft.com/powershell/module/"
			"microsoft.powershell.core/exit-pssession"
			"?view=powershell-7.2&WT.mc_id=ps-gethelp";
	d->synopsis = mk_blocks(d, 1,
				b_para(d, "Ends an interactive session "
					  "with a remote computer."));
	d->nsyntax = 1;
	d->syntax = arena_array(&d->arena, 1, sizeof(*d->syntax));
	d->syntax[0].command = "Exit-PSSession";
	d->syntax[0].common_parameters = true;
	d->syntax[0].text = "Exit-PSSession [<CommonParameters>]";
	d->description = mk_blocks(
		d, 2,
		b_para(d,
		       "The `Exit-PSSession` cmdlet ends interactive sessions "
		       "that you started by using the\n`Enter-PSSession` "
		       "cmdlet."),
		b_para(d, "You can also use the `exit` keyword to end an "
			  "interactive session. The effect is the same as\n"
			  "using `Exit-PSSession`."));
	d->nexamples = 2;
	d->examples = arena_array(&d->arena, 2, sizeof(*d->examples));
	d->examples[0].title =
		"Example 1: Start and stop an interactive session";
	d->examples[0].body = mk_blocks(
		d, 2,
		b_code("PS> Enter-PSSession -ComputerName Server01\n"
		       "Server01\\PS> Exit-PSSession\nPS>\n"),
		b_para(d, "These commands start and then stop an interactive "
			  "session with the Server01 remote\ncomputer."));
	d->examples[1].title = "Example 2: Start and stop an interactive "
			       "session by using a PSSession object";
	d->examples[1].body = mk_blocks(
		d, 2, b_code("PS> $s = New-PSSession -ComputerName Server01\n"),
		b_para(d, "The session (**PSSession**) is *still* open."));
	d->common_parameters = true;
	d->ninputs = d->noutputs = 1;
	d->inputs = arena_array(&d->arena, 1, sizeof(*d->inputs));
	d->inputs[0].name = "None";
	d->inputs[0].description = mk_blocks(
		d, 1, b_para(d, "You cannot pipe objects to this cmdlet."));
	d->outputs = arena_array(&d->arena, 1, sizeof(*d->outputs));
	d->outputs[0].name = "None";
	d->outputs[0].description = mk_blocks(
		d, 1, b_para(d, "This cmdlet does not return any output."));
	d->notes = mk_blocks(d, 1,
			     b_para(d, "This cmdlet takes only the "
				       "common parameters."));
	d->nlinks = 3;
	d->links = arena_array(&d->arena, 3, sizeof(*d->links));
	/* A machine-translated link text must not be shown. */
	d->links[0] = mk_link(HELP_LINK_COMMAND, "Ansluta PSSession",
			      "Connect-PSSession.md", "Connect-PSSession");
	d->links[1] =
		mk_link(HELP_LINK_COMMAND, "Disconnect-PSSession",
			"Disconnect-PSSession.md", "Disconnect-PSSession");
	d->links[2] = mk_link(HELP_LINK_ABOUT, "om fjärrsessioner",
			      "About/about_PSSessions.md", "about_PSSessions");
	return d;
}

static struct help_syntax_param
sp(const char *name, const char *type, bool required, bool positional)
{
	return (struct help_syntax_param){ name, type, required, positional };
}

static void
add_syntax(struct help_doc *d)
{
	d->nsyntax = 2;
	d->syntax = arena_array(&d->arena, 2, sizeof(*d->syntax));
	struct help_syntax_set *s = &d->syntax[0];
	s->name = "ByName";
	s->command = "Get-Thing";
	s->common_parameters = true;
	s->nparams = 3;
	s->params = arena_array(&d->arena, 3, sizeof(*s->params));
	s->params[0] = sp("Name", "String[]", false, true);
	s->params[1] = sp("Force", NULL, false, false);
	s->params[2] = sp("Mode", "String", true, false);
	d->syntax[1].name = "ById";
	d->syntax[1].text =
		"Get-Thing -Id <Int32> [-Force] [<CommonParameters>]";
	d->syntax[1].common_parameters = true;
}

static struct help_required *
reqs(struct help_doc *d, size_t n, ...)
{
	struct help_required *v = arena_array(&d->arena, n, sizeof(*v));
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		v[i].set = va_arg(ap, const char *);
		v[i].required = va_arg(ap, int);
	}
	va_end(ap);
	return v;
}

static void
add_params(struct help_doc *d)
{
	d->nparams = 4;
	d->params = arena_array(&d->arena, 4, sizeof(*d->params));
	struct help_param *p = &d->params[0];
	p->name = "Name";
	p->description = mk_blocks(d, 1,
				   b_para(d, "Specifies the names of "
					     "the things to get."));
	p->has_metadata = true;
	p->type = "System.String[]";
	p->required = reqs(d, 3, "ByName", 1, "ById", 0, "ByPath", 0);
	p->nrequired = 3;
	p->position = "0";
	p->pipeline = HELP_PIPE_BY_VALUE | HELP_PIPE_BY_PROPERTY_NAME;
	p->aliases = strs(d, 2, "N", "ThingName");
	p->naliases = 2;
	p->wildcards = true;
	p = &d->params[1];
	p->name = "Force";
	p->description = mk_blocks(d, 1, b_para(d, "Gets hidden things too."));
	p->has_metadata = true;
	p->type = "System.Management.Automation.SwitchParameter";
	p->is_switch = true;
	p->required = reqs(d, 1, NULL, 0);
	p->nrequired = 1;
	p->position = "Named";
	p->default_value = "False";
	p = &d->params[2];
	p->name = "Mode";
	p->description = mk_blocks(d, 1, b_para(d, "How to get them."));
	p->has_metadata = true;
	p->type = "System.String";
	p->required = reqs(d, 2, "ByName", 1, "ById", 1);
	p->nrequired = 2;
	p->position = "named";
	p->default_value = "Fast";
	p->accepted_values = strs(d, 2, "Fast", "Slow");
	p->naccepted = 2;
	p = &d->params[3];
	p->name = "Legacy";
	p->description = mk_blocks(d, 1, b_para(d, "Kept for old scripts."));
}

/* A command page with parameters, two syntax sets and no links. */
static struct help_doc *
doc_get_thing(void)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "Get-Thing";
	d->locale = "en-US";
	d->synopsis = mk_blocks(d, 1, b_para(d, "Gets things."));
	add_syntax(d);
	add_params(d);
	d->common_parameters = true;
	return d;
}

/* ---------- running and checking ---------- */

static bool dump;

static char *
render(const struct help_doc *d, enum render_view view, size_t width,
       const char *parameter, int *rc)
{
	struct render_options o = { .view = view,
				    .width = width,
				    .parameter = parameter };
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	int r = render_text(d, &o, &sb);
	if (rc)
		*rc = r;
	if (dump)
		printf("# ---- view %d width %zu\n%s# ----\n", (int)view, width,
		       sb.buf);
	return strbuf_detach(&sb, NULL);
}

/*
 * The layout invariants: one empty line first and last, never two in a
 * row, no trailing white space, no ESC, no line wider than width.
 * Returns the number of violations (each reported).
 */
static int
check_layout(const char *out, size_t width)
{
	int bad = 0;
	size_t len = strlen(out);
	if (len < 2 || out[0] != '\n' || strcmp(out + len - 2, "\n\n") != 0 ||
	    (len >= 3 && out[len - 3] == '\n')) {
		printf("# bad start or end\n");
		bad++;
	}
	if (strchr(out, '\033')) {
		printf("# ESC in output\n");
		bad++;
	}
	bool prev_empty = false;
	size_t lineno = 0;
	for (const char *p = out; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) {
			printf("# line %zu: trailing white space\n", lineno);
			bad++;
		}
		if (n == 0 && prev_empty && nl && nl[1]) {
			printf("# line %zu: second empty line\n", lineno);
			bad++;
		}
		if (width && textwrap_width(p, n) > width) {
			printf("# line %zu: %zu cells > %zu\n", lineno,
			       textwrap_width(p, n), width);
			bad++;
		}
		prev_empty = n == 0;
		p += n + (nl != NULL);
	}
	return bad;
}

static const enum render_view all_views[] = { RENDER_DEFAULT, RENDER_DETAILED,
					      RENDER_FULL, RENDER_EXAMPLES,
					      RENDER_PARAMETER };
static const size_t widths[] = { 0, 80, 40, 24 };

/* Every view at every width keeps the layout invariants. */
static void
check_all_views(const struct help_doc *d)
{
	for (size_t v = 0; v < sizeof(all_views) / sizeof(all_views[0]); v++)
		for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]);
		     w++) {
			int rc;
			char *out =
				render(d, all_views[v], widths[w], "*", &rc);
			if (rc == 0)
				check_int(check_layout(out, widths[w]), ==, 0);
			free(out);
		}
}

#define check_render(doc, view, width, param, expected)                        \
	do {                                                                   \
		char *out_ = render(doc, view, width, param, NULL);            \
		check_str(out_, expected);                                     \
		check_int(check_layout(out_, width), ==, 0);                   \
		free(out_);                                                    \
	} while (0)

/* An About page whose only part has no heading: just TOPIC and a body. */
static struct help_doc *
doc_body(void)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_ABOUT;
	d->name = "about_T";
	d->locale = "en-US";
	d->nparts = 1;
	d->parts = arena_array(&d->arena, 1, sizeof(*d->parts));
	return d;
}

/* Renders a body built in d->parts[0] and compares what follows TOPIC. */
static void
check_body_(struct help_doc *d, size_t width, const char *expected, int line)
{
	char *out = render(d, RENDER_DEFAULT, width, NULL, NULL);
	const char *head = "\nTOPIC\n    about_T\n\n";
	size_t hl = strlen(head);
	if (strncmp(out, head, hl) != 0) {
		printf("# line %d: no TOPIC head\n", line);
		tap_cur_failed = 1;
	} else if (strcmp(out + hl, expected) != 0) {
		printf("# line %d: body differs\n#   got:\n%s#   expected:\n%s",
		       line, out + hl, expected);
		tap_cur_failed = 1;
	}
	check_int(check_layout(out, width), ==, 0);
	free(out);
}
#define check_body(d, width, expected) check_body_(d, width, expected, __LINE__)

/* ---------- the views of a real page ---------- */

static const char exit_default[] =
	"\n"
	"NAME\n"
	"    Exit-PSSession\n"
	"\n"
	"SYNOPSIS\n"
	"    Ends an interactive session with a remote computer.\n"
	"\n"
	"SYNTAX\n"
	"    Exit-PSSession [<CommonParameters>]\n"
	"\n"
	"DESCRIPTION\n"
	"    The `Exit-PSSession` cmdlet ends interactive sessions that you "
	"started by using the `Enter-PSSession` cmdlet.\n"
	"\n"
	"    You can also use the `exit` keyword to end an interactive "
	"session. The effect is the same as using `Exit-PSSession`.\n"
	"\n"
	"RELATED LINKS\n"
	"    Online Version: https://docs.microsoft.com/powershell/module/"
	"microsoft.powershell.core/exit-pssession?view=powershell-7.2"
	"&WT.mc_id=ps-gethelp\n"
	"    Connect-PSSession\n"
	"    Disconnect-PSSession\n"
	"    about_PSSessions\n"
	"\n"
	"REMARKS\n"
	"    To see the examples, type: \"Get-Help Exit-PSSession -Examples\"\n"
	"    For more information, type: \"Get-Help Exit-PSSession "
	"-Detailed\"\n"
	"    For technical information, type: \"Get-Help Exit-PSSession "
	"-Full\"\n"
	"    For online help, type: \"Get-Help Exit-PSSession -Online\"\n"
	"\n";

TEST(default_view)
{
	struct help_doc *d = doc_exit_pssession();
	check_render(d, RENDER_DEFAULT, 0, NULL, exit_default);
	/* At 80 columns paragraphs are re-flowed within 76 cells at 4. */
	char *out = render(d, RENDER_DEFAULT, 80, NULL, NULL);
	check(strstr(out, "\nDESCRIPTION\n"
			  "    The `Exit-PSSession` cmdlet ends interactive "
			  "sessions "
			  "that you started by\n"
			  "    using the `Enter-PSSession` cmdlet.\n"
			  "\n"
			  "    You can also use the `exit` keyword to end an "
			  "interactive session. The\n"
			  "    effect is the same as using `Exit-PSSession`.\n"
			  "\n"
			  "RELATED LINKS\n") != NULL);
	check_int(check_layout(out, 80), ==, 0);
	free(out);
	help_doc_free(d);
}

static const char exit_examples[] =
	"    ------- Example 1: Start and stop an interactive session -------\n"
	"\n"
	"    PS> Enter-PSSession -ComputerName Server01\n"
	"    Server01\\PS> Exit-PSSession\n"
	"    PS>\n"
	"\n"
	"    These commands start and then stop an interactive session with "
	"the Server01 remote computer.\n"
	"\n"
	"    Example 2: Start and stop an interactive session by using a "
	"PSSession object\n"
	"\n"
	"    PS> $s = New-PSSession -ComputerName Server01\n"
	"\n"
	"    The session (PSSession) is still open.\n";

static const char common_text[] =
	"    <CommonParameters>\n"
	"        This cmdlet supports the common parameters: Verbose, Debug, "
	"ErrorAction, ErrorVariable, WarningAction, WarningVariable, "
	"InformationAction, InformationVariable, OutBuffer, OutVariable, "
	"PipelineVariable. For more information, see about_CommonParameters "
	"(https://go.microsoft.com/fwlink/?LinkID=113216).\n";

static const char exit_head[] =
	"\n"
	"NAME\n"
	"    Exit-PSSession\n"
	"\n"
	"SYNOPSIS\n"
	"    Ends an interactive session with a remote computer.\n"
	"\n";

static const char exit_middle[] =
	"SYNTAX\n"
	"    Exit-PSSession [<CommonParameters>]\n"
	"\n"
	"DESCRIPTION\n"
	"    The `Exit-PSSession` cmdlet ends interactive sessions that you "
	"started by using the `Enter-PSSession` cmdlet.\n"
	"\n"
	"    You can also use the `exit` keyword to end an interactive "
	"session. The effect is the same as using `Exit-PSSession`.\n"
	"\n"
	"PARAMETERS\n";

static char *
concat(const char *const *parts, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(&sb, parts[i]);
	return strbuf_detach(&sb, NULL);
}

TEST(detailed_full_examples_views)
{
	struct help_doc *d = doc_exit_pssession();
	const char *detailed[] = { exit_head,
				   exit_middle,
				   common_text,
				   "\n",
				   exit_examples,
				   "\n"
				   "REMARKS\n"
				   "    To see the examples, type: \"Get-Help "
				   "Exit-PSSession -Examples\"\n"
				   "    For more information, type: \"Get-Help "
				   "Exit-PSSession -Detailed\"\n"
				   "    For technical information, type: "
				   "\"Get-Help Exit-PSSession -Full\"\n"
				   "    For online help, type: \"Get-Help "
				   "Exit-PSSession -Online\"\n"
				   "\n" };
	char *want = concat(detailed, 6);
	check_render(d, RENDER_DETAILED, 0, NULL, want);
	free(want);

	/* NOTES at 4 after one empty line (PowerShell: 8, two lines). */
	const char *full[] = {
		exit_head,
		exit_middle,
		common_text,
		"\n"
		"INPUTS\n"
		"    None\n"
		"        You cannot pipe objects to this cmdlet.\n"
		"\n"
		"OUTPUTS\n"
		"    None\n"
		"        This cmdlet does not return any output.\n"
		"\n"
		"NOTES\n"
		"    This cmdlet takes only the common parameters.\n"
		"\n",
		exit_examples,
		"\n"
		"RELATED LINKS\n"
		"    Online Version: "
		"https://docs.microsoft.com/powershell/module/"
		"microsoft.powershell.core/exit-pssession?view=powershell-7.2"
		"&WT.mc_id=ps-gethelp\n"
		"    Connect-PSSession\n"
		"    Disconnect-PSSession\n"
		"    about_PSSessions\n"
		"\n"
	};
	want = concat(full, 6);
	check_render(d, RENDER_FULL, 0, NULL, want);
	free(want);

	const char *examples[] = { exit_head, exit_examples, "\n" };
	want = concat(examples, 3);
	check_render(d, RENDER_EXAMPLES, 0, NULL, want);
	free(want);
	help_doc_free(d);
}

TEST(examples_view_at_40)
{
	struct help_doc *d = doc_exit_pssession();
	/* 36 cells at indent 4; long code lines wrap too. */
	check_render(d, RENDER_EXAMPLES, 40, NULL,
		     "\n"
		     "NAME\n"
		     "    Exit-PSSession\n"
		     "\n"
		     "SYNOPSIS\n"
		     "    Ends an interactive session with a\n"
		     "    remote computer.\n"
		     "\n"
		     /* the dashes go when the title cannot fit with them */
		     "    Example 1: Start and stop an\n"
		     "    interactive session\n"
		     "\n"
		     "    PS> Enter-PSSession -ComputerName\n"
		     "    Server01\n"
		     "    Server01\\PS> Exit-PSSession\n"
		     "    PS>\n"
		     "\n"
		     "    These commands start and then stop\n"
		     "    an interactive session with the\n"
		     "    Server01 remote computer.\n"
		     "\n"
		     "    Example 2: Start and stop an\n"
		     "    interactive session by using a\n"
		     "    PSSession object\n"
		     "\n"
		     "    PS> $s = New-PSSession -ComputerName\n"
		     "    Server01\n"
		     "\n"
		     "    The session (PSSession) is still\n"
		     "    open.\n"
		     "\n");
	help_doc_free(d);
}

/* ---------- parameters ---------- */

static const char thing_params_full[] =
	"PARAMETERS\n"
	"    -Name <String[]>\n"
	"        Specifies the names of the things to get.\n"
	"\n"
	"        Required?                    true (ByName), false (ById, "
	"ByPath)\n"
	"        Position?                    0\n"
	"        Default value                None\n"
	"        Accept pipeline input?       true (ByPropertyName, ByValue)\n"
	"        Aliases                      N, ThingName\n"
	"        Accept wildcard characters?  true\n"
	"\n"
	"    -Force [<SwitchParameter>]\n"
	"        Gets hidden things too.\n"
	"\n"
	"        Required?                    false\n"
	"        Position?                    named\n"
	"        Default value                False\n"
	"        Accept pipeline input?       false\n"
	"        Aliases                      None\n"
	"        Accept wildcard characters?  false\n"
	"\n"
	"    -Mode <String>\n"
	"        How to get them.\n"
	"\n"
	"        Required?                    true\n"
	"        Position?                    named\n"
	"        Default value                Fast\n"
	"        Accept pipeline input?       false\n"
	"        Aliases                      None\n"
	"        Accept wildcard characters?  false\n"
	"        Accepted values              Fast, Slow\n"
	"\n"
	"    -Legacy\n"
	"        Kept for old scripts.\n"
	"\n";

TEST(full_view_parameters)
{
	struct help_doc *d = doc_get_thing();
	const char *full[] = {
		"\n"
		"NAME\n"
		"    Get-Thing\n"
		"\n"
		"SYNOPSIS\n"
		"    Gets things.\n"
		"\n"
		"SYNTAX\n"
		"    Get-Thing [[-Name] <String[]>] [-Force] -Mode <String> "
		"[<CommonParameters>]\n"
		"\n"
		"    Get-Thing -Id <Int32> [-Force] [<CommonParameters>]\n"
		"\n",
		thing_params_full, common_text, "\n"
	};
	char *want = concat(full, 4);
	check_render(d, RENDER_FULL, 0, NULL, want);
	free(want);
	help_doc_free(d);
}

TEST(detailed_view_parameters_without_links)
{
	struct help_doc *d = doc_get_thing();
	const char *detailed[] = {
		"\n"
		"NAME\n"
		"    Get-Thing\n"
		"\n"
		"SYNOPSIS\n"
		"    Gets things.\n"
		"\n"
		"SYNTAX\n"
		"    Get-Thing [[-Name] <String[]>] [-Force] -Mode <String> "
		"[<CommonParameters>]\n"
		"\n"
		"    Get-Thing -Id <Int32> [-Force] [<CommonParameters>]\n"
		"\n"
		"PARAMETERS\n"
		"    -Name <String[]>\n"
		"        Specifies the names of the things to get.\n"
		"\n"
		"    -Force [<SwitchParameter>]\n"
		"        Gets hidden things too.\n"
		"\n"
		"    -Mode <String>\n"
		"        How to get them.\n"
		"\n"
		"    -Legacy\n"
		"        Kept for old scripts.\n"
		"\n",
		common_text,
		/* No links and no online URI: no "-Online" line. */
		"\n"
		"REMARKS\n"
		"    To see the examples, type: \"Get-Help Get-Thing "
		"-Examples\"\n"
		"    For more information, type: \"Get-Help Get-Thing "
		"-Detailed\"\n"
		"    For technical information, type: \"Get-Help Get-Thing "
		"-Full\"\n"
		"\n"
	};
	char *want = concat(detailed, 3);
	check_render(d, RENDER_DETAILED, 0, NULL, want);
	free(want);
	help_doc_free(d);
}

TEST(narrow_syntax_and_attribute_table)
{
	struct help_doc *d = doc_get_thing();
	char *out = render(d, RENDER_FULL, 40, NULL, NULL);
	/* Bracket groups stay whole; continuations at 8. */
	check(strstr(out, "\nSYNTAX\n"
			  "    Get-Thing [[-Name] <String[]>]\n"
			  "        [-Force] -Mode <String>\n"
			  "        [<CommonParameters>]\n"
			  "\n"
			  "    Get-Thing -Id <Int32> [-Force]\n"
			  "        [<CommonParameters>]\n"
			  "\n") != NULL);
	/* 8 + 29 leaves no room for values: they go under the label. */
	check(strstr(out, "\n"
			  "        Required?\n"
			  "            true (ByName), false (ById,\n"
			  "            ByPath)\n"
			  "        Position?\n"
			  "            0\n") != NULL);
	check_int(check_layout(out, 40), ==, 0);
	free(out);
	/* -Parameter at 0/4: 4 + 29 + 16 fits in 50, so the table stays. */
	out = render(d, RENDER_PARAMETER, 50, "Name", NULL);
	check_str(out, "\n"
		       "-Name <String[]>\n"
		       "    Specifies the names of the things to get.\n"
		       "\n"
		       "    Required?                    true (ByName),\n"
		       "                                 false (ById,\n"
		       "                                 ByPath)\n"
		       "    Position?                    0\n"
		       "    Default value                None\n"
		       "    Accept pipeline input?       true\n"
		       "                                 (ByPropertyName,\n"
		       "                                 ByValue)\n"
		       "    Aliases                      N, ThingName\n"
		       "    Accept wildcard characters?  true\n"
		       "\n");
	free(out);
	help_doc_free(d);
}

TEST(parameter_view)
{
	struct help_doc *d = doc_get_thing();
	/* Case-insensitive wildcard over names: Name, Force, Mode. */
	char *out = render(d, RENDER_PARAMETER, 0, "*E", NULL);
	check(strstr(out, "\n-Name <String[]>\n    Specifies") != NULL);
	check(strstr(out, "\n\n-Force [<SwitchParameter>]\n") != NULL);
	check(strstr(out, "\n\n-Mode <String>\n") != NULL);
	check(strstr(out, "Legacy") == NULL);
	check(strstr(out, "PARAMETERS") == NULL);
	check(strstr(out, "NAME") == NULL);
	check_int(check_layout(out, 0), ==, 0);
	free(out);

	check_render(d, RENDER_PARAMETER, 0, "legacy",
		     "\n-Legacy\n    Kept for old scripts.\n\n");

	/* No match: status 1 and nothing appended. */
	struct render_options o = { .view = RENDER_PARAMETER,
				    .parameter = "Nope*" };
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addstr(&sb, "kept");
	check_int(render_text(d, &o, &sb), ==, 1);
	check_str(sb.buf, "kept");
	help_doc_free(d);

	/* -Parameter on an About topic finds nothing either. */
	d = doc_body();
	o.parameter = "*";
	check_int(render_text(d, &o, &sb), ==, 1);
	check_str(sb.buf, "kept");
	strbuf_release(&sb);
	help_doc_free(d);
}

/* ---------- examples, syntax, links, missing sections ---------- */

static struct help_doc *
doc_titles(void)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "T";
	static const char *const titles[] = {
		"Short",
		/* 60 cells: one dash each side; 61: none; 62: no padding */
		"Example 9: 1234567890123456789012345678901234567890123456789",
		"Example 9: 12345678901234567890123456789012345678901234567890",
		("Example 9: "
		 "123456789012345678901234567890123456789012345678901"),
		/* 10 wide characters are 20 cells, not 10 */
		"例例例例例例例例例例",
	};
	d->nexamples = 5;
	d->examples = arena_array(&d->arena, 5, sizeof(*d->examples));
	for (size_t i = 0; i < 5; i++) {
		d->examples[i].title = titles[i];
		d->examples[i].body = mk_blocks(d, 1, b_code("x\n"));
	}
	return d;
}

TEST(example_title_padding)
{
	struct help_doc *d = doc_titles();
	check_render(d, RENDER_EXAMPLES, 0, NULL,
		     "\n"
		     "NAME\n"
		     "    T\n"
		     "\n"
		     "    ---------------------------- Short "
		     "----------------------------\n"
		     "\n"
		     "    x\n"
		     "\n"
		     "    - Example 9: 12345678901234567890123456789012345678"
		     "90123456789 -\n"
		     "\n"
		     "    x\n"
		     "\n"
		     "    Example 9: 12345678901234567890123456789012345678901"
		     "234567890\n"
		     "\n"
		     "    x\n"
		     "\n"
		     "    Example 9: 12345678901234567890123456789012345678901"
		     "2345678901\n"
		     "\n"
		     "    x\n"
		     "\n"
		     "    --------------------- 例例例例例例例例例例 "
		     "---------------------\n"
		     "\n"
		     "    x\n"
		     "\n");
	help_doc_free(d);
}

TEST(syntax_rebuilt_from_parameters)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "Set-It";
	d->nsyntax = 1;
	d->syntax = arena_array(&d->arena, 1, sizeof(*d->syntax));
	struct help_syntax_set *s = &d->syntax[0];
	s->text = ""; /* empty text: rebuilt, command from the page name */
	s->nparams = 4;
	s->params = arena_array(&d->arena, 4, sizeof(*s->params));
	s->params[0] = sp("Path", "String", true, true);
	s->params[1] = sp("Value", "Object", false, true);
	s->params[2] = sp("Name", "String", true, false);
	s->params[3] = sp("PassThru", NULL, false, false);
	char *out = render(d, RENDER_DEFAULT, 0, NULL, NULL);
	check(strstr(out,
		     "\nSYNTAX\n    Set-It [-Path] <String> "
		     "[[-Value] <Object>] -Name <String> [-PassThru]\n\n") !=
	      NULL);
	free(out);
	/* At 36 columns "-Name <String>" is kept together. */
	out = render(d, RENDER_DEFAULT, 36, NULL, NULL);
	check(strstr(out, "\nSYNTAX\n"
			  "    Set-It [-Path] <String>\n"
			  "        [[-Value] <Object>]\n"
			  "        -Name <String> [-PassThru]\n\n") != NULL);
	check_int(check_layout(out, 36), ==, 0);
	free(out);
	help_doc_free(d);
}

TEST(related_links)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "L";
	d->nlinks = 6;
	d->links = arena_array(&d->arena, 6, sizeof(*d->links));
	d->links[0] = mk_link(HELP_LINK_COMMAND, "Hämta-Objekt", "Get-Item.md",
			      "Get-Item");
	d->links[1] = mk_link(HELP_LINK_ABOUT, "Om alias",
			      "About/about_Aliases.md", "about_Aliases");
	d->links[2] = mk_link(HELP_LINK_URL, "PowerShell docs",
			      "https://learn.microsoft.com/powershell", NULL);
	d->links[3] = mk_link(HELP_LINK_URL, "", "https://example.com/a", NULL);
	d->links[4] = mk_link(HELP_LINK_URL, "https://example.com/b",
			      "https://example.com/b", NULL);
	d->links[5] =
		mk_link(HELP_LINK_UNRESOLVED, "Some page", "../x.md", NULL);
	check_render(
		d, RENDER_DEFAULT, 0, NULL,
		"\n"
		"NAME\n"
		"    L\n"
		"\n"
		"RELATED LINKS\n"
		"    Get-Item\n"
		"    about_Aliases\n"
		"    PowerShell docs https://learn.microsoft.com/powershell\n"
		"    https://example.com/a\n"
		"    https://example.com/b\n"
		"    Some page\n"
		"\n"
		"REMARKS\n"
		"    To see the examples, type: \"Get-Help L -Examples\"\n"
		"    For more information, type: \"Get-Help L -Detailed\"\n"
		"    For technical information, type: \"Get-Help L -Full\"\n"
		/* links but no online address: -Online would only fail */
		"\n");
	help_doc_free(d);
}

TEST(missing_sections_are_omitted)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "Bare";
	const char *remarks =
		"REMARKS\n"
		"    To see the examples, type: \"Get-Help Bare -Examples\"\n"
		"    For more information, type: \"Get-Help Bare -Detailed\"\n"
		"    For technical information, type: \"Get-Help Bare -Full\"\n"
		"\n";
	const char *parts[] = { "\nNAME\n    Bare\n\n", remarks };
	char *want = concat(parts, 2);
	check_render(d, RENDER_DEFAULT, 0, NULL, want);
	check_render(d, RENDER_DETAILED, 0, NULL, want);
	free(want);
	check_render(d, RENDER_FULL, 0, NULL, "\nNAME\n    Bare\n\n");
	check_render(d, RENDER_EXAMPLES, 0, NULL, "\nNAME\n    Bare\n\n");
	/* A page-specific (localized) common-parameters text wins. */
	d->common_parameters = true;
	d->common_parameters_text = mk_blocks(d, 1, b_para(d, "Lokal text."));
	check_render(d, RENDER_FULL, 0, NULL,
		     "\nNAME\n    Bare\n\nPARAMETERS\n    <CommonParameters>\n"
		     "        Lokal text.\n\n");
	help_doc_free(d);
}

TEST(fallback_note_first)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "N";
	struct render_options o = { .view = RENDER_EXAMPLES,
				    .width = 30,
				    .note = "Showing en-US help: no sv-SE help "
					    "is installed." };
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	check_int(render_text(d, &o, &sb), ==, 0);
	check_str(sb.buf, "\n"
			  "Showing en-US help: no sv-SE\n"
			  "help is installed.\n"
			  "\n"
			  "NAME\n"
			  "    N\n"
			  "\n");
	strbuf_release(&sb);
	help_doc_free(d);
}

/* ---------- blocks ---------- */

TEST(paragraph_reflow_and_inline_markup)
{
	struct help_doc *d = doc_body();
	d->parts[0].body = mk_blocks(
		d, 3,
		b_para(d, "hard\nwrapped\ntext with a (**PSSession**) and\n"
			  "*emphasis*, [link text](https://x.example/) and "
			  "`code span`."),
		b_para(d, "one\rtwo\r"),
		(struct help_block){ .kind = HELP_BLOCK_HTML,
				     .u.para = mk_text(d, "HTML <as> text") });
	check_body(d, 0,
		   "    hard wrapped text with a (PSSession) and emphasis, "
		   "link text and `code span`.\n"
		   "\n"
		   "    one\n"
		   "    two\n"
		   "\n"
		   "    HTML <as> text\n"
		   "\n");
	/* Code spans are never split, even where a break would fit. */
	check_body(d, 29,
		   "    hard wrapped text with a\n"
		   "    (PSSession) and emphasis,\n"
		   "    link text and\n"
		   "    `code span`.\n"
		   "\n"
		   "    one\n"
		   "    two\n"
		   "\n"
		   "    HTML <as> text\n"
		   "\n");
	help_doc_free(d);
}

TEST(soft_hyphens)
{
	struct help_doc *d = doc_body();
	d->parts[0].body = mk_blocks(
		d, 1, b_para(d, "Ett fjärr\u00adsessions\u00adkommando."));
	/* Unbroken: soft hyphens vanish.  Broken after one: it shows. */
	check_body(d, 0, "    Ett fjärrsessionskommando.\n\n");
	check_body(d, 24, "    Ett fjärrsessions-\n    kommando.\n\n");
	help_doc_free(d);
	/* Other characters that start with the byte 0xC2 (° §) stay. */
	d = doc_body();
	d->parts[0].body = mk_blocks(
		d, 1,
		b_para(d, "Grader \u00b0C och "
			  "\u00a7\u00adparagraf\u00adregler\u00b0"));
	check_body(d, 0, "    Grader \u00b0C och \u00a7paragrafregler\u00b0\n\n");
	check_body(d, 24,
		   "    Grader \u00b0C och \u00a7-\n    paragrafregler\u00b0\n\n");
	help_doc_free(d);
}

TEST(long_swedish_paragraph)
{
	struct help_doc *d = doc_body();
	struct strbuf text = STRBUF_INIT;
	strbuf_init(&text);
	while (text.len < 1300)
		strbuf_addstr(&text, "Cmdleten avslutar interaktiva sessioner "
				     "som du startade med Enter-PSSession. ");
	strbuf_rtrim(&text);
	d->parts[0].body = mk_blocks(d, 1, b_para(d, text.buf));
	char *out = render(d, RENDER_DEFAULT, 80, NULL, NULL);
	check_int(check_layout(out, 80), ==, 0);
	/* Joined back, the lines give the paragraph; each is well filled. */
	struct strbuf joined = STRBUF_INIT;
	strbuf_init(&joined);
	const char *p = strstr(out, "about_T\n\n") + 9;
	size_t lines = 0;
	while (*p && *p != '\n') {
		const char *nl = strchr(p, '\n');
		check(strncmp(p, "    ", 4) == 0 && p[4] != ' ');
		if (joined.len)
			strbuf_addch(&joined, ' ');
		strbuf_add(&joined, p + 4, (size_t)(nl - p - 4));
		if (nl[1] != '\n')
			check_int(nl - p, >, 60);
		lines++;
		p = nl + 1;
	}
	check_str(joined.buf, text.buf);
	check_int(lines, >=, 17);
	free(out);
	strbuf_release(&joined);
	strbuf_release(&text);
	help_doc_free(d);
}

TEST(cjk_paragraph_fits)
{
	struct help_doc *d = doc_body();
	struct strbuf text = STRBUF_INIT;
	strbuf_init(&text);
	for (int i = 0; i < 30; i++)
		strbuf_addstr(&text, "交互式会话结束。");
	d->parts[0].body = mk_blocks(d, 1, b_para(d, text.buf));
	char *out = render(d, RENDER_DEFAULT, 40, NULL, NULL);
	check_int(check_layout(out, 40), ==, 0);
	/* Nothing is lost: wide characters are broken between, not dropped. */
	struct strbuf joined = STRBUF_INIT;
	strbuf_init(&joined);
	const char *p = strstr(out, "about_T\n\n") + 9;
	while (*p && *p != '\n') {
		const char *nl = strchr(p, '\n');
		if (nl[1] != '\n')
			check(textwrap_width(p, (size_t)(nl - p)) > 30);
		strbuf_add(&joined, p + 4, (size_t)(nl - p - 4));
		p = nl + 1;
	}
	check_str(joined.buf, text.buf);
	free(out);
	strbuf_release(&joined);
	strbuf_release(&text);
	help_doc_free(d);
}

static struct help_blocks
item(struct help_doc *d, const char *md)
{
	return mk_blocks(d, 1, b_para(d, md));
}

TEST(nested_lists)
{
	struct help_doc *d = doc_body();
	struct help_block nested =
		b_list(d, true, true, 9, 2, item(d, "nine"), item(d, "ten"));
	struct help_blocks first = mk_blocks(
		d, 2,
		b_para(d, "First item text that is long enough to wrap at "
			  "forty columns."),
		nested);
	d->parts[0].body = mk_blocks(
		d, 3, b_para(d, "Intro:"),
		b_list(d, false, true, 0, 2, first, item(d, "Second")),
		b_list(d, true, false, 1, 2, item(d, "One"),
		       item(d, "Two\rhard break")));
	check_body(d, 0,
		   "    Intro:\n"
		   "\n"
		   "    - First item text that is long enough to wrap at "
		   "forty columns.\n"
		   "      9.  nine\n"
		   "      10. ten\n"
		   "    - Second\n"
		   "\n"
		   "    1. One\n"
		   "\n"
		   "    2. Two\n"
		   "       hard break\n"
		   "\n");
	check_body(d, 30,
		   "    Intro:\n"
		   "\n"
		   "    - First item text that is\n"
		   "      long enough to wrap at\n"
		   "      forty columns.\n"
		   "      9.  nine\n"
		   "      10. ten\n"
		   "    - Second\n"
		   "\n"
		   "    1. One\n"
		   "\n"
		   "    2. Two\n"
		   "       hard break\n"
		   "\n");
	help_doc_free(d);
}

TEST(list_item_starting_with_code)
{
	struct help_doc *d = doc_body();
	d->parts[0].body =
		mk_blocks(d, 1,
			  b_list(d, false, false, 0, 2,
				 mk_blocks(d, 2, b_code("Get-Thing\n"),
					   b_para(d, "Runs it.")),
				 mk_blocks(d, 0)));
	/* The marker goes on the first line; an empty item keeps its marker. */
	check_body(d, 0,
		   "    - Get-Thing\n"
		   "\n"
		   "      Runs it.\n"
		   "\n"
		   "    -\n"
		   "\n");
	help_doc_free(d);
}

TEST(alerts_quotes_headings)
{
	struct help_doc *d = doc_body();
	d->parts[0].body = mk_blocks(
		d, 5,
		b_alert(HELP_ALERT_NOTE,
			mk_blocks(d, 2, b_para(d, "Body of the note."),
				  b_para(d, "Second paragraph."))),
		b_alert(HELP_ALERT_WARNING,
			mk_blocks(d, 1,
				  b_list(d, false, true, 0, 1,
					 item(d, "careful")))),
		b_heading(d, 3, "A *sub* heading"),
		b_quote(mk_blocks(d, 1, b_para(d, "Quoted text."))),
		b_alert(HELP_ALERT_CAUTION,
			mk_blocks(d, 1,
				  b_alert(HELP_ALERT_TIP,
					  mk_blocks(d, 1,
						    b_para(d, "Nested."))))));
	check_body(d, 0,
		   "    Note:\n"
		   "        Body of the note.\n"
		   "\n"
		   "        Second paragraph.\n"
		   "\n"
		   "    Warning:\n"
		   "        - careful\n"
		   "\n"
		   "    A sub heading\n"
		   "\n"
		   "        Quoted text.\n"
		   "\n"
		   "    Caution:\n"
		   "        Tip:\n"
		   "            Nested.\n"
		   "\n");
	d->parts[0].body.n = 1;
	d->parts[0].body.v[0].u.alert.kind = HELP_ALERT_IMPORTANT;
	check_body(d, 0,
		   "    Important:\n"
		   "        Body of the note.\n"
		   "\n"
		   "        Second paragraph.\n"
		   "\n");
	help_doc_free(d);
}

TEST(code_blocks)
{
	struct help_doc *d = doc_body();
	d->parts[0].body = mk_blocks(
		d, 3,
		b_code("\n\n\tindented\nab\tc\nabcd\tx\n\n\n\nend  \r\n\n"),
		b_para(d, "After."),
		b_code("  Get-Thing -Name alpha -Mode fast -Force\n"));
	/* Tabs to multiples of 4; empty runs collapse; no blank at the ends. */
	check_body(d, 0,
		   "        indented\n"
		   "    ab  c\n"
		   "    abcd    x\n"
		   "\n"
		   "    end\n"
		   "\n"
		   "    After.\n"
		   "\n"
		   "      Get-Thing -Name alpha -Mode fast -Force\n"
		   "\n");
	/* A line too long is wrapped; it keeps its own indentation. */
	check_body(d, 30,
		   "        indented\n"
		   "    ab  c\n"
		   "    abcd    x\n"
		   "\n"
		   "    end\n"
		   "\n"
		   "    After.\n"
		   "\n"
		   "      Get-Thing -Name alpha\n"
		   "      -Mode fast -Force\n"
		   "\n");
	help_doc_free(d);
}

TEST(tables)
{
	struct help_doc *d = doc_body();
	static const char *const small[] = { "Name",	    "Value", "Notes",
					     "a",	    "1",     "x",
					     "long `name`", "12345", "yy" };
	struct help_block t = b_table(d, 3, 3, small);
	t.u.table.align[1] = HELP_ALIGN_RIGHT;
	t.u.table.align[2] = HELP_ALIGN_CENTER;
	d->parts[0].body = mk_blocks(d, 1, t);
	check_body(d, 0,
		   "    Name         Value  Notes\n"
		   "    -----------  -----  -----\n"
		   "    a                1    x\n"
		   "    long `name`  12345   yy\n"
		   "\n");
	help_doc_free(d);

	d = doc_body();
	static const char *const wide[] = {
		"Name",
		"Description",
		"Alpha",
		("A long description that needs to be wrapped "
		 "inside its column."),
		"Beta",
		"Short."
	};
	d->parts[0].body = mk_blocks(d, 1, b_table(d, 2, 3, wide));
	check_body(d, 0,
		   "    Name   Description\n"
		   "    -----  ------------------------------------------"
		   "--------------------\n"
		   "    Alpha  A long description that needs to be wrapped "
		   "inside its column.\n"
		   "    Beta   Short.\n"
		   "\n");
	/* 36 cells at indent 4: the widest column shrinks to 29. */
	check_body(d, 40,
		   "    Name   Description\n"
		   "    -----  -----------------------------\n"
		   "    Alpha  A long description that needs\n"
		   "           to be wrapped inside its\n"
		   "           column.\n"
		   "    Beta   Short.\n"
		   "\n");
	help_doc_free(d);
}

TEST(control_characters_neutralized)
{
	struct help_doc *d = doc_get_thing();
	d->name = "Bad\033[31mName";
	d->synopsis = mk_blocks(d, 2, b_para(d, "Text\033]0;title\007 here"),
				b_code("echo \033[2J\tdone\n"));
	d->params[0].name = "Na\033me";
	d->params[0].default_value = "\033[1m";
	d->nlinks = 1;
	d->links = arena_array(&d->arena, 1, sizeof(*d->links));
	d->links[0] = mk_link(HELP_LINK_COMMAND, "x", "x.md", "Get\033Item");
	d->nexamples = 1;
	d->examples = arena_array(&d->arena, 1, sizeof(*d->examples));
	d->examples[0].title = "Title \033[5m";
	static const char *const cells[] = { "a\033b", "c" };
	d->examples[0].body = mk_blocks(d, 1, b_table(d, 1, 2, cells));
	check_all_views(d);
	char *out = render(d, RENDER_FULL, 0, NULL, NULL);
	check(strstr(out, "    Bad\u241b[31mName\n") != NULL);
	check(strstr(out, "    Text\u241b]0;title\u2407 here\n") != NULL);
	check(strstr(out, "    echo \u241b[2J   done\n") != NULL);
	check(strstr(out, "    -Na\u241bme <String[]>\n") != NULL);
	check(strstr(out, "Default value                \u241b[1m\n") != NULL);
	check(strstr(out, "    Get\u241bItem\n") != NULL);
	check(strstr(out, "    a\u241bb\n") != NULL);
	check(strstr(out, "Title \u241b[5m") != NULL);
	free(out);
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_json(d, NULL, &sb);
	check(strchr(sb.buf, '\033') == NULL);
	check(strstr(sb.buf, "\"Bad\\u001b[31mName\"") != NULL);
	strbuf_release(&sb);
	help_doc_free(d);
}

/* ---------- About topics ---------- */

static struct help_about_part
part(enum help_about_section kind, const char *heading, struct help_blocks body)
{
	return (struct help_about_part){
		.kind = kind, .heading = heading, .pos = { 1, 1 }, .body = body
	};
}

TEST(about_topic)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_ABOUT;
	d->name = "about_Alias";
	d->locale = "sv-SE";
	d->nparts = 4;
	d->parts = arena_array(&d->arena, 4, sizeof(*d->parts));
	d->parts[0] = part(HELP_ABOUT_SHORT_DESCRIPTION, "Kort beskrivning",
			   item(d, "Beskriver alias."));
	d->parts[1] = part(HELP_ABOUT_LONG_DESCRIPTION, "Lång beskrivning",
			   mk_blocks(d, 2, b_para(d, "Ett alias är ett namn."),
				     b_heading(d, 3, "Ändra ett alias")));
	d->parts[2] = part(HELP_ABOUT_OTHER, NULL, item(d, "Utan rubrik."));
	d->parts[3] = part(HELP_ABOUT_SEE_ALSO, "Se även",
			   item(d, "about_Functions"));
	const char *want = "\n"
			   "TOPIC\n"
			   "    about_Alias\n"
			   "\n"
			   /* the parts every topic has get the catalog's
			      headings (none bound here: English) */
			   "SHORT DESCRIPTION\n"
			   "    Beskriver alias.\n"
			   "\n"
			   "LONG DESCRIPTION\n"
			   "    Ett alias är ett namn.\n"
			   "\n"
			   "    Ändra ett alias\n"
			   "\n"
			   "    Utan rubrik.\n"
			   "\n"
			   "SEE ALSO\n"
			   "    about_Functions\n"
			   "\n";
	/* Every view shows an About topic the same way. */
	check_render(d, RENDER_DEFAULT, 0, NULL, want);
	check_render(d, RENDER_FULL, 0, NULL, want);
	check_render(d, RENDER_EXAMPLES, 0, NULL, want);
	help_doc_free(d);
}

TEST(about_heading_case_follows_locale)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_MODULE;
	d->name = "M";
	d->locale = "tr-TR";
	d->nparts = 1;
	d->parts = arena_array(&d->arena, 1, sizeof(*d->parts));
	d->parts[0] = part(HELP_ABOUT_OTHER, "bilgi ve ipuçları", item(d, "x"));
	check_render(d, RENDER_DEFAULT, 0, NULL,
		     "\nTOPIC\n    M\n\nBİLGİ VE İPUÇLARI\n    x\n\n");
	d->locale = "en-US";
	check_render(d, RENDER_DEFAULT, 0, NULL,
		     "\nTOPIC\n    M\n\nBILGI VE IPUÇLARI\n    x\n\n");
	d->locale = "not a locale!";
	check_render(d, RENDER_DEFAULT, 0, NULL,
		     "\nTOPIC\n    M\n\nBILGI VE IPUÇLARI\n    x\n\n");
	help_doc_free(d);
}

/* ---------- the topic table ---------- */

TEST(topic_table)
{
	struct render_topic_row rows[] = {
		{ "Get-Thing", "Cmdlet", "Things", "Gets things.", NULL, NULL },
		{ "about_Things", "HelpFile", "",
		  "Describes things in detail,\nwith a long synopsis.", NULL,
		  NULL },
		{ "Über\033", "Cmdlet", NULL, NULL, NULL, NULL },
	};
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_topic_table(rows, 3, 0, &sb);
	check_str(sb.buf,
		  "\n"
		  "Name         Category Module Synopsis\n"
		  "----         -------- ------ --------\n"
		  "Get-Thing    Cmdlet   Things Gets things.\n"
		  "about_Things HelpFile        Describes things in detail, "
		  "with a long synopsis.\n"
		  "Über\u241b        Cmdlet\n"
		  "\n");
	strbuf_reset(&sb);
	/* The synopsis gets what is left of 40 cells and is cut, not wrapped. */
	render_topic_table(rows, 2, 40, &sb);
	check_str(sb.buf, "\n"
			  "Name         Category Module Synopsis\n"
			  "----         -------- ------ --------\n"
			  "Get-Thing    Cmdlet   Things Gets thing…\n"
			  "about_Things HelpFile        Describes…\n"
			  "\n");
	strbuf_reset(&sb);
	render_topic_table(NULL, 0, 80, &sb);
	check_str(sb.buf, "\nName Category Module Synopsis\n"
			  "---- -------- ------ --------\n\n");
	strbuf_release(&sb);
}

/* ---------- JSON ---------- */

/* Every format is reached through the one table, and gives what its
   own function gives. */
TEST(formats_behind_one_interface)
{
	size_t n;
	const struct render_format *const *v = render_formats(&n);
	struct help_doc *d = help_doc_new();
	struct render_options ro = { .view = RENDER_FULL, .width = 80 };
	struct strbuf direct = STRBUF_INIT, via = STRBUF_INIT;

	check_int(n, ==, 3);
	check_str(v[0]->name, "text");
	check_str(v[1]->name, "json");
	check_str(v[2]->name, "man");
	check(render_format_find("JSON") == v[1]);
	check(render_format_find("Text") == v[0]);
	check(render_format_find("MAN") == v[2]);
	check(render_format_find("html") == NULL);
	check(render_format_find(NULL) == NULL);
	d->kind = HELP_DOC_COMMAND;
	d->name = "F";
	d->locale = "en-US";
	d->synopsis = mk_blocks(d, 1, b_para(d, "Does *one* thing."));
	strbuf_init(&direct);
	strbuf_init(&via);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&direct);
		strbuf_reset(&via);
		if (i == 0)
			check_int(render_text(d, &ro, &direct), ==, 0);
		else if (i == 1)
			render_json(d, NULL, &direct);
		else
			check_int(render_man(d, &ro, &direct), ==, 0);
		check_int(v[i]->render(d, &ro, &via), ==, 0);
		check(via.len > 0);
		check_str(via.buf, direct.buf);
	}
	/* A -Parameter pattern that matches nothing selects nothing. */
	ro.view = RENDER_PARAMETER;
	ro.parameter = "NoSuch*";
	strbuf_reset(&via);
	check_int(render_format_find("text")->render(d, &ro, &via), ==, 1);
	check_int(via.len, ==, 0);
	strbuf_release(&direct);
	strbuf_release(&via);
	help_doc_free(d);
}

/* Whether s[0..n) holds the m bytes of t. */
static bool
holds(const char *s, size_t n, const char *t, size_t m)
{
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, t, m) == 0)
			return true;
	return false;
}

/* The .TH fields show hidden characters as everything else does: a bidi
   isolate in a module's name must not reach the terminal raw. */
TEST(man_title_fields_are_neutralized)
{
	struct help_doc *d = help_doc_new();
	struct render_options ro = { .view = RENDER_FULL };
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;

	d->kind = HELP_DOC_COMMAND;
	d->name = "Get-\xe2\x80\xaeThing\x7f";	 /* RLO, DEL */
	d->module = "about\xe2\x81\xa9_\"Mod\\\x1b"; /* PDI, '"', '\\', ESC */
	strbuf_init(&sb);
	strbuf_init(&want);
	check_int(render_man(d, &ro, &sb), ==, 0);
	const char *nl = strchr(sb.buf, '\n');
	size_t n = nl ? (size_t)(nl - sb.buf) : sb.len;
	check(!holds(sb.buf, n, "\xe2\x80\xae", 3));
	check(!holds(sb.buf, n, "\xe2\x81\xa9", 3));
	check(memchr(sb.buf, 0x7f, n) == NULL);
	check(memchr(sb.buf, 0x1b, n) == NULL);
	/* the same visible forms as the page text gets */
	utf8_neutralize(&want, "about\xe2\x81\xa9_", 8, false);
	check(holds(sb.buf, n, want.buf, want.len));
	check(strncmp(sb.buf, ".TH \"GET-", 9) == 0);
	check(holds(sb.buf, n, "_Mod", 4));
	strbuf_release(&want);
	strbuf_release(&sb);
	help_doc_free(d);
}

/* man(7): roff requests only where we put them; page text escaped. */
TEST(man_format_escapes_roff)
{
	struct help_doc *d = help_doc_new();
	struct render_options ro = { .view = RENDER_FULL };
	struct strbuf sb = STRBUF_INIT;

	d->kind = HELP_DOC_COMMAND;
	d->name = "Get-Thing";
	d->module = "Tailspin";
	d->locale = "en-US";
	d->synopsis = mk_blocks(d, 1, b_para(d, "Gets `things` -Fast."));
	d->description = mk_blocks(
		d, 2,
		b_para(d,
		       ".TH looks like a request\n'also a \\ back\x1b]0;X\x07"),
		b_code("Get-Thing -Name a\\b\n.SH not a heading\n"));
	strbuf_init(&sb);
	check_int(render_man(d, &ro, &sb), ==, 0);
	static const char th[] = ".TH \"GET-THING\" 1 \"\" \"pshelp\" "
				 "\"Tailspin\"\n.nh\n.ad l\n";
	check(strncmp(sb.buf, th, sizeof(th) - 1) == 0);
	check(strstr(sb.buf,
		     ".SH NAME\nGet\\-Thing \\- Gets things \\-Fast.\n") !=
	      NULL);
	check(strstr(sb.buf, "\n\\&.TH looks like a request") != NULL);
	check(strstr(sb.buf, "\n\\&'also a \\e back\xe2\x90\x9b]0;X") != NULL);
	check(strstr(sb.buf, "\n.EX\nGet\\-Thing \\-Name a\\eb\n\\&.SH not a "
			     "heading\n.EE\n") != NULL);
	check(strchr(sb.buf, '\x1b') == NULL);
	/* Every line that starts with '.' is one of ours. */
	for (const char *s = sb.buf; s && *s;
	     s = strchr(s, '\n'), s = s ? s + 1 : s) {
		if (*s != '.')
			continue;
		check(strncmp(s, ".TH ", 4) == 0 ||
		      strncmp(s, ".nh\n", 4) == 0 ||
		      strncmp(s, ".ad l\n", 6) == 0 ||
		      strncmp(s, ".SH ", 4) == 0 ||
		      strncmp(s, ".PP\n", 4) == 0 ||
		      strncmp(s, ".EX\n", 4) == 0 ||
		      strncmp(s, ".EE\n", 4) == 0 ||
		      strncmp(s, ".SS ", 4) == 0);
	}
	strbuf_release(&sb);
	help_doc_free(d);
}

TEST(json_small_document)
{
	struct help_doc *d = help_doc_new();
	d->kind = HELP_DOC_COMMAND;
	d->name = "J";
	d->locale = "en-US";
	d->synopsis = mk_blocks(d, 1, b_para(d, "a **b** `c` [d](https://x)"));
	d->nlinks = 1;
	d->links = arena_array(&d->arena, 1, sizeof(*d->links));
	d->links[0] =
		mk_link(HELP_LINK_ABOUT, "Om", "About/about_X.md", "about_X");
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_json(d, NULL, &sb);
	check_str(
		sb.buf,
		"{\n"
		"  \"schema\": 1,\n"
		"  \"path\": null,\n"
		"  \"name\": \"J\",\n"
		"  \"kind\": \"command\",\n"
		"  \"title\": null,\n"
		"  \"locale\": \"en-US\",\n"
		"  \"module\": null,\n"
		"  \"online_uri\": null,\n"
		"  \"requested_culture\": null,\n"
		"  \"shown_culture\": \"en-US\",\n"
		"  \"aliases\": [],\n"
		"  \"frontmatter\": [],\n"
		"  \"sections\": [],\n"
		"  \"synopsis\": [\n"
		"    {\n"
		"      \"kind\": \"paragraph\",\n"
		"      \"line\": 1,\n"
		"      \"runs\": [\n"
		"        {\"kind\": \"text\", \"text\": \"a \", \"flags\": [], "
		"\"link\": null},\n"
		"        {\"kind\": \"text\", \"text\": \"b\", \"flags\": "
		"[\"strong\"], \"link\": null},\n"
		"        {\"kind\": \"text\", \"text\": \" \", \"flags\": [], "
		"\"link\": null},\n"
		"        {\"kind\": \"code\", \"text\": \"c\", \"flags\": [], "
		"\"link\": null},\n"
		"        {\"kind\": \"text\", \"text\": \" \", \"flags\": [], "
		"\"link\": null},\n"
		"        {\"kind\": \"text\", \"text\": \"d\", \"flags\": "
		"[\"link\"], \"link\": \"https://x\"}\n"
		"      ]\n"
		"    }\n"
		"  ],\n"
		"  \"syntax\": [],\n"
		"  \"description\": [],\n"
		"  \"examples\": [],\n"
		"  \"parameters\": [],\n"
		"  \"common_parameters\": false,\n"
		"  \"common_parameters_text\": [],\n"
		"  \"inputs\": [],\n"
		"  \"outputs\": [],\n"
		"  \"notes\": [],\n"
		"  \"links\": [\n"
		"    {\"kind\": \"about\", \"text\": \"Om\", \"target\": "
		"\"About/about_X.md\", \"topic\": \"about_X\", \"module\": "
		"null, "
		"\"line\": 1}\n"
		"  ],\n"
		"  \"short_description\": [],\n"
		"  \"parts\": []\n"
		"}\n");
	strbuf_release(&sb);
	help_doc_free(d);
}

TEST(json_escaping)
{
	struct help_doc *d = help_doc_new();
	d->name = "q\"b\\s/\n\t\x01\x1f\x7f\u00e5\u2028\u4e2d";
	d->title = "\xc2\x85"; /* U+0085, a C1 control */
	d->path = "bad\xff";   /* invalid UTF-8: never in a model, still safe */
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_json(d, NULL, &sb);
	check(strstr(sb.buf, "\"name\": \"q\\\"b\\\\s/\\u000a\\u0009\\u0001"
			     "\\u001f\\u007f\u00e5\\u2028\u4e2d\",\n") != NULL);
	check(strstr(sb.buf, "\"title\": \"\\u0085\",\n") != NULL);
	check(strstr(sb.buf, "\"path\": \"bad\\ufffd\",\n") != NULL);
	check(strstr(sb.buf, "\"kind\": \"command\",\n") != NULL);
	for (const char *p = sb.buf; *p; p++)
		check((unsigned char)*p >= 0x20 || *p == '\n');
	strbuf_release(&sb);
	help_doc_free(d);
}

TEST(json_full_model)
{
	struct help_doc *d = doc_get_thing();
	static const char *const cells[] = { "h", "c" };
	d->description =
		mk_blocks(d, 4, b_table(d, 1, 2, cells),
			  b_list(d, true, false, 3, 1, item(d, "i")),
			  b_alert(HELP_ALERT_TIP, item(d, "t")), b_code("x\n"));
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_json(d, NULL, &sb);
	if (dump)
		fputs(sb.buf, stdout);
	check(strstr(sb.buf, "      \"kind\": \"table\",\n      \"line\": 1,\n"
			     "      \"align\": [\"none\"],\n") != NULL);
	check(strstr(sb.buf, "\"ordered\": true,\n      \"tight\": false,\n"
			     "      \"start\": 3,\n") != NULL);
	check(strstr(sb.buf, "\"alert\": \"tip\",\n") != NULL);
	check(strstr(sb.buf,
		     "\"info\": \"powershell\",\n      \"text\": "
		     "\"x\\u000a\",\n      \"unclosed\": false\n") != NULL);
	check(strstr(sb.buf, "\"required\": [\n        {\"set\": \"ByName\", "
			     "\"required\": true},\n") != NULL);
	check(strstr(sb.buf,
		     "\"pipeline\": [\"ByValue\", \"ByPropertyName\"],\n") !=
	      NULL);
	check(strstr(sb.buf, "\"parameters\": [\n        {\"name\": \"Name\", "
			     "\"type\": \"String[]\", \"required\": false, "
			     "\"positional\": true},\n") != NULL);
	/* Brackets balance and the text ends with one newline. */
	long depth = 0;
	bool in_str = false;
	for (const char *p = sb.buf; *p; p++) {
		if (in_str && *p == '\\')
			p++;
		else if (*p == '"')
			in_str = !in_str;
		else if (!in_str && (*p == '{' || *p == '['))
			depth++;
		else if (!in_str && (*p == '}' || *p == ']'))
			check(--depth >= 0);
	}
	check_int(depth, ==, 0);
	check(sb.len > 2 && sb.buf[sb.len - 1] == '\n' &&
	      sb.buf[sb.len - 2] == '}');
	strbuf_release(&sb);
	help_doc_free(d);
}

/* ---------- translation ---------- */

static bool
pseudo_locale(void)
{
	i18n_init("qps_ploc");
	return strcmp(_("NAME"), "NAME") != 0;
}

/* Column where the value of an attribute row starts. */
static size_t
value_column(const char *line, size_t len)
{
	const char *close = memchr(line, ']', len);
	if (!close)
		return 0;
	const char *v = close + 1;
	while (v < line + len && *v == ' ')
		v++;
	return textwrap_width(line, (size_t)(v - line));
}

TEST(pseudo_locale_headings_and_labels)
{
	if (!pseudo_locale()) {
		/* Only meson builds the catalog; outside it, say so. */
		check(getenv("PSHELP_LOCALEDIR") == NULL);
		printf("# pseudo-locale catalog not found; skipped\n");
		i18n_init("en");
		return;
	}
	struct help_doc *docs[] = { doc_exit_pssession(), doc_get_thing() };
	for (size_t k = 0; k < 2; k++) {
		for (int v = RENDER_DEFAULT; v <= RENDER_EXAMPLES; v++) {
			char *out = render(docs[k], v, 0, NULL, NULL);
			/* Every heading at column 0 is translated. */
			for (const char *p = out + 1; *p;) {
				const char *nl = strchr(p, '\n');
				if (nl != p && *p != ' ')
					check(*p == '[');
				p = nl + 1;
			}
			check_int(check_layout(out, 0), ==, 0);
			free(out);
		}
	}
	char *out = render(docs[1], RENDER_FULL, 0, NULL, NULL);
	check(strstr(out, "\n[NÅMÉ]\n") != NULL);
	check(strstr(out, "\n    [<CómmónPárámétérs>]\n") != NULL);
	/* "[Áccépt wildcárd cháráctérs?]" is 29 cells: values at 8+31. */
	size_t rows = 0;
	for (const char *p = out; *p;) {
		const char *nl = strchr(p, '\n');
		/* Attribute rows: a bracketed label, then 2+ spaces. */
		if (strncmp(p, "        [", 9) == 0 && strstr(p, "]  ") &&
		    strstr(p, "]  ") < nl) {
			check_int(value_column(p, (size_t)(nl - p)), ==, 39);
			rows++;
		}
		p = nl + 1;
	}
	check_int(rows, ==, 19);
	check(strstr(out, "[Réqúiréd?]                    [trúé] (ByName), "
			  "[fálsé] (ById, ByPath)\n") != NULL);
	check(strstr(out, "[Pósitión?]                    [náméd]\n") != NULL);
	check(strstr(out, "[Défáúlt válúé]                [Nóné]\n") != NULL);
	free(out);
	out = render(docs[0], RENDER_DEFAULT, 0, NULL, NULL);
	check(strstr(out, "\n    [Tó séé thé éxámplés, typé:] "
			  "\"Get-Help Exit-PSSession -Examples\"\n") != NULL);
	check(strstr(out, "\n    [Önliné Vérsión:] https://") != NULL);
	free(out);
	help_doc_free(docs[0]);
	help_doc_free(docs[1]);
	i18n_init("en");
}

/* ---------- every view, every width; hostile input ---------- */

TEST(layout_invariants_everywhere)
{
	struct help_doc *d = doc_exit_pssession();
	check_all_views(d);
	help_doc_free(d);
	d = doc_get_thing();
	check_all_views(d);
	help_doc_free(d);
	d = doc_titles();
	check_all_views(d);
	help_doc_free(d);
}

static double
seconds_since(clock_t start)
{
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

TEST(big_inputs_stay_linear)
{
	struct help_doc *d = doc_body();
	struct strbuf big = STRBUF_INIT, code = STRBUF_INIT;
	strbuf_init(&big);
	strbuf_init(&code);
	while (big.len < 1000000)
		strbuf_addstr(&big, "word `code` https://x.example/a ");
	for (int i = 0; i < 100000; i++)
		strbuf_addstr(&code, "\tline\n\n");
	d->parts[0].body =
		mk_blocks(d, 2, b_para(d, big.buf), b_code(code.buf));
	clock_t t0 = clock();
	char *out = render(d, RENDER_DEFAULT, 40, NULL, NULL);
	check(seconds_since(t0) < 20);
	check_int(check_layout(out, 40), ==, 0);
	check_int(strlen(out), >, 1100000); /* every word, 36 to a line */
	free(out);
	help_doc_free(d);

	/* A SYNTAX line of unmatched brackets, and one of many groups. */
	d = doc_get_thing();
	strbuf_reset(&big);
	strbuf_addchars(&big, '[', 200000);
	d->syntax[1].text = big.buf;
	strbuf_reset(&code);
	for (int i = 0; i < 20000; i++)
		strbuf_addstr(&code, " [-P <T>]");
	d->syntax[0].text = code.buf;
	t0 = clock();
	out = render(d, RENDER_DEFAULT, 80, NULL, NULL);
	check(seconds_since(t0) < 20);
	check_int(check_layout(out, 80), ==, 0);
	free(out);
	strbuf_release(&big);
	strbuf_release(&code);
	help_doc_free(d);
}

/* The end of the nested body: text at width - 10, wrapped in 10 cells. */
static const char *
ends_nested(size_t width)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), "%*s- leaf text\n%*shere\n\n",
		 (int)(width - 12), "", (int)(width - 10), "");
	return buf;
}

TEST(deep_nesting_and_tiny_widths)
{
	struct help_doc *d = doc_body();
	struct help_blocks body = item(d, "leaf text here");
	for (int i = 0; i < 200; i++)
		body = mk_blocks(
			d, 1,
			b_quote(mk_blocks(
				d, 1, b_list(d, i % 2, false, 1, 1, body))));
	d->parts[0].body = body;
	static const size_t w[] = { 0, 1, 2, 5, 20, 30 };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		char *out = render(d, RENDER_DEFAULT, w[i], NULL, NULL);
		/* Nesting stops indenting where 10 cells would be left. */
		check_int(check_layout(out, w[i] >= 20 ? w[i] : 0), ==, 0);
		if (w[i] == 0)
			check(strstr(out, "- leaf text here\n") != NULL);
		else if (w[i] >= 20)
			check_str(strstr(out, "\n\n    ") + 2,
				  ends_nested(w[i]));
		check(strlen(out) < 200000);
		free(out);
	}
	help_doc_free(d);
	d = doc_get_thing();
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		for (int v = RENDER_DEFAULT; v <= RENDER_PARAMETER; v++) {
			char *out = render(d, v, w[i], "*", NULL);
			check_int(check_layout(out, 0), ==, 0);
			free(out);
		}
	help_doc_free(d);
}

TEST(empty_document)
{
	struct help_doc *d = help_doc_new();
	check_render(d, RENDER_FULL, 0, NULL, "\nNAME\n\n");
	d->kind = HELP_DOC_ABOUT;
	check_render(d, RENDER_FULL, 0, NULL, "\nTOPIC\n\n");
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	render_json(d, NULL, &sb);
	check(strstr(sb.buf, "\"name\": null,\n  \"kind\": \"about\",\n"));
	strbuf_release(&sb);
	help_doc_free(d);
}

int
main(void)
{
	dump = getenv("RENDER_DUMP") != NULL; /* show every rendering */
	i18n_init("en");
	RUN(default_view);
	RUN(detailed_full_examples_views);
	RUN(examples_view_at_40);
	RUN(full_view_parameters);
	RUN(detailed_view_parameters_without_links);
	RUN(narrow_syntax_and_attribute_table);
	RUN(parameter_view);
	RUN(example_title_padding);
	RUN(syntax_rebuilt_from_parameters);
	RUN(related_links);
	RUN(missing_sections_are_omitted);
	RUN(fallback_note_first);
	RUN(paragraph_reflow_and_inline_markup);
	RUN(soft_hyphens);
	RUN(long_swedish_paragraph);
	RUN(cjk_paragraph_fits);
	RUN(nested_lists);
	RUN(list_item_starting_with_code);
	RUN(alerts_quotes_headings);
	RUN(code_blocks);
	RUN(tables);
	RUN(control_characters_neutralized);
	RUN(about_topic);
	RUN(about_heading_case_follows_locale);
	RUN(topic_table);
	RUN(formats_behind_one_interface);
	RUN(man_title_fields_are_neutralized);
	RUN(man_format_escapes_roff);
	RUN(json_small_document);
	RUN(json_escaping);
	RUN(json_full_model);
	RUN(pseudo_locale_headings_and_labels);
	RUN(layout_invariants_everywhere);
	RUN(big_inputs_stay_linear);
	RUN(deep_nesting_and_tiny_widths);
	RUN(empty_document);
	return tap_done();
}
