/* SPDX-License-Identifier: MIT */
/*
 * UI strings through gettext (text domain "pshelp").  _() translates,
 * N_() only marks a string for xgettext.  i18n_init() makes translation
 * work even when the user's glibc locale is not generated (see i18n.c).
 */
#ifndef PSHELP_I18N_H
#define PSHELP_I18N_H

#include <stdbool.h>

#include <libintl.h>

#define PSHELP_DOMAIN "pshelp"

static inline __attribute__((format_arg(1))) const char *
_(const char *msgid)
{
	/* gettext("") returns the catalog header, never what we want. */
	if (!*msgid)
		return "";
	return dgettext(PSHELP_DOMAIN, msgid);
}

#define N_(s) (s)

/* Plural forms: the catalog picks the form for n. */
static inline __attribute__((format_arg(1))) const char *
Q_(const char *singular, const char *plural, unsigned long n)
{
	return dngettext(PSHELP_DOMAIN, singular, plural, n);
}

/*
 * Binds the catalogs and selects the UI language.  `languages` is a
 * colon-separated list of gettext language names in order of preference
 * (e.g. "sv_SE:sv"), or NULL to take it from the environment.  The
 * catalog directory is $PSHELP_LOCALEDIR when set, else the installed one.
 */
void i18n_init(const char *languages);

/* Whether a catalog is bound (i18n_init chose a language other than
   English): until then every message is its English msgid. */
bool i18n_bound(void);

/*
 * Switches the catalog language to `languages` (as for i18n_init; NULL or
 * "" is English) for a while, as headings follow the language of the page
 * shown.  Returns what to pass to i18n_restore() afterwards.
 */
char *i18n_switch(const char *languages);
void i18n_restore(char *previous);

#endif
