/* SPDX-License-Identifier: MIT */
/* Exit-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "meta_table.h"

const struct meta_command meta_cmd_exit_pssession = {
	.name = "Exit-PSSession",
	.aliases = META_LIST("exsn"),
	.common_parameters = true,
	.synopsis = "Ends the interactive session.",
};
