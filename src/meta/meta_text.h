/* SPDX-License-Identifier: MIT */
/*
 * The yaml-style texts of a parameter ("True (A), False (B)", "Named", ...),
 * shared by the JSON writer, its loader and the help model (meta_help.c).
 * Internal to src/meta/.
 */
#ifndef PSHELP_META_TEXT_H
#define PSHELP_META_TEXT_H

#include "meta.h"
#include "strbuf.h"

/* "True", "False" or "True (A, B), False (C)". */
void meta_required_text(struct strbuf *sb, const struct meta_param *p);
/* The first position of p, or "Named". */
void meta_position_text(struct strbuf *sb, const struct meta_param *p);
/* "(All)" or "A, B". */
void meta_sets_text(struct strbuf *sb, const struct meta_param *p);

#endif
