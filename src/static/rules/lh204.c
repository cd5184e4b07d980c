/*
 * lh204.c - LH204: time.NewTimer is left armed on an early-return path.
 *
 * Flags: a timer from time.NewTimer that may still be armed (neither stopped nor fired: <-t.C) at a return; only when go < 1.23.
 * Ignores: timers handed on, stopped, or drained on every path; Reset re-arms.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh204_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh204 = {
	.id = "LH204",
	.name = "timer-left-armed",
	.title = "time.NewTimer is left armed on an early-return path",
	.class = LH_CLASS_TIMER,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh204_run,
};
