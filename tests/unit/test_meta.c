/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the command metadata (src/meta: meta.c and the command tables):
 * table invariants, common parameters, the JSON export, and agreement of
 * every table with the en-US page of its command (yaml blocks and SYNTAX
 * lines, read crudely here) when $PSHELP_SHARED holds the corpus.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "handlers.h"
#include "meta.h"
#include "meta_compare.h"
#include "meta_help.h"
#include "strbuf.h"
#include "tap.h"

#define MAX_ITEMS 64

static const struct meta_param *
find_param(const struct meta_command *c, const char *name)
{
	for (size_t i = 0; i < c->nparams; i++)
		if (strcmp(c->params[i].name, name) == 0)
			return &c->params[i];
	return NULL;
}

static size_t
list_len(const char *const *l)
{
	size_t n = 0;
	while (l && l[n])
		n++;
	return n;
}

static bool
is_set_of(const struct meta_command *c, const char *set)
{
	if (strcmp(set, HELP_ALL_SETS) == 0)
		return true;
	for (size_t i = 0; c->sets && c->sets[i]; i++)
		if (strcmp(c->sets[i], set) == 0)
			return true;
	return false;
}

TEST(registry_sorted_and_found)
{
	size_t n;
	const struct meta_command *const *v = meta_commands(&n);

	check_int(n, ==, 24);
	for (size_t i = 1; i < n; i++)
		check(strcasecmp(v[i - 1]->name, v[i]->name) < 0);
	for (size_t i = 0; i < n; i++) {
		check(meta_command_find(v[i]->name) == v[i]);
		check(rt_handler_find(v[i]->name) != NULL);
		check(v[i]->synopsis && *v[i]->synopsis);
	}
	check_str(meta_command_find("enter-pssession")->name,
		  "Enter-PSSession");
	check_str(meta_command_find("GET-HELP")->name, "Get-Help");
	check(meta_command_find("Enter-PSSessio") == NULL);
	check(meta_command_find("") == NULL);
	check(meta_command_find(NULL) == NULL);
}

