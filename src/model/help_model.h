/* SPDX-License-Identifier: MIT */
/*
 * model: the help model, the contract between the stages, and its checks.
 *
 * The only contract between the parser (src/parse), the renderers
 * (src/render), lookup and, later, the validator and translator.  No cmark, ICU or libxml2 types appear here.
 *
 * Every string and array of a document lives in doc->arena and is freed by
 * help_doc_free().  Strings are UTF-8, NUL-terminated, and already free of
 * NUL bytes and invalid sequences (the parser rejects those pages).  Text
 * may still contain control characters: renderers neutralize them.
 * Positions are 1-based lines of the original file, front matter included;
 * columns are 1-based bytes.
 *
 * Extents are byte ranges of doc->source, the file exactly as read (BOM,
 * front matter and CR included): what a translator or updater needs to
 * replace a piece of a page and keep every other byte.  Unless a field
 * says otherwise, an extent starts at the first byte of the thing (not at
 * the indentation or container prefix before it) and ends after its last
 * byte other than blanks and the line end.  Where the model keeps
 * transformed text (entities decoded, lines joined, prefixes stripped) the
 * extent covers the source bytes the text came from.  help_doc_check_extents()
 * states the rules they obey.
 */
#ifndef PSHELP_HELP_MODEL_H
#define PSHELP_HELP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct help_pos {
	uint32_t line, col;
};

/* Bytes [start, end) of doc->source; {0, 0} in a model built by hand. */
struct help_extent {
	uint32_t start, end;
};

/* ---------- inline text ---------- */

enum help_run_kind {
	HELP_RUN_TEXT,	    /* plain text (entities decoded, escapes gone) */
	HELP_RUN_CODE,	    /* code span; text without the backticks */
	HELP_RUN_SOFTBREAK, /* a line end inside a paragraph: a space */
	HELP_RUN_LINEBREAK  /* hard break (two spaces, backslash, <br>) */
};

struct help_run {
	enum help_run_kind kind;
	unsigned flags;
#define HELP_RUN_EMPH (1u << 0)	  /* inside *emphasis* */
#define HELP_RUN_STRONG (1u << 1) /* inside **strong** */
#define HELP_RUN_LINK (1u << 2)	  /* inside a link; see link */
#define HELP_RUN_HTML (1u << 3)	  /* text that came from inline HTML */
	const char *text;	  /* NULL for breaks */
	size_t len;
	const char *link; /* link destination when HELP_RUN_LINK */
};

struct help_inline {
	struct help_run *runs;
	size_t n;
};

/* ---------- blocks ---------- */

enum help_block_kind {
	HELP_BLOCK_PARA,
	HELP_BLOCK_CODE,
	HELP_BLOCK_LIST,
	HELP_BLOCK_ALERT, /* > [!NOTE] and friends */
	HELP_BLOCK_QUOTE, /* any other block quote */
	HELP_BLOCK_TABLE,
	HELP_BLOCK_HEADING, /* headings inside a body (About topics, H4+) */
	HELP_BLOCK_HTML,    /* raw HTML block, reduced to its text */
	HELP_BLOCK_RULE
};

struct help_blocks {
	struct help_block *v;
	size_t n;
};

enum help_alert_kind {
	HELP_ALERT_NOTE,
	HELP_ALERT_TIP,
	HELP_ALERT_IMPORTANT,
	HELP_ALERT_WARNING,
	HELP_ALERT_CAUTION
};

enum help_align {
	HELP_ALIGN_NONE,
	HELP_ALIGN_LEFT,
	HELP_ALIGN_CENTER,
	HELP_ALIGN_RIGHT
};

struct help_table {
	size_t ncols, nrows;	   /* nrows includes the header row */
	enum help_align *align;	   /* ncols */
	struct help_inline *cells; /* nrows * ncols, row-major */
	/* Per cell, like cells: the text between its pipes without the
	 * blanks around it; a cell the row lacks is empty at the row's end. */
	struct help_extent *cell_ext;
};

