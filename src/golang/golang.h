/*
 * golang.h - the Go source model: discovery of files and packages, go.mod,
 * parsing with tree-sitter, AST helpers and the per-package index.
 *
 * A struct gopkg owns its files, their sources and trees, and one arena for
 * everything derived from them (index entries, interned strings, facts that
 * rules compute). gopkg_free() releases all of it in one call.
 *
 * GNode values are views into a file's TSTree: valid until the package is
 * freed. Copy byte ranges into the arena when they must outlive it.
 */
#ifndef LH_GOLANG_H
#define LH_GOLANG_H

#include <stdatomic.h>
#include <tree_sitter/api.h>

#include "core/core.h"

/* ================================================================ go.mod */

struct gomod {
	bool found;	       /* false: no go.mod above the package */
	char *path;	       /* the go.mod file, or NULL */
	char *module;	       /* module path, or NULL */
	int go_major, go_minor; /* from the `go` line; 0.0 when absent */
	bool asynctimerchan;   /* godebug asynctimerchan=1 (pre-1.23 timers) */
	bool asynctimerchan_off; /* godebug asynctimerchan=0 (collected) */
	/* godebug default=goX.Y: the settings of that release; 0.0 when
	 * absent */
	int default_major, default_minor;
};

/* Parses go.mod text. Errors, as for the go command: a NUL byte or invalid
 * UTF-8, an unknown directive, a malformed `go` line, a block left open at
 * the end. Lines inside blocks other than godebug are skipped. path is
 * copied. */
enum lh_status gomod_parse(struct gomod *m, const char *path, const char *text,
			   size_t len, struct lh_error *err);
void gomod_release(struct gomod *m);
/* True when timers and tickers nobody references are collected (Go >= 1.23
 * without asynctimerchan=1). With no go.mod the newest Go is assumed.
 * godebug lines decide over the `go` line: asynctimerchan=1 or =0, else
 * default=goX.Y as if the module said go X.Y. */
bool gomod_timers_collected(const struct gomod *m);
/* Why timers are not collected under m, for messages: "go 1.19 < 1.23",
 * "godebug asynctimerchan=1", "godebug default=go1.21". Written to buf. */
const char *gomod_timers_why(const struct gomod *m, char *buf, size_t n);
/* Applies one godebug setting ("asynctimerchan=1", "default=go1.21") to
 * m, as a godebug line of go.mod or a //go:debug directive would. */
void gomod_godebug(struct gomod *m, const char *s, size_t len);
/* True when the module's Go version is at least major.minor (true without
 * a go.mod: newest Go assumed; a go.mod without a `go` line means go 1.16,
 * as for the go command). */
bool gomod_at_least(const struct gomod *m, int major, int minor);

/* ================================================================ files */

struct goimport {
	const char *name; /* local name: alias, or last path element; "_"/"." */
	const char *path; /* "net/http" */
};

/* ================================================================ trees */

/* A parsed file's syntax tree, flattened: tree-sitter parses the file, one
 * walk copies every node its API shows (named and anonymous, comments
 * included) into an array in pre-order, and tree-sitter's tree is deleted
 * at once. Reading a node is then an array access: tree-sitter 0.20 pays
 * a walk of child iterators for a child, a field or a parent, ~400
 * instructions a call, and its nodes lie scattered in the heap.
 *
 * A node's children follow it: the first at its position + 1, the others
 * by `next`. Positions in links are position + 1, 0 meaning none. */
struct gnrec {
	uint32_t start, end; /* bytes */
	uint32_t parent;     /* position + 1 of the parent; 0: the root */
	uint32_t next;	     /* position + 1 of the next sibling; 0: last */
	uint32_t row;	     /* 0-based line of start */
	uint32_t nkids;	     /* children */
	uint32_t nnamed;     /* named children */
	TSSymbol sym;	     /* ts_node_symbol (aliases resolved) */
	uint8_t field;	     /* field of the node in its parent, 0: none */
	uint8_t flags;	     /* GN_NAMED */
};
#define GN_NAMED 1u

struct gtree {
	struct gnrec *n; /* pre-order; n[0] is the root */
	uint32_t len;
	const uint32_t *line_starts; /* the file's, for end points */
	uint32_t nlines;
};

/* A node: its tree and its position + 1 (0: the null node). A zeroed
 * GNode is null. Valid while its file lives. */
typedef struct {
	const struct gtree *tree;
	uint32_t id;
} GNode;