TEST(command_aliases)
{
	static const char *const pairs[][2] = {
		{ "etsn", "Enter-PSSession" },
		{ "exsn", "Exit-PSSession" },
		{ "nsn", "New-PSSession" },
		{ "gsn", "Get-PSSession" },
		{ "rsn", "Remove-PSSession" },
		{ "rcsn", "Receive-PSSession" },
		{ "cnsn", "Connect-PSSession" },
		{ "dnsn", "Disconnect-PSSession" },
		{ "icm", "Invoke-Command" },
		{ "ICM", "Invoke-Command" },
		{ "gcm", "Get-Command" },
		{ "echo", "Write-Output" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const struct meta_command *c = meta_command_find(pairs[i][0]);
		check(c != NULL);
		if (c)
			check_str(c->name, pairs[i][1]);
	}
	check(meta_command_find("help") == NULL); /* a function, not an alias */
}

/* Every name and alias a command answers to, common ones included. */
static size_t
all_names(const struct meta_command *c, const char **out)
{
	size_t n = 0, nc, ns;
	const struct meta_param *common = meta_common_params(&nc);
	const struct meta_param *sp = meta_should_process_params(&ns);
	const struct meta_param *groups[3] = { c->params, common, sp };
	size_t counts[3] = { c->nparams, c->common_parameters ? nc : 0,
			     c->should_process ? ns : 0 };

	for (int g = 0; g < 3; g++) {
		for (size_t i = 0; i < counts[g]; i++) {
			out[n++] = groups[g][i].name;
			for (const char *const *a = groups[g][i].aliases;
			     a && *a; a++)
				out[n++] = *a;
		}
	}
	return n;
}

static void
check_param_invariants(const struct meta_command *c, const struct meta_param *p)
{
	size_t tl = strlen(p->type_name);

	check(p->name && p->type_name && p->default_value);
	check_int(p->is_array, ==,
		  tl > 2 && !strcmp(p->type_name + tl - 2, "[]"));
	check_int(p->type == META_TYPE_SWITCH, ==,
		  !strcmp(p->type_name,
			  "System.Management.Automation.SwitchParameter"));
	for (size_t s = 0; s < p->nsets; s++) {
		check(is_set_of(c, p->sets[s].set));
		check(p->sets[s].position >= META_POSITION_NAMED);
		if (p->type == META_TYPE_SWITCH)
			check_int(p->sets[s].position, ==, META_POSITION_NAMED);
		for (size_t t = 0; t < s; t++)
			check(strcmp(p->sets[s].set, p->sets[t].set) != 0);
	}
}

/*
 * Two parameters at one position of one set make positional binding
 * depend on table order; the page documents exactly one such case.
 */
static void
check_positions_unique(const struct meta_command *c)
{
	for (size_t s = 0; c->sets && c->sets[s]; s++) {
		for (size_t i = 0; i < c->nparams; i++) {
			const struct meta_param_set *a =
				meta_param_in_set(&c->params[i], c->sets[s]);
			for (size_t j = 0; a && j < i; j++) {
				const struct meta_param_set *b =
					meta_param_in_set(&c->params[j],
							  c->sets[s]);
				if (!b || a->position == META_POSITION_NAMED ||
				    a->position != b->position)
					continue;
				bool documented =
					!strcmp(c->name, "Enter-PSSession") &&
					!strcmp(c->sets[s], "Uri");
				if (!documented)
					tap_fail_("%s %s: %s and %s share %d",
						  c->name, c->sets[s],
						  c->params[i].name,
						  c->params[j].name,
						  a->position);
			}
		}
	}
}

TEST(table_invariants)
{
	size_t n;
	const struct meta_command *const *v = meta_commands(&n);
	const char *names[512];

	for (size_t i = 0; i < n; i++) {
		const struct meta_command *c = v[i];
		size_t ns = list_len(c->sets);
		check(ns <= 64); /* the binder's set masks */
		check((c->default_set == NULL) == (ns == 0));
		if (c->default_set)
			check(is_set_of(c, c->default_set));
		check(c->common_parameters);
		for (size_t k = 0; k < c->nparams; k++)
			check_param_invariants(c, &c->params[k]);
		check_positions_unique(c);
		/* No name or alias may be claimed twice. */
		size_t nn = all_names(c, names);
		for (size_t a = 0; a < nn; a++)
			for (size_t b = 0; b < a; b++)
				if (!strcasecmp(names[a], names[b]))
					tap_fail_("%s: '%s' twice", c->name,
						  names[a]);
	}
}

TEST(common_parameters)
{
	static const char *const expect[][2] = {
		{ "Verbose", "vb" },
		{ "Debug", "db" },
		{ "ErrorAction", "ea" },
		{ "WarningAction", "wa" },
		{ "InformationAction", "infa" },
		{ "ErrorVariable", "ev" },
		{ "WarningVariable", "wv" },
		{ "InformationVariable", "iv" },
		{ "OutVariable", "ov" },
		{ "OutBuffer", "ob" },
		{ "PipelineVariable", "pv" },
	};
	size_t n;
	const struct meta_param *p = meta_common_params(&n);

	check_int(n, ==, 11);
	for (size_t i = 0; i < n && i < 11; i++) {
		check_str(p[i].name, expect[i][0]);
		check_str(p[i].aliases[0], expect[i][1]);
		check(p[i].aliases[1] == NULL);
		check(meta_param_in_set(&p[i], "Anything") != NULL);
		check(!meta_param_in_set(&p[i], NULL)->mandatory);
	}
	check_int(p[0].type, ==, META_TYPE_SWITCH);
	check_int(p[2].type, ==, META_TYPE_ENUM);
	check_str(p[2].type_name,
		  "System.Management.Automation.ActionPreference");
	check_str(p[2].accepted_values[0], "SilentlyContinue");
	check_int(p[9].type, ==, META_TYPE_INT32);

	const struct meta_param *sp = meta_should_process_params(&n);
	check_int(n, ==, 2);
	check_str(sp[0].name, "WhatIf");
	check_str(sp[0].aliases[0], "wi");
	check_str(sp[1].name, "Confirm");
	check_str(sp[1].aliases[0], "cf");
	check(!sp[1].supported);
}

TEST(spot_checks)
{
	const struct meta_command *c = meta_command_find("Enter-PSSession");
	const struct meta_param *p = find_param(c, "ComputerName");
	const struct meta_param_set *s;

	check_str(c->default_set, "ComputerName");
	check_int(list_len(c->sets), ==, 10);
	check(!c->should_process);
	check_str(p->type_name, "System.String");
	check_str(p->aliases[0], "Cn");
	s = meta_param_in_set(p, "ComputerName");
	check(s && s->mandatory && s->position == 0);
	check_int(s->pipeline, ==,
		  HELP_PIPE_BY_VALUE | HELP_PIPE_BY_PROPERTY_NAME);
	check(meta_param_in_set(p, "Id") == NULL);
	check(p->supported);
	check(!find_param(c, "Credential")->supported);
	check(!find_param(c, "UseSSL")->supported);
	check(meta_param_in_set(find_param(c, "Subsystem"), "SSHHost") != NULL);

	c = meta_command_find("Invoke-Command");
	p = find_param(c, "ScriptBlock");
	check_int(meta_param_in_set(p, "InProcess")->position, ==, 0);
	check_int(meta_param_in_set(p, "ComputerName")->position, ==, 1);
	p = find_param(c, "FilePath");
	check_int(meta_param_in_set(p, "FilePathComputerName")->position, ==,
		  1);
	check_int(meta_param_in_set(p, "FilePathSSHHost")->position, ==,
		  META_POSITION_NAMED);
	check(find_param(c, "AsJob")->supported);
	check(!find_param(c, "SessionOption")->supported);

	c = meta_command_find("Connect-PSSession");
	check(c->should_process);
	p = find_param(c, "Name");
	check(meta_param_in_set(p, "Name")->mandatory);
	check(!meta_param_in_set(p, "ComputerName")->mandatory);

	c = meta_command_find("Write-Output");
	check(c->sets == NULL && c->default_set == NULL);
	p = find_param(c, "InputObject");
	s = meta_param_in_set(p, HELP_ALL_SETS);
	check(s && s->mandatory && s->position == 0);
	check(s->pipeline & HELP_PIPE_BY_VALUE);
	check(s->pipeline & HELP_PIPE_FROM_REMAINING);

	c = meta_command_find("Exit-PSSession");
	check_int(c->nparams, ==, 0);
	c = meta_command_find("Get-Help");
	check_str(c->default_set, "AllUsersView");
	check(find_param(c, "Full")->supported);
	check(!find_param(c, "ShowWindow")->supported);
}

/* ---------- JSON ---------- */

/* Pipes text into a python3 one-liner; returns its exit status. */
static int
run_python(const char *script, const char *text)
{
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "python3 -c '%s' 2>/dev/null", script);
	FILE *f = popen(cmd, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return pclose(f);
}

TEST(metadata_json_parses)
{
	char *json = meta_to_json();
	const char *script =
		"import json, sys\n"
		"d = json.load(sys.stdin)\n"
		"c = {x[\"name\"]: x for x in d[\"commands\"]}\n"
		"assert len(c) == 24\n"
		"e = c[\"Enter-PSSession\"]\n"
		"assert e[\"aliases\"] == [\"etsn\"]\n"
		"assert e[\"defaultParameterSet\"] == \"ComputerName\"\n"
		"p = {x[\"name\"]: x for x in e[\"parameters\"]}\n"
		"cn = p[\"ComputerName\"]\n"
		"assert cn[\"Type\"] == \"System.String\"\n"
		"assert cn[\"Aliases\"] == [\"Cn\"]\n"
		"assert cn[\"Position\"] == \"0\"\n"
		"assert cn[\"Required\"] == \"True\"\n"
		"assert cn[\"Accept pipeline input\"] == "
		"\"True (ByPropertyName, ByValue)\"\n"
		"assert cn[\"sets\"][0][\"mandatory\"] is True\n"
		"assert p[\"Credential\"][\"Required\"] == "
		"\"True (VMId, VMName), False (ComputerName, Uri)\"\n"
		"assert p[\"Credential\"][\"supported\"] is False\n"
		"n = {x[\"name\"]: x for x in c[\"Connect-PSSession\"]"
		"[\"parameters\"]}\n"
		"assert n[\"ThrottleLimit\"][\"Parameter Sets\"] == \"(All)\"\n"
		"sb = {x[\"name\"]: x for x in c[\"Invoke-Command\"]"
		"[\"parameters\"]}[\"ScriptBlock\"]\n"
		"assert sb[\"Position\"] == \"0\"\n"
		"assert d[\"common\"][\"parameters\"][2][\"Accepted values\"]"
		"[0] == \"SilentlyContinue\"\n"
		"assert len(d[\"common\"][\"shouldProcess\"]) == 2\n";

	check(json && json[0] == '{');
	check_int(run_python(script, json), ==, 0);
	/* A broken document must fail the same check. */
	json[strlen(json) / 2] = '\0';
	check(run_python("import json, sys; json.load(sys.stdin)", json) != 0);
	free(json);
}

/* ---------- agreement with the en-US pages ---------- */

struct yaml_param {
	char name[64];
	char *keys[16], *vals[16];
	size_t nkeys;
};

struct syntax_token {
	char name[64];
	char type[96]; /* "" for a switch */
	bool required, positional;
};

struct syntax_set {
	char name[64];
	bool is_default;
	struct syntax_token tokens[MAX_ITEMS];
	size_t ntokens;
	bool common;
};

struct page {
	struct syntax_set sets[24];
	size_t nsets;
	struct yaml_param params[MAX_ITEMS];
	size_t nparams;
	char *text;
};

static const char *
yaml_get(const struct yaml_param *y, const char *key)
{
	for (size_t i = 0; i < y->nkeys; i++)
		if (!strcmp(y->keys[i], key))
			return y->vals[i];
	return NULL;
}

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/*
 * Reads one SYNTAX line with the bracket grammar of platyPS: "[-A] <T>"
 * is a required positional parameter, "[[-A] <T>]" an optional one,
 * "-A <T>" required and named, "[-A <T>]" optional and named, "[-S]" an
 * optional switch and "-S" a required one.
 */
static void
parse_token(struct syntax_token *tok, const char *t, size_t *i, int depth)
{
	size_t n = 0, j = *i + 1;

	while (isalpha((unsigned char)t[j]) && n < sizeof(tok->name) - 1)
		tok->name[n++] = t[j++];
	const char *rest = t + j, *after = rest + (*rest == ']');
	while (*after == ' ')
		after++;
	if (*after == '<') {
		size_t k = 0;
		for (after++;
		     *after && *after != '>' && k < sizeof(tok->type) - 1;
		     after++)
			tok->type[k++] = *after;
	}
	tok->positional = *rest == ']' && tok->type[0];
	tok->required = tok->positional ? depth == 1 : depth == 0;
	*i = j - 1;
}

static void
parse_syntax(struct syntax_set *set, const char *t)
{
	int depth = 0;

	set->common = strstr(t, "[<CommonParameters>]") != NULL;
	for (size_t i = 0; t[i]; i++) {
		if (t[i] == '[')
			depth++;
		else if (t[i] == ']')
			depth--;
		else if (t[i] == '-' &&
			 (i == 0 || t[i - 1] == ' ' || t[i - 1] == '[') &&
			 isalpha((unsigned char)t[i + 1]) &&
			 set->ntokens < MAX_ITEMS)
			parse_token(&set->tokens[set->ntokens++], t, &i, depth);
	}
}

static void
add_syntax_set(struct page *pg, const char *heading, char *code)
{
	struct syntax_set *s;

	if (pg->nsets == sizeof(pg->sets) / sizeof(pg->sets[0]))
		return;
	s = &pg->sets[pg->nsets++];
	memset(s, 0, sizeof(*s));
	if (heading) {
		snprintf(s->name, sizeof(s->name), "%s", heading);
		char *d = strstr(s->name, " (Default)");
		if (d) {
			*d = '\0';
			s->is_default = true;
		}
	}
	for (char *p = code; *p; p++)
		if (*p == '\n')
			*p = ' ';
	parse_syntax(s, code);
}

static void
add_yaml_line(struct yaml_param *y, char *line)
{
	char *colon = strchr(line, ':');
	if (!colon || y->nkeys == 16)
		return;
	*colon = '\0';
	y->keys[y->nkeys] = trim(line);
	y->vals[y->nkeys++] = trim(colon + 1);
}

/* Splits the page into lines and picks out SYNTAX and yaml blocks. */
static void
parse_page(struct page *pg)
{
	char *save = NULL, *heading = NULL, none[1] = "";
	char *section = none;
	struct yaml_param *y = NULL;
	bool in_code = false, yaml = false;
	struct {
		char buf[8192];
		size_t len;
	} code = { "", 0 };

	for (char *l = strtok_r(pg->text, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		if (in_code) {
			if (!strncmp(l, "```", 3)) {
				in_code = false;
				if (!yaml && !strcmp(section, "SYNTAX"))
					add_syntax_set(pg, heading, code.buf);
				continue;
			}
			if (yaml && y)
				add_yaml_line(y, l);
			else if (code.len + strlen(l) + 2 < sizeof(code.buf))
				code.len += (size_t)sprintf(code.buf + code.len,
							    "%s\n", l);
			continue;
		}
		if (!strncmp(l, "```", 3)) {
			in_code = true;
			yaml = !strncmp(l, "```yaml", 7) ||
			       !strncmp(l, "```yml", 6);
			code.len = 0;
			code.buf[0] = '\0';
		} else if (!strncmp(l, "## ", 3)) {
			section = l + 3;
			for (char *p = section; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			heading = NULL;
		} else if (!strncmp(l, "### ", 4)) {
			heading = trim(l + 4);
			y = NULL;
			if (!strcmp(section, "PARAMETERS") &&
			    heading[0] == '-' && pg->nparams < MAX_ITEMS) {
				y = &pg->params[pg->nparams++];
				snprintf(y->name, sizeof(y->name), "%s",
					 heading + 1);
			}
		}
	}
}

static bool
load_page(const char *shared, const char *cmd, struct page *pg)
{
	char path[1024];
	snprintf(path, sizeof(path),
		 "%s/corpus/en-US/Microsoft.PowerShell.Core/%s.md", shared,
		 cmd);
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	memset(pg, 0, sizeof(*pg));
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	if (n < 0) {
		fclose(f);
		return false;
	}
	pg->text = calloc(1, (size_t)n + 1);
	size_t got = fread(pg->text, 1, (size_t)n, f);
	pg->text[got] = '\0';
	fclose(f);
	parse_page(pg);
	return true;
}

/*
 * The places where the page contradicts itself and the table follows
 * the SYNTAX lines (or PowerShell's declaration); each must still occur.
 */
enum exc_kind { EXC_SETS, EXC_REQUIRED, EXC_POSITION, EXC_DEFAULT, EXC_SYNTAX };
static struct {
	const char *cmd, *param, *set;
	enum exc_kind kind;
	int used;
} exceptions[] = {
	/* Runtime deviations: the yaml's set (not in the SYNTAX lines),
	   so that -Subsystem binds and says "not supported"; the
	   endpoint's real idle timeout. */
	{ "Enter-PSSession", "Subsystem", "SSHHost", EXC_SYNTAX, 0 },
	{ "Disconnect-PSSession", "IdleTimeoutSec", NULL, EXC_DEFAULT, 0 },
	{ "New-PSSession", "UseWindowsPowerShell",
	  "UseWindowsPowerShellParameterSet", EXC_REQUIRED, 0 },
	{ "Invoke-Command", "FilePath", "FilePathSSHHost", EXC_POSITION, 0 },
	{ "Invoke-Command", "FilePath", "FilePathSSHHostHash", EXC_POSITION,
	  0 },
	{ "Invoke-Command", "ScriptBlock", "*", EXC_POSITION, 0 },
};

static bool
excepted(const char *cmd, const char *param, const char *set,
	 enum exc_kind kind)
{
	for (size_t i = 0; i < sizeof(exceptions) / sizeof(exceptions[0]);
	     i++) {
		if (exceptions[i].kind != kind ||
		    strcmp(exceptions[i].cmd, cmd) ||
		    strcmp(exceptions[i].param, param))
			continue;
		if (exceptions[i].set && set &&
		    strcmp(exceptions[i].set, "*") &&
		    strcmp(exceptions[i].set, set))
			continue;
		exceptions[i].used++;
		return true;
	}
	return false;
}

/* Splits "a, b, c" into out (pointers into a copy the caller frees). */
static size_t
split_list(const char *s, char **copy, const char **out)
{
	size_t n = 0;
	char *save = NULL;
	*copy = strdup(s ? s : "");
	for (char *t = strtok_r(*copy, ",", &save); t && n < MAX_ITEMS;
	     t = strtok_r(NULL, ",", &save))
		if (*trim(t))
			out[n++] = trim(t);
	return n;
}

static void
check_list(const char *what, const char *cmd, const char *pname,
	   const char *yaml_value, const char *const *table)
{
	const char *items[MAX_ITEMS];
	char *copy;
	size_t n = split_list(yaml_value, &copy, items);

	if (n != list_len(table))
		tap_fail_("%s -%s: %s: page has %zu, table %zu", cmd, pname,
			  what, n, list_len(table));
	for (size_t i = 0; i < n && i < list_len(table); i++)
		if (strcmp(items[i], table[i]))
			tap_fail_("%s -%s: %s '%s' vs '%s'", cmd, pname, what,
				  items[i], table[i]);
	free(copy);
}

static unsigned
yaml_pipeline(const char *v)
{
	unsigned bits = 0;
	if (v && strstr(v, "ByValue"))
		bits |= HELP_PIPE_BY_VALUE;
	if (v && strstr(v, "ByPropertyName"))
		bits |= HELP_PIPE_BY_PROPERTY_NAME;
	return bits;
}

/* Required per set: "True", "False" or "True (A, B), False (C)". */
static int
yaml_required(const char *v, const char *set)
{
	if (!strcmp(v, "True") || !strcmp(v, "False"))
		return !strcmp(v, "True");
	for (const char *p = v; (p = strchr(p, '(')); p++) {
		const char *close = strchr(p, ')');
		bool value = p >= v + 5 && !strncmp(p - 5, "True", 4);
		char buf[512];
		snprintf(buf, sizeof(buf), "%.*s",
			 (int)(close ? close - p - 1 : 0), p + 1);
		const char *items[MAX_ITEMS];
		char *copy;
		size_t n = split_list(buf, &copy, items);
		for (size_t i = 0; i < n; i++) {
			if (!strcmp(items[i], set)) {
				free(copy);
				return value;
			}
		}
		free(copy);
	}
	return -1;
}

static bool
table_has_set(const struct meta_command *c, const struct meta_param *p,
	      const char *set)
{
	const struct meta_param_set *s = meta_param_in_set(p, set);
	return s && is_set_of(c, set);
}

static void
check_yaml_sets(const struct meta_command *c, const struct meta_param *p,
		const char *yaml_sets, const struct page *pg)
{
	const char *items[MAX_ITEMS];
	char *copy;
	size_t n = split_list(yaml_sets, &copy, items), count = 0;

	if (excepted(c->name, p->name, NULL, EXC_SETS)) {
		free(copy);
		return;
	}
	if (n == 1 && !strcmp(items[0], "(All)")) {
		for (size_t s = 0; s < pg->nsets; s++)
			if (pg->sets[s].name[0] &&
			    !table_has_set(c, p, pg->sets[s].name))
				tap_fail_("%s -%s: not in set %s", c->name,
					  p->name, pg->sets[s].name);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (!table_has_set(c, p, items[i]))
				tap_fail_("%s -%s: not in set %s", c->name,
					  p->name, items[i]);
		}
		for (size_t s = 0; c->sets && c->sets[s]; s++)
			count += table_has_set(c, p, c->sets[s]);
		if (count != n)
			tap_fail_("%s -%s: %zu sets, page %zu", c->name,
				  p->name, count, n);
	}
	free(copy);
}

/* Per set: mandatory against the yaml Required, position against Position. */
static void
check_yaml_per_set(const struct meta_command *c, const struct meta_param *p,
		   const struct yaml_param *y)
{
	const char *req = yaml_get(y, "Required");
	const char *pos = yaml_get(y, "Position");

	for (size_t s = 0; c->sets && c->sets[s]; s++) {
		const struct meta_param_set *ps =
			meta_param_in_set(p, c->sets[s]);
		if (!ps)
			continue;
		int r = req ? yaml_required(req, c->sets[s]) : -1;
		if (r != ps->mandatory &&
		    !excepted(c->name, p->name, c->sets[s], EXC_REQUIRED))
			tap_fail_("%s -%s: Required in %s", c->name, p->name,
				  c->sets[s]);
		bool named = pos && !strcmp(pos, "Named");
		bool ok =
			ps->position == META_POSITION_NAMED
				? named
				: (!named && pos && atoi(pos) == ps->position);
		if (!ok &&
		    !excepted(c->name, p->name, c->sets[s], EXC_POSITION))
			tap_fail_("%s -%s: Position %s vs %d in %s", c->name,
				  p->name, pos ? pos : "?", ps->position,
				  c->sets[s]);
	}
}

static void
check_yaml_param(const struct meta_command *c, const struct yaml_param *y,
		 const struct page *pg)
{
	const struct meta_param *p = find_param(c, y->name);
	const char *v;
	unsigned bits = 0;

	if (!p) {
		tap_fail_("%s: no table entry for -%s", c->name, y->name);
		return;
	}
	if (!(v = yaml_get(y, "Type")) || strcmp(v, p->type_name))
		tap_fail_("%s -%s: Type %s vs %s", c->name, p->name,
			  v ? v : "?", p->type_name);
	check_list("Aliases", c->name, p->name, yaml_get(y, "Aliases"),
		   p->aliases);
	check_list("Accepted values", c->name, p->name,
		   yaml_get(y, "Accepted values"), p->accepted_values);
	if ((!(v = yaml_get(y, "Default value")) ||
	     strcmp(v, p->default_value)) &&
	    !excepted(c->name, p->name, NULL, EXC_DEFAULT))
		tap_fail_("%s -%s: Default value", c->name, p->name);
	v = yaml_get(y, "Accept wildcard characters");
	if (!v || (!strcmp(v, "True")) != p->wildcards)
		tap_fail_("%s -%s: wildcards", c->name, p->name);
	for (size_t s = 0; s < p->nsets; s++)
		bits |= p->sets[s].pipeline &
			~(unsigned)HELP_PIPE_FROM_REMAINING;
	if (p->nsets &&
	    bits != yaml_pipeline(yaml_get(y, "Accept pipeline input")))
		tap_fail_("%s -%s: pipeline input", c->name, p->name);
	check_yaml_sets(c, p, yaml_get(y, "Parameter Sets"), pg);
	check_yaml_per_set(c, p, y);
}

/* The short type of a SYNTAX line: the last dotted part of the full name. */
static const char *
short_type(const char *full)
{
	const char *dot = strrchr(full, '.');
	return dot ? dot + 1 : full;
}

static void
check_syntax_token(const struct meta_command *c, const struct syntax_set *s,
		   const struct syntax_token *t)
{
	const char *set = s->name[0] ? s->name : HELP_ALL_SETS;
	const struct meta_param *p = find_param(c, t->name);
	const struct meta_param_set *ps;

	if (!strcmp(t->name, "WhatIf") || !strcmp(t->name, "Confirm")) {
		check(c->should_process);
		return;
	}
	if (!p || !(ps = meta_param_in_set(p, set))) {
		tap_fail_("%s %s: -%s not in table", c->name, set, t->name);
		return;
	}
	if (ps->mandatory != t->required &&
	    !excepted(c->name, p->name, set, EXC_REQUIRED))
		tap_fail_("%s %s -%s: required", c->name, set, p->name);
	if ((ps->position != META_POSITION_NAMED) != t->positional)
		tap_fail_("%s %s -%s: positional", c->name, set, p->name);
	if (strcmp(t->type,
		   p->type == META_TYPE_SWITCH ? "" : short_type(p->type_name)))
		tap_fail_("%s %s -%s: type <%s>", c->name, set, p->name,
			  t->type);
}

/* Every membership of the table shows in that set's SYNTAX line. */
static void
check_table_in_syntax(const struct meta_command *c, const struct page *pg)
{
	for (size_t s = 0; s < pg->nsets; s++) {
		const struct syntax_set *ss = &pg->sets[s];
		const char *set = ss->name[0] ? ss->name : HELP_ALL_SETS;
		for (size_t i = 0; i < c->nparams; i++) {
			bool found = false;
			if (!meta_param_in_set(&c->params[i], set))
				continue;
			for (size_t k = 0; k < ss->ntokens; k++)
				found |= !strcmp(ss->tokens[k].name,
						 c->params[i].name);
			if (!found && !excepted(c->name, c->params[i].name, set,
						EXC_SYNTAX))
				tap_fail_("%s %s: -%s missing from SYNTAX",
					  c->name, set, c->params[i].name);
		}
	}
}

static void
check_sets(const struct meta_command *c, const struct page *pg)
{
	size_t n = list_len(c->sets);

	if (pg->nsets == 1 && !pg->sets[0].name[0]) {
		check(n == 0 && c->default_set == NULL);
	} else {
		check_int(pg->nsets, ==, n);
		for (size_t s = 0; s < pg->nsets && s < n; s++) {
			check_str(pg->sets[s].name, c->sets[s]);
			if (pg->sets[s].is_default)
				check_str(c->default_set, c->sets[s]);
		}
	}
	for (size_t s = 0; s < pg->nsets; s++)
		check(pg->sets[s].common == c->common_parameters);
}

static void
check_page(const struct meta_command *c, const struct page *pg)
{
	size_t k = 0;
	bool what_if = false;

	check(pg->nsets > 0);
	check_sets(c, pg);
	for (size_t i = 0; i < pg->nparams; i++) {
		const struct yaml_param *y = &pg->params[i];
		if (!strcmp(y->name, "WhatIf") || !strcmp(y->name, "Confirm")) {
			what_if = true;
			continue;
		}
		/* Same parameters, in the page's order. */
		if (k >= c->nparams || strcmp(c->params[k].name, y->name))
			tap_fail_("%s: parameter %zu is -%s on the page",
				  c->name, k, y->name);
		k++;
		check_yaml_param(c, y, pg);
	}
	check_int(k, ==, c->nparams);
	check_int(what_if, ==, c->should_process);
	for (size_t s = 0; s < pg->nsets; s++)
		for (size_t t = 0; t < pg->sets[s].ntokens; t++)
			check_syntax_token(c, &pg->sets[s],
					   &pg->sets[s].tokens[t]);
	check_table_in_syntax(c, pg);
}

/* Each excepted contradiction must still be on the pages. */
TEST(contradictions_still_occur)
{
	for (size_t i = 0; i < sizeof(exceptions) / sizeof(exceptions[0]); i++)
		if (!exceptions[i].used)
			tap_fail_("documented contradiction %s -%s no longer "
				  "occurs",
				  exceptions[i].cmd, exceptions[i].param);
}

static const char *const corpus_commands[] = {
	"Connect-PSSession", "Disconnect-PSSession", "Enter-PSSession",
	"Exit-PSSession",    "Get-PSSession",	     "Invoke-Command",
	"New-PSSession",     "Receive-PSSession",    "Remove-PSSession",
	"Get-Help",	     "Get-Command",
};

static void
corpus_command(const char *shared, const char *name)
{
	struct page *pg = calloc(1, sizeof(*pg));
	const struct meta_command *c = meta_command_find(name);

	tap_cur_failed = 0;
	if (!load_page(shared, name, pg)) {
		tap_fail_("cannot read the page of %s", name);
	} else {
		check(c != NULL);
		if (c)
			check_page(c, pg);
	}
	free(pg->text);
	free(pg);
	tap_count++;
	tap_failed += tap_cur_failed;
	printf("%s %d - corpus_%s\n", tap_cur_failed ? "not ok" : "ok",
	       tap_count, name);
}

TEST(syntax_reader_sanity)
{
	struct syntax_set s;
	memset(&s, 0, sizeof(s));
	parse_syntax(&s, "X [-A] <String> [[-B] <Int32>] -C <Guid[]> "
			 "[-D <Uri>] [-E] -F [<CommonParameters>]");
	check_int(s.ntokens, ==, 6);
	check(s.common);
	check(s.tokens[0].required && s.tokens[0].positional);
	check_str(s.tokens[0].type, "String");
	check(!s.tokens[1].required && s.tokens[1].positional);
	check(s.tokens[2].required && !s.tokens[2].positional);
	check_str(s.tokens[2].type, "Guid[]");
	check(!s.tokens[3].required && !s.tokens[3].positional);
	check(!s.tokens[4].required && !s.tokens[4].positional);
	check_str(s.tokens[4].type, "");
	check(s.tokens[5].required && !s.tokens[5].positional);
	check_int(yaml_required("True (A, B), False (C)", "B"), ==, 1);
	check_int(yaml_required("True (A, B), False (C)", "C"), ==, 0);
	check_int(yaml_required("False", "C"), ==, 0);
}

/* ---------- JSON loading ---------- */

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static bool
same_list(const char *const *a, const char *const *b)
{
	size_t n = list_len(a);
	if (n != list_len(b))
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

/* Field by field; prints the first difference. */
static bool
same_param(const struct meta_param *a, const struct meta_param *b)
{
	bool same = same_str(a->name, b->name) &&
		    same_str(a->type_name, b->type_name) &&
		    a->type == b->type && a->is_array == b->is_array &&
		    same_list(a->aliases, b->aliases) &&
		    same_list(a->accepted_values, b->accepted_values) &&
		    same_str(a->default_value, b->default_value) &&
		    a->wildcards == b->wildcards &&
		    a->supported == b->supported && a->nsets == b->nsets;
	for (size_t i = 0; same && i < a->nsets; i++)
		same = same_str(a->sets[i].set, b->sets[i].set) &&
		       a->sets[i].mandatory == b->sets[i].mandatory &&
		       a->sets[i].position == b->sets[i].position &&
		       a->sets[i].pipeline == b->sets[i].pipeline;
	if (!same)
		printf("# parameter %s differs after loading\n", a->name);
	return same;
}

static bool
same_params(const struct meta_param *a, size_t na, const struct meta_param *b,
	    size_t nb)
{
	bool same = na == nb;
	for (size_t i = 0; same && i < na; i++)
		same = same_param(&a[i], &b[i]);
	return same;
}

static bool
same_command(const struct meta_command *a, const struct meta_command *b)
{
	return same_str(a->name, b->name) &&
	       same_list(a->aliases, b->aliases) &&
	       same_str(a->default_set, b->default_set) &&
	       same_list(a->sets, b->sets) &&
	       a->common_parameters == b->common_parameters &&
	       a->should_process == b->should_process &&
	       same_str(a->synopsis, b->synopsis) &&
	       same_params(a->params, a->nparams, b->params, b->nparams);
}

/* dump -> load -> dump of set; true when both dumps are the same bytes. */
static bool
round_trip(const struct meta_set *set, struct meta_set **loaded)
{
	struct meta_error err;
	char *first = meta_json_write(set);
	int rc = meta_load_json(first, strlen(first), loaded, &err);
	if (rc != 0) {
		printf("# load failed: %s\n", err.message);
		free(first);
		return false;
	}
	char *second = meta_json_write(*loaded);
	bool same = strcmp(first, second) == 0;
	free(first);
	free(second);
	return same;
}

TEST(json_round_trip_every_command)
{
	const struct meta_set *b = meta_builtin();
	struct meta_set *loaded = NULL;

	for (size_t i = 0; i < b->ncommands; i++) {
		struct meta_set one = *b;
		one.commands = &b->commands[i];
		one.ncommands = 1;
		check(round_trip(&one, &loaded));
		check(loaded && loaded->ncommands == 1 &&
		      same_command(b->commands[i], loaded->commands[0]));
		meta_set_free(loaded);
		loaded = NULL;
	}
	check(round_trip(b, &loaded));
	check(loaded && loaded->ncommands == b->ncommands);
	check(loaded && same_params(b->common, b->ncommon, loaded->common,
				    loaded->ncommon));
	check(loaded &&
	      same_params(b->should_process, b->nshould_process,
			  loaded->should_process, loaded->nshould_process));
	for (size_t i = 0; loaded && i < b->ncommands; i++)
		check(same_command(b->commands[i], loaded->commands[i]));
	meta_set_free(loaded);
	char *json = meta_to_json();
	char *again = meta_json_write(b);
	check_str(json, again);
	free(json);
	free(again);
}

/* A small document: line 5 on is the commands array's content. */
static char *
doc_with(const char *common, const char *commands)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb,
		    "{\n  \"version\": 1,\n  \"common\": %s,\n"
		    "  \"commands\": [\n%s\n  ]\n}\n",
		    common, commands);
	return strbuf_detach(&sb, NULL);
}

#define COMMON_OK "{\"parameters\": [], \"shouldProcess\": []}"
#define CMD(name, extra)                                                       \
	"    {\"name\": " name ", \"aliases\": [], \"synopsis\": null,\n"      \
	"     \"defaultParameterSet\": null, \"parameterSets\": [],\n"         \
	"     \"commonParameters\": true, \"supportsShouldProcess\": false,\n" \
	"     \"parameters\": [" extra "]}"
#define PARAM(kind)                                                            \
	"{\"name\": \"X\", \"Type\": \"System.String\", \"kind\": " kind ",\n" \
	"      \"Parameter Sets\": \"(All)\", \"Aliases\": [], "               \
	"\"Accepted values\": [],\n"                                           \
	"      \"Required\": \"False\", \"Position\": \"Named\", "             \
	"\"Default value\": null,\n"                                           \
	"      \"Accept pipeline input\": \"False\", "                         \
	"\"Accept wildcard characters\": false,\n"                             \
	"      \"switch\": false, \"supported\": true, \"sets\": [{\"name\": " \
	"\"__AllParameterSets\", \"mandatory\": false, \"position\": null, "   \
	"\"pipelineInput\": \"False\"}]}"

/* text must be rejected at line:col with a message containing want. */
static void
expect_error(const char *what, const char *text, size_t len, int line, int col,
	     const char *want)
{
	struct meta_set *set = (struct meta_set *)1;
	struct meta_error err = { 0 };
	int rc = meta_load_json(text, len, &set, &err);
	bool ok = rc == -1 && set == NULL && err.line == line &&
		  err.column == col && strstr(err.message, want) != NULL;
	if (!ok) {
		printf("# %s: rc %d, %d:%d \"%s\"; wanted %d:%d \"%s\"\n", what,
		       rc, err.line, err.column, err.message, line, col, want);
		tap_cur_failed = 1;
	}
	char prefix[32];
	snprintf(prefix, sizeof(prefix), "%d:%d: ", line, col);
	if (line > 0 && strncmp(err.message, prefix, strlen(prefix)) != 0) {
		printf("# %s: message lacks the position: %s\n", what,
		       err.message);
		tap_cur_failed = 1;
	}
}

static void
expect_error_doc(const char *what, char *text, int line, int col,
		 const char *want)
{
	expect_error(what, text, strlen(text), line, col, want);
	free(text);
}

TEST(json_small_document_loads)
{
	char *text = doc_with(COMMON_OK, CMD("\"A-B\"", PARAM("\"string\"")));
	struct meta_set *set = NULL;
	struct meta_error err;

	check_int(meta_load_json(text, strlen(text), &set, &err), ==, 0);
	check(set && set->ncommands == 1 && set->commands[0]->nparams == 1);
	check(set && strcmp(set->commands[0]->params[0].sets[0].set,
			    HELP_ALL_SETS) == 0);
	meta_set_free(set);
	free(text);
}

/* 1-based line and column (in bytes: the texts here are ASCII) of at. */
static void
line_col(const char *text, const char *at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (const char *s = text; s < at; s++) {
		*col = *s == '\n' ? 1 : *col + 1;
		*line += *s == '\n';
	}
}

/* The built-in tables with one pipeline value damaged. */
static void
expect_pipeline_error(void)
{
	char *full = meta_to_json();
	const char *from = "\"pipelineInput\": \"True (ByPropertyName)\"";
	char *at = strstr(full, from);
	int line, col;

	check(at != NULL);
	if (!at) {
		free(full);
		return;
	}
	memcpy(at + strlen(from) - 16, "ByMagic)\"       ", 16);
	line_col(full, at, &line, &col);
	expect_error("bad pipeline value", full, strlen(full), line, col,
		     "key \"pipelineInput\": \"True (ByMagic)");
	free(full);
}

/* A yaml-style text that contradicts the per-set records. */
static void
expect_disagreement_error(void)
{
	char *full = meta_to_json();
	char *at = strstr(full, "\"Required\": \"True\"");
	int line, col;

	check(at != NULL);
	if (!at) {
		free(full);
		return;
	}
	memcpy(at + 13, "Fals", 4); /* "True" -> "Fals" */
	line_col(full, at, &line, &col);
	expect_error("disagreeing Required", full, strlen(full), line, col,
		     "key \"Required\": says \"Fals\" but the sets give "
		     "\"True\"");
	free(full);
}

TEST(json_bad_inputs)
{
	char *full = meta_to_json();
	size_t lines = 0;
	for (const char *s = full; *s; s++)
		lines += *s == '\n';

	/* Cut after the last line's newline's predecessor: EOF inside. */
	full[strlen(full) - 3] = '\0';
	expect_error("truncated", full, strlen(full), (int)lines - 1, 3,
		     "end of file");
	free(full);

	expect_error_doc("syntax error on line 3",
			 doc_with("{\"parameters\": [] \"shouldProcess\": []}",
				  CMD("\"A-B\"", "")),
			 3, 45, "'}' expected near '\"shouldProcess\"'");
	expect_error_doc(
		"wrong type",
		doc_with(COMMON_OK,
			 "    {\"name\": \"A-B\", \"aliases\": [], "
			 "\"synopsis\": "
			 "null,\n     \"defaultParameterSet\": null, "
			 "\"parameterSets\": [],\n     \"commonParameters\": "
			 "\"yes\", \"supportsShouldProcess\": false,\n"
			 "     \"parameters\": []}"),
		7, 6,
		"key \"commonParameters\": expected a boolean, got a string");
	expect_error_doc(
		"unknown kind",
		doc_with(COMMON_OK, CMD("\"A-B\"", PARAM("\"bogus\""))), 8, 60,
		"key \"kind\": unknown type kind \"bogus\"");
	expect_error_doc("missing name",
			 doc_with(COMMON_OK,
				  "    {\"aliases\": [], \"synopsis\": null,\n"
				  "     \"defaultParameterSet\": null, "
				  "\"parameterSets\": [],\n"
				  "     \"commonParameters\": true, "
				  "\"supportsShouldProcess\": false,\n"
				  "     \"parameters\": []}"),
			 5, 5, "key \"name\" is missing");
	expect_error_doc("duplicate command",
			 doc_with(COMMON_OK,
				  CMD("\"A-B\"", "") ",\n" CMD("\"a-b\"", "")),
			 9, 6,
			 "key \"name\": command \"a-b\" is already defined");
	expect_error_doc("unknown key",
			 doc_with("{\"parameters\": [], \"shouldProcess\": [], "
				  "\"extra\": 1}",
				  CMD("\"A-B\"", "")),
			 3, 53, "key \"extra\": unknown key");
	expect_pipeline_error();
	expect_disagreement_error();
}

/* text must be rejected with a message containing want, at some line. */
static void
expect_message(const char *what, char *text, const char *want)
{
	struct meta_set *set = NULL;
	struct meta_error err = { 0 };
	int rc = meta_load_json(text, strlen(text), &set, &err);
	if (rc != -1 || err.line <= 0 || strstr(err.message, want) == NULL) {
		printf("# %s: rc %d, %d:%d \"%s\"; wanted \"%s\"\n", what, rc,
		       err.line, err.column, err.message, want);
		tap_cur_failed = 1;
	}
	meta_set_free(set);
	free(text);
}

/* n commands A0..An-1, each with aliases a<i>_0..a<i>_<m-1>; the last
   command's last alias repeats the first command's. */
static char *
many_aliases(size_t n, size_t m)
{
	struct strbuf cmds = STRBUF_INIT;
	strbuf_init(&cmds);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&cmds, "%s    {\"name\": \"A-%zu\", \"aliases\": [",
			    i ? ",\n" : "", i);
		for (size_t k = 0; k < m; k++)
			if (i == n - 1 && k == m - 1)
				strbuf_addf(&cmds, "%s\"A0_0\"", k ? "," : "");
			else
				strbuf_addf(&cmds, "%s\"a%zu_%zu\"",
					    k ? "," : "", i, k);
		strbuf_addstr(&cmds, "], \"synopsis\": null, "
				     "\"defaultParameterSet\": null, "
				     "\"parameterSets\": [], "
				     "\"commonParameters\": true, "
				     "\"supportsShouldProcess\": false, "
				     "\"parameters\": []}");
	}
	char *doc = doc_with(COMMON_OK, cmds.buf);
	strbuf_release(&cmds);
	return doc;
}

