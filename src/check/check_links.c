/* SPDX-License-Identifier: MIT */
/*
 * Links of a page: related links and inline links to other pages must
 * name a page of the help roots (the page's own root, then --path roots;
 * its culture, then en-US), URLs must be well formed, a command page
 * needs its online address.  Also the check the parser used to make: a
 * related link whose text does not name its topic.
 */
#include "check.h"
#include "lookup.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "platyps_meta.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---------- URLs ---------- */

static bool
has_prefix_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static bool
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/* No blank, control byte or DEL anywhere. */
static bool
url_chars_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s == 0x7f)
			return false;
	return true;
}

/* host[:port] up to the path, query or fragment; names or [IPv6]. */
static bool
authority_ok(const char *s)
{
	size_t n = strcspn(s, "/?#");
	if (n == 0)
		return false;
	if (s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (close == NULL || close == s + 1)
			return false;
		size_t rest = n - (size_t)(close + 1 - s);
		s = close + 1;
		n = rest;
		if (n == 0)
			return true;
		if (s[0] != ':')
			return false;
	} else {
		size_t host = 0;
		while (host < n && s[host] != ':') {
			unsigned char c = (unsigned char)s[host];
			if (!is_alnum(c) && c != '.' && c != '-' && c != '_' &&
			    c < 0x80)
				return false;
			if (c == '.' && (host == 0 || s[host - 1] == '.'))
				return false;
			host++;
		}
		if (host == 0)
			return false;
		s += host;
		n -= host;
		if (n == 0)
			return true;
	}
	/* ":port" */
	if (n == 1)
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * http, https or mailto with what each needs; a site-relative "/path"
 * (a docs site's own link) only needs clean bytes.
 */
static bool
url_well_formed(const char *url)
{
	if (!url_chars_ok(url))
		return false;
	if (url[0] == '/' && url[1] != '/')
		return true;
	if (has_prefix_ci(url, "https://"))
		return authority_ok(url + 8);
	if (has_prefix_ci(url, "http://"))
		return authority_ok(url + 7);
	if (has_prefix_ci(url, "mailto:")) {
		const char *at = strchr(url + 7, '@');
		return at && at > url + 7 && at[1] && !strchr(at + 1, '@');
	}
	return false;
}

/* "scheme:" at the start (RFC 3986 letters), so the target is a URL. */
static bool
has_scheme(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	size_t i = 1;
	while (is_alnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ||
	       s[i] == '.')
		i++;
	return s[i] == ':';
}

/* ---------- where the page is ---------- */

/* The page's place in its help root: root/culture/module/[About/]. */
struct place {
	char *dir;     /* the page's folder ("." for none) */
	char *root;    /* the help root, or NULL when no culture folder */
	char *culture; /* the culture folder, or NULL */
	char *module;  /* the module folder, or NULL */
};

static void
place_release(struct place *p)
{
	free(p->dir);
	free(p->root);
	free(p->culture);
	free(p->module);
}

static void
find_place(const char *path, struct place *p)
{
	struct lookup_place pl;
	memset(p, 0, sizeof(*p));
	const char *slash = path ? strrchr(path, '/') : NULL;
	p->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	if (!path || !lookup_place_of(path, &pl))
		return;
	p->culture = xstrndup(path + pl.culture_start,
			      pl.culture_end - pl.culture_start);
	if (pl.culture_start == 0)
		p->root = xstrdup(".");
	else if (pl.culture_start == 1)
		p->root = xstrdup("/");
	else
		p->root = xstrndup(path, pl.culture_start - 1);
	if (pl.module_end > pl.module_start)
		p->module = xstrndup(path + pl.module_start,
				     pl.module_end - pl.module_start);
}

/* ---------- finding a page ---------- */

/*
 * The entry of dir named name ignoring ASCII case (a link may say
 * about/ for About/), as a malloc'd path, or NULL.
 */
static char *
dir_entry(const char *dir, const char *name, bool want_dir)
{
	char *exact = xasprintf("%s/%s", dir, name);
	struct stat st;
	if (stat(exact, &st) == 0 &&
	    (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)))
		return exact;
	free(exact);
	DIR *d = opendir(dir);
	if (d == NULL)
		return NULL;
	char *found = NULL;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL) {
		if (strcasecmp(e->d_name, name) != 0)
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &st) == 0 &&
		    (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)))
			found = p;
		else
			free(p);
	}
	closedir(d);
	return found;
}

