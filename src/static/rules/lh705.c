/*
 * lh705.c - LH705: started command is not waited for.
 *
 * Flags: exec.Cmd started with Start and not waited for on some path (zombie process, pipe fds), and StdoutPipe/StderrPipe never read before Wait.
 * Ignores: commands run with Run/Output, handed on, waited for in a goroutine.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh705_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh705 = {
	.id = "LH705",
	.name = "cmd-not-waited",
	.title = "started command is not waited for",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh705_run,
};
