/* SPDX-License-Identifier: MIT */
/* Unit tests for culture.c: canonical tags, environment, chain, gettext. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "culture.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

static void
check_canon_(const char *in, const char *want, int line)
{
	char *got = culture_canonical(in);
	bool ok = want ? got && strcmp(got, want) == 0 : got == NULL;

	if (!ok)
		tap_fail_("line %d: culture_canonical('%s') = '%s', want '%s'",
			  line, in ? in : "(null)", got ? got : "(null)",
			  want ? want : "(null)");
	free(got);
}
#define check_canon(in, want) check_canon_(in, want, __LINE__)

/* The list as "a,b,c" so that one check_str shows all of it. */
static char *
joined(const struct culture_list *l)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < l->n; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", l->v[i]);
	return strbuf_detach(&sb, NULL);
}

static void
check_list_(const struct culture_list *l, const char *want, int line)
{
	char *got = joined(l);

	if (strcmp(got, want) != 0)
		tap_fail_("line %d: got '%s', want '%s'", line, got, want);
	free(got);
}
#define check_list(l, want) check_list_(l, want, __LINE__)

static void
set_env(const char *language, const char *lc_all, const char *lc_messages,
	const char *lang)
{
	const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *values[] = { language, lc_all, lc_messages, lang };

	for (size_t i = 0; i < 4; i++) {
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	}
}

TEST(canonical_posix_names)
{
	check_canon("sv_SE.UTF-8", "sv-SE");
	check_canon("sv_SE.UTF-8@euro", "sv-SE");
	check_canon("sv_SE@euro", "sv-SE");
	check_canon("de_DE@euro", "de-DE");
	check_canon("en_US.ISO-8859-1", "en-US");
	check_canon("zh_TW", "zh-TW");
	check_canon("zh_TW.utf8", "zh-TW");
	check_canon("sr_RS@latin", "sr-Latn-RS");
	check_canon("sr_RS.UTF-8@latin", "sr-Latn-RS");
	check_canon("sr_RS@cyrillic", "sr-Cyrl-RS");
	check_canon("ca_ES.UTF-8@valencia", "ca-ES-valencia");
}

TEST(canonical_bcp47_tags)
{
	check_canon("en", "en");
	check_canon("SV-se", "sv-SE");
	check_canon("sv-SE", "sv-SE");
	check_canon("qps-ploc", "qps-ploc");
	check_canon("QPS-PLOC", "qps-ploc");
	check_canon("zh-hant-tw", "zh-Hant-TW");
	check_canon("es-419", "es-419");
	/* Extensions are not part of a folder name. */
	check_canon("en-US-u-ca-gregory", "en-US");
	check_canon("sv-SE-x-private", "sv-SE");
}

TEST(canonical_rejects_c_and_garbage)
{
	char big[300];

	check_canon(NULL, NULL);
	check_canon("", NULL);
	check_canon("C", NULL);
	check_canon("c", NULL);
	check_canon("POSIX", NULL);
	check_canon("C.UTF-8", NULL);
	check_canon("C.utf8", NULL);
	check_canon("POSIX.UTF-8", NULL);
	check_canon("../../etc", NULL);
	check_canon("sv_SE/../..", NULL);
	check_canon("x\n", NULL);
	check_canon("sv SE", NULL);
	check_canon("sv-", NULL);
	check_canon("-sv", NULL);
	check_canon("x-private", NULL);
	check_canon("und", NULL);
	check_canon("123", NULL);
	check_canon(".UTF-8", NULL);
	check_canon("@euro", NULL);
	check_canon("sv\xc3\xa5", NULL);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	check_canon(big, NULL);
	strcpy(big, "sv-SE");
	for (size_t i = 5; i + 2 < sizeof(big); i += 2)
		memcpy(big + i, "-a", 3);
	check_canon(big, NULL);
}

