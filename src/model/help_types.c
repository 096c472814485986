/* SPDX-License-Identifier: MIT */
/* .NET type names as help shows them: without namespaces. */
#include <stdbool.h>
#include <string.h>

#include "help_model.h"
#include "strbuf.h"

struct span {
	const char *s;
	size_t n;
};

static bool
is_type_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '`' || c == '+' ||
	       c == '.' || (unsigned char)c >= 0x80;
}

/* Appends the qualified name s[0..n) without its namespace. */
static void
add_short_name(struct strbuf *sb, const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && s[i - 1] != '.')
		i--;
	if (i == n || (s[0] >= '0' && s[0] <= '9'))
		i = 0; /* "System." or a version number: keep as written */
	strbuf_add(sb, s + i, n - i);
}

/* "Nullable`1[X]" -> "X", as platyPS writes such types in SYNTAX. */
static struct span
unwrap_nullable(struct span v)
{
	static const char pre[] = "Nullable`1[";
	size_t k = sizeof(pre) - 1;
	int depth = 1;
	if (v.n <= k + 1 || strncmp(v.s, pre, k) != 0)
		return v;
	for (size_t i = k; i < v.n; i++) {
		depth += (v.s[i] == '[') - (v.s[i] == ']');
		if (depth == 0)
			return i == v.n - 1 ? (struct span){ v.s + k, i - k }
					    : v;
	}
	return v;
}

const char *
help_short_type(struct arena *a, const char *full_type)
{
	if (full_type == NULL)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (const char *s = full_type; *s;) {
		size_t n = 0;
		while (s[n] && is_type_char(s[n]))
			n++;
		if (n)
			add_short_name(&sb, s, n);
		else
			strbuf_addch(&sb, *s);
		s += n ? n : 1;
	}
	struct span v = unwrap_nullable((struct span){ sb.buf, sb.len });
	const char *r = arena_strndup(a, v.s, v.n);
	strbuf_release(&sb);
	return r;
}

/* ---------- type kinds ---------- */

static const char *const kind_names[] = {
	[HELP_TYPE_STRING] = "string",
	[HELP_TYPE_INT32] = "int32",
	[HELP_TYPE_GUID] = "guid",
	[HELP_TYPE_URI] = "uri",
	[HELP_TYPE_SWITCH] = "switch",
	[HELP_TYPE_ENUM] = "enum",
	[HELP_TYPE_PSSESSION] = "pssession",
	[HELP_TYPE_SCRIPTBLOCK] = "scriptblock",
	[HELP_TYPE_OBJECT] = "object",
	[HELP_TYPE_CREDENTIAL] = "credential",
	[HELP_TYPE_HASHTABLE] = "hashtable",
	[HELP_TYPE_SESSIONOPTION] = "sessionoption",
	[HELP_TYPE_JOB] = "job",
};

#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))

/* The .NET types whose values the runtime understands, by full name. */
static const struct {
	const char *name;
	enum help_type_kind kind;
} known_types[] = {
	{ "System.String", HELP_TYPE_STRING },
	{ "System.Int32", HELP_TYPE_INT32 },
	{ "System.Guid", HELP_TYPE_GUID },
	{ "System.Uri", HELP_TYPE_URI },
	{ "System.Management.Automation.SwitchParameter", HELP_TYPE_SWITCH },
	{ "System.Management.Automation.Runspaces.PSSession",
	  HELP_TYPE_PSSESSION },
	{ "System.Management.Automation.ScriptBlock", HELP_TYPE_SCRIPTBLOCK },
	{ "System.Management.Automation.PSCredential", HELP_TYPE_CREDENTIAL },
	{ "System.Collections.Hashtable", HELP_TYPE_HASHTABLE },
	{ "System.Management.Automation.Remoting.PSSessionOption",
	  HELP_TYPE_SESSIONOPTION },
	{ "System.Management.Automation.Job", HELP_TYPE_JOB },
};

enum help_type_kind
help_type_kind(const char *full_type, bool *is_array)
{
	size_t n = full_type ? strlen(full_type) : 0;
	bool array = n > 2 && strcmp(full_type + n - 2, "[]") == 0;

	if (is_array)
		*is_array = array;
	if (array)
		n -= 2;
	for (size_t i = 0; i < sizeof(known_types) / sizeof(known_types[0]);
	     i++)
		if (strlen(known_types[i].name) == n &&
		    strncmp(full_type, known_types[i].name, n) == 0)
			return known_types[i].kind;
	return HELP_TYPE_OBJECT;
}

const char *
help_type_kind_name(enum help_type_kind kind)
{
	return (size_t)kind < NKINDS ? kind_names[kind] : NULL;
}

bool
help_type_kind_from_name(const char *name, enum help_type_kind *kind)
{
	for (size_t i = 0; name && i < NKINDS; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*kind = (enum help_type_kind)i;
			return true;
		}
	}
	return false;
}

const struct help_pipe_name help_pipe_names[HELP_PIPE_NAMES] = {
	{ HELP_PIPE_BY_PROPERTY_NAME, "ByPropertyName" },
	{ HELP_PIPE_BY_VALUE, "ByValue" },
	{ HELP_PIPE_FROM_REMAINING, "FromRemainingArguments" },
};

void
help_pipeline_text(struct strbuf *sb, unsigned bits)
{
	const char *sep = "True (";

	if (!bits) {
		strbuf_addstr(sb, "False");
		return;
	}
	for (size_t i = 0; i < HELP_PIPE_NAMES; i++) {
		if (bits & help_pipe_names[i].bit) {
			strbuf_addf(sb, "%s%s", sep, help_pipe_names[i].name);
			sep = ", ";
		}
	}
	strbuf_addch(sb, ')');
}
