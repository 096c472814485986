/* SPDX-License-Identifier: MIT */
/*
 * The command registry, the common parameters and the JSON export of the
 * metadata.  The tables themselves live in commands/<Verb-Noun>.c.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meta.h"
#include "strbuf.h"

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define ALL_SETS(pos)                                                          \
	.sets = (const struct meta_param_set[]){ { META_ALL_SETS, false, pos,  \
						   0 } },                      \
	.nsets = 1

extern const struct meta_command cmd_connect_pssession;
extern const struct meta_command cmd_disconnect_pssession;
extern const struct meta_command cmd_enter_pssession;
extern const struct meta_command cmd_exit_pssession;
extern const struct meta_command cmd_get_command;
extern const struct meta_command cmd_get_help;
extern const struct meta_command cmd_get_pssession;
extern const struct meta_command cmd_invoke_command;
extern const struct meta_command cmd_new_pssession;
extern const struct meta_command cmd_receive_pssession;
extern const struct meta_command cmd_remove_pssession;
extern const struct meta_command cmd_write_output;

/* Sorted by name (test_rt_meta checks the order). */
static const struct meta_command *const commands[] = {
	&cmd_connect_pssession, &cmd_disconnect_pssession, &cmd_enter_pssession,
	&cmd_exit_pssession,	&cmd_get_command,	   &cmd_get_help,
	&cmd_get_pssession,	&cmd_invoke_command,	   &cmd_new_pssession,
	&cmd_receive_pssession, &cmd_remove_pssession,	   &cmd_write_output,
};

#define SWITCH_TYPE "System.Management.Automation.SwitchParameter"
#define ACTION_TYPE "System.Management.Automation.ActionPreference"
#define ACTION_VALUES                                                          \
	LIST("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore",      \
	     "Suspend", "Break")

#define SWITCH_PARAM(n, a)                                                     \
	{                                                                      \
		.name = n, .type_name = SWITCH_TYPE, .type = META_TYPE_SWITCH, \
		.aliases = LIST(a), .default_value = "False",                  \
		.supported = true, ALL_SETS(META_POSITION_NAMED)               \
	}
#define ACTION_PARAM(n, a)                                                     \
	{                                                                      \
		.name = n, .type_name = ACTION_TYPE, .type = META_TYPE_ENUM,   \
		.aliases = LIST(a), .accepted_values = ACTION_VALUES,          \
		.default_value = "None", .supported = true,                    \
		ALL_SETS(META_POSITION_NAMED)                                  \
	}
#define STRING_PARAM(n, a)                                                     \
	{                                                                      \
		.name = n, .type_name = "System.String",                       \
		.type = META_TYPE_STRING, .aliases = LIST(a),                  \
		.default_value = "None", .supported = true,                    \
		ALL_SETS(META_POSITION_NAMED)                                  \
	}

/* about_CommonParameters, in PowerShell's declaration order. */
static const struct meta_param common_params[] = {
	SWITCH_PARAM("Verbose", "vb"),
	SWITCH_PARAM("Debug", "db"),
	ACTION_PARAM("ErrorAction", "ea"),
	ACTION_PARAM("WarningAction", "wa"),
	ACTION_PARAM("InformationAction", "infa"),
	STRING_PARAM("ErrorVariable", "ev"),
	STRING_PARAM("WarningVariable", "wv"),
	STRING_PARAM("InformationVariable", "iv"),
	STRING_PARAM("OutVariable", "ov"),
	{ .name = "OutBuffer",
	  .type_name = "System.Int32",
	  .type = META_TYPE_INT32,
	  .aliases = LIST("ob"),
	  .default_value = "None",
	  .supported = true,
	  ALL_SETS(META_POSITION_NAMED) },
	STRING_PARAM("PipelineVariable", "pv"),
};

/*
 * -WhatIf and -Confirm bind like any switch, but the runtime does not
 * implement ShouldProcess, so a command that gets them says so.
 */
static const struct meta_param should_process_params[] = {
	{ .name = "WhatIf",
	  .type_name = SWITCH_TYPE,
	  .type = META_TYPE_SWITCH,
	  .aliases = LIST("wi"),
	  .default_value = "False",
	  .supported = false,
	  ALL_SETS(META_POSITION_NAMED) },
	{ .name = "Confirm",
	  .type_name = SWITCH_TYPE,
	  .type = META_TYPE_SWITCH,
	  .aliases = LIST("cf"),
	  .default_value = "False",
	  .supported = false,
	  ALL_SETS(META_POSITION_NAMED) },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct meta_command *const *
meta_commands(size_t *n)
{
	*n = COUNT(commands);
	return commands;
}

static bool
list_has(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (strcasecmp(*list, name) == 0)
			return true;
	return false;
}

const struct meta_command *
meta_command_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < COUNT(commands); i++)
		if (strcasecmp(commands[i]->name, name) == 0 ||
		    list_has(commands[i]->aliases, name))
			return commands[i];
	return NULL;
}

