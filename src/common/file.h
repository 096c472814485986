/* SPDX-License-Identifier: MIT */
/*
 * Reading a whole input file safely (pages, scripts, catalogs, metadata)
 * and writing one so that a failure never leaves half of it.
 * Only regular files and pipes are read.  A FIFO without a writer does not
 * block the open (it reads as empty); a terminal, a directory or a device
 * is refused; no file is read past a limit.
 */
#ifndef PSHELP_FILE_H
#define PSHELP_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Returned for a terminal, directory, device or socket. */
#define FILE_ERR_NOT_REGULAR (-1)
/* Returned by file_read_regular() for a FIFO or pipe. */
#define FILE_ERR_NOT_FILE (-2)

/*
 * Reads at most max + 1 bytes of path ("-" is standard input), so that the
 * caller can tell a file that is too big (*len > max).  *buf is
 * NUL-terminated and malloc'd.  Returns 0, an errno value, or
 * FILE_ERR_NOT_REGULAR; *buf is NULL on error.
 */
int file_read_all(const char *path, size_t max, char **buf, size_t *len);

/* The same for a page named by the user, which must be a regular file (or
   "-"): a FIFO there is a mistake more often than a wish. */
int file_read_regular(const char *path, size_t max, char **buf, size_t *len);

/* The text of an error from file_read_all (translated). */
const char *file_strerror(int err);

/* Writes all of buf to fd, again after EINTR; false on an error (EPIPE
   from a reader that went away, too). */
bool file_write_fd(int fd, const char *buf, size_t len);

enum file_write_mode {
	FILE_REPLACE = 0,	/* replace path if it exists */
	FILE_CREATE_ONLY = 1,	/* fail with EEXIST if it exists */
	/* With either: output the build can make again (a .pot, a localized
	   page), so neither the file nor its folder is synced; the rename
	   still leaves path either as it was or complete. */
	FILE_DERIVED = 2
};

/*
 * Writes buf to path through a hidden temporary file beside it, synced,
 * then renamed (or linked, which never replaces) into place, and the
 * folder synced: path is either as it was or complete.  An existing
 * file's mode is kept; a new one gets 0666 less the umask.  Returns 0 or
 * an errno value; no temporary file is left.  An existing device, FIFO
 * or socket at path is written into as it is (never replaced); a folder
 * is EISDIR.  how is a file_write_mode, FILE_DERIVED or'ed in.
 */
int file_write_atomic(const char *path, const char *buf, size_t len,
		      unsigned how);

#endif
