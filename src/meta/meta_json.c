/* SPDX-License-Identifier: MIT */
/*
 * The metadata as JSON: the writer (psh --metadata) and a loader that
 * rebuilds command tables from that JSON, so that the metadata of other
 * runtimes can be checked with the same code.  Only this file sees Jansson.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "meta.h"
#include "meta_text.h"
#include "strbuf.h"
#include "utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---------- the yaml-style texts (shared by writer and loader) ---------- */

unsigned
meta_pipeline_bits(const struct meta_param *p)
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
void
meta_required_text(struct strbuf *sb, const struct meta_param *p)
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
void
meta_position_text(struct strbuf *sb, const struct meta_param *p)
{
	for (size_t i = 0; i < p->nsets; i++) {
		if (p->sets[i].position != META_POSITION_NAMED) {
			strbuf_addf(sb, "%d", p->sets[i].position);
			return;
		}
	}
	strbuf_addstr(sb, "Named");
}

void
meta_sets_text(struct strbuf *sb, const struct meta_param *p)
{
	if (p->nsets == 1 && strcmp(p->sets[0].set, HELP_ALL_SETS) == 0) {
		strbuf_addstr(sb, "(All)");
		return;
	}
	for (size_t i = 0; i < p->nsets; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", p->sets[i].set);
}

static void
pipe_text(struct strbuf *sb, const struct meta_param *p)
{
	help_pipeline_text(sb, meta_pipeline_bits(p));
}

typedef void text_fn(struct strbuf *, const struct meta_param *);

/* ---------- writer ---------- */

static void
json_str(struct strbuf *sb, const char *s)
{
	utf8_json_string(sb, s, s ? strlen(s) : 0);
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

static void
key_text(struct strbuf *sb, const char *key, text_fn *fn,
	 const struct meta_param *p)
{
	struct strbuf tmp = STRBUF_INIT;
	strbuf_init(&tmp);
	fn(&tmp, p);
	strbuf_addf(sb, ",\n        \"%s\": ", key);
	json_str(sb, tmp.buf);
	strbuf_release(&tmp);
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
		help_pipeline_text(&tmp, s->pipeline);
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
	strbuf_addstr(sb, ",\n        \"kind\": ");
	json_str(sb, help_type_kind_name((enum help_type_kind)p->type));
	key_text(sb, "Parameter Sets", meta_sets_text, p);
	strbuf_addstr(sb, ",\n        \"Aliases\": ");
	json_list(sb, p->aliases);
	strbuf_addstr(sb, ",\n        \"Accepted values\": ");
	json_list(sb, p->accepted_values);
	key_text(sb, "Required", meta_required_text, p);
	key_text(sb, "Position", meta_position_text, p);
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
meta_json_write(const struct meta_set *set)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	strbuf_addstr(&sb, "{\n  \"version\": 1,\n  \"common\": {\n");
	params_json(&sb, "parameters", set->common, set->ncommon);
	strbuf_addstr(&sb, ",\n");
	params_json(&sb, "shouldProcess", set->should_process,
		    set->nshould_process);
	strbuf_addstr(&sb, "\n  },\n  \"commands\": [");
	for (size_t i = 0; i < set->ncommands; i++) {
		strbuf_addstr(&sb, i ? ",\n" : "\n");
		command_json(&sb, set->commands[i]);
	}
	strbuf_addstr(&sb, set->ncommands ? "\n  ]\n}\n" : "]\n}\n");
	return strbuf_detach(&sb, NULL);
}

char *
meta_to_json(void)
{
	return meta_json_write(meta_builtin());
}

/* ---------- positions in the text ---------- */

/*
 * Jansson keeps no positions after parsing, so a rejected value is found
 * again in the text by its path of keys and indices.  The text has
 * already parsed, so the scanner can trust its syntax.
 */
struct step {
	const char *key; /* NULL: an array element */
	size_t index;
};

#define MAX_STEPS 8
/* Per command: no real command comes near (the binder takes 64 sets). */
#define META_MAX_SETS 64
#define META_MAX_PARAMS 1024

struct scan {
	const char *s;
	size_t n, i;
	int line, col;
};

static void
scan_next(struct scan *sc)
{
	unsigned char c = (unsigned char)sc->s[sc->i++];
	if (c == '\n') {
		sc->line++;
		sc->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		sc->col++; /* columns count characters, as Jansson's do */
	}
}

static void
scan_space(struct scan *sc)
{
	while (sc->i < sc->n && strchr(" \t\r\n", sc->s[sc->i]) && sc->s[sc->i])
		scan_next(sc);
}

static char
scan_peek(const struct scan *sc)
{
	return sc->i < sc->n ? sc->s[sc->i] : '\0';
}

/* Skips a string; true when its raw bytes were exactly key. */
static bool
scan_string(struct scan *sc, const char *key)
{
	size_t start = sc->i + 1;
	scan_next(sc);
	while (sc->i < sc->n && sc->s[sc->i] != '"') {
		if (sc->s[sc->i] == '\\' && sc->i + 1 < sc->n)
			scan_next(sc);
		scan_next(sc);
	}
	size_t len = sc->i - start;
	if (sc->i < sc->n)
		scan_next(sc);
	return key && strlen(key) == len &&
	       memcmp(sc->s + start, key, len) == 0;
}

/* Skips one value, however deep, without recursion. */
static void
scan_value(struct scan *sc)
{
	size_t depth = 0;
	do {
		char c = scan_peek(sc);
		if (c == '\0')
			return;
		if (c == '"') {
			scan_string(sc, NULL);
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && depth)
			depth--;
		else if (depth == 0 && (c == ',' || c == '}' || c == ']'))
			return;
		scan_next(sc);
		if (depth == 0 && (c == '}' || c == ']'))
			return;
	} while (depth > 0 || !strchr(",}] \t\r\n", scan_peek(sc)));
}

/* Moves to the member key of the object at sc (its opening quote). */
static bool
scan_member(struct scan *sc, const char *key)
{
	scan_next(sc); /* '{' */
	for (;;) {
		scan_space(sc);
		if (scan_peek(sc) != '"')
			return false;
		struct scan at = *sc;
		bool hit = scan_string(sc, key);
		if (hit) {
			*sc = at;
			return true;
		}
		scan_space(sc);
		scan_next(sc); /* ':' */
		scan_space(sc);
		scan_value(sc);
		scan_space(sc);
		if (scan_peek(sc) != ',')
			return false;
		scan_next(sc);
	}
}

static bool
scan_element(struct scan *sc, size_t index)
{
	scan_next(sc); /* '[' */
	for (size_t k = 0;; k++) {
		scan_space(sc);
		if (k == index)
			return scan_peek(sc) != ']';
		scan_value(sc);
		scan_space(sc);
		if (scan_peek(sc) != ',')
			return false;
		scan_next(sc);
	}
}

/* Position of the value at path, or of key inside it when key is set. */
static void
locate(const char *text, size_t len, const struct step *path, size_t depth,
       const char *key, int *line, int *col)
{
	struct scan sc = { text, len, 0, 1, 1 };
	bool ok = true;

	scan_space(&sc);
	for (size_t d = 0; ok && d < depth; d++) {
		if (path[d].key) {
			ok = scan_peek(&sc) == '{' &&
			     scan_member(&sc, path[d].key);
			if (ok) {
				scan_string(&sc, NULL);
				scan_space(&sc);
				scan_next(&sc);
				scan_space(&sc);
			}
		} else {
			ok = scan_peek(&sc) == '[' &&
			     scan_element(&sc, path[d].index);
		}
	}
	if (ok && key && scan_peek(&sc) == '{') {
		struct scan obj = sc;
		if (!scan_member(&sc, key))
			sc = obj;
	}
	*line = sc.line;
	*col = sc.col;
}

/* ---------- loader ---------- */

struct loaded {
	struct meta_set set; /* first: meta_set_free() casts back */
	struct arena arena;
};

struct loader {
	const char *text;
	size_t len;
	struct arena *arena;
	struct meta_error *err;
	struct step path[MAX_STEPS];
	size_t depth;
	bool failed;
};

static void
push(struct loader *ld, const char *key, size_t index)
{
	if (ld->depth < MAX_STEPS)
		ld->path[ld->depth] = (struct step){ key, index };
	ld->depth++;
}

static void
pop(struct loader *ld)
{
	ld->depth--;
}

/* Keys and values of the input are quoted in messages: made safe to
   print, and cut only between characters. */
static void
set_message(struct meta_error *err, const char *raw)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	strbuf_init(&sb);
	utf8_neutralize(&sb, raw, strlen(raw), false);
	n = sb.len < sizeof(err->message) - 1 ? sb.len
					      : sizeof(err->message) - 1;
	while (n > 0 && n < sb.len && ((unsigned char)sb.buf[n] & 0xC0) == 0x80)
		n--;
	memcpy(err->message, sb.buf, n);
	err->message[n] = '\0';
	strbuf_release(&sb);
}

/* Records the first error, at key of the current value (or the value). */
static void fail(struct loader *ld, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
fail(struct loader *ld, const char *key, const char *fmt, ...)
{
	char what[200];
	va_list ap;

	if (ld->failed)
		return;
	ld->failed = true;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	size_t depth = ld->depth < MAX_STEPS ? ld->depth : MAX_STEPS;
	locate(ld->text, ld->len, ld->path, depth, key, &ld->err->line,
	       &ld->err->column);
	char raw[sizeof(ld->err->message)];
	if (key)
		snprintf(raw, sizeof(raw), "%d:%d: key \"%.60s\": %s",
			 ld->err->line, ld->err->column, key, what);
	else
		snprintf(raw, sizeof(raw), "%d:%d: %s", ld->err->line,
			 ld->err->column, what);
	set_message(ld->err, raw);
}

static const char *
json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* Every key of obj is one of keys[], and every one of keys[] is there. */
static bool
check_keys(struct loader *ld, const json_t *obj, const char *const *keys,
	   size_t nkeys)
{
	const char *k;
	json_t *v;

	json_object_foreach((json_t *)obj, k, v)
	{
		size_t i = 0;
		while (i < nkeys && strcmp(keys[i], k) != 0)
			i++;
		if (i == nkeys) {
			fail(ld, k, "unknown key");
			return false;
		}
	}
	for (size_t i = 0; i < nkeys; i++) {
		if (!json_object_get(obj, keys[i])) {
			fail(ld, NULL, "key \"%s\" is missing", keys[i]);
			return false;
		}
	}
	return true;
}

static bool
want_type(struct loader *ld, const char *key, json_t *v, json_type type,
	  bool nullable, const char *what)
{
	if (v == NULL) {
		fail(ld, NULL, "key \"%s\" is missing", key);
		return false;
	}
	if ((nullable && json_is_null(v)) || json_typeof(v) == type ||
	    (type == JSON_TRUE && json_is_boolean(v)))
		return true;
	fail(ld, key, "expected %s%s, got %s", what, nullable ? " or null" : "",
	     json_kind(v));
	return false;
}

static bool
get_string(struct loader *ld, const json_t *obj, const char *key, bool nullable,
	   const char **out)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!want_type(ld, key, v, JSON_STRING, nullable, "a string"))
		return false;
	if (!json_is_string(v))
		return true;
	/* Names become file names and page text: no control bytes, no NUL */
	if (!utf8_is_clean(json_string_value(v), json_string_length(v),
			   false)) {
		fail(ld, key, "\"%.60s\" holds control characters",
		     json_string_value(v));
		return false;
	}
	*out = arena_strndup(ld->arena, json_string_value(v),
			     json_string_length(v));
	return true;
}

