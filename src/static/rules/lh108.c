/*
 * lh108.c - LH108: send or receive on a nil channel, and `select {}`
 * outside main.
 *
 * A channel declared `var c chan T` in a function and never given a value
 * (no assignment, no `&c`, never passed anywhere) is nil: a send, a
 * receive or a range on it blocks forever. Reported at the `go` statement
 * when the operation is in a goroutine, else at the operation. Operations
 * in a select that has other cases are the nil-channel idiom for a
 * disabled case, and are not reported.
 *
 * `select {}` blocks forever by design; it belongs in main (or in init's
 * goroutines). In any function that can run more than once - not main,
 * not init, not only called from them - it parks one goroutine per call.
 * Only an unconditional `select {}` (a statement of the function's or
 * goroutine's own body) is reported: inside an if or a case it is a
 * deliberate halt (serve-forever debug flag, a dying process).
 */
#include "static/chanfacts.h"

extern const struct lh_rule lh_rule_lh108;

static uint32_t lh108__line(GNode n)
{
	return gn_start_point(n).row + 1;
}

static const char *lh108__verb(enum chop_kind k)
{
	switch (k) {
	case CHOP_SEND:
		return "sending on";
	case CHOP_RANGE:
		return "ranging over";
	default:
		return "receiving from";
	}
}

static void lh108__nil(struct lh_pass *p, const struct chfunc *fn,
		       const struct chan *c)
{
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];
		struct lh_finding *fd;

		bool seen = false;

		if (op->kind == CHOP_CLOSE || op->select_alt)
			continue;
		for (size_t j = 0; j < i && op->gor >= 0; j++) {
			if (c->ops[j].gor == op->gor &&
			    c->ops[j].kind != CHOP_CLOSE &&
			    !c->ops[j].select_alt)
				seen = true; /* one finding per goroutine */
		}
		if (seen)
			continue;
		if (op->gor >= 0) {
			const struct chgor *gr = &fn->gors[op->gor];

			fd = pass_report(p, &lh_rule_lh108, gr->file, gr->go,
				"goroutine blocks forever %s nil channel %s",
				lh108__verb(op->kind), c->name);
		} else {
			fd = pass_report(p, &lh_rule_lh108, op->file, op->node,
				"%s nil channel %s blocks forever",
				op->kind == CHOP_SEND ? "send on" :
				op->kind == CHOP_RANGE ? "range over" :
							 "receive from",
				c->name);
		}
		pass_step(p, fd, op->file, op->node,
			  "blocks %s %s at line %u: declared at line %u and "
			  "never made", lh108__verb(op->kind), c->name,
			  lh108__line(op->node), lh108__line(c->ident));
		pass_fix(p, fd, "make the channel (%s := make(chan T)) before "
			 "using it, or remove the operation", c->name);
	}
}

static void lh108__empty_selects(struct lh_pass *p, const struct chfunc *fn,
				 int *once)
{
	for (size_t i = 0; i < fn->nempty; i++) {
		GNode sel = fn->empty_selects[i];
		int g = fn->empty_select_gor[i];
		struct lh_finding *fd;

		GNode blk = gn_parent(sel), owner;

		/* only an unconditional `select {}` in the body itself: one
		 * inside an if or a case is a deliberate halt (a debug flag,
		 * a dying process) */
		owner = gn_is_null(blk) ? blk : gn_parent(blk);
		if (gn_is_null(owner) ||
		    (gn_symbol(owner) != GS->function_declaration &&
		     gn_symbol(owner) != GS->method_declaration &&
		     gn_symbol(owner) != GS->func_literal))
			continue;
		if (*once < 0)
			*once = chanfacts_runs_once(p->pkg, fn);
		if (*once)
			return;
		if (g >= 0) {
			const struct chgor *gr = &fn->gors[g];

			fd = pass_report(p, &lh_rule_lh108, gr->file, gr->go,
				"goroutine blocks forever in select {}");
		} else {
			fd = pass_report(p, &lh_rule_lh108, fn->file, sel,
				"select {} blocks %s forever",
				chanfacts_func_name(fn));
		}
		pass_step(p, fd, fn->file, sel,
			  "blocks forever in select {} at line %u; %s can run "
			  "more than once", lh108__line(sel),
			  chanfacts_func_name(fn));
		pass_fix(p, fd, "wait on something that ends: ctx.Done(), a "
			 "done channel, or a WaitGroup; keep select {} for "
			 "main");
	}
}

