/*
 * rules.c - `leakhound rules [ID...]`: list the rules, or print docs.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"usage: leakhound rules [--markdown] [ID...]\n"
	"\n"
	"Without arguments, list every rule: id, class, kind and title.\n"
	"With ids, print each rule's doc: why it leaks, a bad and a good\n"
	"example, and the fix.\n"
	"\n"
	"options:\n"
	"      --markdown    print docs/RULES.md: the index and every rule's doc\n";

int cmd_rules(int argc, char **argv)
{
	int status = LH_EXIT_CLEAN;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return LH_EXIT_CLEAN;
	}
	if (argc >= 2 && strcmp(argv[1], "--markdown") == 0) {
		if (argc > 2)
			return cli_usage_error("rules",
					       "--markdown takes no ids");
		lh_render_rules_markdown(stdout);
		return fflush(stdout) == 0 ? LH_EXIT_CLEAN : LH_EXIT_ERROR;
	}
	if (argc >= 2 && argv[1][0] == '-')
		return cli_usage_error("rules", "invalid option '%s'", argv[1]);
	if (argc < 2) {
		for (size_t i = 0; i < lh_rule_count(); i++) {
			const struct lh_rule *r = lh_rule_at(i);

			printf("%-6s %-10s %-8s %s\n", r->id,
			       lh_class_name(r->class),
			       r->kind == LH_RULE_RUNTIME ? "runtime"
							  : "static",
			       r->title);
		}
		return LH_EXIT_CLEAN;
	}
	for (int i = 1; i < argc; i++) {
		const struct lh_rule *r = lh_rule_find(argv[i]);
		const char *doc;

		if (!r) {
			fprintf(stderr, "leakhound rules: unknown rule '%s'\n",
				argv[i]);
			status = LH_EXIT_ERROR;
			continue;
		}
		doc = lh_rule_doc(r);
		if (i > 1)
			fputc('\n', stdout);
		if (doc)
			fputs(doc, stdout);
		else
			printf("%s: %s\n", r->id, r->title);
	}
	return status;
}
