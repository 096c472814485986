/* SPDX-License-Identifier: MIT */
/* Records of the error, warning and verbose streams (rt_stream.h). */
#include "rt_stream.h"

#include <string.h>

/* PowerShell's type names; an endpoint sends them as they are. */
static const char *const type_names[] = {
	[RT_STREAM_ERROR] = "System.Management.Automation.ErrorRecord",
	[RT_STREAM_WARNING] = "System.Management.Automation.WarningRecord",
	[RT_STREAM_VERBOSE] = "System.Management.Automation.VerboseRecord",
};

struct rt_value *
rt_stream_record(enum rt_stream s, const char *message)
{
	struct rt_value *r = rt_record_new(type_names[s]);

	rt_record_set(r, "Message", rt_string(message));
	return r;
}

enum rt_stream
rt_stream_of(const struct rt_value *v)
{
	const char *tn;

	if (v == NULL || v->kind != RT_VAL_RECORD ||
	    (tn = v->u.record.type_name) == NULL)
		return RT_STREAM_NONE;
	for (int s = RT_STREAM_ERROR; s <= RT_STREAM_VERBOSE; s++)
		if (strcmp(tn, type_names[s]) == 0)
			return (enum rt_stream)s;
	return RT_STREAM_NONE;
}

const char *
rt_stream_message(const struct rt_value *v)
{
	const struct rt_value *m = rt_record_get(v, "Message");

	return m && m->kind == RT_VAL_STRING ? m->u.s : "";
}

size_t
rt_stream_take(struct rt_value *a, struct rt_value *into)
{
	size_t kept = 0, moved = 0;

	for (size_t i = 0; i < a->u.array.n; i++) {
		struct rt_value *v = a->u.array.v[i];
		if (rt_stream_of(v) == RT_STREAM_NONE) {
			a->u.array.v[kept++] = v;
			continue;
		}
		moved++;
		if (into)
			rt_array_push(into, v);
		else
			rt_value_unref(v);
	}
	a->u.array.n = kept;
	return moved;
}
