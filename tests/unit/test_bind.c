/* SPDX-License-Identifier: MIT */
/* Unit tests for bind (to be written with the module). */
#include "tap.h"

int
main(void)
{
	return tap_done();
}
