/* SPDX-License-Identifier: MIT */
/*
 * The report of a validate run.  Diagnostics are copied as they come
 * (the diag_ctx's message buffer does not outlive the call), then sorted,
 * filtered and printed.  JSON is written here by hand: Jansson belongs
 * to src/meta, and the output needs only strings and numbers in a fixed
 * key order.
 */
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define BASELINE_HEADER "# pshelp baseline 1"
#define SARIF_SCHEMA                                                           \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"          \
	"schemas/sarif-schema-2.1.0.json"
#define TOOL_URI "man:pshelp(1)"

struct entry {
	char *file; /* "" when the diagnostic has no file */
	uint32_t line, col;
	enum diag_id id;
	enum diag_level level;
	char *message;
	char *message_c; /* untranslated: baselines match it in any language */
	char *detail;	 /* NULL when none */
	bool dropped;	 /* recorded in the baseline */
};

struct report {
	struct entry *v;
	size_t n, cap;
	bool sorted;
};

struct report *
report_new(void)
{
	return xcalloc(1, sizeof(struct report));
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].message);
		free(r->v[i].message_c);
		free(r->v[i].detail);
	}
	free(r->v);
	free(r);
}

void
report_sink(void *cookie, const struct diag *d)
{
	struct report *r = cookie;
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	r->v[r->n++] = (struct entry){
		.file = xstrdup(d->file ? d->file : ""),
		.line = d->line,
		.col = d->line ? (d->col ? d->col : 1) : 0,
		.id = d->id,
		.level = d->level,
		.message = xstrdup(d->message ? d->message : ""),
		.message_c = xstrdup(d->message_c ? d->message_c
				     : d->message ? d->message
						  : ""),
		.detail = d->detail ? xstrdup(d->detail) : NULL,
	};
	r->sorted = false;
}

size_t
report_count(const struct report *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += !r->v[i].dropped;
	return n;
}

static int
cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c;
	if ((c = strcmp(a->file, b->file)) != 0)
		return c;
	if ((c = cmp_u32(a->line, b->line)) != 0)
		return c;
	if ((c = cmp_u32(a->col, b->col)) != 0)
		return c;
	if ((c = strcmp(diag_slug(a->id), diag_slug(b->id))) != 0)
		return c;
	if ((c = strcmp(a->message, b->message)) != 0)
		return c;
	/* Same place, same text: keep qsort's result stable anyway. */
	return strcmp(a->detail ? a->detail : "", b->detail ? b->detail : "");
}

void
report_sort(struct report *r)
{
	if (!r->sorted && r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), cmp_entry);
	r->sorted = true;
}

/* ---------- baseline ---------- */

static void
add_escaped_field(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_addstr(sb, "\\\\");
		else if (*s == '\t')
			strbuf_addstr(sb, "\\t");
		else if (*s == '\n')
			strbuf_addstr(sb, "\\n");
		else if (*s == '\r')
			strbuf_addstr(sb, "\\r");
		else
			strbuf_addch(sb, *s);
	}
}

static void
add_baseline_key(struct strbuf *sb, const char *file, const char *slug,
		 const char *message)
{
	add_escaped_field(sb, file);
	strbuf_addch(sb, '\t');
	add_escaped_field(sb, slug);
	strbuf_addch(sb, '\t');
	add_escaped_field(sb, message);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The baseline line of every kept entry, malloc'd, in byte order. */
static char **
baseline_keys(const struct report *r, size_t *n)
{
	char **keys = xcalloc(r->n + 1, sizeof(char *));
	struct strbuf sb = STRBUF_INIT;
	*n = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].dropped)
			continue;
		strbuf_init(&sb);
		add_baseline_key(&sb, r->v[i].file, diag_slug(r->v[i].id),
				 r->v[i].message_c);
		keys[(*n)++] = strbuf_detach(&sb, NULL);
	}
	qsort(keys, *n, sizeof(char *), cmp_str);
	return keys;
}

char *
report_baseline_text(const struct report *r)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;
	char **keys = baseline_keys(r, &n);
	strbuf_init(&sb);
	strbuf_addstr(&sb, BASELINE_HEADER "\n");
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s\n", keys[i]);
		free(keys[i]);
	}
	free(keys);
	return strbuf_detach(&sb, NULL);
}

/* A line of the file has three fields and only known escapes. */
static bool
baseline_line_ok(const char *s, size_t n)
{
	size_t tabs = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t')
			tabs++;
		else if (s[i] == '\\') {
			if (i + 1 == n || !strchr("\\tnr", s[i + 1]))
				return false;
			i++;
		}
	}
	return tabs == 2;
}

