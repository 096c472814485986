/* SPDX-License-Identifier: MIT */
/*
 * The user's culture and its fallback chain, from ICU.  Never depends on
 * the glibc locale being generated.
 */
#ifndef PSHELP_CULTURE_H
#define PSHELP_CULTURE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Canonical BCP 47 tag for a POSIX locale name or a tag
 * ("sv_SE.UTF-8@euro" -> "sv-SE", "zh_TW" -> "zh-TW").  NULL for C,
 * POSIX, C.UTF-8, empty or unparsable names.  The caller frees it.
 */
char *culture_canonical(const char *name);

struct culture_list {
	char **v; /* malloc'd tags */
	size_t n;
};

/* The most cultures taken from LANGUAGE; the rest are left out. */
#define CULTURE_MAX_USER 32

void culture_list_release(struct culture_list *l);

/*
 * The user's cultures in order of preference: `option` (--culture) if
 * given, else every entry of LANGUAGE (the first CULTURE_MAX_USER), else
 * the first set of LC_ALL, LC_MESSAGES, LANG.  May be empty (C locale).
 * Returns false when LANGUAGE named more cultures than were taken.
 */
bool culture_from_environment(const char *option, struct culture_list *out);

/*
 * The lookup chain: each culture, then (for a bare language) its likely
 * region ("sv" -> "sv-SE"), then its parents ("sv-SE" -> "sv"), then its
 * language's likely region ("de-AT" -> "de-DE") and the pattern for the
 * language's other regions ("de-*"), and finally "en-US"; without
 * duplicates (compared case-insensitively).
 */
void culture_chain(const struct culture_list *user, struct culture_list *out);

/*
 * A chain entry "de-*" (or "zh-Hant-*") stands for any region of that
 * language and script not named before it: pattern_matches says whether
 * a culture folder is one.
 */
bool culture_is_pattern(const char *entry);
/* Whether tag names a language ICU knows ("no" does, "xx" does not). */
bool culture_is_language(const char *tag);
bool culture_pattern_matches(const char *pattern, const char *folder);

/*
 * gettext language list for the chain: "sv_SE:sv" for sv-SE.  The caller
 * frees it.  Returns NULL for an empty list.
 */
char *culture_gettext_languages(const struct culture_list *chain);

/*
 * Selects the language of UI messages: the chain of `option` (--culture)
 * or of the environment, as gettext language names (i18n_init).  Reads
 * the environment through ICU, so a machine with only C.UTF-8 generated
 * still speaks Swedish for LANG=sv_SE.UTF-8.
 */
void culture_init_messages(const char *option);

/*
 * Headings and labels follow the content: switches UI messages to the
 * language of `culture` (a page's culture; NULL keeps the user's) and
 * returns what i18n_restore() takes to switch back.
 */
char *culture_messages_for_content(const char *culture);

#endif
