/* SPDX-License-Identifier: MIT */
/*
 * ASCII line breaking.  ICU 72's line rules (RuleBasedBreakIterator::
 * getRules() of "line.brk"), restricted to tab and printable ASCII, leave
 * these classes: SP BA EX QU AL PR PO OP CP CL IS HY SY NU.  There the
 * rules reduce to pairs, three contexts and one regular expression:
 *
 *   × SP;  × (CL | CP | EX | SY);  OP SP* ×;  QU SP* × OP
 *   [^SP] × IS;  SP ÷ IS NU, else SP × IS          (LB15c, LB15d)
 *   SP ÷                                           (LB18)
 *   [^SP] × QU;  QU ×;  [^SP] × (BA | HY)
 *   ^HY × AL, only where a break precedes the HY   (LB20a)
 *   AL × (AL | NU | PR | PO | OP);  NU × (AL | OP);  (PR | PO) × AL
 *   IS × AL;  CP × (AL | NU)
 *   (PR|PO)? (OP|HY)? IS? NU (NU|SY|IS)* (CL|CP)? (PR|PO)?  unbroken (LB25)
 *   ÷ everywhere else
 *
 * With ICU's chaining every character starts a rule except those inside
 * a longer match, and none of those can reach past the match, so a
 * boundary is no break exactly when one of these covers it.  Every
 * tailoring ICU 72 ships (ja, zh, lb=loose/normal, lw=phrase) changes
 * only sets outside ASCII.  tests/unit/test_textwrap_ascii.c checks all
 * of this against ICU itself.
 */
#include "textwrap_ascii.h"

#include <stdint.h>

#include <unicode/uchar.h>

enum {
	XX = 0, /* not handled here: controls, DEL, non-ASCII */
	SP = U_LB_SPACE,
	BA = U_LB_BREAK_AFTER,
	EX = U_LB_EXCLAMATION,
	QU = U_LB_QUOTATION,
	AL = U_LB_ALPHABETIC,
	PR = U_LB_PREFIX_NUMERIC,
	PO = U_LB_POSTFIX_NUMERIC,
	OP = U_LB_OPEN_PUNCTUATION,
	CP = U_LB_CLOSE_PARENTHESIS,
	CL = U_LB_CLOSE_PUNCTUATION,
	IS = U_LB_INFIX_NUMERIC,
	HY = U_LB_HYPHEN,
	SY = U_LB_BREAK_SYMBOLS,
	NU = U_LB_NUMERIC,
	END = 0xFF /* past the end of the text */
};

/* UCHAR_LINE_BREAK of each byte this file handles, XX for the rest. */
static const unsigned char lb_of[128] = {
	XX, XX, XX, XX, XX, XX, XX, XX, XX, BA, XX, XX, XX, XX, XX, XX,
	XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX,
	/*  !   "   #   $   %   &   '   (   )   *   +   ,   -   .   / */
	SP, EX, QU, AL, PR, PO, AL, QU, OP, CP, AL, PR, IS, HY, IS, SY,
	/* 0-9 : ; < = > ? */
	NU, NU, NU, NU, NU, NU, NU, NU, NU, NU, IS, IS, AL, AL, AL, EX,
	/* @ A-O */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,
	/* P-Z [ \ ] ^ _ */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, OP, PR, CP, AL, AL,
	/* ` a-o */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,
	/* p-z { | } ~ DEL */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, OP, BA, CL, AL, XX,
};

int
textwrap_ascii_class(unsigned char c)
{
	return c < 0x80 ? lb_of[c] : XX;
}

bool
textwrap_ascii_only(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len; i++)
		if (p[i] >= 0x80 || lb_of[p[i]] == XX)
			return false;
	return true;
}

void
textwrap_ascii_begin(struct tw_ascii *it, const char *s, size_t len)
{
	it->s = (const unsigned char *)s;
	it->len = len;
	it->pos = 0;
	it->seg = 0;
	it->num_end = 0;
	it->num_from = 0;
	it->ctx = XX;
}

static int
cls(const struct tw_ascii *it, size_t i)
{
	return i < it->len ? lb_of[it->s[i]] : END;
}

/* Skips one optional character of class a or b. */
static size_t
opt(const struct tw_ascii *it, size_t i, int a, int b)
{
	int c = cls(it, i);

	return c == a || c == b ? i + 1 : i;
}

/* End of the LB25 number that starts at p, or p if none does. */
static size_t
number_end(const struct tw_ascii *it, size_t p)
{
	size_t i = opt(it, p, PR, PO);

	i = opt(it, i, OP, HY);
	i = opt(it, i, IS, IS);
	if (cls(it, i) != NU)
		return p;
	for (i++; cls(it, i) == NU || cls(it, i) == SY || cls(it, i) == IS;)
		i++;
	i = opt(it, i, CL, CP);
	return opt(it, i, PR, PO);
}

/* Extends num_end over the numbers starting before boundary b.  A
   start strictly inside a number cannot end past it: skip those. */
static void
numbers_to(struct tw_ascii *it, size_t b)
{
	for (size_t p = it->num_from; p < b; p++) {
		if (p + 1 < it->num_end)
			continue;
		size_t e = number_end(it, p);

		if (e > it->num_end)
			it->num_end = e;
	}
	if (it->num_from < b)
		it->num_from = b;
}

/* The pair rules, for a boundary between classes a and b. */
static bool
pair_joins(int a, int b)
{
	switch (a) {
	case AL:
		return b == AL || b == NU || b == PR || b == PO || b == OP;
	case NU:
		return b == AL || b == OP;
	case PR:
	case PO:
	case IS:
		return b == AL;
	case CP:
		return b == AL || b == NU;
	default:
		return false;
	}
}

/* Is boundary b (between bytes b - 1 and b, 0 < b < len) a break? */
static bool
breaks_at(struct tw_ascii *it, size_t b)
{
	int x = cls(it, b - 1), y = cls(it, b);

	if (y == SP || y == CL || y == CP || y == EX || y == SY)
		return false;
	if (it->ctx == OP || (y == OP && it->ctx == QU))
		return false;
	if (y == IS)
		return x == SP && cls(it, b + 1) == NU;
	if (x == SP)
		return true;
	if (x == QU || y == QU || y == BA || y == HY)
		return false;
	if (x == HY && y == AL && it->seg == b - 1)
		return false;
	if (pair_joins(x, y))
		return false;
	numbers_to(it, b);
	return b >= it->num_end;
}

size_t
textwrap_ascii_next(struct tw_ascii *it)
{
	if (it->pos >= it->len) { /* done, or an empty text */
		it->pos = SIZE_MAX;
		return SIZE_MAX;
	}
	for (size_t b = it->pos + 1; b < it->len; b++) {
		int x = cls(it, b - 1);

		if (x != SP)
			it->ctx = (unsigned char)x;
		if (breaks_at(it, b)) {
			it->pos = it->seg = b;
			return b;
		}
	}
	it->pos = it->len;
	return it->len;
}
