/*
 * lh30x.c - global growth: package-level collections that only grow.
 *
 *   LH301  a package-level map (or sync.Map) written outside init and never
 *          shrunk anywhere in the package
 *   LH302  a package-level slice appended to outside init and never
 *          truncated or reset
 *   LH303  the same for map/slice fields of a package-level struct value or
 *          pointer (writes through the receiver count when the struct type
 *          has no other instance in the package), and for the receiver of
 *          the methods of a named map or slice type with one instance
 *
 * All three read the package facts (static/pkgfacts.h) and report only
 * what they can argue is unbounded:
 *
 *  1. Nothing shrinks it: no delete, clear, reassignment, re-slice, Delete
 *     method, or package function whose name says it deletes, anywhere in
 *     ordinary code of the package; the collection does not escape
 *     (address taken, passed to a package function, aliased, returned, a
 *     method of a named type called on it when the type has several
 *     instances); it is not exported from a library package (other
 *     packages may reset it).
 *  2. The write runs per call or per request: it is reachable from an
 *     entry of the package - in a library, an exported function, a
 *     method, a function used as a value, a func literal that runs later;
 *     in package main, a function handed to a serving API
 *     (http.HandleFunc, Handle, HandlerFunc), a ServeHTTP method, or a
 *     call inside an endless loop. Writes in init, var initializers,
 *     functions only called from there or from sync.Once, Register*
 *     functions, tests, and code reached by nothing (linkname, assembly),
 *     do not count. A main package with no serving structure is a
 *     one-shot tool: its globals live for one run.
 *  3. The key (maps) comes from an unbounded set. Bounded keys: constants,
 *     the cases of a switch on the key, a small key type (bool, byte,
 *     int8, an enum type of the package), types (reflect.Type, *rtype:
 *     the types of a program are finite), values looked up in a table of
 *     the package that is never written at run time (and their | and &
 *     combinations), and parameters of an unexported function whose every
 *     call site passes a bounded value. Keys derived only from the
 *     command line or the environment (flags, os.Args, os.Getenv) are
 *     configuration; so are slice elements derived only from them.
 *     A size check (len(m) compared to a bound) in the writing function
 *     bounds any key.
 *
 * Confidence: high when the key comes from request data (an
 * *http.Request, a net.Conn, a channel receive) or is fresh per call
 * (time, counters, new allocations). Medium when it is what other
 * packages pass to an exported function or method (setters and
 * registrars, often called at start-up). Low, below the default
 * --min-confidence, for a memo cache (the function reads the same key
 * before it writes, or ranges over the slice before appending: it grows
 * with the number of distinct keys, not with the number of calls) keyed
 * by values callers supply or by a field of the receiver: whether that
 * key set is unbounded depends on callers we cannot see (compiled
 * patterns, loaded plugins, parsed files are bounded by the program; user
 * ids are not).
 *
 * Batch code is skipped: the internal packages of a command
 * (cmd/X/internal/...) live for one run of the command (see pkgfacts.h).
 *
 * Known false-positive shapes: registries filled at run time through an
 * exported function by callers in other packages (medium); caches keyed
 * by values that are bounded by the program but computed (size tiers,
 * reflection caches keyed by a struct holding a type and a field number).
 */
#include <dirent.h>
#include <stdio.h>

#include "static/pkgfacts.h"
#include "static/syn.h"

extern const struct lh_rule lh_rule_lh301, lh_rule_lh302, lh_rule_lh303;

#define LH30X_DEPTH 12	     /* derivation steps through locals and calls */
#define LH30X_CALLERS 4	     /* levels of call sites a parameter is traced */
#define LH30X_MAX_DEFS 4096  /* definitions remembered per function */
#define LH30X_MAX_STEPS 20000 /* expressions visited per derivation */

/* ---------------------------------------------------------------- reach */

struct lh30x {
	struct lh_pass *p;
	const struct pkgfacts *pf;
	struct map rep;	 /* top-level functions that run per call/request */
	struct map gofn; /* functions started as goroutines (go f()) */
};

static bool lh30x__exported(const char *name)
{
	const char *dot = strchr(name, '.');

	if (dot)
		name = dot + 1;
	return name[0] >= 'A' && name[0] <= 'Z';
}

static bool lh30x__method_named(const char *name, const char *m)
{
	const char *dot = strchr(name, '.');

	return dot && strcmp(dot + 1, m) == 0;
}

/* The package has Go assembly (.s files): functions without Go callers
 * are called from there, when and how often we cannot tell. */
static bool lh30x__has_asm(const struct gopkg *pkg)
{
	DIR *d = opendir(pkg->dir);
	struct dirent *e;
	bool found = false;

	if (!d)
		return false;
	while (!found && (e = readdir(d))) {
		size_t n = strlen(e->d_name);

		found = n > 2 && strcmp(e->d_name + n - 2, ".s") == 0;
	}
	closedir(d);
	return found;
}

/* Function name is called or referenced somewhere we walked. */
static bool lh30x__called(const struct pkgfacts *pf, const char *name)
{
	for (size_t i = 0; i < pf->ncalls; i++) {
		if (strcmp(pf->calls[i].callee, name) == 0)
			return true;
	}
	return false;
}

static bool lh30x__service_loop(const struct gofile *f, GNode n);

