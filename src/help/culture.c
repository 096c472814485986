/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see culture.h. */
#include "culture.h"
