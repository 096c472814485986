/* SPDX-License-Identifier: MIT */
/*
 * Examples: every PowerShell code block of a command page's EXAMPLES
 * parses with psh's parser, and every command and -Parameter in it binds
 * against the metadata with the runtime's own name matching.  With
 * --run-examples, transcripts run in psh and their output is compared
 * with the page's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "check.h"
#include "examples_internal.h"
#include "i18n.h"
#include "parser.h"
#include "textdiff.h"
#include "wildcard.h"
#include "xalloc.h"

/* Script blocks inside script blocks: deeper ones are not looked into. */
#define MAX_BLOCK_DEPTH 8
/* Names passed to psh as --endpoint for one example. */
#define MAX_COMPUTERS 32
/* Attempts to find a prefix of a failing block that parses. */
#define MAX_SALVAGE_TRIES 32
/* Parse errors one block reports; later ones only stop it from running. */
#define MAX_ERRORS_PER_BLOCK 8
/* Bytes one block may make the parser read before the rest is skipped. */
#define BLOCK_PARSE_BUDGET ((size_t)32 << 20)
/* Distinct unknown commands one example reports. */
#define MAX_UNKNOWN_PER_EXAMPLE 64

struct ex_state {
	const struct check_env *env;
	struct diag_ctx *dx;
	const struct ex_piece *piece;
	struct strbuf unknown; /* "\nname\n..." reported in this example */
	unsigned nunknown;
	/* What the current block holds, for --run-examples. */
	bool parse_failed, unsupported, bad_param;
	size_t budget;	       /* parse bytes left for the block */
	unsigned nerrors;      /* parse errors in the block */
	char *missing_command; /* first command the metadata lacks */
	char *computers[MAX_COMPUTERS];
	size_t ncomputers;
	struct ex_runner runner; /* the example's runtime directory */
};

static void walk_script(struct ex_state *st, const struct psh_node *script,
			int depth);
static void report_error(struct ex_state *st, const struct psh_error *e);

/* ---------- commands and parameters ---------- */

static const struct meta_command *
find_command(const struct meta_set *meta, const char *name)
{
	/* PowerShell's help is a function that takes Get-Help's parameters. */
	if (strcasecmp(name, "help") == 0)
		name = "Get-Help";
	return meta_set_find(meta, name, true);
}

static struct ex_origin
node_origin(const struct ex_state *st, const struct psh_extent *ext)
{
	return check_examples_origin(st->piece, ext->line, ext->col);
}

/* Reports name once per example. */
static void
command_unknown(struct ex_state *st, const struct psh_node *cmd)
{
	struct strbuf key = STRBUF_INIT;
	struct ex_origin o = node_origin(st, &cmd->kids[0]->ext);

	char *folded = fold_case(cmd->text);
	strbuf_init(&key);
	strbuf_addf(&key, "\n%s\n", folded);
	free(folded);
	if (st->nunknown < MAX_UNKNOWN_PER_EXAMPLE &&
	    !strstr(st->unknown.buf, key.buf)) {
		st->nunknown++;
		strbuf_add(&st->unknown, key.buf + 1, key.len - 1);
		diag_report(st->dx, DIAG_EXAMPLE_COMMAND_UNKNOWN, o.line, o.col,
			    cmd->text);
	}
	strbuf_release(&key);
	if (!st->missing_command)
		st->missing_command = xstrdup(cmd->text);
}

/*
 * The binder's own name matching (exact name or alias, else a unique
 * prefix; a declared parameter beats common ones): bound alone, without
 * a value, a parameter that takes one fails for the missing value and a
 * switch binds.
 */
enum param_kind { PARAM_NOT_FOUND, PARAM_SWITCH, PARAM_TAKES_VALUE };

static enum param_kind
check_param(struct ex_state *st, const struct meta_command *mc,
	    const struct psh_node *param)
{
	enum param_kind kind = PARAM_SWITCH;
	struct rt_arg arg = { .name = param->text };
	struct rt_binding b;
	struct ex_origin o = node_origin(st, &param->ext);

	if (strcmp(param->text, "?") == 0) /* Cmd -? shows help */
		return PARAM_NOT_FOUND;
	switch (rt_bind(&b, mc, &arg, 1, NULL)) {
	case RT_BIND_NAMED_PARAMETER_NOT_FOUND:
		diag_report(st->dx, DIAG_EXAMPLE_PARAM_UNKNOWN, o.line, o.col,
			    param->text, mc->name);
		st->bad_param = true;
		kind = PARAM_NOT_FOUND;
		break;
	case RT_BIND_AMBIGUOUS_PARAMETER:
		diag_report_detail(st->dx, DIAG_EXAMPLE_PARAM_UNKNOWN, o.line,
				   o.col, b.message, param->text, mc->name);
		st->bad_param = true;
		kind = PARAM_NOT_FOUND;
		break;
	case RT_BIND_MISSING_ARGUMENT:
		kind = PARAM_TAKES_VALUE;
		break;
	default:
		break;
	}
	rt_binding_release(&b);
	return kind;
}

