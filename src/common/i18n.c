/* SPDX-License-Identifier: MIT */
/*
 * glibc's gettext ignores LANGUAGE under the plain "C" locale and
 * translates nothing when setlocale() fails (a locale that is not
 * generated).  So: set LC_MESSAGES to C.UTF-8 (the user's locale where
 * that is missing), and choose the catalog language through LANGUAGE
 * ourselves.
 */
#include "i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buildtree.h"
#include "config.h"

/* English is the text of the msgids: no locale or catalog is needed. */
static bool
is_english(const char *languages)
{
	return languages == NULL || *languages == '\0' ||
	       (strncmp(languages, "en", 2) == 0 &&
		(languages[2] == '\0' || languages[2] == '_' ||
		 languages[2] == ':'));
}

static bool bound;

void
i18n_init(const char *languages)
{
	/* Skipping setlocale() saves a good part of get-help's start-up;
	 * once a catalog is bound, English has to be selected explicitly. */
	if (is_english(languages) && !bound)
		return;
	bound = true;
	/* gettext translates only when LC_MESSAGES is not "C"; which
	 * locale it is does not matter, LANGUAGE picks the catalog and the
	 * codeset is bound below, so LC_CTYPE is not needed.  Line breaking,
	 * case folding and collation come from ICU.  C.UTF-8 is the cheap
	 * one to load: the user's locale, tried first, cost 8% of a Swedish
	 * get-help when it was not generated (BENCHMARKS.md). */
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "");

	if (languages && *languages)
		setenv("LANGUAGE", languages, 1);
	const char *dir = getenv("PSHELP_LOCALEDIR");
	char *build_dir = NULL;
	if (dir == NULL || !*dir) {
		build_dir = build_tree_path("locale");
		dir = build_dir ? build_dir : PSHELP_LOCALEDIR;
	}
	bindtextdomain(PSHELP_DOMAIN, dir);
	free(build_dir);
	bind_textdomain_codeset(PSHELP_DOMAIN, "UTF-8");
	textdomain(PSHELP_DOMAIN);
}

bool
i18n_bound(void)
{
	return bound;
}

char *
i18n_switch(const char *languages)
{
	const char *now = bound ? getenv("LANGUAGE") : NULL;
	char *previous = strdup(now && *now ? now : "en");
	if (!bound) {
		i18n_init(languages); /* nothing to do for English */
		return previous;
	}
	setenv("LANGUAGE", languages && *languages ? languages : "en", 1);
	/* glibc reads LANGUAGE again once the text domain is set anew */
	textdomain(PSHELP_DOMAIN);
	return previous;
}

void
i18n_restore(char *previous)
{
	if (previous && bound) {
		setenv("LANGUAGE", previous, 1);
		textdomain(PSHELP_DOMAIN);
	}
	free(previous);
}