/* A cursor over the subtree of the node it was made at, as tree-sitter's:
 * it never leaves that subtree. */
typedef struct {
	const struct gtree *tree;
	uint32_t root, at;
} GCursor;

/* The gn_* and gc_* calls answer what tree-sitter's ts_node_* and
 * ts_tree_cursor_* of the same names answer on the tree the file was
 * parsed into (tests/unit/test_gtree.c compares them node by node). On a
 * null node they answer null, 0 or false. */
static inline const struct gnrec *gn__rec(GNode n)
{
	return &n.tree->n[n.id - 1];
}
static inline GNode gn__at(const struct gtree *t, uint32_t id)
{
	GNode r = { id ? t : NULL, id };

	return r;
}
static inline bool gn_is_null(GNode n)
{
	return n.id == 0;
}
static inline bool gn_eq(GNode a, GNode b)
{
	return a.id == b.id && a.tree == b.tree;
}
/* A key for n unique among the nodes of all live trees (NULL for the
 * null node): its record's address. */
static inline const void *gn_key(GNode n)
{
	return n.id ? (const void *)gn__rec(n) : NULL;
}
static inline TSSymbol gn_symbol(GNode n)
{
	return n.id ? gn__rec(n)->sym : 0;
}
static inline bool gn_is_named(GNode n)
{
	return n.id && (gn__rec(n)->flags & GN_NAMED);
}
static inline uint32_t gn_start_byte(GNode n)
{
	return n.id ? gn__rec(n)->start : 0;
}
static inline uint32_t gn_end_byte(GNode n)
{
	return n.id ? gn__rec(n)->end : 0;
}
static inline uint32_t gn_child_count(GNode n)
{
	return n.id ? gn__rec(n)->nkids : 0;
}
static inline uint32_t gn_named_child_count(GNode n)
{
	return n.id ? gn__rec(n)->nnamed : 0;
}
static inline GNode gn_parent(GNode n)
{
	return n.id ? gn__at(n.tree, gn__rec(n)->parent) : n;
}
static inline GNode gn__first(GNode n)
{
	return n.id && gn__rec(n)->nkids ? gn__at(n.tree, n.id + 1) : gn__at(NULL, 0);
}
static inline GNode gn__next(GNode n)
{
	return gn__at(n.tree, gn__rec(n)->next);
}
GNode gn_child(GNode n, uint32_t i);
GNode gn_named_child(GNode n, uint32_t i);
GNode gn_next_named_sibling(GNode n);
GNode gn_prev_named_sibling(GNode n);
GNode gn_child_by_field_id(GNode n, TSFieldId fid);
GNode gn_first_child_for_byte(GNode n, uint32_t byte);
GNode gn_descendant_for_byte_range(GNode n, uint32_t start, uint32_t end);
GNode gn_named_descendant_for_byte_range(GNode n, uint32_t start,
					 uint32_t end);
TSPoint gn_start_point(GNode n);
TSPoint gn_end_point(GNode n);
const char *gn_type(GNode n);

static inline GCursor gc_new(GNode n)
{
	GCursor c = { n.tree, n.id, n.id };

	return c;
}
static inline void gc_delete(GCursor *c)
{
	(void)c;
}
static inline void gc_reset(GCursor *c, GNode n)
{
	*c = gc_new(n);
}
static inline GNode gc_current_node(const GCursor *c)
{
	return gn__at(c->tree, c->at);
}
static inline bool gc_goto_first_child(GCursor *c)
{
	if (!c->at || !c->tree->n[c->at - 1].nkids)
		return false;
	c->at++;
	return true;
}
static inline bool gc_goto_next_sibling(GCursor *c)
{
	uint32_t next;

	if (c->at == c->root || !(next = c->tree->n[c->at - 1].next))
		return false;
	c->at = next;
	return true;
}
static inline bool gc_goto_parent(GCursor *c)
{
	if (c->at == c->root)
		return false;
	c->at = c->tree->n[c->at - 1].parent;
	return true;
}
/* The field of the current node in its parent; 0 at the cursor's root. */
static inline TSFieldId gc_current_field_id(const GCursor *c)
{
	return c->at == c->root ? 0 : c->tree->n[c->at - 1].field;
}

/* A vector of nodes. */
typedef VEC(GNode) go_node_vec;

/* One node recorded by the checking walk: its kind, its depth below the
 * root and the innermost function (declaration, method or literal) around
 * it, as the position + 1 of that function's entry in the same array (0:
 * none; function nodes are recorded whenever anything is). */
