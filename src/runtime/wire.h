/* SPDX-License-Identifier: MIT */
/*
 * The wire protocol between a psh client and a session endpoint over a
 * Unix stream socket.  A frame is a 5-byte header (payload length as a
 * big-endian u32, then the frame type) and a payload of at most
 * WIRE_MAX_FRAME bytes.  A non-empty payload is exactly one encoded
 * value (see wire.c for the tags).  The peer is untrusted: every length,
 * count and nesting level is checked before use.
 *
 * Conversation: on accept the endpoint sends HELLO; the client sends one
 * request (INFO, or ATTACH to become the session's client) and, once
 * attached, any number of INVOKE / RECEIVE / INFO, then DISCONNECT or
 * CLOSE.  Every request gets exactly one answer (INFO_REPLY, RESULT, OK
 * or ERROR).
 *
 * CANCEL (Ctrl-C in the client) may follow an INVOKE before its answer:
 * the endpoint stops the running pipeline (rt_interrupt.h) and answers
 * the INVOKE as usual, with what it had output so far.
 *
 * INVOKE: Script is the text to run, Buffer true keeps the output in the
 * endpoint (answer OK) instead of sending it (answer RESULT).  Invoke-
 * Command adds Arguments and Input, two arrays of values that the
 * endpoint binds to $args and $input as they are: values travel as
 * data and are never turned into source.  A request without them (a
 * line typed in Enter-PSSession) leaves $args and $input alone.
 */
#ifndef PSHELP_WIRE_H
#define PSHELP_WIRE_H

#include <stdbool.h>
#include <stddef.h>

struct rt_value;
struct strbuf;

/* 2: INVOKE carries Arguments and Input as values, never as source. */
#define WIRE_VERSION 2
#define WIRE_HEADER_SIZE 5
#define WIRE_MAX_FRAME (8u << 20) /* payload bytes */
#define WIRE_MAX_DEPTH 64	  /* arrays and records inside each other */
#define WIRE_MAX_NODES 262144	  /* values in one payload */
#define WIRE_MAX_PROPS 1024	  /* properties of one record */

enum wire_type {
	WIRE_T_HELLO = 1,  /* endpoint: record {Version, InstanceId} */
	WIRE_T_INFO,	   /* client: empty */
	WIRE_T_INFO_REPLY, /* endpoint: record, see endpoint.h */
	WIRE_T_ATTACH,	   /* client: empty */
	WIRE_T_INVOKE,	   /* client: record {Script, Buffer[, Arguments,
			      Input]}, see below */
	WIRE_T_RESULT,	   /* endpoint: record {Output (array), Error};
			      Output holds the script's error, warning and
			      verbose records in place (rt_stream.h), Error
			      why it could not run */
	WIRE_T_RECEIVE,	   /* client: empty; answer is RESULT */
	WIRE_T_DISCONNECT, /* client: record {IdleTimeoutSec} */
	WIRE_T_CLOSE,	   /* client: empty; the endpoint ends */
	WIRE_T_OK,	   /* endpoint: empty */
	WIRE_T_ERROR,	   /* endpoint: string */
	WIRE_T_CANCEL,	   /* client: empty, sent while an INVOKE runs; no
			      answer of its own: that INVOKE's answer comes
			      early, with the pipeline stopped */
	WIRE_T__END
};

enum wire_status {
	WIRE_S_OK = 0,
	WIRE_S_EOF,	/* the peer closed the connection */
	WIRE_S_TIMEOUT, /* the deadline passed */
	WIRE_S_TOO_BIG, /* length over WIRE_MAX_FRAME, or unencodable value */
	WIRE_S_BAD,	/* unknown frame type */
	WIRE_S_IO	/* read/write error; errno is set */
};

struct wire_frame {
	enum wire_type type;
	unsigned char *data; /* malloc'd payload, NULL when empty */
	size_t len;
};

/*
 * Appends the encoding of v to sb.  Returns false (sb then holds a
 * partial encoding) for anything wire_decode would refuse: nesting
 * deeper than WIRE_MAX_DEPTH, more than WIRE_MAX_NODES values, a record
 * of more than WIRE_MAX_PROPS properties, too many properties overall,
 * or more than a frame of text.  Sessions go out as records of their
 * properties; NULL encodes as null.
 */
bool wire_encode(struct strbuf *sb, const struct rt_value *v);

/*
 * Decodes a whole payload as one value.  Returns a new reference, or
 * NULL with *err set to a static English reason (malformed, truncated,
 * too deep, trailing bytes...).
 */
struct rt_value *wire_decode(const unsigned char *p, size_t len,
			     const char **err);

/*
 * An INVOKE request: the script's text, whether the endpoint keeps the
 * output for a later client (buffer), and, with values, the arguments
 * and input objects, each an array of items (a scalar is one item, NULL
 * none).  Without values the endpoint leaves $args and $input alone, as
 * for a line typed in Enter-PSSession.
 */
struct wire_invoke {
	const char *script;
	bool buffer;
	bool with_values;
	struct rt_value *args, *input; /* borrowed */
};

/* The request as a value to send (a new reference). */
struct rt_value *wire_invoke_request(const struct wire_invoke *inv);
/*
 * Reads a decoded request back, pointing into req (args and input are
 * arrays when with_values).  False when it is malformed.
 */
bool wire_invoke_read(const struct rt_value *req, struct wire_invoke *inv);

/*
 * Reads a frame header.  Returns WIRE_S_OK, WIRE_S_TOO_BIG or
 * WIRE_S_BAD (unknown type).
 */
enum wire_status wire_parse_header(const unsigned char *hdr,
				   enum wire_type *type, size_t *len);

/*
 * Sends one frame with payload v (NULL: empty), never raising SIGPIPE.
 * The whole frame must go out within timeout_ms.
 */
enum wire_status wire_send(int fd, enum wire_type type,
			   const struct rt_value *v, int timeout_ms);

/* Receives one whole frame within timeout_ms; release it afterwards. */
enum wire_status wire_recv(int fd, struct wire_frame *f, int timeout_ms);
void wire_frame_release(struct wire_frame *f);

/*
 * The payload of f decoded (NULL for an empty payload or a malformed
 * one; *err tells which, NULL for empty).
 */
struct rt_value *wire_frame_value(const struct wire_frame *f, const char **err);

/*
 * The uid of the process at the other end of a connected Unix socket
 * (SO_PEERCRED).  Returns 0, or -1 with errno set.
 */
int wire_peer_uid(int fd, unsigned long *uid);

/* A short translated description of a status ("the connection was
   closed"); saved_errno explains WIRE_S_IO. */
const char *wire_status_text(enum wire_status st, int saved_errno);

#endif
