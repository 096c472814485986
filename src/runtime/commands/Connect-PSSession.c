/* SPDX-License-Identifier: MIT */
/* Placeholder until this command is written. */
extern int pshelp_placeholder_connect_pssession;
