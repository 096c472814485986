/* SPDX-License-Identifier: MIT */
/*
 * Cultures come from ICU's locale data only (uloc_*): the glibc locale of
 * the user may not be generated, and setlocale would tell us nothing.
 * Never pass "" or NULL to uloc_*: ICU reads that as the default locale.
 */
#include "culture.h"
#include "i18n.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>

#include "strbuf.h"
#include "xalloc.h"

/* Longer input is not a locale name; ICU's own buffers are 157 bytes. */
#define MAX_NAME 64
#define ID_CAP 160

/* The parts of an ICU locale id that a culture keeps. */
struct loc_parts {
	char lang[ULOC_LANG_CAPACITY];
	char script[ULOC_SCRIPT_CAPACITY];
	char region[ULOC_COUNTRY_CAPACITY];
	char variant[ID_CAP];
};

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == '@';
}

static bool
is_tag_safe(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

/* Splits an ICU id into its parts; false if ICU cannot. */
static bool
split_id(const char *id, struct loc_parts *p)
{
	UErrorCode st = U_ZERO_ERROR;

	memset(p, 0, sizeof(*p));
	if (!*id)
		return false;
	uloc_getLanguage(id, p->lang, sizeof(p->lang), &st);
	uloc_getScript(id, p->script, sizeof(p->script), &st);
	uloc_getCountry(id, p->region, sizeof(p->region), &st);
	uloc_getVariant(id, p->variant, sizeof(p->variant), &st);
	return U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING;
}

/* BCP 47 tag (or tag with '_') to an ICU id; the whole input must parse. */
static bool
id_from_tag(const char *tag, char *id, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	char buf[MAX_NAME + 1];
	int32_t parsed = 0;
	size_t len = strlen(tag);

	if (len == 0 || len > MAX_NAME)
		return false;
	for (size_t i = 0; i <= len; i++)
		buf[i] = tag[i] == '_' ? '-' : tag[i];
	uloc_forLanguageTag(buf, id, (int32_t)cap, &parsed, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return false;
	return parsed == (int32_t)len && *id;
}

static void
join_id(const struct loc_parts *p, char *id, size_t cap)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_addstr(&sb, p->lang);
	if (*p->script)
		strbuf_addf(&sb, "_%s", p->script);
	if (*p->region || *p->variant)
		strbuf_addf(&sb, "_%s", p->region);
	if (*p->variant)
		strbuf_addf(&sb, "_%s", p->variant);
	if (sb.len < cap)
		memcpy(id, sb.buf, sb.len + 1);
	else
		*id = '\0';
	strbuf_release(&sb);
}

/* An ICU id to a canonical, folder-safe tag; NULL if it is not one. */
static char *
tag_from_parts(const struct loc_parts *p)
{
	UErrorCode st = U_ZERO_ERROR;
	char id[ID_CAP], tag[ID_CAP];

	if (!*p->lang || strcmp(p->lang, "und") == 0)
		return NULL;
	join_id(p, id, sizeof(id));
	if (!*id)
		return NULL;
	uloc_toLanguageTag(id, tag, sizeof(tag), true, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ||
	    !is_tag_safe(tag))
		return NULL;
	/* Windows spells the pseudo-locales in lower case: qps-ploc. */
	if (strcmp(p->lang, "qps") == 0)
		for (char *s = tag; *s; s++)
			if (*s >= 'A' && *s <= 'Z')
				*s = (char)(*s - 'A' + 'a');
	return xstrdup(tag);
}

/* The POSIX @modifier: a script, a variant, or nothing we keep. */
static void
apply_modifier(struct loc_parts *p, const char *mod, size_t len)
{
	static const char *const scripts[][2] = {
		{ "latin", "Latn" },
		{ "cyrillic", "Cyrl" },
		{ "devanagari", "Deva" },
		{ "arabic", "Arab" },
	};
	size_t n = sizeof(scripts) / sizeof(scripts[0]);

	for (size_t i = 0; i < n; i++) {
		if (strlen(scripts[i][0]) == len &&
		    strncasecmp(mod, scripts[i][0], len) == 0) {
			if (!*p->script)
				strcpy(p->script, scripts[i][1]);
			return;
		}
	}
	/* A BCP 47 variant is 5-8 alphanumerics ("valencia"); "euro" is not. */
	if (len >= 5 && len <= 8 && !*p->variant) {
		for (size_t i = 0; i < len; i++) {
			char c = mod[i];
			if (c == '-' || c == '_' || c == '.' || c == '@')
				return;
			p->variant[i] =
				(char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A'
							    : c);
		}
		p->variant[len] = '\0';
	}
}

static bool
is_c_locale(const char *base, size_t len)
{
	return (len == 1 && (base[0] == 'C' || base[0] == 'c')) ||
	       (len == 5 && strncasecmp(base, "POSIX", 5) == 0);
}

char *
culture_canonical(const char *name)
{
	char base[MAX_NAME + 1], id[ID_CAP];
	const char *at, *mod_end;
	struct loc_parts p;
	size_t len, blen;

	if (!name || !(len = strlen(name)) || len > MAX_NAME)
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (!is_name_char(name[i]))
			return NULL;
	blen = strcspn(name, ".@");
	if (blen == 0 || is_c_locale(name, blen))
		return NULL;
	memcpy(base, name, blen);
	base[blen] = '\0';
	if (!id_from_tag(base, id, sizeof(id)) || !split_id(id, &p))
		return NULL;
	at = strchr(name, '@');
	if (at) {
		mod_end = strchr(at + 1, '.');
		apply_modifier(&p, at + 1,
			       mod_end ? (size_t)(mod_end - at - 1)
				       : strlen(at + 1));
	}
	return tag_from_parts(&p);
}

void
culture_list_release(struct culture_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static bool
list_has(const struct culture_list *l, const char *tag)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i], tag) == 0)
			return true;
	return false;
}

