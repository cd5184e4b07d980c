/*
 * lh30x.c - global growth: package-level collections that only grow.
 *
 *   LH301  a package-level map (or sync.Map) written outside init and never
 *          shrunk anywhere in the package
 *   LH302  a package-level slice appended to outside init and never
 *          truncated or reset
 *   LH303  the same for map/slice fields of a package-level struct value or
 *          pointer (writes through the receiver count when the struct type
 *          has no other instance in the package)
 *
 * All three read the package facts (static/pkgfacts.h). Silent when: a
 * shrink exists anywhere in ordinary code of the package (delete, clear,
 * reassignment, re-slice, Delete method, a package function whose name
 * says it deletes); the collection escapes (address taken, passed to a
 * package function, aliased, returned, a method of its named type called);
 * every write is in init, a var initializer, a function only called from
 * init, or a test; every write's key is a constant or a case of a switch on
 * it; the key type is small (bool, byte, an enum type, reflect.Type); a
 * size check (len(m) compared to a bound) is in the writing function.
 *
 * Batch code is skipped: the internal packages of a command
 * (cmd/X/internal/...) live for one run of the command (see pkgfacts.h).
 *
 * Known false-positive shapes: registries filled at run time by callers in
 * other packages but bounded in practice (Register functions called from
 * their init); memo caches keyed by a finite set we cannot see.
 */
#include "static/pkgfacts.h"

extern const struct lh_rule lh_rule_lh301, lh_rule_lh302, lh_rule_lh303;

static const struct pf_access *lh30x__unbounded_write(const struct pf_target *t)
{
	for (size_t i = 0; i < t->nwrites; i++) {
		const struct pf_access *a = &t->writes[i];

		if (a->ctx == PF_CTX_CODE && !a->bounded)
			return a;
	}
	return NULL;
}

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

static void lh30x_run(struct lh_pass *p)
{
	const struct pkgfacts *pf = pkgfacts_get(p->pkg);

	if (pf->batch)
		return; /* the globals live for one run of a command */
	for (size_t i = 0; i < pf->ntargets; i++) {
		const struct pf_target *t = &pf->targets[i];
		const struct pf_access *w;
		const struct lh_rule *r;
		struct lh_finding *fd;
		const char *what;
		uint32_t line, col;

		if (t->file->is_test || t->escapes || t->key_bounded)
			continue;
		w = lh30x__unbounded_write(t);
		if (!w || lh30x__shrunk(t))
			continue;
		if (t->field)
			r = &lh_rule_lh303;
		else if (t->kind == PF_SLICE)
			r = &lh_rule_lh302;
		else
			r = &lh_rule_lh301;
		what = t->kind == PF_SLICE ? "slice"
		       : t->kind == PF_SYNCMAP ? "sync.Map" : "map";
		if (t->kind == PF_SLICE)
			fd = pass_report(p, r, w->file, w->node,
					 "package-level %s %s is appended to "
					 "here and never truncated or reset",
					 what, t->name);
		else
			fd = pass_report(p, r, w->file, w->node,
					 "package-level %s %s is written here "
					 "and never shrunk (no delete, clear "
					 "or reset in the package)",
					 what, t->name);
		go_pos(t->decl, &line, &col);
		pass_step(p, fd, t->file, t->decl, "%s declared at %s:%u",
			  t->var, t->file->path, line);
		if (t->singleton && t->field)
			pass_step(p, fd, w->file, w->node,
				  "%s is the only %s of the package: writes "
				  "through the receiver reach it", t->var,
				  t->type);
		lh30x__fix(p, fd, t);
	}
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