/* The functions that run per call or per request (see the top comment). */
static void lh30x__reach(struct lh30x *x)
{
	const struct pkgfacts *pf = x->pf;
	struct gopkg *pkg = x->p->pkg;
	bool changed = true;
	bool asm = !pf->main && lh30x__has_asm(pkg);

	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const struct godecl *d = pkg->funcs.items[i];
		bool root;

		if (d->file->is_test)
			continue;
		if (pf->main)
			root = d->kind == GODECL_METHOD &&
			       lh30x__method_named(d->name, "ServeHTTP");
		else
			root = d->kind == GODECL_METHOD ||
			       (lh30x__exported(d->name) &&
				strcmp(d->name, "init") != 0) ||
			       /* no caller in Go: linkname, or a caller of
				* the package we did not walk */
			       (!asm && strcmp(d->name, "init") != 0 &&
				!lh30x__called(pf, d->name));
		if (root)
			map_puts(&x->rep, d->name, (void *)1);
	}
	for (size_t i = 0; i < pf->ncalls; i++) {
		const struct pf_call *c = &pf->calls[i];
		bool root;

		if (c->ctx != PF_CTX_CODE)
			continue;
		if (c->go)
			map_puts(&x->gofn, c->callee, (void *)1);
		if (pf->main)
			root = c->handler || c->lit == PF_LIT_HANDLER ||
			       (c->endless &&
				lh30x__service_loop(c->file, c->node));
		else
			root = (c->value && !c->arg && !c->go) || c->handler ||
			       c->lit >= PF_LIT_FUNC ||
			       (c->lit == PF_LIT_GO && c->loop);
		if (root)
			map_puts(&x->rep, c->callee, (void *)1);
	}
	for (int iter = 0; changed && iter < 32; iter++) {
		changed = false;
		for (size_t i = 0; i < pf->ncalls; i++) {
			const struct pf_call *c = &pf->calls[i];

			if (c->ctx != PF_CTX_CODE || !c->caller ||
			    !map_gets(&x->rep, c->caller) ||
			    map_gets(&x->rep, c->callee))
				continue;
			map_puts(&x->rep, c->callee, (void *)1);
			changed = true;
		}
	}
}

/* n sits in an endless loop that waits for events each round (a channel,
 * a select, Accept, a sleep): the request loop of a program, not the
 * read-until-done loop of a lexer. */
static bool lh30x__service_loop(const struct gofile *f, GNode n)
{
	static const char *const waits[] = { "<-", "select {", "Accept(",
					     "Sleep(", "ReadMessage(", "Recv(" };

	for (GNode p = gn_parent(n); !gn_is_null(p) && !syn_is_func(p);
	     p = gn_parent(p)) {
		size_t len;
		const char *s;

		if (gn_symbol(p) != GS->for_statement || !syn_endless_for(p))
			continue;
		s = go_text(f, go_field(p, f_body), &len);
		for (size_t i = 0; i < ARRAY_SIZE(waits); i++) {
			if (memmem(s, len, waits[i], strlen(waits[i])))
				return true;
		}
	}
	return false;
}

/* n is in the branch of `if debugX { ... }` with debugX a package-level
 * constant false: code that never runs. */
static bool lh30x__dead(const struct lh30x *x, const struct gofile *f,
			GNode n)
{
	GNode prev = n;

	for (GNode p = gn_parent(n); !gn_is_null(p) && !syn_is_func(p);
	     prev = p, p = gn_parent(p)) {
		GNode c;
		const struct godecl *d;
		GNode v;
		char tmp[128];
		size_t len;
		const char *s;

		if (gn_symbol(p) != GS->if_statement ||
		    !gn_eq(go_field(p, f_consequence), prev))
			continue;
		c = go_unparen(go_field(p, f_condition));
		if (gn_symbol(c) != GS->identifier)
			continue;
		s = go_text(f, c, &len);
		if (len >= sizeof(tmp))
			continue;
		memcpy(tmp, s, len);
		tmp[len] = '\0';
		d = gopkg_lookup(x->p->pkg, tmp);
		if (!d || d->kind != GODECL_CONST)
			continue;
		v = go_field(d->node, f_value);
		if (!gn_is_null(v) && gn_symbol(v) == GS->expression_list)
			v = gn_named_child(v, 0);
		if (!gn_is_null(v) && gn_symbol(v) == GS->false_)
			return true;
	}
	return false;
}

/* The access runs any number of times in a long-lived process. */
static bool lh30x__repeats(const struct lh30x *x, const struct pf_access *a)
{
	if (a->ctx != PF_CTX_CODE || lh30x__dead(x, a->file, a->node))
		return false;
	if (x->pf->main)
		return (a->loop && lh30x__service_loop(a->file, a->node)) ||
		       a->lit == PF_LIT_HANDLER ||
		       (a->top && map_gets(&x->rep, a->top));
	if (a->loop)
		return true;
	/* a goroutine's loop serves whoever feeds it */
	if (a->lit >= PF_LIT_FUNC || (a->lit == PF_LIT_GO && a->anyloop))
		return true;
	if (a->anyloop && a->lit == PF_LIT_NONE && a->top &&
	    map_gets(&x->gofn, a->top))
		return true;
	return a->top && map_gets(&x->rep, a->top);
}

/* ---------------------------------------------------------------- origin */

