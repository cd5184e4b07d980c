/*
 * syn.h - small syntax helpers shared by the package-facts analysis and the
 * retention, pool and timer rules: a depth-bounded tree walk driven by one
 * tree cursor, call-shape tests, constant folding of integer expressions,
 * and the "can this statement finish normally" test of the Go spec.
 *
 * Everything here is syntactic: no types, no scopes. Callers that need
 * scoping (shadowed names) track it themselves.
 */
#ifndef LH_STATIC_SYN_H
#define LH_STATIC_SYN_H

#include "golang/golang.h"

/* Nesting beyond this depth is not walked (deeply nested input). */
#define SYN_MAX_DEPTH 1000

struct syn_walker {
	/* Before the children of n; return false to skip them (leave() is
	 * still called). */
	bool (*enter)(void *ctx, GNode n, unsigned depth);
	/* After the children of n; may be NULL. */
	void (*leave)(void *ctx, GNode n);
	void *ctx;
};

/* Walks root and its descendants in source order (named and anonymous). */
void syn_walk(GNode root, const struct syn_walker *w);

/* Named child i of a call's argument list, or a null node. */
GNode syn_arg(GNode call, uint32_t i);
uint32_t syn_nargs(GNode call);
/* True when call is `name(...)` with name a plain identifier (a builtin
 * such as len, or a package-level function). */
bool syn_call_ident(const struct gofile *f, GNode call, const char *name);
/* True when call is `pkg.Name(...)` with pkg an import of f whose path is
 * path, and Name equals name (NULL name: any). */
bool syn_call_pkg(const struct gofile *f, GNode call, const char *path,
		  const char *name);
/* The method name of a `x.M(...)` call (field identifier), or a null
 * node when the callee is not a selector. *recv receives x. */
GNode syn_call_method(GNode call, GNode *recv);

/* Folds an integer constant expression: literals, + - * / % << >> & |,
 * parentheses, and package-level constants of pkg (one level of names,
 * bounded recursion). False when not constant. */
bool syn_const_int(struct gopkg *pkg, const struct gofile *f, GNode n,
		   int64_t *out);

/* The innermost function_declaration, method_declaration or func_literal
 * enclosing n (n itself excluded), or a null node. */
GNode syn_enclosing_func(GNode n);
/* The innermost for_statement enclosing n inside its function, or a null
 * node when a func literal or the declaration comes first. */
GNode syn_enclosing_loop(GNode n);
bool syn_is_func(GNode n);

/* True when the statement is terminating in the sense of the Go spec
 * (return, panic, os.Exit/log.Fatal*, goto, endless for without break,
 * select{} ..., if/else both terminating, block ending with one). */
bool syn_terminating(const struct gofile *f, GNode stmt);
/* True when a break targeting loop (unlabeled inside it, not inside a
 * nested for/switch/select or func literal; or labeled with its label)
 * occurs in the loop body. */
bool syn_loop_has_break(const struct gofile *f, GNode loop);

/* True when n sits inside a loop with no condition (`for {}`, `for ;; {}`)
 * of its own function. */
bool syn_in_endless_loop(GNode n);
/* True for a for statement with no condition and no range clause. */
bool syn_endless_for(GNode loop);
/* True for a file excluded from every build (`//go:build ignore`, a
 * generator program living beside the package). */
bool syn_file_ignored(const struct gofile *f);

/* True when f imports the package path. */
bool syn_imports(const struct gofile *f, const char *path);

/* Last named non-comment statement of a block, or a null node. */
GNode syn_last_stmt(GNode block);

/* True when the anonymous token tok is a child of n (e.g. ":=" in a range
 * clause). */
bool syn_has_token(GNode n, const char *tok);

/* True when the ticker channel ch (`time.Tick(d)` or `time.NewTicker(d).C`,
 * whose ticker nobody holds) leaks its ticker: ch is used only inside its
 * function (ranged over, received from, or kept in a local that does not
 * escape to a goroutine, a return, a field) and that function can return
 * after it (a return after ch or in a loop around it, or a body that can
 * finish normally). Never for package-level expressions or main() of
 * package main. *fn receives the enclosing function. */
bool syn_tick_chan_leaks(const struct gofile *f, GNode ch, GNode *fn);

#endif /* LH_STATIC_SYN_H */
