/*
 * resources.h - the table-driven resource and timer rules (LH201, LH204,
 * LH205, LH701-LH705, LH707) share one run of the obligation engine per
 * package: every function holding a call of known_apis.def is walked once
 * with every kind, and each rule reports the leaks of its own kinds.
 */
#ifndef LH_STATIC_RESOURCES_H
#define LH_STATIC_RESOURCES_H

#include "static/engine.h"

/* Reports the leaks of the kinds whose rule is p->rule (computing the
 * package's obligations on first use). */
void res_report(struct lh_pass *p);

#endif /* LH_STATIC_RESOURCES_H */
