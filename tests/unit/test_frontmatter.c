/* SPDX-License-Identifier: MIT */
/* Unit tests for frontmatter (to be written with the module). */
#include "tap.h"

int
main(void)
{
	return tap_done();
}
