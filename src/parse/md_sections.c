/* SPDX-License-Identifier: MIT */
/*
 * Command pages.  The page is cut at its H2s and each part is matched to
 * a canonical section by what it holds more than by what its heading
 * says (translations rename headings); then each section is filled.
 */
#include "md_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "platyps_meta.h"

/* Pages with more H2s than this are not aligned; the rest are unknown. */
#define MAX_ALIGN_SEGMENTS 1024

/* ---------- section alignment ---------- */

static bool
is_common_heading(const char *text)
{
	char *k = md_name_key(text);
	bool r = strstr(k, "commonparameters") != NULL;
	free(k);
	return r;
}

/* Whether code starts with the command name (SYNTAX blocks do). */
static bool
starts_with_command(const struct mdp *m, const char *code)
{
	while (is_space(*code))
		code++;
	size_t n = 0;
	while (code[n] && !is_space(code[n]))
		n++;
	for (size_t i = 0; i < 3; i++) {
		const char *c = m->names[i];
		if (c && strlen(c) == n && n && prefix_ci(code, c))
			return true;
	}
	return false;
}

static bool
has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return true;
	return false;
}

/* An H3 part ends: count what it held. */
static void
feat_end_h3(struct feat *f, const struct item *h3, bool yaml, bool code)
{
	if (h3 == NULL)
		return;
	f->nh3++;
	f->nh3_yaml += yaml;
	f->nh3_code += code && !yaml;
	f->nh3_num += has_digit(h3->text);
	f->nh3_short += !yaml && !code && strlen(h3->text) <= 160;
	f->common |= !yaml && is_common_heading(h3->text);
}

static void
feat_block(const struct mdp *m, struct feat *f, const struct item *it,
	   bool *yaml, bool *code)
{
	const struct help_block *b = &it->blk;
	f->nblocks++;
	if (b->kind == HELP_BLOCK_CODE) {
		f->ncode++;
		if (md_is_yaml_block(b)) {
			f->nyaml++;
			*yaml = true;
		} else if (*b->u.code.info == '\0') {
			f->ncode_noinfo++;
			f->ncode_cmd += starts_with_command(m, b->u.code.text);
			*code = true;
		} else {
			*code = true;
		}
		return;
	}
	if (b->kind == HELP_BLOCK_PARA) {
		f->npara++;
		f->text_len += md_item_text_len(it);
	}
	if (md_item_only_links(it))
		f->nlinkonly++;
	else
		f->nother++;
}

static void
seg_features(const struct mdp *m, struct seg *s)
{
	const struct item *h3 = NULL;
	bool yaml = false, code = false;

	memset(&s->f, 0, sizeof(s->f));
	for (size_t i = s->first; i < s->end; i++) {
		const struct item *it = &m->items[i];
		if (it->level == 3) {
			feat_end_h3(&s->f, h3, yaml, code);
			h3 = it;
			yaml = code = false;
		} else if (it->level == 0) {
			feat_block(m, &s->f, it, &yaml, &code);
		} else {
			s->f.nother++;
		}
	}
	feat_end_h3(&s->f, h3, yaml, code);
}

static int
score_prose(const struct feat *f)
{
	if (f->nyaml || f->ncode_cmd || f->nh3_yaml || f->common)
		return -6;
	return f->nh3 ? 0 : 3;
}

