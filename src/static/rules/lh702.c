/*
 * lh702.c - LH702: http response body is not closed on every path.
 *
 * Flags: responses from http.Get/Post/Head/PostForm and (*http.Client).Do/Get/Post/Head/PostForm whose Body.Close is missing on some path, including a return between the call and the defer.
 * Ignores: the error branch, responses returned or handed on, bodies closed through a helper, a wrapper, a deferred closure taking the body as a parameter, or a goroutine that owns them.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh702_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh702 = {
	.id = "LH702",
	.name = "http-body-not-closed",
	.title = "http response body is not closed on every path",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh702_run,
};
