/* SPDX-License-Identifier: MIT */
/*
 * Small UTF-8 helpers that need no ICU: decoding with error reporting and
 * neutralizing control characters before text reaches a terminal.
 */
#ifndef PSHELP_UTF8_H
#define PSHELP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

/*
 * Decodes one code point at s[0..len).  Returns its length in bytes
 * (1..4) and stores it in *cp; on an invalid or truncated sequence
 * returns 1 and stores -1.  len must be > 0.
 */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);
/* Appends the UTF-8 encoding of cp (U+FFFD if cp is not a scalar value). */
void utf8_encode(struct strbuf *sb, int32_t cp);
/* Offset of the first invalid byte, or len if s is valid UTF-8. */
size_t utf8_first_invalid(const char *s, size_t len);
/*
 * Appends s to sb so that it is safe to print: invalid bytes become
 * U+FFFD, C0 controls other than TAB and LF, DEL and C1 controls become
 * their visible Control Pictures (ESC -> U+241B) or U+FFFD.  With
 * keep_newlines false, LF is neutralized too.
 */
void utf8_neutralize(struct strbuf *sb, const char *s, size_t len,
		     bool keep_newlines);
/* A malloc'd copy of s made safe to print on one line (see above). */
char *utf8_safe_dup(const char *s);
/*
 * s[0..len) as a quoted JSON string (RFC 8259), safe to print: controls
 * (newlines too), DEL and C1, U+2028 and U+2029 and the hidden direction
 * and zero-width characters as \uXXXX escapes, invalid bytes as U+FFFD.
 * NULL gives null.
 */
void utf8_json_string(struct strbuf *sb, const char *s, size_t len);
/* True if s contains nothing that utf8_neutralize would change. */
bool utf8_is_clean(const char *s, size_t len, bool allow_newlines);

#endif