static bool
get_name(struct loader *ld, const json_t *obj, const char *key,
	 const char **out)
{
	if (!get_string(ld, obj, key, false, out))
		return false;
	if (**out == '\0') {
		fail(ld, key, "must not be empty");
		return false;
	}
	/* `pshelp new -o DIR` writes DIR/<name>.md */
	if (strpbrk(*out, "/\\") || strcmp(*out, ".") == 0 ||
	    strcmp(*out, "..") == 0) {
		fail(ld, key, "must not hold '/' or '\\' or be '.' or '..'");
		return false;
	}
	return true;
}

static bool
get_bool(struct loader *ld, const json_t *obj, const char *key, bool *out)
{
	json_t *v = json_object_get(obj, key);
	if (!want_type(ld, key, v, JSON_TRUE, false, "a boolean"))
		return false;
	*out = json_is_true(v);
	return true;
}

/* A list of non-empty strings, NULL-terminated; NULL when empty. */
static bool
get_list(struct loader *ld, const json_t *obj, const char *key,
	 const char *const **out)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!want_type(ld, key, v, JSON_ARRAY, false, "an array"))
		return false;
	size_t n = json_array_size(v);
	if (n == 0)
		return true;
	const char **list = arena_array(ld->arena, n + 1, sizeof(*list));
	push(ld, key, 0);
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		push(ld, NULL, i);
		if (!json_is_string(e) || json_string_length(e) == 0 ||
		    !utf8_is_clean(json_string_value(e), json_string_length(e),
				   false)) {
			fail(ld, NULL,
			     "item %zu of \"%s\": expected a non-empty string "
			     "without control characters, got %s",
			     i, key, json_is_string(e) ? "\"\"" : json_kind(e));
			pop(ld);
			pop(ld);
			return false;
		}
		pop(ld);
		list[i] = arena_strndup(ld->arena, json_string_value(e),
					json_string_length(e));
	}
	pop(ld);
	*out = list;
	return true;
}

