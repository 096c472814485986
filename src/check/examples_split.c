/* SPDX-License-Identifier: MIT */
/*
 * Code blocks of examples cut into what psh parses: a block without
 * prompts is one piece; a transcript (`PS> command` lines followed by
 * output) is one piece per command, with the output it shows.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "examples_internal.h"
#include "parser.h"
#include "xalloc.h"

/* The info string's first word, case-insensitively one of PowerShell's. */
static bool
info_is_powershell(const char *info)
{
	static const char *const names[] = { "powershell", "pwsh", "ps", NULL };
	size_t n = strcspn(info, " \t{");

	for (const char *const *w = names; *w; w++)
		if (n == strlen(*w) && strncasecmp(info, *w, n) == 0)
			return true;
	return false;
}

static bool
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* A path as PowerShell shows it in a prompt: C:\, /home/u, ~, HKLM:\x. */
static bool
looks_like_path(const char *s, size_t n)
{
	if (n == 0 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ':' || s[i] == '\\' || s[i] == '/' || s[i] == '~')
			return true;
	return false;
}

size_t
check_examples_prompt_len(const char *line, size_t len)
{
	size_t i = 0;

	/* [Server01]: PS> inside Enter-PSSession */
	if (len > 0 && line[0] == '[') {
		const char *close = memchr(line, ']', len);
		if (!close || (size_t)(close - line) + 3 > len ||
		    memcmp(close, "]: ", 3) != 0)
			return 0;
		i = (size_t)(close - line) + 3;
	}
	if (len - i < 3 || memcmp(line + i, "PS", 2) != 0)
		return 0;
	i += 2;
	if (line[i] == ' ') {
		const char *gt = memchr(line + i, '>', len - i);
		if (!gt ||
		    !looks_like_path(line + i + 1, (size_t)(gt - line) - i - 1))
			return 0;
		i = (size_t)(gt - line);
	}
	if (line[i] != '>')
		return 0;
	i++;
	if (i < len && line[i] == ' ')
		i++;
	return i;
}

/* The first line of a code block's text that is not blank. */
static bool
first_line_is_prompt(const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		if (!is_blank(text, n))
			return check_examples_prompt_len(text, n) > 0;
		text += n + (text[n] == '\n');
	}
	return false;
}

bool
check_examples_is_powershell(const struct help_block *b)
{
	const char *info = b->u.code.info ? b->u.code.info : "";

	if (b->kind != HELP_BLOCK_CODE || !b->u.code.text)
		return false;
	if (*info)
		return info_is_powershell(info);
	return first_line_is_prompt(b->u.code.text);
}

/* ---------- page positions ---------- */

struct text_line {
	const char *s;
	size_t len;
	struct ex_origin at;
};

/* The line of the block's first content byte: its own line (b->pos) plus
 * the line ends between its start and that byte, so never the whole page. */
static uint32_t
content_line(const struct help_doc *doc, const struct help_block *b)
{
	uint32_t line = b->pos.line;
	for (size_t i = b->ext.start; i < b->u.code.content.start; i++)
		line += doc->source[i] == '\n';
	return line;
}

/*
 * The block's text cut in lines, each with its page position: text drops
 * a container prefix from each source line, so the prefix is the
 * difference of the two lengths.
 */
static struct text_line *
block_lines(const struct help_doc *doc, const struct help_block *b,
	    size_t *nout)
{
	const char *text = b->u.code.text;
	const struct help_extent *c = &b->u.code.content;
	bool have_src =
		doc->source && c->end > c->start && c->end <= doc->source_len;
	const char *src = have_src ? doc->source + c->start : NULL;
	const char *src_end = have_src ? doc->source + c->end : NULL;
	uint32_t first = have_src && b->ext.start <= c->start
				 ? content_line(doc, b)
				 : b->pos.line + 1;
	struct text_line *v = NULL;
	size_t n = 0, cap = 0;

	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		uint32_t prefix = 0;

		if (src && src < src_end) {
			const char *eol =
				memchr(src, '\n', (size_t)(src_end - src));
			size_t slen = eol ? (size_t)(eol - src)
					  : (size_t)(src_end - src);
			if (slen > 0 && src[slen - 1] == '\r')
				slen--;
			prefix = slen > len ? (uint32_t)(slen - len) : 0;
			src = eol ? eol + 1 : src_end;
		}
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n] = (struct text_line){
			p, len, { first + (uint32_t)n, prefix + 1 }
		};
		n++;
		p += len + (p[len] == '\n');
	}
	*nout = n;
	return v;
}

/* ---------- pieces ---------- */

static struct ex_piece *
new_piece(struct ex_block *eb, size_t *cap)
{
	struct ex_piece *p;

	eb->pieces =
		xgrow(eb->pieces, cap, eb->npieces + 1, sizeof(*eb->pieces));
	p = &eb->pieces[eb->npieces++];
	memset(p, 0, sizeof(*p));
	strbuf_init(&p->code);
	strbuf_init(&p->output);
	return p;
}

static void
piece_add_line(struct ex_piece *p, const char *s, size_t n, struct ex_origin at)
{
	if (p->nlines)
		strbuf_addch(&p->code, '\n');
	strbuf_add(&p->code, s, n);
	p->origins = xgrow(p->origins, &p->origins_cap, p->nlines + 1,
			   sizeof(*p->origins));
	p->origins[p->nlines++] = at;
}

