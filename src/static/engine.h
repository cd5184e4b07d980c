/*
 * engine.h - the path-sensitive obligation engine of the static half.
 *
 * An obligation is a duty that a function takes on at one point and must
 * discharge on every path out of it: close a file, stop a ticker, call a
 * cancel func, unlock a mutex, call wg.Done. The engine walks a function's
 * body as a structured control-flow graph (if/else, switch, type switch,
 * select, for/range with labelled break/continue, goto, fallthrough, defer,
 * return with named results, panic and calls that never return), with Go's
 * block scopes resolved first, and tracks for each obligation the set of
 * states it may be in on each path: not yet acquired (or nil), open, done.
 *
 * How an obligation is discharged:
 *   - release: a call `H.<release>()` on a handle H of the obligation
 *     (`resp.Body.Close()`, `t.Stop()`, `cancel()`, `mu.Unlock()`), direct,
 *     deferred (`defer f.Close()`), or inside a deferred/go closure;
 *   - transfer of ownership (unless the kind says ENG_K_NO_TRANSFER):
 *     returned (also inside a struct literal or a tuple), stored in a field,
 *     a package-level var, a map or slice element, sent on a channel,
 *     passed to a function not known to only borrow it (known borrowers are
 *     rows of src/golang/known_apis.def; same-package functions are judged
 *     by their summaries), captured by a closure that releases or transfers
 *     it;
 *   - acquisitions: calls of known_apis.def, same-package functions that
 *     return what they acquired (constructor summaries), same-package
 *     wrappers handed such a call's results that give the resource back
 *     (`f := must(os.Open(p))`), and acquisitions inside a func literal
 *     into a variable of the enclosing function (reported there only when
 *     nothing releases or hands it on: when the literal runs is unknown);
 *   - the error branch: `if err != nil` right after `x, err := ctor()` (also
 *     `if err == nil {...} else`, `if x, err := ...; err != nil`, any
 *     error variable name, `x == nil` / `x != nil`, `x.Body == nil` on the
 *     way to the released object, `||` and `&&` chains): on the branch
 *     where the error is set, x is nil and owes nothing;
 *   - named results: a bare return hands what they hold to the caller (a
 *     constructor for its callers); an explicit return that does not name
 *     one overwrites it, so what it held leaks there;
 *   - a same-package method called on the handle (`resp.closeBody()` in
 *     net/http) counts by its summary of its receiver, like a helper's
 *     parameter;
 *   - a func literal called on the spot (`func() { ... }()`) releases
 *     what it releases on every path through its body (walked like the
 *     function's own statements, its returns ending the call); deferred
 *     and goroutine literals release what they release anywhere.
 * Paths that end in panic(), os.Exit, log.Fatal*, t.Fatal* and friends, or
 * in a same-package function that never returns, owe nothing - except a
 * panic() or log.Panic* after a `defer func() { ... recover() ... }()` in
 * the function's top block: the function returns to its caller there
 * ("panics at line N (the deferred recover returns)").
 *
 * A local assigned from a handle (`body := resp.Body`) becomes another
 * handle of the same obligation (aliases); so does a struct local the
 * handle is put into, of a type of the package or of another package of
 * the module (`l := &T{f: h}`), or stored into while nothing else can
 * hold it yet (`t := &T{}; t.f = h`): its methods' summaries say what
 * becomes of the field. Which variables hold it is tracked per path: a
 * variable assigned something else on one branch (`rc = zr`), or made a
 * handle on another branch only (`else { rc = resp.Body }`), does not
 * reach the obligation there, unless the new value owns the old (`c =
 * tls.Client(c, cfg)`) or holds it in a field of a struct of the package
 * (`rc = &gzipBody{body: rc}`, whose methods are then the ones rc's calls
 * run); a deferred closure releases what its variables hold at each
 * exit.
 *
 * Using the engine from a rule (see resources.c for the table-driven user,
 * and the example below for a hand-written acquire/release pair):
 *
 *   static const struct eng_kind lock_kind = {
 *       .rule = "LH105", .noun = "mutex", .release = "Unlock",
 *       .still = "still locked", .flags = ENG_K_NO_TRANSFER,
 *   };
 *   // acquire hook: called for every call expression the walk executes
 *   static bool lock_acquire(void *ctx, struct eng_func *fn, GNode call,
 *                            struct eng_acquire *a)
 *   {
 *       GNode f = go_field(call, f_function);
 *       if (gn_symbol(f) != GS->selector_expression ||
 *           !go_text_is(fn->file, go_field(f, f_field), "Lock"))
 *           return false;
 *       a->kind = &lock_kind;
 *       a->object = go_field(f, f_operand); // obligation on `s.mu`
 *       return true;
 *   }
 *   struct eng_spec spec = { .acquire = lock_acquire };
 *   struct eng_func *fn = eng_func_get(pkg, file, decl);
 *   struct eng_result *r = eng_run(fn, &spec);
 *   for (size_t i = 0; i < r->nleaks; i++) ... r->leaks[i] ...
 *
 * Results name the creation site (report there with pass_report) and every
 * exit where the obligation may still be open (add them with pass_step).
 *
 * Memory: everything is allocated in the package arena (pkg->arena) and
 * lives until gopkg_free(). Functions are analysed on demand; an analysis
 * is bounded (AST depth, number of obligations per function, loop
 * iterations) and gives up silently rather than guess.
 */
