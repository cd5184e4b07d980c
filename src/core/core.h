/*
 * core.h - leakhound's shared containers and utilities.
 *
 * Allocation wrappers that abort on out-of-memory, an arena for unit-of-work
 * data, a bounded byte buffer, a typed vector macro, one string-keyed hash map
 * (xxhash), error reporting into struct lh_error, and a fixed-size thread pool.
 *
 * Ownership: functions returning memory say so in their comment; "arena"
 * memory is freed only by arena_release() of the arena that made it.
 */
#ifndef LH_CORE_H
#define LH_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "leakhound/leakhound.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define LH_MIN(a, b) ((a) < (b) ? (a) : (b))
#define LH_MAX(a, b) ((a) > (b) ? (a) : (b))
#define LH_UNUSED(x) ((void)(x))

/*
 * Saturating conversions from double: a value parsed from hostile input
 * (7e73, NaN, -1) becomes the nearest representable integer instead of
 * undefined behaviour. 2^64 and 2^63 are exact doubles, so the compares
 * are exact too.
 */
static inline uint64_t lh_d2u64(double v)
{
	if (!(v > 0))
		return 0; /* also NaN */
	if (v >= 18446744073709551616.0)
		return UINT64_MAX;
	return (uint64_t)v;
}

static inline int64_t lh_d2i64(double v)
{
	if (v != v)
		return 0;
	if (v >= 9223372036854775808.0)
		return INT64_MAX;
	if (v <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)v;
}

#if defined(__GNUC__)
#define LH_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define LH_NORETURN __attribute__((noreturn))
#else
#define LH_PRINTF(f, a)
#define LH_NORETURN
#endif

/* ---------------------------------------------------------------- alloc */

/* Allocation hooks, pluggable so tests can count and fail allocations.
 * On failure the x* wrappers print "leakhound: out of memory" and abort. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. Caller frees with free(). */
char *xasprintf(const char *fmt, ...) LH_PRINTF(1, 2);

/* Broken invariant: print file:line and message, abort. */
LH_NORETURN void lh_bug(const char *file, int line, const char *msg);
#define LH_BUG(msg) lh_bug(__FILE__, __LINE__, (msg))

/* ---------------------------------------------------------------- arena */

/* A bump allocator for data derived from one unit of work (a parsed file, a
 * package, a snapshot). Individual objects are never freed. */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t total;
};
#define ARENA_INIT { NULL, 0 }

void arena_init(struct arena *a);
/* Frees every block. The arena can be reused afterwards. */
void arena_release(struct arena *a);
/* Zeroed, 16-byte aligned memory. Allocated in `a`. */
void *arena_alloc(struct arena *a, size_t n);
/* Copy of s[0..n) plus a NUL. Allocated in `a`. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) LH_PRINTF(2, 3);

/* ---------------------------------------------------------------- buf */

/* A growable byte buffer, always NUL-terminated. `max` (0 = unlimited) bounds
 * its length: buf_add* return false and leave the buffer unchanged when the
 * data would pass it. */
struct buf {
	char *data;
	size_t len, cap, max;
};
#define BUF_INIT { NULL, 0, 0, 0 }

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
bool buf_add(struct buf *b, const void *data, size_t n);
/* Makes room for exactly n more bytes (and the NUL) without adding any:
 * false, and nothing changed, past max. */
bool buf_reserve(struct buf *b, size_t n);
bool buf_adds(struct buf *b, const char *s);
bool buf_addc(struct buf *b, char c);
bool buf_printf(struct buf *b, const char *fmt, ...) LH_PRINTF(2, 3);
bool buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hands the data to the caller and resets the buffer. Caller frees with free(). */
char *buf_detach(struct buf *b, size_t *len);
/* Reads a whole file into b (bounded by b->max). Sets err on failure. */
enum lh_status buf_read_file(struct buf *b, const char *path,
			     struct lh_error *err);