/* A word psh could be asked to treat as a computer: Server01, web.x. */
static bool
computer_like(const struct psh_node *v)
{
	bool letter = false;

	if (v->kind != PSH_STRING || v->len == 0 || v->len > 255 ||
	    v->text[0] == '-' || v->text[0] == '.')
		return false;
	for (size_t i = 0; i < v->len; i++) {
		char c = v->text[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			letter = true;
		else if (!(c >= '0' && c <= '9') && c != '-' && c != '.' &&
			 c != '_')
			return false;
	}
	return letter;
}

static void
add_computer(struct ex_state *st, const struct psh_node *v)
{
	if (!computer_like(v) || st->ncomputers == MAX_COMPUTERS)
		return;
	for (size_t i = 0; i < st->ncomputers; i++)
		if (strcasecmp(st->computers[i], v->text) == 0)
			return;
	st->computers[st->ncomputers++] = xstrdup(v->text);
}

static void
walk_value(struct ex_state *st, const struct psh_node *v, int depth)
{
	struct psh_ast *ast;

	switch (v->kind) {
	case PSH_SCRIPTBLOCK:
		if (depth >= MAX_BLOCK_DEPTH || st->budget < v->len)
			return;
		st->budget -= v->len;
		ast = psh_parse_ex(v->text, v->len,
				   &(struct psh_pos){ v->inner.offset,
						      v->inner.line,
						      v->inner.col });
		if (ast->error)
			report_error(st, ast->error);
		else
			walk_script(st, ast->root, depth + 1);
		psh_ast_free(ast);
		break;
	case PSH_ARRAY:
	case PSH_PARAM:
		for (size_t i = 0; i < v->nkids; i++) {
			add_computer(st, v->kids[i]);
			walk_value(st, v->kids[i], depth);
		}
		break;
	default:
		add_computer(st, v);
		break;
	}
}

static bool
is_path(const char *name)
{
	return strchr(name, '/') || strchr(name, '\\');
}

static void
check_command(struct ex_state *st, const struct psh_node *cmd, bool piped,
	      int depth)
{
	const struct meta_command *mc = NULL;
	bool names_bind = true;

	/* a script or program by path is not a command the metadata has */
	if (is_path(cmd->text)) {
		if (!st->missing_command)
			st->missing_command = xstrdup(cmd->text);
	} else if ((mc = find_command(st->env->meta, cmd->text)) == NULL) {
		command_unknown(st, cmd);
	}
	bool value_next = false, unknown_positional = false;
	for (size_t i = 1; i < cmd->nkids; i++) {
		const struct psh_node *k = cmd->kids[i];
		if (k->kind == PSH_PARAM && mc) {
			enum param_kind kind = check_param(st, mc, k);
			names_bind &= kind != PARAM_NOT_FOUND;
			value_next = kind == PARAM_TAKES_VALUE && !k->colon;
		} else if (k->kind != PSH_PARAM) {
			unknown_positional |=
				!value_next && !check_examples_is_literal(k);
			value_next = false;
		}
		walk_value(st, k, depth);
	}
	if (mc && names_bind)
		check_examples_bind(st->dx, st->piece, mc, cmd,
				    (struct ex_call){ piped, unknown_positional });
}

/* ---------- parse errors ---------- */

struct syntax_name {
	const char *token, *what;
};

/* What a token psh refuses is, in words. */
static const struct syntax_name syntax_names[] = {
	{ "(", N_("'(' (a parenthesized expression or method call)") },
	{ "$(", N_("'$(' (a subexpression)") },
	{ "@(", N_("'@(' (an array subexpression)") },
	{ "@{", N_("'@{' (a hashtable)") },
	{ "[", N_("'[' (a type, cast or index)") },
	{ "&", N_("'&' (the call operator)") },
	{ ".", N_("'.' (dot-sourcing)") },
	{ NULL, NULL },
};

static char *
describe_unsupported(const struct psh_error *e)
{
	const char *arg = e->arg ? e->arg : "";

	if (e->code == PSH_E_KEYWORD_NOT_ALLOWED)
		return xasprintf(_("the keyword '%s'"), arg);
	if (e->code == PSH_E_REDIRECTION_NOT_SUPPORTED)
		return xasprintf(_("the redirection '%s'"), arg);
	for (const struct syntax_name *n = syntax_names; n->token; n++)
		if (strcmp(n->token, arg) == 0)
			return xstrdup(_(n->what));
	if (arg[0] == '@')
		return xasprintf(_("'%s' (splatting)"), arg);
	if (strstr(arg, ".."))
		return xasprintf(_("'%s' (the range operator)"), arg);
	if (arg[0] == '$' && strchr(arg, '=') && strchr(arg, ','))
		return xasprintf(_("'%s' (assignment to several variables)"),
				 arg);
	if (arg[0] == '$' && strchr(arg, '='))
		return xasprintf(_("'%s' (assignment to a property)"), arg);
	if (arg[0] == '-')
		return xasprintf(_("the operator '%s'"), arg);
	return xasprintf("'%s'", arg);
}

/*
 * Syntax psh leaves out, as opposed to a mistake PowerShell would report
 * too.  The parser stops at its first error, so nothing unsupported came
 * before any other kind.
 */
static bool
is_unsupported(const struct psh_error *e)
{
	return e->code == PSH_E_NOT_SUPPORTED ||
	       e->code == PSH_E_REDIRECTION_NOT_SUPPORTED ||
	       e->code == PSH_E_KEYWORD_NOT_ALLOWED;
}

static void
report_error(struct ex_state *st, const struct psh_error *e)
{
	struct ex_origin o = node_origin(st, &e->ext);
	char *text;

	if (is_unsupported(e)) {
		text = describe_unsupported(e);
		diag_report(st->dx, DIAG_EXAMPLE_UNSUPPORTED, o.line, o.col,
			    text);
		st->unsupported = true;
	} else {
		text = psh_error_message(e, _(psh_error_template(e->code)));
		diag_report(st->dx, DIAG_EXAMPLE_PARSE, o.line, o.col, text);
		st->parse_failed = true;
	}
	free(text);
}

/* Where line target of code starts, counting from offset off at line. */
static size_t
offset_of_line(const char *code, size_t len, size_t off, uint32_t line,
	       uint32_t target)
{
	while (line < target && off < len) {
		const char *nl = memchr(code + off, '\n', len - off);
		if (!nl)
			return len;
		off = (size_t)(nl - code) + 1;
		line++;
	}
	return off;
}

/* Parses code[start, end), which begins at line; false when over budget. */
static struct psh_ast *
parse_part(struct ex_state *st, const char *code, size_t start, size_t end,
	   uint32_t line)
{
	if (st->budget < end - start)
		return NULL;
	st->budget -= end - start;
	return psh_parse_ex(code + start, end - start,
			    &(struct psh_pos){ start, line, 1 });
}

/*
 * The statements before a failing one are still checked: the longest
 * run of whole lines before the error that parses.  Returns where the
 * failing statement starts (as far as lines tell).
 */
static size_t
salvage_prefix(struct ex_state *st, const char *code, size_t len, size_t start,
	       uint32_t line, const struct psh_error *e)
{
	uint32_t target = e->ext.line;

	for (int tries = 0; target > line && tries < MAX_SALVAGE_TRIES;
	     tries++, target--) {
		size_t end = offset_of_line(code, len, start, line, target);
		struct psh_ast *ast = parse_part(st, code, start, end, line);
		bool ok = ast && ast->root;
		if (ok)
			walk_script(st, ast->root, 0);
		psh_ast_free(ast);
		if (ok)
			return end;
	}
	return start;
}

/* Skips a quoted string or here-string starting at s[i]; returns after it. */
static size_t
skip_quoted(const char *s, size_t len, size_t i)
{
	char q = s[i];
	bool here = i > 0 && s[i - 1] == '@' && i + 1 < len &&
		    (s[i + 1] == '\n' || s[i + 1] == '\r');

	for (i++; i < len; i++) {
		if (q == '"' && s[i] == '`') {
			i++;
			continue;
		}
		if (s[i] != q)
			continue;
		if (!here)
			return i + 1;
		if (i + 1 < len && s[i + 1] == '@' && s[i - 1] == '\n')
			return i + 2;
	}
	return len;
}

/*
 * Where the statement at from ends: after the first newline outside
 * brackets, strings and comments that no backtick or '|' continues.  A
 * rough PowerShell tokenizer, enough to step over syntax psh refuses.
 */
static size_t
next_statement(const char *s, size_t len, size_t from)
{
	int depth = 0;
	char last = 0; /* the last character that is not blank */

	for (size_t i = from; i < len; i++) {
		char c = s[i];
		if (c == '`') {
			i++;
		} else if (c == '\'' || c == '"') {
			i = skip_quoted(s, len, i) - 1;
		} else if (c == '<' && i + 1 < len && s[i + 1] == '#') {
			const char *end = strstr(s + i, "#>");
			i = end && (size_t)(end - s) < len
				    ? (size_t)(end - s) + 1
				    : len;
		} else if (c == '#' &&
			   (i == from || strchr(" \t\n;", s[i - 1]))) {
			const char *nl = memchr(s + i, '\n', len - i);
			i = nl ? (size_t)(nl - s) - 1 : len;
			continue;
		} else if (c == '(' || c == '{' || c == '[') {
			depth++;
		} else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
			depth--;
		} else if (c == '\n' && depth == 0 && last != '|') {
			return i + 1;
		}
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			last = c;
	}
	return len;
}

