/*
 * walk.c - the interest table of the shared walk, and visits of its
 * records (see walk.h).
 */
#include <pthread.h>
#include <stdlib.h>

#include "static/pass.h"
#include "static/walk.h"

#define BV_KINDS                                                        \
	"call_expression func_literal short_var_declaration "             \
	"assignment_statement var_spec range_clause type_switch_statement " \
	"receive_statement"

#define POOL_KINDS                                                      \
	"var_spec short_var_declaration field_declaration keyed_element "  \
	"assignment_statement type_assertion_expression call_expression"

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
	{ "LH107", 0, "field_declaration var_spec short_var_declaration "
		      "assignment_statement keyed_element call_expression" },
	/* bigval.c's bv_analyze, and the rules' own visits */
	{ "LH401", 0, BV_KINDS " identifier slice_expression index_expression" },
	{ "LH402", 0, BV_KINDS " identifier slice_expression index_expression" },
	{ "LH501", 0, BV_KINDS " selector_expression" },
	{ "LH601", 0, POOL_KINDS },
	{ "LH602", 0, POOL_KINDS },
	{ "LH603", 0, POOL_KINDS },
	/* pkgfacts.c: bounds checks and type keys in a function, and the
	 * scoped walk of the functions that can reach a collection (what
	 * pf__rec_enter acts on, opens a scope for or skips) */
	{ NULL, LH_NEED_PKGFACTS, "binary_expression short_var_declaration "
				  "assignment_statement func_literal "
				  "for_statement block if_statement "
				  "expression_switch_statement "
				  "type_switch_statement expression_case "
				  "type_case default_case communication_case "
				  "var_spec const_spec range_clause "
				  "receive_statement keyed_element "
				  "parameter_list type_parameter_list "
				  "inc_statement dec_statement call_expression "
				  "composite_literal selector_expression "
				  "identifier" },
	/* resources.c: calls that may acquire, uses of fields */
	{ NULL, LH_NEED_OBLIGATIONS, "call_expression selector_expression" },
	/* engine.c: the resolution of a function's names (res__records) */
	{ NULL, LH_NEED_OBLIGATIONS, "identifier block func_literal "
				     "short_var_declaration var_spec const_spec "
				     "range_clause receive_statement "
				     "if_statement for_statement "
				     "expression_switch_statement "
				     "select_statement expression_case "
				     "default_case type_case communication_case "
				     "type_switch_statement keyed_element "
				     "type_declaration" },
	/* chanfacts.c: channel field uses, callers of functions, the
	 * prescan of function bodies */
	{ NULL, LH_NEED_CHANNELS, "selector_expression identifier "
				  "field_identifier keyed_element "
				  "composite_literal go_statement "
				  "select_statement short_var_declaration "
				  "assignment_statement var_spec" },
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

/* Makes sure f's records hold every kind of kinds. */
static void walk__prepare(struct gofile *f, const TSSymbol *kinds)
{
	size_t n = 0;

	const struct go_syms *g = GS;

	pthread_once(&walk__once, walk__init);
	for (const TSSymbol *k = kinds; *k; k++, n++) {
		/* functions are recorded whenever anything is */
		bool fn = *k == g->function_declaration ||
			  *k == g->method_declaration || *k == g->func_literal;

		if (!fn && (*k >= walk__nsyms || !walk__full[*k]))
			LH_BUG("a walk visits a node kind walk.c does not list");
		if (!f->index_mask || (!fn && !f->index_mask[*k]))
			gofile_index(f, walk__full);
	}
	if (n > WALK_MAX_KINDS)
		LH_BUG("a walk visits too many node kinds");
}

void walk_prepare(struct gofile *f, const TSSymbol *kinds)
{
	const struct go_syms *g = GS;

	pthread_once(&walk__once, walk__init);
	for (const TSSymbol *k = kinds; *k; k++) {
		bool fn = *k == g->function_declaration ||
			  *k == g->method_declaration || *k == g->func_literal;

		if (!fn && (*k >= walk__nsyms || !walk__full[*k]))
			LH_BUG("a walk visits a node kind walk.c does not list");
		if (!f->index_mask || (!fn && !f->index_mask[*k]))
			gofile_index(f, walk__full);
	}
}