static bool lh30x__word(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Where a value comes from. Nothing set: from constants and fixed tables
 * (bounded). */
struct lh30x_org {
	bool open;	 /* from something unbounded or unknown */
	bool ext;	 /* from request data: *http.Request, a channel */
	bool proc;	 /* from the command line or the environment */
	bool caller;	 /* from parameters traced to callers we cannot see */
	bool api;	 /* ... namely those of an exported function or
			    method: other packages choose the keys */
	uint32_t params; /* parameters of the function being analysed */
};

static void lh30x__join(struct lh30x_org *a, const struct lh30x_org *b)
{
	a->open |= b->open;
	a->ext |= b->ext;
	a->proc |= b->proc;
	a->caller |= b->caller;
	a->api |= b->api;
	a->params |= b->params;
}

enum { DEF_EXPR, DEF_ZERO, DEF_RANGE, DEF_OPEN,
       DEF_ADDR /* &x handed to the call rhs, which fills x */ };

struct lh30x_def {
	const char *name;
	size_t len;
	GNode rhs;
	int kind;
};

struct lh30x_fn {
	struct lh30x *x;
	struct gofile *f;
	GNode fn; /* function_declaration or method_declaration */
	VEC(struct lh30x_def) defs;
	VEC(const struct lh30x_def *) seen; /* being derived (cycles) */
	const char *self; /* the collection judged: its own keys add none */
	unsigned nest;	/* expression recursion */
	unsigned steps; /* work done: derivations are not memoized */
};

static void lh30x__def(struct lh30x_fn *F, GNode id, GNode rhs, int kind)
{
	struct lh30x_def d;

	if (gn_is_null(id) || gn_symbol(id) != GS->identifier ||
	    F->defs.len >= LH30X_MAX_DEFS)
		return;
	d.name = go_text(F->f, id, &d.len);
	d.rhs = rhs;
	d.kind = kind;
	VEC_PUSH(&F->defs, d);
}

/* left = right, element-wise when the counts match, else every name from
 * the one (multi-valued) right side. */
static void lh30x__defs_list(struct lh30x_fn *F, GNode left, GNode right,
			     int kind)
{
	bool rlist = !gn_is_null(right) &&
		     gn_symbol(right) == GS->expression_list;
	uint32_t nl = gn_is_null(left) ? 0 : gn_named_child_count(left);
	uint32_t nr = gn_is_null(right) ? 0
		      : rlist ? gn_named_child_count(right) : 1;

	if (!gn_is_null(left) && gn_symbol(left) != GS->expression_list) {
		lh30x__def(F, left, rlist ? gn_named_child(right, 0) : right,
			   kind);
		return;
	}
	for (uint32_t i = 0; i < nl; i++) {
		GNode id = gn_named_child(left, i);
		GNode r = !rlist ? right
			   : nl == nr || nr == 1
				   ? gn_named_child(right, nr == 1 ? 0 : i)
				   : (GNode){ 0 };

		if (gn_is_null(right))
			lh30x__def(F, id, r, DEF_ZERO);
		else
			lh30x__def(F, id, r, gn_is_null(r) ? DEF_OPEN : kind);
	}
}

/* x was already handed by address to a call: the first call fills it,
 * later ones read it (realpath(in, &buf[0]) then open(&buf[0], &err)). */
static bool lh30x__filled(const struct lh30x_fn *F, GNode id)
{
	size_t len;
	const char *s;

	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return false;
	s = go_text(F->f, id, &len);
	for (size_t i = 0; i < F->defs.len; i++) {
		const struct lh30x_def *d = &F->defs.items[i];

		if (d->kind == DEF_ADDR && d->len == len &&
		    memcmp(d->name, s, len) == 0)
			return true;
	}
	return false;
}

static bool lh30x__defs_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh30x_fn *F = ctx;
	const struct go_syms *s = GS;
	TSSymbol sym = gn_symbol(n);

	LH_UNUSED(depth);
	if (sym == s->short_var_declaration) {
		lh30x__defs_list(F, go_field(n, f_left), go_field(n, f_right),
				 DEF_EXPR);
	} else if (sym == s->assignment_statement) {
		GNode op = go_field(n, f_operator);
		bool keep = gn_is_null(op) || go_text_is(F->f, op, "=") ||
			    go_text_is(F->f, op, "|=") ||
			    go_text_is(F->f, op, "&=") ||
			    go_text_is(F->f, op, "&^=");

		/* x += e, x++: a counter, unbounded */
		lh30x__defs_list(F, go_field(n, f_left), go_field(n, f_right),
				 keep ? DEF_EXPR : DEF_OPEN);
	} else if (sym == s->inc_statement || sym == s->dec_statement) {
		lh30x__def(F, gn_named_child(n, 0), (GNode){ 0 },
			   DEF_OPEN);
	} else if (sym == s->var_spec) {
		GNode v = go_field(n, f_value);
		GCursor c = gc_new(n);
		uint32_t i = 0;

		if (gc_goto_first_child(&c)) {
			do {
				GNode id;
				GNode r = { 0 };

				if (gc_current_field_id(&c) !=
				    GS->f_name)
					continue;
				id = gc_current_node(&c);
				if (!gn_is_null(v))
					r = gn_symbol(v) == s->expression_list
						    ? gn_named_child(v, i)
						    : v;
				i++;
				lh30x__def(F, id, r,
					   gn_is_null(v) ? DEF_ZERO
					   : gn_is_null(r) ? DEF_OPEN
								: DEF_EXPR);
			} while (gc_goto_next_sibling(&c));
		}
		gc_delete(&c);
	} else if (sym == s->range_clause) {
		lh30x__defs_list(F, go_field(n, f_left), go_field(n, f_right),
				 DEF_RANGE);
	} else if (sym == s->receive_statement) {
		lh30x__defs_list(F, go_field(n, f_left), (GNode){ 0 },
				 DEF_OPEN);
	} else if (sym == s->unary_expression &&
		   go_text_is(F->f, go_field(n, f_operator), "&")) {
		/* f(&x), f(unsafe.Pointer(&x[0])): the call fills x from its
		 * arguments */
		GNode o = go_unparen(go_field(n, f_operand)), call = { 0 };

		while (!gn_is_null(o) &&
		       (gn_symbol(o) == s->index_expression ||
			gn_symbol(o) == s->slice_expression))
			o = go_unparen(go_field(o, f_operand));
		for (GNode p = gn_parent(n); !gn_is_null(p);
		     p = gn_parent(p)) {
			TSSymbol ps = gn_symbol(p);

			if (ps == s->call_expression)
				call = p;
			else if (ps != s->argument_list &&
				 ps != s->parenthesized_expression &&
				 ps != s->unary_expression)
				break;
		}
		if (!lh30x__filled(F, o))
			lh30x__def(F, o, call,
				   gn_is_null(call) ? DEF_OPEN : DEF_ADDR);
	} else if (sym == s->call_expression &&
		   syn_call_ident(F->f, n, "copy") && syn_nargs(n) == 2) {
		lh30x__def(F, go_unparen(syn_arg(n, 0)), syn_arg(n, 1), DEF_EXPR);
	}
	return true;
}

static void lh30x__fn_init(struct lh30x_fn *F, struct lh30x *x,
			   struct gofile *f, GNode fn)
{
	struct syn_walker w = { lh30x__defs_enter, NULL, F };

	memset(F, 0, sizeof(*F));
	F->x = x;
	F->f = f;
	F->fn = fn;
	syn_walk(go_field(fn, f_body), &w);
}

static void lh30x__fn_release(struct lh30x_fn *F)
{
	VEC_FREE(&F->defs);
	VEC_FREE(&F->seen);
}

