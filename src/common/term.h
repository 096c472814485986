/* SPDX-License-Identifier: MIT */
/* The terminal, as the programs size their output by it. */
#ifndef PSHELP_TERM_H
#define PSHELP_TERM_H

#include <stddef.h>

/* Columns of the terminal on fd, or 0 when fd is not a terminal. */
size_t term_columns(int fd);

#endif
