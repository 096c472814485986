/* SPDX-License-Identifier: MIT */
/*
 * PowerShell's comparison operators over runtime values, shared by the
 * evaluator ($a -eq 1) and Where-Object's comparison statements (Where-Object
 * State -eq Opened): case-insensitive unless asked, the left operand decides
 * the type the right one is converted to, and an array on the left filters
 * (1,2,3 -gt 1 is 2,3).
 */
#ifndef PSHELP_RT_COMPARE_H
#define PSHELP_RT_COMPARE_H

#include <stdbool.h>

#include "rt_value.h"

enum rt_cmp_op {
	RT_CMP_EQ,
	RT_CMP_NE,
	RT_CMP_GT,
	RT_CMP_GE,
	RT_CMP_LT,
	RT_CMP_LE,
	RT_CMP_LIKE,
	RT_CMP_NOTLIKE,
	RT_CMP_MATCH,
	RT_CMP_NOTMATCH,
	RT_CMP_CONTAINS,
	RT_CMP_NOTCONTAINS,
	RT_CMP_IN,
	RT_CMP_NOTIN
};

/*
 * The operator an operator name without its dash means ("eq", "ceq",
 * "ilike"): *cs is true for the c- forms.  False for any other name.
 */
bool rt_cmp_parse(const char *name, enum rt_cmp_op *op, bool *cs);

/* PowerShell's conversion to bool: $null, 0, "", @() are false. */
bool rt_value_truthy(const struct rt_value *v);

/*
 * l OP r for one left value (an array on the left is one value here,
 * except for -contains).  Returns 0 with *result, or -1 with *error (an
 * invalid -match pattern; caller frees).
 */
int rt_compare_scalar(const struct rt_value *l, enum rt_cmp_op op, bool cs,
		      const struct rt_value *r, bool *result, char **error);

/*
 * The operator as an expression: a bool, or, for an array on the left
 * and an operator other than -contains/-notcontains, the elements for
 * which it holds.  NULL with *error on an invalid pattern.
 */
struct rt_value *rt_compare(const struct rt_value *l, enum rt_cmp_op op,
			    bool cs, const struct rt_value *r, char **error);

#endif
