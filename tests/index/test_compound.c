/* SPDX-License-Identifier: MIT */
/*
 * The compound splitter of the index (src/index/index_compound.c): a
 * small word list written here, then the German and Swedish lists of
 * Debian's wngerman and wswedish (skipped when they are not installed;
 * tools/setup.sh installs them): words and the parts they must give.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "index_internal.h"
#include "strbuf.h"
#include "tap.h"

struct parts {
	char *v[32];
	size_t n;
};

static int
collect(void *cookie, const char *part, size_t len)
{
	struct parts *p = cookie;
	if (p->n < 32)
		p->v[p->n++] = strndup(part, len);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The parts of word (as a text has it), sorted, space separated. */
static char *
parts_of(const struct index_compounds *c, const char *word)
{
	struct strbuf folded = STRBUF_INIT, out = STRBUF_INIT;
	struct parts p = { { 0 }, 0 };
	strbuf_init(&folded);
	strbuf_init(&out);
	if (index_fold_text(word, strlen(word), &folded))
		index_compound_parts(c, folded.buf, folded.len, word,
				     strlen(word), collect, &p);
	qsort(p.v, p.n, sizeof(p.v[0]), cmp_str);
	for (size_t i = 0; i < p.n; i++) {
		strbuf_addf(&out, "%s%s", i ? " " : "", p.v[i]);
		free(p.v[i]);
	}
	strbuf_release(&folded);
	return strbuf_detach(&out, NULL);
}

struct expect {
	const char *word, *parts;
};

static void
check_words(const struct index_compounds *c, const struct expect *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *got = parts_of(c, e[i].word);
		if (strcmp(got, e[i].parts) != 0)
			tap_fail_("%s: got '%s', expected '%s'", e[i].word, got,
				  e[i].parts);
		free(got);
	}
}

static char tmpdir[] = "/tmp/pshelp-compound-XXXXXX";

