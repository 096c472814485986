/* SPDX-License-Identifier: MIT */
/*
 * PO catalogs through libgettextpo: reading one into a table keyed by
 * msgctxt and msgid, and writing a .pot or .po from units.  libgettextpo
 * cannot set a flag it does not know as a format, so the `md-text` flag
 * Weblate reads is added to its output line by line.
 */
#include "l10n_po.h"

#include <errno.h>
#include <gettext-po.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Catalogs larger than this are refused before libgettextpo reads them. */
#define PO_MAX_BYTES ((size_t)64 << 20)

/* ---------- errors from libgettextpo ---------- */

/* libgettextpo's handlers get no cookie: the read in progress. */
static _Thread_local struct {
	struct diag_ctx *dx;
	unsigned errors;
	jmp_buf fatal;
} reading;

static void
po_error(int severity, po_message_t message, const char *filename,
	 size_t lineno, size_t column, int multiline, const char *text)
{
	(void)message;
	(void)filename;
	(void)multiline;
	char *one = xstrdup(text ? text : "");
	one[strcspn(one, "\n")] = '\0';
	uint32_t line = lineno == (size_t)-1 ? 0 : (uint32_t)lineno;
	uint32_t col = column == (size_t)-1 ? 0 : (uint32_t)column + 1;
	if (severity == PO_SEVERITY_WARNING) {
		diag_report(reading.dx, DIAG_PO_WARNING, line, col, one);
	} else {
		diag_report(reading.dx, DIAG_PO_SYNTAX, line, col, one);
		reading.errors++;
	}
	free(one);
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(reading.fatal, 1);
}

static void
po_error2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
	  int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
	  size_t c2, int ml2, const char *t2)
{
	(void)m2;
	(void)f2;
	(void)l2;
	(void)c2;
	(void)ml2;
	(void)t2;
	po_error(severity, m1, f1, l1, c1, ml1, t1);
}

static const struct po_xerror_handler handler = { po_error, po_error2 };

/* ---------- libgettextpo's UTF-8 fast path ---------- */

/*
 * libgettextpo finds the characters of every string it reads or writes
 * with one iconv() call per character (a third of a catalog's reading or
 * writing time), for legacy double-byte charsets whose trail byte can be a
 * backslash.  No UTF-8 sequence holds that byte, so for UTF-8 and ASCII
 * its old-format switches give the same bytes without iconv
 * (test_writer_matches_msgcat in tests/l10n/run-l10n.py compares them).
 */
struct env_saved {
	const char *name;
	char *value; /* NULL when it was unset */
};

static void
env_push(struct env_saved *e, const char *name)
{
	const char *v = getenv(name);
	e->name = name;
	e->value = v ? xstrdup(v) : NULL;
	setenv(name, "1", 1);
}

static void
env_pop(struct env_saved *e)
{
	if (e->value)
		setenv(e->name, e->value, 1);
	else
		unsetenv(e->name);
	free(e->value);
}

/* Whether the first charset the catalog names is UTF-8 or ASCII (or it
   names none, as a bare template may). */
static bool
declares_utf8(const char *buf, size_t len)
{
	static const char key[] = "charset=";
	const char *end = buf + len;
	for (const char *s = buf; (size_t)(end - s) >= sizeof(key) - 1; s++) {
		s = memchr(s, 'c', (size_t)(end - s));
		if (s == NULL || (size_t)(end - s) < sizeof(key) - 1)
			break;
		if (memcmp(s, key, sizeof(key) - 1) != 0)
			continue;
		const char *cs = s + sizeof(key) - 1;
		size_t n = 0;
		while (cs + n < end && !strchr(" ;\\\"\n", cs[n]))
			n++;
		return (n == 5 && strncasecmp(cs, "UTF-8", 5) == 0) ||
		       (n == 5 && strncasecmp(cs, "ASCII", 5) == 0) ||
		       (n == 7 && strncmp(cs, "CHARSET", 7) == 0);
	}
	return true;
}