/* The first index of sorted v whose string is not below key. */
static size_t
lower_bound(char *const *v, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
report_apply_baseline(struct report *r, const char *text, size_t len, char *why,
		      size_t whylen)
{
	size_t hlen = strlen(BASELINE_HEADER);
	if (len < hlen || memcmp(text, BASELINE_HEADER, hlen) != 0 ||
	    (len > hlen && text[hlen] != '\n' && text[hlen] != '\r')) {
		snprintf(why, whylen, "first line is not '%s'",
			 BASELINE_HEADER);
		return false;
	}
	/* The recorded lines, to be used up one match at a time. */
	size_t nrec = 0, cap = 0;
	char **rec = NULL;
	unsigned lineno = 1;
	for (const char *s = memchr(text, '\n', len), *end = text + len;
	     s && s + 1 < end;) {
		const char *line = s + 1;
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
		lineno++;
		if (n && line[n - 1] == '\r')
			n--;
		if (n && line[0] != '#') {
			if (!baseline_line_ok(line, n) ||
			    memchr(line, '\0', n)) {
				snprintf(why, whylen,
					 "line %u is not 'file TAB slug TAB "
					 "message'",
					 lineno);
				for (size_t i = 0; i < nrec; i++)
					free(rec[i]);
				free(rec);
				return false;
			}
			rec = xgrow(rec, &cap, nrec + 1, sizeof(char *));
			rec[nrec++] = xstrndup(line, n);
		}
		s = nl;
	}
	qsort(rec, nrec, sizeof(char *), cmp_str);
	bool *used = xcalloc(nrec + 1, sizeof(bool));
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	for (size_t i = 0; i < r->n; i++) {
		strbuf_reset(&sb);
		add_baseline_key(&sb, r->v[i].file, diag_slug(r->v[i].id),
				 r->v[i].message_c);
		/* The first unused record with this text: a multiset. */
		for (size_t k = lower_bound(rec, nrec, sb.buf);
		     k < nrec && strcmp(rec[k], sb.buf) == 0; k++)
			if (!used[k]) {
				used[k] = r->v[i].dropped = true;
				break;
			}
	}
	strbuf_release(&sb);
	for (size_t i = 0; i < nrec; i++)
		free(rec[i]);
	free(rec);
	free(used);
	return true;
}

void
report_drop_all(struct report *r)
{
	for (size_t i = 0; i < r->n; i++)
		r->v[i].dropped = true;
}

/* ---------- output ---------- */

static bool
shown(const struct entry *e, enum diag_level threshold)
{
	return !e->dropped && e->level >= threshold;
}

static void
add_json_string(struct strbuf *sb, const char *s)
{
	utf8_json_string(sb, s, s ? strlen(s) : 0);
}

static void
print_text(const struct report *r, enum diag_level threshold, FILE *f)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->v[i];
		if (!shown(e, threshold))
			continue;
		struct diag d = { .id = e->id,
				  .level = e->level,
				  .file = *e->file ? e->file : NULL,
				  .line = e->line,
				  .col = e->col,
				  .message = e->message,
				  .detail = e->detail };
		char *s = diag_to_string(&d);
		fprintf(f, "%s\n", s);
		free(s);
	}
}

static void
print_json(const struct report *r, enum diag_level threshold, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addch(&sb, '[');
	const char *sep = "\n";
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->v[i];
		if (!shown(e, threshold))
			continue;
		strbuf_addf(&sb, "%s  {\"file\": ", sep);
		add_json_string(&sb, e->file);
		strbuf_addf(&sb, ", \"line\": %u, \"column\": %u, \"level\": ",
			    (unsigned)e->line, (unsigned)e->col);
		add_json_string(&sb, diag_level_key(e->level));
		strbuf_addstr(&sb, ", \"id\": ");
		add_json_string(&sb, diag_slug(e->id));
		strbuf_addstr(&sb, ", \"message\": ");
		add_json_string(&sb, e->message);
		strbuf_addstr(&sb, ", \"detail\": ");
		if (e->detail)
			add_json_string(&sb, e->detail);
		else
			strbuf_addstr(&sb, "null");
		strbuf_addch(&sb, '}');
		sep = ",\n";
	}
	strbuf_addstr(&sb, *sep == ',' ? "\n]\n" : "]\n");
	fwrite(sb.buf, 1, sb.len, f);
	strbuf_release(&sb);
}

static const char *
sarif_level(enum diag_level level)
{
	switch (level) {
	case DIAGL_STYLE:
		return "note";
	case DIAGL_WARNING:
		return "warning";
	default:
		return "error";
	}
}

/* A relative URI reference: bytes outside RFC 3986's unreserved set
   and '/' are percent-encoded. */