/* Found in review: a kind that contradicts a known type, page text in
   messages, and inputs that made the duplicate checks quadratic. */
TEST(json_loader_review_cases)
{
	expect_error_doc(
		"kind contradicts the type",
		doc_with(COMMON_OK, CMD("\"A-B\"", PARAM("\"int32\""))), 8, 60,
		"key \"kind\": is \"int32\" but System.String is \"string\"");

	/* An escape sequence in a value is quoted as visible symbols. */
	struct meta_set *set = NULL;
	struct meta_error err = { 0 };
	char *text = doc_with(COMMON_OK,
			      CMD("\"A-B\"", PARAM("\"\\u001b]0;X\\u0007\"")));
	check_int(meta_load_json(text, strlen(text), &set, &err), ==, -1);
	check(strchr(err.message, '\x1b') == NULL);
	check(strchr(err.message, '\x07') == NULL);
	check(strstr(err.message, "\xe2\x90\x9b]0;X") != NULL); /* U+241B */
	free(text);

	/* Names become file names (pshelp new -o): no separators, no dots. */
	expect_message(
		"a command name with a slash",
		doc_with(COMMON_OK, CMD("\"../x\"", PARAM("\"string\""))),
		"must not hold '/'");
	expect_message("a command name that is ..",
		       doc_with(COMMON_OK, CMD("\"..\"", PARAM("\"string\""))),
		       "be '.' or '..'");
	expect_message(
		"a command name with a newline",
		doc_with(COMMON_OK, CMD("\"A-B\\nC\"", PARAM("\"string\""))),
		"holds control characters");

	/* 40,000 aliases: the repeated one is still found (by hash). */
	expect_message("alias repeated across many", many_aliases(2, 20000),
		       "\"A0_0\" already names A-0");

	/* More sets than the binder takes. */
	struct strbuf sets = STRBUF_INIT;
	strbuf_init(&sets);
	for (int i = 0; i < 65; i++)
		strbuf_addf(&sets,
			    "%s{\"name\": \"S%d\", \"mandatory\": false, "
			    "\"position\": null, \"pipelineInput\": \"False\"}",
			    i ? ", " : "", i);
	struct strbuf param = STRBUF_INIT;
	strbuf_init(&param);
	strbuf_addf(
		&param,
		"{\"name\": \"X\", \"Type\": \"System.String\", "
		"\"kind\": \"string\", \"Parameter Sets\": \"(All)\", "
		"\"Aliases\": [], \"Accepted values\": [], \"Required\": "
		"\"False\", \"Position\": \"Named\", \"Default value\": null, "
		"\"Accept pipeline input\": \"False\", \"Accept wildcard "
		"characters\": false, \"switch\": false, \"supported\": true, "
		"\"sets\": [%s]}",
		sets.buf);
	struct strbuf cmd = STRBUF_INIT;
	strbuf_init(&cmd);
	strbuf_addf(
		&cmd,
		"    {\"name\": \"A-B\", \"aliases\": [], \"synopsis\": null, "
		"\"defaultParameterSet\": null, \"parameterSets\": [], "
		"\"commonParameters\": true, \"supportsShouldProcess\": "
		"false, \"parameters\": [%s]}",
		param.buf);
	expect_message("65 sets", doc_with(COMMON_OK, cmd.buf),
		       "more than 64 parameter sets");
	strbuf_release(&sets);
	strbuf_release(&param);
	strbuf_release(&cmd);
}