/* "False" or "True (A, B)" with each name once, in any order. */
static bool
parse_pipeline(const char *text, unsigned *bits)
{
	*bits = 0;
	if (strcmp(text, "False") == 0)
		return true;
	size_t n = strlen(text);
	if (strncmp(text, "True (", 6) != 0 || n < 8 || text[n - 1] != ')')
		return false;
	const char *s = text + 6, *end = text + n - 1;
	while (s < end) {
		size_t len = strcspn(s, ",)");
		size_t i = 0;
		while (i < HELP_PIPE_NAMES &&
		       (strlen(help_pipe_names[i].name) != len ||
			strncmp(s, help_pipe_names[i].name, len) != 0))
			i++;
		if (i == HELP_PIPE_NAMES || (*bits & help_pipe_names[i].bit))
			return false;
		*bits |= help_pipe_names[i].bit;
		s += len;
		if (s < end && strncmp(s, ", ", 2) != 0)
			return false;
		s += s < end ? 2 : 0;
	}
	return *bits != 0;
}

static const char *const set_keys[] = { "name", "mandatory", "position",
					"pipelineInput" };

static bool
load_set(struct loader *ld, const json_t *obj, struct meta_param_set *s)
{
	const char *pipe;

	if (!json_is_object(obj)) {
		fail(ld, NULL, "a parameter set: expected an object, got %s",
		     json_kind(obj));
		return false;
	}
	if (!check_keys(ld, obj, set_keys, COUNT(set_keys)) ||
	    !get_name(ld, obj, "name", &s->set) ||
	    !get_bool(ld, obj, "mandatory", &s->mandatory) ||
	    !get_string(ld, obj, "pipelineInput", false, &pipe))
		return false;
	if (!parse_pipeline(pipe, &s->pipeline)) {
		fail(ld, "pipelineInput",
		     "\"%.60s\" is not False or True (ByPropertyName, "
		     "ByValue, FromRemainingArguments)",
		     pipe);
		return false;
	}
	json_t *pos = json_object_get(obj, "position");
	s->position = META_POSITION_NAMED;
	if (json_is_null(pos))
		return true;
	if (!json_is_integer(pos) || json_integer_value(pos) < 0 ||
	    json_integer_value(pos) > 999) {
		fail(ld, "position", "expected null or 0 to 999, got %s",
		     json_is_integer(pos) ? "another number" : json_kind(pos));
		return false;
	}
	s->position = (int)json_integer_value(pos);
	return true;
}

