/* SPDX-License-Identifier: MIT */
/*
 * The one table of diagnostics: DIAG(id, level, slug, message).
 * Sorted by level (style, warning, error, unsupported, usage, system); test_diag checks the order and
 * tools/check-diagnostics.sh checks that doc/diagnostics.md documents every
 * slug and that a golden test produces it.  Messages follow git's style:
 * lower case, no full stop, subject in single quotes.
 */

/* ===== style: the page is fine but could be better ===== */
DIAG(HEADING_TRANSLATED, STYLE, "heading-translated",
     N_("heading '%s' read as %s"))
DIAG(LINK_TEXT_MISMATCH, STYLE, "link-text-mismatch",
     N_("link text '%s' does not name its target '%s'"))
DIAG(EXAMPLE_UNSUPPORTED, STYLE, "example-unsupported",
     N_("example uses %s, which psh does not parse; not checked"))
DIAG(EXAMPLE_NOT_RUN, STYLE, "example-not-run", N_("example not run: %s"))
DIAG(SUPPRESSED_UNUSED, STYLE, "suppressed-unused",
     N_("'pshelp-disable %s' silences nothing on this page"))
DIAG(LINT_CODE_SPACING, STYLE, "lint-code-spacing",
     N_("code span %s is glued to a word or followed by a blank and "
	"punctuation"))

/* ===== warning: part of the page was read with a guess ===== */
DIAG(INDEX_IGNORED, WARNING, "index-ignored",
     N_("search index not used: %s"))
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
DIAG(YAML_SYNTAX, WARNING, "yaml-syntax",
     N_("not valid YAML: %s; read line by line"))
DIAG(YAML_UNSUPPORTED, WARNING, "yaml-unsupported",
     N_("yaml block uses %s; block ignored"))
DIAG(FRONTMATTER_MISSING, WARNING, "frontmatter-missing",
     N_("page has no front matter"))
DIAG(FRONTMATTER_KEY_MISSING, WARNING, "frontmatter-key-missing",
     N_("front matter has no '%s' key, which schema %s requires"))
DIAG(NAME_MISMATCH, WARNING, "name-mismatch",
     N_("%s '%s' differs from the command name '%s'"))
DIAG(SECTION_MISSING, WARNING, "section-missing", N_("page has no %s section"))
DIAG(SECTION_ORDER, WARNING, "section-order",
     N_("%s section comes after %s"))
DIAG(PLACEHOLDER, WARNING, "placeholder",
     N_("placeholder '%s' is not filled in"))
DIAG(SYNOPSIS_EMPTY, WARNING, "synopsis-empty", N_("SYNOPSIS section is empty"))
DIAG(EXAMPLE_NO_CODE, WARNING, "example-no-code",
     N_("example '%s' has no code block"))
DIAG(COMMAND_NOT_IN_METADATA, WARNING, "command-not-in-metadata",
     N_("command '%s' is not in the metadata; page checked for structure only"))
DIAG(INPUTS_TYPE_MISSING, WARNING, "inputs-type-missing",
     N_("INPUTS does not name '%s', which '-%s' takes from the pipeline"))
DIAG(ALIAS_MISSING, WARNING, "alias-missing",
     N_("command alias '%s' is not listed on the page"))
DIAG(ALIAS_STALE, WARNING, "alias-stale",
     N_("'%s' is listed as an alias but the command has no such alias"))
DIAG(ONLINE_URI_MISSING, WARNING, "online-uri-missing",
     N_("front matter has no '%s', so Get-Help -Online has no address"))
DIAG(EXAMPLE_COMMAND_UNKNOWN, WARNING, "example-command-unknown",
     N_("example calls '%s', which is not in the metadata"))
DIAG(TRANSLATION_SOURCE_MISSING, WARNING, "translation-source-missing",
     N_("no en-US source page '%s' in the help roots; translation not "
	"compared"))
DIAG(PO_WARNING, WARNING, "po-warning", N_("catalog: %s"))
DIAG(PO_MSGID_UNKNOWN, WARNING, "po-msgid-unknown",
     N_("catalog entry '%s' is for this page but the page has no such "
	"text"))
DIAG(TRANSLATE_THRESHOLD, WARNING, "translate-threshold",
     N_("%u%% of the units are translated, %u%% are needed; no page "
	"written"))
DIAG(UNIT_UNALIGNED, WARNING, "unit-unaligned",
     N_("%s at source line %u has no counterpart in the translation"))
DIAG(LINT_LINK_TEXT, WARNING, "lint-link-text",
     N_("link text '%s' should name its target '%s'"))
DIAG(LINT_NAME, WARNING, "lint-name",
     N_("'%s' is not in the translation as it is in the English"))
DIAG(LINT_EMPHASIS, WARNING, "lint-emphasis",
     N_("emphasis left open in '%s'"))

/* ===== error: the page cannot be shown ===== */
DIAG(INPUT_TOO_LARGE, ERROR, "input-too-large",
     N_("page is larger than %zu bytes"))
DIAG(INPUT_TOO_DENSE, ERROR, "input-too-dense",
     N_("page has too many blocks for its size: parsing it would take more "
	"than %zu MiB"))