TEST(json_hostile_inputs)
{
	size_t n = 5000;
	char *deep = malloc(n + 1);
	memset(deep, '[', n);
	deep[n] = '\0';
	expect_error("deep nesting", deep, n, 1, 2049, "depth");
	free(deep);

	const char bad_utf8[] = "{\n  \"version\": \"\xff\"\n}\n";
	expect_error("invalid UTF-8", bad_utf8, sizeof(bad_utf8) - 1, 2, 15,
		     "invalid UTF-8 (byte 0xff)");
	const char nul[] = "{\n  \"version\": 1,\0\n}\n";
	expect_error("NUL byte", nul, sizeof(nul) - 1, 2, 16, "NUL byte");
	const char escaped_nul[] = "{\n  \"version\": \"a\\u0000\"\n}\n";
	expect_error("escaped NUL", escaped_nul, sizeof(escaped_nul) - 1, 2, 22,
		     "\\u0000");

	size_t huge = META_JSON_MAX_BYTES + 1;
	char *big = malloc(huge);
	memset(big, ' ', huge);
	big[0] = '[';
	expect_error("huge input", big, huge, 0, 0, "too large");
	free(big);

	/* A long line below the limit still loads (or fails cleanly). */
	size_t len = 1u << 20;
	char *synopsis = malloc(len + 3);
	memset(synopsis, 'x', len + 2);
	synopsis[0] = '"';
	synopsis[len + 1] = '"';
	synopsis[len + 2] = '\0';
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addf(&sb,
		    "{\"version\": 1, \"common\": " COMMON_OK
		    ", \"commands\": [{\"name\": \"A-B\", \"aliases\": [], "
		    "\"synopsis\": %s, \"defaultParameterSet\": null, "
		    "\"parameterSets\": [], \"commonParameters\": true, "
		    "\"supportsShouldProcess\": false, \"parameters\": [], "
		    "\"bogus\": 1}]}",
		    synopsis);
	int line, col;
	line_col(sb.buf, strstr(sb.buf, "\"bogus\""), &line, &col);
	check_int(col, >, (int)len);
	expect_error("long line", sb.buf, sb.len, 1, col,
		     "key \"bogus\": unknown key");
	strbuf_release(&sb);
	free(synopsis);
}

