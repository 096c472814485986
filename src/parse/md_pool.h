/* SPDX-License-Identifier: MIT */
/* The allocator cmark-gfm uses while it parses one page (md_pool.c). */
#ifndef PSHELP_MD_POOL_H
#define PSHELP_MD_POOL_H

#include <cmark-gfm.h>

/* A new pool, in use until md_pool_end(); pass the result to
 * cmark_parser_new_with_mem(). */
cmark_mem *md_pool_begin(void);
/* Frees everything cmark took from the pool md_pool_begin() made. */
void md_pool_end(void);

#endif
