/* SPDX-License-Identifier: MIT */
/*
 * The syntax tree of the psh language (parser.h builds it) and its parse
 * errors.  Every node and string lives in the arena of its struct psh_ast.
 *
 * Positions: offset and len are bytes of the source the parser was given
 * (plus the base offset of psh_parse_ex); line and col are 1-based, col in
 * bytes, of the first byte.  An extent with len 0 is a point (e.g. "just
 * after the '|'").
 */
#ifndef PSHELP_PSH_AST_H
#define PSHELP_PSH_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct psh_extent {
	size_t offset, len;
	uint32_t line, col;
};

/* Longer inputs are refused (InputTooLarge), so columns fit 32 bits. */
#define PSH_MAX_INPUT ((size_t)64 << 20)

/* Where the first byte of a source sits in a larger text. */
struct psh_pos {
	size_t offset;
	uint32_t line, col;
};

enum psh_node_kind {
	PSH_SCRIPT,   /* kids: statements (PIPELINE, ASSIGN, EXIT) */
	PSH_PIPELINE, /* kids: elements; only kids[0] may be an expression */
	PSH_ASSIGN,   /* kids[0]: VARIABLE, kids[1]: PIPELINE */
	PSH_EXIT,     /* kids: none, or one NUMBER (the exit code) */
	PSH_COMMAND, /* text: name; kids[0]: the name (STRING), then PARAMs and arguments */
	PSH_PARAM, /* text: name without '-' and ':'; kids[0]: value if colon */
	PSH_STRING, /* text/len: the value (may hold NUL from `0); quote says how written */
	PSH_EXPANDABLE, /* kids: STRING pieces and variables, in order; text: as written */
	PSH_NUMBER, /* num (or dnum if real): the value; text: as written */
	PSH_ARRAY,  /* kids: the values (one for the unary ,x) */
	PSH_VARIABLE, /* text: name as typed, without '$' or braces ("env:PATH") */
	PSH_MEMBER, /* kids[0]: target, kids[1..]: property names (STRING) */
	PSH_BOOL,   /* num: 1 for $true, 0 for $false */
	PSH_NULL,   /* $null */
	PSH_SCRIPTBLOCK, /* text: what is between the braces; inner: where */
	/* text: the operator without its dash, as written ("eq", "CLike",
	   "and"); kids[0] the left operand, kids[1] the right one */
	PSH_BINARY,
	PSH_UNARY, /* text: "not" or "!"; kids[0]: the operand */
	PSH_PAREN  /* ( expression ): kids[0] */
};

enum psh_quote {
	PSH_QUOTE_BARE,	  /* a bare word: Server01, ., a'b c' */
	PSH_QUOTE_SINGLE, /* 'text' */
	PSH_QUOTE_DOUBLE  /* "text" */
};

struct psh_node {
	enum psh_node_kind kind;
	struct psh_extent ext;
	const char *text; /* NUL-terminated; NULL where the kind has none */
	size_t len;	  /* length of text */
	int64_t num;
	double dnum; /* NUMBER: the value of a real literal (1.5, 1e3) */
	bool real;   /* NUMBER: a System.Double */
	enum psh_quote quote; /* STRING, EXPANDABLE */
	bool colon;	      /* PARAM written -Name:value */
	bool braced;	      /* VARIABLE written ${name} */
	struct psh_extent
		inner; /* SCRIPTBLOCK: the text; PARAM: the -Name: token */
	struct psh_node **kids;
	size_t nkids;
};

/* ---------- parse errors ---------- */

/*
 * PowerShell's error ids where PowerShell has the error; the last four are
 * ours (what the subset leaves out, and input psh refuses).
 */
