/* SPDX-License-Identifier: MIT */
/* The psh evaluator (see eval.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "bind.h"
#include "eval.h"
#include "rt_interrupt.h"
#include "format.h"
#include "handlers.h"
#include "i18n.h"
#include "parser.h"
#include "rt_compare.h"
#include "rt_exec.h"
#include "rt_stream.h"
#include "rt_value.h"
#include "session.h"
#include "session_props.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Script blocks may call Invoke-Command again; this bounds the depth. */
#define MAX_DEPTH 50
/* Prompted values per array parameter. */
#define MAX_PROMPTED 1000

struct var {
	char *name;
	struct rt_value *value; /* NULL: removed when a child scope ended */
};

/* A variable's value before a child scope first set it. */
struct var_save {
	char *name;
	struct rt_value *old; /* NULL: it did not exist */
};

/* The source an error position refers to. */
struct source {
	const char *text;
	size_t len;
	const char *file;
};

struct psh_eval {
	struct psh_eval_options o;
	struct var *vars;
	size_t nvars, capvars;
	/* Open-addressing index of vars (slot: index + 1, 0 empty), so that
	   scripts with many variables stay linear. */
	size_t *slots;
	size_t nslots;
	struct source src;
	/* Child scopes (Invoke-Command without -NoNewScope): what their
	   assignments replaced, undone when they end; frames[i] is where
	   scope i's saves start. */
	struct var_save *saves;
	size_t nsaves, capsaves;
	size_t *frames;
	size_t nframes, capframes;
	int verbose;	/* -Verbose: 1 shows, 0 hides, -1 by preference */
	const char *warning_action; /* -WarningAction, or NULL */
	struct rt_value *warned;    /* -WarningVariable: texts, or NULL */
	struct rt_session *pushed; /* the entered session, or NULL */
	bool pushed_temporary;
	bool exited;
	int exit_code;
	bool failed;	 /* the current statement reported an error */
	bool last_ok;	 /* $?: the last statement succeeded */
	bool stopping;	 /* -ErrorAction Stop: the script ends */
	/* A terminating error (binding, an unsupported parameter): the
	   pipeline ends; errors a command reports do not end it. */
	bool pipeline_ends;
	bool quiet;	 /* -ErrorAction SilentlyContinue/Ignore */
	struct rt_value *caught; /* -ErrorVariable: error texts, or NULL */
	bool help_paged; /* the next Get-Help is `help NAME` */
	int depth;
	const struct rt_host *host;
	/* Where error, warning and verbose records go as they happen (the
	   output being built, rt_stream.h), or NULL: shown at once. */
	struct rt_value *record_out;
};

/* ---------- variables ---------- */

/* FNV-1a over the ASCII-folded name: names match case-insensitively. */
static size_t
var_hash(const char *name)
{
	size_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ (size_t)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p)) *
		    16777619u;
	return h;
}

/* The slot of name: its variable's or the empty one where it goes. */
static size_t *
var_slot(struct psh_eval *ev, const char *name)
{
	size_t i = var_hash(name) & (ev->nslots - 1);

	while (ev->slots[i] &&
	       strcasecmp(ev->vars[ev->slots[i] - 1].name, name) != 0)
		i = (i + 1) & (ev->nslots - 1);
	return &ev->slots[i];
}

static void
var_rehash(struct psh_eval *ev)
{
	free(ev->slots);
	ev->nslots = ev->nslots ? ev->nslots * 2 : 64;
	ev->slots = xcalloc(ev->nslots, sizeof(*ev->slots));
	for (size_t i = 0; i < ev->nvars; i++)
		*var_slot(ev, ev->vars[i].name) = i + 1;
}

static struct var *
var_find(struct psh_eval *ev, const char *name)
{
	size_t *slot;

	if (ev->nslots == 0)
		return NULL;
	slot = var_slot(ev, name);
	return *slot ? &ev->vars[*slot - 1] : NULL;
}

/*
 * The variable a name means: scripts run in one scope, so $global:x,
 * $script:x, $local:x and $private:x are all $x.
 */
static const char *
var_unscoped(const char *name)
{
	static const char *const scopes[] = { "global:", "script:", "local:",
					      "private:" };

	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (strncasecmp(name, scopes[i], strlen(scopes[i])) == 0 &&
		    name[strlen(scopes[i])])
			return name + strlen(scopes[i]);
	return name;
}

/* In a child scope, remembers name's value before its first assignment. */
static void
scope_save(struct psh_eval *ev, const char *name, const struct var *x)
{
	for (size_t i = ev->frames[ev->nframes - 1]; i < ev->nsaves; i++)
		if (strcasecmp(ev->saves[i].name, name) == 0)
			return;
	ev->saves = xgrow(ev->saves, &ev->capsaves, ev->nsaves + 1,
			  sizeof(*ev->saves));
	ev->saves[ev->nsaves++] = (struct var_save){
		.name = xstrdup(name),
		.old = x && x->value ? rt_value_ref(x->value) : NULL,
	};
}

void
psh_eval_set(struct psh_eval *ev, const char *name, struct rt_value *v)
{
	struct var *x;
	bool global = strncasecmp(name, "global:", 7) == 0;

	name = var_unscoped(name);
	x = var_find(ev, name);
	if (ev->nframes && !global)
		scope_save(ev, name, x);

	if (x == NULL) {
		if (v == NULL)
			return;
		if ((ev->nvars + 1) * 2 > ev->nslots)
			var_rehash(ev);
		ev->vars = xgrow(ev->vars, &ev->capvars, ev->nvars + 1,
				 sizeof(*ev->vars));
		x = &ev->vars[ev->nvars++];
		x->name = xstrdup(name);
		x->value = NULL;
		*var_slot(ev, name) = ev->nvars;
	}
	if (x->value)
		rt_value_unref(x->value);
	x->value = v ? v : rt_null();
}

/* A new reference to the variable's value ($null when unset). */
static struct rt_value *
var_get(struct psh_eval *ev, const char *name)
{
	struct var *x;

	name = var_unscoped(name);
	if (strcmp(name, "?") == 0)
		return rt_bool(ev->last_ok);
	if (strncasecmp(name, "env:", 4) == 0) {
		const char *e = getenv(name + 4);
		return e ? rt_string(e) : rt_null();
	}
	x = var_find(ev, name);
	return x && x->value ? rt_value_ref(x->value) : rt_null();
}

static void
scope_enter(struct psh_eval *ev)
{
	ev->frames = xgrow(ev->frames, &ev->capframes, ev->nframes + 1,
			   sizeof(*ev->frames));
	ev->frames[ev->nframes++] = ev->nsaves;
}