/*
 * po_file_read() and po_file_write() that return NULL on a fatal error
 * (reading is set).  Kept out of line: nothing of their callers' may
 * live across the setjmp.
 */
static __attribute__((noinline)) po_file_t
guarded_read(const char *path)
{
	po_file_t volatile f = NULL;
	if (setjmp(reading.fatal) == 0)
		f = po_file_read(path, &handler);
	return f;
}

static __attribute__((noinline)) po_file_t
guarded_write(po_file_t f, const char *path)
{
	po_file_t volatile written = NULL;
	if (setjmp(reading.fatal) == 0)
		written = po_file_write(f, path, &handler);
	return written;
}

static po_file_t
read_catalog_file(const char *path, bool utf8)
{
	struct env_saved fast;
	if (utf8)
		env_push(&fast, "OLD_PO_FILE_INPUT");
	po_file_t f = guarded_read(path);
	if (utf8)
		env_pop(&fast);
	return f;
}

/* Writes a catalog whose header says UTF-8. */
static po_file_t
write_catalog_file(po_file_t f, const char *path)
{
	struct env_saved fast;
	env_push(&fast, "OLD_PO_FILE_OUTPUT");
	po_file_t written = guarded_write(f, path);
	env_pop(&fast);
	return written;
}

/* ---------- the table ---------- */