/* How well a part's content fits a section, by structure alone. */
static int
score_structure(const struct feat *f, enum help_section sec, bool first,
		bool last)
{
	bool empty = f->nblocks == 0 && f->nh3 == 0;
	if (empty)
		return 1 + (sec == HELP_SEC_RELATED_LINKS && last);
	switch (sec) {
	case HELP_SEC_SYNOPSIS:
		if (f->nh3 || f->ncode)
			return -6;
		return (f->npara == 1 && f->nblocks == 1 && f->text_len <= 600
				? 6
				: 2) +
		       2 * first;
	case HELP_SEC_SYNTAX:
		if (f->nyaml || f->ncode_noinfo == 0)
			return -6;
		if (f->ncode_cmd)
			return 10 + 2 * (f->ncode == f->ncode_noinfo);
		return f->npara == 0 && f->ncode == f->ncode_noinfo ? 4 : -6;
	case HELP_SEC_DESCRIPTION:
	case HELP_SEC_NOTES:
		return score_prose(f);
	case HELP_SEC_EXAMPLES:
		if (f->nh3 == 0 || f->nyaml || f->common)
			return -6;
		return 2 + 4 * (2 * f->nh3_code >= f->nh3) +
		       3 * (2 * f->nh3_num >= f->nh3);
	case HELP_SEC_PARAMETERS:
		return f->nh3_yaml || f->common ? 12 : -6;
	case HELP_SEC_INPUTS:
	case HELP_SEC_OUTPUTS:
		if (f->nh3 == 0 || f->nyaml || f->ncode || f->common ||
		    f->nh3_short < f->nh3)
			return -6;
		return 4;
	case HELP_SEC_RELATED_LINKS:
		if (f->nlinkonly && !f->nother && !f->nh3 && !f->ncode)
			return 8 + 2 * last;
		return -6;
	default:
		return -6;
	}
}

static int
seg_score(const struct mdp *m, const struct seg *s, enum help_section sec,
	  bool first, bool last)
{
	int score = score_structure(&s->f, sec, first, last);
	if (eq_ci(m->items[s->head].text, help_section_name(sec)))
		score += 7;
	return score;
}

#define NSTATE (HELP_SEC__COUNT + 1) /* 0: no section yet; s + 1 */
#define NEG_INF (INT_MIN / 4)

/*
 * Aligns the H2 parts to the canonical order: each part gets a section
 * not before the previous part's (the same one again counts as a
 * duplicate) or none, maximising the summed scores.
 */
static void
align_segments(const struct mdp *m, struct seg *segs, size_t n)
{
	int dp[NSTATE], nd[NSTATE];
	signed char *from = xcalloc(n * NSTATE, 1); /* previous state */
	signed char *act = xcalloc(n * NSTATE, 1);  /* section or -1 */

	for (int s = 0; s < NSTATE; s++)
		dp[s] = s ? NEG_INF : 0;
	for (size_t k = 0; k < n; k++) {
		int sc[HELP_SEC__COUNT];
		for (int s = 0; s < HELP_SEC__COUNT; s++)
			sc[s] = seg_score(m, &segs[k], (enum help_section)s,
					  k == 0, k + 1 == n);
		for (int s = 0; s < NSTATE; s++) {
			nd[s] = dp[s]; /* part k is unknown */
			from[k * NSTATE + s] = (signed char)s;
			act[k * NSTATE + s] = -1;
		}
		for (int st = 0; st < NSTATE; st++) {
			if (dp[st] == NEG_INF)
				continue;
			for (int s = st ? st - 1 : 0; s < HELP_SEC__COUNT;
			     s++) {
				int v = dp[st] + sc[s] - (s == st - 1 ? 4 : 0);
				if (v >= nd[s + 1]) {
					nd[s + 1] = v;
					from[k * NSTATE + s + 1] =
						(signed char)st;
					act[k * NSTATE + s + 1] =
						(signed char)s;
				}
			}
		}
		memcpy(dp, nd, sizeof(dp));
	}
	int st = 0;
	for (int s = 1; s < NSTATE; s++)
		if (dp[s] > dp[st])
			st = s;
	for (size_t k = n; k-- > 0;) {
		segs[k].sec = act[k * NSTATE + st];
		st = from[k * NSTATE + st];
	}
	free(from);
	free(act);
}

/* The section an English heading names, or -1. */
static int
section_by_name(const char *text)
{
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		if (eq_ci(text, help_section_name((enum help_section)s)))
			return s;
	return -1;
}

