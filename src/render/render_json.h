/* SPDX-License-Identifier: MIT */
/* The help model as JSON (get-help --json); the schema is in doc/json.md. */
#ifndef PSHELP_RENDER_JSON_H
#define PSHELP_RENDER_JSON_H

#include "help_model.h"
#include "strbuf.h"

struct render_options;
/* The page, or with RENDER_PARAMETER only its matching parameters (1 when
   none matches, out unchanged). */
int render_json(const struct help_doc *doc, const struct render_options *opt,
		struct strbuf *out);

struct render_topic_row;
/* The topics a name matched: an array of {Name, Category, Module, Synopsis}. */
void render_topics_json(const struct render_topic_row *rows, size_t n,
			size_t width, struct strbuf *out);

/* The ranked rows of a full-text search: the table's keys, each row's
   score (higher is better) and the text around the match. */
void render_search_json(const struct render_topic_row *rows,
			const double *scores, const char *const *snippets,
			size_t n, struct strbuf *out);

#endif
