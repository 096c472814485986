/* SPDX-License-Identifier: MIT */
/*
 * Output formatting of psh: how the objects at the end of a pipeline
 * are shown.  Runs of PSSessions become the session table (with a blank
 * line before and after it, as PowerShell prints tables), runs of
 * records of one type a table of their properties (CommandType Name
 * Version Source for Get-Command), anything else its string form, one
 * per line.  Text from values is neutralized for the terminal.
 */
#ifndef PSHELP_PSH_FORMAT_H
#define PSHELP_PSH_FORMAT_H

#include <stddef.h>

struct rt_value;
struct strbuf;

void psh_format_values(struct strbuf *sb, struct rt_value *const *v, size_t n);

#endif
