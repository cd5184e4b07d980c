/*
 * lh201.c - LH201: time.NewTicker is not stopped on every path.
 *
 * Flags: a ticker from time.NewTicker with a path out of the function (return, end, overwrite) where Stop was not called and the ticker was not handed on; only when go.mod says go < 1.23 or godebug asynctimerchan=1.
 * Also flags time.NewTicker(d).C used in place (the ticker dropped) in a function that can return, as LH202 does for time.Tick (syn_tick_chan_leaks).
 * Ignores: tickers returned, stored, passed on, stopped in a deferred closure or a helper that stops on every path; functions that never return (for range t.C).
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh201_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh201 = {
	.id = "LH201",
	.name = "ticker-not-stopped",
	.title = "time.NewTicker is not stopped on every path",
	.class = LH_CLASS_TIMER,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh201_run,
};