/* Loads item i of an array into slot i of out; the path is set. */
typedef bool item_fn(struct loader *ld, const json_t *item, size_t i,
		     void *out);

/* The array at key of obj, each item loaded by fn; *n gets its size. */
static bool
each_item(struct loader *ld, const json_t *obj, const char *key, item_fn *fn,
	  void *out, size_t *n)
{
	json_t *v = json_object_get(obj, key);
	bool ok = want_type(ld, key, v, JSON_ARRAY, false, "an array");

	*n = ok ? json_array_size(v) : 0;
	push(ld, key, 0);
	for (size_t i = 0; ok && i < *n; i++) {
		push(ld, NULL, i);
		ok = fn(ld, json_array_get(v, i), i, out);
		pop(ld);
	}
	pop(ld);
	return ok;
}

static bool
set_item(struct loader *ld, const json_t *item, size_t i, void *out)
{
	struct meta_param_set *sets = out;
	if (!load_set(ld, item, &sets[i]))
		return false;
	for (size_t k = 0; k < i; k++) {
		if (strcmp(sets[k].set, sets[i].set) == 0) {
			fail(ld, "name", "set \"%.60s\" is listed twice",
			     sets[i].set);
			return false;
		}
	}
	return true;
}

static bool
load_sets(struct loader *ld, const json_t *obj, struct meta_param *p)
{
	size_t n = json_array_size(json_object_get(obj, "sets"));
	/* The binder's limit; it also keeps the duplicate checks cheap. */
	if (n > META_MAX_SETS) {
		fail(ld, "sets", "more than %d parameter sets", META_MAX_SETS);
		return false;
	}
	struct meta_param_set *sets =
		arena_array(ld->arena, n + 1, sizeof(*sets));
	p->sets = sets;
	return each_item(ld, obj, "sets", set_item, sets, &p->nsets);
}

