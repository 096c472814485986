/* SPDX-License-Identifier: MIT */
/* The terminal's size (see term.h). */
#include "term.h"

#include <sys/ioctl.h>
#include <unistd.h>

size_t
term_columns(int fd)
{
	struct winsize ws;

	if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0)
		return 0;
	return ws.ws_col;
}
