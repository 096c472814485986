/* SPDX-License-Identifier: MIT */
/*
 * The per-user runtime directory where psh endpoints put their sockets:
 * $XDG_RUNTIME_DIR/psh when XDG_RUNTIME_DIR is an absolute path to a
 * directory we own, else /tmp/psh-<uid>.  It must be a real directory
 * (not a symlink) owned by the effective uid with mode 0700; anything
 * else is refused, since a socket there is trusted as ours.
 */
#ifndef PSHELP_RT_RUNTIME_DIR_H
#define PSHELP_RT_RUNTIME_DIR_H

/* The directory to use (not yet checked); the caller frees it. */
char *rt_runtime_dir_default(void);

/*
 * Creates path with mode 0700 if it does not exist (its parent must),
 * then checks it.  Returns 0, or -1 with *err set to a translated
 * message the caller frees.
 */
int rt_runtime_dir_prepare(const char *path, char **err);

/* The check alone: lstat says a directory, ours, mode 0700. */
int rt_runtime_dir_check(const char *path, char **err);

#endif
