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
	{ "ForEach-Object", rt_run_foreach_object },
	{ "Get-Command", rt_run_get_command },
	{ "Get-Help", rt_run_get_help },
	{ "Get-Job", rt_run_get_job },
	{ "Get-PSSession", rt_run_get_pssession },
	{ "Invoke-Command", rt_run_invoke_command },
	{ "New-PSSession", rt_run_new_pssession },
	{ "Out-Default", rt_run_out_default },
	{ "Out-Host", rt_run_out_host },
	{ "Out-Null", rt_run_out_null },
	{ "Receive-Job", rt_run_receive_job },
	{ "Receive-PSSession", rt_run_receive_pssession },
	{ "Remove-Job", rt_run_remove_job },
	{ "Remove-PSSession", rt_run_remove_pssession },
	{ "Start-Sleep", rt_run_start_sleep },
	{ "Wait-Job", rt_run_wait_job },
	{ "Where-Object", rt_run_where_object },
	{ "Write-Output", rt_run_write_output },
	{ "Write-Verbose", rt_run_write_verbose },
	{ "Write-Warning", rt_run_write_warning },
};

rt_handler_fn *
rt_handler_find(const char *name)
{
	for (size_t i = 0; i < sizeof(handlers) / sizeof(*handlers); i++)
		if (strcmp(handlers[i].name, name) == 0)
			return handlers[i].run;
	return NULL;
}

/* Commands that want a call after their last pipeline object. */
static const struct {
	const char *name;
	rt_handler_fn *end;
} end_handlers[] = {
	{ "ForEach-Object", rt_end_foreach_object },
	{ "Out-Default", rt_end_out_default },
	{ "Out-Host", rt_end_out_host },
};

rt_handler_fn *
rt_handler_find_end(const char *name)
{
	for (size_t i = 0; i < sizeof(end_handlers) / sizeof(*end_handlers);
	     i++)
		if (strcmp(end_handlers[i].name, name) == 0)
			return end_handlers[i].end;
	return NULL;
}
