/* SPDX-License-Identifier: MIT */
/* Unit tests for rt_meta (to be written with the module). */
#include "tap.h"

int
main(void)
{
	return tap_done();
}