/* Puts back what the innermost child scope's assignments replaced. */
static void
scope_leave(struct psh_eval *ev)
{
	size_t from = ev->frames[--ev->nframes];

	while (ev->nsaves > from) {
		struct var_save *s = &ev->saves[--ev->nsaves];
		struct var *x = var_find(ev, s->name);
		if (x) {
			if (x->value)
				rt_value_unref(x->value);
			x->value = s->old;
		} else if (s->old) {
			rt_value_unref(s->old);
		}
		free(s->name);
	}
}

/* ---------- errors ---------- */

/* One line on the error stream, after the output so far; frees sb. */
static void
write_host_line(struct psh_eval *ev, struct strbuf *sb)
{
	fflush(ev->o.out);
	fputs(sb->buf ? sb->buf : "", ev->o.err);
	fputc('\n', ev->o.err);
	fflush(ev->o.err);
	strbuf_release(sb);
}

/* An error's text on the host; one from an endpoint is not trusted. */
static void
display_error(struct psh_eval *ev, const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	utf8_neutralize(&sb, text, strlen(text), true);
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = '\0';
	write_host_line(ev, &sb);
}

/* "WARNING: text" or "VERBOSE: text" on the host, in PowerShell's
   colours when the error stream is a terminal. */
static void
display_informational(struct psh_eval *ev, bool warning, const char *message)
{
	struct strbuf sb = STRBUF_INIT;
	bool tty = isatty(fileno(ev->o.err)) && getenv("NO_COLOR") == NULL;

	strbuf_init(&sb);
	if (tty)
		strbuf_addstr(&sb, "\033[33;1m");
	strbuf_addstr(&sb, warning ? "WARNING: " : "VERBOSE: ");
	utf8_neutralize(&sb, message, strlen(message), true);
	if (tty)
		strbuf_addstr(&sb, "\033[0m");
	write_host_line(ev, &sb);
}

/* A stream record on the host; true if it was an error. */
static bool
display_record(struct psh_eval *ev, const struct rt_value *r)
{
	enum rt_stream s = rt_stream_of(r);

	if (s == RT_STREAM_ERROR)
		display_error(ev, rt_stream_message(r));
	else
		display_informational(ev, s == RT_STREAM_WARNING,
				      rt_stream_message(r));
	return s == RT_STREAM_ERROR;
}

/* A record goes where records go now: into the output being built, or
   to the host (an endpoint's scripts always have an output). */
static void
route_record(struct psh_eval *ev, struct rt_value *r)
{
	if (ev->record_out)
		rt_array_push(ev->record_out, rt_value_ref(r));
	else if (!ev->o.endpoint)
		display_record(ev, r);
}

static void
emit_error_text(struct psh_eval *ev, const char *text)
{
	size_t n = strlen(text);
	char *msg;
	struct rt_value *r;

	if (n && text[n - 1] == '\n')
		n--;
	ev->failed = true;
	if (ev->caught)
		rt_array_push(ev->caught, rt_string_n(text, n));
	if (ev->quiet)
		return;
	msg = xstrndup(text, n);
	r = rt_stream_record(RT_STREAM_ERROR, msg);
	route_record(ev, r);
	rt_value_unref(r);
	free(msg);
}

/* "Cmd: message", ConciseView without a position. */
static void
command_error(struct psh_eval *ev, const char *cmd, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	utf8_neutralize(&sb, cmd, strlen(cmd), false);
	strbuf_addstr(&sb, ": ");
	utf8_neutralize(&sb, msg, strlen(msg), true);
	emit_error_text(ev, sb.buf);
	strbuf_release(&sb);
}

/* ConciseView with the source line and marks under ext. */
static void
positioned_error(struct psh_eval *ev, const char *reason,
		 const struct psh_extent *ext, const char *msg)
{
	char *text = psh_concise_view(reason, ev->src.text, ev->src.len, ext,
				      ev->src.file, msg);

	emit_error_text(ev, text);
	free(text);
}

static void
ctx_report(struct rt_context *ctx, const char *message)
{
	command_error(ctx->host->cookie, ctx->cmd->name, message);
}

static void
ctx_report_remote(struct rt_context *ctx, const char *text)
{
	emit_error_text(ctx->host->cookie, text);
}

/* A preference as a variable holds it: a name or its number (-ea 0). */
static const char *
preference(struct psh_eval *ev, const char *var, const char *dflt)
{
	static const char *const names[] = { "SilentlyContinue", "Stop",
					     "Continue", "Inquire", "Ignore" };
	static char buf[32];
	struct rt_value *v = var_get(ev, var);
	const char *r = dflt;

	if (v->kind == RT_VAL_INT && v->u.i >= 0 && v->u.i < 5)
		r = names[v->u.i];
	else if (v->kind == RT_VAL_STRING) {
		for (size_t i = 0; i < 5; i++)
			if (strcasecmp(v->u.s, names[i]) == 0)
				r = names[i];
	}
	rt_value_unref(v);
	snprintf(buf, sizeof(buf), "%s", r);
	return buf;
}

/* A warning or verbose record that passed the preferences. */
static void
show_record(struct psh_eval *ev, bool warning, const char *message)
{
	struct rt_value *r = rt_stream_record(warning ? RT_STREAM_WARNING
						      : RT_STREAM_VERBOSE,
					      message);

	route_record(ev, r);
	rt_value_unref(r);
}

/* Out-Host with a record: shown now, or in an endpoint sent on. */
static void
ctx_display_record(struct rt_context *ctx, const struct rt_value *r)
{
	struct psh_eval *ev = ctx->host->cookie;

	if (ev->o.endpoint)
		rt_exec_emit(ctx, rt_value_ref((struct rt_value *)r));
	else
		display_record(ev, r);
}

static void
ctx_report_record(struct rt_context *ctx, bool warning, const char *message)
{
	struct psh_eval *ev = ctx->host->cookie;
	const char *action;

	if (!warning) {
		if (ev->verbose == 1 ||
		    (ev->verbose == -1 &&
		     strcmp(preference(ev, "VerbosePreference",
				       "SilentlyContinue"),
			    "SilentlyContinue") != 0 &&
		     strcmp(preference(ev, "VerbosePreference",
				       "SilentlyContinue"),
			    "Ignore") != 0))
			show_record(ev, false, message);
		return;
	}
	action = ev->warning_action
			 ? ev->warning_action
			 : preference(ev, "WarningPreference", "Continue");
	if (strcmp(action, "Ignore") == 0)
		return;
	if (ev->warned)
		rt_array_push(ev->warned, rt_string(message));
	if (strcmp(action, "SilentlyContinue") == 0)
		return;
	show_record(ev, true, message);
	if (strcmp(action, "Stop") == 0) {
		/* PowerShell: the warning becomes a terminating error */
		char *msg = xasprintf(
			_("The running command stopped because the preference "
			  "variable \"WarningPreference\" or common parameter "
			  "is set to Stop: %s"),
			message);
		rt_exec_error(ctx, "%s", msg);
		free(msg);
		ev->stopping = true;
	}
}

