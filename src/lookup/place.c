/* SPDX-License-Identifier: MIT */
/*
 * Where a page sits in its help root, from its path alone:
 * <root>/<culture>/[<Module>/][About/]<Page>.md.  A culture folder is a
 * tag ICU knows: a language with a script or region it knows too, so
 * "sv-SE" and "zh-Hans" are cultures and "PS-Tools", "my-docs" or a bare
 * "psh" are not.
 */
#include "lookup.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "strbuf.h"
#include "xalloc.h"

#define SOURCE_CULTURE "en-US"

static bool
known_script(const char *locale)
{
	char script[16];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = uloc_getScript(locale, script, sizeof(script), &st);
	if (U_FAILURE(st) || n == 0)
		return false;
	UScriptCode codes[4];
	st = U_ZERO_ERROR;
	return uscript_getCode(script, codes, 4, &st) > 0 && U_SUCCESS(st) &&
	       codes[0] != USCRIPT_INVALID_CODE;
}

static bool
is_culture_tag(const char *tag, size_t n)
{
	char locale[96];
	int32_t parsed = 0;
	UErrorCode st = U_ZERO_ERROR;
	uloc_forLanguageTag(tag, locale, sizeof(locale), &parsed, &st);
	if (U_FAILURE(st) || (size_t)parsed != n)
		return false;
	const char *lang3 = uloc_getISO3Language(locale);
	if (!lang3 || !*lang3)
		return false;
	const char *region3 = uloc_getISO3Country(locale);
	char variant[16];
	st = U_ZERO_ERROR;
	if (uloc_getVariant(locale, variant, sizeof(variant), &st) > 0)
		return false;
	return (region3 && *region3) || known_script(locale);
}

bool
lookup_is_culture_folder(const char *s, size_t n)
{
	/* The last answer, kept: a run asks about the same few folders for
	 * every page, and ICU looks a language up by a linear search. */
	static _Thread_local char last[64];
	static _Thread_local bool last_answer;
	char tag[64];
	/* a bare language would take module folders like "psh" for one */
	if (n == 0 || n >= sizeof(tag) || memchr(s, '_', n) ||
	    memchr(s, '\0', n) || !memchr(s, '-', n))
		return false;
	memcpy(tag, s, n);
	tag[n] = '\0';
	if (strcmp(tag, last) != 0) {
		last_answer = is_culture_tag(tag, n);
		memcpy(last, tag, n + 1);
	}
	return last_answer;
}

/* The folder names of path, from the file's own up, as offsets. */
struct folders {
	size_t start[4], end[4];
	size_t n;
};

static void
folders_of(const char *path, struct folders *f)
{
	size_t end = strlen(path);
	f->n = 0;
	while (end > 0 && path[end - 1] != '/')
		end--;
	while (end > 0 && f->n < 4) {
		size_t e = end - 1, s = e;
		while (s > 0 && path[s - 1] != '/')
			s--;
		f->start[f->n] = s;
		f->end[f->n++] = e;
		end = s;
	}
}

bool
lookup_place_of(const char *path, struct lookup_place *pl)
{
	struct folders f;
	memset(pl, 0, sizeof(*pl));
	folders_of(path, &f);
	/* culture/, culture/Module/, culture/About/, culture/Module/About/ */
	for (size_t k = 0; k < f.n && k < 3; k++) {
		if (!lookup_is_culture_folder(path + f.start[k],
					      f.end[k] - f.start[k]))
			continue;
		pl->culture_start = f.start[k];
		pl->culture_end = f.end[k];
		size_t below = k; /* folders between culture and page */
		pl->about = below > 0 && f.end[0] - f.start[0] == 5 &&
			    strncasecmp(path + f.start[0], "About", 5) == 0;
		if (below == 2 && !pl->about)
			continue; /* culture/x/y/Page.md is no help page */
		if (below - pl->about == 1) {
			pl->module_start = f.start[k - 1];
			pl->module_end = f.end[k - 1];
		}
		return true;
	}
	memset(pl, 0, sizeof(*pl));
	return false;
}

static bool
is_regular(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *
lookup_source_of(const char *path, const char *const *roots, size_t nroots)
{
	struct lookup_place pl;
	if (!lookup_place_of(path, &pl))
		return NULL;
	size_t clen = pl.culture_end - pl.culture_start;
	if (clen == strlen(SOURCE_CULTURE) &&
	    strncasecmp(path + pl.culture_start, SOURCE_CULTURE, clen) == 0)
		return NULL;
	const char *rel = path + pl.culture_end + 1; /* [Module/]Page.md */
	const char *page = strrchr(path, '/') + 1;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_add(&sb, path, pl.culture_start);
	strbuf_addf(&sb, SOURCE_CULTURE "/%s", rel);
	bool found = is_regular(sb.buf);
	for (size_t i = 0; !found && i < nroots; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/" SOURCE_CULTURE "/%s", roots[i], rel);
		found = is_regular(sb.buf);
		if (!found && page != rel) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s/" SOURCE_CULTURE "/%s", roots[i],
				    page);
			found = is_regular(sb.buf);
		}
	}
	if (!found) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}