/* Reports and records where each part's content goes. */
static void
place_segments(struct mdp *m, struct seg *segs, size_t n, size_t first_h2,
	       struct idx *sec)
{
	struct help_doc *doc = m->doc;
	const struct item *h1 = md_first_heading(m, 1);
	int prev = HELP_SEC_DESCRIPTION;

	for (size_t i = 0; i < first_h2; i++)
		if (&m->items[i] != h1)
			PUSH(sec[prev].v, sec[prev].n, sec[prev].cap) = i;
	for (size_t k = 0; k < n; k++) {
		const struct item *h = &m->items[segs[k].head];
		int s = segs[k].sec;
		/* An English name the alignment left out is out of order:
		 * still that section (validate reports the order). */
		if (s < 0)
			s = section_by_name(h->text);
		if (s < 0) {
			diag_report(m->dx, DIAG_HEADING_UNKNOWN, h->pos.line,
				    h->pos.col, h->text);
			s = prev;
		} else if (doc->sections[s].present) {
			diag_report(m->dx, DIAG_SECTION_DUPLICATE, h->pos.line,
				    h->pos.col, help_section_name(s));
		} else {
			doc->sections[s].present = true;
			doc->sections[s].heading = h->text;
			doc->sections[s].pos = h->pos;
			doc->sections[s].heading_ext = item_heading_ext(h);
		}
		md_idx_add_range(&sec[s], segs[k].first, segs[k].end);
		prev = s;
	}
}

/* Parts of a section cut at its H3s. */
struct part {
	const struct item *h3; /* NULL for blocks before the first H3 */
	size_t from, to;       /* indices into the section's idx */
};

static struct part *
cut_parts(const struct mdp *m, const struct idx *x, size_t *nparts)
{
	struct part *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (it->level == 3 || n == 0) {
			struct part *p = &PUSH(v, n, cap);
			p->h3 = it->level == 3 ? it : NULL;
			p->from = i + (it->level == 3);
		}
		v[n - 1].to = i + 1;
	}
	*nparts = n;
	return v;
}

/* ---------- SYNTAX ---------- */

static void
build_syntax(struct mdp *m, const struct idx *x)
{
	struct help_syntax_set *v = NULL;
	size_t n = 0, cap = 0;
	const struct item *h3 = NULL;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (it->level == 3) {
			h3 = it;
			continue;
		}
		if (it->level != 0 || it->blk.kind != HELP_BLOCK_CODE ||
		    md_is_yaml_block(&it->blk))
			continue;
		struct help_syntax_set *set = &PUSH(v, n, cap);
		memset(set, 0, sizeof(*set));
		set->heading = h3 ? h3->text : NULL;
		if (h3)
			set->heading_ext = item_heading_ext(h3);
		set->code = it->blk.u.code.text;
		set->ext = it->blk.ext;
		set->content = it->blk.u.code.content;
		set->verbatim = it->blk.u.code.verbatim;
		platyps_parse_syntax(m->a, it->blk.u.code.text, it->content_pos,
				     set, m->dx);
		h3 = NULL;
	}
	m->doc->syntax = md_to_arena(m->a, v, n, sizeof(*v));
	m->doc->nsyntax = n;
}

/* ---------- PARAMETERS ---------- */

/* A paragraph of the items x says CommonParameters. */
static bool
mentions_common(const struct mdp *m, const struct idx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (it->blk.kind == HELP_BLOCK_PARA &&
		    md_item_mentions_common(it))
			return true;
	}
	return false;
}

/* One H3 of PARAMETERS: a parameter, or CommonParameters. */
static void
add_param(struct mdp *m, const struct idx *x, const struct part *pt, bool last,
	  struct help_param **v, size_t *n, size_t *cap)
{
	const struct item *yaml = NULL;
	struct idx desc = { 0 };