/*
 * ext of a block: PARA and HTML from the first byte of the text to the end
 * of its last line (continuation lines' prefixes included); CODE from the
 * opening fence (or, indented, the first code byte) to the end of the
 * closing fence, or, unclosed or indented, where its content ends (after
 * the last line end); LIST from the first
 * item's marker to the end of the last item; ALERT and QUOTE from the
 * first '>' to the end of the last line of the body; TABLE from the header
 * row to the end of the last row; HEADING the whole heading line(s), `#`
 * marks and setext underline included; RULE the rule's characters.
 */
struct help_block {
	enum help_block_kind kind;
	struct help_pos pos;
	struct help_extent ext;
	union {
		struct help_inline para; /* PARA, HTML (text only) */
		struct {
			const char *info; /* info string, may be "" */
			const char *
				text; /* verbatim, ends with '\n' unless empty */
			bool unclosed; /* fence ran to the end of its container */
			/*
			 * Whole lines from the start of the first content
			 * line (container prefix and indentation included)
			 * to after the last content line's line end.  Line
			 * by line, text is the source line with a prefix
			 * and a CR before LF removed; verbatim says text
			 * equals these bytes exactly (a block at the left
			 * margin with LF line ends).
			 */
			struct help_extent content;
			bool verbatim;
		} code;
		struct {
			bool ordered;
			bool tight;
			int start; /* first number of an ordered list */
			struct help_blocks *items;
			size_t nitems;
			/* per item: its marker to the end of its last block */
			struct help_extent *item_ext;
		} list;
		struct {
			enum help_alert_kind kind;
			struct help_blocks body;
			/* the body's blocks, without the [!NOTE] line;
			 * empty at the end of the marker line without any */
			struct help_extent body_ext;
		} alert;
		struct help_blocks quote;
		struct help_table table;
		struct {
			int level;
			struct help_inline text;
			const char *anchor; /* <a name="x"> slug, or NULL */
			/* the text without `#` marks, the closing `#` run
			 * and the underline of a setext heading */
			struct help_extent text_ext;
		} heading;
	} u;
};

/* ---------- command pages ---------- */

enum help_section {
	HELP_SEC_SYNOPSIS,
	HELP_SEC_SYNTAX,
	HELP_SEC_DESCRIPTION,
	HELP_SEC_EXAMPLES,
	HELP_SEC_PARAMETERS,
	HELP_SEC_INPUTS,
	HELP_SEC_OUTPUTS,
	HELP_SEC_NOTES,
	HELP_SEC_RELATED_LINKS,
	HELP_SEC__COUNT
};

/*
 * A heading's extents, as in a HELP_BLOCK_HEADING block: ext is the
 * whole heading line, text_ext its text.
 */
struct help_heading_ext {
	struct help_extent ext, text_ext;
};

/* Where a section's heading was and what it said. */
struct help_section_info {
	bool present;
	const char *heading; /* the H2 text as written */
	struct help_pos pos;
	struct help_heading_ext heading_ext;
};

/* One parameter in a SYNTAX line. */
struct help_syntax_param {
	const char *name; /* without the dash */
	const char *
		type; /* short type as written ("String[]"), NULL for switches */
	bool required;	 /* not wrapped in [ ] as a whole */
	bool positional; /* name in [ ] */
};

struct help_syntax_set {
	const char *
		name; /* English set name (from yaml when the H3 is translated); NULL for a single unnamed set */
	const char *heading; /* the H3 text as written, or NULL */
	bool is_default;
	const char *command; /* first token of the line */
	struct help_syntax_param *params;
	size_t nparams;
	bool common_parameters; /* ends with [<CommonParameters>] */
	const char *
		text; /* the code block, continuation lines joined by one space */
	struct help_pos pos;
	/* The code block: code is its text as stored in the block, ext and
	 * content as in that HELP_BLOCK_CODE block. */
	const char *code;
	struct help_extent ext, content;
	bool verbatim;
	struct help_heading_ext heading_ext; /* the H3, or zero */
};

/* How a parameter takes pipeline input (bits); shared with src/meta. */
enum help_pipeline {
	HELP_PIPE_BY_VALUE = 1u << 0,
	HELP_PIPE_BY_PROPERTY_NAME = 1u << 1,
	HELP_PIPE_FROM_REMAINING = 1u << 2 /* takes left-over arguments */
};

