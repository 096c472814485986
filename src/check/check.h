/* SPDX-License-Identifier: MIT */
/*
 * check: `pshelp validate`, pages checked against the command metadata,
 * their help roots and their en-US source.
 *
 * Each check reads the help model (never markdown) and reports to a
 * diag_ctx whose file is the page's path.  check_file() runs them all on
 * one page; the report (report.h) collects, filters and prints.
 */
#ifndef PSHELP_CHECK_H
#define PSHELP_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "help_model.h"
#include "meta.h"

struct check_sources;
struct check_roots;

struct check_env {
	const struct meta_set
		*meta;		  /* the commands pages are checked against */
	const char *const *roots; /* --path help roots, may be empty */
	size_t nroots;
	bool run_examples;    /* --run-examples */
	const char *psh_path; /* the psh that runs examples */
	/* en-US pages kept for their translations, or NULL (parse each time) */
	struct check_sources *sources;
	/* the pages of each help root, indexed once per run, or NULL */
	struct check_roots *pages;
};

/* The pages of the help roots links point into (check_links.c). */
struct check_roots *check_roots_new(void);
void check_roots_free(struct check_roots *r);

/* en-US pages parsed once per run (sources.c); max_bytes bounds them. */
struct check_sources *check_sources_new(size_t max_bytes);
void check_sources_free(struct check_sources *s);
/* The kept page read from path, or NULL. */
const struct help_doc *check_sources_find(const struct check_sources *s,
					  const char *path);
/* Keeps doc (then owned by s) unless too large or s is NULL: false. */
bool check_sources_keep(struct check_sources *s, const char *path,
			struct help_doc *doc);

/* Front matter, names, sections and their order, placeholders, examples. */
void check_structure(const struct check_env *env, const struct help_doc *doc,
		     struct diag_ctx *dx);

/* SYNTAX, parameters and their yaml, CommonParameters, INPUTS, aliases. */
void check_metadata(const struct check_env *env, const struct help_doc *doc,
		    const struct meta_command *cmd, struct diag_ctx *dx);

/* Related and inline links resolve in the roots; URLs; -Online. */
void check_links(const struct check_env *env, const struct help_doc *doc,
		 struct diag_ctx *dx);

/*
 * Every powershell code block parses with psh's parser and binds against
 * the metadata; with env->run_examples, transcripts run in psh.
 */
void check_examples(const struct check_env *env, const struct help_doc *doc,
		    struct diag_ctx *dx);

/* A translated page against its en-US source. */
void check_translation(const struct check_env *env, const struct help_doc *doc,
		       const struct help_doc *source, struct diag_ctx *dx);

/*
 * Reads, parses and checks one page: the parser's own diagnostics, then
 * every check above (translation only when the page is not en-US and
 * its source is found).  `<!-- pshelp-disable SLUG -->` in the page
 * silences SLUG on that page.
 */
void check_file(const struct check_env *env, const char *path,
		struct diag_ctx *dx);

#endif
