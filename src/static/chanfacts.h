/*
 * chanfacts.h - channel facts for the goroutine rules (LH1xx).
 *
 * For every function and method of a package: the channels it makes
 * locally (`c := make(chan T[, n])`, `var c chan T`), their capacity, and
 * every send, receive, close and range on each of them, in the function
 * itself and in the goroutines it starts - func literals at any depth, and
 * `go f(...)` / `go x.m(...)` calls of functions and methods of the same
 * package, whose bodies are summarized one level deep with parameters
 * mapped to arguments. Identifiers are resolved through Go's block scopes,
 * so a `c` redeclared in an inner scope is another channel.
 *
 * A channel whose value leaves what is summarized (returned, stored,
 * aliased, passed to a call, captured by a closure that is not a goroutine,
 * a defer or immediately called) "escapes": rules give no verdict on it.
 *
 * Everything here is allocated in the package arena (pkg->facts[
 * LH_FACT_CHANNELS] caches it) and freed with the package. TSNodes are
 * views into the package's trees.
 */
#ifndef LH_STATIC_CHANFACTS_H
#define LH_STATIC_CHANFACTS_H

#include "static/pass.h"

enum chop_kind { CHOP_SEND, CHOP_RECV, CHOP_CLOSE, CHOP_RANGE };

/* One operation on a channel. */
struct chop {
	enum chop_kind kind;
	struct gofile *file;
	GNode node;	 /* send_statement, unary `<-c`, close call,
			    for_statement (range) */
	int gor;	 /* goroutine (index in chfunc.gors); -1: the function */
	GNode select;	 /* select_statement when the op is a case's
			    communication, else null */
	bool select_alt; /* that select has another case or a default: the
			    op can be skipped, it does not block for good */
	bool in_loop;	 /* inside a loop of its own body */
	GNode loop;	 /* innermost such for_statement */
	bool deferred;	 /* in a defer of its body: runs on every exit */
};

/* A goroutine started by the function (or by one of its goroutines). */
struct chgor {
	struct gofile *file;
	GNode go;	     /* the go_statement */
	struct gofile *bfile;
	GNode body;	     /* its body block; null when not summarized */
	const char *callee;  /* "worker", "Server.loop"; NULL for literals */
	int parent;	     /* -1: started by the function, else goroutine */
	int trips;	     /* instances per run: 1, n for a constant loop,
				-1 unknown (started in a loop) */
	bool in_closure;     /* started inside a closure that escapes */
};

enum { CHCAP_UNKNOWN = -1, CHCAP_NIL = -2 };
#define CH_MANY (-1) /* an unbounded count */

struct chan {
	const char *name;
	struct gofile *file;
	GNode ident;	  /* the declaring identifier */
	GNode make;	  /* the make call; null for `var c chan T` */
	int cap;	  /* >= 0 constant, CHCAP_UNKNOWN, or CHCAP_NIL:
			     declared without a value */
	bool assigned;	  /* assigned again after its declaration */
	bool escapes;	  /* see the top of this file */
	GNode escape;	  /* where it escapes first */
	struct chop *ops; /* in walk order */
	size_t nops, capops;
};

/* A return statement of the function or of a goroutine body (not of a
 * func literal called or deferred inside them). */
struct chret {
	GNode node;
	int gor; /* -1: the function */
};

/* A channel-typed struct field of the package (`quit chan struct{}`), or
 * a package-level channel variable (type == NULL; any local declaration
 * of the same name anywhere in the package makes it escape: no scoping),
 * with what the whole package does through `X.quit` for any X. Fields
 * are matched by name: two struct types with a chan field of the same
 * name share one entry (conservative: their operations add up). */
struct chfield {
	const char *name;
	size_t len;
	const char *type;  /* a struct type declaring it; NULL for a
			      package-level variable (`var done chan T`) */
	bool exported;	   /* another package may use it */
	unsigned nsend, nrecv, nclose, nrange;
	bool assigned;	   /* given a value somewhere: X.f = ..., T{f: ...},
			      an unkeyed T{...} literal */
	bool escapes;	   /* its value taken anywhere else: aliased,
			      returned, passed, stored */
	bool foreign;	   /* given a channel the package did not make
			      right there (a parameter, a call's result,
			      a local): whoever made it may close it */
};