/* A yaml-style text must say what the per-set records say. */
static bool
agrees(struct loader *ld, const json_t *obj, const char *key, text_fn *fn,
       const struct meta_param *p)
{
	const char *got;
	struct strbuf want = STRBUF_INIT;
	bool ok;

	if (!get_string(ld, obj, key, false, &got))
		return false;
	strbuf_init(&want);
	fn(&want, p);
	ok = strcmp(want.buf, got) == 0;
	if (!ok)
		fail(ld, key, "says \"%.60s\" but the sets give \"%.60s\"", got,
		     want.buf);
	strbuf_release(&want);
	return ok;
}

static const char *const param_keys[] = {
	"name",
	"Type",
	"kind",
	"Parameter Sets",
	"Aliases",
	"Accepted values",
	"Required",
	"Position",
	"Default value",
	"Accept pipeline input",
	"Accept wildcard characters",
	"switch",
	"supported",
	"sets",
};

static bool
load_kind(struct loader *ld, const json_t *obj, struct meta_param *p)
{
	const char *kind;
	enum help_type_kind k;
	bool sw;

	if (!get_string(ld, obj, "kind", false, &kind))
		return false;
	if (!help_type_kind_from_name(kind, &k)) {
		fail(ld, "kind", "unknown type kind \"%.60s\"", kind);
		return false;
	}
	p->type = (enum meta_type)k;
	if (!get_bool(ld, obj, "switch", &sw))
		return false;
	if (sw != (k == HELP_TYPE_SWITCH)) {
		fail(ld, "switch", "is %s but the kind is \"%s\"",
		     sw ? "true" : "false", kind);
		return false;
	}
	return true;
}

