/* SPDX-License-Identifier: MIT */
/* The name → handler table of the runtime's commands. */
#include <stddef.h>
#include <string.h>

#include "handlers.h"

static const struct {
	const char *name;
	rt_handler_fn *run;
} handlers[] = {
	{ "Connect-PSSession", rt_run_connect_pssession },
	{ "Disconnect-PSSession", rt_run_disconnect_pssession },
	{ "Enter-PSSession", rt_run_enter_pssession },
	{ "Exit-PSSession", rt_run_exit_pssession },
	{ "Get-Command", rt_run_get_command },
	{ "Get-Help", rt_run_get_help },
	{ "Get-PSSession", rt_run_get_pssession },
	{ "Invoke-Command", rt_run_invoke_command },
	{ "New-PSSession", rt_run_new_pssession },
	{ "Out-Default", rt_run_out_default },
	{ "Out-Host", rt_run_out_host },
	{ "Out-Null", rt_run_out_null },
	{ "Receive-PSSession", rt_run_receive_pssession },
	{ "Remove-PSSession", rt_run_remove_pssession },
	{ "Write-Output", rt_run_write_output },
};

rt_handler_fn *
rt_handler_find(const char *name)
{
	for (size_t i = 0; i < sizeof(handlers) / sizeof(*handlers); i++)
		if (strcmp(handlers[i].name, name) == 0)
			return handlers[i].run;
	return NULL;
}