static char *
write_list(const char *name, const char *text)
{
	char *path = malloc(strlen(tmpdir) + strlen(name) + 2);
	sprintf(path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	return path;
}

/* The word list's fold without ICU is the index's fold: every word of
   one or two of the characters U+0020..U+00FF, and longer random ones. */
TEST(latin1_fold_is_the_index_fold)
{
	struct strbuf icu = STRBUF_INIT;
	char w[64], out[128];
	int differ = 0, fast = 0;
	unsigned rng = 12345;

	strbuf_init(&icu);
	for (int round = 0; round < 80000; round++) {
		size_t n = 0, len = round < 224 * 224 ? 2 : 3 + round % 9;
		for (size_t i = 0; i < len; i++) {
			unsigned c;
			if (round < 224 * 224) {
				c = 0x20 + (i ? round % 224 : round / 224);
			} else {
				rng = rng * 1103515245u + 12345u;
				c = 0x20 + (rng >> 16) % 224;
			}
			if (c >= 0x80) {
				w[n++] = (char)(0xC0 | c >> 6);
				w[n++] = (char)(0x80 | (c & 0x3F));
			} else {
				w[n++] = (char)c;
			}
		}
		size_t k = index_fold_latin1(w, n, out);
		if (k == 0)
			continue;
		fast++;
		if (!index_fold_text(w, n, &icu) || icu.len != k ||
		    memcmp(icu.buf, out, k) != 0) {
			if (differ++ < 5)
				printf("# fold of '%.*s' differs\n", (int)n, w);
		}
	}
	printf("# %d words folded without ICU\n", fast);
	check_int(fast, >, 1000);
	check_int(differ, ==, 0);
	/* what is no letter goes to ICU */
	check_int(index_fold_latin1("a\xc3\x97" "b", 4, out), ==, 0);
	check_int(index_fold_latin1("a1", 2, out), ==, 0);
	check_int(index_fold_latin1("\xc2\xb5", 2, out), ==, 0);
	check_int(index_fold_latin1("Gr\xc3\xb6\xc3\x9f" "e", 7, out), ==, 7);
	check(memcmp(out, "gr\xc3\xb6sse", 7) == 0);
	strbuf_release(&icu);
}

TEST(small_german_list)
{
	/* capitalised nouns, a verb, a word with ß, no final newline */
	char *path = write_list("de", "Sitzung\nKonfiguration\nDatei\nRation\n"
				      "Richtlinie\nAusführung\nParameter\n"
				      "Satz\nParametersatz\nStraße\nName\n"
				      "halten\r\nBein\nRemote-Zugriff\nNamen");
	struct index_compounds *c = index_compounds_load("de", path);
	static const struct expect e[] = {
		{ "Sitzungskonfigurationsdatei",
		  "datei konfiguration sitzung sitzungskonfiguration" },
		{ "Sitzungskonfiguration", "konfiguration sitzung" },
		{ "Ausführungsrichtlinie", "ausführung richtlinie" },
		/* the word itself only: no "Ration" of "Konfigu" */
		{ "Konfiguration", "" },
		{ "KONFIGURATION", "" },
		{ "Parametersatz", "parameter satz" },
		{ "Parametersatzname", "name parameter parametersatz satz" },
		/* ß folds to ss, as the index folds it */
		{ "Straßenname", "name strasse" },
		{ "Remotesitzung", "sitzung" },
		/* not capitalised, or in capitals: not a German noun */
		{ "remotesitzung", "" },
		{ "REMOTESITZUNG", "" },
		{ "RemoteSitzung", "" },
		/* fewer than 3 letters before the head; a verb is no head */
		{ "Zusitzung", "" },
		{ "Xyzhalten", "" },
		/* both parts known: split, though a verb */
		{ "beinhalten", "bein halten" },
		/* two parts of 4 letters at least, letters only */
		{ "Satzname", "name satz" },
		{ "Sitzung2datei", "" },
		{ "Datei", "" },
	};
	check(c != NULL);
	size_t bytes;
	check_int(index_compounds_size(c, &bytes), ==, 14);
	check_words(c, e, sizeof(e) / sizeof(e[0]));
	index_compounds_free(c);
	check(index_compounds_load("de", "/nonexistent/ngerman") == NULL);
	check(index_compounds_load("xx", path) == NULL);
	unlink(path);
	free(path);
}

TEST(small_swedish_list)
{
	/* ISO 8859-1, as wswedish has it: "körning", "princip" */
	char *path =
		write_list("sv", "session\nkonfiguration\nfil\nk\xf6rning\n"
				 "princip\nfj\xe4rr\n");
	struct index_compounds *c = index_compounds_load("sv", path);
	static const struct expect e[] = {
		{ "sessionskonfiguration", "konfiguration session" },
		{ "körningsprincip", "körning princip" },
		{ "Körningsprincip", "körning princip" },
		{ "fjärrsession", "fjärr session" },
		/* not in this list: "sessionen" */
		{ "fjärrsessionen", "" },
	};
	check(c != NULL);
	check_words(c, e, sizeof(e) / sizeof(e[0]));
	index_compounds_free(c);
	unlink(path);
	free(path);
}

/* The list of lang read from the bytes text[0..n). */
static struct index_compounds *
list_of(const char *lang, const char *text, size_t n)
{
	return index_compounds_load_mem(lang, text, n);
}

/* A hostile file at the list's path: a FIFO without a writer, a device,
   a folder, a file over the limit are not read (nor block); lines with
   NUL, invalid UTF-8 or too many bytes are skipped, the others kept. */
TEST(hostile_lists)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/fifo", tmpdir);
	check(mkfifo(path, 0600) == 0);
	check(index_compounds_load("de", path) == NULL); /* no blocking */
	unlink(path);
	check(index_compounds_load("de", "/dev/zero") == NULL);
	check(index_compounds_load("de", tmpdir) == NULL);
	snprintf(path, sizeof(path), "%s/huge", tmpdir);
	FILE *f = fopen(path, "wb");
	check(f != NULL);
	if (f) {
		fputs("Sitzung\nDatei\n", f);
		fclose(f);
	}
	struct index_compounds *c = index_compounds_load("de", path);
	size_t bytes;
	check_int(index_compounds_size(c, &bytes), ==, 2);
	index_compounds_free(c);
	/* sparse: one byte over the limit */
	check(truncate(path, (off_t)INDEX_COMPOUNDS_MAX_BYTES + 1) == 0);
	check(index_compounds_load("de", path) == NULL);
	unlink(path);

	char lines[1024];
	size_t n = 0;
	memset(lines, 'a', sizeof(lines));
	/* NUL, invalid UTF-8 (a lone C3, an overlong C0 AF), 256 bytes */
	n += (size_t)sprintf(lines + n, "Sitzung\nDa%ctei\nRicht\xc3\nZ\xc0\xafg\n", '\0');
	n += 256;
	n += (size_t)sprintf(lines + n, "\nDatei\n");
	c = list_of("de", lines, n);
	check_int(index_compounds_size(c, &bytes), ==, 2);
	char *got = parts_of(c, "Sitzungsdatei");
	check_str(got, "datei sitzung");
	free(got);
	index_compounds_free(c);
	/* 255 bytes is a word still */
	c = list_of("de", lines + n - 7 - 255, 255);
	check_int(index_compounds_size(c, &bytes), ==, 1);
	index_compounds_free(c);
	/* a Latin-1 list has no invalid bytes; NUL is still no word */
	c = list_of("sv", "fj\xe4rr\nsess\0ion\nsession", 22);
	check_int(index_compounds_size(c, &bytes), ==, 2);
	index_compounds_free(c);
	check(list_of("xx", "a\n", 2) == NULL);
	c = list_of("de", "", 0);
	check_int(index_compounds_size(c, &bytes), ==, 0);
	index_compounds_free(c);
}

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The list of lang at path, or NULL after a TAP skip line. */
static struct index_compounds *
installed(const char *lang, const char *path, const char *package,
	  const char *test)
{
	double t0 = now_ms();
	struct index_compounds *c = index_compounds_load(lang, path);
	if (!c) {
		tap_count++;
		printf("ok %d - %s # SKIP %s is not installed (apt-get install "
		       "%s; tools/setup.sh does)\n",
		       tap_count, test, path, package);
		return NULL;
	}
	size_t bytes, n = index_compounds_size(c, &bytes);
	printf("# %s: %zu words read in %.1f ms, %.1f MiB\n", path, n,
	       now_ms() - t0, (double)bytes / (1024.0 * 1024.0));
	return c;
}

