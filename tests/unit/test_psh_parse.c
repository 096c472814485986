/* SPDX-License-Identifier: MIT */
/* Unit tests for psh_parse (to be written with the module). */
#include "tap.h"

int
main(void)
{
	return tap_done();
}
