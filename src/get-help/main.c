/* SPDX-License-Identifier: MIT */
/* Placeholder: the get-help command line is written next. */
int
main(void)
{
	return 0;
}
