/* SPDX-License-Identifier: MIT */
/* PO catalogs read and written through libgettextpo (po.c). */
#ifndef PSHELP_L10N_PO_H
#define PSHELP_L10N_PO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "l10n.h"

/* One message of a catalog that was read. */
struct l10n_entry {
	char *msgctxt; /* NULL without one */
	char *msgid, *msgstr;
	bool fuzzy;
	uint32_t line;	  /* of its first reference, 0 without */
	uint32_t po_line; /* of its msgid in the catalog */
	bool used;     /* set by translate: the page had this unit */
};

struct l10n_catalog {
	struct l10n_entry *v;
	size_t n, cap;
	size_t *slots; /* open addressing over v, index + 1 */
	size_t nslots;
	char *language; /* the header's Language, or NULL */
};

/*
 * Reads the catalog at path; problems are reported to dx (whose file
 * should be path).  Refuses plural entries, a charset other than UTF-8,
 * invalid UTF-8 and control characters.  Returns 0, or -1 with cat empty.
 */
int l10n_catalog_read(const char *path, struct l10n_catalog *cat,
		      struct diag_ctx *dx);
/* Adds an entry (a catalog read or made in memory, as a test does). */
void l10n_catalog_add(struct l10n_catalog *cat, const char *msgctxt,
		      const char *msgid, const char *msgstr, bool fuzzy);
struct l10n_entry *l10n_catalog_find(struct l10n_catalog *cat,
				     const char *msgctxt, const char *msgid);
void l10n_catalog_release(struct l10n_catalog *cat);

/* A reference of a message to be written. */
struct l10n_ref {
	const char *file;
	size_t line;
};

struct l10n_po_message {
	const char *msgctxt, *msgid, *msgstr; /* msgstr NULL: "" */
	const char *comment;
	struct l10n_ref *refs;
	size_t nrefs;
	bool fuzzy;
};

/*
 * Writes the messages, with a standard header (Language when language is
 * not NULL, else a fuzzy template header), to path ("-": standard
 * output) atomically (a template unsynced, as output the pages give
 * again).  Every message gets the md-text flag.  Returns 0,
 * or -1 after reporting.
 */
int l10n_po_write(const char *path, const char *language,
		  const struct l10n_po_message *v, size_t n,
		  struct diag_ctx *dx);

#endif
