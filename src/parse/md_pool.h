/* SPDX-License-Identifier: MIT */
/* The allocator cmark-gfm uses while it parses one page (md_pool.c). */
#ifndef PSHELP_MD_POOL_H
#define PSHELP_MD_POOL_H

#include <cmark-gfm.h>
#include <setjmp.h>
#include <stddef.h>

/* A new pool, in use until md_pool_end(); pass the result to
 * cmark_parser_new_with_mem(). */
cmark_mem *md_pool_begin(void);
/*
 * While over is set, the current pool jumps there (longjmp) rather than
 * take more than limit bytes from malloc; md_pool_limit(0, NULL) lifts
 * the limit.  Jump only out of cmark calls: every byte they hold is in
 * the pool, and md_pool_end() still frees it all.
 */
void md_pool_limit(size_t limit, jmp_buf *over);
/* Frees everything cmark took from the pool md_pool_begin() made. */
void md_pool_end(void);

#endif
