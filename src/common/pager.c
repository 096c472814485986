/* SPDX-License-Identifier: MIT */
/* Output through a pager (see pager.h). */
#include "pager.h"
#include "file.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *
pager_command(void)
{
	const char *p = getenv("PAGER");
	if (p == NULL)
		return "less";
	if (*p == '\0' || strcmp(p, "cat") == 0)
		return NULL;
	return p;
}

static pid_t
start_pager(const char *command, int *fd)
{
	int pipefd[2];
	if (pipe(pipefd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[0], STDIN_FILENO);
		close(pipefd[0]);
		close(pipefd[1]);
		setenv("LESS", getenv("LESS") ? getenv("LESS") : "FRX", 1);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(pipefd[0]);
	if (pid < 0) {
		close(pipefd[1]);
		return -1;
	}
	*fd = pipefd[1];
	return pid;
}

bool
pager_show(const char *text, size_t len)
{
	const char *command = pager_command();
	if (command == NULL || !isatty(STDOUT_FILENO))
		return false;
	fflush(stdout);
	int fd, status = 0;
	pid_t pid = start_pager(command, &fd);
	if (pid > 0) {
		/* the pager keeps the default SIGPIPE; only we ignore it */
		struct sigaction ignore = { .sa_handler = SIG_IGN }, old;
		sigemptyset(&ignore.sa_mask);
		sigaction(SIGPIPE, &ignore, &old);
		(void)file_write_fd(fd, text, len); /* stops at EPIPE */
		close(fd);
		sigaction(SIGPIPE, &old, NULL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	/* a pager that could not run: the caller prints instead */
	return pid > 0 && !(WIFEXITED(status) && (WEXITSTATUS(status) == 126 ||
						 WEXITSTATUS(status) == 127));
}
