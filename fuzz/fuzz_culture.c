/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for culture names and LANGUAGE lists (lookup/culture.c).
 * The input is "LANGUAGE\0LANG\0--culture": the first two become the
 * environment (LC_ALL and LC_MESSAGES unset), the third the --culture
 * option.  For both the user's cultures and their lookup chain: at most
 * CULTURE_MAX_USER cultures from LANGUAGE, every name non-empty printable
 * ASCII (a BCP 47 tag, a chain pattern ending in "-*"), no two the same
 * (compared case-insensitively, as the code does), and the chain holds
 * en-US.  culture_canonical() gives NULL or such a tag, and gives a tag
 * back unchanged.  The gettext list is ':'-separated non-empty names
 * without duplicates.  Hangs are caught by libFuzzer's -timeout.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "culture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Enough for every culture's fallbacks (region, parents, language). */
#define MAX_CHAIN (CULTURE_MAX_USER * 16 + 1)

static void
check(bool ok)
{
	if (!ok)
		abort();
}

static bool
is_tag_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* A canonical tag, or with allow_pattern a tag followed by "-*". */
static bool
is_tag(const char *s, bool allow_pattern)
{
	size_t n = strlen(s);

	if (allow_pattern && culture_is_pattern(s))
		n -= 2;
	if (n == 0 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_tag_char(s[i]))
			return false;
	return true;
}

static void
check_list(const struct culture_list *l, bool allow_pattern)
{
	for (size_t i = 0; i < l->n; i++) {
		check(l->v[i] != NULL && is_tag(l->v[i], allow_pattern));
		for (size_t k = 0; k < i; k++)
			check(strcasecmp(l->v[i], l->v[k]) != 0);
	}
}

/* A canonical tag is its own canonical form. */
static void
check_canonical(const char *name)
{
	char *tag = culture_canonical(name);
	if (tag == NULL)
		return;
	check(is_tag(tag, false));
	char *again = culture_canonical(tag);
	check(again != NULL && strcmp(again, tag) == 0);
	(void)culture_is_language(tag);
	free(again);
	free(tag);
}

/* "a:b:c": non-empty names of [A-Za-z0-9_@], no two the same. */
static void
check_gettext(const char *langs)
{
	check(langs != NULL && *langs);
	size_t len = strlen(langs);
	for (size_t i = 0; i < len;) {
		size_t n = strcspn(langs + i, ":");
		check(n > 0);
		for (size_t k = i; k < i + n; k++)
			check(langs[k] == '_' || langs[k] == '@' ||
			      (is_tag_char(langs[k]) && langs[k] != '-'));
		for (size_t k = 0; k < i;) {
			size_t m = strcspn(langs + k, ":");
			check(m != n || strncmp(langs + k, langs + i, n) != 0);
			k += m + 1;
		}
		i += n;
		if (langs[i] == ':')
			check(langs[++i] != '\0');
	}
}

static void
check_chain(const struct culture_list *user)
{
	struct culture_list chain;

	culture_chain(user, &chain);
	check(chain.n >= 1 && chain.n <= MAX_CHAIN);
	check_list(&chain, true);
	bool en_us = false;
	for (size_t i = 0; i < chain.n; i++)
		en_us |= strcasecmp(chain.v[i], "en-US") == 0;
	check(en_us);
	for (size_t i = 0; i < chain.n; i++) {
		if (culture_is_pattern(chain.v[i])) {
			for (size_t k = 0; k < user->n; k++)
				(void)culture_pattern_matches(chain.v[i],
							      user->v[k]);
		} else {
			check_canonical(chain.v[i]);
		}
	}
	char *langs = culture_gettext_languages(&chain);
	check_gettext(langs);
	free(langs);
	culture_list_release(&chain);
}

/* The entries of a LANGUAGE list, as add_language_list() counts them. */
static size_t
count_entries(const char *list)
{
	size_t n = 0;
	for (const char *s = list; *s;) {
		n++;
		s += strcspn(s, ":");
		if (*s == ':')
			s++;
	}
	return n;
}

static void
from_environment(const char *language, const char *lang)
{
	struct culture_list user;

	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANGUAGE", language, 1);
	setenv("LANG", lang, 1);
	bool whole = culture_from_environment(NULL, &user);
	check(user.n <= CULTURE_MAX_USER);
	check(whole || count_entries(language) > user.n);
	check_list(&user, false);
	check_chain(&user);
	culture_list_release(&user);
}

static void
from_option(const char *option)
{
	struct culture_list user;

	check(culture_from_environment(option, &user));
	check(user.n <= 1);
	check_list(&user, false);
	check_chain(&user);
	culture_list_release(&user);
}

/* The string after p's NUL, or the empty string at the end. */
static const char *
next_string(const char *p, const char *end)
{
	size_t n = strlen(p);
	return p + n + (p + n < end);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 3);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = buf[size + 2] = '\0';
	const char *language = buf;
	const char *lang = next_string(language, buf + size);
	const char *option = next_string(lang, buf + size);

	from_environment(language, lang);
	from_option(option);
	check_canonical(language);
	check_canonical(lang);
	free(buf);
	return 0;
}
