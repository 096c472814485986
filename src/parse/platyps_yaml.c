/* SPDX-License-Identifier: MIT */
/*
 * libyaml events -> a bounded tree.  libyaml counts marks in characters
 * and knows more line breaks than LF, so positions are recomputed from
 * the character index: a byte offset, then our own line and byte column.
 */
#include "yaml_internal.h"

#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "ascii.h"

struct loader {
	struct arena *a;
	yaml_parser_t parser;
	const char *text;
	size_t len;
	size_t ci, bi;	 /* a character index and its byte offset */
	size_t lo, lbol; /* a byte offset, the start of its line ... */
	uint32_t lline;	 /* ... and that line's number */
	size_t nodes;
	struct platyps_yaml_error *err;
};

/* Byte offset of character index ci (UTF-8 lead bytes are counted). */
static size_t
byte_offset(struct loader *l, size_t ci)
{
	if (ci < l->ci)
		l->ci = l->bi = 0;
	while (l->ci < ci && l->bi < l->len) {
		l->bi++;
		while (l->bi < l->len &&
		       ((unsigned char)l->text[l->bi] & 0xC0) == 0x80)
			l->bi++;
		l->ci++;
	}
	return l->bi;
}

/* Marks arrive nearly in order, so both cursors rarely restart. */
static void
line_col(struct loader *l, size_t off, uint32_t *line, uint32_t *col)
{
	if (off < l->lo || l->lline == 0) {
		l->lo = l->lbol = 0;
		l->lline = 1;
	}
	for (; l->lo < off && l->lo < l->len; l->lo++)
		if (l->text[l->lo] == '\n') {
			l->lline++;
			l->lbol = l->lo + 1;
		}
	*line = l->lline;
	*col = (uint32_t)(off - l->lbol + 1);
}

static void
fail_at(struct loader *l, yaml_mark_t mark, bool unsupported, const char *what)
{
	struct platyps_yaml_error *e = l->err;
	line_col(l, byte_offset(l, mark.index), &e->line, &e->col);
	e->unsupported = unsupported;
	snprintf(e->message, sizeof(e->message), "%s", what);
}

static void
fail_parser(struct loader *l)
{
	const char *problem =
		l->parser.problem ? l->parser.problem : "unreadable";
	char msg[200];
	if (l->parser.context)
		snprintf(msg, sizeof(msg), "%s %s", problem, l->parser.context);
	else
		snprintf(msg, sizeof(msg), "%s", problem);
	fail_at(l, l->parser.problem_mark, false, msg);
}

static bool
next_event(struct loader *l, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&l->parser, ev)) {
		fail_parser(l);
		return false;
	}
	return true;
}

static struct platyps_yaml_node *
new_node(struct loader *l, enum platyps_yaml_kind kind, const yaml_event_t *ev)
{
	struct platyps_yaml_node *n = arena_alloc(l->a, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->start = (uint32_t)byte_offset(l, ev->start_mark.index);
	line_col(l, n->start, &n->line, &n->col);
	return n;
}

static bool load_node(struct loader *l, yaml_event_t *ev, int depth,
		      struct platyps_yaml_node **out);

/* Items of a sequence or mapping up to its end event. */
static bool
load_children(struct loader *l, struct platyps_yaml_node *n, int depth,
	      yaml_event_type_t end_type)
{
	size_t cap = 0;
	for (;;) {
		yaml_event_t ev;
		if (!next_event(l, &ev))
			return false;
		if (ev.type == end_type) {
			n->end = (uint32_t)byte_offset(l, ev.end_mark.index);
			yaml_event_delete(&ev);
			return true;
		}
		struct platyps_yaml_node *child;
		bool ok = load_node(l, &ev, depth + 1, &child);
		yaml_event_delete(&ev);
		if (!ok)
			return false;
		if (n->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct platyps_yaml_node **v =
				arena_array(l->a, ncap, sizeof(*v));
			if (n->n)
				memcpy(v, n->items, n->n * sizeof(*v));
			n->items = v;
			cap = ncap;
		}
		n->items[n->n++] = child;
	}
}

static bool
has_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor != NULL;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor != NULL;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor != NULL;
	default:
		return false;
	}
}