const struct meta_param *
meta_common_params(size_t *n)
{
	*n = COUNT(common_params);
	return common_params;
}

const struct meta_param *
meta_should_process_params(size_t *n)
{
	*n = COUNT(should_process_params);
	return should_process_params;
}

const struct meta_param_set *
meta_param_in_set(const struct meta_param *p, const char *set)
{
	for (size_t i = 0; i < p->nsets; i++)
		if (strcmp(p->sets[i].set, META_ALL_SETS) == 0 ||
		    (set && strcmp(p->sets[i].set, set) == 0))
			return &p->sets[i];
	return NULL;
}

/* ---------- JSON ---------- */

static void
json_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		strbuf_addstr(sb, "null");
		return;
	}
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c < 0x20)
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_addch(sb, (char)c);
	}
	strbuf_addch(sb, '"');
}

static void
json_list(struct strbuf *sb, const char *const *list)
{
	strbuf_addch(sb, '[');
	for (size_t i = 0; list && list[i]; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		json_str(sb, list[i]);
	}
	strbuf_addch(sb, ']');
}

/* "True (ByPropertyName, ByValue)" as the platyPS yaml writes it. */
static void
pipeline_text(struct strbuf *sb, unsigned bits)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ META_PIPE_BY_PROPERTY_NAME, "ByPropertyName" },
		{ META_PIPE_BY_VALUE, "ByValue" },
		{ META_PIPE_FROM_REMAINING, "FromRemainingArguments" },
	};
	const char *sep = "True (";

	if (!bits) {
		strbuf_addstr(sb, "False");
		return;
	}
	for (size_t i = 0; i < COUNT(names); i++) {
		if (bits & names[i].bit) {
			strbuf_addf(sb, "%s%s", sep, names[i].name);
			sep = ", ";
		}
	}
	strbuf_addch(sb, ')');
}

static unsigned
pipeline_bits(const struct meta_param *p)
{
	unsigned bits = 0;
	for (size_t i = 0; i < p->nsets; i++)
		bits |= p->sets[i].pipeline;
	return bits;
}

/* The sets of p that have the given mandatory flag, comma-separated. */
static void
sets_with(struct strbuf *sb, const struct meta_param *p, bool mandatory)
{
	const char *sep = "";
	for (size_t i = 0; i < p->nsets; i++) {
		if (p->sets[i].mandatory == mandatory) {
			strbuf_addf(sb, "%s%s", sep, p->sets[i].set);
			sep = ", ";
		}
	}
}

/* "True", "False" or "True (A, B), False (C)". */
static void
required_text(struct strbuf *sb, const struct meta_param *p)
{
	size_t nmand = 0;
	for (size_t i = 0; i < p->nsets; i++)
		nmand += p->sets[i].mandatory;
	if (nmand == 0 || nmand == p->nsets) {
		strbuf_addstr(sb, nmand ? "True" : "False");
		return;
	}
	strbuf_addstr(sb, "True (");
	sets_with(sb, p, true);
	strbuf_addstr(sb, "), False (");
	sets_with(sb, p, false);
	strbuf_addch(sb, ')');
}

/* platyPS shows one position per parameter: the first positional one. */
static void
position_text(struct strbuf *sb, const struct meta_param *p)
{
	for (size_t i = 0; i < p->nsets; i++) {
		if (p->sets[i].position != META_POSITION_NAMED) {
			strbuf_addf(sb, "%d", p->sets[i].position);
			return;
		}
	}
	strbuf_addstr(sb, "Named");
}

static void
key_text(struct strbuf *sb, const char *key,
	 void (*fn)(struct strbuf *, const struct meta_param *),
	 const struct meta_param *p)
{
	struct strbuf tmp = STRBUF_INIT;
	strbuf_init(&tmp);
	fn(&tmp, p);
	strbuf_addf(sb, ",\n        \"%s\": ", key);
	json_str(sb, tmp.buf);
	strbuf_release(&tmp);
}

