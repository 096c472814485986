/* SPDX-License-Identifier: MIT */
/*
 * Reading a whole input file safely: pages, scripts, catalogs, metadata.
 * Only regular files and pipes are read.  A FIFO without a writer does not
 * block the open (it reads as empty); a terminal, a directory or a device
 * is refused; no file is read past a limit.
 */
#ifndef PSHELP_FILE_H
#define PSHELP_FILE_H

#include <stddef.h>

/* Returned for a terminal, directory, device or socket. */
#define FILE_ERR_NOT_REGULAR (-1)

/*
 * Reads at most max + 1 bytes of path ("-" is standard input), so that the
 * caller can tell a file that is too big (*len > max).  *buf is
 * NUL-terminated and malloc'd.  Returns 0, an errno value, or
 * FILE_ERR_NOT_REGULAR; *buf is NULL on error.
 */
int file_read_all(const char *path, size_t max, char **buf, size_t *len);

/* The text of an error from file_read_all (translated). */
const char *file_strerror(int err);

#endif