/* ---------- type kinds and partial help ---------- */

TEST(type_kinds_shared_with_the_model)
{
	bool array = true;
	enum help_type_kind k;

	check_int(help_type_kind("System.Management.Automation.SwitchParameter",
				 &array),
		  ==, HELP_TYPE_SWITCH);
	check(!array);
	check_int(help_type_kind("System.String[]", &array), ==,
		  HELP_TYPE_STRING);
	check(array);
	check_int(help_type_kind("System.Strin", NULL), ==, HELP_TYPE_OBJECT);
	check_int(help_type_kind("[]", &array), ==, HELP_TYPE_OBJECT);
	check_int(help_type_kind(NULL, &array), ==, HELP_TYPE_OBJECT);
	check(!array);
	for (int i = HELP_TYPE_STRING; i <= HELP_TYPE_JOB; i++) {
		check(help_type_kind_from_name(
			help_type_kind_name((enum help_type_kind)i), &k));
		check_int(k, ==, i);
	}
	check(help_type_kind_name((enum help_type_kind)(HELP_TYPE_JOB + 1)) ==
	      NULL);
	check(!help_type_kind_from_name("String", &k));
	/* The tables agree with the classification of their type names. */
	size_t n;
	const struct meta_command *const *v = meta_commands(&n);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < v[i]->nparams; j++) {
			const struct meta_param *p = &v[i]->params[j];
			enum help_type_kind kind =
				help_type_kind(p->type_name, &array);
			check(array == p->is_array);
			check((kind == HELP_TYPE_SWITCH) ==
			      (p->type == META_TYPE_SWITCH));
			if (kind != HELP_TYPE_OBJECT)
				check(p->type == (enum meta_type)kind ||
				      p->type == META_TYPE_ENUM);
		}
	}
}