/* Operations on a channel field that nothing in the package ever gives a
 * value (no `X.f = ...`, no `T{f: ...}`, no unkeyed T literal): nil. */
static void lh108__fields(struct lh_pass *p, const struct chfunc *fn)
{
	for (size_t i = 0; i < fn->nfops; i++) {
		const struct chfop *op = &fn->fops[i];
		const struct chfield *f = op->field;
		struct lh_finding *fd;
		bool seen = false;

		if (op->kind == CHOP_CLOSE || op->select_alt || f->assigned ||
		    f->exported || f->escapes)
			continue;
		for (size_t j = 0; j < i && op->gor >= 0; j++) {
			if (fn->fops[j].gor == op->gor &&
			    fn->fops[j].field == f &&
			    fn->fops[j].kind != CHOP_CLOSE &&
			    !fn->fops[j].select_alt)
				seen = true;
		}
		if (seen)
			continue;
		if (op->gor >= 0)
			fd = pass_report(p, &lh_rule_lh108, fn->gors[op->gor].file,
				fn->gors[op->gor].go,
				"goroutine blocks forever %s nil channel %s%s",
				lh108__verb(op->kind), f->type ? "field " : "",
				f->name);
		else
			fd = pass_report(p, &lh_rule_lh108, op->file, op->node,
				"%s nil channel %s%s blocks forever",
				op->kind == CHOP_SEND ? "send on" :
				op->kind == CHOP_RANGE ? "range over" :
							 "receive from",
				f->type ? "field " : "", f->name);
		pass_step(p, fd, op->file, op->node,
			  "blocks %s %s at line %u: nothing in the package ever "
			  "makes it", lh108__verb(op->kind), f->name,
			  lh108__line(op->node));
		if (f->type)
			pass_fix(p, fd, "make %s where %s is built (%s: "
				 "make(chan T))", f->name, f->type, f->name);
		else
			pass_fix(p, fd, "declare it made: var %s = make(chan T)",
				 f->name);
	}
}

/* ============================================ context.Background().Done() */

static bool lh108__word(char c)
{
	return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' &&
						      (c | 32) <= 'z');
}

/* `<ctx>.Background()` or `<ctx>.TODO()` with ctx the file's name for
 * package context. */
static bool lh108__never_done(const struct gofile *f, GNode e)
{
	const char *path, *name;
	size_t len;

	e = go_unparen(e);
	if (gn_is_null(e) || gn_symbol(e) != GS->call_expression ||
	    gn_named_child_count(go_field(e, f_arguments)))
		return false;
	return go_selector_import(f, go_field(e, f_function), &path, &name,
				  &len) &&
	       strcmp(path, "context") == 0 &&
	       (str_eqn(name, len, "Background") || str_eqn(name, len, "TODO"));
}

/* Identifier id names a local declared `id := context.Background()` (or
 * TODO()) in the function around it, and never assigned, declared again
 * or had its address taken anywhere else in that function. */
static bool lh108__background_var(struct gofile *f, GNode id)
{
	GNode fn = id, decl = { 0 };
	size_t il, len;
	const char *is = go_text(f, id, &il), *t;
	uint32_t base;

	for (; !gn_is_null(fn); fn = gn_parent(fn)) {
		TSSymbol s = gn_symbol(fn);

		if (s == GS->function_declaration ||
		    s == GS->method_declaration)
			break;
	}
	if (gn_is_null(fn) || !il)
		return false;
	t = go_text(f, fn, &len);
	base = gn_start_byte(fn);
	for (size_t at = 0; at + il <= len;) {
		const char *hit = memmem(t + at, len - at, is, il);
		size_t off;
		GNode n, p, left;

		if (!hit)
			break;
		off = (size_t)(hit - t);
		at = off + il;
		if ((off > 0 && (lh108__word(t[off - 1]) || t[off - 1] == '.')) ||
		    (off + il < len && lh108__word(t[off + il])))
			continue;
		n = gn_named_descendant_for_byte_range(
			fn, base + (uint32_t)off, base + (uint32_t)off);
		if (gn_symbol(n) == GS->comment)
			continue;
		if (gn_symbol(n) != GS->identifier)
			return false; /* a field or parameter of that name */
		p = gn_parent(n);
		if (gn_symbol(p) == GS->parameter_declaration)
			return false;
		if (gn_symbol(p) == GS->unary_expression &&
		    go_text_is(f, go_field(p, f_operator), "&"))
			return false;
		if (gn_symbol(p) != GS->expression_list)
			continue;
		left = gn_parent(p);
		if ((gn_symbol(left) != GS->short_var_declaration &&
		     gn_symbol(left) != GS->assignment_statement) ||
		    !gn_eq(go_field(left, f_left), p))
			continue;
		/* an assignment to the name: only one, from Background() */
		if (!gn_is_null(decl) ||
		    gn_symbol(left) != GS->short_var_declaration ||
		    gn_named_child_count(p) != 1 ||
		    !lh108__never_done(f, gn_named_child(
				go_field(left, f_right), 0)))
			return false;
		decl = left;
	}
	return !gn_is_null(decl);
}