/* T.md in a module folder or its About/ folder. */
static bool
in_module_dir(const char *mdir, const char *file)
{
	char *p = dir_entry(mdir, file, false);
	if (p == NULL) {
		char *about = dir_entry(mdir, "About", true);
		if (about)
			p = dir_entry(about, file, false);
		free(about);
	}
	free(p);
	return p != NULL;
}

/* Any module folder of a culture folder (about topics are global). */
static bool
in_any_module(const char *cdir, const char *file)
{
	DIR *d = opendir(cdir);
	if (d == NULL)
		return false;
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *m = xasprintf("%s/%s", cdir, e->d_name);
		struct stat st;
		if (stat(m, &st) == 0 && S_ISDIR(st.st_mode))
			found = in_module_dir(m, file);
		free(m);
	}
	closedir(d);
	return found;
}

struct wanted {
	const char *file;   /* "Get-Job.md" */
	const char *module; /* the module the link names, or NULL */
	bool about;
};

static bool
in_culture_dir(const char *cdir, const struct wanted *w,
	       const char *page_module)
{
	const char *module = w->module ? w->module : page_module;
	if (module) {
		char *mdir = dir_entry(cdir, module, true);
		bool found = mdir && in_module_dir(mdir, w->file);
		free(mdir);
		if (found)
			return true;
	}
	if (w->module == NULL && in_module_dir(cdir, w->file))
		return true;
	return w->module == NULL && (w->about || page_module == NULL) &&
	       in_any_module(cdir, w->file);
}

static bool
in_root(const char *root, const char *culture, const struct wanted *w,
	const char *page_module)
{
	const char *cultures[2] = { culture, "en-US" };
	for (int i = 0; i < 2; i++) {
		if (cultures[i] == NULL ||
		    (i == 1 && culture && strcasecmp(culture, "en-US") == 0))
			continue;
		char *cdir = dir_entry(root, cultures[i], true);
		bool found = cdir && in_culture_dir(cdir, w, page_module);
		free(cdir);
		if (found)
			return true;
	}
	return false;
}