struct diffs {
	size_t n;
	struct meta_difference last;
	char set[64];
};

static void
note_difference(void *cookie, const struct meta_difference *d)
{
	struct diffs *x = cookie;
	x->n++;
	x->last = *d;
	snprintf(x->set, sizeof(x->set), "%s", d->set ? d->set : "");
}

/* The model meta_help_doc() builds says what the metadata says. */
TEST(compare_agrees_with_the_generated_model)
{
	size_t n;
	const struct meta_command *const *cmds = meta_commands(&n);
	size_t nparams = 0, differences = 0;
	for (size_t i = 0; i < n; i++) {
		struct help_doc *doc = meta_help_doc(cmds[i]);
		for (size_t k = 0; k < doc->nparams; k++) {
			const struct help_param *hp = &doc->params[k];
			const struct meta_param *mp = NULL;
			for (size_t j = 0; j < cmds[i]->nparams; j++)
				if (!strcmp(cmds[i]->params[j].name, hp->name))
					mp = &cmds[i]->params[j];
			if (!mp)
				continue; /* -WhatIf, -Confirm */
			nparams++;
			/* its single Position cannot state several */
			bool one_position = true;
			for (size_t j = 1; j < mp->nsets; j++)
				one_position &= mp->sets[j].position ==
						mp->sets[0].position;
			if (one_position)
				differences += meta_compare_param(
					cmds[i], mp, hp, HELP_SCHEMA_2_0_0,
					NULL, NULL);
		}
		for (size_t k = 0; k < doc->nsyntax; k++)
			check(!meta_compare_syntax(&doc->syntax[k],
						   &doc->syntax[k], NULL));
		help_doc_free(doc);
	}
	check(nparams > 150);
	check_int(differences, ==, 0);
}