/* Property: any result is folder-safe and canonical itself. */
TEST(canonical_output_is_safe_and_stable)
{
	static const char alphabet[] = "aeSEnvz_-.@19UTF8Latinqpsx/\\ \x80";
	unsigned seed = 12345;
	char name[16];
	int accepted = 0;

	for (int round = 0; round < 20000; round++) {
		size_t len = 1 + (seed >> 16) % (sizeof(name) - 1);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			name[i] =
				alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		name[len] = '\0';
		char *tag = culture_canonical(name);
		if (!tag)
			continue;
		accepted++;
		check(strspn(tag, "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
		      strlen(tag));
		char *again = culture_canonical(tag);
		check_str(again, tag);
		free(again);
		free(tag);
	}
	check_int(accepted, >, 50);
}

TEST(environment_option_wins)
{
	struct culture_list l;

	set_env("de", "fr_FR.UTF-8", NULL, "it_IT.UTF-8");
	culture_from_environment("sv_se", &l);
	check_list(&l, "sv-SE");
	culture_list_release(&l);
	/* An invalid option gives nothing rather than the environment. */
	culture_from_environment("../x", &l);
	check_int(l.n, ==, 0);
	culture_list_release(&l);
}

TEST(environment_language_list)
{
	struct culture_list l;

	/* Honoured even under LC_ALL=C; skips empty and invalid entries. */
	set_env("sv:de_DE.UTF-8:::bad/one:sv_SE:SV-se:C", "C", NULL, NULL);
	culture_from_environment(NULL, &l);
	check_list(&l, "sv,de-DE,sv-SE");
	culture_list_release(&l);

	set_env(":::", "ja_JP.UTF-8", NULL, NULL);
	culture_from_environment(NULL, &l);
	check_list(&l, "ja-JP");
	culture_list_release(&l);
}

/* A LANGUAGE of thousands of tags: the first 32 cultures, and a flag. */
TEST(environment_language_list_is_capped)
{
	struct culture_list l;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (int i = 1; i <= 5000; i++)
		strbuf_addf(&sb, "%ssv_%03d", i > 1 ? ":" : "", i % 999 + 1);
	set_env(sb.buf, "C", NULL, NULL);
	check(!culture_from_environment(NULL, &l));
	check_int(l.n, ==, CULTURE_MAX_USER);
	culture_list_release(&l);
	set_env("sv:de", "C", NULL, NULL);
	check(culture_from_environment(NULL, &l));
	check_int(l.n, ==, 2);
	culture_list_release(&l);
	strbuf_release(&sb);
}

TEST(environment_locale_variables)
{
	struct culture_list l;

	set_env(NULL, "", "pl_PL.UTF-8", "sv_SE.UTF-8");
	culture_from_environment(NULL, &l);
	check_list(&l, "pl-PL");
	culture_list_release(&l);

	/* This locale is not generated here; ICU does not care. */
	set_env("", NULL, NULL, "sv_SE.UTF-8");
	culture_from_environment(NULL, &l);
	check_list(&l, "sv-SE");
	culture_list_release(&l);

	/* LC_ALL=C is the user's choice: no culture, LANG is not consulted. */
	set_env(NULL, "C.UTF-8", NULL, "sv_SE.UTF-8");
	culture_from_environment(NULL, &l);
	check_int(l.n, ==, 0);
	culture_list_release(&l);

	set_env(NULL, NULL, NULL, NULL);
	culture_from_environment(NULL, &l);
	check_int(l.n, ==, 0);
	culture_list_release(&l);
}

static void
check_chain_(const char *user, const char *want, int line)
{
	struct culture_list u = { NULL, 0 }, c;
	char *copy = xstrdup(user);
	char *save = NULL;

	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		u.v = xrealloc(u.v, (u.n + 1) * sizeof(*u.v));
		u.v[u.n++] = xstrdup(t);
	}
	culture_chain(&u, &c);
	check_list_(&c, want, line);
	culture_list_release(&c);
	culture_list_release(&u);
	free(copy);
}
#define check_chain(user, want) check_chain_(user, want, __LINE__)

TEST(chain_parents_and_likely_regions)
{
	check_chain("", "en-US");
	check_chain("sv-SE", "sv-SE,sv,sv-*,en-US");
	check_chain("sv", "sv,sv-SE,sv-*,en-US");
	check_chain("ja", "ja,ja-JP,ja-*,en-US");
	check_chain("zh", "zh,zh-CN,zh-*,en-US");
	check_chain("zh-Hant-TW", "zh-Hant-TW,zh-Hant,zh,zh-TW,zh-Hant-*,en-US");
	check_chain("zh-Hant", "zh-Hant,zh-TW,zh,zh-Hant-*,en-US");
	/* sr is Cyrillic by default, so the Latin script stays. */
	check_chain("sr-Latn", "sr-Latn,sr-Latn-RS,sr,sr-Latn-*,en-US");
	check_chain("en-GB", "en-GB,en,en-US,en-*");
	check_chain("en", "en,en-US,en-*");
	check_chain("en-US", "en-US,en,en-*");
	check_chain("qps-ploc", "qps-ploc,qps,qps-ploc-*,en-US");
	check_chain("ca-ES-valencia", "ca-ES-valencia,ca-ES,ca,ca-*,en-US");
}

/*
 * A region whose folder is missing reaches its language's likely region,
 * then any other region of the language in the same script, before en-US.
 */
TEST(chain_reaches_other_regions_of_the_language)
{
	check_chain("de-AT", "de-AT,de,de-DE,de-*,en-US");
	check_chain("fr-CA", "fr-CA,fr,fr-FR,fr-*,en-US");
	check_chain("sv-FI", "sv-FI,sv,sv-SE,sv-*,en-US");
	check_chain("pt-PT", "pt-PT,pt,pt-BR,pt-*,en-US");
	check_chain("zh-HK", "zh-HK,zh,zh-TW,zh-Hant-*,en-US");
	check(culture_pattern_matches("de-*", "de-CH"));
	check(culture_pattern_matches("zh-Hant-*", "zh-TW"));
	check(!culture_pattern_matches("zh-Hant-*", "zh-CN"));
	check(!culture_pattern_matches("zh-*", "zh-TW"));
	check(culture_pattern_matches("zh-*", "zh-SG"));
	check(!culture_pattern_matches("de-*", "en-US"));
	check(!culture_pattern_matches("de-AT", "de-AT"));
}

