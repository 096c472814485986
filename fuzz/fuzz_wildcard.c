/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for wildcard patterns (Get-Help names, -Parameter, the
 * psh filters): the input is "pattern\0text".  Matching must not crash or
 * take more than linear-times-pattern time, and must agree with simple
 * facts: a text with no wildcard or escape character matches itself as a
 * pattern, and "*" matches everything.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wildcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 2);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = '\0';
	const char *pattern = buf;
	const char *text = buf + strlen(buf) + (strlen(buf) < size);

	(void)wildcard_match_folded(pattern, text);
	if (!wildcard_match_folded("*", text))
		abort();
	if (strpbrk(text, "*?[`") == NULL && wildcard_has_wildcard(text))
		abort();
	if (strpbrk(text, "*?[`") == NULL && !wildcard_match_folded(text, text))
		abort();
	free(buf);
	return 0;
}
