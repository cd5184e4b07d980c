/*
 * resources.c - runs the obligation engine with the acquisitions of
 * src/golang/known_apis.def over a package, once, and reports the leaks
 * for the rule asking (see resources.h).
 *
 * Receivers: a method row applies when the receiver's type is known to be
 * the row's (typed parameter or var, constructor, composite literal,
 * package var, struct field); on a receiver of unknown type only the
 * GUESS() rows apply, and only when the result is used with the member
 * that marks the kind (`resp.Body`). A receiver known to be of another
 * type never matches.
 *
 * In func main of package main, returning (or falling off the end) with a
 * resource open is no leak: the process exits and the system takes it
 * back. What piles up while main runs still is (a loop iteration's
 * resource left behind, an overwritten or dropped one in a loop).
 */
#include <stdio.h>

#include "static/apis.h"
#include "static/resources.h"
#include "static/syn.h"
#include "static/walk.h"

struct res_item {
	struct eng_func *fn;
	struct eng_leak *leak;
};

struct res_store {
	struct eng_func *fn;
	struct eng_store *store;
};

struct res_facts {
	struct res_item *items; /* package arena */
	size_t n;
	struct res_store *stores;
	size_t nstores;
};

/* ---------------------------------------------------------------- acquire */

/* Is e a package variable dropping what is written to it (io.Discard)? */
static bool res__sink(struct eng_func *fn, GNode e)
{
	const char *path, *name;
	size_t len;

	e = go_unparen(e);
	return gn_symbol(e) == GS->selector_expression &&
	       gn_symbol(go_field(e, f_operand)) == GS->identifier &&
	       !eng_resolve(fn, go_field(e, f_operand)) &&
	       go_selector_import(fn->file, e, &path, &name, &len) &&
	       apis_sink(path, name, len);
}

/* Is e plain memory: `bytes.NewReader(b)`, `&buf` of a bytes.Buffer,
 * `strings.NewReader(s)`, a local of such a type (INMEMORY rows)? */
static bool res__in_memory(struct eng_func *fn, GNode e)
{
	const struct go_syms *g = GS;
	const char *t, *dot, *path, *name;
	size_t len;

	e = go_unparen(e);
	if (gn_symbol(e) == g->call_expression) {
		GNode fun = go_unparen(go_field(e, f_function));

		if (gn_symbol(fun) == g->selector_expression &&
		    gn_symbol(go_field(fun, f_operand)) == g->identifier &&
		    !eng_resolve(fn, go_field(fun, f_operand)) &&
		    go_selector_import(fn->file, fun, &path, &name, &len))
			return apis_inmemory(path, name, len);
		return false;
	}
	/* a package variable: io.Discard */
	if (gn_symbol(e) == g->selector_expression &&
	    gn_symbol(go_field(e, f_operand)) == g->identifier &&
	    !eng_resolve(fn, go_field(e, f_operand)) &&
	    go_selector_import(fn->file, e, &path, &name, &len) &&
	    apis_inmemory(path, name, len))
		return true;
	t = eng_type_of(fn, e);
	dot = t ? strrchr(t, '.') : NULL;
	if (!dot)
		return false;
	{
		char *pkg = arena_strndup(&fn->pkg->arena, t,
					  (size_t)(dot - t));

		return apis_inmemory(pkg, dot + 1, strlen(dot + 1));
	}
}

static bool res__acquire(void *ctx, struct eng_func *fn, GNode call,
			 struct eng_acquire *a)
{
	const struct go_syms *g = GS;
	GNode fun = go_unparen(go_field(call, f_function)), op;
	const struct apis_row *row = NULL;
	const char *name, *path, *member = NULL;
	size_t len;
	bool mem_writer = false, writer = false;

	LH_UNUSED(ctx);
	if (gn_is_null(fun) || gn_symbol(fun) != g->selector_expression)
		return false;
	name = go_text(fn->file, go_field(fun, f_field), &len);
	if (!apis_maybe_acquire(name, len))
		return false;
	op = go_unparen(go_field(fun, f_operand));
	if (gn_symbol(op) == g->identifier && !eng_resolve(fn, op) &&
	    go_selector_import(fn->file, fun, &path, &name, &len)) {
		int wi = apis_wraps(path, name, len, &writer);

		row = apis_acquire(path, "", name, len);
		if (row && wi >= 0) {
			GNode arg = gn_named_child(
				go_field(call, f_arguments), (uint32_t)wi);

			if (res__sink(fn, arg))
				return false; /* owes not even a trailer */
			if (res__in_memory(fn, arg)) {
				if (!writer)
					return false; /* nothing held */
				mem_writer = true;
			}
		}
	} else if (apis_method_name(name, len)) {
		const char *t = eng_type_of(fn, op);
		const char *dot = t ? strrchr(t, '.') : NULL;

		if (t && !dot) { /* a promoted method of an embedded type */
			t = eng_promoted(fn, t, name, len);
			dot = t ? strrchr(t, '.') : NULL;
		}
		if (dot) {
			char *pkg = arena_strndup(&fn->pkg->arena, t,
						  (size_t)(dot - t));

			row = apis_acquire(pkg, dot + 1, name, len);
		} else {
			row = apis_guess(name, len, &member);
		}
	}
	if (!row)
		return false;
	a->kind = apis_kind(mem_writer ? RES_MEMWRITER :
			    writer ? RES_ZWRITER : row->kind);
	a->results = row->results;
	a->err_result = row->err_result;
	a->noun = row->noun;
	a->require = member;
	if (!row->results)
		a->object = op;
	return true;
}

