/* SPDX-License-Identifier: MIT */
/*
 * Programs run from their meson build tree (build/src/get-help) use the
 * catalogs and help pages of that tree instead of the installed ones, so
 * that they work before `meson install`.
 */
#ifndef PSHELP_BUILDTREE_H
#define PSHELP_BUILDTREE_H

/*
 * "<build dir>/<rel>" when the running program lives in a meson build
 * tree (its folder's parent has meson-private/), else NULL.  The caller
 * frees the result.
 */
char *build_tree_path(const char *rel);

#endif