static struct index_compounds *german;

TEST(german_list)
{
	static const struct expect e[] = {
		{ "Remotesitzung", "sitzung" },
		{ "Sitzungskonfigurationsdatei",
		  "datei konfiguration konfigurationsdatei sitzung "
		  "sitzungskonfiguration" },
		{ "Sitzungskonfiguration", "konfiguration sitzung" },
		{ "Ausführungsrichtlinie", "ausführung richtlinie" },
		{ "Ausführungsrichtlinien", "ausführung richtlinien" },
		{ "Konfiguration", "" },
		{ "Konfigurationen", "" },
		{ "Parametersatz", "parameter satz" },
		{ "Parametersätze", "parameter sätze" },
		{ "Standardwert", "standard wert" },
		{ "Zeichenfolge", "folge zeichen" },
		{ "Dateipfad", "datei pfad" },
		{ "Remotecomputer", "computer" },
		{ "Anmeldeinformationen", "anmelde informationen" },
		{ "Befehlszeile", "befehl befehls zeile" },
		{ "Umgebungsvariable", "umgebung variable" },
		{ "Richtlinienverwaltung",
		  "richtlinie richtlinien verwaltung" },
		{ "Ausführung", "" },
		{ "Verbindung", "" },
		{ "Parameter", "" },
		/* English in a German text: not a capitalised noun */
		{ "configuration", "" },
		{ "CmdletBinding", "" },
	};
	check_words(german, e, sizeof(e) / sizeof(e[0]));
}

static struct index_compounds *swedish;

TEST(swedish_list)
{
	static const struct expect e[] = {
		{ "sessionskonfiguration", "konfiguration session" },
		/* "konfigurations" is a word of the list too */
		{ "sessionskonfigurationsfiler",
		  "filer konfiguration konfigurations session "
		  "sessionskonfiguration sessionskonfigurations" },
		{ "körningsprincip", "körning körnings princip" },
		/* "fjärr" is not in the list: the head of an unknown word,
		   of 6 letters at least, small or capitalised */
		{ "fjärrsession", "session" },
		{ "Fjärrdatorn", "datorn" },
		{ "fjärrkommandon", "kommandon" },
		{ "FjärrSession", "" },
		{ "fjärrnamn", "" },
		{ "sessionstillstånd", "session tillstånd" },
		/* parts of 5 letters: no "para", "meter", "ande" */
		{ "parameter", "" },
		{ "parametervärdet", "parameter värdet" },
		{ "följande", "" },
		{ "konfiguration", "" },
	};
	check_words(swedish, e, sizeof(e) / sizeof(e[0]));
}

