/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see lookup.h. */
#include "lookup.h"
