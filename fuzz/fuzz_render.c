/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the renderers.  Byte 0 picks the width (20..200,
 * else 0..19 or 0 = no wrapping), byte 1 the page's culture folder (low
 * bits), whether a fallback note is shown and which REMARKS command is
 * named (high bits); the rest is parsed as a page, as in fuzz_page.  The
 * model is rendered in every text view (default, -Detailed, -Full,
 * -Examples, -Parameter * and -Parameter <first name>), as man(7) and as
 * JSON.  Every output must be valid UTF-8 with no raw control character
 * but LF (no C0, DEL, C1, bidi embedding, override or isolate); man(7)
 * may keep a TAB, which roff reads as a tab (render_man.c neutralizes
 * with utf8_neutralize(), which keeps it).  At a
 * width get-help can ask for (20 or more, its MIN_WIDTH) no text line may
 * be wider than the width (doc/layout.md: "width is the maximum line
 * width"), unless it holds one grapheme cluster wider than the narrowest
 * column the renderer wraps to (10 cells), which textwrap.h cannot break.
 * The JSON must parse (json_loads).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "diag.h"
#include "help_model.h"
#include "md_parse.h"
#include "render.h"
#include "render_json.h"
#include "render_text.h"
#include "strbuf.h"
#include "textwrap.h"
#include "utf8.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* get-help's narrowest width, and render_blocks.c's narrowest column. */
#define MIN_WIDTH 20
#define MIN_AVAIL 10

static const char *const paths[] = {
	"fuzz/en-US/Mod/Get-Fuzz.md", "fuzz/ja-JP/Mod/Get-Fuzz.md",
	"fuzz/th-TH/Mod/Get-Fuzz.md", "fuzz/ar-SA/Mod/Get-Fuzz.md",
	"fuzz/he-IL/Mod/Get-Fuzz.md", "fuzz/tr-TR/Mod/Get-Fuzz.md",
	"fuzz/de-DE/Mod/about_Fuzz.md", "fuzz/zh-Hans-CN/Mod/Get-Fuzz.md",
};
#define NPATHS (sizeof(paths) / sizeof(paths[0]))

static UBreakIterator *graphemes;

static void
check(bool ok)
{
	if (!ok)
		abort();
}

static void
discard(void *cookie, const struct diag *d)
{
	(void)cookie;
	(void)d;
}

/* Whether a terminal would act on cp instead of showing it. */
static bool
is_raw_control(int32_t cp, bool tab_ok)
{
	if (cp == '\n' || (cp == '\t' && tab_ok))
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Valid UTF-8 and nothing but LF that a terminal would act on. */
static void
check_clean(const char *s, size_t len, bool tab_ok)
{
	check(utf8_first_invalid(s, len) == len);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		check(!is_raw_control(cp, tab_ok));
	}
}

/* Width of the widest grapheme cluster of a line. */
static size_t
widest_cluster(const char *s, size_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n16 = 0;
	UChar *u = xmalloc((len + 1) * sizeof(UChar));
	char *one = xmalloc(len * 3 + 4);
	size_t widest = 0;

	u_strFromUTF8WithSub(u, (int32_t)len + 1, &n16, s, (int32_t)len,
			     0xFFFD, NULL, &err);
	check(U_SUCCESS(err));
	ubrk_setText(graphemes, u, n16, &err);
	check(U_SUCCESS(err));
	for (int32_t a = ubrk_first(graphemes), b; (b = ubrk_next(graphemes)) !=
						  UBRK_DONE;
	     a = b) {
		int32_t n8 = 0;
		err = U_ZERO_ERROR;
		u_strToUTF8(one, (int32_t)(len * 3 + 4), &n8, u + a, b - a,
			    &err);
		check(U_SUCCESS(err));
		size_t w = textwrap_width(one, (size_t)n8);
		if (w > widest)
			widest = w;
	}
	free(one);
	free(u);
	return widest;
}

static void
check_widths(const char *s, size_t len, size_t width)
{
	const char *end = s + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (textwrap_width(s, n) > width)
			check(widest_cluster(s, n) > MIN_AVAIL);
		s += n + 1;
	}
}

static void
render_view(const struct help_doc *doc, struct render_options *ro,
	    struct strbuf *out)
{
	strbuf_reset(out);
	if (render_text(doc, ro, out) != 0) {
		check(out->len == 0); /* nothing is appended then */
		return;
	}
	check_clean(out->buf, out->len, false);
	if (ro->width >= MIN_WIDTH)
		check_widths(out->buf, out->len, ro->width);
}

static void
render_views(const struct help_doc *doc, struct render_options *ro,
	     struct strbuf *out)
{
	static const enum render_view views[] = { RENDER_DEFAULT,
						  RENDER_DETAILED, RENDER_FULL,
						  RENDER_EXAMPLES };

	for (size_t i = 0; i < sizeof(views) / sizeof(*views); i++) {
		ro->view = views[i];
		render_view(doc, ro, out);
	}
	ro->view = RENDER_PARAMETER;
	ro->parameter = "*";
	render_view(doc, ro, out);
	if (doc->nparams && doc->params[0].name) {
		ro->parameter = doc->params[0].name;
		render_view(doc, ro, out);
	}
}

static void
render_json_checked(const struct help_doc *doc, struct strbuf *out)
{
	json_error_t err;

	strbuf_reset(out);
	render_json(doc, NULL, out);
	check_clean(out->buf, out->len, false);
	json_t *j = json_loadb(out->buf, out->len, 0, &err);
	check(j != NULL);
	json_decref(j);
}

static void
render_man_checked(const struct help_doc *doc, struct render_options *ro,
		   struct strbuf *out)
{
	ro->view = RENDER_FULL;
	strbuf_reset(out);
	render_man(doc, ro, out);
	check_clean(out->buf, out->len, true);
}

static size_t
width_of(uint8_t b)
{
	if (b <= 200 - MIN_WIDTH)
		return MIN_WIDTH + b;
	return b % MIN_WIDTH; /* narrower than get-help allows, or 0 */
}

static void
setup(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (graphemes != NULL)
		return;
	graphemes = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
	check(U_SUCCESS(err));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > (1u << 20))
		return 0;
	setup();
	struct md_parse_options o = { .path = paths[(data[1] & 0x3F) % NPATHS] };
	struct diag_ctx dx;
	diag_init(&dx, "fuzz");
	dx.sink = discard;
	struct help_doc *doc =
		md_parse((const char *)data + 2, size - 2, &o, &dx);
	if (doc == NULL)
		return 0;
	struct render_options ro = {
		.width = width_of(data[0]),
		.note = data[1] & 0x40 ? "This page is shown in en-US: no "
					 "translation was found."
				       : NULL,
		.help_command = data[1] & 0x80 ? "get-help" : NULL,
	};
	struct strbuf out = STRBUF_INIT;
	strbuf_init(&out);
	render_views(doc, &ro, &out);
	render_man_checked(doc, &ro, &out);
	render_json_checked(doc, &out);
	strbuf_release(&out);
	help_doc_free(doc);
	return 0;
}
