/* SPDX-License-Identifier: MIT */
/*
 * update: pages written from metadata (`pshelp new`) and brought in line
 * with it by splicing (`pshelp update`), every other byte kept.
 */
#ifndef PSHELP_UPDATE_H
#define PSHELP_UPDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "help_model.h"
#include "meta.h"
#include "strbuf.h"

#endif