/* By the names alone, before resolving anything: can res__acquire accept
 * call (a row of an import, or a method name of the table)? */
static bool res__may_acquire_hook(void *ctx, struct gofile *f, GNode call)
{
	GNode fun = go_unparen(go_field(call, f_function));
	const char *name, *path, *nm;
	size_t len, nl;

	LH_UNUSED(ctx);
	if (gn_symbol(fun) != GS->selector_expression)
		return false;
	name = go_text(f, go_field(fun, f_field), &len);
	return apis_maybe_acquire(name, len) &&
	       (apis_method_name(name, len) ||
		(go_selector_import(f, fun, &path, &nm, &nl) &&
		 apis_acquire(path, "", nm, nl)));
}

/* ---------------------------------------------------------------- package */

typedef VEC(GNode) node_vec;

/* A call by plain name in a function that is not a candidate (yet): it
 * becomes one when the name is a same-package function that may return a
 * resource (engine.c's constructor summaries). */
struct res_call {
	GNode fn;
	size_t file;
	const char *name;
	size_t len;
};
typedef VEC(struct res_call) call_vec;

/* `x, err = os.Open(p)` in a func literal, into a variable the literal
 * may capture: the enclosing functions follow that obligation too (see
 * on_closure in engine.c), so they are candidates. */
static void res__outer(struct gofile *f, const struct gonode *e,
		       node_vec *out)
{
	GNode list;
	const struct gonode *fe = &f->nodes.items[e->func - 1];

	if (fe->sym != GS->func_literal)
		return; /* only calls in func literals (cheap test first) */
	list = gn_parent(e->node);
	if (gn_symbol(list) != GS->expression_list ||
	    gn_symbol(gn_parent(list)) != GS->assignment_statement)
		return;
	while (fe->func) {
		bool seen = false;

		fe = &f->nodes.items[fe->func - 1];
		for (size_t i = 0; i < out->len && !seen; i++)
			seen = gn_eq(out->items[i], fe->node);
		if (!seen)
			VEC_PUSH(out, fe->node);
	}
}

/* The functions (declarations and literals) holding a call whose name is
 * an acquiring one: a cheap scan of the call records of the shared walk,
 * before any resolution. Other named calls go to calls. */
static void res__candidates(struct gofile *f, size_t fi, node_vec *out,
			    call_vec *calls)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->call_expression, 0 };
	struct walk_iter it;
	const struct gonode *e;

	walk_iter_file(&it, f, kinds);
	while ((e = walk_next(&it))) {
		GNode cur = walk_func(f, e), fun;

		if (gn_is_null(cur))
			continue;
		fun = go_field(e->node, f_function);
		if (gn_symbol(fun) == g->selector_expression) {
			size_t len;
			const char *nm = go_text(f, go_field(fun, f_field),
						 &len);
			bool seen = false;

			for (size_t i = 0; i < out->len && !seen; i++)
				seen = gn_eq(out->items[i], cur);
			if (!seen && apis_maybe_acquire(nm, len)) {
				VEC_PUSH(out, cur);
				res__outer(f, e, out);
			} else if (!seen) {
				struct res_call rc = { cur, fi, nm, len };

				VEC_PUSH(calls, rc);
			}
		} else if (gn_symbol(fun) == g->identifier) {
			struct res_call rc = { cur, fi, NULL, 0 };

			rc.name = go_text(f, fun, &rc.len);
			VEC_PUSH(calls, rc);
		}
	}
}

/* Adds the names of the candidate declarations of file i from index
 * `from` on to the set. */
static void res__cand_names(struct gopkg *pkg, node_vec *cands, size_t i,
			    size_t from, struct map *names)
{
	for (size_t k = from; k < cands[i].len; k++) {
		GNode d = cands[i].items[k];
		size_t len;
		const char *n;

		if (gn_symbol(d) != GS->function_declaration &&
		    gn_symbol(d) != GS->method_declaration)
			continue;
		n = go_text(pkg->files[i], go_field(d, f_name), &len);
		map_put(names, n, len, (void *)1);
	}
}

/* Functions calling a candidate by name are candidates too (a helper that
 * returns a resource acquires it for its caller); a few rounds follow
 * chains of helpers. */