static void
sets_text(struct strbuf *sb, const struct meta_param *p)
{
	if (p->nsets == 1 && strcmp(p->sets[0].set, META_ALL_SETS) == 0) {
		strbuf_addstr(sb, "(All)");
		return;
	}
	for (size_t i = 0; i < p->nsets; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", p->sets[i].set);
}

static void
pipe_text(struct strbuf *sb, const struct meta_param *p)
{
	pipeline_text(sb, pipeline_bits(p));
}

/* The structured per-set view, for tools that need more than the yaml. */
static void
param_sets_json(struct strbuf *sb, const struct meta_param *p)
{
	strbuf_addstr(sb, ",\n        \"sets\": [");
	for (size_t i = 0; i < p->nsets; i++) {
		const struct meta_param_set *s = &p->sets[i];
		strbuf_addstr(sb, i ? ",\n          {" : "\n          {");
		strbuf_addstr(sb, "\"name\": ");
		json_str(sb, s->set);
		strbuf_addf(sb, ", \"mandatory\": %s, \"position\": ",
			    s->mandatory ? "true" : "false");
		if (s->position == META_POSITION_NAMED)
			strbuf_addstr(sb, "null");
		else
			strbuf_addf(sb, "%d", s->position);
		strbuf_addstr(sb, ", \"pipelineInput\": ");
		struct strbuf tmp = STRBUF_INIT;
		strbuf_init(&tmp);
		pipeline_text(&tmp, s->pipeline);
		json_str(sb, tmp.buf);
		strbuf_release(&tmp);
		strbuf_addch(sb, '}');
	}
	strbuf_addstr(sb, p->nsets ? "\n        ]" : "]");
}

static void
param_json(struct strbuf *sb, const struct meta_param *p)
{
	strbuf_addstr(sb, "      {\n        \"name\": ");
	json_str(sb, p->name);
	strbuf_addstr(sb, ",\n        \"Type\": ");
	json_str(sb, p->type_name);
	key_text(sb, "Parameter Sets", sets_text, p);
	strbuf_addstr(sb, ",\n        \"Aliases\": ");
	json_list(sb, p->aliases);
	strbuf_addstr(sb, ",\n        \"Accepted values\": ");
	json_list(sb, p->accepted_values);
	key_text(sb, "Required", required_text, p);
	key_text(sb, "Position", position_text, p);
	strbuf_addstr(sb, ",\n        \"Default value\": ");
	json_str(sb, p->default_value);
	key_text(sb, "Accept pipeline input", pipe_text, p);
	strbuf_addf(sb, ",\n        \"Accept wildcard characters\": %s",
		    p->wildcards ? "true" : "false");
	strbuf_addf(sb, ",\n        \"switch\": %s",
		    p->type == META_TYPE_SWITCH ? "true" : "false");
	strbuf_addf(sb, ",\n        \"supported\": %s",
		    p->supported ? "true" : "false");
	param_sets_json(sb, p);
	strbuf_addstr(sb, "\n      }");
}

static void
params_json(struct strbuf *sb, const char *key, const struct meta_param *v,
	    size_t n)
{
	strbuf_addf(sb, "    \"%s\": [", key);
	for (size_t i = 0; i < n; i++) {
		strbuf_addstr(sb, i ? ",\n" : "\n");
		param_json(sb, &v[i]);
	}
	strbuf_addstr(sb, n ? "\n    ]" : "]");
}

static void
command_json(struct strbuf *sb, const struct meta_command *c)
{
	strbuf_addstr(sb, "  {\n    \"name\": ");
	json_str(sb, c->name);
	strbuf_addstr(sb, ",\n    \"aliases\": ");
	json_list(sb, c->aliases);
	strbuf_addstr(sb, ",\n    \"synopsis\": ");
	json_str(sb, c->synopsis);
	strbuf_addstr(sb, ",\n    \"defaultParameterSet\": ");
	json_str(sb, c->default_set);
	strbuf_addstr(sb, ",\n    \"parameterSets\": ");
	json_list(sb, c->sets);
	strbuf_addf(sb, ",\n    \"commonParameters\": %s",
		    c->common_parameters ? "true" : "false");
	strbuf_addf(sb, ",\n    \"supportsShouldProcess\": %s,\n",
		    c->should_process ? "true" : "false");
	params_json(sb, "parameters", c->params, c->nparams);
	strbuf_addstr(sb, "\n  }");
}

char *
meta_to_json(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	strbuf_init(&sb);
	strbuf_addstr(&sb, "{\n  \"version\": 1,\n  \"common\": {\n");
	params_json(&sb, "parameters", common_params, COUNT(common_params));
	strbuf_addstr(&sb, ",\n");
	params_json(&sb, "shouldProcess", should_process_params,
		    COUNT(should_process_params));
	strbuf_addstr(&sb, "\n  },\n  \"commands\": [\n");
	const struct meta_command *const *v = meta_commands(&n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&sb, ",\n");
		command_json(&sb, v[i]);
	}
	strbuf_addstr(&sb, "\n  ]\n}\n");
	return strbuf_detach(&sb, NULL);
}