TEST(chain_several_cultures_without_duplicates)
{
	check_chain("de-AT,sv", "de-AT,de,de-DE,de-*,sv,sv-SE,sv-*,en-US");
	check_chain("SV-se,sv-SE,sv_SE.UTF-8", "sv-SE,sv,sv-*,en-US");
	check_chain("sv,sv-SE", "sv,sv-SE,sv-*,en-US");
	/* Entries that are not cultures are dropped. */
	check_chain("C,../x,fi", "fi,fi-FI,fi-*,en-US");
	check_chain("en-US,sv", "en-US,en,en-*,sv,sv-SE,sv-*");
}

/* The chains and pattern matches are remembered for the process: the
   answers stay the same when asked again, in another order, after more
   distinct questions than the memos hold. */
TEST(remembered_answers_stay_right)
{
	static const char *const users[] = { "de-AT", "sv", "zh-HK", "fr-CA",
					     "sr-Latn", "pt-PT", "en-GB" };
	static const char *const want[] = {
		"de-AT,de,de-DE,de-*,en-US", "sv,sv-SE,sv-*,en-US",
		"zh-HK,zh,zh-TW,zh-Hant-*,en-US", "fr-CA,fr,fr-FR,fr-*,en-US",
		"sr-Latn,sr-Latn-RS,sr,sr-Latn-*,en-US",
		"pt-PT,pt,pt-BR,pt-*,en-US", "en-GB,en,en-US,en-*"
	};
	size_t n = sizeof(users) / sizeof(users[0]);

	for (int round = 0; round < 3; round++)
		for (size_t k = 0; k < n; k++) {
			size_t i = round == 1 ? n - 1 - k : k;
			check_chain(users[i], want[i]);
		}
	static const char *const folders[] = {
		"de-CH", "zh-TW", "zh-CN", "zh-SG", "en-US", "sr-Cyrl-RS",
		"sr-Latn-ME", "pt-AO", "fr-BE", "ja-JP", "ko-KR", "ru-RU",
		"tr-TR", "pl-PL", "it-IT", "es-ES", "cs-CZ", "nl-NL", "x-y"
	};
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof(folders) / sizeof(folders[0]);
		     i++) {
			const char *f = folders[i];
			check(culture_pattern_matches("de-*", f) ==
			      (strcmp(f, "de-CH") == 0));
			check(culture_pattern_matches("zh-Hant-*", f) ==
			      (strcmp(f, "zh-TW") == 0));
			check(culture_pattern_matches("sr-Latn-*", f) ==
			      (strcmp(f, "sr-Latn-ME") == 0));
		}
}

static void
check_gettext_(const char *user, const char *want, int line)
{
	struct culture_list u = { NULL, 0 }, c;
	char *got;

	if (*user) {
		u.v = xmalloc(sizeof(*u.v));
		u.v[u.n++] = xstrdup(user);
	}
	culture_chain(&u, &c);
	got = culture_gettext_languages(&c);
	if (!got || strcmp(got, want) != 0)
		tap_fail_(
			"line %d: gettext languages of '%s' = '%s', want '%s'",
			line, user, got ? got : "(null)", want);
	free(got);
	culture_list_release(&c);
	culture_list_release(&u);
}
#define check_gettext(user, want) check_gettext_(user, want, __LINE__)

TEST(gettext_languages)
{
	struct culture_list empty = { NULL, 0 };

	check_gettext("sv-SE", "sv_SE:sv:en_US");
	check_gettext("", "en_US");
	check_gettext("qps-ploc", "qps_ploc:qps:en_US");
	check_gettext("sr-Latn-RS", "sr_RS@latin:sr:en_US");
	/* zh-Hant has no gettext name of its own: its region stands in. */
	check_gettext("zh-Hant-TW", "zh_TW:zh:en_US");
	check_gettext("pt-BR", "pt_BR:pt:en_US");
	check(culture_gettext_languages(&empty) == NULL);
	check(culture_gettext_languages(NULL) == NULL);
}

int
main(void)
{
	RUN(canonical_posix_names);
	RUN(canonical_bcp47_tags);
	RUN(canonical_rejects_c_and_garbage);
	RUN(canonical_output_is_safe_and_stable);
	RUN(environment_option_wins);
	RUN(environment_language_list);
	RUN(environment_language_list_is_capped);
	RUN(environment_locale_variables);
	RUN(chain_parents_and_likely_regions);
	RUN(chain_reaches_other_regions_of_the_language);
	RUN(chain_several_cultures_without_duplicates);
	RUN(gettext_languages);
	RUN(remembered_answers_stay_right);
	return tap_done();
}
