/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for get-help's command line: the input is argv[1..],
 * arguments separated by NUL bytes, given to get-help's main() (compiled
 * as get_help_main, see meson.build) with a small help root of its own
 * (PSHELP_PATH: a temporary folder with a few tiny pages in en-US, sv-SE
 * and ja-JP) in front of the build tree's pages.  Option parsing,
 * lookup, the topic table, every view and format run as they do for a
 * user.  stdout and stderr are captured: both must be valid UTF-8 with no
 * raw control character but LF (no C0, DEL, C1, bidi embedding, override
 * or isolate), and the exit status must be one of exitcodes.h.  PATH
 * names the empty root, so -Online --open finds no xdg-open.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcodes.h"
#include "utf8.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int get_help_main(int argc, char **argv);

/* More arguments than any real command line; keeps one run short. */
#define MAX_ARGS 64

static const char page_get[] =
	"---\n"
	"external help file: Fuzz.dll-Help.xml\n"
	"Locale: en-US\n"
	"Module Name: Fuzz\n"
	"online version: https://example.org/get-fuzz\n"
	"schema: 2.0.0\n"
	"title: Get-Fuzz\n"
	"---\n\n"
	"# Get-Fuzz\n\n"
	"## SYNOPSIS\nGets a fuzz, with `code` and a [link](https://example.org).\n\n"
	"## SYNTAX\n\n```\nGet-Fuzz [-Name] <String[]> [-Count <Int32>] "
	"[<CommonParameters>]\n```\n\n"
	"## DESCRIPTION\nA page for the get-help fuzzer.\n\n"
	"- an item\n- another item\n\n"
	"| A | B |\n|---|---|\n| 1 | two |\n\n"
	"## EXAMPLES\n\n### Example 1\n\n```powershell\nGet-Fuzz -Name x\n```\n\n"
	"Gets x.\n\n"
	"## PARAMETERS\n\n### -Name\nThe name.\n\n```yaml\nType: String[]\n"
	"Parameter Sets: (All)\nAliases: n\n\nRequired: True\nPosition: 0\n"
	"Default value: None\nAccept pipeline input: True (ByValue)\n"
	"Accept wildcard characters: True\n```\n\n"
	"### -Count\nHow many.\n\n```yaml\nType: Int32\nParameter Sets: (All)\n"
	"Aliases:\n\nRequired: False\nPosition: Named\nDefault value: 1\n"
	"Accept pipeline input: False\nAccept wildcard characters: False\n```\n\n"
	"### CommonParameters\nThis cmdlet supports the common parameters.\n\n"
	"## INPUTS\n\n### System.String\n\n## OUTPUTS\n\n### System.Object\n\n"
	"## NOTES\n\n## RELATED LINKS\n\n[Set-Fuzz](Set-Fuzz.md)\n";

static const char page_set[] =
	"---\nModule Name: Fuzz\nschema: 2.0.0\ntitle: Set-Fuzz\n---\n\n"
	"# Set-Fuzz\n\n## SYNOPSIS\nSets a fuzz.\n\n## SYNTAX\n\n```\n"
	"Set-Fuzz [-Value <Object>]\n```\n\n## DESCRIPTION\nSets it.\n";

static const char page_sv[] =
	"---\nLocale: sv-SE\nModule Name: Fuzz\nschema: 2.0.0\n"
	"title: Get-Fuzz\n---\n\n# Get-Fuzz\n\n## SYNOPSIS\nHämtar en "
	"fuzz: åäö.\n\n## SYNTAX\n\n```\nGet-Fuzz [-Name] <String[]>\n```\n\n"
	"## DESCRIPTION\nEn sida för testet.\n";

static const char page_ja[] =
	"---\nLocale: ja-JP\nModule Name: Fuzz\nschema: 2.0.0\n"
	"title: Get-Fuzz\n---\n\n# Get-Fuzz\n\n## SYNOPSIS\n"
	"ファズを取得します。日本語の長い説明文はここで折り返されます。\n\n"
	"## SYNTAX\n\n```\nGet-Fuzz [-Name] <String[]>\n```\n\n"
	"## DESCRIPTION\n説明。\n";

