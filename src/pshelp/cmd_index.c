/* SPDX-License-Identifier: MIT */
/*
 * pshelp index: builds or refreshes the search index of help roots
 * (src/index), from the pages the lookup stage finds in them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "index.h"
#include "lookup.h"
#include "options.h"
#include "pshelp.h"
#include "utf8.h"
#include "xalloc.h"

#define PROG "pshelp index"

enum opt_id { OPT_REBUILD, OPT_DESTDIR, OPT_QUIET, OPT_HELP };

static const struct opt_def option_table[] = {
	{ "rebuild", OPT_REBUILD, false, false },
	{ "destdir", OPT_DESTDIR, false, false },
	{ "quiet", OPT_QUIET, false, false },
	{ "q", OPT_QUIET, false, true },
	{ "help", OPT_HELP, false, false },
	{ "h", OPT_HELP, false, true },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

static void
print_usage(FILE *f)
{
	fputs(_("Usage: pshelp index [--rebuild] [-q] [ROOT]...\n"
		"Build or refresh the search index of help roots (default: "
		"$PSHELP_PATH\n"
		"and the installed help).  Only pages whose size or mtime "
		"changed are read\n"
		"again.  The index is ROOT/.pshelp-index.sqlite, or a file in\n"
		"$XDG_CACHE_HOME/pshelp/ when ROOT is not writable.\n"
		"\n"
		"      --rebuild      write a new index instead of refreshing "
		"it\n"
		"      --destdir      put $DESTDIR before each ROOT (for "
		"meson install)\n"
		"  -q, --quiet        print nothing but errors\n"
		"  -h, --help         show this help and exit\n"
		"\n"
		"Exit status: 0 written, 6 an index could not be written, 5 "
		"usage.\n"
		"See pshelp(1).\n"),
	      f);
}

struct cli {
	bool rebuild, destdir, quiet;
	struct strv roots;
};

static int
index_option(void *cookie, const struct opt_hit *h)
{
	struct cli *o = cookie;
	if (h->def->id == OPT_REBUILD)
		o->rebuild = true;
	else if (h->def->id == OPT_DESTDIR)
		o->destdir = true;
	else
		o->quiet = true;
	return -1;
}

static int
index_operand(void *cookie, const char *arg)
{
	strv_push(&((struct cli *)cookie)->roots, xstrdup(arg));
	return -1;
}

/* Every folder of root that names a culture. */
static void
cultures_of(const char *root, struct culture_list *out)
{
	DIR *d = opendir(root);
	struct dirent *e;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if (!d)
		return;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' &&
		    lookup_is_culture_folder(e->d_name, strlen(e->d_name))) {
			out->v = xgrow(out->v, &cap, out->n + 1,
				       sizeof(*out->v));
			out->v[out->n++] = xstrdup(e->d_name);
		}
	closedir(d);
}

/* Indexes one root; the exit status. */
static int
index_root(const struct cli *o, const char *root)
{
	struct culture_list chain;
	struct topic_index idx = { 0 };
	const char *const roots[1] = { root };
	struct index_build_stats st;
	char *why = NULL;

	cultures_of(root, &chain);
	topic_index_build(&idx, roots, 1, &chain);
	struct index_page *pages = xcalloc(idx.n + 1, sizeof(*pages));
	size_t skip = strlen(root) + 1;
	for (size_t i = 0; i < idx.n; i++) {
		const struct topic *t = &idx.v[i];
		pages[i] = (struct index_page){ t->path, t->path + skip,
						t->name, t->module,
						t->culture, (int)t->category };
	}
	int rc = index_update(root, pages, idx.n, o->rebuild, &st, &why);
	if (rc != 0) {
		char *safe = utf8_safe_dup(why ? why : strerror(rc));
		fprintf(stderr, "%s: %s: %s\n", PROG, _("error"), safe);
		free(safe);
	} else if (!o->quiet) {
		char *safe = utf8_safe_dup(root);
		/* TRANSLATORS: 1: a help root, 2: pages in its index, 3:
		   pages read again, 4: pages removed. */
		printf(_("%s: %zu pages indexed (%zu read, %zu removed)\n"),
		       safe, st.pages, st.parsed, st.removed);
		free(safe);
	}
	free(why);
	free(pages);
	topic_index_release(&idx);
	culture_list_release(&chain);
	return rc ? DIAGL_SYSTEM : 0;
}

int
cmd_index(int argc, char **argv)
{
	static const struct pshelp_command_line cl = {
		PROG,	     option_table,  NOPTIONS,	   OPT_HELP,
		print_usage, index_option, index_operand
	};
	struct cli o = { 0 };
	int rc = pshelp_scan(argc, argv, &cl, &o);
	if (rc < 0 && o.roots.n == 0) {
		struct root_list rl;
		root_list_from_environment(&rl, NULL, 0, PSHELP_HELP_DATADIR);
		for (size_t i = 0; i < rl.n; i++)
			strv_push(&o.roots, xstrdup(rl.v[i]));
		root_list_release(&rl);
	}
	const char *destdir = o.destdir ? getenv("DESTDIR") : NULL;
	for (size_t i = 0; rc < 0 && i < o.roots.n; i++)
		if (destdir && *destdir) {
			char *r = xasprintf("%s%s", destdir, o.roots.v[i]);
			free(o.roots.v[i]);
			o.roots.v[i] = r;
		}
	int worst = 0;
	for (size_t i = 0; rc < 0 && i < o.roots.n; i++) {
		int r = index_root(&o, o.roots.v[i]);
		worst = r > worst ? r : worst;
	}
	for (size_t i = 0; i < o.roots.n; i++)
		free(o.roots.v[i]);
	free(o.roots.v);
	return rc >= 0 ? rc : worst;
}