/* Takes ownership of tag (which may be NULL); drops duplicates. */
static void
list_add(struct culture_list *l, char *tag)
{
	if (!tag)
		return;
	if (list_has(l, tag)) {
		free(tag);
		return;
	}
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = tag;
}

/* False when the list names more than CULTURE_MAX_USER cultures. */
static bool
add_language_list(struct culture_list *out, const char *list)
{
	const char *s = list;

	while (*s) {
		size_t n = strcspn(s, ":");
		if (out->n == CULTURE_MAX_USER)
			/* nobody reads 32 languages; a list of thousands would
			 * cost seconds in the chain and the catalogs */
			return false;
		if (n > 0 && n <= MAX_NAME) {
			char *one = xstrndup(s, n);
			list_add(out, culture_canonical(one));
			free(one);
		}
		s += n;
		if (*s == ':')
			s++;
	}
	return true;
}

bool
culture_from_environment(const char *option, struct culture_list *out)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;

	out->v = NULL;
	out->n = 0;
	if (option) {
		/* An invalid --culture gives no culture; the caller reports it. */
		list_add(out, culture_canonical(option));
		return true;
	}
	/* gettext ignores LANGUAGE under LC_ALL=C; we pick catalogs ourselves. */
	v = getenv("LANGUAGE");
	bool whole = v ? add_language_list(out, v) : true;
	if (out->n > 0)
		return whole;
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		v = getenv(vars[i]);
		if (v && *v) {
			list_add(out, culture_canonical(v));
			return true;
		}
	}
	return true;
}

/*
 * uloc_addLikelySubtags, remembered: one run builds the same few chains
 * several times (messages, lookup, the page's headings) and matches
 * "de-*" against every culture folder, and ICU's answer was a tenth of a
 * run.  The answer depends only on id and ICU's data, so it is kept for
 * the process (single-threaded, as the rest of the lookup).
 */
#define LIKELY_MEMO 32