/* ---------- expressions ---------- */

static struct rt_value *eval_value(struct psh_eval *ev,
				   const struct psh_node *n);
static struct rt_value *eval_binary(struct psh_eval *ev,
				    const struct psh_node *n);

static struct rt_value *
member(struct rt_value *target, const char *name)
{
	struct rt_value *r;

	switch (target->kind) {
	case RT_VAL_RECORD:
		r = rt_record_get(target, name);
		return r ? rt_value_ref(r) : rt_null();
	case RT_VAL_SESSION:
		r = rt_session_prop(target->u.session, name);
		return r ? r : rt_null();
	case RT_VAL_STRING:
		if (strcasecmp(name, "Length") == 0)
			return rt_int((int64_t)strlen(target->u.s));
		return rt_null();
	case RT_VAL_ARRAY:
		if (strcasecmp(name, "Count") == 0 ||
		    strcasecmp(name, "Length") == 0)
			return rt_int((int64_t)target->u.array.n);
		/* Member enumeration: the property of every element. */
		r = rt_array_new();
		for (size_t i = 0; i < target->u.array.n; i++) {
			struct rt_value *e = member(target->u.array.v[i], name);
			if (e->kind == RT_VAL_NULL)
				rt_value_unref(e);
			else
				rt_array_push(r, e);
		}
		return r;
	default:
		return rt_null();
	}
}

