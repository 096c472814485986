/* SPDX-License-Identifier: MIT */
#include "diag.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

static const struct {
	enum diag_level level;
	const char *slug;
	const char *format;
} diag_table[] = {
#define DIAG(id, lvl, slug, msg) { DIAGL_##lvl, slug, msg },
#include "diag_table.h"
#undef DIAG
};

void
diag_init(struct diag_ctx *dx, const char *file)
{
	*dx = (struct diag_ctx){ .file = file, .threshold = DIAGL_STYLE };
}

void
diag_init_quiet(struct diag_ctx *dx, const char *file)
{
	diag_init(dx, file);
	dx->threshold = DIAGL__COUNT;
}

enum diag_level
diag_level_of(enum diag_id id)
{
	return diag_table[id].level;
}

const char *
diag_slug(enum diag_id id)
{
	return diag_table[id].slug;
}

const char *
diag_format(enum diag_id id)
{
	return diag_table[id].format;
}

const char *
diag_level_name(enum diag_level level)
{
	switch (level) {
	case DIAGL_STYLE:
		return _("style");
	case DIAGL_WARNING:
		return _("warning");
	case DIAGL_ERROR:
		return _("error");
	case DIAGL_UNSUPPORTED:
		return _("unsupported");
	case DIAGL_USAGE:
		return _("usage");
	case DIAGL_SYSTEM:
		return _("system error");
	default:
		return "ok";
	}
}

static const char *const level_keys[DIAGL__COUNT] = {
	"ok", "style", "warning", "error", "unsupported", "usage", "system",
};

const char *
diag_level_key(enum diag_level level)
{
	return (unsigned)level < DIAGL__COUNT ? level_keys[level] : "ok";
}

bool
diag_level_from_name(const char *name, enum diag_level *level)
{
	for (int l = DIAGL_STYLE; l < DIAGL__COUNT; l++)
		if (strcmp(name, level_keys[l]) == 0) {
			*level = (enum diag_level)l;
			return true;
		}
	return false;
}

char *
diag_to_string(const struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	/* File names and messages quote page text: never raw controls. */
	if (d->file) {
		utf8_neutralize(&sb, d->file, strlen(d->file), false);
		if (d->line)
			strbuf_addf(&sb, ":%u:%u", (unsigned)d->line,
				    (unsigned)(d->col ? d->col : 1));
		strbuf_addstr(&sb, ": ");
	}
	strbuf_addf(&sb, "%s: ", diag_level_name(d->level));
	utf8_neutralize(&sb, d->message, strlen(d->message), false);
	strbuf_addf(&sb, " [%s]", diag_slug(d->id));
	for (const char *s = d->detail; s && *s;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		strbuf_addstr(&sb, "\n    ");
		utf8_neutralize(&sb, s, n, false);
		s += nl ? n + 1 : n;
	}
	return strbuf_detach(&sb, NULL);
}

/* To the sink, or to stderr as one line. */
static void
show(struct diag_ctx *dx, const struct diag *d)
{
	if (dx->sink) {
		dx->sink(dx->cookie, d);
		return;
	}
	char *s = diag_to_string(d);
	fprintf(stderr, "%s\n", s);
	free(s);
}

static void
report_with(struct diag_ctx *dx, enum diag_id id, uint32_t line, uint32_t col,
	    const char *detail, va_list ap)
{
	struct diag d = { .id = id,
			  .detail = detail,
			  .level = diag_level_of(id),
			  .file = dx->file,
			  .line = line,
			  .col = col };
	dx->count[d.level]++;
	if (d.level > dx->worst)
		dx->worst = d.level;
	if (d.level < dx->threshold)
		return;
	char buf[1024], buf_c[1024];
	va_list ap_c;
	va_copy(ap_c, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(buf, sizeof(buf), _(diag_format(id)), ap);
	vsnprintf(buf_c, sizeof(buf_c), diag_format(id), ap_c);
#pragma GCC diagnostic pop
	va_end(ap_c);
	d.message_c = buf_c;
	d.message = buf;
	show(dx, &d);
}

void
diag_forward(struct diag_ctx *dx, const struct diag *d)
{
	dx->count[d->level]++;
	if (d->level > dx->worst)
		dx->worst = d->level;
	if (d->level >= dx->threshold)
		show(dx, d);
}

void
diag_vreport(struct diag_ctx *dx, enum diag_id id, uint32_t line, uint32_t col,
	     va_list ap)
{
	report_with(dx, id, line, col, NULL, ap);
}

void
diag_report_detail(struct diag_ctx *dx, enum diag_id id, uint32_t line,
		   uint32_t col, const char *detail, ...)
{
	va_list ap;
	va_start(ap, detail);
	report_with(dx, id, line, col, detail, ap);
	va_end(ap);
}

void
diag_report(struct diag_ctx *dx, enum diag_id id, uint32_t line, uint32_t col,
	    ...)
{
	va_list ap;
	va_start(ap, col);
	diag_vreport(dx, id, line, col, ap);
	va_end(ap);
}

/* ---------- held back, then shown in page order ---------- */

static void
hold_sink(void *cookie, const struct diag *d)
{
	struct diag_held *h = cookie;
	if (h->n == DIAG_HOLD_MAX)
		return; /* counted all the same; a page has no more to say */
	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
	h->v[h->n].seq = h->n;
	struct diag *c = &h->v[h->n++].d;
	*c = *d;
	c->file = d->file ? xstrdup(d->file) : NULL;
	c->message = xstrdup(d->message ? d->message : "");
	c->message_c = xstrdup(d->message_c ? d->message_c : "");
	c->detail = d->detail ? xstrdup(d->detail) : NULL;
}

void
diag_hold(struct diag_ctx *dx, struct diag_held *h)
{
	memset(h, 0, sizeof(*h));
	h->sink = dx->sink;
	h->cookie = dx->cookie;
	dx->sink = hold_sink;
	dx->cookie = h;
}

static int
cmp_position(const void *a, const void *b)
{
	const struct diag_kept *x = a, *y = b;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	/* one place keeps the order of its reports */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_release_sorted(struct diag_ctx *dx, struct diag_held *h)
{
	if (h->n)
		qsort(h->v, h->n, sizeof(*h->v), cmp_position);
	dx->sink = h->sink;
	dx->cookie = h->cookie;
	for (size_t i = 0; i < h->n; i++) {
		struct diag *d = &h->v[i].d;
		show(dx, d);
		free((char *)d->file);
		free((char *)d->message);
		free((char *)d->message_c);
		free((char *)d->detail);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}
