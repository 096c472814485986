/* SPDX-License-Identifier: MIT */
/*
 * Parse error messages (PowerShell's texts, from its ParserStrings
 * resources), their ConciseView rendering, and the s-expression dump of a
 * syntax tree used by the tests.
 */
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lexer.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

static const struct {
	const char *id;
	const char *tmpl;
	bool incomplete; /* PowerShell reports it as incomplete input */
} errors[PSH_E__COUNT] = {
	[PSH_E_TERMINATOR_EXPECTED] = { "TerminatorExpectedAtEndOfString",
					/* TRANSLATORS: %s is the quote, ' or " */
					N_("The string is missing the "
					   "terminator: %s."),
					true },
	[PSH_E_MISSING_END_CURLY] = { "MissingEndCurlyBrace",
				      N_("Missing closing '}' in statement "
					 "block or type definition."),
				      true },
	[PSH_E_UNEXPECTED_TOKEN] = { "UnexpectedToken",
				     /* TRANSLATORS: %s is the text of the token */
				     N_("Unexpected token '%s' in expression "
					"or statement."),
				     false },
	[PSH_E_EMPTY_PIPE_ELEMENT] = { "EmptyPipeElement",
				       N_("An empty pipe element is not "
					  "allowed."),
				       true },
	[PSH_E_MISSING_EXPRESSION_AFTER] = { "MissingExpressionAfterToken",
					     /* TRANSLATORS: %s is a token such as ',' */
					     N_("Missing expression after "
						"'%s'."),
					     true },
	[PSH_E_MISSING_EXPRESSION] = { "MissingExpression",
				       /* TRANSLATORS: %s is a token such as ',' */
				       N_("Missing expression after '%s' in "
					  "pipeline element."),
				       true },
	[PSH_E_MISSING_ARGUMENT] = { "MissingArgument",
				     N_("Missing argument in parameter list."),
				     false },
	[PSH_E_PARAMETER_REQUIRES_ARG] = { "ParameterRequiresArgument",
					   /* TRANSLATORS: %s is the parameter as typed, e.g. -Name: */
					   N_("Parameter %s requires an "
					      "argument."),
					   false },
	[PSH_E_REDIRECTION_NOT_SUPPORTED] = { "RedirectionNotSupported",
					      /* TRANSLATORS: %s is an operator such as < or 2>&1 */
					      N_("The '%s' operator is "
						 "reserved for future use."),
					      false },
	[PSH_E_INVALID_VARIABLE] = { "InvalidVariableReference",
				     N_("Variable reference is not valid. '$' "
					"was not followed by a "
					"valid variable name character. "
					"Consider using ${} to "
					"delimit the name."),
				     false },
	[PSH_E_INVALID_VARIABLE_DRIVE] = { "InvalidVariableReferenceWithDrive",
					   N_("Variable reference is not "
					      "valid. ':' was not followed by "
					      "a "
					      "valid variable name character. "
					      "Consider using ${} to "
					      "delimit the name."),
					   false },
	[PSH_E_INVALID_BRACED_VARIABLE] = { "InvalidBracedVariableReference",
					    N_("Variable reference is not "
					       "valid. The variable name is "
					       "missing."),
					    false },
	[PSH_E_EMPTY_VARIABLE] = { "EmptyVariableReference",
				   N_("An empty ${} variable reference was "
				      "found. A name is "
				      "required inside the braces."),
				   false },
	[PSH_E_INCOMPLETE_BRACED_VARIABLE] = { "IncompleteDollarVariableReferen"
					       "ce",
					       N_("${variable} reference "
						  "starting is missing the "
						  "closing '}'."),
					       true },
	[PSH_E_OPEN_BRACE_IN_VARIABLE] = { "OpenBraceNeedsToBeBackTickedInVaria"
					   "bleName",
					   N_("Use `{ instead of { in variable "
					      "names."),
					   false },
	[PSH_E_MISSING_COMMENT_END] = { "MissingTerminatorMultiLineComment",
					N_("The terminator '#>' is missing "
					   "from the multiline comment."),
					true },
	[PSH_E_MISSING_PROPERTY_NAME] = { "MissingPropertyName",
					  N_("Missing property name after "
					     "reference operator."),
					  true },
	[PSH_E_EXPECTED_VALUE] = { "ExpectedValueExpression",
				   /* TRANSLATORS: %s is an operator such as = */
				   N_("You must provide a value expression "
				      "following the '%s' "
				      "operator."),
				   true },
	[PSH_E_INVALID_LEFT_HAND_SIDE] = { "InvalidLeftHandSide",
					   N_("The assignment expression is "
					      "not valid. The input to an "
					      "assignment operator must be an "
					      "object that is able to "
					      "accept assignments, such as a "
					      "variable or a property."),
					   false },
	[PSH_E_EXPRESSION_NOT_FIRST] = { "ExpressionsMustBeFirstInPipeline",
					 N_("Expressions are only allowed as "
					    "the first element of a "
					    "pipeline."),
					 false },
	[PSH_E_KEYWORD_NOT_ALLOWED] = { "ReservedKeywordNotAllowed",
					/* TRANSLATORS: %s is a PowerShell keyword such as if */
					N_("The '%s' keyword is not supported "
					   "in this version of the "
					   "language."),
					false },
	[PSH_E_UNICODE_ESCAPE] = { "InvalidUnicodeEscapeSequence",
				   N_("The Unicode escape sequence is not "
				      "valid. A valid sequence "
				      "is `u{ followed by one to six hex "
				      "digits and a closing '}'."),
				   false },
	[PSH_E_UNICODE_ESCAPE_END] = { "MissingUnicodeEscapeSequenceTerminator",
				       N_("The Unicode escape sequence is "
					  "missing the closing '}'."),
				       false },
	[PSH_E_UNICODE_ESCAPE_DIGITS] = { "TooManyDigitsInUnicodeEscapeSequenc"
					  "e",
					  N_("The Unicode escape sequence "
					     "contains more than the maximum "
					     "of six hex digits between "
					     "braces."),
					  false },
	[PSH_E_UNICODE_ESCAPE_VALUE] = { "InvalidUnicodeEscapeSequenceValue",
					 N_("The Unicode escape sequence value "
					    "is out of range. The "
					    "maximum value is 0x10FFFF."),
					 false },
	[PSH_E_MISSING_UNARY_OPERAND] = { "MissingExpressionAfterOperator",
					  /* TRANSLATORS: %s is an operator such as -not */
					  N_("Missing expression after unary "
					     "operator '%s'."),
					  true },
	[PSH_E_NOT_SUPPORTED] = { "SyntaxNotSupported",
				  /* TRANSLATORS: %s is PowerShell syntax psh lacks, e.g. $( */
				  N_("The syntax '%s' is not supported by "
				     "psh."),
				  false },
	[PSH_E_INVALID_UTF8] = { "InvalidUtf8",
				 N_("The script is not valid UTF-8."), false },
	[PSH_E_NUL] = { "NulCharacter",
			N_("The script contains a NUL character."), false },
	[PSH_E_TOO_LARGE] = { "InputTooLarge",
			      /* TRANSLATORS: %s is a number of bytes */
			      N_("The script is larger than %s bytes."),
			      false },
};

