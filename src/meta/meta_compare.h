/* SPDX-License-Identifier: MIT */
/*
 * A page's SYNTAX and parameter yaml against the metadata: one answer to
 * "does the page say what the command is?", for pshelp validate (which
 * reports every difference) and pshelp update (which keeps a block that
 * has none, so that a consistent page stays byte-identical).
 *
 * Names compare ignoring case, as PowerShell binds them; lists (sets,
 * aliases, accepted values) in any order, since the metadata's order is
 * not PowerShell's declaration order.
 */
#ifndef PSHELP_META_COMPARE_H
#define PSHELP_META_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "help_model.h"
#include "meta.h"

struct strbuf;

enum meta_field {
	META_FIELD_TYPE,
	META_FIELD_SETS,
	META_FIELD_ALIASES,
	META_FIELD_ACCEPTED,
	META_FIELD_DEFAULT,
	META_FIELD_WILDCARDS,
	META_FIELD_DONT_SHOW,
	META_FIELD_REQUIRED,
	META_FIELD_POSITION,
	META_FIELD_PIPELINE
};

/* One field on which a parameter's yaml block and the metadata differ. */
struct meta_difference {
	enum meta_field field;
	const char *set;	 /* the set it differs in, or NULL: all sets */
	const char *key;	 /* the block's key for it ("Position") */
	const char *page, *meta; /* both values, as the yaml writes them */
};

typedef void meta_difference_fn(void *cookie, const struct meta_difference *d);

/*
 * Calls fn (which may be NULL) once for each field of page's yaml block,
 * read in schema, that differs from mp, a parameter of c; a field that
 * differs per set is reported for the first such set.  A 2.0.0 block has
 * one Position and one pipeline value, which must hold in every set.
 * Returns the number of differences.
 */
size_t meta_compare_param(const struct meta_command *c,
			  const struct meta_param *mp,
			  const struct help_param *page,
			  enum help_schema schema, meta_difference_fn *fn,
			  void *cookie);

/*
 * Whether a page's SYNTAX set says what meta (a set of meta_help_doc())
 * says: the command, each parameter's form (required, positional, value
 * type), the order of the positional ones and [<CommonParameters>].
 * Named parameters may come in any order.  When they differ and detail
 * is not NULL, it gets lines "-what the page says" and "+what the
 * metadata says".
 */
bool meta_compare_syntax(const struct help_syntax_set *page,
			 const struct help_syntax_set *meta,
			 struct strbuf *detail);

/*
 * The page's SYNTAX set for the metadata's set named set (HELP_ALL_SETS
 * for an unnamed one), or NULL; with one set on each side they match
 * whatever their names.  nsets is the number of the command's sets.
 */
const struct help_syntax_set *meta_page_syntax_set(const struct help_doc *page,
						   const char *set,
						   size_t nsets);

/*
 * The command a page documents: the first of its front matter title, its
 * H1 and its file name that names a command of set (by name: a page is
 * named after its command, never after an alias).  NULL if none.
 */
const struct meta_command *meta_page_command(const struct meta_set *set,
					     const struct help_doc *doc);

/* "System.Management.Automation.Runspaces.PSSession[]" -> "PSSession". */
void meta_bare_type(const char *full, char *out, size_t n);

/*
 * True when mp takes pipeline input by value and no INPUTS entry of doc
 * names its type (by its bare name, so "PSSession" and the full name
 * both count).
 */
bool meta_inputs_lacks(const struct help_doc *doc, const struct meta_param *mp);

#endif
