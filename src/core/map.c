/*
 * map.c - open-addressing (linear probing) hash map, byte-string keys.
 * Hashing is xxhash's XXH3. Load factor kept under 3/4.
 */
#include <stdlib.h>
#include <xxhash.h>

#include "core.h"

uint64_t lh_hash(const void *data, size_t n)
{
	return XXH3_64bits(data, n);
}

void map_init(struct map *m)
{
	m->slots = NULL;
	m->cap = m->len = 0;
}

void map_release(struct map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	map_init(m);
}

static struct map_entry *map__find(const struct map *m, const char *key,
				   size_t klen, uint64_t h)
{
	size_t mask = m->cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct map_entry *e = &m->slots[i];

		if (!e->key)
			return e;
		if (e->hash == h && e->klen == klen &&
		    memcmp(e->key, key, klen) == 0)
			return e;
	}
}

static void map__grow(struct map *m)
{
	struct map old = *m;

	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < old.cap; i++) {
		if (old.slots[i].key)
			*map__find(m, old.slots[i].key, old.slots[i].klen,
				   old.slots[i].hash) = old.slots[i];
	}
	free(old.slots);
}

void *map_get(const struct map *m, const char *key, size_t klen)
{
	struct map_entry *e;

	if (!m->cap)
		return NULL;
	e = map__find(m, key, klen, lh_hash(key, klen));
	return e->key ? e->value : NULL;
}

void *map_gets(const struct map *m, const char *key)
{
	return map_get(m, key, strlen(key));
}

struct map_entry *map_slot(struct map *m, const char *key, size_t klen)
{
	uint64_t h = lh_hash(key, klen);
	struct map_entry *e;

	if ((m->len + 1) * 4 > m->cap * 3)
		map__grow(m);
	e = map__find(m, key, klen, h);
	if (!e->key) {
		e->key = xstrndup(key, klen);
		e->klen = klen;
		e->hash = h;
		e->value = NULL;
		m->len++;
	}
	return e;
}

void *map_put(struct map *m, const char *key, size_t klen, void *value)
{
	struct map_entry *e = map_slot(m, key, klen);
	void *old = e->value;

	e->value = value;
	return old;
}

void *map_puts(struct map *m, const char *key, void *value)
{
	return map_put(m, key, strlen(key), value);
}