static void
write_page(const char *path, const char *name, const char *body)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f,
		"---\nexternal help file: Demo\nLocale: de-DE\nModule Name: "
		"Demo\nschema: 2.0.0\ntitle: %s\n---\n\n# %s\n\n## "
		"SYNOPSIS\n%s\n\n## SYNTAX\n\n```\n%s\n```\n\n"
		"## DESCRIPTION\n\n%s\n",
		name, name, body, name, body);
	fclose(f);
}

/* FTS5's own check of a German index after a refresh: FTS5 deletes a
   row by tokenizing it again, which must give the parts it was given. */
TEST(refresh_keeps_fts5_consistent)
{
	char root[300], dir[400], a[500], b[500];
	snprintf(root, sizeof(root), "%s/root", tmpdir);
	snprintf(dir, sizeof(dir), "%s/de-DE", root);
	mkdir(root, 0755);
	mkdir(dir, 0755);
	snprintf(a, sizeof(a), "%s/Enter-Demo.md", dir);
	snprintf(b, sizeof(b), "%s/Exit-Demo.md", dir);
	write_page(a, "Enter-Demo", "Startet eine Remotesitzung.");
	write_page(b, "Exit-Demo",
		   "Die Sitzungskonfigurationsdatei und die "
		   "Ausführungsrichtlinie.");
	struct index_page pages[2] = {
		{ a, "de-DE/Enter-Demo.md", "Enter-Demo", NULL, "de-DE", 0 },
		{ b, "de-DE/Exit-Demo.md", "Exit-Demo", NULL, "de-DE", 0 },
	};
	struct index_build_stats st;
	char *why = NULL;
	check_int(index_update(root, pages, 2, false, &st, &why), ==, 0);
	free(why);
	/* another size: read again, its old row deleted */
	write_page(b, "Exit-Demo", "Ein Parametersatz der Remoteverwaltung.");
	check_int(index_update(root, pages, 2, false, &st, &why), ==, 0);
	check_int(st.parsed, ==, 1);
	check(!st.rebuilt);
	free(why);

	char file[400];
	sqlite3 *db = NULL;
	snprintf(file, sizeof(file), "%s/.pshelp-index.sqlite", root);
	check(sqlite3_open(file, &db) == SQLITE_OK);
	check(index_register_tokenizer(db));
	/* "integrity-check" tokenizes every row and compares: as German
	   rows (FTS5 does not say whose row it tokenizes) */
	index_tokenizer_set_culture("de-DE");
	int rc = sqlite3_exec(
		db, "INSERT INTO text(text) VALUES('integrity-check')", NULL,
		NULL, NULL);
	if (rc != SQLITE_OK)
		tap_fail_("integrity-check: %s", sqlite3_errmsg(db));
	sqlite3_stmt *q;
	int n = -1;
	if (sqlite3_prepare_v2(db,
			       "SELECT count(*) FROM text WHERE text MATCH "
			       "'datei OR satz'",
			       -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	index_tokenizer_set_culture(NULL);
	/* "datei" went with the old page; "satz" came with the new */
	check_int(n, ==, 1);
	sqlite3_close(db);
	unlink(file);
	unlink(a);
	unlink(b);
	rmdir(dir);
	rmdir(root);
}

int
main(void)
{
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! no temporary folder\n");
		return 1;
	}
	RUN(latin1_fold_is_the_index_fold);
	RUN(small_german_list);
	RUN(small_swedish_list);
	RUN(hostile_lists);
	german = installed("de", "/usr/share/dict/ngerman", "wngerman",
			   "german_list");
	if (german) {
		RUN(german_list);
		RUN(refresh_keeps_fts5_consistent);
	}
	swedish = installed("sv", "/usr/share/dict/swedish", "wswedish",
			    "swedish_list");
	if (swedish)
		RUN(swedish_list);
	index_compounds_free(german);
	index_compounds_free(swedish);
	rmdir(tmpdir);
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}