/* A parameter of this type carries what the network sends: keys made of
 * it are as many as the peers and requests. */
static bool lh30x__request_type(const char *t, size_t len)
{
	static const char *const types[] = { "http.Request", "net.Conn",
					     "net.Addr", "net.TCPConn",
					     "net.UDPAddr", "net.TCPAddr" };

	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		if (memmem(t, len, types[i], strlen(types[i])))
			return true;
	}
	return false;
}

/* Index of parameter id of plist (counting names), or -1. *ext is set for
 * a request parameter. */
static int lh30x__param(const struct gofile *f, GNode plist, const char *s,
			size_t len, bool *ext)
{
	uint32_t n = gn_is_null(plist) ? 0 : gn_named_child_count(plist);
	int idx = 0;

	for (uint32_t i = 0; i < n; i++) {
		GNode pd = gn_named_child(plist, i);
		GNode t = go_field(pd, f_type);
		uint32_t m = gn_named_child_count(pd);
		bool named = false;

		if (gn_symbol(pd) != GS->parameter_declaration &&
		    gn_symbol(pd) != GS->variadic_parameter_declaration)
			continue;
		for (uint32_t j = 0; j < m; j++) {
			GNode c = gn_named_child(pd, j);
			size_t l;
			const char *t2;

			if (gn_symbol(c) != GS->identifier)
				continue;
			named = true;
			t2 = go_text(f, c, &l);
			if (l == len && memcmp(t2, s, len) == 0) {
				size_t tl;
				const char *tt = gn_is_null(t) ? ""
						 : go_text(f, t, &tl);

				*ext = !gn_is_null(t) &&
				       lh30x__request_type(tt, tl);
				return idx;
			}
			idx++;
		}
		if (!named)
			idx++;
	}
	return -1;
}

static void lh30x__expr(struct lh30x_fn *F, GNode e, unsigned depth,
			struct lh30x_org *o);
static void lh30x__expr1(struct lh30x_fn *F, GNode e, unsigned depth,
			 struct lh30x_org *o);

/* A name declared in the function (a local or parameter shadowing an
 * import or a package-level name). */
static bool lh30x__is_local(const struct lh30x_fn *F, const char *s,
			    size_t len)
{
	bool ext;

	for (size_t i = 0; i < F->defs.len; i++) {
		if (F->defs.items[i].len == len &&
		    memcmp(F->defs.items[i].name, s, len) == 0)
			return true;
	}
	return lh30x__param(F->f, go_field(F->fn, f_parameters), s, len,
			    &ext) >= 0 ||
	       lh30x__param(F->f, go_field(F->fn, f_receiver), s, len,
			    &ext) >= 0;
}

/* Calls whose result is fixed for the life of the process. */
static bool lh30x__proc_call(const struct gofile *f, GNode call)
{
	static const char *const os_fns[] = { "Getenv", "LookupEnv", "Environ",
					      "Hostname", "Getwd", "Executable",
					      "Getpid", "Getuid" };

	for (size_t i = 0; i < ARRAY_SIZE(os_fns); i++) {
		if (syn_call_pkg(f, call, "os", os_fns[i]))
			return true;
	}
	return syn_call_pkg(f, call, "flag", NULL) ||
	       syn_call_pkg(f, call, "runtime", "NumCPU") ||
	       syn_call_pkg(f, call, "runtime", "GOMAXPROCS");
}

/* A package-level variable set by the flag package: initialized with
 * flag.X(...), or declared bare and assigned `name = flag.X(...)` (in a
 * function that defines the flags). */
static bool lh30x__flag_var(const struct gopkg *pkg, const struct godecl *d)
{
	GNode v = go_field(d->node, f_value);
	char pat[140];
	size_t pl, nl = strlen(d->name);

	if (!gn_is_null(v)) {
		if (gn_symbol(v) == GS->expression_list)
			v = gn_named_child(v, 0);
		return syn_call_pkg(d->file, go_unparen(v), "flag", NULL);
	}
	if (nl + 9 >= sizeof(pat) || !syn_imports(d->file, "flag"))
		return false;
	pl = (size_t)snprintf(pat, sizeof(pat), "%s = flag.", d->name);
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct gofile *f = pkg->files[i];

		for (const char *p = f->src, *end = f->src + f->len;
		     p < end && (p = memmem(p, (size_t)(end - p), pat, pl));
		     p += pl) {
			if (p == f->src || !lh30x__word(p[-1]))
				return true;
		}
	}
	return false;
}

/* A package-level collection never written at run time: a fixed table. */
static bool lh30x__table(const struct lh30x *x, const char *name)
{
	const struct pf_target *t = pkgfacts_find(x->pf, name);

	if (!t || t->escapes)
		return false;
	for (size_t i = 0; i < t->nwrites; i++) {
		if (t->writes[i].ctx == PF_CTX_CODE)
			return false;
	}
	for (size_t i = 0; i < t->nshrinks; i++) {
		if (t->shrinks[i].ctx == PF_CTX_CODE)
			return false;
	}
	return true;
}

/* Identifier id used inside F->fn. */
static void lh30x__ident(struct lh30x_fn *F, GNode id, unsigned depth,
			 struct lh30x_org *o)
{
	size_t len;
	const char *s = go_text(F->f, id, &len);
	char tmp[128];
	const struct godecl *d;
	bool local = false, ext = false;
	int idx;