TEST(compare_reports_each_field_once)
{
	const struct meta_command *c = meta_command_find("Remove-PSSession");
	struct help_doc *doc = meta_help_doc(c);
	const struct meta_param *mp = NULL;
	struct help_param *hp = NULL;
	for (size_t j = 0; j < c->nparams; j++)
		if (!strcmp(c->params[j].name, "Id"))
			mp = &c->params[j];
	for (size_t k = 0; k < doc->nparams; k++)
		if (!strcmp(doc->params[k].name, "Id"))
			hp = &doc->params[k];
	check(mp && hp);
	if (!mp || !hp)
		return;
	struct diffs x = { 0 };
	hp->set_info[0].position = "3";
	hp->position = "3";
	check_int(meta_compare_param(c, mp, hp, HELP_SCHEMA_2_0_0,
				     note_difference, &x),
		  ==, 1);
	check_int(x.last.field, ==, META_FIELD_POSITION);
	check_str(x.last.key, "Position");
	check_str(x.last.page, "3");
	check_str(x.last.meta, "0");
	/* DontShow counts in a 2024-05-01 block only */
	hp->set_info[0].position = hp->position = "0";
	hp->dont_show = true;
	x.n = 0;
	check_int(meta_compare_param(c, mp, hp, HELP_SCHEMA_2_0_0, NULL, NULL),
		  ==, 0);
	meta_compare_param(c, mp, hp, HELP_SCHEMA_2024_05_01, note_difference,
			   &x);
	check_int(x.n, ==, 1);
	check_int(x.last.field, ==, META_FIELD_DONT_SHOW);
	/* a SYNTAX parameter written twice differs */
	struct help_syntax_set twice = doc->syntax[0];
	struct help_syntax_param two[2] = { doc->syntax[0].params[0],
					    doc->syntax[0].params[0] };
	twice.params = two;
	twice.nparams = 2;
	struct strbuf d = STRBUF_INIT;
	strbuf_init(&d);
	check(meta_compare_syntax(&twice, &doc->syntax[0], &d));
	check(d.len > 0 && d.buf[0] == '-');
	strbuf_release(&d);
	help_doc_free(doc);
}

