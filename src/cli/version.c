/*
 * version.c - `leakhound version`.
 */
#include <stdio.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "cli/cli.h"

static const char usage[] =
	"usage: leakhound version\n"
	"\n"
	"Print leakhound's version and the versions it was built with.\n";

int cmd_version(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return LH_EXIT_CLEAN;
	}
	if (argc >= 2)
		return cli_usage_error("version", "unexpected argument '%s'",
				       argv[1]);
	printf("leakhound %s (tree-sitter-go 0.23.4, tree-sitter ABI %d)\n",
	       LH_VERSION, TREE_SITTER_LANGUAGE_VERSION);
	return LH_EXIT_CLEAN;
}