	if (str_eqn(s, len, "nil") || str_eqn(s, len, "true") ||
	    str_eqn(s, len, "false") || str_eqn(s, len, "iota"))
		return;
	for (size_t i = 0; i < F->seen.len; i++) {
		if (F->seen.items[i]->len == len &&
		    memcmp(F->seen.items[i]->name, s, len) == 0)
			return; /* x = f(x): adds nothing */
	}
	/* parameters of a func literal around the use: run by others */
	for (GNode p = gn_parent(id); !gn_is_null(p) &&
					    !gn_eq(p, F->fn);
	     p = gn_parent(p)) {
		if (gn_symbol(p) == GS->func_literal &&
		    lh30x__param(F->f, go_field(p, f_parameters), s, len,
				 &ext) >= 0) {
			o->open = true;
			o->ext |= ext;
			return;
		}
	}
	for (size_t i = 0; i < F->defs.len; i++) {
		const struct lh30x_def *df = &F->defs.items[i];

		if (df->len != len || memcmp(df->name, s, len) != 0)
			continue;
		local = true;
		if (df->kind == DEF_ZERO)
			continue;
		if (df->kind == DEF_OPEN || depth >= LH30X_DEPTH) {
			o->open = true;
			continue;
		}
		VEC_PUSH(&F->seen, df);
		lh30x__expr(F, df->rhs, depth + 1, o);
		F->seen.len--;
	}
	/* a parameter, perhaps reassigned (name = name[:n]) */
	idx = lh30x__param(F->f, go_field(F->fn, f_parameters), s, len, &ext);
	if (local && idx < 0)
		return;
	if (idx >= 0) {
		if (idx < 32)
			o->params |= 1u << idx;
		else
			o->open = true;
		o->ext |= ext;
		return;
	}
	if (gn_symbol(F->fn) == GS->method_declaration &&
	    lh30x__param(F->f, go_field(F->fn, f_receiver), s, len, &ext) >= 0) {
		/* the state of an object, set up by whoever made it: as
		 * much a caller's choice as a parameter */
		size_t nl;
		const char *nm = go_text(F->f, go_field(F->fn, f_name), &nl);

		o->caller = true;
		o->api |= !F->x->pf->main && nl && nm[0] >= 'A' && nm[0] <= 'Z';
		return;
	}
	if (len >= sizeof(tmp)) {
		o->open = true;
		return;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	d = gopkg_lookup(F->x->p->pkg, tmp);
	if (!d) {
		/* an import in a selector, a builtin, or unknown */
		if (!go_import_path(F->f, s, len))
			o->open = true;
		return;
	}
	if (d->kind != GODECL_VAR)
		return; /* constant, function, type */
	if (F->self && strcmp(F->self, tmp) == 0)
		return; /* for k := range m { m[k] = ... } */
	if (lh30x__flag_var(F->x->p->pkg, d))
		o->proc = true;
	else if (!lh30x__table(F->x, tmp))
		o->open = true;
}

/* s, the operand of a selector, names a package: an import (or cgo's
 * "C") not shadowed by a local or a package-level name. */
static bool lh30x__pkg_name(const struct lh30x_fn *F, const char *s,
			    size_t len)
{
	if (lh30x__is_local(F, s, len))
		return false;
	if (go_import_path(F->f, s, len) || str_eqn(s, len, "C"))
		return true;
	return false;
}

static void lh30x__args(struct lh30x_fn *F, GNode call, unsigned depth,
			struct lh30x_org *o)
{
	uint32_t n = syn_nargs(call);

	for (uint32_t i = 0; i < n; i++)
		lh30x__expr(F, syn_arg(call, i), depth, o);
}

static void lh30x__call(struct lh30x_fn *F, GNode e, unsigned depth,
			struct lh30x_org *o)
{
	GNode fn = go_unparen(go_field(e, f_function));
	const struct gofile *f = F->f;

	if (lh30x__proc_call(f, e)) {
		o->proc = true;
		return;
	}
	if (syn_call_ident(f, e, "new") || syn_call_ident(f, e, "make"))
		return; /* zeroed: its contents come from what fills it */
	if (gn_is_null(fn)) {
		o->open = true;
		return;
	}
	if (gn_symbol(fn) == GS->selector_expression) {
		GNode x = go_unparen(go_field(fn, f_operand));
		size_t len;
		const char *s = go_text(f, x, &len);

		if (gn_symbol(x) == GS->identifier &&
		    lh30x__pkg_name(F, s, len)) {
			/* pkg.F(args): made of its arguments; pkg.F() is
			 * fresh (time.Now, rand.Int, uuid.New) */
			if (syn_nargs(e) == 0)
				o->open = true;
			lh30x__args(F, e, depth, o);
			return;
		}
		lh30x__expr(F, x, depth, o); /* x.M(args) */
		lh30x__args(F, e, depth, o);
		return;
	}
	if (gn_symbol(fn) == GS->identifier ||
	    gn_symbol(fn) == GS->parenthesized_type ||
	    gn_symbol(fn) == GS->qualified_type) {
		/* f(args), T(x): made of the arguments */
		if (syn_nargs(e) == 0)
			o->open = true;
		lh30x__args(F, e, depth, o);
		return;
	}
	lh30x__expr(F, fn, depth, o);
	lh30x__args(F, e, depth, o);
}

static void lh30x__expr(struct lh30x_fn *F, GNode e, unsigned depth,
			struct lh30x_org *o)
{
	e = go_unparen(e);
	if (gn_is_null(e))
		return;
	if (depth > LH30X_DEPTH || F->nest > SYN_MAX_DEPTH ||
	    ++F->steps > LH30X_MAX_STEPS) {
		o->open = true;
		return;
	}
	F->nest++;
	lh30x__expr1(F, e, depth, o);
	F->nest--;
}

static void lh30x__expr1(struct lh30x_fn *F, GNode e, unsigned depth,
			 struct lh30x_org *o)
{
	const struct go_syms *s = GS;
	TSSymbol sym;