const char *
psh_error_id(enum psh_error_code code)
{
	return (unsigned)code < PSH_E__COUNT ? errors[code].id : "ParserError";
}

const char *
psh_error_template(enum psh_error_code code)
{
	return (unsigned)code < PSH_E__COUNT ? errors[code].tmpl : "%s";
}

bool
psh_error_incomplete_kind(enum psh_error_code code)
{
	return (unsigned)code < PSH_E__COUNT && errors[code].incomplete;
}

char *
psh_error_message(const struct psh_error *e, const char *tmpl)
{
	struct strbuf sb = STRBUF_INIT;
	bool used = false;

	if (tmpl == NULL)
		tmpl = psh_error_template(e->code);
	strbuf_init(&sb);
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			strbuf_addch(&sb, '%');
			p++;
		} else if (p[0] == '%' && p[1] == 's' && !used) {
			strbuf_addstr(&sb, e->arg ? e->arg : "");
			used = true;
			p++;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* ---------- ConciseView ---------- */

/* PowerShell cuts the shown line to this many characters. */
#define LINE_MAX_UNITS 69
/* PowerShell draws '~' under an empty extent; the psh brief asks for '^'. */
#define EMPTY_EXTENT_MARK '^'

/* How a source line is shown: counted in display units (a tab is four). */
struct shown_line {
	const char *s;
	size_t start, end;    /* bytes of the line, trailing blanks dropped */
	size_t n;	      /* units of the line */
	size_t before, width; /* units before and under the extent */
	size_t from, count;   /* the window shown */
	bool pre, post;	      /* "... " before, " ..." after */
};

static size_t
unit_count(const char *s, size_t start, size_t end)
{
	size_t n = 0, i = start;

	while (i < end) {
		int32_t cp;

		n += s[i] == '\t' ? 4 : 1;
		i += utf8_decode(s + i, end - i, &cp);
	}
	return n;
}

/* Drops trailing spaces, tabs and no-break spaces. */
static size_t
trim_end(const char *s, size_t start, size_t end)
{
	while (end > start) {
		unsigned char c = (unsigned char)s[end - 1];

		if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
			end--;
		else if (c == 0xA0 && end - 1 > start &&
			 (unsigned char)s[end - 2] == 0xC2)
			end -= 2;
		else
			break;
	}
	return end;
}

/* Finds the line holding off and measures the extent on it. */
static void
measure(struct shown_line *l, const char *s, size_t len, size_t off,
	size_t elen)
{
	size_t ls = off > len ? len : off, le = ls, raw_end;

	while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
		ls--;
	while (le < len && s[le] != '\n' && s[le] != '\r')
		le++;
	if (off > len)
		off = len;
	l->s = s;
	l->start = ls;
	l->end = trim_end(s, ls, le);
	l->n = unit_count(s, ls, l->end);
	l->before = unit_count(s, ls, off);
	raw_end = off + elen;
	if (raw_end <= le)
		l->width = unit_count(s, off, raw_end);
	else /* runs onto later lines: to the end of this one */
		l->width = l->n > l->before ? l->n - l->before : 0;
}

static size_t
min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* PowerShell's window of at most 69 units around the extent. */
static void
cut(struct shown_line *l)
{
	size_t prefix, suffix, total_suffix, cand, width = l->width;

	l->from = 0;
	l->count = l->n;
	l->pre = l->post = false;
	if (l->n <= LINE_MAX_UNITS)
		return;
	prefix = min_size(l->before, 12);
	total_suffix = l->n > l->before + width ? l->n - l->before - width : 0;
	suffix = min_size(total_suffix, 8);
	cand = prefix + width + suffix;
	if (cand >= LINE_MAX_UNITS) {
		if (prefix + width >= LINE_MAX_UNITS)
			width = LINE_MAX_UNITS - prefix;
		l->post = true;
	} else {
		if (l->before > prefix) {
			prefix += min_size(l->before - prefix,
					   LINE_MAX_UNITS - cand);
			cand = prefix + width + suffix;
		}
		if (cand < LINE_MAX_UNITS && total_suffix > 0)
			suffix += min_size(total_suffix, LINE_MAX_UNITS - cand);
		l->post = suffix < total_suffix;
	}
	l->pre = prefix < l->before;
	l->from = l->before - prefix;
	l->count = LINE_MAX_UNITS;
	l->before = prefix;
	l->width = min_size(width, LINE_MAX_UNITS - prefix);
}

/* Appends units [from, from + count) of the line, made terminal-safe. */
static void
add_units(struct strbuf *out, const struct shown_line *l)
{
	size_t u = 0, i = l->start, stop = l->from + l->count;

	while (i < l->end && u < stop) {
		int32_t cp;
		size_t w = utf8_decode(l->s + i, l->end - i, &cp);

		if (l->s[i] == '\t') {
			for (int k = 0; k < 4; k++, u++)
				if (u >= l->from && u < stop)
					strbuf_addch(out, ' ');
		} else {
			if (u >= l->from)
				utf8_neutralize(out, l->s + i, w, false);
			u++;
		}
		i += w;
	}
}

/* The message on one line, newlines and tabs as spaces, terminal-safe. */
static void
add_message(struct strbuf *out, const char *msg)
{
	size_t n = strlen(msg), i = 0;

	while (i < n) {
		size_t k = strcspn(msg + i, "\r\n\t");

		utf8_neutralize(out, msg + i, k, false);
		i += k;
		if (i < n) {
			strbuf_addch(out, ' ');
			i++;
		}
	}
}

/* "REASON: [FILE:LINE]" and "Line |", indented by head. */
static void
add_header(struct strbuf *out, const char *reason, const char *file,
	   const char *num, size_t head)
{
	utf8_neutralize(out, reason, strlen(reason), false);
	strbuf_addch(out, ':');
	if (file) {
		strbuf_addch(out, ' ');
		utf8_neutralize(out, file, strlen(file), false);
		strbuf_addf(out, ":%s", num);
	}
	strbuf_addch(out, '\n');
	strbuf_addchars(out, ' ', head);
	strbuf_addstr(out, "Line |\n");
}

/* The source line and the marks under the extent. */
static void
add_source(struct strbuf *out, const struct shown_line *l, const char *num,
	   size_t head, bool empty)
{
	size_t digits = strlen(num);

	strbuf_addchars(out, ' ', digits < 4 ? 4 - digits : 0);
	strbuf_addf(out, "%s |  %s", num, l->pre ? "... " : "");
	add_units(out, l);
	strbuf_addstr(out, l->post ? " ...\n" : "\n");
	strbuf_addchars(out, ' ', head);
	strbuf_addstr(out, "     |  ");
	strbuf_addchars(out, ' ', l->before + (l->pre ? 4 : 0));
	if (empty || l->width == 0)
		strbuf_addch(out, EMPTY_EXTENT_MARK);
	else
		strbuf_addchars(out, '~', l->width);
	strbuf_addch(out, '\n');
}

char *
psh_concise_view(const char *reason, const char *src, size_t len,
		 const struct psh_extent *ext, const char *file,
		 const char *message)
{
	struct strbuf out = STRBUF_INIT;
	struct shown_line l;
	char num[16];
	size_t head;

	strbuf_init(&out);
	snprintf(num, sizeof(num), "%u", ext->line ? ext->line : 1);
	head = strlen(num) > 4 ? strlen(num) - 4 : 0;
	add_header(&out, reason, file, num, head);
	measure(&l, src ? src : "", src ? len : 0, ext->offset, ext->len);
	cut(&l);
	add_source(&out, &l, num, head, ext->len == 0);
	strbuf_addchars(&out, ' ', head);
	strbuf_addstr(&out, "     | ");
	add_message(&out, message ? message : "");
	strbuf_addch(&out, '\n');
	return strbuf_detach(&out, NULL);
}

char *
psh_error_format(const struct psh_error *e, const char *src, size_t len,
		 const char *file, const char *message)
{
	char *own = message ? NULL : psh_error_message(e, NULL);
	char *out = psh_concise_view("ParserError", src, len, &e->ext, file,
				     message ? message : own);

	free(own);
	return out;
}

/* ---------- s-expression dump ---------- */

static const char *const heads[] = {
	[PSH_SCRIPT] = "script",     [PSH_PIPELINE] = "pipeline",
	[PSH_ASSIGN] = "assign",     [PSH_EXIT] = "exit",
	[PSH_COMMAND] = "command",   [PSH_PARAM] = "param",
	[PSH_STRING] = "string",     [PSH_EXPANDABLE] = "expand",
	[PSH_NUMBER] = "int",	     [PSH_ARRAY] = "array",
	[PSH_VARIABLE] = "var",	     [PSH_MEMBER] = "member",
	[PSH_BOOL] = "bool",	     [PSH_NULL] = "null",
	[PSH_SCRIPTBLOCK] = "block", [PSH_BINARY] = "binary",
	[PSH_UNARY] = "unary",	     [PSH_PAREN] = "paren",
};

static void
dump_quoted(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_addch(sb, ' ');
	strbuf_addch(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c == '\n')
			strbuf_addstr(sb, "\\n");
		else if (c == '\t')
			strbuf_addstr(sb, "\\t");
		else if (c == '\r')
			strbuf_addstr(sb, "\\r");
		else if (c < 0x20 || c == 0x7F)
			strbuf_addf(sb, "\\x%02X", c);
		else
			strbuf_addch(sb, (char)c);
	}
	strbuf_addch(sb, '"');
}