/* `<-ctx.Done()` (not in a select with another way out) where ctx is
 * context.Background() or TODO(): Done() of a context that can never be
 * cancelled returns nil, and the receive blocks forever. Found by a text
 * scan of the files that import context and mention Background() or
 * TODO(). */
static void lh108__background_done(struct lh_pass *p)
{
	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct gofile *f = p->pkg->files[i];
		GNode root = go_root(f);

		if (!memmem(f->src, f->len, "Background()", 12) &&
		    !memmem(f->src, f->len, "TODO()", 6))
			continue;
		for (size_t at = 0; at < f->len;) {
			const char *hit = memmem(f->src + at, f->len - at,
						 ".Done()", 7);
			size_t off;
			GNode fld, sel, call, un, x, sp, op;
			struct lh_finding *fd;

			if (!hit)
				break;
			off = (size_t)(hit - f->src);
			at = off + 7;
			fld = gn_named_descendant_for_byte_range(
				root, (uint32_t)off + 1, (uint32_t)off + 1);
			sel = gn_parent(fld);
			call = gn_parent(sel);
			if (gn_symbol(sel) != GS->selector_expression ||
			    gn_symbol(call) != GS->call_expression)
				continue;
			un = gn_parent(call);
			if (gn_symbol(un) != GS->unary_expression ||
			    !go_text_is(f, go_field(un, f_operator), "<-"))
				continue;
			/* a select with another case or default */
			sp = gn_parent(un);
			while (!gn_is_null(sp) &&
			       (gn_symbol(sp) == GS->expression_list ||
				gn_symbol(sp) == GS->receive_statement))
				sp = gn_parent(sp);
			if (!gn_is_null(sp) &&
			    gn_symbol(sp) == GS->communication_case &&
			    gn_named_child_count(gn_parent(sp)) > 1)
				continue;
			x = go_unparen(go_field(sel, f_operand));
			if (!lh108__never_done(f, x) &&
			    !(gn_symbol(x) == GS->identifier &&
			      lh108__background_var(f, x)))
				continue;
			op = un;
			fd = pass_report(p, &lh_rule_lh108, f, op,
				"receive from nil channel %s.Done() blocks "
				"forever: a Background/TODO context is never "
				"cancelled", gn_symbol(x) == GS->identifier ?
				go_text_dup(f, x) : "context");
			pass_step(p, fd, f, op, "blocks receiving at line %u: "
				  "Done() of a context that cannot be cancelled "
				  "is nil", lh108__line(op));
			pass_fix(p, fd, "derive a cancellable context "
				 "(context.WithCancel) and cancel it when the "
				 "goroutine must stop, or wait on a done "
				 "channel");
		}
	}
}

static void lh108_run(struct lh_pass *p)
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];
		int once = -1;

		if (fn->incomplete)
			continue;
		for (size_t j = 0; j < fn->nchans; j++) {
			const struct chan *c = fn->chans[j];

			if (c->cap == CHCAP_NIL && !c->assigned &&
			    !c->escapes)
				lh108__nil(p, fn, c);
		}
		lh108__empty_selects(p, fn, &once);
		lh108__fields(p, fn);
	}
	lh108__background_done(p);
}

const struct lh_rule lh_rule_lh108 = {
	.id = "LH108",
	.name = "nil-channel-op",
	.title = "operation on a nil channel, or select {} outside main",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_CHANNELS,
	.run = lh108_run,
};
