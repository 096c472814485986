/* SPDX-License-Identifier: MIT */
/*
 * The properties of a PSSession value (RT_VAL_SESSION).  struct rt_session
 * belongs to the session layer; values and the binder see it only through
 * the accessor that layer registers at start-up.  Tests register a fake.
 */
#ifndef PSHELP_SESSION_PROPS_H
#define PSHELP_SESSION_PROPS_H

struct rt_session;
struct rt_value;

/* The names a session answers to, in the order of its table view. */
#define RT_SESSION_PROPS                                                       \
	"Id", "Name", "ComputerName", "State", "ConfigurationName", "InstanceId"

/*
 * Returns a new reference to the named property (matched
 * case-insensitively: Id as an int, the others as strings), or NULL if
 * the session has no such property.
 */
typedef struct rt_value *rt_session_prop_fn(const struct rt_session *s,
					    const char *name);

/* Installs the accessor (NULL removes it).  Not thread-safe; call once. */
void rt_session_props_register(rt_session_prop_fn *fn);

/* The property through the registered accessor; NULL without one. */
struct rt_value *rt_session_prop(const struct rt_session *s, const char *name);

#endif