	sym = gn_symbol(e);
	if (sym == s->int_literal || sym == s->float_literal ||
	    sym == s->iota || sym == s->rune_literal ||
	    sym == s->interpreted_string_literal ||
	    sym == s->raw_string_literal || sym == s->true_ ||
	    sym == s->false_ || sym == s->nil || sym == s->func_literal)
		return;
	if (sym == s->identifier) {
		lh30x__ident(F, e, depth, o);
		return;
	}
	if (sym == s->call_expression) {
		lh30x__call(F, e, depth, o);
		return;
	}
	if (sym == s->selector_expression) {
		GNode x = go_unparen(go_field(e, f_operand));
		size_t len;
		const char *t = go_text(F->f, x, &len);

		if (gn_symbol(x) == s->identifier &&
		    lh30x__pkg_name(F, t, len)) {
			/* pkg.Name: a constant or variable of another package;
			 * os.Args is the command line */
			if (go_text_is(F->f, e, "os.Args"))
				o->proc = true;
			return;
		}
		lh30x__expr(F, x, depth, o);
		return;
	}
	if (sym == s->index_expression) {
		GNode x = go_unparen(go_field(e, f_operand));

		if (gn_symbol(x) == s->identifier) {
			size_t len;
			const char *t = go_text(F->f, x, &len);
			char nm[128];

			if (len < sizeof(nm) && !lh30x__is_local(F, t, len)) {
				memcpy(nm, t, len);
				nm[len] = '\0';
				if (lh30x__table(F->x, nm))
					return; /* a value of a fixed table */
			}
		}
		lh30x__expr(F, x, depth, o);
		return;
	}
	if (sym == s->slice_expression || sym == s->type_assertion_expression ||
	    sym == s->type_conversion_expression) {
		lh30x__expr(F, gn_named_child(e, 0), depth, o);
		return;
	}
	if (sym == s->unary_expression) {
		GNode op = go_field(e, f_operator);

		if (go_text_is(F->f, op, "<-")) {
			o->open = o->ext = true;
			return;
		}
		if (go_text_is(F->f, op, "&") &&
		    gn_symbol(go_unparen(go_field(e, f_operand))) ==
			    s->composite_literal) {
			o->open = true; /* a fresh address */
			return;
		}
		lh30x__expr(F, go_field(e, f_operand), depth, o);
		return;
	}
	if (sym == s->binary_expression) {
		static const char *const cmp[] = { "==", "!=", "<", "<=", ">",
						   ">=", "&&", "||" };
		GNode op = go_field(e, f_operator);

		for (size_t i = 0; i < ARRAY_SIZE(cmp); i++) {
			if (go_text_is(F->f, op, cmp[i]))
				return; /* a bool */
		}
		lh30x__expr(F, go_field(e, f_left), depth, o);
		lh30x__expr(F, go_field(e, f_right), depth, o);
		return;
	}
	if (sym == s->composite_literal || sym == s->literal_value ||
	    sym == s->keyed_element || sym == s->literal_element ||
	    sym == s->expression_list) {
		uint32_t n = gn_named_child_count(e);

		for (uint32_t i = 0; i < n; i++) {
			GNode c = gn_named_child(e, i);

			if (sym == s->composite_literal &&
			    gn_symbol(c) != s->literal_value)
				continue; /* the type */
			lh30x__expr(F, c, depth, o);
		}
		return;
	}
	o->open = true;
}

/* ---------------------------------------------------------------- keys */

/* The top-level function or method declaration around n. */
static GNode lh30x__top(GNode n)
{
	for (GNode p = gn_parent(n); !gn_is_null(p);
	     p = gn_parent(p)) {
		if (gn_symbol(p) == GS->function_declaration ||
		    gn_symbol(p) == GS->method_declaration)
			return p;
	}
	return (GNode){ 0 };
}

/* Parameters `params` of function name, traced to its call sites: what
 * its callers pass. */
static void lh30x__trace(struct lh30x *x, const char *name, uint32_t params,
			 unsigned level, struct lh30x_org *out)
{
	const struct pkgfacts *pf = x->pf;
	const struct godecl *d = gopkg_lookup(x->p->pkg, name);
	bool found = false;

	if (!d || d->kind != GODECL_FUNC || level >= LH30X_CALLERS ||
	    (!pf->main && lh30x__exported(name))) {
		out->caller = true; /* callers we cannot see */
		out->api |= d && !pf->main && lh30x__exported(name);
		return;
	}
	for (size_t i = 0; i < pf->ncalls; i++) {
		const struct pf_call *c = &pf->calls[i];

		if (strcmp(c->callee, name) == 0 && c->value &&
		    c->ctx == PF_CTX_CODE) {
			out->caller = true; /* called by whoever holds it */
			return;
		}
	}
	for (size_t i = 0; i < pf->ncalls; i++) {
		const struct pf_call *c = &pf->calls[i];
		GNode top;
		struct lh30x_fn F;
		struct lh30x_org o = { 0 };

		if (strcmp(c->callee, name) != 0 || c->value ||
		    c->ctx != PF_CTX_CODE)
			continue;
		top = lh30x__top(c->node);
		if (gn_is_null(top))
			continue;
		found = true;
		lh30x__fn_init(&F, x, c->file, top);
		for (uint32_t k = 0; k < 32; k++) {
			if (params & (1u << k))
				lh30x__expr(&F, syn_arg(c->node, k), 0, &o);
		}
		lh30x__fn_release(&F);
		if (o.params && c->caller)
			lh30x__trace(x, c->caller, o.params, level + 1, out);
		else if (o.params)
			out->caller = true;
		o.params = 0;
		lh30x__join(out, &o);
	}
	if (!found)
		out->caller = true;
}

/* The key of a map write statement (m[k] = v, m[k]++, m.Store(k, v)), or
 * a null node. */
static GNode lh30x__key(const struct gofile *f, GNode stmt, GNode *coll)
{
	const struct go_syms *s = GS;
	TSSymbol sym = gn_symbol(stmt);
	GNode lhs = { 0 };

	if (sym == s->call_expression) {
		syn_call_method(stmt, coll);
		return syn_arg(stmt, 0);
	}
	if (sym == s->inc_statement || sym == s->dec_statement) {
		lhs = gn_named_child(stmt, 0);
	} else if (sym == s->assignment_statement) {
		GNode left = go_field(stmt, f_left);
		uint32_t n = gn_named_child_count(left);

		for (uint32_t i = 0; i < n && gn_is_null(lhs); i++) {
			GNode e = go_unparen(gn_named_child(left, i));

			if (gn_symbol(e) == s->index_expression)
				lhs = e;
		}
	}
	lhs = go_unparen(lhs);
	if (gn_is_null(lhs) || gn_symbol(lhs) != s->index_expression)
		return (GNode){ 0 };
	/* m[a][b] = v: m grows by its own key a */
	while (gn_symbol(go_unparen(go_field(lhs, f_operand))) ==
	       s->index_expression)
		lhs = go_unparen(go_field(lhs, f_operand));
	*coll = go_unparen(go_field(lhs, f_operand));
	LH_UNUSED(f);
	return go_field(lhs, f_index);
}

/* The append call of `s = append(s, v...)`, or a null node. */
static GNode lh30x__append(const struct gofile *f, GNode stmt, GNode *coll)
{
	GNode left = go_field(stmt, f_left), right = go_field(stmt, f_right);
	uint32_t n;

	if (gn_symbol(stmt) != GS->assignment_statement ||
	    gn_is_null(right))
		return (GNode){ 0 };
	n = gn_named_child_count(right);
	for (uint32_t i = 0; i < n; i++) {
		GNode r = go_unparen(gn_named_child(right, i));

		if (syn_call_ident(f, r, "append")) {
			*coll = gn_named_child(left, i);
			return r;
		}
	}
	return (GNode){ 0 };
}

/* The function reads coll[key] (or coll.Load(key)) besides writing it:
 * a memo cache, which grows with the distinct keys. */
static bool lh30x__memo_map(const struct gofile *f, GNode fn, GNode coll,
			    GNode key, GNode stmt)
{
	size_t fl, cl, kl;
	const char *ft = go_text(f, fn, &fl), *ct = go_text(f, coll, &cl);
	const char *kt = go_text(f, key, &kl);
	char pat[256];
	size_t pl;

	/* m[k]++, m[k] += n: counters per key (per path, per user) are
	 * statistics of the traffic, not a memo of a computation */
	if (gn_symbol(stmt) == GS->inc_statement ||
	    gn_symbol(stmt) == GS->dec_statement)
		return false;
	if (gn_symbol(stmt) == GS->assignment_statement) {
		GNode op = go_field(stmt, f_operator);

		if (!gn_is_null(op) && !go_text_is(f, op, "="))
			return false;
	}
	if (gn_symbol(stmt) == GS->call_expression) {
		if (cl + 6 >= sizeof(pat))
			return false;
		pl = (size_t)snprintf(pat, sizeof(pat), "%.*s.Load(", (int)cl,
				      ct);
		return memmem(ft, fl, pat, pl) != NULL;
	}
	if (cl + kl + 3 >= sizeof(pat))
		return false;
	pl = (size_t)snprintf(pat, sizeof(pat), "%.*s[%.*s]", (int)cl, ct,
			      (int)kl, kt);
	for (const char *p = ft, *end = ft + fl;
	     p < end && (p = memmem(p, (size_t)(end - p), pat, pl));
	     p += pl) {
		const char *q = p + pl;

		if (p > ft && (lh30x__word(p[-1]) || p[-1] == '.'))
			continue;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == '=' && (q + 1 >= end || q[1] != '='))
			continue; /* a write */
		if (q < end && *q == '[')
			continue; /* m[k][j]: nested */
		return true;
	}
	return false;
}

