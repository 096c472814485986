/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the metadata JSON reader (meta_load_json): any
 * bytes give tables or an error with a position, never a crash; tables it
 * accepts write out as JSON that reads back to the same text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() so that libFuzzer keeps the input as a crash. */
static void
check_round_trip(const struct meta_set *set)
{
	struct meta_set *again = NULL;
	struct meta_error err;
	char *first = meta_json_write(set);

	if (meta_load_json(first, strlen(first), &again, &err) != 0)
		abort(); /* what we wrote must read back */
	char *second = meta_json_write(again);
	if (strcmp(first, second) != 0)
		abort();
	free(second);
	meta_set_free(again);
	free(first);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_set *set = NULL;
	struct meta_error err;

	if (meta_load_json((const char *)data, size, &set, &err) == 0) {
		check_round_trip(set);
		meta_set_free(set);
	} else if (err.message[0] == '\0' || err.line < 0 || err.column < 0) {
		abort(); /* every rejection says where and why */
	}
	return 0;
}
