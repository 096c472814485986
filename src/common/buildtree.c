/* SPDX-License-Identifier: MIT */
#include "buildtree.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

char *
build_tree_path(const char *rel)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	char *marker = xasprintf("%s/../meson-private", exe);
	struct stat st;
	int found = stat(marker, &st) == 0 && S_ISDIR(st.st_mode);
	free(marker);
	return found ? xasprintf("%s/../%s", exe, rel) : NULL;
}
