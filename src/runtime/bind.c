/* SPDX-License-Identifier: MIT */
/* Placeholder until this part is written. */
extern int pshelp_placeholder_bind;