struct gonode {
	GNode node;
	uint16_t depth; /* trees are at most 32768 deep (go_limits) */
	TSSymbol sym;
	uint32_t func;
};

struct gofile {
	char *path;    /* display path, as discovered */
	char *src;     /* file contents (NUL-terminated), owned */
	size_t len;
	struct gtree *tree; /* owned */
	uint32_t *line_starts; /* byte offset of each line; owned */
	uint32_t nlines;
	bool is_test;
	const char *pkgname;	/* package clause (arena) */
	struct goimport *imports; /* owned; paths and names in the arena */
	size_t nimports;
	struct gopkg *pkg;	/* the package holding the file */
	/* The nodes of the kinds in index_mask, in source order (pre-order),
	 * recorded by the walk that checks the tree after parsing (see
	 * go_limits.index); static/walk.h reads them. Owned. */
	VEC(struct gonode) nodes;
	/* The positions in nodes grouped by kind, in source order within a
	 * kind: those of kind s are by_kind[kind_start[s] .. kind_start[s +
	 * 1]). Owned; NULL when nothing is recorded. */
	uint32_t *by_kind, *kind_start;
	/* The named children of the root (declarations, comments), in order:
	 * gn_named_child(root, i) in a loop is quadratic. Owned. */
	go_node_vec top;
	const unsigned char *index_mask; /* borrowed; NULL: not indexed */
	uint32_t deepest; /* depth of the deepest node below the root */
};

/* The root of f's tree. */
static inline GNode go_root(const struct gofile *f)
{
	return gn__at(f->tree, f->tree && f->tree->len ? 1 : 0);
}


/* ================================================================ packages */

/* What a package-level name is. */
enum godecl_kind { GODECL_FUNC, GODECL_METHOD, GODECL_VAR, GODECL_CONST,
		   GODECL_TYPE };

struct godecl {
	enum godecl_kind kind;
	const char *name;     /* "Get"; for methods "Type.Method" (no '*') */
	const char *recv;     /* receiver type name for methods, else NULL */
	bool recv_ptr;	      /* method has a pointer receiver */
	struct gofile *file;
	GNode node;	      /* function_declaration, method_declaration,
				 var_spec, const_spec, type_spec */
};

struct gopkg {
	char *dir;	       /* directory, as discovered */
	struct gofile **files;
	size_t nfiles;
	const struct gomod *mod; /* nearest go.mod (shared, never NULL) */
	struct arena arena;    /* index and everything rules derive */
	struct map decls;      /* name -> struct godecl* (first seen wins) */
	VEC(struct godecl *) funcs; /* funcs and methods, in file order */
	void *facts[8];	       /* per-analysis caches, see static/pass.h */
};

/* ================================================================ parse */

/* Does nothing: parse.c calls it so that tsalloc.c, which installs the
 * allocator tree-sitter parses with before main() runs, is linked in
 * wherever the parser is. */
void go_tsalloc_link(void);
/* That allocator (tsalloc.c), for its tests: malloc, calloc, realloc and
 * free's contracts, on blocks of these four only. */
void *go_ts_malloc(size_t n);
void *go_ts_calloc(size_t n, size_t size);
void *go_ts_realloc(void *p, size_t n);
void go_ts_free(void *p);

/* The tree-sitter Go language (from the pinned grammar). */
const TSLanguage *go_language(void);

/* Bounds on one Go file (docs/limits.md). A file past one is an input
 * error, never a partial parse. */
struct go_limits {
	size_t max_file_size; /* bytes; 0 = no limit below 4 GiB */
	uint32_t max_depth;   /* AST nesting levels */
	/* Node kinds to record in gofile.nodes while the tree is checked,
	 * by TSSymbol (go_symbol_count() bytes, borrowed; it must outlive
	 * the file); NULL records nothing. */
	const unsigned char *index;
};
#define GO_MAX_FILE_DEFAULT ((size_t)16 << 20)
/* Every tree handed to rules is at most this deep, so an AST walker may
 * recurse once per level with frames up to 2 KiB within the 64 MiB stack
 * of a pool worker (core.h): 16384 x 2 KiB = 32 MiB, half of it. Real code
 * goes deep: the standard library's time/tzdata/zipdata.go is one constant
 * of ~7100 concatenated strings, a binary expression ~7100 levels deep. */
