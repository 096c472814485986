/* SPDX-License-Identifier: MIT */
/* Placeholder until this stage is written; see platyps_meta.h. */
#include "platyps_meta.h"
