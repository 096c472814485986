/* SPDX-License-Identifier: MIT */
/*
 * A bump allocator: everything of one help document lives in one arena and
 * is released at once by arena_release().  Built with -Darena_debug=true,
 * every allocation is its own malloc so that ASan sees overflows.
 */
#ifndef PSHELP_ARENA_H
#define PSHELP_ARENA_H

#include <stddef.h>

struct arena_chunk;
struct arena_owned;

struct arena {
	struct arena_chunk *head;
	struct arena_owned *owned; /* malloc'd blocks given to the arena */
	size_t used_bytes; /* total handed out, for statistics */
};

void arena_init(struct arena *a);
void arena_release(struct arena *a);
/* Zeroed, aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
/* Array of count elements, zeroed, with overflow check. */
void *arena_array(struct arena *a, size_t count, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Hands a malloc'd block to the arena: arena_release() frees it. */
void arena_adopt(struct arena *a, void *block);

#endif