static void res__callers(struct gopkg *pkg, node_vec *cands, call_vec *calls)
{
	struct map names;
	size_t *seen = xcalloc(pkg->nfiles + 1, sizeof(*seen));

	map_init(&names);
	for (int round = 0; round < 3; round++) {
		bool more = false;

		/* the names of the candidates found so far */
		for (size_t i = 0; i < pkg->nfiles; i++) {
			res__cand_names(pkg, cands, i, seen[i], &names);
			seen[i] = cands[i].len;
		}
		for (size_t i = 0; i < calls->len; i++) {
			struct res_call *rc = &calls->items[i];
			node_vec *v = &cands[rc->file];
			bool dup = false;

			if (!rc->name || gn_is_null(rc->fn) ||
			    !map_get(&names, rc->name, rc->len))
				continue;
			for (size_t k = 0; k < v->len && !dup; k++)
				dup = gn_eq(v->items[k], rc->fn);
			if (dup) {
				rc->name = NULL;
				continue;
			}
			{
				VEC_PUSH(v, rc->fn);
				rc->name = NULL;
				more = true;
			}
		}
		if (!more)
			break;
	}
	map_release(&names);
	free(seen);
}

static struct res_facts *res__facts(struct gopkg *pkg)
{
	struct res_facts *rf = pkg->facts[LH_FACT_OBLIGATIONS];
	struct eng_spec spec = { 0 };
	VEC(struct res_item) items = VEC_INIT;
	VEC(struct res_store) stores = VEC_INIT;

	if (rf)
		return rf;
	rf = arena_alloc(&pkg->arena, sizeof(*rf));
	pkg->facts[LH_FACT_OBLIGATIONS] = rf;
	spec.acquire = res__acquire;
	spec.may_acquire = res__may_acquire_hook;
	node_vec *cands = xcalloc(pkg->nfiles + 1, sizeof(*cands));
	call_vec calls = VEC_INIT;

	for (size_t i = 0; i < pkg->nfiles; i++)
		res__candidates(pkg->files[i], i, &cands[i], &calls);
	res__callers(pkg, cands, &calls);
	VEC_FREE(&calls);
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];

		for (size_t k = 0; k < cands[i].len; k++) {
			struct eng_func *fn;
			struct eng_result *r;

			/* most candidates call a Close or Get that is not
			 * one of the table's: nothing to resolve or walk */
			if (!eng_may_acquire_names(f, cands[i].items[k], &spec))
				continue;
			fn = eng_func_get(pkg, f, cands[i].items[k]);
			if (!eng_may_acquire(fn, &spec))
				continue;
			r = eng_run(fn, &spec);

			for (size_t j = 0; j < r->nleaks; j++) {
				struct res_item it = { fn, &r->leaks[j] };

				VEC_PUSH(&items, it);
			}
			for (size_t j = 0; j < r->nstores; j++) {
				struct res_store st = { fn, &r->stores[j] };

				VEC_PUSH(&stores, st);
			}
		}
		VEC_FREE(&cands[i]);
	}
	free(cands);
	rf->n = items.len;
	rf->items = arena_alloc(&pkg->arena, (items.len + 1) * sizeof(*rf->items));
	if (items.len)
		memcpy(rf->items, items.items, items.len * sizeof(*rf->items));
	VEC_FREE(&items);
	rf->nstores = stores.len;
	rf->stores = arena_alloc(&pkg->arena,
				 (stores.len + 1) * sizeof(*rf->stores));
	if (stores.len)
		memcpy(rf->stores, stores.items,
		       stores.len * sizeof(*rf->stores));
	VEC_FREE(&stores);
	return rf;
}

/* ---------------------------------------------------------------- report */

static bool res__simple_release(const struct eng_kind *k)
{
	return k->rel_names[0] && !k->rel_names[1] &&
	       !(k->flags & ENG_K_CHECKPOINT_ONLY);
}

/* Is the handle (text h: "f", "resp.Body") an argument of a call in n
 * (outside func literals)? */
static bool res__wraps_handle(const struct gofile *f, GNode n, const char *h,
			      unsigned depth)
{
	uint32_t k;

	if (depth > 64 || gn_symbol(n) == GS->func_literal)
		return false;
	if (gn_symbol(n) == GS->argument_list) {
		k = gn_named_child_count(n);
		for (uint32_t i = 0; i < k; i++) {
			if (go_text_is(f, go_unparen(gn_named_child(n, i)),
				       h))
				return true;
		}
	}
	k = gn_named_child_count(n);
	for (uint32_t i = 0; i < k; i++) {
		if (res__wraps_handle(f, gn_named_child(n, i), h,
				      depth + 1))
			return true;
	}
	return false;
}

/* The line of a leaking return that hands out a wrapper of the handle
 * (`return bufio.NewReader(f)`): the resource leaves the function where
 * nobody can release it. 0 when there is none. */
static uint32_t res__wrapped_return(const struct gofile *f,
				    const struct eng_leak *l)
{
	if (!l->var || !l->handle)
		return 0;
	for (size_t k = 0; k < l->nexits; k++) {
		GNode r = l->exits[k].node;

		if (l->exits[k].kind == ENG_EXIT_RETURN &&
		    gn_symbol(r) == GS->return_statement &&
		    gn_named_child_count(r) > 0 &&
		    res__wraps_handle(f, gn_named_child(r, 0), l->handle,
				      0))
			return l->exits[k].line;
	}
	return 0;
}