static void
walk_pipeline(struct ex_state *st, const struct psh_node *p, int depth)
{
	for (size_t i = 0; i < p->nkids; i++) {
		if (p->kids[i]->kind == PSH_COMMAND)
			check_command(st, p->kids[i], i > 0, depth);
		else
			walk_value(st, p->kids[i], depth);
	}
}

/* script is NULL when it did not parse: then its ast's error is reported. */
static void
walk_script(struct ex_state *st, const struct psh_node *script, int depth)
{
	for (size_t i = 0; script && i < script->nkids; i++) {
		const struct psh_node *s = script->kids[i];
		if (s->kind == PSH_PIPELINE)
			walk_pipeline(st, s, depth);
		else if (s->kind == PSH_ASSIGN && s->nkids == 2)
			walk_pipeline(st, s->kids[1], depth);
	}
}

static uint32_t
count_lines(const char *code, size_t from, size_t to)
{
	uint32_t n = 0;

	for (size_t i = from; i < to; i++)
		n += code[i] == '\n';
	return n;
}

/*
 * Parses a piece; after an error, checks what came before it and goes
 * on with the statement after the failing one.
 */
static void
check_piece(struct ex_state *st, const struct ex_piece *piece)
{
	const char *code = piece->code.buf;
	size_t len = piece->code.len, start = 0;
	uint32_t line = 1;

	st->piece = piece;
	while (start < len) {
		struct psh_ast *ast = parse_part(st, code, start, len, line);
		size_t resume, err_end;

		if (!ast) {
			struct ex_origin o =
				check_examples_origin(piece, line, 1);
			diag_report(st->dx, DIAG_EXAMPLE_UNSUPPORTED, o.line,
				    o.col, _("a code block too long to check"));
			st->unsupported = true;
			return;
		}
		if (!ast->error) {
			walk_script(st, ast->root, 0);
			psh_ast_free(ast);
			return;
		}
		resume = salvage_prefix(st, code, len, start, line, ast->error);
		if (st->nerrors++ < MAX_ERRORS_PER_BLOCK)
			report_error(st, ast->error);
		else
			st->parse_failed = true;
		err_end = ast->error->ext.offset;
		psh_ast_free(ast);
		do
			resume = next_statement(code, len, resume);
		while (resume <= err_end && resume < len);
		line += count_lines(code, start, resume);
		start = resume;
	}
}

