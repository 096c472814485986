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
	struct check_roots *pages; /* the roots' pages, indexed once */
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

/* The pages of one help root in one culture, by folded name. */
struct root_pages {
	char *root, *culture;
	struct topic_index idx;
	const struct topic **by_name;
};

struct check_roots {
	struct root_pages *v;
	size_t n, cap;
};

struct check_roots *
check_roots_new(void)
{
	return xcalloc(1, sizeof(struct check_roots));
}

void
check_roots_free(struct check_roots *r)
{
	for (size_t i = 0; r && i < r->n; i++) {
		free(r->v[i].root);
		free(r->v[i].culture);
		topic_index_release(&r->v[i].idx);
		free(r->v[i].by_name);
	}
	if (r)
		free(r->v);
	free(r);
}

static int
cmp_folded(const void *a, const void *b)
{
	const struct topic *x = *(const struct topic *const *)a;
	const struct topic *y = *(const struct topic *const *)b;
	return strcmp(x->folded, y->folded);
}

/* The pages of root in culture: scanned once (lookup's index), then kept. */
static const struct root_pages *
root_pages(struct check_roots *r, const char *root, const char *culture)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].root, root) == 0 &&
		    strcasecmp(r->v[i].culture, culture) == 0)
			return &r->v[i];
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	struct root_pages *rp = &r->v[r->n++];
	char *cv[1] = { (char *)culture };
	struct culture_list chain = { cv, 1 };
	const char *roots[1] = { root };
	rp->root = xstrdup(root);
	rp->culture = xstrdup(culture);
	memset(&rp->idx, 0, sizeof(rp->idx));
	topic_index_build(&rp->idx, roots, 1, &chain);
	rp->by_name = xcalloc(rp->idx.n + 1, sizeof(*rp->by_name));
	for (size_t i = 0; i < rp->idx.n; i++)
		rp->by_name[i] = &rp->idx.v[i];
	qsort(rp->by_name, rp->idx.n, sizeof(*rp->by_name), cmp_folded);
	return rp;
}

struct wanted {
	const char *folded; /* the topic's folded name */
	const char *module; /* the module the link names, or NULL */
	bool about;
	const char *page_module; /* the linking page's module, or NULL */
};

/*
 * The link's module, else the page's; a page outside any module; or, for
 * about topics and pages outside modules, any module.
 */
static bool
wanted_here(const struct wanted *w, const struct topic *t)
{
	const char *module = w->module ? w->module : w->page_module;
	if (module && t->module && strcasecmp(t->module, module) == 0)
		return true;
	if (w->module)
		return false;
	return t->module == NULL || w->about || w->page_module == NULL;
}

static bool
in_pages(const struct root_pages *rp, const struct wanted *w)
{
	size_t lo = 0, hi = rp->idx.n;
	while (lo < hi) { /* the first topic folded >= w->folded */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(rp->by_name[mid]->folded, w->folded) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (;
	     lo < rp->idx.n && strcmp(rp->by_name[lo]->folded, w->folded) == 0;
	     lo++)
		if (wanted_here(w, rp->by_name[lo]))
			return true;
	return false;
}

static bool
in_root(struct check_roots *r, const char *root, const char *culture,
	const struct wanted *w)
{
	const char *cultures[2] = { culture, "en-US" };
	for (int i = 0; i < 2; i++) {
		if (cultures[i] == NULL ||
		    (i == 1 && culture && strcasecmp(culture, "en-US") == 0))
			continue;
		if (in_pages(root_pages(r, root, cultures[i]), w))
			return true;
	}
	return false;
}

static bool
is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Outside a help root: T.md beside the page or in its About/ folder. */
static bool
beside(const char *dir, const char *topic)
{
	char *p = xasprintf("%s/%s.md", dir, topic);
	char *q = xasprintf("%s/About/%s.md", dir, topic);
	bool found = is_file(p) || is_file(q);
	free(p);
	free(q);
	return found;
}

/* The target as a path relative to the page, without #fragment. */
static bool
relative_exists(const struct place *p, const char *target)
{
	size_t n = strcspn(target, "#?");
	if (n == 0 || target[0] == '/' || memchr(target, '\\', n))
		return false;
	char *path = xasprintf("%s/%.*s", p->dir, (int)n, target);
	bool ok = is_file(path);
	free(path);
	return ok;
}

static bool
page_exists(const struct check_env *env, const struct place *p,
	    const struct help_doc *doc, const struct help_link *l)
{
	struct check_roots *r = p->pages;
	if (l->topic == NULL)
		return true;
	if (strncasecmp(l->target, "xref:", 5) != 0 &&
	    relative_exists(p, l->target))
		return true;
	if (strchr(l->topic, '/'))
		return false; /* a name, never a path */
	char *folded = fold_case(l->topic);
	struct wanted w = { folded, l->module, l->kind == HELP_LINK_ABOUT,
			    p->module ? p->module : doc->module };
	bool found = p->root ? in_root(r, p->root, p->culture, &w)
			     : beside(p->dir, l->topic);
	for (size_t i = 0; !found && i < env->nroots; i++)
		found = in_root(r, env->roots[i],
				p->culture ? p->culture : doc->locale, &w);
	free(folded);
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
	/* without a run's index, one for this page only */
	p.pages = env->pages ? env->pages : check_roots_new();
	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct help_link *l = &doc->links[i];
		check_link_text(l, dx);
		check_target(env, &p, doc, l, l->pos, dx);
	}
	check_inline_links(env, &p, doc, dx);
	if (doc->kind == HELP_DOC_COMMAND && doc->has_frontmatter)
		check_online(doc, dx);
	if (p.pages != env->pages)
		check_roots_free(p.pages);
	place_release(&p);
}
