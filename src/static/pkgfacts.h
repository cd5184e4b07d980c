/*
 * pkgfacts.h - package-level facts about global collections: every
 * package-level map, slice or sync.Map (declared type, or inferred from
 * make, a composite literal, new or a constructor of the package), and every
 * map/slice field of a package-level struct value or pointer; every write
 * that can grow one (index assignment, append assignment, Store) and every
 * shrink (delete, clear, reassignment, re-slice, Delete), across all files
 * of the package, including writes through the receiver in methods of a
 * struct type whose only instance is package-level (a singleton).
 *
 * Computed once per package and cached in pkg->facts[LH_FACT_PKG].
 * Everything is allocated in the package arena (borrowed: valid until the
 * package is freed).
 *
 * Scoping: a local, parameter or result that shadows the global is not the
 * global. A global that escapes (its address taken, passed to a function of
 * the package, aliased, returned, a method of its named type called) may be
 * shrunk where we cannot see it: such targets are marked `escapes` and the
 * rules stay silent on them.
 */
#ifndef LH_STATIC_PKGFACTS_H
#define LH_STATIC_PKGFACTS_H

#include "static/pass.h"

enum pf_kind { PF_MAP, PF_SLICE, PF_SYNCMAP };

/* Where an access happens. */
enum pf_ctx {
	PF_CTX_CODE,	 /* ordinary code (can run any number of times) */
	PF_CTX_INIT,	 /* runs once at start-up: init(), a function only
			    called from init, or in package main from main()
			    outside endless loops */
	PF_CTX_VARINIT,	 /* a package-level var initializer */
	PF_CTX_TEST,	 /* a _test.go file */
};

/* A func literal that is neither called in place nor passed to
 * sync.Once.Do runs later, any number of times: */
enum pf_lit {
	PF_LIT_NONE,
	PF_LIT_ARG,	/* passed to a call: runs when the callee says,
			   usually during the call */
	PF_LIT_GO,	/* started as a goroutine */
	PF_LIT_FUNC,	/* stored or returned: runs any time */
	PF_LIT_HANDLER, /* handed to a serving API (http.HandleFunc ...) */
};

struct pf_access {
	struct gofile *file;
	GNode node;	 /* the assignment, inc, call or statement */
	enum pf_ctx ctx;
	const char *func; /* enclosing top-level function ("T.M"), or NULL */
	/* writes: the key is a constant or from a bounded set (enum switch
	 * case, enum key type), or a size check of the collection guards it
	 * in the same function */
	bool bounded;
	bool loop;	 /* inside an endless loop of its function */
	bool anyloop;	 /* inside a loop of any kind of its function */
	const char *top; /* enclosing top-level function, also inside func
			    literals (func is NULL there), or NULL */
	enum pf_lit lit; /* inside a func literal that runs later */
};

struct pf_target {
	const char *name;   /* "cache", or "registry.m" for a field */
	const char *var;    /* the package-level variable */
	const char *field;  /* field name, or NULL */
	const char *type;   /* struct type name for fields, else NULL */
	enum pf_kind kind;
	bool singleton;	    /* field of the only instance of its type:
			       receiver writes in its methods count */
	bool escapes;	    /* may change where we cannot see */
	bool key_bounded;   /* map key type has a small value set */
	struct gofile *file; /* declaration */
	GNode decl;	    /* var_spec */
	struct pf_access *writes;
	size_t nwrites;
	struct pf_access *shrinks;
	size_t nshrinks;
};

/* A call of a package-level function of the package, or a reference to
 * one as a value, in the functions the facts walked (those that can reach
 * a target, four levels of callers up). */
struct pf_call {
	const char *callee;
	const char *caller; /* top-level function, NULL: a var initializer */
	struct gofile *file;
	GNode node;	    /* the call_expression, or the identifier of a
			       value reference */
	enum pf_ctx ctx;
	enum pf_lit lit;    /* the reference sits in such a func literal */
	bool value;	    /* not a direct call: runs when someone calls it */
	bool arg;	    /* a value passed to a call */
	bool go;	    /* started as a goroutine: go f(...) */
	bool handler;	    /* a value handed to a serving API */
	bool loop;	    /* inside a loop of any kind */
	bool endless;	    /* inside an endless loop */
};

struct pkgfacts {
	struct pf_target *targets;
	size_t ntargets;
	struct pf_call *calls;
	size_t ncalls;
	bool main; /* package main */
	/* The package is an internal package of a command
	 * (cmd/X/internal/..., cmd/internal/...): importable by that command
	 * only, its globals live as long as one run of the command. */
	bool batch;
	/* The accesses were gathered (writes, shrinks, calls, singletons).
	 * They are not in batch code, nor when no target is open (see
	 * pkgfacts_open): nothing could be argued from them, and gathering
	 * them walks most functions of the package. Without them every
	 * target has no writes, no shrinks and no singleton. */
	bool accesses;
};

/* The package's facts, computed on first use. Borrowed: allocated in the
 * package arena. Never NULL. */
const struct pkgfacts *pkgfacts_get(struct gopkg *pkg);

/* True when growth of t could be reported: it is declared outside test
 * files, does not escape, its key type is not bounded, and it is
 * unexported or the package is main (other packages may reset an exported
 * one). */
bool pkgfacts_open(const struct pkgfacts *pf, const struct pf_target *t);

/* The target of that name ("cache", "registry.m"), or NULL. */
const struct pf_target *pkgfacts_find(const struct pkgfacts *pf,
				      const char *name);

/* Name of a context, for messages and debugging ("init", "code" ...). */
const char *pf_ctx_name(enum pf_ctx c);

#endif /* LH_STATIC_PKGFACTS_H */