static bool
load_node(struct loader *l, yaml_event_t *ev, int depth,
	  struct platyps_yaml_node **out)
{
	if (ev->type == YAML_ALIAS_EVENT || has_anchor(ev)) {
		fail_at(l, ev->start_mark, true, "anchors and aliases");
		return false;
	}
	if (depth > PLATYPS_YAML_MAX_DEPTH) {
		fail_at(l, ev->start_mark, true,
			"nesting deeper than 16 levels");
		return false;
	}
	if (++l->nodes > PLATYPS_YAML_MAX_NODES) {
		fail_at(l, ev->start_mark, true, "more than 8192 nodes");
		return false;
	}
	struct platyps_yaml_node *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(l, PY_SCALAR, ev);
		n->value =
			arena_strndup(l->a, (const char *)ev->data.scalar.value,
				      ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->end = (uint32_t)byte_offset(l, ev->end_mark.index);
		*out = n;
		return true;
	case YAML_SEQUENCE_START_EVENT:
		n = new_node(l, PY_SEQUENCE, ev);
		*out = n;
		return load_children(l, n, depth, YAML_SEQUENCE_END_EVENT);
	case YAML_MAPPING_START_EVENT:
		n = new_node(l, PY_MAPPING, ev);
		*out = n;
		return load_children(l, n, depth, YAML_MAPPING_END_EVENT);
	default:
		fail_at(l, ev->start_mark, false, "unexpected event");
		return false;
	}
}

/* Stream start, document start, the root node, document end, stream end. */
static bool
load_stream(struct loader *l, struct platyps_yaml_node **root)
{
	yaml_event_t ev;
	bool ok = true;
	int docs = 0;
	*root = NULL;
	while (ok) {
		if (!next_event(l, &ev))
			return false;
		yaml_event_type_t t = ev.type;
		if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
			fail_at(l, ev.start_mark, true, "a second document");
			ok = false;
		} else if (t != YAML_STREAM_START_EVENT &&
			   t != YAML_DOCUMENT_START_EVENT &&
			   t != YAML_DOCUMENT_END_EVENT &&
			   t != YAML_STREAM_END_EVENT) {
			ok = load_node(l, &ev, 0, root);
		}
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	return ok;
}

bool
platyps_yaml_load(struct arena *a, const char *text, size_t len,
		  struct platyps_yaml_node **root,
		  struct platyps_yaml_error *err)
{
	memset(err, 0, sizeof(*err));
	return platyps_yaml_load_simple(a, text, len, root) ||
	       platyps_yaml_load_libyaml(a, text, len, root, err);
}

bool
platyps_yaml_load_libyaml(struct arena *a, const char *text, size_t len,
			  struct platyps_yaml_node **root,
			  struct platyps_yaml_error *err)
{
	struct loader l = { .a = a, .text = text, .len = len, .err = err };
	memset(err, 0, sizeof(*err));
	if (!yaml_parser_initialize(&l.parser)) {
		snprintf(err->message, sizeof(err->message), "out of memory");
		return false;
	}
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)text,
				     len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	bool ok = load_stream(&l, root);
	yaml_parser_delete(&l.parser);
	if (!ok)
		*root = NULL;
	return ok;
}

static bool
same_ignoring_case(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	if (n != k)
		return false;
	for (size_t i = 0; i < n; i++) {
		char x = s[i], y = lit[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

const struct platyps_yaml_node *
platyps_yaml_get(const struct platyps_yaml_node *map, const char *key)
{
	if (!map || map->kind != PY_MAPPING)
		return NULL;
	for (size_t i = 0; 2 * i + 1 < map->n; i++) {
		const struct platyps_yaml_node *k = map->items[2 * i];
		if (k->kind == PY_SCALAR &&
		    same_ignoring_case(k->value, k->len, key))
			return map->items[2 * i + 1];
	}
	return NULL;
}