/* The function ranges over the slice before appending: a set kept as a
 * slice, growing with the distinct values. */
static bool lh30x__memo_slice(const struct gofile *f, GNode fn, GNode coll)
{
	size_t fl, cl;
	const char *ft = go_text(f, fn, &fl), *ct = go_text(f, coll, &cl);
	char pat[160];
	size_t pl;

	if (cl + 7 >= sizeof(pat))
		return false;
	pl = (size_t)snprintf(pat, sizeof(pat), "range %.*s", (int)cl, ct);
	for (const char *p = ft, *end = ft + fl;
	     p < end && (p = memmem(p, (size_t)(end - p), pat, pl)); p += pl) {
		if (p + pl >= end || !lh30x__word(p[pl]))
			return true;
	}
	return false;
}

enum lh30x_verdict { LH30X_SILENT, LH30X_LOW, LH30X_MEDIUM, LH30X_HIGH };

struct lh30x_why {
	bool memo, caller, ext, api;
};

/* Is write a of target t unbounded? */
static enum lh30x_verdict lh30x__judge(struct lh30x *x,
				       const struct pf_target *t,
				       const struct pf_access *a,
				       struct lh30x_why *why)
{
	GNode top = lh30x__top(a->node), coll = { 0 }, key, app;
	struct lh30x_fn F;
	struct lh30x_org o = { 0 };
	bool slice = t->kind == PF_SLICE;

	memset(why, 0, sizeof(*why));
	if (gn_is_null(top))
		return LH30X_HIGH;
	lh30x__fn_init(&F, x, a->file, top);
	F.self = t->var;
	if (slice) {
		app = lh30x__append(a->file, a->node, &coll);
		if (gn_is_null(app)) {
			lh30x__fn_release(&F);
			return LH30X_HIGH;
		}
		for (uint32_t i = 1; i < syn_nargs(app); i++)
			lh30x__expr(&F, syn_arg(app, i), 0, &o);
		why->memo = lh30x__memo_slice(a->file, top, coll);
	} else {
		key = lh30x__key(a->file, a->node, &coll);
		if (gn_is_null(key)) {
			lh30x__fn_release(&F);
			return LH30X_HIGH;
		}
		lh30x__expr(&F, key, 0, &o);
		why->memo = lh30x__memo_map(a->file, top, coll, key, a->node);
	}
	lh30x__fn_release(&F);
	if (o.params) {
		const char *name = a->top;

		if (name && !strchr(name, '.')) {
			lh30x__trace(x, name, o.params, 0, &o);
		} else {
			o.caller = true;
			o.api |= name && !x->pf->main && lh30x__exported(name);
		}
		o.params = 0;
	}
	why->caller = o.caller;
	why->ext = o.ext;