#define GO_MAX_DEPTH_DEFAULT 16384u
#define GO_LIMITS_DEFAULT { GO_MAX_FILE_DEFAULT, GO_MAX_DEPTH_DEFAULT, NULL }

/* Reads and parses path (a regular file) into a new gofile. Rejects, with
 * NULL and err filled ("cannot parse 'x.go': ..."): files past lim, NUL
 * bytes, invalid UTF-8, syntax errors, a missing package clause. lim NULL
 * = GO_LIMITS_DEFAULT. Caller frees with gofile_free(). */
struct gofile *gofile_load(TSParser *parser, const char *path,
			   const struct go_limits *lim, struct lh_error *err);
/* True when src carries Go's generated-code marker: a line
 * `// Code generated ... DO NOT EDIT.` before the package clause. */
bool go_src_generated(const char *src, size_t len);
/* gofile_load that skips generated code: for a generated file returns NULL
 * with *generated set and err untouched, before any parse. */
struct gofile *gofile_load_code(TSParser *parser, const char *path,
				const struct go_limits *lim, bool *generated,
				struct lh_error *err);
/* Same, from memory (copied), with GO_LIMITS_DEFAULT. */
struct gofile *gofile_parse(TSParser *parser, const char *path,
			    const char *src, size_t len, struct lh_error *err);
/* Same, with the limits lim (NULL = GO_LIMITS_DEFAULT). */
struct gofile *gofile_parse_limited(TSParser *parser, const char *path,
				    const char *src, size_t len,
				    const struct go_limits *lim,
				    struct lh_error *err);
void gofile_free(struct gofile *f);

/* New empty package for dir. Takes ownership of nothing; dir is copied. */
struct gopkg *gopkg_new(const char *dir, const struct gomod *mod);
/* Adds a parsed file. Takes ownership of f. */
void gopkg_add(struct gopkg *p, struct gofile *f);
/* Builds the index (imports, package-level decls). Call once, after adding
 * every file. */
void gopkg_index(struct gopkg *p);
void gopkg_free(struct gopkg *p);

/* ================================================================ AST */

/* Node-type symbols and field ids of the Go grammar, looked up once. */
struct go_syms {
	TSSymbol source_file, package_clause, import_declaration, import_spec,
		function_declaration, method_declaration, func_literal,
		var_declaration, var_spec, const_declaration, const_spec,
		type_declaration, type_spec, short_var_declaration,
		assignment_statement, inc_statement, dec_statement,
		expression_statement, call_expression, selector_expression,
		identifier, field_identifier, package_identifier,
		type_identifier, blank_identifier, block, if_statement,
		for_statement, range_clause, for_clause, expression_switch_statement,
		type_switch_statement, select_statement, expression_case,
		default_case, type_case, communication_case,
		return_statement, defer_statement, go_statement,
		send_statement, receive_statement, unary_expression,
		binary_expression, labeled_statement, break_statement,
		continue_statement, goto_statement, fallthrough_statement,
		expression_list, argument_list, parameter_list,
		parameter_declaration, variadic_parameter_declaration,
		composite_literal, literal_value, keyed_element,
		literal_element, index_expression, slice_expression,
		parenthesized_expression, type_assertion_expression,
		type_conversion_expression, pointer_type, qualified_type,
		generic_type, map_type, slice_type, array_type, channel_type,
		struct_type, interface_type, function_type,
		int_literal, interpreted_string_literal,
		raw_string_literal, nil, true_, false_, iota, comment,
		empty_statement, field_declaration, field_declaration_list,
		label_name, var_spec_list, import_spec_list, type_alias,
		float_literal, rune_literal, variadic_argument,
		type_instantiation_expression, implicit_length_array_type,
		dot, type_parameter_list, parenthesized_type, interpreted_string_literal_content,
		raw_string_literal_content, escape_sequence, method_elem;
	TSFieldId f_function, f_arguments, f_operand, f_field, f_name,
		f_left, f_right, f_body, f_condition, f_consequence,
		f_alternative, f_initializer, f_update, f_value, f_type,
		f_parameters, f_result, f_receiver, f_path, f_label,
		f_channel, f_communication, f_index, f_start, f_end,
		f_capacity, f_operator, f_key, f_element, f_alias,
		f_type_arguments, f_package, f_length;
};

/* Number of node symbols of the grammar (size of a symbol mask). */
uint32_t go_symbol_count(void);
/* Records f's nodes of the kinds in mask (see go_limits.index) when f
 * was not indexed with that mask yet: one walk of the tree. */
