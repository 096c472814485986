/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the computers file (session_query.c): the input
 * is the file, read through a session manager as psh reads it.  Beyond
 * not crashing or hanging: a first line that is plainly one valid name
 * makes that name known, and a name that the file cannot hold is not.
 */
#define _GNU_SOURCE /* memfd_create */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(int ok)
{
	if (!ok)
		abort();
}

/* The first line, if it is only letters and digits (a name for sure). */
static size_t
plain_first_name(const uint8_t *data, size_t size, char *name, size_t cap)
{
	size_t n = 0;

	while (n < size && n + 1 < cap && isalnum(data[n]))
		n++;
	if (n == 0 || n >= size || data[n] != '\n' || n + 1 >= cap)
		return 0;
	memcpy(name, data, n);
	name[n] = '\0';
	return n;
}

static void
ask(struct session_manager *m, const char *name, int want)
{
	char *err = NULL;
	int known = session_computer_known(m, name, &err);

	check(known == want || want < 0);
	check(known || err != NULL);
	free(err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], name[256];
	struct session_config c = { 0 };
	struct session_manager *m;
	int fd = memfd_create("computers", MFD_CLOEXEC);
	size_t done = 0;

	if (fd < 0)
		return 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	c.program = "/bin/false";
	c.runtime_dir = "/nonexistent/psh-fuzz";
	c.computers_file = path;
	m = session_manager_new(&c);
	ask(m, "localhost", 1);
	/* Spaces cannot be in a name, so no line can make it known. */
	ask(m, "no such name", 0);
	ask(m, "Server01", -1);
	if (done == size && plain_first_name(data, size, name, sizeof(name)))
		ask(m, name, 1);
	session_manager_free(m);
	close(fd);
	return 0;
}