static bool
likely_subtags(const char *id, char *max, size_t cap)
{
	static struct {
		char id[ID_CAP], max[ID_CAP];
		bool ok;
	} memo[LIKELY_MEMO];
	static size_t used, next;
	UErrorCode st = U_ZERO_ERROR;
	size_t slot;

	if (strlen(id) >= ID_CAP)
		return false;
	for (size_t i = 0; i < used; i++) {
		if (strcmp(memo[i].id, id) != 0)
			continue;
		if (!memo[i].ok || strlen(memo[i].max) >= cap)
			return false;
		strcpy(max, memo[i].max);
		return true;
	}
	slot = used < LIKELY_MEMO ? used++ : next++ % LIKELY_MEMO;
	strcpy(memo[slot].id, id);
	uloc_addLikelySubtags(id, memo[slot].max, ID_CAP, &st);
	memo[slot].ok = U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING;
	if (!memo[slot].ok)
		memo[slot].max[0] = '\0';
	if (!memo[slot].ok || strlen(memo[slot].max) >= cap)
		return false;
	strcpy(max, memo[slot].max);
	return true;
}

/* Likely script of lang[_region]; "" when ICU knows none. */
static void
likely_script(const char *lang, const char *region, char *script, size_t cap)
{
	struct loc_parts p = { 0 };
	char id[ID_CAP], max[ID_CAP];

	strcpy(p.lang, lang);
	strcpy(p.region, region);
	join_id(&p, id, sizeof(id));
	*script = '\0';
	if (!*id)
		return;
	if (likely_subtags(id, max, sizeof(max)) && split_id(max, &p) &&
	    strlen(p.script) < cap)
		strcpy(script, p.script);
}

/* "sv" -> "sv-SE", "zh-Hant" -> "zh-TW", "sr-Latn" -> "sr-Latn-RS". */
static char *
with_likely_region(const struct loc_parts *p)
{
	struct loc_parts m;
	char id[ID_CAP], max[ID_CAP], def[ULOC_SCRIPT_CAPACITY];

	join_id(p, id, sizeof(id));
	if (!*id)
		return NULL;
	if (!likely_subtags(id, max, sizeof(max)) || !split_id(max, &m) ||
	    !*m.region)
		return NULL;
	likely_script(m.lang, m.region, def, sizeof(def));
	if (strcmp(def, m.script) == 0)
		m.script[0] = '\0';
	strcpy(m.variant, p->variant);
	return tag_from_parts(&m);
}

/*
 * The language of p (with its script when that is not the language's
 * own, as zh-Hant): its likely region ("de" -> "de-DE", "zh-Hant" ->
 * "zh-TW"), then any other region of it ("de-*"), which the lookup
 * matches against the folders there are.
 */
static void
add_language_fallbacks(struct culture_list *out, const struct loc_parts *p)
{
	struct loc_parts lang = { 0 };
	char def[ULOC_SCRIPT_CAPACITY];

	strcpy(lang.lang, p->lang);
	likely_script(p->lang, "", def, sizeof(def));
	if (*p->script && strcmp(p->script, def) != 0)
		strcpy(lang.script, p->script);
	else if (!*p->script && *p->region) {
		/* zh-HK is written in Hant, not in zh's Hans */
		char region_script[ULOC_SCRIPT_CAPACITY];
		likely_script(p->lang, p->region, region_script,
			      sizeof(region_script));
		if (strcmp(region_script, def) != 0)
			strcpy(lang.script, region_script);
	}
	list_add(out, with_likely_region(&lang));
	char *base = tag_from_parts(&lang);
	if (base)
		list_add(out, xasprintf("%s-*", base));
	free(base);
}

static void
add_with_fallbacks(struct culture_list *out, const char *tag)
{
	char id[ID_CAP], parent[ID_CAP];
	struct loc_parts p, first;

	if (!id_from_tag(tag, id, sizeof(id)) || !split_id(id, &p))
		return;
	first = p;
	list_add(out, xstrdup(tag));
	if (!*p.region)
		list_add(out, with_likely_region(&p));
	for (;;) {
		UErrorCode st = U_ZERO_ERROR;
		uloc_getParent(id, parent, sizeof(parent), &st);
		if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ||
		    !*parent || strcmp(parent, "root") == 0 ||
		    strcmp(parent, id) == 0 || !split_id(parent, &p))
			break;
		list_add(out, tag_from_parts(&p));
		strcpy(id, parent);
	}
	add_language_fallbacks(out, &first);
}

