/* SPDX-License-Identifier: MIT */
/* The table of output formats. */
#include <stddef.h>
#include <strings.h>

#include "render.h"
#include "render_json.h"
#include "render_text.h"

/* JSON shows the whole model (or -Parameter's parameters): no width or
   note applies. */
static int
render_json_format(const struct help_doc *doc, const struct render_options *opt,
		   struct strbuf *out)
{
	return render_json(doc, opt, out);
}

static const struct render_format text_format = {
	"text", "Get-Help's text views (the default)", render_text,
	render_topic_table
};
static const struct render_format json_format = {
	"json", "the help model as JSON (doc/json.md)", render_json_format,
	render_topics_json
};

static const struct render_format man_format = {
	"man", "a man(7) page, for man and mandoc", render_man,
	render_topic_table /* the table is no page: shown as text */
};

static const struct render_format *const formats[] = { &text_format,
						       &json_format,
						       &man_format };

const struct render_format *const *
render_formats(size_t *n)
{
	*n = sizeof(formats) / sizeof(*formats);
	return formats;
}

const struct render_format *
render_format_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(formats) / sizeof(*formats); i++)
		if (strcasecmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}
