/* SPDX-License-Identifier: MIT */
/*
 * A small YAML tree loaded with libyaml, for front matter and parameter
 * blocks: scalars, sequences and mappings with their positions.  Anchors
 * and aliases are refused (no expansion, so no "billion laughs"), and
 * depth and node count are bounded.  Internal to the parse stage.
 */
#ifndef PSHELP_YAML_INTERNAL_H
#define PSHELP_YAML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define PLATYPS_YAML_MAX_DEPTH 16
#define PLATYPS_YAML_MAX_NODES 8192

enum platyps_yaml_kind { PY_SCALAR, PY_SEQUENCE, PY_MAPPING };

struct platyps_yaml_node {
	enum platyps_yaml_kind kind;
	uint32_t line, col;  /* 1-based; col in bytes, of the text loaded */
	uint32_t start, end; /* byte offsets of the node in that text */
	const char *value;   /* PY_SCALAR: the value, quotes resolved */
	size_t len;
	bool plain; /* an unquoted scalar */
	/* PY_SEQUENCE: n items; PY_MAPPING: n pairs, key at 2i, value 2i+1 */
	struct platyps_yaml_node **items;
	size_t n;
};

struct platyps_yaml_error {
	uint32_t line, col;
	bool unsupported;  /* valid YAML we refuse (alias, depth, size) */
	char message[200]; /* libyaml's problem, or what was refused */
};

/*
 * Loads one YAML document from text[0..len).  An empty document gives
 * *root NULL.  Returns false with err filled in on a syntax error or a
 * refused construct.
 */
bool platyps_yaml_load(struct arena *a, const char *text, size_t len,
		       struct platyps_yaml_node **root,
		       struct platyps_yaml_error *err);

/*
 * platyps_yaml_load() in its two steps: the reader of the plain block
 * mappings platyPS writes (platyps_yaml_simple.c), which gives libyaml's
 * tree or returns false, and libyaml for everything else.
 */
/* Whether two trees are the same node for node (kind, place, value):
   how the tests and fuzz_page check the simple reader against libyaml. */
bool platyps_yaml_same_tree(const struct platyps_yaml_node *a,
			    const struct platyps_yaml_node *b);
bool platyps_yaml_load_simple(struct arena *a, const char *text, size_t len,
			      struct platyps_yaml_node **root);
bool platyps_yaml_load_libyaml(struct arena *a, const char *text, size_t len,
			       struct platyps_yaml_node **root,
			       struct platyps_yaml_error *err);

/* The value of key in a mapping, compared ignoring ASCII case; NULL if none. */
const struct platyps_yaml_node *platyps_yaml_get(
	const struct platyps_yaml_node *map, const char *key);

/* ---- the parameter yaml block, shared by platyps_meta.c and platyps_param.c ---- */

struct help_param;
struct help_pos;
struct diag_ctx;

/* Clears the fields a block fills and marks p as having one at pos. */
void platyps_param_reset(struct help_param *p, struct help_pos pos);
/*
 * Sets the 2.0.0 field named key ("Parameter Sets", any case) from a
 * scalar; false if key is no 2.0.0 key.  line:col is where value starts.
 */
bool platyps_param_v1_value(struct arena *a, struct help_param *p,
			    const char *key, const char *value, size_t len,
			    uint32_t line, uint32_t col, struct diag_ctx *dx);
/* The lenient reader: `key: value` lines, anything else reported. */
void platyps_param_yaml_lines(struct arena *a, const char *text,
			      struct help_pos pos, struct help_param *p,
			      struct diag_ctx *dx);
/* s[0..n) split on commas into trimmed, non-empty arena strings. */
size_t platyps_split_commas(struct arena *a, const char *s, size_t n,
			    const char ***out);
/* Defaults a block leaves unset (Required False). */
void platyps_param_finish(struct arena *a, struct help_param *p);

#endif