static void dump_node(struct strbuf *sb, const struct psh_node *n,
		      unsigned flags);

static void
dump_kids(struct strbuf *sb, const struct psh_node *n, size_t from,
	  unsigned flags)
{
	for (size_t i = from; i < n->nkids; i++) {
		strbuf_addch(sb, ' ');
		dump_node(sb, n->kids[i], flags);
	}
}

/* The head's own fields: names, values, texts. */
static size_t
dump_fields(struct strbuf *sb, const struct psh_node *n)
{
	switch (n->kind) {
	case PSH_COMMAND:
		dump_quoted(sb, n->text, n->len);
		return 1; /* kids[0] is the name again */
	case PSH_PARAM:
	case PSH_STRING:
	case PSH_VARIABLE:
	case PSH_SCRIPTBLOCK:
	case PSH_BINARY:
	case PSH_UNARY:
		dump_quoted(sb, n->text, n->len);
		return 0;
	case PSH_NUMBER:
		if (n->real)
			strbuf_addf(sb, " %.17g", n->dnum);
		else
			strbuf_addf(sb, " %lld", (long long)n->num);
		return 0;
	case PSH_BOOL:
		strbuf_addstr(sb, n->num ? " true" : " false");
		return 0;
	default:
		return 0;
	}
}

/* Member names print as strings: (member (var "s") "State") */
static void
dump_member(struct strbuf *sb, const struct psh_node *n, unsigned flags)
{
	strbuf_addch(sb, ' ');
	dump_node(sb, n->kids[0], flags);
	for (size_t i = 1; i < n->nkids; i++)
		dump_quoted(sb, n->kids[i]->text, n->kids[i]->len);
}

static void
dump_node(struct strbuf *sb, const struct psh_node *n, unsigned flags)
{
	size_t from;

	if (n->kind == PSH_SCRIPT) {
		for (size_t i = 0; i < n->nkids; i++) {
			if (i)
				strbuf_addch(sb, '\n');
			dump_node(sb, n->kids[i], flags);
		}
		return;
	}
	strbuf_addf(sb, "(%s", heads[n->kind]);
	if (flags & PSH_DUMP_POS)
		strbuf_addf(sb, "@%u:%u/%zu+%zu", n->ext.line, n->ext.col,
			    n->ext.offset, n->ext.len);
	from = dump_fields(sb, n);
	if (n->kind == PSH_MEMBER && n->nkids > 0)
		dump_member(sb, n, flags);
	else
		dump_kids(sb, n, from, flags);
	strbuf_addch(sb, ')');
}

char *
psh_dump(const struct psh_node *n, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (n)
		dump_node(&sb, n, flags);
	return strbuf_detach(&sb, NULL);
}