static void
split_whole(struct ex_block *eb, const struct text_line *lines, size_t n)
{
	size_t cap = 0;
	struct ex_piece *p = new_piece(eb, &cap);

	for (size_t i = 0; i < n; i++)
		piece_add_line(p, lines[i].s, lines[i].len, lines[i].at);
}

/* Bytes of commands one block may re-read to see if they are complete. */
#define INCOMPLETE_BUDGET ((size_t)16 << 20)

/*
 * The prefix length of a line that continues the command before it (`>> `
 * or unfinished input), or (size_t)-1.
 */
static size_t
continuation_len(const struct ex_piece *p, const struct text_line *l,
		 size_t *budget)
{
	if (l->len >= 2 && memcmp(l->s, ">>", 2) == 0)
		return l->len > 2 && l->s[2] == ' ' ? 3 : 2;
	if (*budget < p->code.len)
		return (size_t)-1;
	*budget -= p->code.len;
	if (psh_input_incomplete(p->code.buf, p->code.len))
		return 0;
	return (size_t)-1;
}

/* `exit` or `exit N`: psh ends, so the page shows all there is. */
static bool
is_exit(const struct strbuf *code)
{
	const char *s = code->buf;

	while (*s == ' ' || *s == '\t')
		s++;
	if (strncasecmp(s, "exit", 4) != 0)
		return false;
	s += 4;
	while (*s == ' ' || *s == '\t' || (*s >= '0' && *s <= '9'))
		s++;
	return *s == '\0';
}

static void
split_transcript(struct ex_block *eb, const struct text_line *lines, size_t n)
{
	struct ex_piece *cur = NULL, *last = NULL;
	bool has_output = false, ends_in_prompt = false;
	size_t cap = 0, budget = INCOMPLETE_BUDGET;

	for (size_t i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		size_t pl = check_examples_prompt_len(l->s, l->len), cl;

		if (pl) {
			ends_in_prompt = is_blank(l->s + pl, l->len - pl);
			cur = NULL;
			if (ends_in_prompt)
				continue;
			last = cur = new_piece(eb, &cap);
			piece_add_line(
				cur, l->s + pl, l->len - pl,
				(struct ex_origin){ l->at.line,
						    l->at.col + (uint32_t)pl });
			continue;
		}
		if (cur &&
		    (cl = continuation_len(cur, l, &budget)) != (size_t)-1) {
			piece_add_line(
				cur, l->s + cl, l->len - cl,
				(struct ex_origin){ l->at.line,
						    l->at.col + (uint32_t)cl });
			continue;
		}
		cur = NULL;
		if (!is_blank(l->s, l->len)) {
			has_output = true;
			ends_in_prompt = false;
		}
		if (last) {
			strbuf_add(&last->output, l->s, l->len);
			strbuf_addch(&last->output, '\n');
		}
	}
	eb->shows_output = has_output || ends_in_prompt ||
			   (last && last == &eb->pieces[eb->npieces - 1] &&
			    is_exit(&last->code));
}

void
check_examples_split(const struct help_doc *doc, const struct help_block *b,
		     struct ex_block *out)
{
	size_t n = 0;
	struct text_line *lines = block_lines(doc, b, &n);

	memset(out, 0, sizeof(*out));
	out->block = b;
	out->line = b->pos.line;
	out->col = b->pos.col;
	out->transcript = first_line_is_prompt(b->u.code.text);
	if (out->transcript)
		split_transcript(out, lines, n);
	else
		split_whole(out, lines, n);
	free(lines);
}

void
check_examples_block_free(struct ex_block *eb)
{
	for (size_t i = 0; i < eb->npieces; i++) {
		strbuf_release(&eb->pieces[i].code);
		strbuf_release(&eb->pieces[i].output);
		free(eb->pieces[i].origins);
	}
	free(eb->pieces);
	memset(eb, 0, sizeof(*eb));
}

struct ex_origin
check_examples_origin(const struct ex_piece *p, uint32_t line, uint32_t col)
{
	if (p->nlines == 0)
		return (struct ex_origin){ 0, 0 };
	if (line < 1)
		line = 1;
	if (line > p->nlines)
		line = (uint32_t)p->nlines;
	struct ex_origin o = p->origins[line - 1];
	o.col += col > 0 ? col - 1 : 0;
	return o;
}

char *
check_examples_expected(const struct ex_block *eb)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	for (size_t i = 0; i < eb->npieces; i++)
		strbuf_add(&sb, eb->pieces[i].output.buf,
			   eb->pieces[i].output.len);
	return strbuf_detach(&sb, NULL);
}

char *
check_examples_normalize(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t keep = 0; /* length up to the last line that is not blank */

	strbuf_init(&sb);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
				 p[n - 1] == '\r'))
			n--;
		strbuf_add(&sb, p, n);
		strbuf_addch(&sb, '\n');
		if (n > 0)
			keep = sb.len;
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
	sb.len = keep;
	sb.buf[keep] = '\0';
	return strbuf_detach(&sb, NULL);
}
