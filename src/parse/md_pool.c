/* SPDX-License-Identifier: MIT */
/*
 * The memory cmark-gfm works in while it parses one page.  cmark
 * allocates every node, string and delimiter on its own, hundreds of
 * thousands of times over a help root; through malloc that cost as much
 * as the parse itself.  Here small blocks come from 64 KiB chunks,
 * freed blocks go back to a free list of their size class (so a page's
 * memory stays that of its largest live tree, never the sum of all the
 * temporaries), and the whole pool goes at once when the page is done.
 * Large blocks are plain malloc'd blocks on a list.
 *
 * cmark's allocator functions take no context, so the pool in use is a
 * thread-local: md_pool_begin() sets it, md_pool_end() releases it.
 */
#include "md_pool.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_ASAN 1
#endif
#endif
#ifdef POOL_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define CHUNK_BYTES (64 * 1024)
/* Size classes: every multiple of 16 bytes up to 1 KiB (cmark's nodes
 * and most strings fit one closely), then powers of two up to 8 KiB. */
#define FINE_STEP 16
#define FINE_LIMIT 1024
#define NFINE (FINE_LIMIT / FINE_STEP)
#define NCLASSES (NFINE + 3)
#define LARGEST ((size_t)8192)

/* Every block has its capacity just before it; a free block holds the
 * next free block of its class.  cmark's structures need no more than
 * 8-byte alignment, so one word of header is enough. */
struct small_head {
	size_t cap;
};

struct large_head {
	struct large_head *prev, *next;
	size_t cap;
};

struct chunk {
	struct chunk *next;
	size_t pad;
	_Alignas(16) unsigned char data[CHUNK_BYTES];
};

struct md_pool {
	struct chunk *chunks;
	unsigned char *bump, *bump_end;
	void *free_list[NCLASSES];
	struct large_head *large;
	size_t used, limit; /* bytes taken from malloc; the most allowed */
	jmp_buf *over;	    /* where to go past the limit */
	struct md_pool *outer; /* the pool this one replaced */
};

static _Thread_local struct md_pool *current;

static size_t
cap_of(const void *p)
{
	return ((const size_t *)p)[-1];
}

/* The smallest class that holds n bytes (n <= LARGEST). */
static unsigned
class_of(size_t n)
{
	if (n <= FINE_LIMIT)
		return n <= FINE_STEP ? 0 : (unsigned)((n - 1) / FINE_STEP);
	unsigned bits = 64 - (unsigned)__builtin_clzll((unsigned long long)n - 1);
	return NFINE + (bits - 11); /* 2048 -> NFINE, 4096, 8192 */
}

static size_t
class_cap(unsigned c)
{
	return c < NFINE ? (size_t)(c + 1) * FINE_STEP
			 : (size_t)2048 << (c - NFINE);
}

/* Counts n more bytes against the limit, leaving cmark through the jump
 * buffer when it is passed: every byte cmark holds is in the pool, which
 * md_pool_end() frees at once, so nothing leaks. */
static void
charge(struct md_pool *pool, size_t n)
{
	pool->used += n;
	if (pool->over && pool->used > pool->limit)
		longjmp(*pool->over, 1);
}

static void *
large_alloc(struct md_pool *pool, size_t n)
{
	if (n > SIZE_MAX - sizeof(struct large_head))
		n = SIZE_MAX; /* xmalloc reports it and exits */
	charge(pool, n == SIZE_MAX ? n : sizeof(struct large_head) + n);
	struct large_head *h = xmalloc(n == SIZE_MAX ? n : sizeof(*h) + n);
	h->prev = NULL;
	h->next = pool->large;
	if (pool->large)
		pool->large->prev = h;
	pool->large = h;
	h->cap = n;
	return h + 1;
}

static void *
small_alloc(struct md_pool *pool, unsigned c)
{
	size_t cap = class_cap(c);
	void *p = pool->free_list[c];
	if (p) {
		UNPOISON(p, cap);
		memcpy(&pool->free_list[c], p, sizeof(void *));
		return p;
	}
	size_t need = sizeof(struct small_head) + cap;
	if ((size_t)(pool->bump_end - pool->bump) < need) {
		charge(pool, sizeof(struct chunk));
		struct chunk *k = xmalloc(sizeof(*k));
		k->next = pool->chunks;
		pool->chunks = k;
		pool->bump = k->data;
		pool->bump_end = k->data + CHUNK_BYTES;
		POISON(k->data, CHUNK_BYTES);
	}
	struct small_head *h = (struct small_head *)pool->bump;
	pool->bump += need;
	UNPOISON(h, need);
	h->cap = cap;
	return h + 1;
}

static void *
pool_alloc(size_t n)
{
	struct md_pool *pool = current;
	if (pool == NULL) {
		fputs("pshelp: cmark allocated outside a page's parse\n",
		      stderr);
		abort();
	}
	return n > LARGEST ? large_alloc(pool, n)
			   : small_alloc(pool, class_of(n));
}

static void
pool_free(void *p)
{
	if (p == NULL)
		return;
	struct md_pool *pool = current;
	size_t cap = cap_of(p);
	if (cap > LARGEST) {
		struct large_head *h = (struct large_head *)p - 1;
		if (h->prev)
			h->prev->next = h->next;
		else
			pool->large = h->next;
		if (h->next)
			h->next->prev = h->prev;
		pool->used -= sizeof(*h) + cap;
		free(h);
		return;
	}
	unsigned c = class_of(cap);
	memcpy(p, &pool->free_list[c], sizeof(void *));
	pool->free_list[c] = p;
	POISON(p, cap);
}

static void *
pool_calloc(size_t count, size_t size)
{
	size_t n = size && count > SIZE_MAX / size ? SIZE_MAX : count * size;
	void *p = pool_alloc(n);
	memset(p, 0, n);
	return p;
}

static void *
pool_realloc(void *p, size_t n)
{
	if (p == NULL)
		return pool_alloc(n);
	size_t cap = cap_of(p);
	if (n <= cap)
		return p;
	void *q = pool_alloc(n);
	memcpy(q, p, cap);
	pool_free(p);
	return q;
}

static cmark_mem pool_mem = { pool_calloc, pool_realloc, pool_free };

cmark_mem *
md_pool_begin(void)
{
	struct md_pool *pool = xcalloc(1, sizeof(*pool));
	pool->outer = current;
	current = pool;
	return &pool_mem;
}

void
md_pool_limit(size_t limit, jmp_buf *over)
{
	struct md_pool *pool = current;
	if (pool == NULL)
		return;
	pool->limit = limit;
	pool->over = over;
	if (over && pool->used > limit)
		longjmp(*over, 1);
}

void
md_pool_end(void)
{
	struct md_pool *pool = current;
	if (pool == NULL)
		return;
	while (pool->chunks) {
		struct chunk *next = pool->chunks->next;
		UNPOISON(pool->chunks->data, CHUNK_BYTES);
		free(pool->chunks);
		pool->chunks = next;
	}
	while (pool->large) {
		struct large_head *next = pool->large->next;
		free(pool->large);
		pool->large = next;
	}
	current = pool->outer;
	free(pool);
}