static bool
load_param(struct loader *ld, const json_t *obj, struct meta_param *p)
{
	if (!json_is_object(obj)) {
		fail(ld, NULL, "a parameter: expected an object, got %s",
		     json_kind(obj));
		return false;
	}
	if (!check_keys(ld, obj, param_keys, COUNT(param_keys)) ||
	    !get_name(ld, obj, "name", &p->name) ||
	    !get_string(ld, obj, "Type", true, &p->type_name) ||
	    !load_kind(ld, obj, p) ||
	    !get_list(ld, obj, "Aliases", &p->aliases) ||
	    !get_list(ld, obj, "Accepted values", &p->accepted_values) ||
	    !get_string(ld, obj, "Default value", true, &p->default_value) ||
	    !get_bool(ld, obj, "Accept wildcard characters", &p->wildcards) ||
	    !get_bool(ld, obj, "supported", &p->supported) ||
	    !load_sets(ld, obj, p))
		return false;
	/* A type the runtime knows has one kind: "kind" may not say another. */
	enum help_type_kind known = help_type_kind(p->type_name, &p->is_array);
	if (known != HELP_TYPE_OBJECT && (int)known != (int)p->type) {
		fail(ld, "kind", "is \"%s\" but %.60s is \"%s\"",
		     help_type_kind_name((enum help_type_kind)p->type),
		     p->type_name, help_type_kind_name(known));
		return false;
	}
	return agrees(ld, obj, "Parameter Sets", meta_sets_text, p) &&
	       agrees(ld, obj, "Required", meta_required_text, p) &&
	       agrees(ld, obj, "Position", meta_position_text, p) &&
	       agrees(ld, obj, "Accept pipeline input", pipe_text, p);
}

static bool
param_item(struct loader *ld, const json_t *item, size_t i, void *out)
{
	struct meta_param *params = out;
	if (!load_param(ld, item, &params[i]))
		return false;
	for (size_t k = 0; k < i; k++) {
		if (strcasecmp(params[k].name, params[i].name) == 0) {
			fail(ld, "name", "parameter \"%.60s\" is listed twice",
			     params[i].name);
			return false;
		}
	}
	return true;
}

static bool
load_params(struct loader *ld, const json_t *obj, const char *key,
	    const struct meta_param **out, size_t *nout)
{
	size_t n = json_array_size(json_object_get(obj, key));
	if (n > META_MAX_PARAMS) {
		fail(ld, key, "more than %d parameters", META_MAX_PARAMS);
		return false;
	}
	struct meta_param *params =
		arena_array(ld->arena, n + 1, sizeof(*params));
	bool ok = each_item(ld, obj, key, param_item, params, nout);
	*out = *nout ? params : NULL;
	return ok;
}

static bool
in_list(const char *const *list, const char *s)
{
	for (; list && *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* Every set a parameter names is one of the command's, or all of them. */
static bool
check_set_names(struct loader *ld, const struct meta_command *c)
{
	size_t nsets = 0;
	while (c->sets && c->sets[nsets])
		nsets++;
	if (nsets > META_MAX_SETS) {
		fail(ld, "parameterSets", "more than %d parameter sets",
		     META_MAX_SETS);
		return false;
	}
	if (c->default_set && !in_list(c->sets, c->default_set)) {
		fail(ld, "defaultParameterSet",
		     "\"%.60s\" is not in parameterSets", c->default_set);
		return false;
	}
	for (size_t i = 0; i < c->nparams; i++) {
		const struct meta_param *p = &c->params[i];
		for (size_t k = 0; k < p->nsets; k++) {
			const char *s = p->sets[k].set;
			if (strcmp(s, HELP_ALL_SETS) == 0 ||
			    in_list(c->sets, s))
				continue;
			push(ld, "parameters", 0);
			push(ld, NULL, i);
			push(ld, "sets", 0);
			push(ld, NULL, k);
			fail(ld, "name",
			     "set \"%.60s\" is not in parameterSets", s);
			ld->depth -= 4;
			return false;
		}
	}
	return true;
}

static const char *const command_keys[] = {
	"name",
	"aliases",
	"synopsis",
	"defaultParameterSet",
	"parameterSets",
	"commonParameters",
	"supportsShouldProcess",
	"parameters",
};

static bool
load_command(struct loader *ld, const json_t *obj, struct meta_command *c)
{
	if (!json_is_object(obj)) {
		fail(ld, NULL, "a command: expected an object, got %s",
		     json_kind(obj));
		return false;
	}
	return check_keys(ld, obj, command_keys, COUNT(command_keys)) &&
	       get_name(ld, obj, "name", &c->name) &&
	       get_list(ld, obj, "aliases", &c->aliases) &&
	       get_string(ld, obj, "synopsis", true, &c->synopsis) &&
	       get_string(ld, obj, "defaultParameterSet", true,
			  &c->default_set) &&
	       get_list(ld, obj, "parameterSets", &c->sets) &&
	       get_bool(ld, obj, "commonParameters", &c->common_parameters) &&
	       get_bool(ld, obj, "supportsShouldProcess", &c->should_process) &&
	       load_params(ld, obj, "parameters", &c->params, &c->nparams) &&
	       check_set_names(ld, c);
}

/* Names and aliases of the commands read so far, case-insensitively
   (ASCII, as meta_command_find compares): linear in the input. */
struct name_table {
	const char **names;
	const struct meta_command **owners;
	size_t cap, n;
};

static size_t
name_hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^
		     (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s)) *
		    16777619u;
	return h;
}