/* An operation on a channel field inside a function or its goroutines. */
struct chfop {
	struct chfield *field;
	enum chop_kind kind;
	struct gofile *file;
	GNode node;	 /* as in struct chop */
	int gor;
	bool select_alt;
	bool deferred;
};

struct chfunc {
	const struct godecl *decl;
	struct gofile *file;
	GNode node; /* function_declaration or method_declaration */
	bool incomplete; /* nesting too deep: no verdict on anything */
	struct chan **chans;
	size_t nchans, capchans;
	struct chgor *gors;
	size_t ngors, capgors;
	struct chret *rets;
	size_t nrets, caprets;
	struct chfop *fops;    /* operations on channel fields */
	size_t nfops, capfops;
	GNode *empty_selects; /* `select {}` of the function itself */
	int *empty_select_gor;
	size_t nempty, capempty;
};

struct chfacts {
	struct chfunc **funcs; /* functions with channels or goroutines */
	size_t nfuncs;
	struct cf_callers *callers; /* lazily: see chanfacts_runs_once() */
	struct chfield *fields; /* channel fields of the package's structs */
	size_t nfields;
};

/* True when nothing in the package can ever make a receive on field f
 * complete: nothing sends on it or closes it, its value never leaves
 * what the package can see (unexported, never escapes), and every value it
 * is given is a channel made right there (make(...), or nil). */
bool chanfacts_field_dead(const struct chfield *f);

/* The channel facts of pkg, computed on first use and cached. Borrowed:
 * valid until the package is freed. */
const struct chfacts *chanfacts_get(struct gopkg *pkg);

/* Runs on_func(p, fn) for every completely analysed function of p's
 * package, then on_chan(p, fn, c) for each of its channels that has a
 * verdict: made locally, never escaping, never reassigned, not nil. The
 * shared driver of the rules that judge one channel at a time. */
void chanfacts_each_local(struct lh_pass *p,
			  void (*on_func)(struct lh_pass *p,
					  const struct chfunc *fn),
			  void (*on_chan)(struct lh_pass *p,
					  const struct chfunc *fn,
					  const struct chan *c));

/* Greatest number of blocking sends (not in a select that has another
 * way out) on c along one path through goroutine g; CH_MANY when a send
 * is in a loop. */
int chanfacts_sends_per_path(const struct chfunc *fn, const struct chan *c,
			     int g);

/* Total blocking sends on c by goroutines the function itself starts,
 * over all instances; CH_MANY when unbounded. A goroutine started in a
 * loop whose every round makes its own c counts once: each instance has
 * a channel of its own. */
int chanfacts_goroutine_sends(const struct chfunc *fn, const struct chan *c);

/* The first return statement of context gor (-1: the function) that runs
 * after `after` (structurally: `after` is in an earlier statement of an
 * enclosing block) and ends before byte offset `before`; null node if none. */
GNode chanfacts_early_return(const struct chfunc *fn, int gor, GNode after,
			      uint32_t before);

/* True when node a is before node b in an enclosing statement list. */
bool chanfacts_before(GNode a, GNode b);

/* True when the function named name (a package function, or a method's
 * bare name) is only ever called directly from main or init, outside
 * loops and closures: its goroutines are started once per process. */
bool chanfacts_runs_once(struct gopkg *pkg, const struct chfunc *fn);

/* First loop of body (outside nested func literals) that nothing can
 * leave: no condition, no return, no break or goto out, no panic or exit
 * call. Null node when there is none. *select_break receives a `break`
 * in the loop that only leaves a select or switch (a common slip), or a
 * null node. */
GNode chanfacts_forever_loop(struct gofile *f, GNode body,
			      GNode *select_break);

/* The name of the function the facts are about ("Server.run"). */
const char *chanfacts_func_name(const struct chfunc *fn);

#endif /* LH_STATIC_CHANFACTS_H */
