/*
 * walk.c - the interest table of the shared walk, and visits of its
 * records (see walk.h).
 */
#include <pthread.h>
#include <stdlib.h>

#include "static/pass.h"
#include "static/walk.h"

/* Who visits which node kinds. A row names a rule (by id) or a shared
 * analysis (by the LH_NEED_* bit its rules declare in .needs). Order means
 * nothing. */
static const struct walk_interest {
	const char *rule;  /* rule id, or NULL for a shared analysis */
	unsigned needs;	   /* LH_NEED_* of the shared analysis */
	const char *kinds; /* node kinds, space-separated */
} walk__table[] = {
	{ "LH202", 0, "call_expression" },
	{ "LH203", 0, "call_expression" },
	{ "LH706", 0, "defer_statement" },
	/* resources.c: calls that may acquire */
	{ NULL, LH_NEED_OBLIGATIONS, "call_expression" },
	/* chanfacts.c: channel field uses, callers of functions */
	{ NULL, LH_NEED_CHANNELS, "selector_expression identifier "
				  "field_identifier keyed_element "
				  "composite_literal" },
};

static unsigned char *walk__full;
static uint32_t walk__nsyms;
static pthread_once_t walk__once = PTHREAD_ONCE_INIT;

/* Sets the bits of row r's kinds in mask. */
static void walk__row(const struct walk_interest *r, unsigned char *mask)
{
	const TSLanguage *lang = go_language();
	const char *s = r->kinds;

	while (*s) {
		size_t n = strcspn(s, " ");
		TSSymbol sym;

		if (n) {
			sym = ts_language_symbol_for_name(lang, s, (uint32_t)n,
							  true);
			if (!sym || sym >= walk__nsyms)
				LH_BUG("walk.c names an unknown node kind");
			mask[sym] = 1;
		}
		s += n + (s[n] == ' ');
	}
}

static void walk__init(void)
{
	walk__nsyms = go_symbol_count();
	walk__full = xcalloc(walk__nsyms, 1);
	for (size_t i = 0; i < ARRAY_SIZE(walk__table); i++)
		walk__row(&walk__table[i], walk__full);
}

static bool walk__wanted(const struct walk_interest *r,
			 const unsigned char *enabled)
{
	for (size_t i = 0; i < lh_rule_count(); i++) {
		const struct lh_rule *q = lh_rule_at(i);

		if (!enabled[i] || q->kind != LH_RULE_STATIC)
			continue;
		if (r->rule ? strcmp(q->id, r->rule) == 0
			    : (q->needs & r->needs) != 0)
			return true;
	}
	return false;
}

unsigned char *walk_mask(const unsigned char *enabled)
{
	unsigned char *m;

	pthread_once(&walk__once, walk__init);
	m = xcalloc(walk__nsyms, 1);
	for (size_t i = 0; i < ARRAY_SIZE(walk__table); i++) {
		if (walk__wanted(&walk__table[i], enabled))
			walk__row(&walk__table[i], m);
	}
	return m;
}

const struct gonode *walk_nodes(struct gofile *f, const TSSymbol *kinds,
				size_t *n)
{
	pthread_once(&walk__once, walk__init);
	for (const TSSymbol *k = kinds; *k; k++) {
		if (*k >= walk__nsyms || !walk__full[*k])
			LH_BUG("a walk visits a node kind walk.c does not list");
		if (!f->index_mask || !f->index_mask[*k]) {
			gofile_index(f, walk__full);
			break;
		}
	}
	*n = f->nodes.len;
	return f->nodes.items;
}

static bool walk__is(TSSymbol s, const TSSymbol *kinds)
{
	for (; *kinds; kinds++) {
		if (s == *kinds)
			return true;
	}
	return false;
}

void walk_file(struct gofile *f, const TSSymbol *kinds, unsigned max_depth,
	       const struct syn_walker *w)
{
	size_t n;
	const struct gonode *v = walk_nodes(f, kinds, &n);
	/* skipping the records inside the node at depth skip, which ends at
	 * byte skip_end: in pre-order they follow it, deeper and before its
	 * end (a record after its unrecorded next sibling is not inside) */
	uint32_t skip = UINT32_MAX, skip_end = 0;

	if (w->leave)
		LH_BUG("walk_file calls no leave()");
	for (size_t i = 0; i < n; i++) {
		const struct gonode *e = &v[i];

		if (skip != UINT32_MAX) {
			if (e->depth > skip &&
			    ts_node_start_byte(e->node) < skip_end)
				continue;
			skip = UINT32_MAX;
		}
		if (e->depth > max_depth ||
		    !walk__is(ts_node_symbol(e->node), kinds))
			continue;
		if (!w->enter(w->ctx, e->node, e->depth)) {
			skip = e->depth;
			skip_end = ts_node_end_byte(e->node);
		}
	}
}

TSNode walk_func(const struct gofile *f, const struct gonode *e)
{
	return e->func ? f->nodes.items[e->func - 1].node : (TSNode){ 0 };
}