static const struct meta_command *
name_owner(const struct name_table *nt, const char *name)
{
	if (nt->cap == 0)
		return NULL;
	for (size_t i = name_hash(name) & (nt->cap - 1); nt->names[i];
	     i = (i + 1) & (nt->cap - 1))
		if (strcasecmp(nt->names[i], name) == 0)
			return nt->owners[i];
	return NULL;
}

static void
name_add(struct arena *a, struct name_table *nt, const char *name,
	 const struct meta_command *owner)
{
	if (2 * (nt->n + 1) > nt->cap) {
		struct name_table bigger = { 0 };
		bigger.cap = nt->cap ? 2 * nt->cap : 64;
		bigger.names = arena_array(a, bigger.cap, sizeof(char *));
		bigger.owners =
			arena_array(a, bigger.cap, sizeof(*bigger.owners));
		for (size_t i = 0; i < nt->cap; i++)
			if (nt->names[i])
				name_add(a, &bigger, nt->names[i],
					 nt->owners[i]);
		*nt = bigger;
	}
	size_t i = name_hash(name) & (nt->cap - 1);
	while (nt->names[i])
		i = (i + 1) & (nt->cap - 1);
	nt->names[i] = name;
	nt->owners[i] = owner;
	nt->n++;
}

/* No two commands share a name or an alias. */
static bool
check_unique(struct loader *ld, struct name_table *nt,
	     const struct meta_command *c)
{
	const struct meta_command *owner = name_owner(nt, c->name);
	if (owner) {
		fail(ld, "name", "command \"%.60s\" is already defined",
		     c->name);
		return false;
	}
	for (const char *const *a = c->aliases; a && *a; a++) {
		owner = name_owner(nt, *a);
		if (owner) {
			fail(ld, "aliases", "\"%.60s\" already names %.60s", *a,
			     owner->name);
			return false;
		}
	}
	name_add(ld->arena, nt, c->name, c);
	for (const char *const *a = c->aliases; a && *a; a++)
		name_add(ld->arena, nt, *a, c);
	return true;
}

/* Slots for the commands: the tables and the pointers to them. */
struct command_slots {
	struct meta_command *v;
	const struct meta_command **ptrs;
	struct name_table names;
};

static bool
command_item(struct loader *ld, const json_t *item, size_t i, void *out)
{
	struct command_slots *slots = out;
	slots->ptrs[i] = &slots->v[i];
	return load_command(ld, item, &slots->v[i]) &&
	       check_unique(ld, &slots->names, &slots->v[i]);
}

static bool
load_commands(struct loader *ld, const json_t *root, struct meta_set *set)
{
	size_t n = json_array_size(json_object_get(root, "commands"));
	struct command_slots slots = {
		arena_array(ld->arena, n + 1, sizeof(*slots.v)),
		arena_array(ld->arena, n + 1, sizeof(*slots.ptrs)),
		{ 0 },
	};
	set->commands = slots.ptrs;
	return each_item(ld, root, "commands", command_item, &slots,
			 &set->ncommands);
}