/* The platyPS word of each HELP_PIPE_* bit, in the order platyPS writes them. */
struct help_pipe_name {
	unsigned bit;
	const char *name; /* "ByPropertyName", "ByValue", ... */
};
#define HELP_PIPE_NAMES 3
extern const struct help_pipe_name help_pipe_names[HELP_PIPE_NAMES];

struct strbuf;
/* "False", or "True (ByPropertyName, ByValue)" as the 2.0.0 yaml says it. */
void help_pipeline_text(struct strbuf *sb, unsigned bits);

/* The parameter set name that stands for every set ("(All)" in yaml). */
#define HELP_ALL_SETS "__AllParameterSets"

/* What a parameter's .NET type is, for help and for binding (src/meta). */
enum help_type_kind {
	HELP_TYPE_STRING,
	HELP_TYPE_INT32,
	HELP_TYPE_GUID,
	HELP_TYPE_URI,
	HELP_TYPE_SWITCH,
	HELP_TYPE_ENUM, /* a value from a fixed list */
	HELP_TYPE_PSSESSION,
	HELP_TYPE_SCRIPTBLOCK,
	HELP_TYPE_OBJECT, /* anything else */
	HELP_TYPE_CREDENTIAL,
	HELP_TYPE_HASHTABLE,
	HELP_TYPE_SESSIONOPTION,
	HELP_TYPE_JOB
};

/*
 * The kind of a full .NET type name ("System.String[]" -> string, *is_array
 * true); names it does not know are HELP_TYPE_OBJECT.  is_array may be NULL.
 */
enum help_type_kind help_type_kind(const char *full_type, bool *is_array);
/* "string", "switch", ... (the metadata JSON's "kind"); NULL if out of range. */
const char *help_type_kind_name(enum help_type_kind kind);
/* The kind named so; false if name is none of them. */
bool help_type_kind_from_name(const char *name, enum help_type_kind *kind);

/* Required can differ per parameter set: "True (A), False (B, C)". */
struct help_required {
	const char *set; /* NULL: applies to every set */
	bool required;
};

/*
 * A parameter's membership in one set, as the page states it: one entry
 * of a 2024-05-01 `ParameterSets` list, or, from a 2.0.0 block, one per
 * named set (or one HELP_ALL_SETS entry) with the block's single Position
 * and pipeline value and the set's Required.
 */
struct help_param_set {
	const char *name;     /* English set name; HELP_ALL_SETS for (All) */
	const char *position; /* "Named", "0", ... as written, or NULL */
	bool required;
	unsigned pipeline; /* HELP_PIPE_* bits */
};

struct help_param {
	const char *name;    /* canonical name without dash, from SYNTAX/yaml */
	const char *heading; /* H3 text as written ("– Jobb") */
	struct help_pos pos;
	struct help_heading_ext heading_ext;
	struct help_blocks description;
	bool has_metadata; /* a yaml block was found */
	struct help_pos metadata_pos;
	/* The yaml code block when has_metadata: its text as stored in the
	 * block, ext and content as in that HELP_BLOCK_CODE block. */
	const char *metadata_text;
	struct help_extent metadata_ext, metadata_content;
	bool metadata_verbatim;
	const char *type;  /* full type ("System.String[]"), or NULL */
	const char **sets; /* English set names; empty if all_sets */
	size_t nsets;
	bool all_sets; /* "(All)" */
	const char **aliases;
	size_t naliases;
	const char **accepted_values;
	size_t naccepted;
	struct help_required
		*required; /* at least one entry when has_metadata */
	size_t nrequired;
	const char *required_text; /* as written */
	const char *position;	   /* "Named", "0", ... as written */
	const char *default_value; /* as written, may be NULL */
	unsigned pipeline;	   /* HELP_PIPE_* bits, 0 = False */
	const char *pipeline_text; /* as written */
	bool wildcards;
	bool is_switch; /* type is SwitchParameter */
	/* Per set, in the page's order; at least one when has_metadata. */
	struct help_param_set *set_info;
	size_t nset_info;
	bool dont_show;		  /* 2024-05-01 DontShow */
	const char *help_message; /* 2024-05-01 HelpMessage, or NULL */
};