/* `defer resp.Body.Close()` on a new line after the error check (or the
 * statement when there is no error result), indented like the statement. */
static bool res__edit(struct lh_pass *p, struct lh_finding *fd,
		      struct gofile *f, const struct eng_leak *l)
{
	GNode after = gn_is_null(l->errcheck) ? l->stmt : l->errcheck;
	uint32_t line = gn_start_point(l->stmt).row + 1;
	size_t len, ind = 0;
	const char *src = go_line(f, line, &len);
	const char *call;
	char *text;

	if (!res__simple_release(l->kind) || !l->var || l->in_loop ||
	    l->back_label || res__wrapped_return(f, l) ||
	    l->released_somewhere)
		return false;
	/* an error that is not checked right after: a defer there would
	 * run on a nil value when the call fails */
	if (gn_is_null(l->errcheck) && l->has_err)
		return false;
	if (gn_symbol(gn_parent(after)) != GS->block)
		return false;
	while (ind < len && src[ind] == '\t')
		ind++;
	if (ind == 0 || (ind < len && src[ind] == ' '))
		return false;
	call = l->kind->rel_names[0][0] ?
		       arena_printf(&p->pkg->arena, "%s.%s()", l->handle,
				    l->kind->rel_names[0]) :
		       arena_printf(&p->pkg->arena, "%s()", l->handle);
	text = arena_printf(&p->pkg->arena, "\n%.*sdefer %s", (int)ind, src,
			    call);
	pass_edit(p, fd, f, gn_end_byte(after), gn_end_byte(after),
		  text);
	pass_fix(p, fd, "add `defer %s` right after %s", call,
		 gn_is_null(l->errcheck) ? "the call" : "the error check");
	return true;
}

/* The release call for the leak's handle: "cancel()", "resp.Body.Close()",
 * "tx.Rollback()" (the last alternative: the one a defer can always
 * make). */
static const char *res__release_text(struct gopkg *pkg,
				     const struct eng_leak *l)
{
	const char *h = l->handle && l->handle[0] ? l->handle : "x";
	const char *m = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(l->kind->rel_names) &&
			   l->kind->rel_names[i]; i++)
		m = l->kind->rel_names[i];
	if (!m || !m[0])
		return arena_printf(&pkg->arena, "%s()", h);
	return arena_printf(&pkg->arena, "%s.%s()", h, m);
}

/* Is fn the program's entry point (func main of package main)? */
static bool res__is_main(const struct eng_func *fn)
{
	return gn_symbol(fn->decl) == GS->function_declaration &&
	       fn->file->pkgname && strcmp(fn->file->pkgname, "main") == 0 &&
	       go_text_is(fn->file, go_field(fn->decl, f_name), "main");
}

/* Does exit e leak anything? When main returns the process exits and the
 * system takes back what is still open: only what piles up while main
 * runs counts there (overwritten, dropped or left behind by a loop
 * iteration, or not done at a checkpoint). */
/* Is e (the last expression of return statement ret) certainly a non-nil
 * error: fmt.Errorf(...), errors.New(...), errors.Wrap(f)(...), &T{...},
 * T{...}, or a variable the return sits under `if e != nil` for? */
static bool res__certain_error(const struct gofile *f, GNode ret, GNode e)
{
	const struct go_syms *g = GS;
	const char *path, *name;
	size_t len;

	if (gn_symbol(e) == g->unary_expression ||
	    gn_symbol(e) == g->composite_literal)
		return true;
	if (gn_symbol(e) == g->call_expression) {
		GNode fun = go_field(e, f_function);

		return gn_symbol(fun) == g->selector_expression &&
		       go_selector_import(f, fun, &path, &name, &len) &&
		       ((strcmp(path, "fmt") == 0 &&
			 str_eqn(name, len, "Errorf")) ||
			(strcmp(path, "errors") == 0 &&
			 str_eqn(name, len, "New")) ||
			(strcmp(path, "github.com/pkg/errors") == 0 &&
			 (str_eqn(name, len, "Wrap") ||
			  str_eqn(name, len, "Wrapf") ||
			  str_eqn(name, len, "Errorf"))));
	}
	if (gn_symbol(e) != g->identifier)
		return false;
	for (GNode kid = ret, p = gn_parent(ret); !gn_is_null(p);
	     kid = p, p = gn_parent(p)) {
		GNode c;

		if (gn_symbol(p) == g->func_literal ||
		    gn_symbol(p) == g->function_declaration ||
		    gn_symbol(p) == g->method_declaration)
			return false;
		if (gn_symbol(p) != g->if_statement ||
		    !gn_eq(go_field(p, f_consequence), kid))
			continue;
		c = go_unparen(go_field(p, f_condition));
		if (gn_symbol(c) == g->binary_expression &&
		    go_text_is(f, go_field(c, f_operator), "!=") &&
		    gn_symbol(go_field(c, f_right)) == g->nil &&
		    go_text_is(f, go_field(c, f_left), go_text_dup(f, e)))
			return true;
	}
	return false;
}