#ifndef LH_STATIC_ENGINE_H
#define LH_STATIC_ENGINE_H

#include "static/pass.h"

/* ================================================================ kinds */

/* Kind flags. */
enum {
	/* passing the handle anywhere does not end the duty (locks) */
	ENG_K_NO_TRANSFER = 1u << 0,
	/* only matters when unreferenced timers are not collected (go.mod
	 * says go < 1.23, or godebug asynctimerchan=1) */
	ENG_K_PRE_GO123 = 1u << 1,
	/* stored in a struct field: check the package releases that field */
	ENG_K_FIELD_CHECK = 1u << 2,
	/* `_ = h` is not a use (context cancel funcs, as go vet does) */
	ENG_K_BLANK_IS_LEAK = 1u << 3,
	/* the loop `for h.Next() {}` ending normally releases (sql.Rows) */
	ENG_K_NEXT_RELEASES = 1u << 4,
	/* any use at all counts as the release (a pipe that must be read) */
	ENG_K_USE_RELEASES = 1u << 5,
	/* exits are not checked: only checkpoints are (see .checkpoint) */
	ENG_K_CHECKPOINT_ONLY = 1u << 6,
	/* `for range h.C` never ends (a ticker's channel is never closed) */
	ENG_K_ENDLESS_C = 1u << 7,
	/* an object acquisition (`cmd.Start()`) counts only on a variable
	 * declared in the function: on a parameter, receiver, field or
	 * global the caller or the owner holds the duty */
	ENG_K_LOCAL_OBJECT = 1u << 8,
	/* reported only when no path releases it ("never closed"): a
	 * compress writer over memory owes its trailer, not a resource */
	ENG_K_NEVER_ONLY = 1u << 9,
	/* summaries only: a call through a func-typed parameter borrows
	 * (the caller checked that every func it passes does) */
	ENG_K_CB_BORROW = 1u << 10,
	/* an exit returning a non-nil error does not count: what is owed is
	 * output (a compress writer's trailer over a stream), worthless once
	 * the function reports failure; the stream is a resource of its own */
	ENG_K_ERR_RETURN_OK = 1u << 11,
};

/* What kind of duty an obligation is: how it is released and how findings
 * about it read. Rows of known_apis.def define the resource kinds; rules
 * may define their own. */
