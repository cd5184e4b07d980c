/*
 * lh205.c - LH205: context cancel func is not called on every path.
 *
 * Flags: the cancel func of context.WithCancel/WithTimeout/WithDeadline/WithCancelCause (and signal.NotifyContext's stop) not called on some path, discarded with _, or overwritten before being called.
 * Ignores: cancel funcs returned, stored, passed on or called in a deferred closure.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh205_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh205 = {
	.id = "LH205",
	.name = "cancel-not-called",
	.title = "context cancel func is not called on every path",
	.class = LH_CLASS_TIMER,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh205_run,
};
