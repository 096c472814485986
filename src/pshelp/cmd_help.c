/* SPDX-License-Identifier: MIT */
#include "pshelp.h"
int cmd_help(int argc, char **argv) { (void)argc; (void)argv; return 2; }