static void
add_uri(struct strbuf *sb, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			strbuf_addch(sb, (char)*p);
		else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[*p >> 4]);
			strbuf_addch(sb, hex[*p & 15]);
		}
	}
}

/* rules[]: the table's entries that some shown result uses, in table
   order; index[id] is the rule's position, or -1. */
static void
sarif_rules(const struct report *r, enum diag_level threshold,
	    struct strbuf *sb, int *index)
{
	bool used[DIAG__COUNT] = { false };
	for (size_t i = 0; i < r->n; i++)
		if (shown(&r->v[i], threshold))
			used[r->v[i].id] = true;
	int n = 0;
	const char *sep = "\n";
	strbuf_addstr(sb, "      \"rules\": [");
	for (int id = 0; id < DIAG__COUNT; id++) {
		index[id] = used[id] ? n++ : -1;
		if (!used[id])
			continue;
		strbuf_addf(sb, "%s        {\"id\": ", sep);
		add_json_string(sb, diag_slug((enum diag_id)id));
		strbuf_addstr(sb, ", \"shortDescription\": {\"text\": ");
		add_json_string(sb, diag_format((enum diag_id)id));
		strbuf_addstr(sb, "}, \"defaultConfiguration\": {\"level\": ");
		add_json_string(sb,
				sarif_level(diag_level_of((enum diag_id)id)));
		strbuf_addstr(sb, "}}");
		sep = ",\n";
	}
	strbuf_addstr(sb, *sep == ',' ? "\n      ]\n" : "]\n");
}

static void
sarif_result(struct strbuf *sb, const struct entry *e, int rule)
{
	strbuf_addstr(sb, "      {\"ruleId\": ");
	add_json_string(sb, diag_slug(e->id));
	strbuf_addf(sb, ", \"ruleIndex\": %d, \"level\": \"%s\",\n", rule,
		    sarif_level(e->level));
	struct strbuf text = STRBUF_INIT;
	strbuf_init(&text);
	strbuf_addstr(&text, e->message);
	if (e->detail)
		strbuf_addf(&text, "\n%s", e->detail);
	strbuf_addstr(sb, "       \"message\": {\"text\": ");
	add_json_string(sb, text.buf);
	strbuf_release(&text);
	strbuf_addstr(sb, "}");
	if (*e->file) {
		struct strbuf uri = STRBUF_INIT;
		strbuf_init(&uri);
		add_uri(&uri, e->file);
		strbuf_addstr(
			sb, ",\n       \"locations\": [{\"physicalLocation\": "
			    "{\"artifactLocation\": {\"uri\": ");
		add_json_string(sb, uri.buf);
		strbuf_release(&uri);
		strbuf_addch(sb, '}');
		if (e->line)
			strbuf_addf(sb,
				    ", \"region\": {\"startLine\": %u, "
				    "\"startColumn\": %u}",
				    (unsigned)e->line, (unsigned)e->col);
		strbuf_addstr(sb, "}}]");
	}
	strbuf_addch(sb, '}');
}

static void
print_sarif(const struct report *r, enum diag_level threshold, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	int index[DIAG__COUNT];
	strbuf_init(&sb);
	strbuf_addstr(&sb, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n"
			   "  \"version\": \"2.1.0\",\n"
			   "  \"runs\": [{\n"
			   "    \"tool\": {\"driver\": {\n"
			   "      \"name\": \"pshelp\",\n"
			   "      \"informationUri\": \"" TOOL_URI "\",\n");
	sarif_rules(r, threshold, &sb, index);
	strbuf_addstr(&sb, "    }},\n    \"results\": [");
	const char *sep = "\n";
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->v[i];
		if (!shown(e, threshold))
			continue;
		strbuf_addstr(&sb, sep);
		sarif_result(&sb, e, index[e->id]);
		sep = ",\n";
	}
	strbuf_addstr(&sb, *sep == ',' ? "\n    ]\n" : "]\n");
	strbuf_addstr(&sb, "  }]\n}\n");
	fwrite(sb.buf, 1, sb.len, f);
	strbuf_release(&sb);
}

void
report_print(struct report *r, enum report_format format,
	     enum diag_level threshold, FILE *f)
{
	report_sort(r);
	switch (format) {
	case REPORT_JSON:
		print_json(r, threshold, f);
		break;
	case REPORT_SARIF:
		print_sarif(r, threshold, f);
		break;
	default:
		print_text(r, threshold, f);
		break;
	}
}

int
report_exit_status(const struct report *r, enum diag_level threshold)
{
	enum diag_level worst = DIAGL_OK;
	for (size_t i = 0; i < r->n; i++)
		if (shown(&r->v[i], threshold) && r->v[i].level > worst)
			worst = r->v[i].level;
	return (int)worst;
}
