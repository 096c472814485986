/* SPDX-License-Identifier: MIT */
/* The per-user runtime directory (rt_runtime_dir.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "rt_runtime_dir.h"
#include "xalloc.h"

char *
rt_runtime_dir_default(void)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	struct stat st;

	/* The XDG directory counts only if it is plainly ours. */
	if (xdg && xdg[0] == '/' && lstat(xdg, &st) == 0 &&
	    S_ISDIR(st.st_mode) && st.st_uid == geteuid())
		return xasprintf("%s/psh", xdg);
	return xasprintf("/tmp/psh-%lu", (unsigned long)geteuid());
}

int
rt_runtime_dir_check(const char *path, char **err)
{
	struct stat st;

	if (lstat(path, &st) != 0) {
		*err = xasprintf(_("cannot use runtime directory '%s': %s"),
				 path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("refusing runtime directory '%s': it is "
				   "not a directory (symbolic links are not "
				   "followed)"),
				 path);
		return -1;
	}
	if (st.st_uid != geteuid()) {
		*err = xasprintf(_("refusing runtime directory '%s': it "
				   "belongs to uid %u, not to you (uid %u)"),
				 path, (unsigned)st.st_uid,
				 (unsigned)geteuid());
		return -1;
	}
	if ((st.st_mode & 07777) != 0700) {
		/* The mode is formatted apart: translations keep "%s". */
		char mode[8];
		snprintf(mode, sizeof(mode), "%04o",
			 (unsigned)(st.st_mode & 07777));
		*err = xasprintf(_("refusing runtime directory '%s': its mode "
				   "is %s, not 0700"),
				 path, mode);
		return -1;
	}
	return 0;
}

int
rt_runtime_dir_prepare(const char *path, char **err)
{
	if (mkdir(path, 0700) == 0) {
		/* The umask may have taken bits away.  The check below
		   still catches a directory swapped in meanwhile. */
		if (chmod(path, 0700) != 0) {
			*err = xasprintf(_("cannot use runtime directory "
					   "'%s': %s"),
					 path, strerror(errno));
			return -1;
		}
	} else if (errno != EEXIST) {
		*err = xasprintf(_("cannot create runtime directory '%s': %s"),
				 path, strerror(errno));
		return -1;
	}
	return rt_runtime_dir_check(path, err);
}
