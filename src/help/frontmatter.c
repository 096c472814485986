/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see frontmatter.h. */
#include "frontmatter.h"