void gofile_index(struct gofile *f, const unsigned char *mask);

/* The symbol table. Thread-safe (initialised once). */
const struct go_syms *go_syms(void);
/* The table once go_syms() has initialised it (NULL before): GS reads it
 * without a call, the rules ask for it ~10^6 times a package set. */
extern _Atomic(const struct go_syms *) go__syms_ready;
static inline const struct go_syms *go__syms_fast(void)
{
	const struct go_syms *s =
		atomic_load_explicit(&go__syms_ready, memory_order_acquire);

	return s ? s : go_syms();
}
#define GS (go__syms_fast())

/* Source bytes of a node; *len receives its length. Borrowed from f. */
const char *go_text(const struct gofile *f, GNode n, size_t *len);
/* go_text() of an identifier, field_identifier, type_identifier or
 * package_identifier: the run of identifier bytes (ASCII letters, digits,
 * '_', any byte of a non-ASCII letter) at its start, which in a tree
 * without errors ends where the name does: the same bytes as go_text(). */
const char *go_ident_text(const struct gofile *f, GNode id, size_t *len);
/* True when the node's text is exactly lit. */
bool go_text_is(const struct gofile *f, GNode n, const char *lit);
/* Copy of the node's text. Allocated in the package arena. */
char *go_text_dup(const struct gofile *f, GNode n);
/* Child by field id: gn_child_by_field_id(). */
static inline GNode go_field_id(GNode n, TSFieldId fid)
{
	return gn_child_by_field_id(n, fid);
}
#define go_field(n, fid) go_field_id((n), GS->fid)
/* 1-based line and byte column of a node's start. */
void go_pos(GNode n, uint32_t *line, uint32_t *col);
/* The text of line (1-based) without its newline. Borrowed from f. */
const char *go_line(const struct gofile *f, uint32_t line, size_t *len);
/* Appends the named children of n to out, in order (gn_named_child(n, i)
 * in a loop is quadratic in their number). */
void go_named_children(GNode n, go_node_vec *out);
/* Skips parentheses: (x) -> x. */
GNode go_unparen(GNode n);

/* For `pkg.Name(...)`-shaped selectors where pkg is an import of f (and not
 * shadowed: callers that track scopes must check that themselves): sets
 * *path to the import path and *name to Name (borrowed from f) and returns
 * true. */
bool go_selector_import(const struct gofile *f, GNode sel, const char **path,
			const char **name, size_t *name_len);
/* Import path bound to local name in f, or NULL. */
const char *go_import_path(const struct gofile *f, const char *name,
			   size_t len);

/* The package-level declaration named name, or NULL. */
const struct godecl *gopkg_lookup(const struct gopkg *p, const char *name);

/* ================================================================ discover */

/* One package to analyse: a directory and the files in it to parse. */
struct godir {
	char *dir;
	VEC(char *) files; /* full paths, sorted */
	bool explicit_files; /* given as file arguments */
	uint64_t bytes;	     /* the files' sizes when discovered, summed */
};

typedef VEC(struct godir) godir_vec;

struct discover_options {
	bool tests; /* include _test.go */
	lh_diag_fn diag;
	void *diag_ctx;
};

/* Expands paths (files, dirs, DIR/... patterns) into packages, sorted by
 * dir. Unreadable or missing inputs go to diag and are counted in *errors.
 * Caller frees with discover_free(). */
void discover(const char *const *paths, size_t npaths,
	      const struct discover_options *o, godir_vec *out,
	      size_t *errors);
void discover_free(godir_vec *dirs);

/* The nearest go.mod at or above dir, parsed once and cached. Borrowed:
 * valid until gomod_cache_free(). Thread-safe. A missing go.mod gives a
 * gomod with found == false. A malformed one is reported through diag once
 * and treated as missing. */
struct gomod_cache;
struct gomod_cache *gomod_cache_new(lh_diag_fn diag, void *diag_ctx);
/* go.mod files larger than max bytes are input errors (0 = the default;
 * scan passes its --max-file-size). Call before the first get. */
#define GOMOD_MAX_SIZE_DEFAULT ((size_t)4 << 20)
void gomod_cache_set_max_size(struct gomod_cache *c, size_t max);
const struct gomod *gomod_cache_get(struct gomod_cache *c, const char *dir);
void gomod_cache_free(struct gomod_cache *c);

#endif /* LH_GOLANG_H */