/* ---------- running transcripts ---------- */

static const char *
why_not_run(const struct ex_state *st, const struct ex_block *eb, char **owned)
{
	*owned = NULL;
	if (!eb->transcript)
		return _("no 'PS>' prompts, so no output to compare");
	if (st->parse_failed)
		return _("its code does not parse");
	if (st->unsupported)
		return _("it uses syntax psh does not parse");
	if (st->missing_command)
		return *owned = xasprintf(_("it calls '%s', which psh does "
					    "not have"),
					  st->missing_command);
	if (st->bad_param)
		return _("a parameter does not bind");
	if (!eb->shows_output)
		return _("no output shown on the page");
	return NULL;
}

static char *
transcript_script(const struct ex_block *eb)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < eb->npieces; i++) {
		strbuf_add(&sb, eb->pieces[i].code.buf, eb->pieces[i].code.len);
		strbuf_addch(&sb, '\n');
	}
	return strbuf_detach(&sb, NULL);
}

static void
compare_output(struct ex_state *st, const struct ex_block *eb,
	       const struct help_example *ex, const struct ex_run *r)
{
	char *want_raw = check_examples_expected(eb);
	char *want = check_examples_normalize(want_raw);
	char *got = check_examples_normalize(r->output ? r->output : "");
	struct text_diff_options o = { .a_name = _("page"), .b_name = "psh" };
	struct strbuf d = STRBUF_INIT;
	strbuf_init(&d);
	bool differ = text_diff(&d, want, strlen(want), got, strlen(got), &o);

	if (differ || r->truncated) {
		if (r->truncated)
			strbuf_addstr(&d, _("(psh's output was cut at 1 MiB)"));
		diag_report_detail(st->dx, DIAG_EXAMPLE_OUTPUT_MISMATCH,
				   eb->line, eb->col, d.buf,
				   ex->title ? ex->title : "");
	}
	strbuf_release(&d);
	free(got);
	free(want);
	free(want_raw);
}

