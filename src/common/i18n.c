/* SPDX-License-Identifier: MIT */
/*
 * glibc's gettext ignores LANGUAGE under the plain "C" locale and
 * translates nothing when setlocale() fails (a locale that is not
 * generated).  So: take the user's locale if it exists, else C.UTF-8,
 * and choose the catalog language through LANGUAGE ourselves.
 */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

void
i18n_init(const char *languages)
{
	const char *loc = setlocale(LC_ALL, "");
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		loc = setlocale(LC_ALL, "C.UTF-8");
	if (loc == NULL)
		setlocale(LC_ALL, "C");
	/* Line breaking, case folding and collation come from ICU, not
	 * from LC_CTYPE/LC_COLLATE; keep numbers predictable. */
	setlocale(LC_NUMERIC, "C");

	if (languages && *languages)
		setenv("LANGUAGE", languages, 1);
	const char *dir = getenv("PSHELP_LOCALEDIR");
	bindtextdomain(PSHELP_DOMAIN, dir && *dir ? dir : PSHELP_LOCALEDIR);
	bind_textdomain_codeset(PSHELP_DOMAIN, "UTF-8");
	textdomain(PSHELP_DOMAIN);
}
