/* SPDX-License-Identifier: MIT */
/*
 * The pages the subcommands are given: files as named, folders walked
 * for *.md files in byte order (hidden entries and symbolic link loops
 * left out), sorted and each once.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "pshelp.h"
#include "xalloc.h"

/* Bounds of a folder walk: deeper folders and further pages are left. */
#define MAX_DEPTH 32
#define MAX_PAGES 100000

void
strv_push(struct strv *s, char *str)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(char *));
	s->v[s->n++] = str;
}


struct walk {
	struct strv pages; /* owned */
	dev_t dev[MAX_DEPTH];
	ino_t ino[MAX_DEPTH];
	int depth;
	bool truncated;
};

static bool
ends_with_md(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static void
add_page(struct walk *w, const char *path)
{
	if (w->pages.n >= MAX_PAGES) {
		w->truncated = true;
		return;
	}
	strv_push(&w->pages, xstrdup(path));
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir other than . and .. and hidden ones, sorted. */
static bool
read_sorted(const char *dir, struct strv *names)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return false;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && names->n < MAX_PAGES)
		if (e->d_name[0] != '.')
			strv_push(names, xstrdup(e->d_name));
	closedir(d);
	if (names->n)
		qsort(names->v, names->n, sizeof(char *), cmp_name);
	return true;
}

static void walk_dir(struct walk *w, const char *dir, const struct stat *st,
		     struct diag_ctx *dx);

static void
walk_entry(struct walk *w, const char *path, struct diag_ctx *dx)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return; /* a dangling link: no page */
	if (S_ISDIR(st.st_mode))
		walk_dir(w, path, &st, dx);
	else if (S_ISREG(st.st_mode) && ends_with_md(path))
		add_page(w, path);
}

static void
walk_dir(struct walk *w, const char *dir, const struct stat *st,
	 struct diag_ctx *dx)
{
	/* A folder already on the way down is a symbolic link loop. */
	for (int i = 0; i < w->depth; i++)
		if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino)
			return;
	if (w->depth == MAX_DEPTH) {
		w->truncated = true;
		return;
	}
	struct strv names = { 0 };
	if (!read_sorted(dir, &names)) {
		struct diag_ctx d = *dx;
		d.file = dir;
		diag_report(&d, DIAG_READ_FAILED, 0, 0, strerror(errno));
		return;
	}
	w->dev[w->depth] = st->st_dev;
	w->ino[w->depth] = st->st_ino;
	w->depth++;
	size_t dlen = strlen(dir);
	bool slash = dlen && dir[dlen - 1] == '/';
	for (size_t i = 0; i < names.n; i++) {
		char *path =
			xasprintf("%s%s%s", dir, slash ? "" : "/", names.v[i]);
		walk_entry(w, path, dx);
		free(path);
		free(names.v[i]);
	}
	free(names.v);
	w->depth--;
}

void
pshelp_collect_pages(struct strv *out, const struct strv *operands,
		     const char *prog, struct diag_ctx *dx)
{
	struct walk walk = { 0 }, *w = &walk;
	for (size_t i = 0; i < operands->n; i++) {
		struct stat st;
		const char *op = operands->v[i];
		if (stat(op, &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(w, op, &st, dx);
		else
			add_page(w, op); /* check_file says what is wrong */
	}
	if (w->pages.n > 1)
		qsort(w->pages.v, w->pages.n, sizeof(char *), cmp_name);
	size_t k = 0;
	for (size_t i = 0; i < w->pages.n; i++) {
		if (k && strcmp(w->pages.v[k - 1], w->pages.v[i]) == 0)
			free(w->pages.v[i]);
		else
			w->pages.v[k++] = w->pages.v[i];
	}
	w->pages.n = k;
	*out = w->pages;
	if (w->truncated)
		fprintf(stderr,
			_("%s: warning: more than %d pages or folders "
			  "deeper than %d; the rest are left out\n"),
			prog, MAX_PAGES, MAX_DEPTH);
}