static struct rt_value *
expand(struct psh_eval *ev, const struct psh_node *n)
{
	struct strbuf sb = STRBUF_INIT;
	struct rt_value *r;

	strbuf_init(&sb);
	for (size_t i = 0; i < n->nkids; i++) {
		const struct psh_node *k = n->kids[i];
		if (k->kind == PSH_STRING) {
			strbuf_add(&sb, k->text, k->len);
		} else {
			struct rt_value *v = eval_value(ev, k);
			char *s = rt_value_to_string(v);
			strbuf_addstr(&sb, s);
			free(s);
			rt_value_unref(v);
		}
	}
	r = rt_string_n(sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
	return r;
}

struct rt_value *
psh_eval_literal(const struct psh_node *n)
{
	switch (n->kind) {
	case PSH_STRING:
		return rt_string_n(n->text, n->len);
	case PSH_NUMBER:
		return n->real ? rt_double(n->dnum) : rt_int(n->num);
	case PSH_BOOL:
		return rt_bool(n->num != 0);
	case PSH_NULL:
		return rt_null();
	case PSH_SCRIPTBLOCK:
		return rt_scriptblock(n->text);
	default:
		return NULL;
	}
}

/* -and, -or, -xor (the first two stop early) and the comparisons. */
static struct rt_value *
eval_binary(struct psh_eval *ev, const struct psh_node *n)
{
	struct rt_value *l = eval_value(ev, n->kids[0]), *r, *v;
	enum rt_cmp_op op;
	char *err = NULL;
	bool cs, lt;

	if (strcasecmp(n->text, "and") == 0 || strcasecmp(n->text, "or") == 0 ||
	    strcasecmp(n->text, "xor") == 0) {
		lt = rt_value_truthy(l);
		rt_value_unref(l);
		if (strcasecmp(n->text, "and") == 0 && !lt)
			return rt_bool(false);
		if (strcasecmp(n->text, "or") == 0 && lt)
			return rt_bool(true);
		r = eval_value(ev, n->kids[1]);
		v = rt_bool(strcasecmp(n->text, "xor") == 0
				    ? lt != rt_value_truthy(r)
				    : rt_value_truthy(r));
		rt_value_unref(r);
		return v;
	}
	r = eval_value(ev, n->kids[1]);
	v = rt_cmp_parse(n->text, &op, &cs) ? rt_compare(l, op, cs, r, &err)
					     : rt_null();
	if (v == NULL) {
		positioned_error(ev, "InvalidOperation", &n->ext, err);
		free(err);
		v = rt_null();
	}
	rt_value_unref(l);
	rt_value_unref(r);
	return v;
}

static struct rt_value *
eval_value(struct psh_eval *ev, const struct psh_node *n)
{
	struct rt_value *v = psh_eval_literal(n), *a;

	if (v)
		return v;
	switch (n->kind) {
	case PSH_EXPANDABLE:
		return expand(ev, n);
	case PSH_VARIABLE:
		return var_get(ev, n->text);
	case PSH_ARRAY:
		a = rt_array_new();
		for (size_t i = 0; i < n->nkids; i++)
			rt_array_push(a, eval_value(ev, n->kids[i]));
		return a;
	case PSH_MEMBER:
		v = eval_value(ev, n->kids[0]);
		for (size_t i = 1; i < n->nkids; i++) {
			struct rt_value *m = member(v, n->kids[i]->text);
			rt_value_unref(v);
			v = m;
		}
		return v;
	case PSH_PAREN:
		return eval_value(ev, n->kids[0]);
	case PSH_UNARY:
		v = eval_value(ev, n->kids[0]);
		a = rt_bool(!rt_value_truthy(v));
		rt_value_unref(v);
		return a;
	case PSH_BINARY:
		return eval_binary(ev, n);
	default:
		return rt_null();
	}
}

/* Appends v to out, enumerating an array one level as a pipeline does. */
static void
push_enumerated(struct rt_value *out, struct rt_value *v)
{
	if (v->kind == RT_VAL_ARRAY) {
		for (size_t i = 0; i < v->u.array.n; i++)
			rt_array_push(out, rt_value_ref(v->u.array.v[i]));
		rt_value_unref(v);
	} else if (v->kind == RT_VAL_NULL) {
		rt_value_unref(v);
	} else {
		rt_array_push(out, v);
	}
}

/* ---------- commands ---------- */

struct call {
	const struct psh_node *node;
	const struct meta_command *cmd;
	struct rt_arg *args;
	size_t nargs, cap;
	int position;
	bool stored; /* -ErrorVariable/-OutVariable set by an earlier object */
	bool ending; /* the end-of-input call (rt_context.ending) */
	struct rt_value *state; /* the handler's, between calls */
};

static void
call_release(struct call *c)
{
	for (size_t i = 0; i < c->nargs; i++) {
		if (c->args[i].value)
			rt_value_unref(c->args[i].value);
		free((char *)c->args[i].name);
	}
	free(c->args);
	if (c->state)
		rt_value_unref(c->state);
}

static void
call_add(struct call *c, const char *name, struct rt_value *v, bool colon)
{
	c->args = xgrow(c->args, &c->cap, c->nargs + 1, sizeof(*c->args));
	c->args[c->nargs++] = (struct rt_arg){
		.name = name ? xstrdup(name) : NULL, .value = v, .colon = colon
	};
}

static void
call_build(struct psh_eval *ev, struct call *c)
{
	for (size_t i = 1; i < c->node->nkids; i++) {
		const struct psh_node *k = c->node->kids[i];
		if (k->kind == PSH_PARAM)
			call_add(c, k->text,
				 k->colon && k->nkids
					 ? eval_value(ev, k->kids[0])
					 : NULL,
				 k->colon);
		else
			call_add(c, NULL, eval_value(ev, k), false);
	}
}

static void
not_recognized(struct psh_eval *ev, const struct psh_node *cmd)
{
	const struct psh_node *name = cmd->kids[0];
	char *msg = xasprintf(_("The term '%s' is not recognized as a name "
				"of a cmdlet, function, script file, or "
				"executable program.\nCheck the spelling of "
				"the name, or if a path was included, verify "
				"that the path is correct and try again."),
			      cmd->text);

	/* PowerShell shows the position only for scripts and for lines
	   after the first (ConciseView's rule). */
	if (ev->src.file || name->ext.line > 1)
		positioned_error(ev, cmd->text, &name->ext, msg);
	else
		command_error(ev, cmd->text, msg);
	free(msg);
}

static char *
read_answer(struct psh_eval *ev, const char *label)
{
	char buf[4096];
	size_t n;

	fprintf(ev->o.out, "%s: ", label);
	fflush(ev->o.out);
	if (fgets(buf, sizeof(buf), stdin) == NULL)
		return NULL;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return xstrdup(buf);
}

/* One prompted value: a string, or an array for array parameters. */
static struct rt_value *
prompt_param(struct psh_eval *ev, const struct meta_param *p)
{
	struct rt_value *a;
	char *s;

	if (!p->is_array) {
		s = read_answer(ev, p->name);
		struct rt_value *v = s ? rt_string(s) : NULL;
		free(s);
		return v;
	}
	a = rt_array_new();
	for (size_t i = 0; i < MAX_PROMPTED; i++) {
		char label[128];
		snprintf(label, sizeof(label), "%s[%zu]", p->name, i);
		s = read_answer(ev, label);
		if (s == NULL) { /* input ended or Ctrl-C: no value at all */
			rt_value_unref(a);
			return NULL;
		}
		if (*s == '\0') {
			free(s);
			break;
		}
		rt_array_push(a, rt_string(s));
		free(s);
	}
	return a;
}

/* "Supply values for the following parameters:"; false on end of input. */
static bool
prompt_missing(struct psh_eval *ev, struct call *c, const struct rt_binding *b)
{
	char *caption = rt_bind_prompt_caption(c->cmd->name, c->position);

	fprintf(ev->o.out, "%s\n%s\n", caption, rt_bind_prompt_message());
	free(caption);
	for (size_t i = 0; i < b->nmissing; i++) {
		struct rt_value *v = prompt_param(ev, b->missing[i]);
		if (v == NULL)
			return false;
		call_add(c, b->missing[i]->name, v, true);
	}
	return true;
}

static int
bind_call(struct psh_eval *ev, struct call *c, struct rt_binding *b,
	  struct rt_value *input)
{
	enum rt_bind_error e = rt_bind(b, c->cmd, c->args, c->nargs, input);

	if (e == RT_BIND_MISSING_MANDATORY && ev->o.interactive &&
	    !ev->o.endpoint && input == NULL) {
		/* Input that ends while prompting leaves the binder's
		   error in place; Ctrl-C (a read error, EINTR) cancels
		   the command without one, as in PowerShell. */
		if (prompt_missing(ev, c, b)) {
			rt_binding_release(b);
			e = rt_bind(b, c->cmd, c->args, c->nargs, input);
		} else if (ferror(stdin)) {
			fputc('\n', ev->o.out);
			ev->pipeline_ends = true;
			return -1;
		}
	}
	if (e != RT_BIND_OK) {
		command_error(ev, c->cmd->name, b->message ? b->message : "");
		/* An object that binds to nothing is skipped, as PowerShell
		   does; wrong arguments fail every object. */
		if (!(input && e == RT_BIND_INPUT_NOT_BOUND))
			ev->pipeline_ends = true;
		return -1;
	}
	const struct meta_param *p = rt_binding_unsupported(b);
	if (p) {
		char *msg = xasprintf(_("The parameter '%s' is not supported "
					"by this runtime."),
				      p->name);
		command_error(ev, c->cmd->name, msg);
		free(msg);
		ev->pipeline_ends = true;
		return -1;
	}
	return 0;
}

/* ---------- common parameters ---------- */

/* What the common parameters of one invocation ask for. */
struct common {
	const char *action;  /* -ErrorAction, or NULL */
	const char *errvar;  /* -ErrorVariable's name, without '+' */
	bool errvar_append;  /* -ErrorVariable +name */
	const char *outvar;  /* -OutVariable's name */
	bool outvar_append;
	int verbose;	      /* -Verbose: 1, -Verbose:$false: 0, else -1 */
	const char *warn_action; /* -WarningAction, or NULL */
	const char *warnvar;	 /* -WarningVariable's name */
	bool warnvar_append;
};

static bool
is_common(const struct meta_param *p)
{
	size_t n;
	const struct meta_param *c = meta_common_params(&n);

	return p >= c && p < c + n;
}

/*
 * Reads the common parameters of a binding; a common parameter (or
 * ActionPreference) psh does not honour is reported as unsupported.
 */
static bool
common_read(struct psh_eval *ev, const struct call *c,
	    const struct rt_binding *b, struct common *cm)
{
	memset(cm, 0, sizeof(*cm));
	cm->verbose = -1;
	for (size_t i = 0; i < b->nbound; i++) {
		const struct meta_param *p = b->bound[i].param;
		struct rt_value *v = b->bound[i].value;
		const char *s = v && v->kind == RT_VAL_STRING ? v->u.s : "";
		bool ok = true;

		if (!is_common(p))
			continue;
		if (strcmp(p->name, "ErrorAction") == 0) {
			cm->action = s;
			/* Inquire prompts; Suspend and Break are for
			   workflows and the debugger */
			ok = strcmp(s, "Inquire") != 0 &&
			     strcmp(s, "Suspend") != 0 &&
			     strcmp(s, "Break") != 0;
		} else if (strcmp(p->name, "ErrorVariable") == 0 ||
			   strcmp(p->name, "OutVariable") == 0) {
			bool add = *s == '+';
			bool err = p->name[0] == 'E';
			*(err ? &cm->errvar : &cm->outvar) = s + add;
			*(err ? &cm->errvar_append : &cm->outvar_append) = add;
		} else if (strcmp(p->name, "WarningVariable") == 0) {
			cm->warnvar_append = *s == '+';
			cm->warnvar = s + cm->warnvar_append;
		} else if (strcmp(p->name, "WarningAction") == 0) {
			cm->warn_action = s;
			ok = strcmp(s, "Inquire") != 0 &&
			     strcmp(s, "Suspend") != 0 &&
			     strcmp(s, "Break") != 0;
		} else if (strcmp(p->name, "Verbose") == 0) {
			cm->verbose = !(v && v->kind == RT_VAL_BOOL && !v->u.b);
		} else {
			/* -Verbose:$false asks for nothing */
			ok = p->type == META_TYPE_SWITCH && v &&
			     v->kind == RT_VAL_BOOL && !v->u.b;
		}
		if (!ok) {
			char *msg = xasprintf(_("The parameter '%s' is not "
						"supported by this runtime."),
					      p->name);
			command_error(ev, c->cmd->name, msg);
			free(msg);
			return false;
		}
	}
	return true;
}

/* Appends the items of add to variable name (a new list unless append). */
static void
common_store(struct psh_eval *ev, const char *name, bool append,
	     struct rt_value *const *add, size_t n)
{
	struct rt_value *list = rt_array_new();

	if (append) {
		struct rt_value *old = var_get(ev, name);
		if (old->kind != RT_VAL_NULL)
			for (size_t i = 0; i < rt_value_nitems(old); i++)
				rt_array_push(list, rt_value_ref(
							    rt_value_item(old, i)));
		rt_value_unref(old);
	}
	for (size_t i = 0; i < n; i++)
		rt_array_push(list, rt_value_ref(add[i]));
	psh_eval_set(ev, name, list);
}

static int invoke_handler(struct psh_eval *ev, struct call *c,
			  struct rt_binding *b, struct rt_value *input,
			  struct rt_value *out);

/* Runs the handler under the common parameters' rules. */
static int
invoke_common(struct psh_eval *ev, struct call *c, struct rt_binding *b,
	      struct rt_value *input, struct rt_value *out)
{
	struct common cm;
	struct rt_value *caught = ev->caught, *warned = ev->warned;
	bool quiet = ev->quiet;
	int verbose = ev->verbose;
	const char *warn_action = ev->warning_action;
	size_t out0 = out->u.array.n;
	int rc;

	if (!common_read(ev, c, b, &cm))
		return -1;
	if (cm.verbose != -1)
		ev->verbose = cm.verbose;
	if (cm.warn_action)
		ev->warning_action = cm.warn_action;
	if (cm.warnvar)
		ev->warned = rt_array_new();
	if (cm.errvar)
		ev->caught = rt_array_new();
	if (cm.action && (strcmp(cm.action, "SilentlyContinue") == 0 ||
			  strcmp(cm.action, "Ignore") == 0))
		ev->quiet = true;
	else if (cm.action) /* Continue and Stop show the error */
		ev->quiet = false;
	rc = invoke_handler(ev, c, b, input, out);
	if (cm.errvar) {
		/* PowerShell keeps Ignore's errors out of -ErrorVariable */
		if (strcmp(cm.action ? cm.action : "", "Ignore") == 0) {
			rt_value_unref(ev->caught);
			ev->caught = rt_array_new();
		}
		common_store(ev, cm.errvar, cm.errvar_append || c->stored,
			     ev->caught->u.array.v, ev->caught->u.array.n);
		if (caught)
			for (size_t i = 0; i < ev->caught->u.array.n; i++)
				rt_array_push(caught, rt_value_ref(
						ev->caught->u.array.v[i]));
		rt_value_unref(ev->caught);
	}
	if (cm.outvar) {
		struct rt_value *kept = rt_array_new();
		for (size_t i = out0; i < out->u.array.n; i++)
			if (rt_stream_of(out->u.array.v[i]) == RT_STREAM_NONE)
				rt_array_push(kept,
					      rt_value_ref(out->u.array.v[i]));
		common_store(ev, cm.outvar, cm.outvar_append || c->stored,
			     kept->u.array.v, kept->u.array.n);
		rt_value_unref(kept);
	}
	if (cm.warnvar) {
		common_store(ev, cm.warnvar, cm.warnvar_append || c->stored,
			     ev->warned->u.array.v, ev->warned->u.array.n);
		if (warned)
			for (size_t i = 0; i < ev->warned->u.array.n; i++)
				rt_array_push(warned, rt_value_ref(
						ev->warned->u.array.v[i]));
		rt_value_unref(ev->warned);
	}
	c->stored = true;
	ev->caught = caught;
	ev->warned = warned;
	ev->quiet = quiet;
	ev->verbose = verbose;
	ev->warning_action = warn_action;
	if (rc != 0 && cm.action && strcmp(cm.action, "Stop") == 0)
		ev->stopping = true;
	return rc;
}

static int
invoke_once(struct psh_eval *ev, struct call *c, struct rt_value *input,
	    struct rt_value *out)
{
	struct rt_binding b;
	int rc;

	struct rt_value *record_out = ev->record_out;

	/* The command's errors, binding's too, go where its output goes. */
	ev->record_out = out;
	memset(&b, 0, sizeof(b));
	if (bind_call(ev, c, &b, input) != 0)
		rc = -1;
	else
		rc = invoke_common(ev, c, &b, input, out);
	rt_binding_release(&b);
	ev->record_out = record_out;
	return rc;
}

/* True if the command would reach the session manager. */
static bool
needs_sessions(const struct call *c, const struct rt_binding *b)
{
	size_t n = strlen(c->cmd->name);

	if (strcmp(c->cmd->name, "Invoke-Command") == 0)
		return rt_binding_get(b, "ComputerName") ||
		       rt_binding_get(b, "Session");
	return n > 9 && strcmp(c->cmd->name + n - 9, "PSSession") == 0 &&
	       strcmp(c->cmd->name, "Exit-PSSession") != 0;
}

static int
invoke_handler(struct psh_eval *ev, struct call *c, struct rt_binding *b,
	       struct rt_value *input, struct rt_value *out)
{
	int rc;

	/* An evaluator without a session manager (psh_eval_options) */
	if (ev->o.sessions == NULL && needs_sessions(c, b)) {
		command_error(ev, c->cmd->name,
			      _("Sessions are not available here."));
		return -1;
	}

	struct rt_context ctx = {
		.cmd = c->cmd,
		.bind = b,
		.input = input,
		.output = out,
		.sessions = ev->o.sessions,
		.host = ev->host,
		.position = c->position,
		.interactive = ev->o.interactive,
		.in_endpoint = ev->o.endpoint,
		.report = ctx_report,
		.report_remote = ctx_report_remote,
		.report_record = ctx_report_record,
		.display_record = ctx_display_record,
		.ending = c->ending,
		.state = &c->state,
	};
	rt_handler_fn *run = c->ending ? rt_handler_find_end(c->cmd->name)
				       : rt_handler_find(c->cmd->name);
	if (run == NULL) {
		command_error(ev, c->cmd->name,
			      _("This command has no implementation."));
		rc = -1;
	} else {
		rc = run(&ctx) != 0 || ctx.failed ? -1 : 0;
	}
	return rc;
}

static bool
wants_help(const struct psh_node *cmd)
{
	for (size_t i = 1; i < cmd->nkids; i++)
		if (cmd->kids[i]->kind == PSH_PARAM &&
		    strcmp(cmd->kids[i]->text, "?") == 0)
			return true;
	return false;
}

/* Cmd -? and help NAME: Get-Help with NAME (and -Full for help). */
static int
run_help(struct psh_eval *ev, struct call *c, const char *name, bool full,
	 struct rt_value *out)
{
	c->cmd = meta_command_find("Get-Help");
	if (c->cmd == NULL)
		return -1;
	if (name) {
		call_release(c);
		c->args = NULL;
		c->nargs = c->cap = 0;
		call_add(c, "Name", rt_string(name), true);
	}
	if (full && c->nargs <= 1) {
		call_add(c, "Full", NULL, false);
		ev->help_paged = true;
	}
	return invoke_once(ev, c, NULL, out);
}

/* Ctrl-C or the client's CANCEL (rt_interrupt.h): the script ends quietly. */
static int
stop_requested(struct psh_eval *ev)
{
	ev->stopping = true;
	ev->last_ok = false;
	return -1;
}

/* After a terminating error, -ErrorAction Stop or Ctrl-C. */
static bool
pipeline_ended(const struct psh_eval *ev)
{
	return ev->pipeline_ends || ev->stopping;
}

/* Out-Host and Out-Default show records where they come; other
   commands never see them in their input. */
static bool
shows_records(const struct meta_command *cmd)
{
	return strcmp(cmd->name, "Out-Host") == 0 ||
	       strcmp(cmd->name, "Out-Default") == 0;
}

/* Runs one command of a pipeline over its input (NULL: first). */
static int
run_command(struct psh_eval *ev, const struct psh_node *node, int position,
	    struct rt_value *input, struct rt_value *out)
{
	struct call c = { .node = node, .position = position };
	int rc = 0;

	c.cmd = meta_command_find(node->text);
	if (wants_help(node)) {
		const char *name = c.cmd ? c.cmd->name : node->text;
		rc = run_help(ev, &c, name, false, out);
		call_release(&c);
		return rc;
	}
	call_build(ev, &c);
	if (c.cmd == NULL && strcasecmp(node->text, "help") == 0) {
		rc = run_help(ev, &c, NULL, true, out);
	} else if (c.cmd == NULL) {
		not_recognized(ev, node);
		rc = -1;
	} else if (input == NULL) {
		rc = invoke_once(ev, &c, NULL, out);
	} else {
		for (size_t i = 0; i < input->u.array.n && !pipeline_ended(ev);
		     i++) {
			struct rt_value *item = input->u.array.v[i];
			if (rt_interrupt_pending())
				rc = stop_requested(ev);
			else if (rt_stream_of(item) != RT_STREAM_NONE &&
				 !shows_records(c.cmd))
				rt_array_push(out, rt_value_ref(item));
			else if (invoke_once(ev, &c, item, out) != 0)
				rc = -1;
		}
	}
	if (!pipeline_ended(ev) && c.cmd && rt_handler_find_end(c.cmd->name)) {
		c.ending = true;
		if (invoke_once(ev, &c, NULL, out) != 0)
			rc = -1;
	}
	call_release(&c);
	return rc;
}

/*
 * PowerShell resolves every command of a pipeline before running any:
 * an unknown name fails the pipeline and nothing runs.
 */
static bool
resolve_pipeline(struct psh_eval *ev, const struct psh_node *p)
{
	for (size_t i = 0; i < p->nkids; i++) {
		const struct psh_node *k = p->kids[i];
		if (k->kind != PSH_COMMAND || wants_help(k) ||
		    meta_command_find(k->text) ||
		    strcasecmp(k->text, "help") == 0)
			continue;
		not_recognized(ev, k);
		return false;
	}
	return true;
}

/* Runs a pipeline; its output objects are appended to out. */
static int
run_pipeline(struct psh_eval *ev, const struct psh_node *p,
	     struct rt_value *out)
{
	struct rt_value *objects = NULL;
	bool ends = ev->pipeline_ends;
	size_t first = 0;
	int rc = 0;

	if (!resolve_pipeline(ev, p))
		return -1;
	ev->pipeline_ends = false;
	if (p->nkids && p->kids[0]->kind != PSH_COMMAND) {
		objects = rt_array_new();
		push_enumerated(objects, eval_value(ev, p->kids[0]));
		first = 1;
	}
	size_t stage = first;
	for (; stage < p->nkids && !pipeline_ended(ev); stage++) {
		struct rt_value *next = rt_array_new();
		if (run_command(ev, p->kids[stage], (int)stage + 1, objects,
				next) != 0)
			rc = -1;
		if (objects)
			rt_value_unref(objects);
		objects = next;
	}
	/* Objects that did not pass the rest of the pipeline are not its
	   output; the errors among them are shown. */
	if (stage < p->nkids && objects) {
		struct rt_value *records = rt_array_new();
		rt_stream_take(objects, records);
		rt_value_unref(objects);
		objects = records;
	}
	ev->pipeline_ends = ends;
	if (objects) {
		for (size_t i = 0; i < objects->u.array.n; i++)
			rt_array_push(out, rt_value_ref(objects->u.array.v[i]));
		rt_value_unref(objects);
	}
	return rc;
}

/* ---------- statements ---------- */

static void
print_run(struct psh_eval *ev, struct rt_value *const *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	if (n == 0)
		return;
	strbuf_init(&sb);
	psh_format_values(&sb, v, n);
	fwrite(sb.buf ? sb.buf : "", 1, sb.len, ev->o.out);
	fflush(ev->o.out);
	strbuf_release(&sb);
}

/* Output as the end of a pipeline shows it, records in their places;
   true if an error record was among them. */
static bool
print_values(struct psh_eval *ev, struct rt_value *a)
{
	size_t start = 0;
	bool errors = false;

	for (size_t i = 0; i < a->u.array.n; i++) {
		if (rt_stream_of(a->u.array.v[i]) == RT_STREAM_NONE)
			continue;
		print_run(ev, a->u.array.v + start, i - start);
		errors |= display_record(ev, a->u.array.v[i]);
		start = i + 1;
	}
	if (start < a->u.array.n) /* an empty array has no items pointer */
		print_run(ev, a->u.array.v + start, a->u.array.n - start);
	return errors;
}

static void pop_runspace(struct psh_eval *ev);

static int
run_statement(struct psh_eval *ev, const struct psh_node *st,
	      struct rt_value *sink)
{
	struct rt_value *out;
	int rc;

	if (st->kind == PSH_EXIT) {
		if (ev->pushed) {
			pop_runspace(ev);
		} else {
			ev->exited = true;
			ev->exit_code = st->nkids ? (int)st->kids[0]->num : 0;
		}
		return 0;
	}
	out = rt_array_new();
	if (st->kind == PSH_ASSIGN && st->kids[1]->nkids == 1 &&
	    st->kids[1]->kids[0]->kind != PSH_COMMAND) {
		/* $a = ,1 keeps the expression's value as it is */
		psh_eval_set(ev, st->kids[0]->text,
			     eval_value(ev, st->kids[1]->kids[0]));
		rc = 0;
	} else if (st->kind == PSH_ASSIGN) {
		struct rt_value *records = rt_array_new();
		rc = run_pipeline(ev, st->kids[1], out);
		rt_stream_take(out, records);
		for (size_t i = 0; i < records->u.array.n; i++)
			route_record(ev, records->u.array.v[i]);
		rt_value_unref(records);
		struct rt_value *v = out->u.array.n == 1
					     ? rt_value_ref(out->u.array.v[0])
				     : out->u.array.n == 0 ? rt_null()
							   : rt_value_ref(out);
		psh_eval_set(ev, st->kids[0]->text, v);
	} else {
		rc = run_pipeline(ev, st, out);
		if (sink)
			for (size_t i = 0; i < out->u.array.n; i++)
				rt_array_push(sink,
					      rt_value_ref(out->u.array.v[i]));
		else
			print_values(ev, out);
	}
	rt_value_unref(out);
	return rc;
}

/* Runs the statements of a parsed script; sink NULL prints output. */
static int
run_ast(struct psh_eval *ev, const struct psh_ast *ast, struct rt_value *sink)
{
	int rc = 0;

	for (size_t i = 0; i < ast->root->nkids && !ev->exited && !ev->stopping;
	     i++) {
		if (rt_interrupt_pending()) {
			rc = stop_requested(ev);
			break;
		}
		ev->failed = false;
		rc = run_statement(ev, ast->root->kids[i], sink);
		if (ev->failed)
			rc = -1;
		ev->last_ok = rc == 0;
	}
	return rc;
}

static int
run_source(struct psh_eval *ev, const char *src, size_t len, const char *file,
	   struct rt_value *sink)
{
	struct source saved = ev->src;
	struct rt_value *record_out = ev->record_out;
	struct psh_ast *ast = psh_parse(src, len);
	int rc;

	ev->src = (struct source){ src, len, file };
	ev->record_out = sink;
	if (ast->error) {
		char *msg = psh_error_message(
			ast->error, _(psh_error_template(ast->error->code)));
		char *text = psh_error_format(ast->error, src, len, file, msg);
		emit_error_text(ev, text);
		free(text);
		free(msg);
		rc = -1;
	} else {
		rc = run_ast(ev, ast, sink);
	}
	psh_ast_free(ast);
	ev->src = saved;
	ev->record_out = record_out;
	return rc;
}

int
psh_eval_run(struct psh_eval *ev, const char *src, size_t len, const char *file)
{
	int rc = run_source(ev, src, len, file, NULL) ? 1 : 0;

	ev->stopping = false; /* the next REPL line runs again */
	return rc;
}

/* ---------- host: runspaces, script blocks ---------- */

static void
pop_runspace(struct psh_eval *ev)
{
	struct rt_session *s = ev->pushed;
	char *err = NULL;

	if (s == NULL)
		return;
	ev->pushed = NULL;
	if (ev->pushed_temporary && session_remove(s, &err) != 0)
		free(err);
}

static int
host_push(struct rt_context *ctx, struct rt_session *s, bool temporary)
{
	struct psh_eval *ev = ctx->host->cookie;

	if (ctx->in_endpoint || ev->depth > 0) {
		rt_exec_error(ctx, "%s",
			      _("Enter-PSSession works only at the "
				"interactive prompt."));
		if (temporary) {
			char *err = NULL;
			if (session_remove(s, &err) != 0)
				free(err);
		}
		return -1;
	}
	pop_runspace(ev);
	ev->pushed = s;
	ev->pushed_temporary = temporary;
	return 0;
}

static void
host_pop(struct rt_context *ctx)
{
	pop_runspace(ctx->host->cookie);
}

/* Script blocks inside script blocks end at MAX_DEPTH (reported). */
static bool
too_deep(struct rt_context *ctx)
{
	struct psh_eval *ev = ctx->host->cookie;

	if (ev->depth < MAX_DEPTH)
		return false;
	rt_exec_error(ctx, "%s", _("Script blocks are nested too deeply."));
	return true;
}

static int
host_invoke_local(struct rt_context *ctx, const char *script,
		  struct rt_value *args, struct rt_value *input)
{
	struct psh_eval *ev = ctx->host->cookie;
	struct rt_value *old_args = var_get(ev, "args");
	struct rt_value *old_input = var_get(ev, "input");
	bool failed = ev->failed;
	int rc;

	if (too_deep(ctx)) {
		rt_value_unref(old_args);
		rt_value_unref(old_input);
		return -1;
	}
	/* A child scope unless -NoNewScope: its assignments end with it. */
	bool child = !(ctx->bind && rt_binding_switch(ctx->bind, "NoNewScope"));
	psh_eval_set(ev, "args", args ? rt_value_ref(args) : rt_array_new());
	psh_eval_set(ev, "input", input ? rt_value_ref(input) : rt_array_new());
	if (child)
		scope_enter(ev);
	ev->depth++;
	rc = run_source(ev, script, strlen(script), NULL, ctx->output);
	ev->depth--;
	if (child)
		scope_leave(ev);
	psh_eval_set(ev, "args", old_args);
	psh_eval_set(ev, "input", old_input);
	if (ev->failed)
		ctx->failed = true;
	ev->failed = failed || ev->failed;
	return rc;
}

static int
host_invoke_block(struct rt_context *ctx, const char *script,
		  struct rt_value *item, struct rt_value *args,
		  struct rt_value *output)
{
	struct psh_eval *ev = ctx->host->cookie;
	struct rt_value *old_item = var_get(ev, "_");
	struct rt_value *old_args = var_get(ev, "args");
	bool failed = ev->failed;
	int rc;

	if (too_deep(ctx)) {
		rt_value_unref(old_item);
		rt_value_unref(old_args);
		return -1;
	}
	if (item) {
		psh_eval_set(ev, "_", rt_value_ref(item));
		psh_eval_set(ev, "PSItem", rt_value_ref(item));
	}
	psh_eval_set(ev, "args", args ? rt_value_ref(args) : rt_array_new());
	ev->depth++;
	ev->failed = false;
	rc = run_source(ev, script, strlen(script), NULL, output);
	ev->depth--;
	if (item) {
		psh_eval_set(ev, "PSItem", rt_value_ref(old_item));
		psh_eval_set(ev, "_", old_item);
	} else {
		rt_value_unref(old_item);
	}
	psh_eval_set(ev, "args", old_args);
	if (ev->failed || rc != 0)
		ctx->failed = true;
	ev->failed = failed || ev->failed;
	return ctx->failed ? -1 : 0;
}

static int
host_help(struct rt_context *ctx)
{
	struct psh_eval *ev = ctx->host->cookie;
	bool paged = ev->help_paged;

	ev->help_paged = false;
	if (ev->o.help == NULL) {
		rt_exec_error(ctx, "%s", _("Help is not available here."));
		return 1;
	}
	return ev->o.help(ctx, paged, ev->o.help_cookie);
}

static const struct rt_host host_template = {
	.push_runspace = host_push,
	.pop_runspace = host_pop,
	.invoke_local = host_invoke_local,
	.invoke_block = host_invoke_block,
	.get_help = host_help,
};

/* ---------- the REPL's view ---------- */

/* True if the line is `exit` or Exit-PSSession alone. */
static bool
leaves_session(const char *src, size_t len)
{
	struct psh_ast *ast = psh_parse(src, len);
	bool leave = false;

	if (ast->root && ast->root->nkids == 1) {
		const struct psh_node *st = ast->root->kids[0];
		if (st->kind == PSH_EXIT) {
			leave = true;
		} else if (st->kind == PSH_PIPELINE && st->nkids == 1 &&
			   st->kids[0]->kind == PSH_COMMAND) {
			const struct meta_command *c =
				meta_command_find(st->kids[0]->text);
			leave = c && strcmp(c->name, "Exit-PSSession") == 0 &&
				!wants_help(st->kids[0]);
		}
	}
	psh_ast_free(ast);
	return leave;
}

static int
remote_line(struct psh_eval *ev, const char *src, size_t len)
{
	struct session_result res = { 0 };
	char *err = NULL;
	char *script = xstrndup(src, len);
	int rc = session_invoke(ev->pushed, script, &res, &err);

	free(script);
	if (rc != 0) {
		emit_error_text(ev, err);
		free(err);
		/* A broken session is left, as PowerShell's host does. */
		if (session_state(ev->pushed) != SESSION_OPENED)
			pop_runspace(ev);
		return 1;
	}
	bool failed = res.error != NULL;
	if (res.output && print_values(ev, res.output))
		failed = ev->failed = true;
	if (res.error)
		emit_error_text(ev, res.error);
	session_result_release(&res);
	return failed ? 1 : 0;
}

int
psh_eval_line(struct psh_eval *ev, const char *src, size_t len)
{
	if (ev->pushed == NULL)
		return psh_eval_run(ev, src, len, NULL);
	if (leaves_session(src, len)) {
		pop_runspace(ev);
		return 0;
	}
	return remote_line(ev, src, len);
}

bool
psh_eval_in_session(const struct psh_eval *ev)
{
	return ev->pushed != NULL;
}

char *
psh_eval_prompt(const struct psh_eval *ev)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	if (ev->pushed) {
		const char *cn = session_computer(ev->pushed);
		strbuf_addch(&sb, '[');
		utf8_neutralize(&sb, cn, strlen(cn), false);
		strbuf_addstr(&sb, "]: ");
	}
	strbuf_addstr(&sb, "PS> ");
	return strbuf_detach(&sb, NULL);
}

