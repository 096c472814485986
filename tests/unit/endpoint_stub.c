/* SPDX-License-Identifier: MIT */
/*
 * A stand-in for `psh --endpoint-serve` in the session tests: the real
 * endpoint loop (endpoint_main) with a fake executor that understands a
 * few words and records every script it is asked to run:
 *   echo TEXT      outputs TEXT
 *   computername   outputs $env:COMPUTERNAME
 *   fail TEXT      fails with the error TEXT
 *   count N        outputs 1..N
 *   record         outputs @{A=1; B=x}
 *   history        outputs every script run so far, in order
 *   big            outputs more than a frame can carry
 *   anything else  outputs "ran: <script>"
 * With PSH_STUB_STDERR=FILE its stderr (sanitizer reports) goes to FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "endpoint.h"
#include "rt_value.h"
#include "xalloc.h"

#define MAX_COUNT 100000

static struct rt_value *history;

static struct rt_value *
one(struct rt_value *v)
{
	struct rt_value *a = rt_array_new();
	rt_array_push(a, v);
	return a;
}

static struct rt_value *
count_to(const char *arg)
{
	struct rt_value *a = rt_array_new();
	long n = strtol(arg, NULL, 10);

	for (long i = 1; i <= n && i <= MAX_COUNT; i++)
		rt_array_push(a, rt_int(i));
	return a;
}

static struct rt_value *
big_output(void)
{
	size_t n = 9u << 20;
	char *s = xmalloc(n + 1);
	struct rt_value *v;

	memset(s, 'x', n);
	s[n] = '\0';
	v = rt_string(s);
	free(s);
	return one(v);
}

static struct rt_value *
record(void)
{
	struct rt_value *r = rt_record_new(NULL);
	rt_record_set(r, "A", rt_int(1));
	rt_record_set(r, "B", rt_string("x"));
	return one(r);
}

static struct rt_value *
ran(const char *script)
{
	char *s = xasprintf("ran: %s", script);
	struct rt_value *v = rt_string(s);
	free(s);
	return one(v);
}

static int
stub_exec(void *cookie, const char *script, struct rt_value **out, char **error)
{
	const char *cn = getenv("COMPUTERNAME");

	(void)cookie;
	rt_array_push(history, rt_string(script));
	if (strncmp(script, "echo ", 5) == 0)
		*out = one(rt_string(script + 5));
	else if (strcmp(script, "computername") == 0)
		*out = one(rt_string(cn ? cn : ""));
	else if (strncmp(script, "fail ", 5) == 0)
		*error = xstrdup(script + 5);
	else if (strncmp(script, "count ", 6) == 0)
		*out = count_to(script + 6);
	else if (strcmp(script, "record") == 0)
		*out = record();
	else if (strcmp(script, "history") == 0)
		*out = rt_value_ref(history);
	else if (strcmp(script, "big") == 0)
		*out = big_output();
	else
		*out = ran(script);
	return *error ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct endpoint_options o;
	char *err = NULL;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--endpoint-serve") != 0 ||
	    endpoint_parse_args(argc - 2, argv + 2, &o, &err) != 0) {
		fprintf(stderr, "endpoint_stub: %s\n",
			err ? err : "usage: --endpoint-serve OPTIONS");
		free(err);
		return 2;
	}
	/* Endpoints get /dev/null for stderr; sanitizer reports of the
	   stub can be kept with PSH_STUB_STDERR=file. */
	if (getenv("PSH_STUB_STDERR"))
		(void)!freopen(getenv("PSH_STUB_STDERR"), "a", stderr);
	history = rt_array_new();
	o.exec = stub_exec;
	o.cookie = NULL;
	rc = endpoint_main(&o);
	rt_value_unref(history);
	return rc;
}
