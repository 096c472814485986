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
#include <string.h>

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

/* UCHAR_LINE_BREAK of each byte this file handles, XX for the rest;
   TEXTWRAP_LETTER stands for a Latin letter of a narrowed text. */
static const unsigned char lb_of[256] = {
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
	[TEXTWRAP_LETTER] = AL,
};

int
textwrap_ascii_class(unsigned char c)
{
	return c < 0x80 ? lb_of[c] : XX;
}

/* Bytes below 0x20 or above 0x7E (see "hasless" in Bit Twiddling
   Hacks): never a false negative; a tab is checked byte by byte. */
static bool
maybe_odd(uint64_t v)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = ones * 0x80;

	return ((v - ones * 0x20) & ~v & high) != 0 ||
	       ((v | (v + ones)) & high) != 0;
}

static bool
maybe_odd_at(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return maybe_odd(v);
}

static bool
handled(unsigned char c)
{
	return c < 0x80 && lb_of[c] != XX;
}

bool
textwrap_ascii_only(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		if (!maybe_odd_at(p + i))
			continue;
		for (size_t k = i; k < i + 8; k++)
			if (!handled(p[k]))
				return false;
	}
	for (; i < len; i++)
		if (!handled(p[i]))
			return false;
	return true;
}

bool
textwrap_latin_letter(uint32_t c)
{
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

size_t
textwrap_narrow(const char *s, size_t len, unsigned char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];

		if (i + 8 <= len && !maybe_odd_at(p + i)) {
			memmove(out + n, p + i, 8); /* out may be s */
			n += 8;
			i += 7;
			continue;
		}

		if (c < 0x80) {
			if (!handled(c))
				return SIZE_MAX;
			out[n++] = c;
			continue;
		}
		/* two bytes: 110xxxxx 10xxxxxx, no overlong form (c >= C2) */
		if (c < 0xC2 || c > 0xDF || i + 1 >= len ||
		    (p[i + 1] & 0xC0) != 0x80)
			return SIZE_MAX;
		if (!textwrap_latin_letter((uint32_t)(c & 0x1F) << 6 |
					   (p[i + 1] & 0x3F)))
			return SIZE_MAX;
		out[n++] = TEXTWRAP_LETTER;
		i++;
	}
	return n;
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

#define M(c) (UINT64_C(1) << (c))
#define NUMBER_START (M(PR) | M(PO) | M(OP) | M(HY) | M(IS) | M(NU))
#define NUMBER_PART (NUMBER_START | M(SY) | M(CL) | M(CP))

/* End of the LB25 number that starts at p, or p if none does. */
static size_t
number_end(const struct tw_ascii *it, size_t p)
{
	size_t i;

	if (!(M(lb_of[it->s[p]]) & NUMBER_START))
		return p;
	i = opt(it, p, PR, PO);

	i = opt(it, i, OP, HY);
	i = opt(it, i, IS, IS);
	if (cls(it, i) != NU)
		return p;
	for (i++; cls(it, i) == NU || cls(it, i) == SY || cls(it, i) == IS;)
		i++;
	i = opt(it, i, CL, CP);
	return opt(it, i, PR, PO);
}

/*
 * Is boundary b inside a number?  Tries each start before b in order,
 * from the start of the run of number characters b is in (no number
 * reaches across another character), skipping starts strictly inside a
 * number found already: they cannot end past it.
 */
static bool
in_number(struct tw_ascii *it, size_t b)
{
	size_t run = b - 1;

	if (!(M(cls(it, b - 1)) & NUMBER_PART) || !(M(cls(it, b)) & NUMBER_PART))
		return false;
	while (run > it->num_from && M(cls(it, run - 1)) & NUMBER_PART)
		run--;
	if (run > it->num_from)
		it->num_from = run;
	for (size_t p = it->num_from; p < b; p++) {
		if (p + 1 < it->num_end)
			continue;
		size_t e = number_end(it, p);

		if (e > it->num_end)
			it->num_end = e;
	}
	it->num_from = b;
	return b < it->num_end;
}

#define ALWAYS (M(SP) | M(CL) | M(CP) | M(EX) | M(SY))
#define NOT_AFTER_SP (ALWAYS | M(IS) | M(QU) | M(BA) | M(HY))

/*
 * The classes that never take a break before them after class x,
 * whatever the context: a shortcut past breaks_at(), which decides
 * the rest.
 */
static const uint64_t never_breaks[64] = {
	[SP] = ALWAYS,
	[BA] = NOT_AFTER_SP,
	[EX] = NOT_AFTER_SP,
	[QU] = ~UINT64_C(0),
	[AL] = NOT_AFTER_SP | M(AL) | M(NU) | M(PR) | M(PO) | M(OP),
	[PR] = NOT_AFTER_SP | M(AL),
	[PO] = NOT_AFTER_SP | M(AL),
	[OP] = ~UINT64_C(0),
	[CP] = NOT_AFTER_SP | M(AL) | M(NU),
	[CL] = NOT_AFTER_SP,
	[IS] = NOT_AFTER_SP | M(AL),
	[HY] = NOT_AFTER_SP,
	[SY] = NOT_AFTER_SP,
	[NU] = NOT_AFTER_SP | M(AL) | M(OP),
};

/* The class of the last character before b that is not a space. */
static int
before_spaces(const struct tw_ascii *it, size_t b)
{
	while (b > 0 && it->s[b - 1] == ' ')
		b--;
	return b > 0 ? lb_of[it->s[b - 1]] : XX;
}

/* After a space: OP SP* ×, QU SP* × OP, SP ÷ IS NU, else SP ÷. */
static bool
breaks_after_space(const struct tw_ascii *it, size_t b, int y)
{
	int ctx = before_spaces(it, b);

	if (ctx == OP || (y == OP && ctx == QU))
		return false;
	if (y == IS)
		return cls(it, b + 1) == NU;
	return true;
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

	if (y == SP || y == CL || y == CP || y == EX || y == SY || x == OP)
		return false;
	if (x == SP)
		return breaks_after_space(it, b, y);
	if (x == QU || y == QU || y == IS || y == BA || y == HY)
		return false;
	if (x == HY && y == AL && it->seg == b - 1)
		return false;
	return !pair_joins(x, y) && !in_number(it, b);
}

size_t
textwrap_ascii_next(struct tw_ascii *it)
{
	const unsigned char *s = it->s;

	if (it->pos >= it->len) { /* done, or an empty text */
		it->pos = SIZE_MAX;
		return SIZE_MAX;
	}
	for (size_t b = it->pos + 1, x = lb_of[s[b - 1]]; b < it->len; b++) {
		size_t y = lb_of[s[b]];

		if (!(never_breaks[x] >> y & 1) && breaks_at(it, b)) {
			it->pos = it->seg = b;
			return b;
		}
		x = y;
	}
	it->pos = it->len;
	return it->len;
}