DIAG(UTF8_INVALID, ERROR, "utf8-invalid", N_("invalid UTF-8 byte sequence"))
DIAG(NUL_BYTE, ERROR, "nul-byte", N_("NUL byte in page"))
DIAG(NESTING_TOO_DEEP, ERROR, "nesting-too-deep",
     N_("blocks nested deeper than %d levels"))
DIAG(INPUT_TOO_COMPLEX, ERROR, "input-too-complex",
     N_("page has too many unclosed '%s' to parse in reasonable time"))
DIAG(FRONTMATTER_UNCLOSED, ERROR, "frontmatter-unclosed",
     N_("front matter opened with '---' is never closed"))
DIAG(READ_FAILED, ERROR, "read-failed", N_("cannot read page: %s"))
DIAG(PO_READ_FAILED, ERROR, "po-read-failed",
     N_("cannot read catalog: %s"))
DIAG(PO_TOO_LARGE, ERROR, "po-too-large",
     N_("catalog is larger than %zu bytes"))
DIAG(PO_SYNTAX, ERROR, "po-syntax", N_("catalog: %s"))
DIAG(PO_CHARSET, ERROR, "po-charset",
     N_("catalog charset '%s' is not UTF-8"))
DIAG(PO_PLURAL, ERROR, "po-plural",
     N_("catalog entry '%s' has plural forms, which page text never has"))
DIAG(MSGSTR_STRUCTURE, ERROR, "msgstr-structure",
     N_("translation of '%s' would change the page's structure: %s"))
DIAG(LINT_CODE_SPAN, ERROR, "lint-code-span",
     N_("code span '%s' is not the same in the English and the "
	"translation"))
DIAG(LINT_LINK_TARGET, ERROR, "lint-link-target",
     N_("link target or URL '%s' is not the same in the English and the "
	"translation"))
DIAG(SYNTAX_MISMATCH, ERROR, "syntax-mismatch",
     N_("SYNTAX of set '%s' differs from the metadata"))
DIAG(SYNTAX_SET_MISSING, ERROR, "syntax-set-missing",
     N_("no SYNTAX block for parameter set '%s'"))
DIAG(SYNTAX_SET_STALE, ERROR, "syntax-set-stale",
     N_("SYNTAX block for parameter set '%s', which the command does not "
	"have"))
DIAG(PARAM_MISSING, ERROR, "param-missing",
     N_("parameter '-%s' is not documented"))
DIAG(PARAM_STALE, ERROR, "param-stale",
     N_("'-%s' is not a parameter of '%s'"))
DIAG(PARAM_DUPLICATE, ERROR, "param-duplicate",
     N_("parameter '-%s' is documented more than once"))
DIAG(PARAM_FIELD_MISMATCH, ERROR, "param-field-mismatch",
     N_("'-%s' %s is '%s' on the page but '%s' in the metadata"))
DIAG(COMMON_PARAMETERS_MISSING, ERROR, "common-parameters-missing",
     N_("'%s' takes the common parameters but the page does not say so"))
DIAG(COMMON_PARAMETERS_STALE, ERROR, "common-parameters-stale",
     N_("the page lists CommonParameters but '%s' does not take them"))
DIAG(LINK_TARGET_MISSING, ERROR, "link-target-missing",
     N_("link target '%s' is no page in the help roots"))
DIAG(URL_MALFORMED, ERROR, "url-malformed", N_("malformed URL '%s'"))
DIAG(EXAMPLE_PARSE, ERROR, "example-parse",
     N_("example code does not parse: %s"))
DIAG(EXAMPLE_PARAM_UNKNOWN, ERROR, "example-param-unknown",
     N_("'-%s' is not a parameter of '%s'"))
DIAG(EXAMPLE_BINDING, ERROR, "example-binding",
     N_("the call of '%s' does not bind: %s"))
DIAG(EXAMPLE_OUTPUT_MISMATCH, ERROR, "example-output-mismatch",
     N_("output of '%s' differs from the page"))
DIAG(TRANSLATION_STRUCTURE, ERROR, "translation-structure",
     N_("%s differs from the en-US source: %s"))
DIAG(TRANSLATION_BLOCK_DIFFERS, ERROR, "translation-block-differs",
     N_("%s block differs from the en-US source"))
DIAG(TRANSLATION_LINK_DIFFERS, ERROR, "translation-link-differs",
     N_("link target '%s' differs from the en-US source's '%s'"))
DIAG(TRANSLATION_PARAM_NAME, ERROR, "translation-param-name",
     N_("parameter heading '%s' should be '-%s'"))


/* ===== usage: bad command line or option value ===== */
DIAG(METADATA_INVALID, USAGE, "metadata-invalid",
     N_("cannot use metadata: %s"))
DIAG(BASELINE_INVALID, USAGE, "baseline-invalid",
     N_("cannot use baseline: %s"))

/* ===== system: the operating system failed us ===== */
DIAG(WRITE_FAILED, SYSTEM, "write-failed", N_("cannot write: %s"))