enum psh_error_code {
	PSH_E_TERMINATOR_EXPECTED,	/* TerminatorExpectedAtEndOfString */
	PSH_E_MISSING_END_CURLY,	/* MissingEndCurlyBrace */
	PSH_E_UNEXPECTED_TOKEN,		/* UnexpectedToken */
	PSH_E_EMPTY_PIPE_ELEMENT,	/* EmptyPipeElement */
	PSH_E_MISSING_EXPRESSION_AFTER, /* MissingExpressionAfterToken */
	PSH_E_MISSING_EXPRESSION,     /* MissingExpression (command argument) */
	PSH_E_MISSING_ARGUMENT,	      /* MissingArgument */
	PSH_E_PARAMETER_REQUIRES_ARG, /* ParameterRequiresArgument */
	PSH_E_REDIRECTION_NOT_SUPPORTED, /* RedirectionNotSupported */
	PSH_E_INVALID_VARIABLE,		 /* InvalidVariableReference */
	PSH_E_INVALID_VARIABLE_DRIVE,	 /* InvalidVariableReferenceWithDrive */
	PSH_E_INVALID_BRACED_VARIABLE,	 /* InvalidBracedVariableReference */
	PSH_E_EMPTY_VARIABLE,		 /* EmptyVariableReference */
	PSH_E_INCOMPLETE_BRACED_VARIABLE, /* IncompleteDollarVariableReference */
	PSH_E_OPEN_BRACE_IN_VARIABLE, /* OpenBraceNeedsToBeBackTickedInVariableName */
	PSH_E_MISSING_COMMENT_END,    /* MissingTerminatorMultiLineComment */
	PSH_E_MISSING_PROPERTY_NAME,  /* MissingPropertyName */
	PSH_E_EXPECTED_VALUE,	      /* ExpectedValueExpression */
	PSH_E_INVALID_LEFT_HAND_SIDE, /* InvalidLeftHandSide */
	PSH_E_EXPRESSION_NOT_FIRST,   /* ExpressionsMustBeFirstInPipeline */
	PSH_E_KEYWORD_NOT_ALLOWED,    /* ReservedKeywordNotAllowed */
	PSH_E_UNICODE_ESCAPE,	      /* InvalidUnicodeEscapeSequence */
	PSH_E_UNICODE_ESCAPE_END, /* MissingUnicodeEscapeSequenceTerminator */
	PSH_E_UNICODE_ESCAPE_DIGITS, /* TooManyDigitsInUnicodeEscapeSequence */
	PSH_E_UNICODE_ESCAPE_VALUE,  /* InvalidUnicodeEscapeSequenceValue */
	PSH_E_MISSING_UNARY_OPERAND, /* MissingExpressionAfterOperator */
	PSH_E_NOT_SUPPORTED,	     /* SyntaxNotSupported (ours) */
	PSH_E_INVALID_UTF8,	     /* InvalidUtf8 (ours) */
	PSH_E_NUL,		     /* NulCharacter (ours) */
	PSH_E_TOO_LARGE,	     /* InputTooLarge (ours) */
	PSH_E__COUNT
};

struct psh_error {
	enum psh_error_code code;
	const char *id;	     /* "TerminatorExpectedAtEndOfString" */
	const char *message; /* in English; psh_error_message translates */
	const char *arg;     /* the {0} of the message, or NULL */
	struct psh_extent ext;
	/* The input ended inside the construct: more lines could complete it. */
	bool incomplete;
};

/* The error id, e.g. "UnexpectedToken". */
const char *psh_error_id(enum psh_error_code code);
/* The untranslated message template (marked N_; at most one %s). */
const char *psh_error_template(enum psh_error_code code);
/*
 * The message with its argument filled in.  tmpl is the template to use
 * (e.g. the caller's _(psh_error_template(code))), or NULL for English.
 * Only "%s" and "%%" are interpreted.  Returns a string the caller frees.
 */
char *psh_error_message(const struct psh_error *e, const char *tmpl);

/*
 * PowerShell 7's ConciseView of an error at ext in src[0, len):
 *
 *   REASON: [FILE:LINE]
 *   Line |
 *      1 |  Get-PSSession -Name 'abc
 *        |                      ~~~~
 *        | The string is missing the terminator: '.
 *
 * The source line is shown as PowerShell shows it (trailing blanks gone,
 * tabs as four spaces, cut to 69 characters around the extent with "...")
 * and made safe for a terminal; an empty extent gets a single '^'.  file
 * may be NULL.  Returns a string ending in '\n' that the caller frees.
 */
char *psh_concise_view(const char *reason, const char *src, size_t len,
		       const struct psh_extent *ext, const char *file,
		       const char *message);
/*
 * A parse error as ConciseView ("ParserError: ...").  message is the text
 * to show (translated by the caller), or NULL for psh_error_message(e, NULL).
 */
char *psh_error_format(const struct psh_error *e, const char *src, size_t len,
		       const char *file, const char *message);

/* ---------- debugging and tests ---------- */

#define PSH_DUMP_POS (1u << 0) /* add @line:col/offset+len after each head */

/*
 * A compact s-expression of the tree, e.g.
 *   (pipeline (command "Get-PSSession" (param "Name") (string "x")))
 * A PSH_SCRIPT prints its statements one per line.  Caller frees.
 */
char *psh_dump(const struct psh_node *n, unsigned flags);

#endif
