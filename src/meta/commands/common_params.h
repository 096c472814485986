/* SPDX-License-Identifier: MIT */
/*
 * Parameter records that several commands share, written once.  Each macro
 * takes the set memberships, which differ between commands:
 * META_P_PORT({ "ComputerName", false, NAMED, 0 }).  Variants of one
 * parameter that PowerShell documents differently (an array type, another
 * default value) are separate macros named by what differs.  Only the
 * tables in this directory include it.
 */
#ifndef PSHELP_META_COMMON_PARAMS_H
#define PSHELP_META_COMMON_PARAMS_H

#include "meta_table.h"

/* clang-format off */

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession, Receive-PSSession; the default value differs.
 */
#define META_P_ALLOW_REDIRECTION(def, ...)       \
	{                                        \
		META_SWITCH("AllowRedirection"), \
		.default_value = def,            \
		.supported = false,              \
		META_SETS(__VA_ARGS__)           \
	}

/* Connect-PSSession, Enter-PSSession, New-PSSession, Receive-PSSession. */
#define META_P_APPLICATION_NAME(...)            \
	{                                       \
		META_STRING("ApplicationName"), \
		.default_value = "None",        \
		.supported = false,             \
		META_SETS(__VA_ARGS__)          \
	}

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, New-PSSession,
 * Receive-PSSession; the default value differs.
 */
#define META_P_AUTHENTICATION(def, ...)                                       \
	{                                                                     \
		.name = "Authentication",                                     \
		.type_name = "System.Management.Automation.Runspaces."        \
			"AuthenticationMechanism",                            \
		.type = META_TYPE_ENUM,                                       \
		.accepted_values = META_LIST("Default", "Basic", "Negotiate", \
			"NegotiateWithImplicitCredential",                    \
			"Credssp", "Digest", "Kerberos"),                     \
		.default_value = def,                                         \
		.supported = false,                                           \
		META_SETS(__VA_ARGS__)                                        \
	}

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession, Receive-PSSession.
 */
#define META_P_CERTIFICATE_THUMBPRINT(...)            \
	{                                             \
		META_STRING("CertificateThumbprint"), \
		.default_value = "None",              \
		.supported = false,                   \
		META_SETS(__VA_ARGS__)                \
	}

/* Enter-PSSession, Receive-PSSession. */
#define META_P_COMPUTER_NAME(...)            \
	{                                    \
		META_STRING("ComputerName"), \
		.aliases = META_LIST("Cn"),  \
		.default_value = "None",     \
		.supported = true,           \
		META_SETS(__VA_ARGS__)       \
	}

/* Connect-PSSession, Get-PSSession, New-PSSession. */
#define META_P_COMPUTER_NAME_ARRAY(...)       \
	{                                     \
		META_STRINGS("ComputerName"), \
		.aliases = META_LIST("Cn"),   \
		.default_value = "None",      \
		.supported = true,            \
		META_SETS(__VA_ARGS__)        \
	}

/* Connect-PSSession, Enter-PSSession, New-PSSession, Receive-PSSession. */
#define META_P_CONFIGURATION_NAME(...)            \
	{                                         \
		META_STRING("ConfigurationName"), \
		.default_value = "None",          \
		.supported = true,                \
		META_SETS(__VA_ARGS__)            \
	}

/* Connect-PSSession, New-PSSession. */
#define META_P_CONNECTION_URI(...)                 \
	{                                          \
		.name = "ConnectionUri",           \
		.type_name = "System.Uri[]",       \
		.type = META_TYPE_URI,             \
		.is_array = true,                  \
		.aliases = META_LIST("URI", "CU"), \
		.default_value = "None",           \
		.supported = false,                \
		META_SETS(__VA_ARGS__)             \
	}

/* Get-PSSession, Invoke-Command, New-PSSession, Remove-PSSession. */
#define META_P_CONTAINER_ID(...)             \
	{                                    \
		META_STRINGS("ContainerId"), \
		.default_value = "None",     \
		.supported = false,          \
		META_SETS(__VA_ARGS__)       \
	}

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession, Receive-PSSession.
 */
#define META_P_CREDENTIAL(...)                                            \
	{                                                                 \
		.name = "Credential",                                     \
		.type_name = "System.Management.Automation.PSCredential", \
		.type = META_TYPE_CREDENTIAL,                             \
		.default_value = "Current user",                          \
		.supported = false,                                       \
		META_SETS(__VA_ARGS__)                                    \
	}