	for (size_t i = pt->from; i < pt->to; i++) {
		const struct item *it = &m->items[x->v[i]];
		if (!yaml && it->level == 0 && md_is_yaml_block(&it->blk))
			yaml = it;
		else
			PUSH(desc.v, desc.n, desc.cap) = x->v[i];
	}
	struct help_blocks blocks = md_blocks_of(m, &desc, 0, desc.n);
	bool common = !yaml && (is_common_heading(pt->h3->text) ||
				(last && mentions_common(m, &desc)));
	free(desc.v);
	if (common) {
		m->doc->common_parameters = true;
		m->doc->common_parameters_text = blocks;
		return;
	}
	struct help_param *p = &PUSH(*v, *n, *cap);
	memset(p, 0, sizeof(*p));
	p->heading = pt->h3->text;
	p->pos = pt->h3->pos;
	p->heading_ext = item_heading_ext(pt->h3);
	p->description = blocks;
	if (yaml) {
		p->metadata_text = yaml->blk.u.code.text;
		p->metadata_ext = yaml->blk.ext;
		p->metadata_content = yaml->blk.u.code.content;
		p->metadata_verbatim = yaml->blk.u.code.verbatim;
	}
	if (yaml)
		platyps_parse_param_yaml(m->a, yaml->blk.u.code.text,
					 yaml->content_pos, p, m->dx);
	else
		diag_report(m->dx, DIAG_PARAM_NO_YAML, p->pos.line, p->pos.col,
			    p->heading);
}

static void
build_params(struct mdp *m, const struct idx *x)
{
	struct help_param *v = NULL;
	size_t n = 0, cap = 0, nparts;
	struct part *parts = cut_parts(m, x, &nparts);

	for (size_t i = 0; i < nparts; i++)
		if (parts[i].h3)
			add_param(m, x, &parts[i], i + 1 == nparts, &v, &n,
				  &cap);
	free(parts);
	m->doc->params = md_to_arena(m->a, v, n, sizeof(*v));
	m->doc->nparams = n;
}

/* ---------- EXAMPLES, INPUTS, OUTPUTS ---------- */

static void
build_examples(struct mdp *m, const struct idx *x)
{
	size_t nparts;
	struct part *parts = cut_parts(m, x, &nparts);
	struct help_example *v =
		arena_array(m->a, nparts ? nparts : 1, sizeof(*v));

	for (size_t i = 0; i < nparts; i++) {
		v[i].title = parts[i].h3 ? parts[i].h3->text : "";
		if (parts[i].h3)
			v[i].heading_ext = item_heading_ext(parts[i].h3);
		v[i].pos = parts[i].h3 ? parts[i].h3->pos
				       : m->items[x->v[parts[i].from]].pos;
		v[i].body = md_blocks_of(m, x, parts[i].from, parts[i].to);
	}
	free(parts);
	m->doc->examples = nparts ? v : NULL;
	m->doc->nexamples = nparts;
}

static bool
is_word_byte(char c)
{
	return (c & 0x80) || (c >= '0' && c <= '9') || c == '_' ||
	       (lower(c) >= 'a' && lower(c) <= 'z');
}

/* "System. Management. Automation" -> "System.Management.Automation" */
static const char *
repair_dotted(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; s[i]; i++) {
		strbuf_addch(&sb, s[i]);
		if (s[i] != '.' || i == 0 || !is_word_byte(s[i - 1]))
			continue;
		size_t k = i + 1;
		while (s[k] == ' ')
			k++;
		if (k > i + 1 && is_word_byte(s[k]))
			i = k - 1; /* drop the spaces */
	}
	const char *r = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

/* Whether an INPUTS/OUTPUTS heading names types ("System.String[]",
 * "None, System.Management.Automation.PSRemotingJob, or System.String",
 * "X.Commands#Y"), not prose ("None or an object representing the copied
 * item"): only types are taken from the source page over the translation.
 * Types are separated by ", ", " or ", " and " (and ", or "). */
