/*
 * lh701.c - LH701: file is not closed on every path.
 *
 * Flags: files from os.Open/OpenFile/Create/CreateTemp/NewFile and both ends of os.Pipe not closed on some path.
 * Ignores: the error branch (the file is nil there), files returned, stored, passed to a function that keeps them, closed by a deferred closure or a helper.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh701_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh701 = {
	.id = "LH701",
	.name = "file-not-closed",
	.title = "file is not closed on every path",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh701_run,
};