/* Enter-PSSession, New-PSSession. */
#define META_P_ENABLE_NETWORK_ACCESS(...)           \
	{                                           \
		META_SWITCH("EnableNetworkAccess"), \
		.default_value = "None",            \
		.supported = false,                 \
		META_SETS(__VA_ARGS__)              \
	}

/* Invoke-Command, New-PSSession. */
#define META_P_HOST_NAME(...)             \
	{                                 \
		META_STRINGS("HostName"), \
		.default_value = "None",  \
		.supported = false,       \
		META_SETS(__VA_ARGS__)    \
	}

/* Enter-PSSession, Receive-PSSession. */
#define META_P_ID(...)                   \
	{                                \
		META_INT32("Id"),        \
		.default_value = "None", \
		.supported = true,       \
		META_SETS(__VA_ARGS__)   \
	}

/* Connect-PSSession, Disconnect-PSSession, Remove-PSSession. */
#define META_P_ID_ARRAY(...)                   \
	{                                      \
		.name = "Id",                  \
		.type_name = "System.Int32[]", \
		.type = META_TYPE_INT32,       \
		.is_array = true,              \
		.default_value = "None",       \
		.supported = true,             \
		META_SETS(__VA_ARGS__)         \
	}

/* Enter-PSSession, Receive-PSSession. */
#define META_P_INSTANCE_ID(...)             \
	{                                   \
		.name = "InstanceId",       \
		.type_name = "System.Guid", \
		.type = META_TYPE_GUID,     \
		.default_value = "None",    \
		.supported = true,          \
		META_SETS(__VA_ARGS__)      \
	}

/* Connect-PSSession, Disconnect-PSSession, Remove-PSSession. */
#define META_P_INSTANCE_ID_ARRAY(...)         \
	{                                     \
		.name = "InstanceId",         \
		.type_name = "System.Guid[]", \
		.type = META_TYPE_GUID,       \
		.is_array = true,             \
		.default_value = "None",      \
		.supported = true,            \
		META_SETS(__VA_ARGS__)        \
	}

/* Enter-PSSession, Invoke-Command, New-PSSession. */
#define META_P_KEY_FILE_PATH(...)                         \
	{                                                 \
		META_STRING("KeyFilePath"),               \
		.aliases = META_LIST("IdentityFilePath"), \
		.default_value = "None",                  \
		.supported = false,                       \
		META_SETS(__VA_ARGS__)                    \
	}

/* Enter-PSSession, Receive-PSSession. */
#define META_P_NAME(...)                 \
	{                                \
		META_STRING("Name"),     \
		.default_value = "None", \
		.supported = true,       \
		META_SETS(__VA_ARGS__)   \
	}

/* Connect-PSSession, New-PSSession. */
#define META_P_NAME_ARRAY(...)           \
	{                                \
		META_STRINGS("Name"),    \
		.default_value = "None", \
		.supported = true,       \
		META_SETS(__VA_ARGS__)   \
	}

/* Disconnect-PSSession, Get-Command, Remove-PSSession. */
#define META_P_NAME_ARRAY_WILDCARDS(...) \
	{                                \
		META_STRINGS("Name"),    \
		.default_value = "None", \
		.wildcards = true,       \
		.supported = true,       \
		META_SETS(__VA_ARGS__)   \
	}

/*
 * Connect-PSSession, Enter-PSSession, Invoke-Command, New-PSSession,
 * Receive-PSSession.
 */
#define META_P_PORT(...)                 \
	{                                \
		META_INT32("Port"),      \
		.default_value = "None", \
		.supported = false,      \
		META_SETS(__VA_ARGS__)   \
	}

/* Enter-PSSession, New-PSSession. */
#define META_P_RUN_AS_ADMINISTRATOR(...)           \
	{                                          \
		META_SWITCH("RunAsAdministrator"), \
		.default_value = "None",           \
		.supported = false,                \
		META_SETS(__VA_ARGS__)             \
	}

/* Enter-PSSession, Receive-PSSession. */
#define META_P_SESSION(...)                                  \
	{                                                    \
		.name = "Session",                           \
		.type_name = "System.Management.Automation." \
			"Runspaces.PSSession",               \
		.type = META_TYPE_PSSESSION,                 \
		.default_value = "None",                     \
		.supported = true,                           \
		META_SETS(__VA_ARGS__)                       \
	}