/* Iterates records [lo, hi) of f of the kinds (prepared). */
static void walk__iter(struct walk_iter *it, const struct gofile *f,
		       const TSSymbol *kinds, uint32_t lo, uint32_t hi)
{
	it->f = f;
	it->nk = 0;
	it->stop = hi;
	for (const TSSymbol *k = kinds; *k; k++) {
		const uint32_t *a = f->by_kind + f->kind_start[*k];
		const uint32_t *e = f->by_kind + f->kind_start[*k + 1];
		size_t n = (size_t)(e - a), l = 0, h = n;

		while (l < h) { /* first position >= lo */
			size_t mid = l + (h - l) / 2;

			if (a[mid] < lo)
				l = mid + 1;
			else
				h = mid;
		}
		it->at[it->nk] = a + l;
		it->end[it->nk] = e;
		it->nk++;
	}
}

void walk_iter_file(struct walk_iter *it, struct gofile *f,
		    const TSSymbol *kinds)
{
	walk__prepare(f, kinds);
	walk__iter(it, f, kinds, 0, (uint32_t)f->nodes.len);
}

const struct gonode *walk_next(struct walk_iter *it)
{
	size_t best = it->nk;
	uint32_t pos = it->stop;

	for (size_t k = 0; k < it->nk; k++) {
		if (it->at[k] < it->end[k] && *it->at[k] < pos) {
			pos = *it->at[k];
			best = k;
		}
	}
	if (best == it->nk)
		return NULL;
	it->at[best]++;
	return &it->f->nodes.items[pos];
}

/* Visits the records of it whose node starts at byte start or later, at
 * depth base + max_depth at most, with the skip rule of walk_file();
 * depths are passed relative to base. */
static void walk__visit(struct walk_iter *it, uint32_t start, uint32_t base,
			unsigned max_depth, const struct syn_walker *w)
{
	/* skipping the records inside the node at depth skip, which ends at
	 * byte skip_end: in pre-order they follow it, deeper and before its
	 * end (a record after its unrecorded next sibling is not inside) */
	uint32_t skip = UINT32_MAX, skip_end = 0;
	const struct gonode *e;

	if (w->leave)
		LH_BUG("a walk of records calls no leave()");
	while ((e = walk_next(it))) {
		uint32_t at = gn_start_byte(e->node);

		if (at < start || e->depth < base)
			continue;
		if (skip != UINT32_MAX) {
			if (e->depth > skip && at < skip_end)
				continue;
			skip = UINT32_MAX;
		}
		if (e->depth - base > max_depth)
			continue;
		if (!w->enter(w->ctx, e->node, e->depth - base)) {
			skip = e->depth;
			skip_end = gn_end_byte(e->node);
		}
	}
}

void walk_file(struct gofile *f, const TSSymbol *kinds, unsigned max_depth,
	       const struct syn_walker *w)
{
	struct walk_iter it;

	walk_iter_file(&it, f, kinds);
	walk__visit(&it, 0, 0, max_depth, w);
}

/* Position of fn's record in f (functions are always recorded). */
static size_t walk__find(const struct gofile *f, GNode fn)
{
	const struct gonode *v = f->nodes.items;
	size_t n = f->nodes.len, lo = 0, hi = n;
	uint32_t at = gn_start_byte(fn);

	while (lo < hi) { /* first record starting at or after fn */
		size_t mid = lo + (hi - lo) / 2;

		if (gn_start_byte(v[mid].node) < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && gn_start_byte(v[lo].node) == at; lo++) {
		if (gn_eq(v[lo].node, fn))
			return lo;
	}
	LH_BUG("a function the shared walk did not record");
}

/* The first position after from whose record starts at byte end or
 * later (records are in source order). */
static size_t walk__until(const struct gofile *f, size_t from, uint32_t end)
{
	const struct gonode *v = f->nodes.items;
	size_t lo = from, hi = f->nodes.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (gn_start_byte(v[mid].node) < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void walk_fn_body(struct gofile *f, GNode fn, const TSSymbol *kinds,
	       unsigned max_depth, const struct syn_walker *w)
{
	GNode body = go_field(fn, f_body);
	struct walk_iter it;
	size_t i, hi;

	if (gn_is_null(body))
		return;
	walk__prepare(f, kinds);
	i = walk__find(f, fn);
	/* the body is a child of fn: what starts inside its bytes, after
	 * fn in pre-order, is the body or inside it */
	hi = walk__until(f, i + 1, gn_end_byte(body));
	walk__iter(&it, f, kinds, (uint32_t)(i + 1), (uint32_t)hi);
	walk__visit(&it, gn_start_byte(body), f->nodes.items[i].depth + 1,
		    max_depth, w);
}

GNode walk_func(const struct gofile *f, const struct gonode *e)
{
	return e->func ? f->nodes.items[e->func - 1].node : (GNode){ 0 };
}
