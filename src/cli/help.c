/*
 * help.c - `leakhound help [COMMAND]`.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"usage: leakhound help [COMMAND]\n"
	"\n"
	"Show what leakhound does and its commands, or the help of COMMAND.\n";

int cmd_help(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return LH_EXIT_CLEAN;
	}
	if (argc >= 2) {
		for (const struct cli_command *c = cli_commands; c->name; c++) {
			if (strcmp(c->name, argv[1]) == 0) {
				char *args[] = { argv[1], "-h", NULL };

				return c->fn(2, args);
			}
		}
		fprintf(stderr, "leakhound: unknown command '%s'\n", argv[1]);
		return LH_EXIT_ERROR;
	}
	printf("leakhound %s - find memory, goroutine and resource leaks in Go "
	       "programs\n\n"
	       "usage: leakhound COMMAND [OPTIONS] [ARGS]\n\ncommands:\n",
	       LH_VERSION);
	for (const struct cli_command *c = cli_commands; c->name; c++)
		printf("  %-10s %s\n", c->name, c->summary);
	printf("\nexit status: 0 clean, 1 findings, 2 usage or input error\n"
	       "'leakhound COMMAND -h' shows a command's options.\n");
	return LH_EXIT_CLEAN;
}