/*
 * Connect-PSSession, Disconnect-PSSession, Invoke-Command, New-PSSession,
 * Remove-PSSession.
 */
#define META_P_SESSION_ARRAY(...)                            \
	{                                                    \
		.name = "Session",                           \
		.type_name = "System.Management.Automation." \
			"Runspaces.PSSession[]",             \
		.type = META_TYPE_PSSESSION,                 \
		.is_array = true,                            \
		.default_value = "None",                     \
		.supported = true,                           \
		META_SETS(__VA_ARGS__)                       \
	}

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession, Receive-PSSession.
 */
#define META_P_SESSION_OPTION(...)                                    \
	{                                                             \
		.name = "SessionOption",                              \
		.type_name = "System.Management.Automation.Remoting." \
			"PSSessionOption",                            \
		.type = META_TYPE_SESSIONOPTION,                      \
		.default_value = "None",                              \
		.supported = false,                                   \
		META_SETS(__VA_ARGS__)                                \
	}

/* Invoke-Command, New-PSSession. */
#define META_P_SSH_CONNECTION(...)                             \
	{                                                      \
		.name = "SSHConnection",                       \
		.type_name = "System.Collections.Hashtable[]", \
		.type = META_TYPE_HASHTABLE,                   \
		.is_array = true,                              \
		.default_value = "None",                       \
		.supported = false,                            \
		META_SETS(__VA_ARGS__)                         \
	}

/* Enter-PSSession, New-PSSession. */
#define META_P_SSH_TRANSPORT(...)                     \
	{                                             \
		META_SWITCH("SSHTransport"),          \
		.accepted_values = META_LIST("true"), \
		.default_value = "None",              \
		.supported = false,                   \
		META_SETS(__VA_ARGS__)                \
	}

/* Enter-PSSession, Invoke-Command, New-PSSession. */
#define META_P_SUBSYSTEM(...)                  \
	{                                      \
		META_STRING("Subsystem"),      \
		.default_value = "powershell", \
		.supported = false,            \
		META_SETS(__VA_ARGS__)         \
	}

/*
 * Connect-PSSession, Disconnect-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession; the default value differs.
 */
#define META_P_THROTTLE_LIMIT(def, ...)      \
	{                                    \
		META_INT32("ThrottleLimit"), \
		.default_value = def,        \
		.supported = true,           \
		META_SETS(__VA_ARGS__)       \
	}

/* Enter-PSSession, Invoke-Command, New-PSSession. */
#define META_P_USER_NAME(...)            \
	{                                \
		META_STRING("UserName"), \
		.default_value = "None", \
		.supported = false,      \
		META_SETS(__VA_ARGS__)   \
	}

/*
 * Connect-PSSession, Enter-PSSession, Get-PSSession, Invoke-Command,
 * New-PSSession, Receive-PSSession; the default value differs.
 */
#define META_P_USE_SSL(def, ...)       \
	{                              \
		META_SWITCH("UseSSL"), \
		.default_value = def,  \
		.supported = false,    \
		META_SETS(__VA_ARGS__) \
	}

/* Get-PSSession, Invoke-Command, New-PSSession, Remove-PSSession. */
#define META_P_VM_ID(...)                       \
	{                                       \
		.name = "VMId",                 \
		.type_name = "System.Guid[]",   \
		.type = META_TYPE_GUID,         \
		.is_array = true,               \
		.aliases = META_LIST("VMGuid"), \
		.default_value = "None",        \
		.supported = false,             \
		META_SETS(__VA_ARGS__)          \
	}

/* Get-PSSession, Invoke-Command, New-PSSession, Remove-PSSession. */
#define META_P_VM_NAME(...)              \
	{                                \
		META_STRINGS("VMName"),  \
		.default_value = "None", \
		.supported = false,      \
		META_SETS(__VA_ARGS__)   \
	}

/* Optional and named in the ComputerName and Uri sets. */
#define META_COMPUTER_NAME_URI_OPTIONAL      \
	{ "ComputerName", false, NAMED, 0 }, \
	{ "Uri", false, NAMED, 0 }

/* clang-format on */

#endif