/* Does return statement ret (of f) return a non-nil error: its function's
 * last result is an `error` and the last returned expression is not nil?
 * A bare return (named results) is not known to. */
static bool res__error_return(const struct gofile *f, GNode ret)
{
	const struct go_syms *g = GS;
	GNode list = { 0 }, last, fn, res;
	uint32_t n;

	for (uint32_t i = 0; i < gn_named_child_count(ret); i++) {
		if (gn_symbol(gn_named_child(ret, i)) ==
		    g->expression_list)
			list = gn_named_child(ret, i);
	}
	if (gn_is_null(list) || !(n = gn_named_child_count(list)))
		return false;
	last = go_unparen(gn_named_child(list, n - 1));
	if (!res__certain_error(f, ret, last))
		return false;
	for (fn = gn_parent(ret); !gn_is_null(fn);
	     fn = gn_parent(fn)) {
		TSSymbol s = gn_symbol(fn);

		if (s == g->func_literal || s == g->function_declaration ||
		    s == g->method_declaration)
			break;
	}
	if (gn_is_null(fn))
		return false;
	res = go_field(fn, f_result);
	if (!gn_is_null(res) && gn_symbol(res) == g->parameter_list) {
		uint32_t k = gn_named_child_count(res);

		res = k ? go_field(gn_named_child(res, k - 1), f_type) :
			  (GNode){ 0 };
	}
	return !gn_is_null(res) && go_text_is(f, res, "error");
}

static bool res__exit_counts(const struct gofile *f, const struct eng_leak *l,
			     const struct eng_exit *e, bool in_main)
{
	if ((l->kind->flags & ENG_K_ERR_RETURN_OK) &&
	    e->kind == ENG_EXIT_RETURN && res__error_return(f, e->node))
		return false;
	if (!in_main)
		return true;
	switch (e->kind) {
	case ENG_EXIT_RETURN:
	case ENG_EXIT_END:
		return false;
	case ENG_EXIT_DISCARD:
	case ENG_EXIT_BLANK:
		return l->in_loop;
	default:
		return true;
	}
}

/* Advice for this finding's shape, when no mechanical edit was made. */
static void res__advice(struct lh_pass *p, struct lh_finding *fd,
			const struct gofile *fd_file, const struct eng_leak *l,
			bool discard, bool over, bool ckpt, bool in_main)
{
	struct gopkg *pkg = p->pkg;
	const char *rel = res__release_text(pkg, l);
	uint32_t first = 0, over_line = 0, nret = 0, nstay = 0;
	uint32_t wrapped = res__wrapped_return(fd_file, l);
	uint32_t site = gn_start_point(l->site).row + 1;
	struct buf lines = BUF_INIT;
	const char *at;

	for (size_t k = 0; k < l->nexits; k++) {
		if (!res__exit_counts(fd_file, l, &l->exits[k], in_main))
			continue;
		if (l->exits[k].kind == ENG_EXIT_OVERWRITE && !over_line)
			over_line = l->exits[k].line;
		else if (!first && l->exits[k].kind != ENG_EXIT_OVERWRITE)
			first = l->exits[k].line;
		if (l->exits[k].kind != ENG_EXIT_RETURN &&
		    l->exits[k].kind != ENG_EXIT_END) {
			nstay++; /* left behind while the function runs */
		} else if (nret++ < 4) {
			buf_printf(&lines, "%s%u", nret > 1 ? ", " : "",
				   l->exits[k].line);
		}
	}
	if (nret > 4)
		buf_adds(&lines, ", ...");
	at = arena_printf(&pkg->arena, "%s %s",
			  nret > 1 ? "the exits at lines" : "the exit at line",
			  lines.data ? lines.data : "");
	buf_release(&lines);
	if (ckpt)
		return; /* the class advice names Wait and the pipes */
	if (discard) {
		pass_fix(p, fd, "keep the %s in a variable and `defer %s` "
			 "right after line %u", l->noun,
			 l->kind->rel_names[0] && !l->kind->rel_names[0][0] ?
				 "cancel()" : "x.Close()", site);
	} else if (!gn_is_null(l->blank) && !l->released_somewhere) {
		uint32_t bl = gn_start_point(l->blank).row + 1;
		GNode rhs = go_field(l->blank, f_right);
		size_t n = 0;
		const char *t = NULL;

		/* quote what the line says (`_ = resp` for resp.Body) */
		if (!gn_is_null(rhs) && gn_named_child_count(rhs) == 1)
			t = go_text(fd_file, gn_named_child(rhs, 0), &n);
		if (!t || n > 40 || memchr(t, '\n', n)) {
			t = l->handle;
			n = strlen(t);
		}
		pass_fix(p, fd, "`_ = %.*s` at line %u only silences the "
			 "compiler: replace it with `defer %s`", (int)n, t,
			 bl, rel);
	} else if (l->back_label) {
		/* a loop made of gotos: a defer would wait for the return */
		pass_fix(p, fd, "call %s before each goto back to %s (and "
			 "before %s); a defer would keep every round's %s "
			 "until the function returns", rel, l->back_label,
			 nret ? at : "the function returns", l->noun);
	} else if (over && over_line && l->in_loop) {
		pass_fix(p, fd, "call %s before the next iteration assigns %s "
			 "again (line %u); a defer would wait for the function "
			 "to return", rel, l->handle, over_line);
	} else if (over && over_line) {
		pass_fix(p, fd, "call %s before %s is assigned again at line "
			 "%u, or `defer %s` right after line %u (a deferred "
			 "call keeps the value it was given)", rel, l->handle,
			 over_line, rel, site);
	} else if (wrapped) {
		pass_fix(p, fd, "the value returned at line %u wraps %s, and "
			 "nothing can release the %s through it: return %s "
			 "itself too (or a type whose Close releases it) so the "
			 "caller can", wrapped, l->handle, l->noun, l->handle);
	} else if (l->handed_on && nret && !nstay) {
		/* the other paths return or store it: a defer would release
		 * what they hand on */
		pass_fix(p, fd, "call %s before %s: the other paths hand the "
			 "%s on, so a plain defer would release it there too "
			 "(defer it under `if err != nil` with a named error "
			 "result instead)", rel, at, l->noun);
	} else if (l->outlives_loop && nret && !nstay && l->var) {
		/* a variable living across iterations, re-assigned in the
		 * loop: `defer x.Stop()` would keep the first value */
		pass_fix(p, fd, "call %s before %s, or `defer func() { %s }()` "
			 "before the loop: a deferred closure releases what %s "
			 "holds when the function returns", rel, at, rel,
			 l->var);
	} else if (l->in_loop) {
		pass_fix(p, fd, "call %s before the iteration ends%s%s "
			 "(not with defer: that waits for the function)", rel,
			 first ? " and before the exit at line " : "",
			 first ? arena_printf(&pkg->arena, "%u", first) : "");
	} else if (l->released_somewhere && first) {
		pass_fix(p, fd, "the exit at line %u misses %s: `defer %s` "
			 "right after line %u covers every path", first, rel,
			 rel, site);
	} else {
		pass_fix(p, fd, "`defer %s` right after line %u, or hand the "
			 "%s to an owner that releases it", rel, site, l->noun);
	}
}