bool
psh_eval_exited(const struct psh_eval *ev, int *code)
{
	if (ev->exited && code)
		*code = ev->exit_code;
	return ev->exited;
}

/* ---------- endpoint ---------- */

void
psh_eval_endpoint_set(void *cookie, const char *name, struct rt_value *v)
{
	psh_eval_set(cookie, name, v);
}

int
psh_eval_endpoint_exec(void *cookie, const char *script,
		       struct rt_value **output, char **error)
{
	struct psh_eval *ev = cookie;
	struct rt_value *out = rt_array_new();

	/* Errors are records in the output, in their places (rt_stream.h):
	   *error stays for a script that cannot run at all. */
	(void)error;
	ev->exited = false;
	run_source(ev, script, strlen(script), NULL, out);
	ev->exited = false;
	ev->stopping = false;
	*output = out;
	return 0;
}

/* ---------- life cycle ---------- */

struct psh_eval *
psh_eval_new(const struct psh_eval_options *o)
{
	struct psh_eval *ev = xcalloc(1, sizeof(*ev));
	struct rt_host *h = xmalloc(sizeof(*h));

	ev->o = *o;
	*h = host_template;
	h->cookie = ev;
	ev->host = h;
	ev->last_ok = true;
	ev->verbose = -1;
	/* automatic variables */
	const char *home = getenv("HOME");
	psh_eval_set(ev, "HOME", rt_string(home ? home : ""));
	psh_eval_set(ev, "PID", rt_int((int64_t)getpid()));
	return ev;
}

void
psh_eval_free(struct psh_eval *ev)
{
	if (ev == NULL)
		return;
	pop_runspace(ev);
	for (size_t i = 0; i < ev->nvars; i++) {
		free(ev->vars[i].name);
		rt_value_unref(ev->vars[i].value);
	}
	free(ev->vars);
	free(ev->slots);
	while (ev->nframes)
		scope_leave(ev);
	free(ev->saves);
	free(ev->frames);
	free((void *)ev->host);
	free(ev);
}
