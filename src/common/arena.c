/* SPDX-License-Identifier: MIT */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define CHUNK_SIZE (64 * 1024)
#define ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char data[];
};

struct arena_owned {
	struct arena_owned *next;
	void *block;
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->owned = NULL;
	a->used_bytes = 0;
}

void
arena_adopt(struct arena *a, void *block)
{
	struct arena_owned *o = arena_alloc(a, sizeof(*o));
	o->block = block;
	o->next = a->owned;
	a->owned = o;
}

void
arena_release(struct arena *a)
{
	for (struct arena_owned *o = a->owned; o; o = o->next)
		free(o->block); /* the records live in the chunks below */
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	arena_init(a);
}

static struct arena_chunk *
new_chunk(struct arena *a, size_t size)
{
	struct arena_chunk *c = xmalloc(sizeof(*c) + size);
	c->size = size;
	c->used = 0;
	c->next = a->head;
	a->head = c;
	return c;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < n)
		need = SIZE_MAX; /* let xmalloc fail loudly */
	a->used_bytes += n;
#ifdef PSHELP_ARENA_DEBUG
	struct arena_chunk *c = new_chunk(a, n);
	c->used = n;
	memset(c->data, 0, n);
	return c->data;
#else
	struct arena_chunk *c = a->head;
	if (c == NULL || c->size - c->used < need) {
		if (need > CHUNK_SIZE / 4) {
			/* Large blocks get their own chunk behind the head so
			 * that the head keeps its free space. */
			struct arena_chunk *big = xmalloc(sizeof(*big) + need);
			big->size = big->used = need;
			if (a->head) {
				big->next = a->head->next;
				a->head->next = big;
			} else {
				big->next = NULL;
				a->head = big;
			}
			memset(big->data, 0, need);
			return big->data;
		}
		c = new_chunk(a, CHUNK_SIZE);
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, need);
	return p;
#endif
}

void *
arena_array(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return arena_alloc(a, SIZE_MAX);
	return arena_alloc(a, count * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