static bool
is_type_list(const char *s)
{
	enum { NEED_TYPE, AFTER_TYPE, AFTER_COMMA } at = NEED_TYPE;
	if (s == NULL)
		return false;
	while (*s) {
		size_t n = strcspn(s, " ,");
		bool conj = (n == 2 && !strncmp(s, "or", 2)) ||
			    (n == 3 && !strncmp(s, "and", 3));
		if (n == 0 && *s == ',' && at == AFTER_TYPE) {
			at = AFTER_COMMA;
		} else if (conj && at != NEED_TYPE) {
			at = NEED_TYPE;
		} else if (n > 0 && !conj && at != AFTER_TYPE) {
			for (size_t i = 0; i < n; i++)
				if (!is_word_byte(s[i]) &&
				    !strchr(".`[]+<>#", s[i]))
					return false;
			at = AFTER_TYPE;
		} else {
			return false;
		}
		s += n ? n : 1;
		if (*s == ' ')
			s++;
	}
	return at == AFTER_TYPE;
}

static void
build_types(struct mdp *m, const struct idx *x, bool outputs)
{
	size_t nparts;
	struct part *parts = cut_parts(m, x, &nparts);
	struct help_type_entry *v =
		arena_array(m->a, nparts ? nparts : 1, sizeof(*v));
	const struct help_doc *src = m->opt->source;
	const struct help_type_entry *sv = NULL;
	size_t sn = 0;

	if (src) {
		sv = outputs ? src->outputs : src->inputs;
		sn = outputs ? src->noutputs : src->ninputs;
	}

	for (size_t i = 0; i < nparts; i++) {
		struct help_type_entry *e = &v[i];
		size_t from = parts[i].from;
		if (parts[i].h3) {
			e->heading = parts[i].h3->text;
			e->pos = parts[i].h3->pos;
			e->heading_ext = item_heading_ext(parts[i].h3);
		} else { /* a type written as a paragraph: never summarized,
			    as it follows an H2 */
			const struct item *it = &m->items[x->v[from]];
			e->heading = it->blk.kind == HELP_BLOCK_PARA
					     ? help_inline_plain(
						       m->doc, &it->blk.u.para)
					     : "";
			e->pos = it->pos;
			if (it->blk.kind == HELP_BLOCK_PARA)
				e->heading_ext = (struct help_heading_ext){
					it->blk.ext, it->blk.ext
				};
			from += it->blk.kind == HELP_BLOCK_PARA;
		}
		e->name = sn == nparts && is_type_list(sv[i].name)
				  ? sv[i].name
				  : repair_dotted(m->a, e->heading);
		e->description = md_blocks_of(m, x, from, parts[i].to);
	}
	free(parts);
	if (outputs) {
		m->doc->outputs = nparts ? v : NULL;
		m->doc->noutputs = nparts;
	} else {
		m->doc->inputs = nparts ? v : NULL;
		m->doc->ninputs = nparts;
	}
}

/* ---------- RELATED LINKS ---------- */

/* Where the link node with this target was, and its extents. */
static void
link_place(struct mdp *m, const char *url, struct help_pos fallback,
	   struct help_link *l)
{
	l->pos = fallback;
	for (size_t i = m->lpos_next; i < m->nlpos; i++)
		if (m->lpos[i].target == url) {
			m->lpos_next = i + 1;
			l->pos = m->lpos[i].pos;
			l->ext = m->lpos[i].ext;
			l->target_ext = m->lpos[i].target_ext;
			return;
		}
}

struct linkvec {
	struct help_link *v;
	size_t n, cap;
};

