/*
 * tsalloc.c - the allocator tree-sitter parses with.
 *
 * A parse makes and frees millions of small blocks (subtrees of 40-100
 * bytes, child arrays, stack nodes), then the tree is flattened and
 * deleted at once (parse.c). glibc's malloc costs ~9% of a parse in
 * instructions, and more in time in a threaded process, where every
 * call outside its small per-thread cache takes an arena lock. Here each
 * thread keeps free lists by size (16-byte classes up to 1 KiB) carved
 * from 256 KiB slabs: a malloc or a free is a list push or pop, with no
 * lock. Larger blocks go to malloc.
 *
 * Blocks carry a 16-byte header with their class (0: from malloc), so a
 * block may be freed by any thread: it joins that thread's lists. Memory
 * is never handed back to the system, but it is reused: when a thread
 * ends, its lists and the rest of its slab wait in a global stack for the
 * next thread (a scan's workers, then the next scan's), so what is held is
 * the peak of what the parses in flight needed at once. The slabs are on
 * a global list, reachable: LeakSanitizer does not count them, and
 * tree-sitter's own leaks would go unseen (none are known).
 *
 * tree-sitter requires the allocator to be set before its first
 * allocation (a block from one allocator must not reach the other):
 * a constructor sets it before main(). tsparse (bench/) measures the
 * parse with tree-sitter's default, glibc's malloc.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "golang/golang.h"

#define TA_GRAN 16u
#define TA_CLASSES 64u /* up to 1 KiB */
#define TA_SLAB ((size_t)256 << 10)

struct ta_hdr {
	uint32_t cls; /* size class; 0: a malloc block */
	uint32_t pad[3];
};

/* A thread's free lists and the unused end of its current slab. */
struct ta_cache {
	void *free[TA_CLASSES + 1];
	char *bump, *end;
	struct ta_cache *next; /* in the stack of caches nobody uses */
};

struct ta_slab {
	struct ta_slab *next;
};

static pthread_mutex_t ta_mu = PTHREAD_MUTEX_INITIALIZER;
static struct ta_cache *ta_idle;  /* caches of threads that ended */
static struct ta_slab *ta_slabs; /* every slab: reachable */
static pthread_key_t ta_key;
static pthread_once_t ta_key_once = PTHREAD_ONCE_INIT;
static _Thread_local struct ta_cache *ta_mine;

static void ta_release(void *p)
{
	struct ta_cache *c = p;

	/* a later free in this thread's exit takes a cache again (and gives
	 * it back in the next round of destructors) */
	ta_mine = NULL;
	pthread_mutex_lock(&ta_mu);
	c->next = ta_idle;
	ta_idle = c;
	pthread_mutex_unlock(&ta_mu);
}

static void ta_key_init(void)
{
	if (pthread_key_create(&ta_key, ta_release) != 0)
		LH_BUG("pthread_key_create failed");
}

static struct ta_cache *ta_cache(void)
{
	struct ta_cache *c = ta_mine;

	if (c)
		return c;
	pthread_once(&ta_key_once, ta_key_init);
	pthread_mutex_lock(&ta_mu);
	c = ta_idle;
	if (c)
		ta_idle = c->next;
	pthread_mutex_unlock(&ta_mu);
	if (!c)
		c = xcalloc(1, sizeof(*c));
	c->next = NULL;
	ta_mine = c;
	/* handed back when the thread ends */
	pthread_setspecific(ta_key, c);
	return c;
}

static void *ta_carve(struct ta_cache *c, uint32_t cls)
{
	size_t sz = sizeof(struct ta_hdr) + (size_t)cls * TA_GRAN;
	struct ta_hdr *h;

	if ((size_t)(c->end - c->bump) < sz) {
		/* the rest of the old slab (under 1 KiB) is dropped */
		struct ta_slab *s = xmalloc(TA_SLAB);

		pthread_mutex_lock(&ta_mu);
		s->next = ta_slabs;
		ta_slabs = s;
		pthread_mutex_unlock(&ta_mu);
		c->bump = (char *)s + sizeof(struct ta_hdr);
		c->end = (char *)s + TA_SLAB;
	}
	h = (struct ta_hdr *)c->bump;
	c->bump += sz;
	h->cls = cls;
	return h + 1;
}

void *go_ts_malloc(size_t n)
{
	uint32_t cls = (uint32_t)((n + TA_GRAN - 1) / TA_GRAN);
	struct ta_cache *c;
	void *p;

	if (n > (size_t)TA_CLASSES * TA_GRAN) {
		struct ta_hdr *h = xmalloc(sizeof(*h) + n);

		h->cls = 0;
		return h + 1;
	}
	if (!cls)
		cls = 1;
	c = ta_cache();
	p = c->free[cls];
	if (p) {
		c->free[cls] = *(void **)p;
		/* the next pop reads that block: fetch it now */
		__builtin_prefetch(c->free[cls]);
		return p;
	}
	return ta_carve(c, cls);
}

void go_ts_free(void *p)
{
	struct ta_hdr *h;
	struct ta_cache *c;

	if (!p)
		return;
	h = (struct ta_hdr *)p - 1;
	if (!h->cls) {
		free(h);
		return;
	}
	c = ta_cache();
	*(void **)p = c->free[h->cls];
	c->free[h->cls] = p;
}

void *go_ts_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		LH_BUG("calloc size overflow");
	p = go_ts_malloc(n * size);
	memset(p, 0, n * size);
	return p;
}

void *go_ts_realloc(void *p, size_t n)
{
	struct ta_hdr *h;
	size_t have;
	void *q;

	if (!p)
		return go_ts_malloc(n);
	h = (struct ta_hdr *)p - 1;
	if (!h->cls) {
		if (n > (size_t)TA_CLASSES * TA_GRAN) {
			h = xrealloc(h, sizeof(*h) + n);
			return h + 1;
		}
		/* a malloc block shrinking into a class: n bytes are its */
		q = go_ts_malloc(n);
		memcpy(q, p, n);
		free(h);
		return q;
	}
	have = (size_t)h->cls * TA_GRAN;
	if (n <= have)
		return p;
	q = go_ts_malloc(n);
	memcpy(q, p, have);
	go_ts_free(p);
	return q;
}

__attribute__((constructor)) static void ta_install(void)
{
	ts_set_allocator(go_ts_malloc, go_ts_calloc, go_ts_realloc,
			 go_ts_free);
}

void go_tsalloc_link(void)
{
}