bool
culture_is_language(const char *tag)
{
	char id[ID_CAP];
	if (!id_from_tag(tag, id, sizeof(id)))
		return false;
	const char *lang3 = uloc_getISO3Language(id);
	return lang3 && *lang3;
}

bool
culture_is_pattern(const char *entry)
{
	size_t n = strlen(entry);
	return n > 2 && strcmp(entry + n - 2, "-*") == 0;
}

/* The language and likely script of a tag; false if it is none. */
static bool
find_language_and_script(const char *tag, struct loc_parts *out)
{
	char id[ID_CAP];
	if (!id_from_tag(tag, id, sizeof(id)) || !split_id(id, out) ||
	    !*out->lang)
		return false;
	if (!*out->script)
		likely_script(out->lang, out->region, out->script,
			      sizeof(out->script));
	return true;
}

/*
 * find_language_and_script, remembered: a lookup matches each pattern of
 * the chain against every culture folder, in each root, and ICU's parse
 * of the same few tags was 4% of a Swedish run.  Tags are short (the
 * callers cap them below ID_CAP); single-threaded, as likely_subtags.
 */
#define SCRIPT_MEMO 16

static bool
language_and_script(const char *tag, struct loc_parts *out)
{
	static struct {
		char tag[ID_CAP];
		struct loc_parts parts;
		bool ok;
	} memo[SCRIPT_MEMO];
	static size_t used, next;

	if (strlen(tag) >= ID_CAP)
		return find_language_and_script(tag, out);
	for (size_t i = 0; i < used; i++)
		if (strcmp(memo[i].tag, tag) == 0) {
			*out = memo[i].parts;
			return memo[i].ok;
		}
	size_t slot = used < SCRIPT_MEMO ? used++ : next++ % SCRIPT_MEMO;
	strcpy(memo[slot].tag, tag);
	memo[slot].ok = find_language_and_script(tag, &memo[slot].parts);
	*out = memo[slot].parts;
	return memo[slot].ok;
}

bool
culture_pattern_matches(const char *pattern, const char *folder)
{
	size_t n = strlen(pattern);
	if (!culture_is_pattern(pattern) || n - 2 >= ID_CAP)
		return false;
	char base[ID_CAP];
	memcpy(base, pattern, n - 2);
	base[n - 2] = '\0';
	struct loc_parts a, b;
	return language_and_script(base, &a) &&
	       language_and_script(folder, &b) &&
	       strcasecmp(a.lang, b.lang) == 0 &&
	       strcasecmp(a.script, b.script) == 0;
}

static void
build_chain(const struct culture_list *user, struct culture_list *out)
{
	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; user && i < user->n; i++) {
		char *tag = culture_canonical(user->v[i]);
		if (tag)
			add_with_fallbacks(out, tag);
		free(tag);
	}
	list_add(out, xstrdup("en-US"));
}

static void
copy_list(const struct culture_list *from, struct culture_list *to)
{
	to->n = from->n;
	to->v = xmalloc((from->n ? from->n : 1) * sizeof(*to->v));
	for (size_t i = 0; i < from->n; i++)
		to->v[i] = xstrdup(from->v[i]);
}

/* The user's list as one key: its entries, each ended by a newline
   (which no culture name holds). */