static void
run_block(struct ex_state *st, const struct ex_block *eb,
	  const struct help_example *ex)
{
	char *owned, *script;
	const char *why = why_not_run(st, eb, &owned);
	struct ex_run r;

	if (why) {
		diag_report(st->dx, DIAG_EXAMPLE_NOT_RUN, eb->line, eb->col,
			    why);
		free(owned);
		return;
	}
	script = transcript_script(eb);
	check_examples_run(&st->runner, st->env->psh_path, script,
			   (const char *const *)st->computers, st->ncomputers,
			   &r);
	if (!r.ran)
		diag_report(st->dx, DIAG_EXAMPLE_NOT_RUN, eb->line, eb->col,
			    r.why);
	else
		compare_output(st, eb, ex, &r);
	check_examples_run_release(&r);
	free(script);
}

/* ---------- blocks and examples ---------- */

static void
block_reset(struct ex_state *st)
{
	st->parse_failed = st->unsupported = st->bad_param = false;
	st->budget = BLOCK_PARSE_BUDGET;
	st->nerrors = 0;
	free(st->missing_command);
	st->missing_command = NULL;
	for (size_t i = 0; i < st->ncomputers; i++)
		free(st->computers[i]);
	st->ncomputers = 0;
}

static void
check_block(struct ex_state *st, const struct help_doc *doc,
	    const struct help_block *b, const struct help_example *ex)
{
	struct ex_block eb;

	check_examples_split(doc, b, &eb);
	block_reset(st);
	for (size_t i = 0; i < eb.npieces; i++)
		check_piece(st, &eb.pieces[i]);
	if (st->env->run_examples)
		run_block(st, &eb, ex);
	block_reset(st);
	check_examples_block_free(&eb);
}

struct block_visit {
	struct ex_state *st;
	const struct help_doc *doc;
	const struct help_example *ex;
};

/* Every code block of an example, also in a list, alert or quote. */
static bool
visit_block(void *cookie, const struct help_block *b)
{
	struct block_visit *v = cookie;
	if (check_examples_is_powershell(b))
		check_block(v->st, v->doc, b, v->ex);
	return true;
}

void
check_examples(const struct check_env *env, const struct help_doc *doc,
	       struct diag_ctx *dx)
{
	struct ex_state st = { .env = env, .dx = dx };

	if (doc->kind != HELP_DOC_COMMAND || !env->meta)
		return;
	strbuf_init(&st.unknown);
	for (size_t i = 0; i < doc->nexamples; i++) {
		const struct help_example *ex = &doc->examples[i];
		strbuf_reset(&st.unknown);
		strbuf_addch(&st.unknown, '\n');
		st.nunknown = 0;
		struct block_visit v = { &st, doc, ex };
		help_blocks_each_code(&ex->body, visit_block, &v);
		/* the blocks of one example share sessions, examples do not */
		check_examples_runner_end(&st.runner);
	}
	strbuf_release(&st.unknown);
	check_examples_runner_end(&st.runner);
}
