/* SPDX-License-Identifier: MIT */
/* Whole-file reads with a size limit and no blocking on special files. */
#include "file.h"
#include "strbuf.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

/* Opens without blocking (a FIFO with no writer would wait forever), then
   reads in blocking mode; anything but a regular file or (when allowed) a
   pipe is refused. */
static int
open_input(const char *path, bool allow_pipe, int *fd, size_t *size)
{
	bool is_stdin = strcmp(path, "-") == 0;
	struct stat st;
	int err;

	*fd = is_stdin ? dup(STDIN_FILENO)
		       : open(path,
			      O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0)
		return errno;
	if (fstat(*fd, &st) != 0) {
		err = errno;
		close(*fd);
		return err;
	}
	/* Standard input was chosen by the user: a terminal is fine there. */
	if (!is_stdin && !S_ISREG(st.st_mode) &&
	    !(allow_pipe && S_ISFIFO(st.st_mode))) {
		close(*fd);
		return S_ISFIFO(st.st_mode) ? FILE_ERR_NOT_FILE
					    : FILE_ERR_NOT_REGULAR;
	}
	*size = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
	/* Our own descriptor only: standard input's flags are shared with
	   the parent, so a non-blocking one is waited on with poll(). */
	if (!is_stdin) {
		int flags = fcntl(*fd, F_GETFL);
		if (flags >= 0)
			(void)fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
	}
	return 0;
}

/* size: the file's size if known (a regular file), so that one buffer of
   the right size is enough; the file may still grow or shrink. */
static int
read_fd(int fd, size_t max, size_t size, char **buf, size_t *len)
{
	size_t cap = size > 0 && size <= max ? size + 1 : 1 << 16, n = 0;
	char *b = xmalloc(cap + 1);

	while (n <= max) {
		if (n == cap) {
			cap = cap > max / 2 ? max + 1 : cap * 2;
			b = xrealloc(b, cap + 1);
		}
		size_t want = cap - n;
		if (want > max + 1 - n)
			want = max + 1 - n;
		ssize_t got = read(fd, b + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			if (poll(&pfd, 1, -1) >= 0 || errno == EINTR)
				continue;
		}
		if (got < 0) {
			int err = errno;
			free(b);
			return err;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

static int
read_input(const char *path, bool allow_pipe, size_t max, char **buf,
	   size_t *len)
{
	int fd, err;
	size_t size;

	*buf = NULL;
	*len = 0;
	errno = 0;
	err = open_input(path, allow_pipe, &fd, &size);
	if (err)
		return err;
	err = read_fd(fd, max, size, buf, len);
	close(fd);
	return err;
}

int
file_read_all(const char *path, size_t max, char **buf, size_t *len)
{
	return read_input(path, true, max, buf, len);
}

int
file_read_regular(const char *path, size_t max, char **buf, size_t *len)
{
	return read_input(path, false, max, buf, len);
}

const char *
file_strerror(int err)
{
	if (err == FILE_ERR_NOT_REGULAR)
		return _("not a regular file or pipe");
	if (err == FILE_ERR_NOT_FILE)
		return _("not a regular file");
	return strerror(err);
}

/* ---------- writing ---------- */

bool
file_write_fd(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* "dir/.name.XXXXXX" beside path, for mkstemp. */
static char *
temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	struct strbuf sb = STRBUF_INIT;

	strbuf_init(&sb);
	strbuf_add(&sb, path, dirlen);
	strbuf_addf(&sb, ".%s.XXXXXX", path + dirlen);
	return strbuf_detach(&sb, NULL);
}

static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrdup(path) : xstrdup(".");
	if (slash)
		dir[slash - path + (slash == path)] = '\0';
	int fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/* rename(), or link(), which never replaces an existing file. */
static int
place_file(const char *tmp, const char *path, unsigned how)
{
	if (!(how & FILE_CREATE_ONLY))
		return rename(tmp, path) == 0 ? 0 : errno;
	if (link(tmp, path) != 0)
		return errno;
	unlink(tmp);
	return 0;
}

/*
 * A device, FIFO or socket is written as it is: renaming a file over
 * /dev/null or a pipe would replace it, not write into it.
 */
static int
write_special(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return errno;
	errno = 0;
	int err = file_write_fd(fd, buf, len) ? 0 : (errno ? errno : EIO);
	if (close(fd) != 0 && err == 0)
		err = errno;
	return err;
}

int
file_write_atomic(const char *path, const char *buf, size_t len,
		  unsigned how)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return EISDIR;
		if (how & FILE_CREATE_ONLY)
			return EEXIST;
		return write_special(path, buf, len);
	}
	char *tmp = temp_name(path);
	int fd = mkstemp(tmp), err = 0;

	if (fd < 0) {
		err = errno;
		free(tmp);
		return err;
	}
	mode_t mode =
		stat(path, &st) == 0 ? (st.st_mode & 07777) : new_file_mode();
	errno = 0; /* a short write sets none */
	bool sync = !(how & FILE_DERIVED);
	if (fchmod(fd, mode) != 0 || !file_write_fd(fd, buf, len) ||
	    (sync && fsync(fd) != 0))
		err = errno ? errno : EIO;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0)
		err = place_file(tmp, path, how);
	if (err)
		unlink(tmp);
	else if (sync)
		sync_dir(path);
	free(tmp);
	return err;
}
