/* SPDX-License-Identifier: MIT */
/* The stop request: one flag and an optional poll hook (rt_interrupt.h). */
#include <signal.h>

#include "rt_interrupt.h"

static volatile sig_atomic_t interrupt_raised;
static rt_interrupt_poll_fn *poll_fn;
static void *poll_cookie;

void
rt_interrupt_raise(void)
{
	interrupt_raised = 1;
}

void
rt_interrupt_clear(void)
{
	interrupt_raised = 0;
}

bool
rt_interrupt_raised(void)
{
	return interrupt_raised != 0;
}

bool
rt_interrupt_pending(void)
{
	if (interrupt_raised)
		return true;
	if (poll_fn && poll_fn(poll_cookie))
		interrupt_raised = 1;
	return interrupt_raised != 0;
}

void
rt_interrupt_set_poll(rt_interrupt_poll_fn *fn, void *cookie)
{
	poll_fn = fn;
	poll_cookie = cookie;
}