struct help_example {
	const char *title; /* the H3 text */
	struct help_pos pos;
	struct help_heading_ext heading_ext; /* zero without an H3 */
	struct help_blocks body; /* code blocks and remarks, in page order */
};

/* An INPUTS or OUTPUTS entry. */
struct help_type_entry {
	const char *name; /* type name (from the English page when damaged) */
	const char *heading; /* H3 text as written */
	struct help_pos pos;
	/* the H3, or the paragraph that names the type */
	struct help_heading_ext heading_ext;
	struct help_blocks description;
};

enum help_link_kind {
	HELP_LINK_COMMAND, /* another command page: topic = "Verb-Noun" */
	HELP_LINK_ABOUT,   /* an about_ topic: topic = "about_X" */
	HELP_LINK_URL,	   /* absolute URL: topic = NULL */
	HELP_LINK_UNRESOLVED
};

struct help_link {
	const char *text; /* link text as written (may be machine translated) */
	const char *target; /* destination as written */
	enum help_link_kind kind;
	const char *topic; /* what a user can type for COMMAND and ABOUT */
	const char *
		module; /* module folder named by ../Module/X.md or xref, or NULL */
	struct help_pos pos;
	/* See struct help_inline_link; zero when not found in the source. */
	struct help_extent ext, target_ext;
};

/*
 * A link in inline text, in page order (doc->inline_links).  target is
 * the pointer runs carry in help_run.link.  ext covers `[text](dest)`,
 * `[text][label]`, `[text]` or `<url>`; target_ext the destination as
 * written (without <>), the label of a reference link (its definition is
 * elsewhere), or the URL of an autolink.
 */
struct help_inline_link {
	const char *target;
	struct help_pos pos;
	struct help_extent ext, target_ext;
};

/* ---------- front matter ---------- */

struct help_fm_entry {
	const char *key;
	const char *value;  /* scalar, unquoted; NULL for a list */
	const char **items; /* block or flow list items */
	size_t nitems;
	struct help_pos pos;
	/*
	 * ext is the `key: value` line (a list's item lines too, and a
	 * flow list's lines up to its `]`);
	 * key_ext the key as written, quotes included; value_ext the value
	 * as written (quotes included, a trailing comment not), or a block
	 * list's item lines; empty after the key for `key:` with no items.
	 */
	struct help_extent ext, key_ext, value_ext;
};

/* ---------- about topics ---------- */

enum help_about_section {
	HELP_ABOUT_SHORT_DESCRIPTION,
	HELP_ABOUT_LONG_DESCRIPTION,
	HELP_ABOUT_SEE_ALSO,
	HELP_ABOUT_OTHER
};

struct help_about_part {
	enum help_about_section kind;
	const char *heading; /* H2 text as written */
	const char *anchor;  /* <a name> slug (English), or NULL */
	struct help_pos pos;
	struct help_heading_ext heading_ext; /* zero without a heading */
	struct help_blocks body; /* H3+ appear as HELP_BLOCK_HEADING */
};

/* ---------- the document ---------- */

/* The platyPS schema a page is written in ("PlatyPS schema version"). */
enum help_schema {
	HELP_SCHEMA_2_0_0, /* platyPS 0.x: the default without the key */
	HELP_SCHEMA_2024_05_01
};

enum help_doc_kind {
	HELP_DOC_COMMAND,
	HELP_DOC_ABOUT,
	HELP_DOC_MODULE /* module landing page: shown like an About topic */
};

struct help_doc {
	struct arena arena;
	enum help_doc_kind kind;
	const char *path; /* file it was read from, or NULL */
	/* The page exactly as read, in the arena (NUL after it); NULL in a
	 * model built by hand, which has no extents. */
	const char *source;
	size_t source_len;
	struct help_heading_ext title_ext; /* the H1, or zero */
	struct help_pos title_pos;	   /* the H1, or zero */
	const char *
		name; /* command or topic name: title, else H1, else file stem */
	const char *title; /* the H1 text as written */
	const char *
		locale; /* ms.contentlocale, else the culture folder, else Locale */
	const char *module;	/* "Module Name", else the folder, or NULL */
	const char *online_uri; /* "online version", or NULL */
	const char **aliases;	/* front matter "aliases:" list */
	size_t naliases;
	enum help_schema schema;
	bool has_bom; /* the file starts with a UTF-8 byte order mark */
	bool has_frontmatter;
	/* The 2024-05-01 `## ALIASES` section (not a help_section: Get-Help
	 * has no such heading of its own in 2.0.0 pages). */
	struct help_section_info aliases_section;
	struct help_blocks aliases_text;