struct eng_kind {
	const char *rule;    /* rule id reporting it: "LH702" */
	const char *noun;    /* "response body", "ticker", "file" */
	/* Release path from the handle: "Body.Close", "Stop", "()" (call the
	 * handle itself), alternatives in the last element with '|':
	 * "Commit|Rollback". */
	const char *release;
	const char *rearm;   /* method that re-arms after release: "Reset" */
	const char *recv_release; /* `<-h.C` releases (timer fired): "C" */
	const char *still;   /* "still open", "still running" */
	const char *verb;    /* "closed", "stopped", "called", "waited for" */
	/* For ENG_K_CHECKPOINT_ONLY kinds: a method on the creating receiver
	 * whose call is where the obligation must already be done ("Wait"). */
	const char *checkpoint;
	unsigned flags;	     /* ENG_K_* */
	/* Parsed form of release. Not derived by the engine: the kinds of
	 * known_apis.def get them from apis.c when first asked for
	 * (apis_kind()); a rule defining its own kind sets them itself
	 * (rel_prefix "" and rel_names {"Unlock"} for "Unlock"). */
	const char *rel_prefix;	 /* "Body" or "" */
	const char *rel_names[4]; /* "Close"; "" for "()" */
	/* A member of the object that is the object itself as far as its
	 * release goes, or NULL: "Process" of an exec.Cmd (cmd.Process.Wait()
	 * waits for the command; `p := cmd.Process` is another handle). */
	const char *self_member;
};

/* ================================================================ functions */

/* A resolved variable of a function: parameter, result, local. */
struct eng_var {
	const char *name;
	GNode decl;	   /* the identifier node that declares it */
	const char *type;  /* "net/http.Client" (pointer dropped), or NULL */
	unsigned id;
	bool param, result, receiver;
	uint32_t scope_end; /* end byte of the block it is declared in */
	uint32_t scope_start;
};

/* A function (declaration, method or func literal) with its identifiers
 * resolved through Go's block scopes. Obtain with eng_func_get(). */
struct eng_func {
	struct gopkg *pkg;
	struct gofile *file;
	GNode decl;	/* function_declaration, method_declaration, func_literal */
	GNode body;	/* its block, or null */
	struct eng_var **vars; /* by id */
	size_t nvars;
	/* identifier uses: sorted by start byte */
	uint32_t *use_off;
	struct eng_var **use_var;
	size_t nuses;
	bool too_deep; /* resolution gave up: analyses stay silent */
};

/* The resolved function for decl (a function_declaration,
 * method_declaration or func_literal of file f). Func literals are resolved
 * with their enclosing function, so captured variables resolve to the
 * outer declarations. Cached per package. Allocated in the package arena. */
struct eng_func *eng_func_get(struct gopkg *pkg, struct gofile *f, GNode decl);

/* The variable identifier node id refers to in fn (use or declaration),
 * or NULL for package-level names, imports, builtins and fields. */
struct eng_var *eng_resolve(const struct eng_func *fn, GNode id);

/* Type of expression e as "importpath.Name" (pointers dropped), when the
 * engine can tell: typed declarations, known constructors, composite
 * literals, package-level vars, struct fields of the package. Else NULL.
 * Allocated in the package arena. */
const char *eng_type_of(struct eng_func *fn, GNode e);

/* The type of another package that provides method name to values of
 * local type t through t's only embedded field (`type DB struct{
 * *sql.DB }`: "database/sql.DB" for Query), following embedded local
 * types; NULL when t declares the method itself, embeds several types,
 * or none. */
const char *eng_promoted(struct eng_func *fn, const char *t,
			 const char *name, size_t len);

/* ================================================================ running */

/* An acquisition the spec's hook found at a call. */
struct eng_acquire {
	const struct eng_kind *kind;
	/* Either the obligation is on an existing object (e.g. `s.mu` of
	 * `s.mu.Lock()`, `cmd` of `cmd.Start()`): set object; or it is on the
	 * call's results: set results (bit i = result i is a handle; os.Pipe
	 * gives two obligations, 0x3) and err_result (index of the error
	 * result, or -1). */
	GNode object;
	unsigned results;
	int err_result;
	const char *noun; /* overrides kind->noun ("gzip reader"), or NULL */
	/* Path from a result handle to the released object, or NULL for
	 * the kind's (rel_prefix: "Body" of a response). A same-package
	 * helper returning `resp.Body` hands out the body itself: "". */
	const char *prefix;
	/* Results that hold the release func itself (a same-package helper's
	 * `return f, f.Close, nil` or `return f, cleanup, nil`): the
	 * caller's variable there is another handle, called to release. */
	unsigned rel_results;
	/* When set, the result handle must be used as `h.<require>` somewhere
	 * in the function (a guess at an untyped receiver: ".Body" marks an
	 * http response), else no obligation. */
	const char *require;
};

