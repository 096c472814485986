/* SPDX-License-Identifier: MIT */
/*
 * A tiny TAP producer for unit tests (meson protocol: 'tap').
 *   TEST(name) { check(x); check_int(a, ==, b); check_str(a, b); }
 *   int main(void) { RUN(name); ... return tap_done(); }
 * Each check prints file:line and got/expected on failure.
 */
#ifndef PSHELP_TAP_H
#define PSHELP_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_count __attribute__((unused));
static int tap_failed __attribute__((unused));
static int tap_cur_failed __attribute__((unused));

#define TEST(name) static void test_##name(void)
#define RUN(name)                                                              \
	do {                                                                   \
		tap_cur_failed = 0;                                            \
		test_##name();                                                 \
		tap_count++;                                                   \
		if (tap_cur_failed)                                            \
			tap_failed++;                                          \
		printf("%s %d - %s\n", tap_cur_failed ? "not ok" : "ok",       \
		       tap_count, #name);                                      \
		fflush(stdout);                                                \
	} while (0)

#define tap_fail_(fmt, ...)                                                    \
	do {                                                                   \
		tap_cur_failed = 1;                                            \
		printf("# %s:%d: " fmt "\n", __FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

#define check(x)                                                               \
	do {                                                                   \
		if (!(x))                                                      \
			tap_fail_("check failed: %s", #x);                     \
	} while (0)

#define check_int(a, op, b)                                                    \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (!(a_ op b_))                                               \
			tap_fail_("check failed: %s %s %s (got %lld, %lld)",   \
				  #a, #op, #b, a_, b_);                        \
	} while (0)

#define check_str(a, b)                                                        \
	do {                                                                   \
		const char *a_ = (a), *b_ = (b);                               \
		if (!a_ || !b_ || strcmp(a_, b_) != 0)                         \
			tap_fail_("check failed: %s == %s\n#   got:      "     \
				  "'%s'\n#   expected: '%s'",                  \
				  #a, #b, a_ ? a_ : "(null)",                  \
				  b_ ? b_ : "(null)");                         \
	} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