static const char *res__step(struct gopkg *pkg, const struct eng_leak *l,
			     const struct eng_exit *e)
{
	switch (e->kind) {
	case ENG_EXIT_OVERWRITE:
		return arena_printf(&pkg->arena,
				    "%s is overwritten at line %u while %s",
				    l->handle, e->line, l->kind->still);
	case ENG_EXIT_DISCARD:
		return arena_printf(&pkg->arena, "%s is discarded at line %u",
				    l->noun, e->line);
	case ENG_EXIT_CHECKPOINT:
		return arena_printf(&pkg->arena,
				    "waits for the command at line %u with %s %s",
				    e->line, l->handle, l->kind->still);
	default:
		return arena_printf(&pkg->arena, "%s with %s %s",
				    eng_exit_text(pkg, e), l->handle,
				    l->kind->still);
	}
}

/* ---------------------------------------------------------------- fields */

static bool res__is_release(const struct eng_kind *k, const char *m,
			    size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(k->rel_names) && k->rel_names[i];
	     i++) {
		if (str_eqn(m, len, k->rel_names[i]))
			return true;
	}
	return false;
}

/* Does the use of field selector sel release the field's value or hand it
 * on (then the package may release it elsewhere)? */
static bool res__field_use_releases(struct gofile *f, GNode sel,
				    const struct eng_kind *k, bool func)
{
	const struct go_syms *g = GS;
	GNode p = gn_parent(sel);
	TSSymbol ps = gn_symbol(p);

	if (ps == g->selector_expression &&
	    gn_eq(go_field(p, f_operand), sel)) {
		GNode gp = gn_parent(p);
		size_t len;
		const char *m = go_text(f, go_field(p, f_field), &len);

		if (gn_symbol(gp) == g->call_expression &&
		    gn_eq(go_field(gp, f_function), p))
			return res__is_release(k, m, len);
		return false; /* t.C, t.Reset: a member */
	}
	if (ps == g->call_expression && gn_eq(go_field(p, f_function), sel))
		return func || (k->rel_names[0] && !k->rel_names[0][0]);
	if (ps == g->binary_expression)
		return false;
	if (ps == g->expression_list) {
		GNode gp = gn_parent(p);

		if ((gn_symbol(gp) == g->assignment_statement ||
		     gn_symbol(gp) == g->short_var_declaration) &&
		    gn_eq(go_field(gp, f_left), p))
			return false; /* stored into */
	}
	return true; /* read as a value: handed on */
}

/* Can the operand of field selector sel be of type owner? Unknown types
 * can (precision first: silence). */
