/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see md_parse.h. */
#include "md_parse.h"
