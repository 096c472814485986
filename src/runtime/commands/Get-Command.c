/* SPDX-License-Identifier: MIT */
/* Get-Command: the handler, run after binding (metadata in src/meta/commands/Get-Command.c). */
#include "handlers.h"
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rt_exec.h"
#include "session.h"
#include "wildcard.h"
#include "strbuf.h"
#include "xalloc.h"
#include "config.h"

static struct rt_value *
command_info(const struct meta_command *c)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.CmdletInfo");

	rt_record_set(r, "CommandType", rt_string("Cmdlet"));
	rt_record_set(r, "Name", rt_string(c->name));
	rt_record_set(r, "Version", rt_string(PSHELP_VERSION));
	rt_record_set(r, "Source", rt_string("psh"));
	return r;
}

static struct rt_value *
alias_info(const struct meta_command *c, const char *alias)
{
	struct rt_value *r =
		rt_record_new("System.Management.Automation.AliasInfo");
	char *shown = xasprintf("%s -> %s", alias, c->name);

	rt_record_set(r, "CommandType", rt_string("Alias"));
	rt_record_set(r, "Name", rt_string(shown));
	rt_record_set(r, "Version", rt_string(""));
	rt_record_set(r, "Source", rt_string(""));
	free(shown);
	return r;
}

static bool
name_selected(const struct rt_value *names, const char *name)
{
	size_t n;

	if (names == NULL)
		return true;
	n = names->kind == RT_VAL_ARRAY ? names->u.array.n : 1;
	for (size_t i = 0; i < n; i++) {
		const struct rt_value *e = names->kind == RT_VAL_ARRAY
						   ? names->u.array.v[i]
						   : names;
		if (e->kind == RT_VAL_STRING &&
		    wildcard_match_folded(e->u.s, name))
			return true;
	}
	return false;
}

int
rt_run_get_command(struct rt_context *ctx)
{
	struct rt_value *names = rt_binding_get(ctx->bind, "Name");
	const char *verb = rt_exec_string(ctx, "Verb");
	const char *noun = rt_exec_string(ctx, "Noun");
	size_t n, found = 0;
	const struct meta_command *const *all = meta_commands(&n);

	for (size_t i = 0; i < n; i++) {
		const struct meta_command *c = all[i];
		const char *dash = strchr(c->name, '-');
		char *v =
			xstrndup(c->name, dash ? (size_t)(dash - c->name) : 0);
		bool ok = (!verb || wildcard_match_folded(verb, v)) &&
			  (!noun ||
			   wildcard_match_folded(noun, dash ? dash + 1 : ""));
		free(v);
		for (const char *const *a = c->aliases; names && a && *a; a++)
			if (name_selected(names, *a) && ++found)
				rt_exec_emit(ctx, alias_info(c, *a));
		if (ok && name_selected(names, c->name) && ++found)
			rt_exec_emit(ctx, command_info(c));
	}
	if (found == 0 && names && names->kind == RT_VAL_ARRAY &&
	    names->u.array.n == 1 &&
	    !wildcard_has_wildcard(names->u.array.v[0]->u.s)) {
		rt_exec_error(ctx,
			      _("The term '%s' is not recognized as a name "
				"of a cmdlet, function, script file, or "
				"executable program. Check the spelling "
				"of the name, or if a path was included, "
				"verify that the path is correct and try "
				"again."),
			      names->u.array.v[0]->u.s);
		return 1;
	}
	return 0;
}
