/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see textwrap.h. */
#include "textwrap.h"