	if (!o.open && !o.caller && !o.ext) {
		/* bounded (or configuration): every call appends to a slice
		 * all the same, unless it is a set or mirrors the command
		 * line */
		if (slice && !why->memo && !o.proc)
			return LH30X_HIGH;
		return LH30X_SILENT;
	}
	/* keys (or elements) callers choose: a memo grows with the distinct
	 * keys; an exported setter or registrar (AddX, Set, NewKind) with
	 * what other packages pass, often at start-up */
	why->api = o.api;
	if (o.caller && !o.open && !o.ext)
		return why->memo ? LH30X_LOW : o.api ? LH30X_MEDIUM : LH30X_HIGH;
	return LH30X_HIGH;
}

/* ---------------------------------------------------------------- report */

static bool lh30x__shrunk(const struct pf_target *t)
{
	for (size_t i = 0; i < t->nshrinks; i++) {
		if (t->shrinks[i].ctx == PF_CTX_CODE)
			return true;
	}
	return false;
}

static void lh30x__fix(struct lh_pass *p, struct lh_finding *fd,
		       const struct pf_target *t)
{
	bool has_clear = gomod_at_least(p->pkg->mod, 1, 21);

	if (t->kind == PF_SLICE)
		pass_fix(p, fd,
			 "bound it: drop entries once handled (%s = %s[:0] "
			 "or %s = nil%s), cap its length, or use a ring "
			 "buffer",
			 t->name, t->name, t->name,
			 has_clear ? ", after clear() to release references"
				   : ", nil the dropped elements first");
	else if (t->kind == PF_SYNCMAP)
		pass_fix(p, fd,
			 "bound it: Delete entries when they are done, evict "
			 "on a timer, or use a size-bounded LRU cache");
	else
		pass_fix(p, fd,
			 "bound it: delete(%s, k) when an entry is done, evict "
			 "when len(%s) passes a limit (an LRU cache), or reset "
			 "it with %s",
			 t->name, t->name,
			 has_clear ? "clear() (Go >= 1.21)"
				   : "a new map (clear() needs Go 1.21)");
}

static void lh30x__report(struct lh30x *x, const struct pf_target *t,
			  const struct pf_access *w, enum lh30x_verdict v,
			  const struct lh30x_why *why)
{
	struct lh_pass *p = x->p;
	const struct lh_rule *r;
	struct lh_finding *fd;
	const char *what, *tail;
	uint32_t line, col;

	if (t->field)
		r = &lh_rule_lh303;
	else if (t->kind == PF_SLICE)
		r = &lh_rule_lh302;
	else
		r = &lh_rule_lh301;
	what = t->kind == PF_SLICE ? "slice"
	       : t->kind == PF_SYNCMAP ? "sync.Map" : "map";
	tail = v == LH30X_MEDIUM
		       ? " (keyed by what callers of the package's API pass)"
	       : v == LH30X_LOW ? " (a cache keyed by values its callers "
				  "supply: grows with the distinct keys)"
	       : why->ext ? (t->kind == PF_SLICE ? " (request data)"
						 : " (keyed by request data)")
			  : "";
	if (t->kind == PF_SLICE)
		fd = pass_report(p, r, w->file, w->node,
				 "package-level %s %s is appended to here and "
				 "never truncated or reset%s",
				 what, t->name, tail);
	else
		fd = pass_report(p, r, w->file, w->node,
				 "package-level %s %s is written here and never "
				 "shrunk (no delete, clear or reset in the "
				 "package)%s",
				 what, t->name, tail);
	if (!fd)
		return;
	if (v == LH30X_LOW)
		fd->confidence = LH_CONF_LOW;
	else if (v == LH30X_MEDIUM)
		fd->confidence = LH_CONF_MEDIUM;
	go_pos(t->decl, &line, &col);
	pass_step(p, fd, t->file, t->decl, "%s declared at %s:%u", t->var,
		  t->file->path, line);
	if (t->singleton && (t->field || t->type))
		pass_step(p, fd, w->file, w->node,
			  "%s is the only %s of the package: writes through "
			  "the receiver reach it",
			  t->var, t->type);
	lh30x__fix(p, fd, t);
}

static void lh30x_run(struct lh_pass *p)
{
	const struct pkgfacts *pf = pkgfacts_get(p->pkg);
	struct lh30x x = { p, pf, MAP_INIT, MAP_INIT };

	/* batch: the globals live for one run of a command; no accesses: no
	 * target can be argued to grow */
	if (pf->batch || !pf->accesses)
		return;
	lh30x__reach(&x);
	for (size_t i = 0; i < pf->ntargets; i++) {
		const struct pf_target *t = &pf->targets[i];
		const struct pf_access *best = NULL;
		enum lh30x_verdict bv = LH30X_SILENT;
		struct lh30x_why why = { 0 }, bwhy = { 0 };

		if (!pkgfacts_open(pf, t) || lh30x__shrunk(t))
			continue;
		for (size_t k = 0; k < t->nwrites && bv != LH30X_HIGH; k++) {
			const struct pf_access *a = &t->writes[k];
			enum lh30x_verdict v;

			if (a->bounded || !lh30x__repeats(&x, a))
				continue;
			v = lh30x__judge(&x, t, a, &why);
			if (v > bv) {
				bv = v;
				best = a;
				bwhy = why;
			}
		}
		if (best)
			lh30x__report(&x, t, best, bv, &bwhy);
	}
	map_release(&x.rep);
	map_release(&x.gofn);
}

const struct lh_rule lh_rule_lh301 = {
	.id = "LH301",
	.name = "global-map-grows",
	.title = "package-level map is written and never shrunk",
	.class = LH_CLASS_GLOBAL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.needs = LH_NEED_PKGFACTS,
	.run = lh30x_run,
};

const struct lh_rule lh_rule_lh302 = {
	.id = "LH302",
	.name = "global-slice-grows",
	.title = "package-level slice is appended to and never truncated",
	.class = LH_CLASS_GLOBAL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.needs = LH_NEED_PKGFACTS,
	.run_by = &lh_rule_lh301, /* reported by its run */
};

const struct lh_rule lh_rule_lh303 = {
	.id = "LH303",
	.name = "global-field-grows",
	.title = "collection field of a package-level value only grows",
	.class = LH_CLASS_GLOBAL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.needs = LH_NEED_PKGFACTS,
	.run_by = &lh_rule_lh301, /* reported by its run */
};