static void
links_in_inline(struct mdp *m, const struct help_inline *in,
		struct help_pos pos, struct linkvec *out)
{
	for (size_t i = 0; i < in->n;) {
		const char *url = in->runs[i].link;
		if (!(in->runs[i].flags & HELP_RUN_LINK) || url == NULL) {
			i++;
			continue;
		}
		struct help_inline text = { (struct help_run *)&in->runs[i],
					    0 };
		while (i < in->n && in->runs[i].link == url) {
			text.n++;
			i++;
		}
		struct help_link *l = &PUSH(out->v, out->n, out->cap);
		memset(l, 0, sizeof(*l));
		l->text = md_trim_dup(m->a, help_inline_plain(m->doc, &text));
		l->target = url;
		link_place(m, url, pos, l);
	}
}

static void
links_in_blocks(struct mdp *m, const struct help_blocks *b, int depth,
		struct linkvec *out)
{
	if (depth > MD_PARSE_MAX_DEPTH)
		return;
	for (size_t i = 0; i < b->n; i++) {
		const struct help_block *blk = &b->v[i];
		if (blk->kind == HELP_BLOCK_PARA)
			links_in_inline(m, &blk->u.para, blk->pos, out);
		else if (blk->kind == HELP_BLOCK_LIST)
			for (size_t k = 0; k < blk->u.list.nitems; k++)
				links_in_blocks(m, &blk->u.list.items[k],
						depth + 1, out);
	}
}

static void
build_links(struct mdp *m, const struct idx *x)
{
	struct linkvec lv = { 0 };
	struct help_blocks b = md_blocks_of(m, x, 0, x->n);

	m->lpos_next = 0;
	links_in_blocks(m, &b, 0, &lv);
	for (size_t i = 0; i < lv.n; i++) {
		struct help_link *l = &lv.v[i];
		platyps_resolve_link(m->a, l);
		if (l->kind == HELP_LINK_UNRESOLVED)
			diag_report(m->dx, DIAG_LINK_UNRESOLVED, l->pos.line,
				    l->pos.col, l->target);
	}
	m->doc->links = md_to_arena(m->a, lv.v, lv.n, sizeof(*lv.v));
	m->doc->nlinks = lv.n;
}

/* ---------- the page ---------- */

static struct help_blocks
all_blocks(struct mdp *m, const struct idx *x)
{
	return md_blocks_of(m, x, 0, x->n);
}

/* The number of H2 parts a page with every section and ALIASES has. */
#define H2_WITH_ALIASES (HELP_SEC__COUNT + 1)

/* The H2 ordinal of the source page's ALIASES part, or -1. */
static long
source_aliases_index(const struct help_doc *src)
{
	if (src == NULL || !src->aliases_section.present)
		return -1;
	long k = 0;
	for (int s = 0; s < HELP_SEC__COUNT; s++) {
		if (!src->sections[s].present)
			continue;
		if (src->sections[s].pos.line < src->aliases_section.pos.line)
			k++;
	}
	return k;
}

/*
 * Which part of segs is `## ALIASES`, or -1: the English heading; else
 * in a translation the part at the source page's ALIASES; else, in a
 * 2024-05-01 page with every part, the one after SYNTAX (the part whose
 * code blocks call the command) when it has no code and no H3, which is
 * where PlatyPS puts it.
 */
static long
find_aliases(const struct mdp *m, struct seg *segs, size_t nseg)
{
	for (size_t k = 0; k < nseg; k++)
		if (eq_ci(m->items[segs[k].head].text, "ALIASES"))
			return (long)k;
	const struct help_doc *src = m->opt->source;
	long at = source_aliases_index(src);
	if (at >= 0)
		return (size_t)at < nseg && nseg == H2_WITH_ALIASES ? at : -1;
	if (src || m->doc->schema != HELP_SCHEMA_2024_05_01 ||
	    nseg != H2_WITH_ALIASES)
		return -1;
	for (size_t k = 0; k + 1 < nseg; k++) {
		seg_features(m, &segs[k]);
		if (segs[k].f.ncode_cmd == 0)
			continue;
		seg_features(m, &segs[k + 1]);
		const struct feat *f = &segs[k + 1].f;
		return f->ncode == 0 && f->nh3 == 0 ? (long)(k + 1) : -1;
	}
	return -1;
}

