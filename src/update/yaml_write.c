/* SPDX-License-Identifier: MIT */
#include "update.h"
