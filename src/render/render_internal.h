/* SPDX-License-Identifier: MIT */
/*
 * Internals of the text views, only for render_blocks.c (the block
 * engine: lines, indentation, wrapping, flat inline text, lists, code,
 * alerts, tables) and render_text.c (the views and their sections).
 */
#ifndef PSHELP_RENDER_INTERNAL_H
#define PSHELP_RENDER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "help_model.h"
#include "render_text.h"
#include "strbuf.h"
#include "textwrap.h"

/* The room every wrapped line keeps, however deep its indentation. */
#define RENDER_MIN_AVAIL 10

/* The state of one render_text() call. */
/* The translated words of the parameter attribute table, looked up once
   a render (gettext costs more than the table). */
struct attr_words {
	const char *label[8];
	const char *yes, *no, *named, *none;
};

struct rctx {
	const struct help_doc *doc;
	const struct render_options *opt;
	struct strbuf *out;
	struct textwrap *tw;
	struct arena scratch; /* short type names */
	size_t width;
	size_t label_col; /* value column of the attribute table */
	bool blank;	  /* an empty line is due before the next line */
	bool fresh;	  /* just after a heading: no empty line wanted */
	bool has_marker;  /* marker goes in front of the next line */
	struct strbuf marker;
	size_t marker_w;
	struct attr_words words;
	struct flat *flat; /* kept between texts: render_flat_begin */
	bool flat_busy;
};

/* Display text of inline runs: hard breaks split it into segments. */
struct flat {
	struct strbuf s;
	struct tw_span *spans; /* nobreak; sorted by start within a segment */
	size_t nspans, cspans;
	struct tw_span *segs;
	size_t nsegs, csegs;
	size_t seg_start;
};

/* Lines: every line goes through render_put_line(). */
void render_want_blank(struct rctx *r);
void render_after_heading(struct rctx *r);
void render_set_marker(struct rctx *r, const char *s, size_t len, size_t w);
void render_put_line(struct rctx *r, size_t indent, const char *s, size_t len);

/* Flat inline text. */
void render_flat_init(struct flat *f);
void render_flat_release(struct flat *f);
void render_flat_span(struct flat *f, size_t start, size_t end);
void render_flat_break(struct flat *f);
void render_flat_add(struct flat *f, const char *s, size_t len);
/*
 * An empty flat for one text, handed back with render_flat_end: r's own,
 * whose buffers are kept from text to text (a fresh one while r's is
 * out).
 */
struct flat *render_flat_begin(struct rctx *r);
void render_flat_end(struct rctx *r, struct flat *f);
void render_put_flat(struct rctx *r, size_t ind1, size_t ind2,
		     const struct flat *f);
void render_put_str(struct rctx *r, size_t ind1, size_t ind2, const char *s);

/* Blocks separated by one empty line, or by none in a tight list. */
void render_put_blocks(struct rctx *r, const struct help_blocks *b,
		       size_t indent, bool tight);

#endif
