/*
 * registry.c - the table of all rules (static and runtime) and their docs.
 * The X-macro files static/rules/rules.def and detect/rules.def are the
 * single source; docs come from the lhNNN.md files under src/, embedded at build time.
 */
#include <stdlib.h>
#include <pthread.h>
#include <strings.h>

#include "static/pass.h"

#define RULE(name) extern const struct lh_rule lh_rule_##name;
#include "static/rules/rules.def"
#include "detect/rules.def"
#undef RULE

static const struct lh_rule *const registry[] = {
#define RULE(name) &lh_rule_##name,
#include "static/rules/rules.def"
#include "detect/rules.def"
#undef RULE
	NULL, /* keeps the array non-empty */
};
/* not a constant: an empty registry must not make loops always false */
static size_t nrules;
#define NRULES nrules

struct lh_doc_entry {
	const char *id;
	const char *text;
};
extern const struct lh_doc_entry lh_doc_table[];

static const struct lh_rule *sorted[ARRAY_SIZE(registry)];

static int registry__cmp(const void *a, const void *b)
{
	const struct lh_rule *x = *(const struct lh_rule *const *)a;
	const struct lh_rule *y = *(const struct lh_rule *const *)b;

	return strcmp(x->id, y->id);
}

static pthread_once_t registry__once = PTHREAD_ONCE_INIT;

static void registry__init(void)
{
	nrules = ARRAY_SIZE(registry) - 1;
	memcpy(sorted, registry, sizeof(registry));
	qsort(sorted, NRULES, sizeof(sorted[0]), registry__cmp);
}

size_t lh_rule_count(void)
{
	pthread_once(&registry__once, registry__init);
	return NRULES;
}

const struct lh_rule *lh_rule_at(size_t i)
{
	pthread_once(&registry__once, registry__init);
	return i < NRULES ? sorted[i] : NULL;
}

size_t lh_rule_index(const struct lh_rule *r)
{
	pthread_once(&registry__once, registry__init);
	for (size_t i = 0; i < NRULES; i++) {
		if (sorted[i] == r)
			return i;
	}
	LH_BUG("rule not in registry");
}

const struct lh_rule *lh_rule_find(const char *id)
{
	pthread_once(&registry__once, registry__init);
	for (size_t i = 0; i < NRULES; i++) {
		if (strcasecmp(sorted[i]->id, id) == 0)
			return sorted[i];
	}
	return NULL;
}

const char *lh_rule_doc(const struct lh_rule *r)
{
	for (const struct lh_doc_entry *d = lh_doc_table; d->id; d++) {
		if (strcmp(d->id, r->id) == 0)
			return d->text;
	}
	return NULL;
}
