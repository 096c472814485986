/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the files of the markdown parser.  Only for the
 * md_*.c files: programs, lookup and renderers use md_parse.h.
 *
 *   md_parse.c     entry points, cmark, the walk to blocks and inlines
 *   md_input.c     checks on the raw page before cmark reads it
 *   md_inline.c    inline runs, HTML tags in text, raw HTML blocks
 *   md_page.c      document fields, page kind, helpers over the items
 *   md_sections.c  command pages: section alignment, filling sections
 *   md_names.c     parameter and syntax-set names, from the page or source
 *   md_about.c     about topics and module pages
 *   md_extent.c    byte extents of blocks, headings and links in the source
 *
 * No cmark type appears here: md_parse.c turns the cmark tree into the
 * items below at once, and the other files work on those.
 */
#ifndef PSHELP_MD_INTERNAL_H
#define PSHELP_MD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "diag.h"
#include "help_model.h"
#include "md_parse.h"
#include "strbuf.h"
#include "xalloc.h"

struct frontmatter;

/*
 * What the builders ask of a paragraph's runs: names_only keeps this
 * instead of the runs of a top-level paragraph no name is taken from.
 */
struct para_sum {
	size_t text_len;  /* md_inline_text_len() */
	bool link, other; /* md_block_only_links() is link && !other */
	bool common;	  /* a run's text or link says CommonParameters */
	bool unclean;	  /* md_clean_dup() would change text: not kept */
};

/* A heading or a top-level block, in page order. */
struct item {
	int level;	       /* 0: a block; 1-6: a heading */
	struct help_block blk; /* the block, or the heading as a block */
	const char *text;      /* heading text, trimmed */
	struct help_pos pos;
	struct help_pos content_pos; /* code: first content line and column */
	bool link_heading;	     /* heading that is only a link */
	bool summarized;	     /* a paragraph without runs: see sum */
	struct para_sum sum;
};

/* The extents of a heading item, as the model stores them. */
static inline struct help_heading_ext
item_heading_ext(const struct item *it)
{
	return (struct help_heading_ext){ it->blk.ext,
					  it->blk.u.heading.text_ext };
}

/* The state of one md_parse() call. */
struct mdp {
	struct help_doc *doc;
	struct arena *a;
	struct diag_ctx *dx;
	const struct md_parse_options *opt;
	const char *body;
	size_t body_len;
	uint32_t line0; /* file line of body line 1, minus 1 */
	int max_depth;

	/* body line k (1-based, split as cmark splits: LF, CRLF, CR)
	 * starts at doc->source + line_start[k - 1]; one more entry holds
	 * the source length */
	uint32_t *line_start;
	size_t nlines;
	/* where the next inline link is looked for, and the end of the
	 * leaf block being converted */
	uint32_t link_from, link_to;
	uint64_t link_work; /* bytes the link search looked at */

	/* forward-only cursor over body lines */
	size_t cur_off;
	uint32_t cur_line;

	/* every link node, in page order: runs only keep the target */
	struct help_inline_link *lpos;
	size_t nlpos, lpos_cap, lpos_next;

	struct item *items;
	size_t nitems, items_cap;

	const char
		*names[3]; /* file stem, title, H1: what SYNTAX starts with */
	/* names_only on a page that is no command: only H1s become items */
	bool h1_only;
	/* where the paragraph being converted is summarized, or NULL */
	struct para_sum *para_sum;

	/* the buffers of struct runs, kept from one text to the next
	   (md_runs_init) */
	struct strbuf run_text;
	struct help_run *run_v;
	size_t run_cap;
	bool runs_busy;
};

/* ---------- small string helpers ---------- */

