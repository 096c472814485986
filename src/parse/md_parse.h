/* SPDX-License-Identifier: MIT */
/*
 * parse: platyPS markdown -> help model; the only stage that sees cmark or
 * libxml2.
 *
 * md_parse.c is the only file that sees
 * cmark; frontmatter.c and platyps_meta.c parse the small non-markdown
 * formats (front matter, parameter yaml, SYNTAX lines, link targets).
 * For use by programs and lookup, not by renderers.
 */
#ifndef PSHELP_MD_PARSE_H
#define PSHELP_MD_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "help_model.h"

#define MD_PARSE_MAX_BYTES ((size_t)64 << 20)
#define MD_PARSE_MAX_DEPTH 64
/* cmark may use at most this many bytes per byte of the page's body, plus
   the base: a denser page is refused (input-too-dense). */
#define MD_PARSE_BYTES_PER_BYTE 10
#define MD_PARSE_BASE_BYTES ((size_t)32 << 20)

struct md_parse_options {
	const char *
		path; /* for doc->path and module/culture guesses; may be NULL */
	const char *culture; /* culture folder the page was found in, or NULL */
	/*
	 * The page this one was translated from (same topic, en-US), or
	 * NULL.  Where the translation damaged a name (parameter H3, type
	 * H3, set H3) the name is taken from here by position.
	 */
	const struct help_doc *source;
	size_t max_bytes; /* 0: MD_PARSE_MAX_BYTES */
	int max_depth;	  /* 0: MD_PARSE_MAX_DEPTH */
	bool regular_file; /* md_parse_file: refuse a FIFO (file_read_regular) */
	/*
	 * Only what a topic table row needs: the page is cut before its
	 * second level-2 heading, which keeps the front matter, the title
	 * and the SYNOPSIS (an About topic's short description).  The
	 * whole page is still checked (UTF-8, NUL, size) first.
	 */
	bool summary_only;
	/*
	 * Only what repairing a translation's names reads of its source
	 * (the `source` above): the kind, which sections there are and
	 * their lines, ALIASES, the parameter, syntax-set and INPUTS and
	 * OUTPUTS names and the default set, each as a full parse gives
	 * it.  Other fields may be empty (no text of tables, no links, no
	 * examples; nothing but the title of a page that is no command).
	 * Errors are reported as by a full parse, other diagnostics may
	 * be missing.
	 */
	bool names_only;
};

/*
 * Parses one page.  Problems are reported to dx (with dx->file set by the
 * caller).  Returns NULL when an error-level diagnostic makes the page
 * unusable (invalid UTF-8, NUL, too large, too deep, unclosed front
 * matter); otherwise a document the caller frees with help_doc_free().
 */
struct help_doc *md_parse(const char *buf, size_t len,
			  const struct md_parse_options *opt,
			  struct diag_ctx *dx);

/*
 * Whether markdown text s[0..len) reads as exactly one paragraph (and
 * nothing else: no heading, list, quotation, code, table, rule, HTML block
 * or link reference definition), as a translation of a paragraph must.
 */
bool md_is_one_paragraph(const char *s, size_t len);

struct strbuf;
/*
 * Whether names, a names_only parse of a page, agrees with full, its full
 * parse, in every field names_only promises (md_names_check.c; for tests
 * and fuzzers).  Both NULL agree.  Appends the first difference to why,
 * which may be NULL.
 */
bool md_names_agree(const struct help_doc *full, const struct help_doc *names,
		    struct strbuf *why);

/* Reads and parses a file; a read failure is reported as read-failed. */
struct help_doc *md_parse_file(const char *path,
			       const struct md_parse_options *opt,
			       struct diag_ctx *dx);

#endif
