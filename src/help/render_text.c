/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see render_text.h. */
#include "render_text.h"