TEST(partial_help_text)
{
	char *t = meta_partial_help(meta_command_find("Exit-PSSession"));
	check_str(t, "\nNAME\n    Exit-PSSession\n\nSYNTAX\n"
		     "    Exit-PSSession [<CommonParameters>]\n\n"
		     "\nALIASES\n    exsn\n\n\nREMARKS\n    Get-Help cannot "
		     "find the Help files for this cmdlet on this computer. "
		     "It is displaying only partial help.\n        -- To add "
		     "help, install Exit-PSSession.md in a help root "
		     "(PSHELP_PATH).\n\n");
	free(t);
	/* Get-Help's order: positional, then mandatory, then optional. */
	t = meta_partial_help(meta_command_find("Connect-PSSession"));
	check(strstr(t, "\n    Connect-PSSession -ComputerName <string[]> "
			"-InstanceId <guid[]> [-ApplicationName <string>]") !=
	      NULL);
	check(strstr(t, "\n    Connect-PSSession -Name <string[]> "
			"[-ThrottleLimit <int>] [-WhatIf] [-Confirm] "
			"[<CommonParameters>]\n\n") != NULL);
	free(t);
}

int
main(void)
{
	const char *shared = getenv("PSHELP_SHARED");
	char probe[1024];
	FILE *f = NULL;

	RUN(registry_sorted_and_found);
	RUN(command_aliases);
	RUN(table_invariants);
	RUN(common_parameters);
	RUN(spot_checks);
	RUN(metadata_json_parses);
	RUN(syntax_reader_sanity);
	RUN(json_round_trip_every_command);
	RUN(json_small_document_loads);
	RUN(json_bad_inputs);
	RUN(json_hostile_inputs);
	RUN(json_loader_review_cases);
	RUN(type_kinds_shared_with_the_model);
	RUN(compare_agrees_with_the_generated_model);
	RUN(compare_reports_each_field_once);
	RUN(partial_help_text);

	if (shared) {
		snprintf(
			probe, sizeof(probe),
			"%s/corpus/en-US/Microsoft.PowerShell.Core/Get-Help.md",
			shared);
		f = fopen(probe, "rb");
	}
	size_t n = sizeof(corpus_commands) / sizeof(corpus_commands[0]);
	for (size_t i = 0; i < n; i++) {
		if (f)
			corpus_command(shared, corpus_commands[i]);
		else
			printf("ok %d - corpus_%s # SKIP no shared corpus\n",
			       ++tap_count, corpus_commands[i]);
	}
	if (f) {
		fclose(f);
		RUN(contradictions_still_occur);
	}
	return tap_done();
}