/* The target as a path relative to the page, without #fragment. */
static bool
relative_exists(const struct place *p, const char *target)
{
	size_t n = strcspn(target, "#?");
	if (n == 0 || target[0] == '/' || memchr(target, '\\', n))
		return false;
	char *path = xasprintf("%s/%.*s", p->dir, (int)n, target);
	struct stat st;
	bool ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static bool
page_exists(const struct check_env *env, const struct place *p,
	    const struct help_doc *doc, const struct help_link *l)
{
	if (l->topic == NULL)
		return true;
	if (strncasecmp(l->target, "xref:", 5) != 0 &&
	    relative_exists(p, l->target))
		return true;
	char *file = xasprintf("%s.md", l->topic);
	struct wanted w = { file, l->module, l->kind == HELP_LINK_ABOUT };
	const char *page_module = p->module ? p->module : doc->module;
	bool found = false;
	if (p->root)
		found = in_root(p->root, p->culture, &w, page_module);
	else
		found = in_module_dir(p->dir, file);
	for (size_t i = 0; !found && i < env->nroots; i++)
		found = in_root(env->roots[i],
				p->culture ? p->culture : doc->locale, &w,
				page_module);
	free(file);
	return found;
}

/* ---------- the links ---------- */

static void
check_target(const struct check_env *env, const struct place *p,
	     const struct help_doc *doc, const struct help_link *l,
	     struct help_pos pos, struct diag_ctx *dx)
{
	const char *t = l->target;
	if (t == NULL || *t == '\0' || *t == '#')
		return;
	switch (l->kind) {
	case HELP_LINK_URL:
		if (!url_well_formed(t))
			diag_report(dx, DIAG_URL_MALFORMED, pos.line, pos.col,
				    t);
		break;
	case HELP_LINK_COMMAND:
	case HELP_LINK_ABOUT:
		if (!page_exists(env, p, doc, l))
			diag_report(dx, DIAG_LINK_TARGET_MISSING, pos.line,
				    pos.col, t);
		break;
	case HELP_LINK_UNRESOLVED:
		/* "ftp://", "javascript:", "https:/x": a URL, but not one
		 * Get-Help can show; xref uids of .NET types are fine. */
		if (has_scheme(t) && strncasecmp(t, "xref:", 5) != 0 &&
		    !url_well_formed(t))
			diag_report(dx, DIAG_URL_MALFORMED, pos.line, pos.col,
				    t);
		break;
	}
}

/*
 * As the parser did: a link to a topic whose text is not the topic's
 * name, ignoring case (machine translation renames them).
 */
static void
check_link_text(const struct help_link *l, struct diag_ctx *dx)
{
	if (l->kind != HELP_LINK_COMMAND && l->kind != HELP_LINK_ABOUT)
		return;
	if (l->text && l->topic && *l->text &&
	    strcasecmp(l->text, l->topic) != 0)
		diag_report(dx, DIAG_LINK_TEXT_MISMATCH, l->pos.line,
			    l->pos.col, l->text, l->topic);
}

static void
check_inline_links(const struct check_env *env, const struct place *p,
		   const struct help_doc *doc, struct diag_ctx *dx)
{
	struct arena a;
	bool *related = help_doc_related_inline(doc); /* checked there */
	arena_init(&a);
	for (size_t i = 0; i < doc->ninline_links; i++) {
		const struct help_inline_link *il = &doc->inline_links[i];
		if (il->target == NULL || related[i])
			continue;
		struct help_link l = { .target = il->target };
		platyps_resolve_link(&a, &l);
		check_target(env, p, doc, &l, il->pos, dx);
	}
	free(related);
	arena_release(&a);
}

/* The address Get-Help -Online opens: absent is reported, empty is
 * how platyPS says a module has none, anything else must be a URL. */
static void
check_online(const struct help_doc *doc, struct diag_ctx *dx)
{
	const char *key = doc->schema == HELP_SCHEMA_2024_05_01
				  ? "HelpUri"
				  : "online version";
	const struct help_fm_entry *e = help_doc_frontmatter(doc, key);
	if (e == NULL) {
		diag_report(dx, DIAG_ONLINE_URI_MISSING, 1, 1, key);
		return;
	}
	if (e->value == NULL || *e->value == '\0')
		return;
	bool web = has_prefix_ci(e->value, "http://") ||
		   has_prefix_ci(e->value, "https://");
	if (!(web && url_well_formed(e->value))) {
		struct help_pos pos = e->pos;
		if (e->value_ext.start > e->key_ext.start)
			pos.col += e->value_ext.start - e->key_ext.start;
		diag_report(dx, DIAG_URL_MALFORMED, pos.line, pos.col,
			    e->value);
	}
}

void
check_links(const struct check_env *env, const struct help_doc *doc,
	    struct diag_ctx *dx)
{
	struct place p;
	find_place(doc->path, &p);
	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct help_link *l = &doc->links[i];
		check_link_text(l, dx);
		check_target(env, &p, doc, l, l->pos, dx);
	}
	check_inline_links(env, &p, doc, dx);
	if (doc->kind == HELP_DOC_COMMAND && doc->has_frontmatter)
		check_online(doc, dx);
	place_release(&p);
}
