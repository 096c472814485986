/* SPDX-License-Identifier: MIT */
/* The option scanner behind every program's option table. */
#include "options.h"

#include <string.h>
#include <strings.h>

void
opt_init(struct opt_parser *p, int argc, char **argv,
	 const struct opt_def *defs, size_t ndefs, unsigned flags)
{
	*p = (struct opt_parser){ .argc = argc,
				  .argv = argv,
				  .next = 1,
				  .defs = defs,
				  .ndefs = ndefs,
				  .flags = flags };
}

/* An exact (case-insensitive) name wins over prefixes; NULL and
   *ambiguous when several options share the prefix. */
static const struct opt_def *
find(const struct opt_parser *p, const char *name, size_t len, bool *ambiguous)
{
	const struct opt_def *found = NULL;

	*ambiguous = false;
	for (size_t i = 0; i < p->ndefs; i++) {
		const struct opt_def *d = &p->defs[i];
		if (strlen(d->name) == len &&
		    strncasecmp(d->name, name, len) == 0)
			return d;
	}
	if (!(p->flags & OPT_PREFIXES) || len == 0)
		return NULL;
	for (size_t i = 0; i < p->ndefs; i++) {
		const struct opt_def *d = &p->defs[i];
		if (d->exact || strncasecmp(d->name, name, len) != 0)
			continue;
		if (found && found->id != d->id) {
			*ambiguous = true;
			return NULL;
		}
		found = found ? found : d;
	}
	return found;
}

static enum opt_status
take_value(struct opt_parser *p, struct opt_hit *hit, const char *inline_value)
{
	if (!hit->def->takes_value) {
		return inline_value ? OPT_TAKES_NO_VALUE : OPT_OPTION;
	}
	if (inline_value) {
		hit->value = inline_value;
	} else if (p->next < p->argc) {
		hit->value = p->argv[p->next++];
	} else {
		return OPT_NEEDS_VALUE;
	}
	return OPT_OPTION;
}

enum opt_status
opt_next(struct opt_parser *p, struct opt_hit *hit)
{
	*hit = (struct opt_hit){ 0 };
	if (p->next >= p->argc)
		return OPT_END;
	const char *arg = p->argv[p->next++];
	hit->arg = arg;
	if (p->operands_only || arg[0] != '-' || arg[1] == '\0')
		return OPT_OPERAND;
	if (strcmp(arg, "--") == 0) {
		p->operands_only = true;
		return opt_next(p, hit);
	}
	bool gnu = arg[1] == '-';
	const char *name = arg + 1 + gnu;
	size_t len = strcspn(name, gnu ? "=" : ":");
	const char *inline_value = name[len] ? name + len + 1 : NULL;
	bool ambiguous;
	hit->def = find(p, name, len, &ambiguous);
	if (hit->def == NULL)
		return ambiguous ? OPT_AMBIGUOUS : OPT_UNKNOWN;
	return take_value(p, hit, inline_value);
}