static bool res__same_owner(struct gopkg *pkg, struct gofile *f, GNode sel,
			    const char *owner)
{
	GNode d = gn_parent(sel), top = { 0 };
	const char *t;

	if (!owner)
		return true;
	for (; !gn_is_null(d); d = gn_parent(d)) {
		TSSymbol s = gn_symbol(d);

		if (s == GS->function_declaration ||
		    s == GS->method_declaration) {
			top = d;
			break;
		}
	}
	if (gn_is_null(top))
		return true;
	t = eng_type_of(eng_func_get(pkg, f, top), go_field(sel, f_operand));
	return !t || strcmp(t, owner) == 0;
}

/* True when some code of the package releases (or hands on) what is stored
 * in fields named field of a struct of type owner (any struct when owner
 * is NULL or the selector's type is unknown). */
static bool res__field_released(struct gopkg *pkg, const char *field,
				const char *owner, const struct eng_kind *k,
				bool func)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->selector_expression, 0 };

	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		struct walk_iter it;
		const struct gonode *e;

		walk_iter_file(&it, f, kinds);
		while ((e = walk_next(&it))) {
			GNode n = e->node;

			if (go_text_is(f, go_field(n, f_field), field) &&
			    res__field_use_releases(f, n, k, func) &&
			    res__same_owner(pkg, f, n, owner))
				return true;
		}
	}
	return false;
}

/* Is call a release of variable v for kind k: `v()` for a func kind,
 * `v.<release>()` otherwise (kinds released on the value itself)? */
static bool res__releases_var(struct eng_func *fn, GNode call,
			      const struct eng_var *v, const struct eng_kind *k)
{
	GNode fun = go_unparen(go_field(call, f_function));

	if (k->rel_prefix[0])
		return false;
	if (gn_symbol(fun) == GS->identifier)
		return !k->rel_names[0][0] && eng_resolve(fn, fun) == v;
	if (gn_symbol(fun) == GS->selector_expression &&
	    gn_symbol(go_field(fun, f_operand)) == GS->identifier &&
	    eng_resolve(fn, go_field(fun, f_operand)) == v) {
		size_t len;
		const char *m = go_text(fn->file, go_field(fun, f_field), &len);

		return res__is_release(k, m, len);
	}
	return false;
}

/* The function that stored the value in the field defers its release
 * itself (`s.cancel = cancel; defer cancel()`, a defer of the function's
 * body): the field is a second reference to something released when the
 * function returns. */
static bool res__store_deferred(struct eng_func *fn, const struct eng_store *st)
{
	GNode rhs = go_field(st->at, f_right);
	uint32_t nr = gn_is_null(rhs) ? 0 : gn_named_child_count(rhs);

	if (gn_is_null(fn->body))
		return false;
	for (uint32_t i = 0; i < nr; i++) {
		GNode e = go_unparen(gn_named_child(rhs, i));
		const struct eng_var *v;
		uint32_t k;

		if (gn_symbol(e) != GS->identifier ||
		    !(v = eng_resolve(fn, e)))
			continue;
		k = gn_named_child_count(fn->body);
		for (uint32_t j = 0; j < k; j++) {
			GNode d = gn_named_child(fn->body, j);
			GNode call = go_unparen(gn_named_child(d, 0));

			if (gn_symbol(d) == GS->defer_statement &&
			    gn_symbol(call) == GS->call_expression &&
			    res__releases_var(fn, call, v, st->kind))
				return true;
		}
	}
	return false;
}

static void res__report_stores(struct lh_pass *p, struct res_facts *rf,
			       bool collected)
{
	for (size_t i = 0; i < rf->nstores; i++) {
		const struct eng_store *st = rf->stores[i].store;
		struct gofile *f = rf->stores[i].fn->file;
		struct lh_finding *fd;
		uint32_t line = gn_start_point(st->at).row + 1;

		if (strcmp(st->kind->rule, p->rule->id) != 0)
			continue;
		if ((st->kind->flags & ENG_K_PRE_GO123) && collected)
			continue;
		if (res__store_deferred(rf->stores[i].fn, st))
			continue;
		/* an exported field of a library: its importers may release
		 * it (`job.Cancel()`); only package main has no importers */
		if (st->field[0] >= 'A' && st->field[0] <= 'Z' &&
		    (!f->pkgname || strcmp(f->pkgname, "main") != 0))
			continue;
		if (res__field_released(p->pkg, st->field, st->owner, st->kind,
					st->func))
			continue;
		fd = pass_report(p, p->rule, f, st->site,
				 "%s stored in field %s is never %s", st->noun,
				 st->field, st->kind->verb);
		pass_step(p, fd, f, st->at,
			  "stored in .%s at line %u; no code of the package "
			  "%s .%s", st->field, line,
			  st->kind->rel_names[0][0] ? "calls a release on" :
						      "calls", st->field);
		if (st->kind->rel_names[0][0])
			pass_fix(p, fd, "call .%s.%s() where the owner%s%s is "
				 "done (its Close or Stop method)", st->field,
				 st->kind->rel_names[0], st->owner ? " " : "",
				 st->owner ? st->owner : "");
		else
			pass_fix(p, fd, "call .%s() where the owner%s%s is done "
				 "(its Close or Stop method), or keep the "
				 "cancel func local and `defer` it", st->field,
				 st->owner ? " " : "",
				 st->owner ? st->owner : "");
	}
}