static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ASCII case-insensitive equality (NULL equals nothing). */
static inline bool
eq_ci(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

static inline bool
prefix_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

#define PUSH(v, n, cap)                                                        \
	(*((v) = xgrow((v), &(cap), (n) + 1, sizeof(*(v))), &(v)[(n)++]))

/* ---------- md_parse.c: arena copies ---------- */

const char *md_trim_dup(struct arena *a, const char *s);
const char *md_clean_dup(struct arena *a, const char *s, size_t len,
			 size_t *outlen);
void *md_to_arena(struct arena *a, void *v, size_t n, size_t size);

/* ---------- md_input.c: the raw page ---------- */

bool md_input_ok(const char *buf, size_t len, size_t max, struct diag_ctx *dx);
bool md_guard_input(const char *s, size_t len, bool *tables,
		    struct diag_ctx *dx);
uint64_t md_count_byte(const char *s, size_t n, char c);

/* ---------- md_extent.c: byte extents in doc->source ---------- */

void md_ext_lines_init(struct mdp *m);
uint32_t md_ext_line_start(const struct mdp *m, long line);
uint32_t md_ext_line_end(const struct mdp *m, long line);
uint32_t md_ext_line_trim(const struct mdp *m, long line);
uint32_t md_ext_at(const struct mdp *m, long line, long col);
void md_ext_heading(const struct mdp *m, uint32_t start, long line,
		    long end_line, struct help_extent *all,
		    struct help_extent *text);
bool md_ext_verbatim(const struct mdp *m, struct help_extent x,
		     const char *text);
void md_ext_table_row(const struct mdp *m, long line, long col,
		      struct help_extent *cells, size_t ncols);
void md_ext_find_link(struct mdp *m, long line, long col, const char *url,
		      struct help_inline_link *out);

/* ---------- md_inline.c: inline runs and HTML ---------- */

/* Runs being collected for one help_inline. */
struct runs {
	struct help_run *v;
	size_t n, cap;
	struct strbuf text; /* pending text run */
	bool pending;
	unsigned flags;
	const char *link;
	struct para_sum *sum; /* non-NULL: runs are summed up, not kept */
	bool own_buffers;     /* text and v are the mdp's (md_runs_init) */
};

/* Runs of one text: m's buffers, or new ones while m's are in use; every
   md_runs_init has its md_runs_finish. */
void md_runs_init(struct mdp *m, struct runs *r);
/* m's run buffers freed, at the end of a page. */
void md_runs_release(struct mdp *m);
void md_runs_text(struct mdp *m, struct runs *r, const char *s, size_t len,
		  unsigned flags, const char *link);
void md_runs_other(struct mdp *m, struct runs *r, enum help_run_kind kind,
		   const char *s, unsigned flags, const char *link);
struct help_inline md_runs_finish(struct mdp *m, struct runs *r);
int md_tag_effect(const char *t, bool *is_br);
const char *md_anchor_of(struct arena *a, const char *t);
struct help_inline md_html_block_text(struct mdp *m, const char *html);

/* ---------- md_page.c: the page as items ---------- */

/* A list of item indices: the content of one section, in page order. */
struct idx {
	size_t *v;
	size_t n, cap;
};

/* What an H2 part holds: md_sections.c scores sections by it. */
struct feat {
	size_t nblocks, nh3, nh3_yaml, nh3_code, nh3_num, nh3_short;
	size_t ncode_cmd, ncode_noinfo, ncode, nyaml;
	size_t npara, text_len, nlinkonly, nother;
	bool common;
};

/* One H2 part of the page. */
struct seg {
	size_t head;	   /* item index of the H2 */
	size_t first, end; /* the items under it */
	int sec;	   /* section, or -1 */
	struct feat f;
};

void md_parse_page(struct mdp *m, const struct frontmatter *fm);
bool md_no_command_by_header(const struct mdp *m, const struct frontmatter *fm);
const struct item *md_first_heading(const struct mdp *m, int level);
bool md_is_yaml_block(const struct help_block *b);
void md_idx_add_range(struct idx *x, size_t from, size_t to);
struct help_blocks md_blocks_of(struct mdp *m, const struct idx *x, size_t from,
				size_t to);
bool md_block_only_links(const struct help_block *b, int depth);
size_t md_inline_text_len(const struct help_inline *in);
bool md_inline_mentions_common(const struct help_inline *in);
/* The same three of an item's block, summarized or not. */
bool md_item_only_links(const struct item *it);
size_t md_item_text_len(const struct item *it);
bool md_item_mentions_common(const struct item *it);
struct seg *md_cut_segments(struct mdp *m, size_t *nseg, size_t *first_h2);

/* ---------- the builders ---------- */

/* md_sections.c */
void md_build_command(struct mdp *m);

/* md_names.c */
char *md_name_key(const char *s);
void md_resolve_names(struct mdp *m);

/* md_about.c */
void md_build_about(struct mdp *m);

#endif
