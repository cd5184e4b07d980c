/*
 * cli.h - the subcommands. Each parses its arguments, calls libleakhound,
 * and returns the exit status: 0 clean, 1 findings, 2 usage or input error.
 */
#ifndef LH_CLI_H
#define LH_CLI_H

#include <stdio.h>

#include "leakhound/leakhound.h"

enum { LH_EXIT_CLEAN = 0, LH_EXIT_FINDINGS = 1, LH_EXIT_ERROR = 2 };

int cmd_scan(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_ps(int argc, char **argv);
int cmd_watch(int argc, char **argv);

struct cli_command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

/* All commands, NULL-terminated (main.c). */
extern const struct cli_command cli_commands[];

/* "leakhound: <msg>" on stderr; returns LH_EXIT_ERROR. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Diag callback printing one line per bad input on stderr. */
void cli_print_diag(void *ctx, const struct lh_error *err);

#endif /* LH_CLI_H */