static uint64_t
hash_key(const char *ctx, const char *id)
{
	uint64_t h = 1469598103934665603ull;
	for (const char *s = ctx ? ctx : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	h = (h ^ 4) * 1099511628211ull;
	for (const char *s = id; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static bool
same_key(const struct l10n_entry *e, const char *ctx, const char *id)
{
	return strcmp(e->msgctxt ? e->msgctxt : "", ctx ? ctx : "") == 0 &&
	       strcmp(e->msgid, id) == 0;
}

static void
index_entries(struct l10n_catalog *cat)
{
	cat->nslots = 16;
	while (cat->nslots < cat->n * 2)
		cat->nslots *= 2;
	cat->slots = xcalloc(cat->nslots, sizeof(*cat->slots));
	for (size_t i = 0; i < cat->n; i++) {
		size_t s = hash_key(cat->v[i].msgctxt, cat->v[i].msgid) &
			   (cat->nslots - 1);
		while (cat->slots[s])
			s = (s + 1) & (cat->nslots - 1);
		cat->slots[s] = i + 1;
	}
}

void
l10n_catalog_add(struct l10n_catalog *cat, const char *msgctxt,
		 const char *msgid, const char *msgstr, bool fuzzy)
{
	cat->v = xgrow(cat->v, &cat->cap, cat->n + 1, sizeof(*cat->v));
	cat->v[cat->n++] = (struct l10n_entry){
		.msgctxt = msgctxt ? xstrdup(msgctxt) : NULL,
		.msgid = xstrdup(msgid),
		.msgstr = xstrdup(msgstr),
		.fuzzy = fuzzy,
	};
	free(cat->slots); /* indexed again when next asked */
	cat->slots = NULL;
	cat->nslots = 0;
}

struct l10n_entry *
l10n_catalog_find(struct l10n_catalog *cat, const char *msgctxt,
		  const char *msgid)
{
	if (cat->nslots == 0 && cat->n > 0)
		index_entries(cat);
	if (cat->nslots == 0)
		return NULL;
	size_t s = hash_key(msgctxt, msgid) & (cat->nslots - 1);
	for (; cat->slots[s]; s = (s + 1) & (cat->nslots - 1)) {
		struct l10n_entry *e = &cat->v[cat->slots[s] - 1];
		if (same_key(e, msgctxt, msgid))
			return e;
	}
	return NULL;
}

void
l10n_catalog_release(struct l10n_catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		free(cat->v[i].msgctxt);
		free(cat->v[i].msgid);
		free(cat->v[i].msgstr);
	}
	free(cat->v);
	free(cat->slots);
	free(cat->language);
	memset(cat, 0, sizeof(*cat));
}

/* ---------- reading ---------- */

/* The charset the header declares, or NULL (caller frees). */
static char *
header_charset(const char *header)
{
	char *ct = header ? po_header_field(header, "Content-Type") : NULL;
	char *cs = ct ? strstr(ct, "charset=") : NULL;
	char *r = cs ? xstrndup(cs + 8, strcspn(cs + 8, " ;\n")) : NULL;
	free(ct);
	return r;
}

static bool
charset_ok(po_file_t f, struct diag_ctx *dx)
{
	char *header = (char *)po_file_domain_header(f, NULL); /* a copy */
	char *cs = header_charset(header);
	free(header);
	bool ok = cs == NULL || strcasecmp(cs, "UTF-8") == 0 ||
		  strcasecmp(cs, "ASCII") == 0 || strcmp(cs, "CHARSET") == 0;
	if (!ok)
		diag_report(dx, DIAG_PO_CHARSET, 1, 1, cs);
	free(cs);
	return ok;
}

/* The lines of the messages being read (msgid_lines()), in order. */
struct numbering {
	const uint32_t *v;
	size_t n, next;
};

/*
 * Valid UTF-8 without C0 (but tab and line feed), DEL or C1 controls.
 * Bidi marks stay allowed: a right-to-left language's text needs them,
 * and whatever reaches a terminal is neutralized there.
 */
static bool
text_ok(const char *s)
{
	size_t len = strlen(s);
	if (utf8_first_invalid(s, len) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
		    (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0))
			return false;
	}
	return true;
}

static bool
add_message(struct l10n_catalog *cat, po_message_t m, struct numbering *nb,
	    struct diag_ctx *dx)
{
	const char *id = po_message_msgid(m);
	if (id == NULL || *id == '\0' || po_message_is_obsolete(m))
		return true; /* the header, or a unit the page lost */
	po_filepos_t fp = po_message_filepos(m, 0);
	uint32_t ref = fp ? (uint32_t)po_filepos_start_line(fp) : 0;
	uint32_t line = nb->next < nb->n ? nb->v[nb->next] : 0;
	nb->next++;
	if (po_message_msgid_plural(m)) {
		diag_report(dx, DIAG_PO_PLURAL, line, 1, id);
		return false;
	}
	const char *str = po_message_msgstr(m);
	if (!text_ok(id) || (str && !text_ok(str))) {
		diag_report(dx, DIAG_PO_SYNTAX, line, 1,
			    _("a message holds invalid UTF-8 or a control "
			      "character"));
		return false;
	}
	l10n_catalog_add(cat, po_message_msgctxt(m), id, str ? str : "",
			 po_message_is_fuzzy(m) != 0);
	cat->v[cat->n - 1].line = ref;
	cat->v[cat->n - 1].po_line = line;
	return true;
}

static bool
read_messages(po_file_t f, struct l10n_catalog *cat, struct numbering *nb,
	      struct diag_ctx *dx)
{
	bool ok = true;
	const char *const *domains = po_file_domains(f);
	for (size_t d = 0; domains && domains[d]; d++) {
		po_message_iterator_t it = po_message_iterator(f, domains[d]);
		for (po_message_t m; (m = po_next_message(it)) != NULL;)
			ok &= add_message(cat, m, nb, dx);
		po_message_iterator_free(it);
	}
	char *header = (char *)po_file_domain_header(f, NULL); /* a copy */
	char *lang = header ? po_header_field(header, "Language") : NULL;
	free(header);
	if (lang && *lang)
		cat->language = lang;
	else
		free(lang);
	return ok;
}

/*
 * Each entry's line in the catalog: libgettextpo keeps none, but it
 * reads messages in file order, and a message that was read starts its
 * msgid on a line of its own ("#~ msgid" lines are obsolete ones).
 */
/*
 * The line of each message's msgid in the catalog, in file order:
 * libgettextpo keeps no lines, but it reads messages in file order, and a
 * message that was read starts its msgid on a line of its own ("#~ msgid"
 * lines are obsolete ones; the header's msgid is empty with its msgstr
 * on the next line).  malloc'd, *n entries.
 */
static uint32_t *
msgid_lines(const char *text, size_t *n)
{
	size_t cap = 0;
	uint32_t *v = NULL, line = 1;
	*n = 0;
	for (const char *s = text; s && *s; line++) {
		const char *nl = strchr(s, '\n');
		const char *next = nl ? nl + 1 : NULL;
		bool header = next && strncmp(s, "msgid \"\"", 8) == 0 &&
			      (s[8] == '\n' || (s[8] == '\r' && s[9] == '\n')) &&
			      strncmp(next, "msgstr", 6) == 0;
		if (strncmp(s, "msgid ", 6) == 0 && !header) {
			v = xgrow(v, &cap, *n + 1, sizeof(*v));
			v[(*n)++] = line;
		}
		s = next;
	}
	return v;
}

/*
 * A private file holding buf, for libgettextpo, which reads only by file
 * name: it then reads exactly the bytes that were checked, and a FIFO
 * or a pipe is never opened twice.  NULL (errno set) on failure.
 */
static char *
temp_copy(const char *buf, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/pshelp-po-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int saved = errno;
	if (close(fd) != 0 || done < len) {
		unlink(path);
		free(path);
		errno = saved ? saved : EIO;
		return NULL;
	}
	return path;
}

int
l10n_catalog_read(const char *path, struct l10n_catalog *cat,
		  struct diag_ctx *dx)
{
	char *buf = NULL;
	size_t len = 0;
	memset(cat, 0, sizeof(*cat));
	int err = file_read_all(path, PO_MAX_BYTES, &buf, &len);
	if (err) {
		diag_report(dx, DIAG_PO_READ_FAILED, 0, 0, file_strerror(err));
		return -1;
	}
	if (len > PO_MAX_BYTES) {
		free(buf);
		diag_report(dx, DIAG_PO_TOO_LARGE, 0, 0, PO_MAX_BYTES);
		return -1;
	}
	char *copy = temp_copy(buf, len);
	if (copy == NULL) {
		diag_report(dx, DIAG_PO_READ_FAILED, 0, 0, strerror(errno));
		free(buf);
		return -1;
	}
	reading.dx = dx;
	reading.errors = 0;
	po_file_t f = read_catalog_file(copy, declares_utf8(buf, len));
	unlink(copy);
	free(copy);
	if (f == NULL || reading.errors) {
		if (f)
			po_file_free(f);
		if (!reading.errors)
			diag_report(dx, DIAG_PO_SYNTAX, 0, 0,
				    _("libgettextpo could not read it"));
		free(buf);
		return -1;
	}
	struct numbering nb = { 0 };
	uint32_t *lines = msgid_lines(buf, &nb.n);
	nb.v = lines;
	bool ok = charset_ok(f, dx) && read_messages(f, cat, &nb, dx);
	free(lines);
	free(buf);
	po_file_free(f);
	if (!ok) {
		l10n_catalog_release(cat);
		return -1;
	}
	return 0;
}

/* ---------- writing ---------- */

/* Whether line s starts one of the parts a flag line comes before. */
static bool
after_flags(const char *s)
{
	return strncmp(s, "#|", 2) == 0 || strncmp(s, "msgctxt ", 8) == 0 ||
	       strncmp(s, "msgid ", 6) == 0;
}

/*
 * `#, md-text` on every message but the header (the first entry), merged
 * into the flag line when there is one.  Entries are separated by blank
 * lines in what libgettextpo writes.
 */
static void
add_md_flag(const char *po, struct strbuf *out)
{
	bool header = true, done = false;
	for (const char *s = po; *s;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
		if (n == 1 || (n == 0)) {
			header = false; /* the first blank line ends it */
			done = false;
		} else if (!header && !done && strncmp(s, "#, ", 3) == 0) {
			strbuf_add(out, s, n - (nl ? 1 : 0));
			strbuf_addstr(out, ", md-text\n");
			done = true;
			s += n;
			continue;
		} else if (!header && !done && after_flags(s)) {
			strbuf_addstr(out, "#, md-text\n");
			done = true;
		}
		strbuf_add(out, s, n);
		s += n;
	}
}

static char *
header_text(const char *language)
{
	const char *date = getenv("SOURCE_DATE_EPOCH");
	struct strbuf sb = STRBUF_INIT;
	strbuf_init(&sb);
	strbuf_addstr(&sb, "Project-Id-Version: PACKAGE VERSION\n"
			   "Report-Msgid-Bugs-To: \n");
	if (date && *date) {
		time_t t = (time_t)strtoll(date, NULL, 10);
		struct tm tm;
		char when[64];
		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M+0000", &tm);
		strbuf_addf(&sb, "POT-Creation-Date: %s\n", when);
	}
	strbuf_addf(&sb,
		    "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
		    "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
		    "Language-Team: LANGUAGE <LL@li.org>\n"
		    "Language: %s\n"
		    "MIME-Version: 1.0\n"
		    "Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: 8bit\n",
		    language ? language : "");
	return strbuf_detach(&sb, NULL);
}

static po_message_t
make_message(const struct l10n_po_message *pm)
{
	po_message_t m = po_message_create();
	po_message_set_msgctxt(m, pm->msgctxt);
	po_message_set_msgid(m, pm->msgid);
	po_message_set_msgstr(m, pm->msgstr ? pm->msgstr : "");
	po_message_set_extracted_comments(m, pm->comment);
	for (size_t i = 0; i < pm->nrefs; i++)
		po_message_add_filepos(m, pm->refs[i].file, pm->refs[i].line);
	if (pm->fuzzy)
		po_message_set_fuzzy(m, 1);
	return m;
}

int
l10n_po_write(const char *path, const char *language,
	      const struct l10n_po_message *v, size_t n, struct diag_ctx *dx)
{
	po_file_t f = po_file_create();
	po_message_iterator_t it = po_message_iterator(f, NULL);
	po_message_t head = po_message_create();
	char *h = header_text(language);
	po_message_set_msgid(head, "");
	po_message_set_msgstr(head, h);
	free(h);
	if (language == NULL)
		po_message_set_fuzzy(head, 1);
	po_message_insert(it, head);
	for (size_t i = 0; i < n; i++)
		po_message_insert(it, make_message(&v[i]));
	po_message_iterator_free(it);

	char *tmp = temp_copy("", 0);
	if (tmp == NULL) {
		diag_report(dx, DIAG_WRITE_FAILED, 0, 0, strerror(errno));
		po_file_free(f);
		return -1;
	}
	reading.dx = dx;
	reading.errors = 0;
	po_file_t written = write_catalog_file(f, tmp);
	po_file_free(f);
	char *text = NULL;
	size_t len = 0;
	int err = written ? file_read_all(tmp, PO_MAX_BYTES * 4, &text, &len)
			  : EIO;
	unlink(tmp);
	free(tmp);
	if (err || reading.errors) {
		diag_report(dx, DIAG_WRITE_FAILED, 0, 0,
			    err ? file_strerror(err) : _("libgettextpo failed"));
		free(text);
		return -1;
	}
	struct strbuf out = STRBUF_INIT;
	strbuf_init(&out);
	add_md_flag(text, &out);
	free(text);
	int rc = 0;
	if (strcmp(path, "-") == 0) {
		if (fwrite(out.buf, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0)
			rc = errno ? errno : EIO;
	} else {
		/* a template can always be extracted again; a catalog holds
		   a translator's work and is synced */
		rc = file_write_atomic(path, out.buf, out.len,
				       FILE_REPLACE |
					       (language ? 0 : FILE_DERIVED));
	}
	strbuf_release(&out);
	if (rc) {
		diag_report(dx, DIAG_WRITE_FAILED, 0, 0, strerror(rc));
		return -1;
	}
	return 0;
}