/*
 * Takes the 2024-05-01 `## ALIASES` part out of segs, so that it is
 * neither aligned with a Get-Help section nor reported as unknown.
 */
static void
take_aliases(struct mdp *m, struct seg *segs, size_t *nseg)
{
	long k = find_aliases(m, segs, *nseg);
	if (k < 0)
		return;
	const struct item *h = &m->items[segs[k].head];
	struct help_section_info *si = &m->doc->aliases_section;
	struct idx x = { 0 };
	si->present = true;
	si->heading = h->text;
	si->pos = h->pos;
	si->heading_ext = item_heading_ext(h);
	md_idx_add_range(&x, segs[k].first, segs[k].end);
	m->doc->aliases_text = md_blocks_of(m, &x, 0, x.n);
	free(x.v);
	memmove(&segs[k], &segs[k + 1], (*nseg - (size_t)k - 1) * sizeof(*segs));
	(*nseg)--;
}

/*
 * A translation with as many H2 parts as its source has sections takes
 * the source's sections in page order: the translator kept the page's
 * structure, whatever its headings and text now say.  False when the
 * counts differ (then the parts are aligned by what they hold).
 */
static bool
align_with_source(const struct mdp *m, struct seg *segs, size_t nseg)
{
	const struct help_doc *src = m->opt->source;
	int order[HELP_SEC__COUNT];
	size_t n = 0;
	if (src == NULL || src->kind != HELP_DOC_COMMAND || src->source == NULL)
		return false;
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		if (src->sections[s].present)
			order[n++] = s;
	if (n != nseg || n == 0)
		return false;
	for (size_t i = 1; i < n; i++) /* by line: a page may be out of order */
		for (size_t k = i; k > 0 && src->sections[order[k]].pos.line <
						   src->sections[order[k - 1]].pos.line;
		     k--) {
			int t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	for (size_t k = 0; k < n; k++)
		segs[k].sec = order[k];
	return true;
}

void
md_build_command(struct mdp *m)
{
	struct help_doc *doc = m->doc;
	struct idx sec[HELP_SEC__COUNT] = { { 0 } };
	size_t nseg, first_h2;
	struct seg *segs = md_cut_segments(m, &nseg, &first_h2);
	take_aliases(m, segs, &nseg);
	size_t nalign = nseg < MAX_ALIGN_SEGMENTS ? nseg : MAX_ALIGN_SEGMENTS;

	if (!align_with_source(m, segs, nseg)) {
		for (size_t k = 0; k < nalign; k++)
			seg_features(m, &segs[k]);
		align_segments(m, segs, nalign);
	}
	place_segments(m, segs, nseg, first_h2, sec);
	free(segs);

	bool text = !m->opt->names_only; /* what no name is taken from */
	if (text) {
		doc->synopsis = all_blocks(m, &sec[HELP_SEC_SYNOPSIS]);
		doc->description = all_blocks(m, &sec[HELP_SEC_DESCRIPTION]);
		doc->notes = all_blocks(m, &sec[HELP_SEC_NOTES]);
	}
	build_syntax(m, &sec[HELP_SEC_SYNTAX]);
	build_params(m, &sec[HELP_SEC_PARAMETERS]);
	md_resolve_names(m);
	if (text)
		build_examples(m, &sec[HELP_SEC_EXAMPLES]);
	build_types(m, &sec[HELP_SEC_INPUTS], false);
	build_types(m, &sec[HELP_SEC_OUTPUTS], true);
	if (text)
		build_links(m, &sec[HELP_SEC_RELATED_LINKS]);
	for (int s = 0; s < HELP_SEC__COUNT; s++)
		free(sec[s].v);
}