static const char *const root_keys[] = { "version", "common", "commands" };
static const char *const common_keys[] = { "parameters", "shouldProcess" };

static bool
load_root(struct loader *ld, const json_t *root, struct meta_set *set)
{
	if (!json_is_object(root)) {
		fail(ld, NULL, "expected an object, got %s", json_kind(root));
		return false;
	}
	if (!check_keys(ld, root, root_keys, COUNT(root_keys)))
		return false;
	json_t *version = json_object_get(root, "version");
	if (!json_is_integer(version) || json_integer_value(version) != 1) {
		fail(ld, "version", "expected 1");
		return false;
	}
	json_t *common = json_object_get(root, "common");
	if (!want_type(ld, "common", common, JSON_OBJECT, false, "an object"))
		return false;
	push(ld, "common", 0);
	bool ok = check_keys(ld, common, common_keys, COUNT(common_keys)) &&
		  load_params(ld, common, "parameters", &set->common,
			      &set->ncommon) &&
		  load_params(ld, common, "shouldProcess", &set->should_process,
			      &set->nshould_process);
	pop(ld);
	return ok && load_commands(ld, root, set);
}

/* Jansson quotes the input near an error: keep only printable ASCII. */
static int
reject(struct meta_error *err, int line, int col, const char *what)
{
	err->line = line;
	err->column = col;
	if (line > 0)
		snprintf(err->message, sizeof(err->message), "%d:%d: %s", line,
			 col, what);
	else
		snprintf(err->message, sizeof(err->message), "%s", what);
	for (char *s = err->message; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			*s = '?';
	return -1;
}

/* Line and column (in characters) of byte offset at in text. */
static void
position_of(const char *text, size_t at, int *line, int *col)
{
	struct scan sc = { text, at, 0, 1, 1 };
	while (sc.i < at)
		scan_next(&sc);
	*line = sc.line;
	*col = sc.col;
}

/* NUL bytes and invalid UTF-8, said plainly (Jansson stops at a NUL). */
static int
check_bytes(const char *text, size_t len, struct meta_error *err)
{
	const char *nul = memchr(text, '\0', len);
	size_t bad = utf8_first_invalid(text, nul ? (size_t)(nul - text) : len);
	size_t end = nul ? (size_t)(nul - text) : len;
	int line, col;
	char what[64];

	if (bad < end) {
		position_of(text, bad, &line, &col);
		snprintf(what, sizeof(what), "invalid UTF-8 (byte 0x%02x)",
			 (unsigned char)text[bad]);
		return reject(err, line, col, what);
	}
	if (nul) {
		position_of(text, end, &line, &col);
		return reject(err, line, col, "NUL byte in the input");
	}
	return 0;
}

int
meta_load_json(const char *text, size_t len, struct meta_set **out,
	       struct meta_error *err)
{
	json_error_t je;

	*out = NULL;
	if (len > META_JSON_MAX_BYTES) {
		char what[128];
		snprintf(what, sizeof(what),
			 "input too large (%zu bytes; at most %u)", len,
			 META_JSON_MAX_BYTES);
		return reject(err, 0, 0, what);
	}
	if (check_bytes(text, len, err) != 0)
		return -1;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL)
		return reject(err, je.line > 0 ? je.line : 1,
			      je.column > 0 ? je.column : 1, je.text);

	struct loaded *l = calloc(1, sizeof(*l));
	if (l == NULL) {
		json_decref(root);
		return reject(err, 0, 0, "out of memory");
	}
	arena_init(&l->arena);
	struct loader ld = {
		.text = text, .len = len, .arena = &l->arena, .err = err
	};
	bool ok = load_root(&ld, root, &l->set);
	json_decref(root);
	if (!ok) {
		meta_set_free(&l->set);
		return -1;
	}
	*out = &l->set;
	return 0;
}

void
meta_set_free(struct meta_set *set)
{
	struct loaded *l = (struct loaded *)set;
	if (l == NULL)
		return;
	arena_release(&l->arena);
	free(l);
}