/* ---------------------------------------------------------------- vec */

/* A typed growable array: VEC(int) v = VEC_INIT; VEC_PUSH(&v, 3); */
#define VEC(T)                                                                 \
	struct {                                                               \
		T *items;                                                      \
		size_t len, cap;                                               \
	}
#define VEC_INIT { NULL, 0, 0 }
#define VEC_GROW(v, n)                                                         \
	do {                                                                   \
		if ((v)->len + (n) > (v)->cap) {                               \
			size_t vec__c = (v)->cap ? (v)->cap * 2 : 8;           \
			while (vec__c < (v)->len + (n))                        \
				vec__c *= 2;                                   \
			(v)->items = xrealloc((v)->items,                      \
					      vec__c * sizeof(*(v)->items));   \
			(v)->cap = vec__c;                                     \
		}                                                              \
	} while (0)
#define VEC_PUSH(v, x)                                                         \
	do {                                                                   \
		VEC_GROW(v, 1);                                                \
		(v)->items[(v)->len++] = (x);                                  \
	} while (0)
#define VEC_FREE(v)                                                            \
	do {                                                                   \
		free((v)->items);                                              \
		(v)->items = NULL;                                             \
		(v)->len = (v)->cap = 0;                                       \
	} while (0)

/* ---------------------------------------------------------------- map */

/* Open-addressing hash map from byte-string keys to pointers. Keys are
 * copied into the map (it owns them); values are borrowed. */
struct map_entry {
	char *key;
	size_t klen;
	uint64_t hash;
	void *value;
};
struct map {
	struct map_entry *slots;
	size_t cap, len;
};
#define MAP_INIT { NULL, 0, 0 }

void map_init(struct map *m);
void map_release(struct map *m);
/* The value stored under key, or NULL. */
void *map_get(const struct map *m, const char *key, size_t klen);
void *map_gets(const struct map *m, const char *key);
/* Stores value under key, replacing an old one. Returns the old value. */
void *map_put(struct map *m, const char *key, size_t klen, void *value);
void *map_puts(struct map *m, const char *key, void *value);
/* Slot of key, inserting it with value NULL when missing. */
struct map_entry *map_slot(struct map *m, const char *key, size_t klen);
/* Iterate: for (size_t i = 0; i < m.cap; i++) if (m.slots[i].key) ... */

uint64_t lh_hash(const void *data, size_t n);

/* ---------------------------------------------------------------- errors */

/* Fills err (when not NULL) and returns LH_ERR. Usage:
 *   return lh_fail(err, path, "truncated varint at byte %zu", off); */
enum lh_status lh_fail(struct lh_error *err, const char *input,
		       const char *fmt, ...) LH_PRINTF(3, 4);

/* ---------------------------------------------------------------- pool */

/* A fixed-size thread pool running `fn(item, worker_index, ctx)` over items
 * [0, n). Blocks until all are done. Every worker (even with nthreads 1)
 * runs on a thread of its own with a POOL_STACK_SIZE stack. */
#define POOL_STACK_SIZE ((size_t)64 << 20)
typedef void (*pool_fn)(size_t item, unsigned worker, void *ctx);
void pool_run(unsigned nthreads, size_t n, pool_fn fn, void *ctx);
/* Number of online CPUs (at least 1). */
unsigned lh_ncpu(void);

/* ---------------------------------------------------------------- misc */

bool str_has_prefix(const char *s, const char *prefix);
bool str_has_suffix(const char *s, const char *suffix);
/* True when s[0..n) equals the NUL-terminated lit. */
bool str_eqn(const char *s, size_t n, const char *lit);
/* Offset of the first byte of s[0..n) that does not start a well-formed
 * UTF-8 sequence (overlong forms, surrogates and code points past U+10FFFF
 * are ill-formed), or n when all of it is valid. */
size_t str_utf8_invalid(const char *s, size_t n);

#endif /* LH_CORE_H */
