/* SPDX-License-Identifier: MIT */
/*
 * The one table of diagnostics: DIAG(id, level, slug, message).
 * Sorted by level (style, warning, error); test_diag checks the order and
 * tools/check-diagnostics.sh checks that doc/diagnostics.md documents every
 * slug and that a golden test produces it.  Messages follow git's style:
 * lower case, no full stop, subject in single quotes.
 */

/* ===== style: the page is fine but could be better ===== */
DIAG(HEADING_TRANSLATED, STYLE, "heading-translated",
     N_("heading '%s' read as %s"))
DIAG(LINK_TEXT_MISMATCH, STYLE, "link-text-mismatch",
     N_("link text '%s' does not name its target '%s'"))

/* ===== warning: part of the page was read with a guess ===== */
DIAG(FRONTMATTER_LINE, WARNING, "frontmatter-line",
     N_("front matter line is not 'key: value'; ignored"))
DIAG(FRONTMATTER_QUOTE, WARNING, "frontmatter-quote",
     N_("badly quoted front matter value '%s'; read as written"))
DIAG(LOCALE_MISMATCH, WARNING, "locale-mismatch",
     N_("front matter Locale '%s' disagrees with ms.contentlocale '%s'"))
DIAG(NO_TITLE, WARNING, "no-title", N_("page has no '# Title' heading"))
DIAG(HEADING_UNKNOWN, WARNING, "heading-unknown",
     N_("heading '%s' matches no section; its content is shown under the "
	"previous one"))
DIAG(SECTION_DUPLICATE, WARNING, "section-duplicate",
     N_("second %s section; its content is appended to the first"))
DIAG(PARAM_NO_YAML, WARNING, "param-no-yaml",
     N_("parameter '%s' has no yaml metadata block"))
DIAG(PARAM_YAML_KEY, WARNING, "param-yaml-key",
     N_("unknown key '%s' in parameter metadata"))
DIAG(PARAM_YAML_VALUE, WARNING, "param-yaml-value",
     N_("cannot read %s value '%s'"))
DIAG(PARAM_NAME_GUESSED, WARNING, "param-name-guessed",
     N_("parameter heading '%s' names no SYNTAX parameter; read as '-%s'"))
DIAG(SYNTAX_TOKEN, WARNING, "syntax-token", N_("cannot read SYNTAX token '%s'"))
DIAG(LINK_UNRESOLVED, WARNING, "link-unresolved",
     N_("related link target '%s' is not a help topic or URL"))
DIAG(FENCE_UNCLOSED, WARNING, "fence-unclosed",
     N_("code fence is never closed; it runs to the end of its container"))
DIAG(FENCE_SWALLOWED, WARNING, "fence-swallowed",
     N_("code block holds a fence line with an info string; the block was "
	"probably never closed"))

/* ===== error: the page cannot be shown ===== */
DIAG(INPUT_TOO_LARGE, ERROR, "input-too-large",
     N_("page is larger than %zu bytes"))
DIAG(UTF8_INVALID, ERROR, "utf8-invalid", N_("invalid UTF-8 byte sequence"))
DIAG(NUL_BYTE, ERROR, "nul-byte", N_("NUL byte in page"))
DIAG(NESTING_TOO_DEEP, ERROR, "nesting-too-deep",
     N_("blocks nested deeper than %d levels"))
DIAG(INPUT_TOO_COMPLEX, ERROR, "input-too-complex",
     N_("page has too many unclosed '%s' to parse in reasonable time"))
DIAG(FRONTMATTER_UNCLOSED, ERROR, "frontmatter-unclosed",
     N_("front matter opened with '---' is never closed"))
DIAG(READ_FAILED, ERROR, "read-failed", N_("cannot read page: %s"))