/* An obligation open when the function starts (wg.Done in a goroutine, a
 * parameter a summary follows): on variable var (or package-level root
 * when var is NULL) through prefix ("" or "mu"). */
struct eng_entry {
	struct eng_var *var;
	const char *root;
	const char *prefix;
	const struct eng_kind *kind;
	GNode site; /* reported as the creation site */
};

struct eng_spec {
	/* Called for each call expression on the walk. Returns true and
	 * fills *a when the call acquires an obligation. */
	bool (*acquire)(void *ctx, struct eng_func *fn, GNode call,
			struct eng_acquire *a);
	void *ctx;
	const struct eng_entry *entries;
	size_t nentries;
	/* Optional: false when acquire() cannot accept call (of f) whatever
	 * its names resolve to - a test by names only, so that a callee
	 * holding no such call (nor a same-package constructor call) is
	 * known not to hand out a resource without walking it. */
	bool (*may_acquire)(void *ctx, struct gofile *f, GNode call);
};

enum eng_exit_kind {
	ENG_EXIT_RETURN,    /* a return statement */
	ENG_EXIT_END,	    /* falls off the end of the function */
	ENG_EXIT_OVERWRITE, /* handle re-assigned while still open */
	ENG_EXIT_DISCARD,   /* result assigned to _ or dropped */
	ENG_EXIT_SCOPE,	    /* loop iteration ends with the handle in scope */
	ENG_EXIT_CHECKPOINT, /* the kind's checkpoint (cmd.Wait) */
	ENG_EXIT_BLANK,	    /* `_ = cancel` and nothing else */
};

struct eng_exit {
	enum eng_exit_kind kind;
	GNode node;
	uint32_t line;
};

/* One obligation that may still be open at some exit. */
struct eng_leak {
	const struct eng_kind *kind;
	const char *noun;
	GNode site;	     /* the acquiring call */
	const char *handle;  /* display name: "resp.Body", "t", "cancel" */
	const char *var;     /* the handle's root variable, or NULL */
	struct eng_exit *exits;
	size_t nexits;
	bool released_somewhere; /* some path releases it ("not on every
				    path") versus none ("never") */
	bool handed_on;	     /* some path hands it on (returned, stored,
				passed to an owner) */
	bool in_loop;	     /* created inside a loop body */
	bool outlives_loop;  /* ... into a variable declared before it */
	/* made after a label that a later goto jumps back to (a loop made of
	 * gotos), or NULL */
	const char *back_label;
	GNode stmt;	     /* the statement holding the site */
	GNode errcheck;     /* the `if err != nil` right after, or null */
	bool has_err;	     /* the call's error went into a variable */
	GNode blank;	     /* a `_ = h` statement on the way, or null */
};

/* An obligation of an ENG_K_FIELD_CHECK kind stored into a struct field
 * (`p.tick = time.NewTicker(d)`, or `s.cancel = cancel`): the rule checks
 * that the package releases that field somewhere. */
struct eng_store {
	const struct eng_kind *kind;
	const char *noun;
	GNode site;	   /* the acquiring call */
	GNode at;	   /* the assignment */
	const char *field; /* "tick" */
	const char *owner; /* type of the struct holding it ("pool"), or
			      NULL when the engine cannot tell */
	bool func;	   /* a func literal releasing it was stored: calling
			      the field releases */
};

struct eng_result {
	struct eng_leak *leaks;
	size_t nleaks;
	struct eng_store *stores;
	size_t nstores;
};