/* `time.NewTicker(d).C` used in place: the ticker itself is dropped and
 * can never be stopped; reported like time.Tick (syn_tick_chan_leaks) when
 * its function can return. */
static void res__unheld_tickers(struct lh_pass *p)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };

	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct gofile *f = p->pkg->files[i];
		struct walk_iter it;
		const struct gonode *e;

		if (!syn_imports(f, "time") || syn_file_ignored(f))
			continue;
		walk_iter_file(&it, f, kinds);
		while ((e = walk_next(&it))) {
			GNode call = e->node, sel, fn;
			struct lh_finding *fd;

			/* the call first: a parent costs a descent from the
			 * declaration, and few calls are time.NewTicker */
			if (!syn_call_pkg(f, call, "time", "NewTicker"))
				continue;
			sel = gn_parent(call);
			while (!gn_is_null(sel) &&
			       gn_symbol(sel) == GS->parenthesized_expression)
				sel = gn_parent(sel);
			if (gn_is_null(sel) ||
			    gn_symbol(sel) != GS->selector_expression ||
			    !go_text_is(f, go_field(sel, f_field), "C") ||
			    !syn_tick_chan_leaks(f, sel, &fn))
				continue;
			fd = pass_report(p, p->rule, f, call,
					 "ticker is never stopped: only its "
					 "channel is kept");
			pass_step(p, fd, f, sel, "%s can return with the "
				  "ticker still running",
				  gn_symbol(fn) == GS->func_literal
					  ? "the func literal"
					  : pass_func_name(f, call));
			pass_fix(p, fd, "keep the ticker: t := "
				 "time.NewTicker(d), defer t.Stop(), and use "
				 "t.C");
		}
	}
}

void res_report(struct lh_pass *p)
{
	struct gopkg *pkg = p->pkg;
	struct res_facts *rf;
	bool collected = false;

	if (!pass_enabled(p, p->rule))
		return;
	for (size_t k = 0; k < RES_NKINDS; k++) {
		const struct eng_kind *kd = apis_kind(k);

		if ((kd->flags & ENG_K_PRE_GO123) &&
		    strcmp(kd->rule, p->rule->id) == 0) {
			collected = pass_timers_collected(p, NULL, 0);
			break;
		}
	}
	rf = res__facts(pkg);
	res__report_stores(p, rf, collected);
	if (!collected && strcmp(apis_kind(RES_TICKER)->rule, p->rule->id) == 0)
		res__unheld_tickers(p);
	for (size_t i = 0; i < rf->n; i++) {
		const struct eng_leak *l = rf->items[i].leak;
		struct gofile *f = rf->items[i].fn->file;
		struct lh_finding *fd;
		bool discard = false, ckpt = false, over = false;
		bool in_main = res__is_main(rf->items[i].fn);
		size_t counted = 0;

		if (strcmp(l->kind->rule, p->rule->id) != 0)
			continue;
		for (size_t k = 0; k < l->nexits; k++)
			counted += res__exit_counts(f, l, &l->exits[k], in_main);
		if (!counted)
			continue;
		if ((l->kind->flags & ENG_K_PRE_GO123) && collected)
			continue;
		if ((l->kind->flags & ENG_K_NEVER_ONLY) &&
		    l->released_somewhere)
			continue;
		for (size_t k = 0; k < l->nexits; k++) {
			if (!res__exit_counts(f, l, &l->exits[k], in_main))
				continue;
			discard |= l->exits[k].kind == ENG_EXIT_DISCARD;
			ckpt |= l->exits[k].kind == ENG_EXIT_CHECKPOINT;
			over |= l->exits[k].kind == ENG_EXIT_OVERWRITE;
		}
		if (over)
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is overwritten before it is %s",
					 l->noun, l->kind->verb);
		else if (!gn_is_null(l->blank) && !l->released_somewhere)
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is assigned to _ and never %s",
					 l->noun, l->kind->verb);
		else if (discard)
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is discarded and never %s",
					 l->noun, l->kind->verb);
		else if (ckpt)
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is not %s before the command is "
					 "waited for", l->noun, l->kind->verb);
		else if (!l->released_somewhere)
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is never %s", l->noun,
					 l->kind->verb);
		else
			fd = pass_report(p, p->rule, f, l->site,
					 "%s is not %s on every path", l->noun,
					 l->kind->verb);
		for (size_t k = 0; k < l->nexits; k++) {
			if (res__exit_counts(f, l, &l->exits[k], in_main))
				pass_step(p, fd, f, l->exits[k].node, "%s",
					  res__step(pkg, l, &l->exits[k]));
		}
		if (fd) {
			bool edited = !discard && !ckpt &&
				      res__edit(p, fd, f, l);

			/* an edit's advice is generic: say what was wrong */
			if (!edited || over ||
			    (!gn_is_null(l->blank) &&
			     !l->released_somewhere))
				res__advice(p, fd, f, l, discard, over, ckpt,
					    in_main);
		}
	}
}
