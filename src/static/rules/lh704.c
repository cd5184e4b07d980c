/*
 * lh704.c - LH704: network connection or listener is not closed on every path.
 *
 * Flags: connections from net.Dial*, (*net.Dialer).Dial*, tls.Dial and listeners from net.Listen* not closed on some path.
 * Ignores: connections returned, stored, handed to a goroutine or a function that keeps them, the error branch.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh704_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh704 = {
	.id = "LH704",
	.name = "conn-not-closed",
	.title = "network connection or listener is not closed on every path",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh704_run,
};