	struct help_fm_entry *frontmatter;
	size_t nfrontmatter;

	/* Command pages (HELP_DOC_COMMAND). */
	struct help_section_info sections[HELP_SEC__COUNT];
	struct help_blocks synopsis;
	struct help_syntax_set *syntax;
	size_t nsyntax;
	struct help_blocks description;
	struct help_example *examples;
	size_t nexamples;
	struct help_param *params;
	size_t nparams;
	bool common_parameters; /* ### CommonParameters present */
	struct help_blocks common_parameters_text;
	struct help_type_entry *inputs;
	size_t ninputs;
	struct help_type_entry *outputs;
	size_t noutputs;
	struct help_blocks notes;
	struct help_link *links;
	size_t nlinks;

	/* Every inline link of the page, front matter excluded. */
	struct help_inline_link *inline_links;
	size_t ninline_links;

	/* About topics and module pages. */
	struct help_blocks short_description; /* copy of that part's body */
	struct help_about_part *parts;
	size_t nparts;
};

/* A new, zeroed document whose own memory lives in its arena. */
struct help_doc *help_doc_new(void);

/* The first front matter entry named key (ignoring ASCII case), or NULL. */
const struct help_fm_entry *help_doc_frontmatter(const struct help_doc *doc,
						 const char *key);

/*
 * For each of doc->inline_links, whether it is one of the related links
 * (the same source bytes; in a model without extents, the same line,
 * column and target).  malloc'd, ninline_links entries (at least one).
 * Linear: both lists are in page order.
 */
bool *help_doc_related_inline(const struct help_doc *doc);

/*
 * Calls fn for each code block of blocks, also inside lists, alerts and
 * quotes, in page order, until fn returns false (then so does this).
 */
typedef bool help_code_fn(void *cookie, const struct help_block *code);
bool help_blocks_each_code(const struct help_blocks *blocks, help_code_fn *fn,
			   void *cookie);

/* The line and byte column of doc->source[off] ({1, 1} without source). */
struct help_pos help_doc_pos_at(const struct help_doc *doc, size_t off);

/* Frees the document and everything in its arena.  NULL is fine. */
void help_doc_free(struct help_doc *doc);

/*
 * Plain text of an inline run list: code spans with their backticks,
 * breaks as spaces, no markup.  Allocated in doc's arena.
 */
const char *help_inline_plain(struct help_doc *doc,
			      const struct help_inline *in);

/* The first paragraph of blocks as plain text, or "" (arena string). */
const char *help_blocks_first_text(struct help_doc *doc,
				   const struct help_blocks *blocks);

/* "SYNOPSIS", "SYNTAX", ... (untranslated English heading of a section). */
const char *help_section_name(enum help_section sec);

/*
 * Checks the invariants of a parsed document (non-NULL arrays where n > 0,
 * valid UTF-8 text, positions set).  Returns NULL when fine, else a static
 * description of the first broken invariant.  Used by tests and fuzzers.
 */
const char *help_doc_check(const struct help_doc *doc);

/*
 * Checks the extents of a document with a source (help_check.c): each lies
 * in [0, source_len] with start <= end; children lie inside their parent
 * (code content in its block, a heading's text in its line, list items in
 * the list, blocks in their item, cells in their table, a link's target
 * in the link) and siblings are in order without overlap; the text of
 * every code, yaml and SYNTAX block matches the bytes of its content
 * extent as help_block.u.code describes.  Returns false and appends the
 * first violation, with its line:col, to why (which may be NULL).  A
 * document without source passes.
 */
struct strbuf;
bool help_doc_check_extents(const struct help_doc *doc, struct strbuf *why);

/*
 * A .NET type name as help shows it, in a: "System.String[]" -> "String[]"
 * (every namespace goes, also inside generics; "Nullable`1[X]" -> "X").
 * NULL for NULL.
 */
const char *help_short_type(struct arena *a, const char *full_type);

#endif
