/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see render_json.h. */
#include "render_json.h"