static const char page_about[] =
	"# about_Fuzz\n\n## Short description\nAbout the fuzz: "
	"Ελληνικά, עברית, العربية.\n\n## Long description\nMore.\n";

static char root[] = "/tmp/fuzz-gethelp-XXXXXX";

static void
check(bool ok)
{
	if (!ok)
		abort();
}

static void
write_file(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	check(f != NULL);
	fputs(text, f);
	check(fclose(f) == 0);
	free(path);
}

static void
make_dir(const char *rel)
{
	char *path = xasprintf("%s/%s", root, rel);
	check(mkdir(path, 0700) == 0);
	free(path);
}

static const char *const files[] = {
	"en-US/Fuzz/Get-Fuzz.md", "en-US/Fuzz/Set-Fuzz.md",
	"en-US/about_Fuzz.md",	  "sv-SE/Fuzz/Get-Fuzz.md",
	"ja-JP/Fuzz/Get-Fuzz.md",
};
static const char *const dirs[] = { "ja-JP/Fuzz", "ja-JP", "sv-SE/Fuzz",
				    "sv-SE", "en-US/Fuzz", "en-US" };

static void
remove_root(void)
{
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		char *path = xasprintf("%s/%s", root, files[i]);
		unlink(path);
		free(path);
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		char *path = xasprintf("%s/%s", root, dirs[i]);
		rmdir(path);
		free(path);
	}
	rmdir(root);
}

static void
setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	check(mkdtemp(root) != NULL);
	for (size_t i = sizeof(dirs) / sizeof(*dirs); i-- > 0;)
		make_dir(dirs[i]);
	write_file(files[0], page_get);
	write_file(files[1], page_set);
	write_file(files[2], page_about);
	write_file(files[3], page_sv);
	write_file(files[4], page_ja);
	atexit(remove_root);
	setenv("PSHELP_PATH", root, 1);
	setenv("PATH", root, 1);
	setenv("COLUMNS", "80", 1);
}

/* The environment get-help reads, the same for every run. */
static void
reset_environment(void)
{
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
}

static bool
is_raw_control(int32_t cp)
{
	if (cp == '\n')
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void
check_clean(const char *s, size_t len)
{
	check(utf8_first_invalid(s, len) == len);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		check(!is_raw_control(cp));
	}
}

static bool
is_exit_code(int rc)
{
	return rc == EXIT_OK || rc == EXIT_NOT_FOUND || rc == EXIT_USAGE ||
	       rc == EXIT_BAD_INPUT || rc == EXIT_SYSTEM;
}

/* Runs get-help with stdout and stderr going to memory. */
static int
run_captured(int argc, char **argv, char **out, size_t *nout, char **err,
	     size_t *nerr)
{
	FILE *saved_out = stdout, *saved_err = stderr;
	FILE *o = open_memstream(out, nout), *e = open_memstream(err, nerr);
	check(o != NULL && e != NULL);
	stdout = o;
	stderr = e;
	int rc = get_help_main(argc, argv);
	stdout = saved_out;
	stderr = saved_err;
	check(fclose(o) == 0 && fclose(e) == 0);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char prog[] = "get-help";
	char *buf, *argv[MAX_ARGS + 2], *out = NULL, *err = NULL;
	size_t nout = 0, nerr = 0;
	int argc = 1;

	if (size > 4096)
		return 0;
	setup();
	reset_environment();
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = prog;
	for (size_t i = 0; i < size && argc <= MAX_ARGS;
	     i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	argv[argc] = NULL;
	int rc = run_captured(argc, argv, &out, &nout, &err, &nerr);
	check(is_exit_code(rc));
	check_clean(out, nout);
	check_clean(err, nerr);
	free(out);
	free(err);
	free(buf);
	return 0;
}
