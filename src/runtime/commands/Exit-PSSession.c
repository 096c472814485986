/* SPDX-License-Identifier: MIT */
/* Exit-PSSession: parameter metadata of PowerShell 7.2 (en-US page). */
#include "cmd_table.h"

const struct rt_command cmd_exit_pssession = {
	.name = "Exit-PSSession",
	.aliases = RT_LIST("exsn"),
	.common_parameters = true,
	.synopsis = "Ends the interactive session.",
	.run = NULL,
};