static char *
list_key(const struct culture_list *l)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; l && i < l->n; i++) {
		strbuf_addstr(&sb, l->v[i]);
		strbuf_addch(&sb, '\n');
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * One run builds the same chain several times (messages, the lookup,
 * the page's headings) at some 60k instructions each: the last few are
 * remembered for the process.  Single-threaded, as likely_subtags.
 */
#define CHAIN_MEMO 4

void
culture_chain(const struct culture_list *user, struct culture_list *out)
{
	static struct {
		char *key;
		struct culture_list chain;
	} memo[CHAIN_MEMO];
	static size_t next;
	char *key = list_key(user);

	for (size_t i = 0; i < CHAIN_MEMO; i++)
		if (memo[i].key && strcmp(memo[i].key, key) == 0) {
			free(key);
			copy_list(&memo[i].chain, out);
			return;
		}
	size_t slot = next++ % CHAIN_MEMO;
	free(memo[slot].key);
	culture_list_release(&memo[slot].chain);
	memo[slot].key = key;
	build_chain(user, &memo[slot].chain);
	copy_list(&memo[slot].chain, out);
}

/* gettext spells a script as an @modifier (sr_RS@latin). */
static const char *
script_modifier(const char *script)
{
	if (strcmp(script, "Latn") == 0)
		return "latin";
	if (strcmp(script, "Cyrl") == 0)
		return "cyrillic";
	if (strcmp(script, "Deva") == 0)
		return "devanagari";
	return NULL;
}

/* One culture as a gettext language name: "sv-SE" -> "sv_SE". */
static char *
gettext_name(const char *tag)
{
	char id[ID_CAP], def[ULOC_SCRIPT_CAPACITY];
	struct loc_parts p;
	const char *mod = NULL;
	char *likely;

	if (strncasecmp(tag, "qps-", 4) == 0 ||
	    !id_from_tag(tag, id, sizeof(id)) || !split_id(id, &p)) {
		char *s = xstrdup(tag);
		for (char *c = s; *c; c++)
			if (*c == '-')
				*c = '_';
		return s;
	}
	if (*p.script && !*p.region) {
		/* zh-Hant has no gettext name; its likely region zh_TW does. */
		likely = with_likely_region(&p);
		if (likely && id_from_tag(likely, id, sizeof(id)))
			split_id(id, &p);
		free(likely);
	}
	if (*p.script) {
		likely_script(p.lang, p.region, def, sizeof(def));
		if (strcmp(def, p.script) != 0)
			mod = script_modifier(p.script);
	}
	return xasprintf("%s%s%s%s%s", p.lang, *p.region ? "_" : "", p.region,
			 mod ? "@" : "", mod ? mod : "");
}

char *
culture_gettext_languages(const struct culture_list *chain)
{
	struct strbuf sb = STRBUF_INIT;
	struct culture_list seen = { NULL, 0 };

	if (!chain || chain->n == 0)
		return NULL;
	strbuf_init(&sb);
	for (size_t i = 0; i < chain->n; i++) {
		if (culture_is_pattern(chain->v[i]))
			continue; /* catalogs are named, not matched */
		char *name = gettext_name(chain->v[i]);
		if (list_has(&seen, name)) {
			free(name);
			continue;
		}
		if (sb.len)
			strbuf_addch(&sb, ':');
		strbuf_addstr(&sb, name);
		list_add(&seen, name);
	}
	culture_list_release(&seen);
	return strbuf_detach(&sb, NULL);
}

void
culture_init_messages(const char *option)
{
	struct culture_list user = { 0 }, chain = { 0 };
	culture_from_environment(option, &user);
	culture_chain(&user, &chain);
	char *langs = culture_gettext_languages(&chain);
	i18n_init(langs);
	free(langs);
	culture_list_release(&chain);
	culture_list_release(&user);
}

char *
culture_messages_for_content(const char *culture)
{
	if (culture == NULL || *culture == '\0')
		return NULL;
	struct culture_list one = { 0 }, chain = { 0 };
	char *tag = culture_canonical(culture);
	if (tag == NULL)
		return NULL;
	/* English content needs no catalog until one is bound: the chain
	   would only say so (i18n_switch does the same, slower). */
	if (!i18n_bound() && strncasecmp(tag, "en", 2) == 0 &&
	    (tag[2] == '\0' || tag[2] == '-')) {
		free(tag);
		return xstrdup("en");
	}
	list_add(&one, tag);
	culture_chain(&one, &chain);
	char *langs = culture_gettext_languages(&chain);
	char *previous = i18n_switch(langs);
	free(langs);
	culture_list_release(&chain);
	culture_list_release(&one);
	return previous;
}