/* Runs the spec over fn. Returns the leaks found (none when the analysis
 * gave up). Allocated in the package arena. */
struct eng_result *eng_run(struct eng_func *fn, const struct eng_spec *spec);

/* False when no call in fn's body (func literals included) can acquire
 * for spec: neither spec->acquire nor a same-package constructor (a
 * function whose results may hold a resource, not known to return none)
 * says yes. eng_run() of such a fn with no entries finds nothing: the
 * caller may skip it. Calls spec->acquire on every call of the body, so
 * only for a hook without side effects. Computes no summary. */
bool eng_may_acquire(struct eng_func *fn, const struct eng_spec *spec);

/* The same by names only, before anything is resolved: can a call in the
 * body of decl (a function, method or func literal of f) be accepted by
 * spec->may_acquire (which must be set) or be a same-package constructor
 * (eng_may_construct)? A superset of what eng_run() with spec finds. */
bool eng_may_acquire_names(struct gofile *f, GNode decl,
			   const struct eng_spec *spec);

/* False when call (a call_expression of f, a file of pkg) cannot be a
 * same-package constructor for a walk with spec: it names no function,
 * nor any method of a package type, whose results may hold a resource and
 * (with spec->may_acquire) whose body, or a constructor it calls, has a
 * call the hook may accept. Needs no resolution (a superset of what the
 * walk asks); spec may be NULL (results only). */
bool eng_may_construct(struct gopkg *pkg, struct gofile *f, GNode call,
		       const struct eng_spec *spec);

/* "returns at line 42", "falls off the end at line 50", ... for an exit.
 * Allocated in the package arena. */
const char *eng_exit_text(struct gopkg *pkg, const struct eng_exit *e);

/* ================================================================ summaries */

/* What a same-package function does with its parameter `param` (index in
 * the flattened parameter list; -1 = receiver), seen through the release
 * path of kind from that parameter ("Body.Close" for a *http.Response,
 * "Close" for the io.ReadCloser body): */
enum eng_summary {
	ENG_SUM_UNKNOWN = 0, /* treated as a transfer */
	ENG_SUM_RELEASES,    /* releases it on every path */
	ENG_SUM_BORROWS,     /* only uses it: the caller keeps the duty */
	ENG_SUM_TRANSFERS,   /* keeps, stores, returns or may release it */
	/* releases it on some paths only and hands it nowhere: the caller
	 * keeps the duty when it uses the value again after the call (it
	 * checks and closes itself), else the call leaks on the other paths */
	ENG_SUM_PARTIAL,
	/* releases it exactly when it returns a non-nil error (a status
	 * check closing the body of a bad answer): after the call the
	 * caller holds it on the branch where that error is nil */
	ENG_SUM_RELEASES_ON_ERR,
};
/* Summaries are computed per function and iterated to a fixed point over
 * the package: a recursive call starts as RELEASES (a path that only
 * recurses releases when the paths that end do), and a summary computed
 * from the provisional summary of a caller still being computed (mutual
 * recursion) is recomputed in that caller's next round. flags are the
 * kind's (ENG_K_NEXT_RELEASES: a `for h.Next()` loop ending releases).
 * ENG_SUM_UNKNOWN when fn is NULL or not a function or method. A call of
 * a function of another package of the module is judged by that
 * function's summary (static/xpkg.h) when the scan attached a loader. */
enum eng_summary eng_summary_of(struct gopkg *pkg, const struct godecl *fn,
				int param, const char *release_path,
				unsigned flags);

/* True when a call to this expression never returns: panic, os.Exit,
 * log.Fatal..., log.Panic..., runtime.Goexit, t.Fatal..., t.FailNow, t.Skip..., and
 * same-package functions whose every path ends in one of those. */
bool eng_call_noreturn(struct eng_func *fn, GNode call);

/* ================================================================ limits */

#define ENG_MAX_DEPTH 256	/* AST nesting the walk follows */
#define ENG_MAX_OBLIGATIONS 64	/* per function */

#endif /* LH_STATIC_ENGINE_H */
