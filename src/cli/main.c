/*
 * main.c - leakhound's entry point: dispatch to a subcommand.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const struct cli_command cli_commands[] = {
	{ "scan", cmd_scan, "find leaks in Go source" },
	{ "ps", cmd_ps, "list Go processes on this host and their pprof endpoints" },
	{ "inspect", cmd_inspect, "read saved goroutine dumps, profiles and traces" },
	{ "rules", cmd_rules, "list the rules, or print one rule's doc" },
	{ "watch", cmd_watch, "watch live Go processes for growing leaks" },
	{ "version", cmd_version, "print the version" },
	{ "help", cmd_help, "show help for leakhound or a command" },
	{ NULL, NULL, NULL },
};

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "leakhound%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'leakhound %s -h')\n", cmd ? cmd : "help");
	return LH_EXIT_ERROR;
}

void cli_print_diag(void *ctx, const struct lh_error *err)
{
	(void)ctx;
	lh_error_print(stderr, err);
}

int main(int argc, char **argv)
{
	const char *name;

	if (argc < 2)
		return cmd_help(1, argv) == 0 ? LH_EXIT_ERROR : LH_EXIT_ERROR;
	name = argv[1];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0)
		return cmd_help(1, argv);
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		return cmd_version(1, argv + 1);
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		if (strcmp(c->name, name) == 0)
			return c->fn(argc - 1, argv + 1);
	}
	fprintf(stderr, "leakhound: unknown command '%s' (see 'leakhound help')\n",
		name);
	return LH_EXIT_ERROR;
}
