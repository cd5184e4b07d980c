/*
 * expvar.c - /debug/vars JSON (package expvar): {"cmdline": [...],
 * "memstats": {runtime.MemStats fields}, <custom vars>}. jansson reads it
 * through a callback on the stream, so the input is bounded by
 * limits->max_message before any tree is built past it.
 */
#include <jansson.h>

#include "runtime/rtinternal.h"

struct ev {
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	uint64_t total;
	bool failed, toolarge;
};

static size_t ev__read(void *buffer, size_t n, void *data)
{
	struct ev *e = data;
	ptrdiff_t k;

	if (e->failed)
		return (size_t)-1;
	k = snap_stream_read(e->in, buffer, n, e->lim, e->err);
	if (k < 0) {
		e->failed = true;
		return (size_t)-1;
	}
	e->total += (uint64_t)k;
	if (e->total > e->lim->max_message) {
		e->failed = e->toolarge = true;
		return (size_t)-1;
	}
	return (size_t)k;
}

enum lh_status expvar_parse(struct snapshot *s, struct snap_stream *in,
			    const struct snap_limits *lim_in,
			    struct lh_error *err)
{
	struct snap_limits lim;
	struct ev e = { in, NULL, err, 0, false, false };
	json_error_t je;
	json_t *root, *ms, *v;
	const char *key;

	snap_limits_resolve(&lim, lim_in);
	e.lim = &lim;
	root = json_load_callback(ev__read, &e, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		if (e.toolarge)
			return snap_fail_at(err, in, e.total,
					    "JSON larger than the limit of %zu "
					    "bytes",
					    lim.max_message);
		if (e.failed)
			return LH_ERR;
		return snap_fail_at(err, in, (uint64_t)je.position,
				    "bad JSON: %s", je.text);
	}
	ms = json_is_object(root) ? json_object_get(root, "memstats") : NULL;
	if (!json_is_object(ms)) {
		json_decref(root);
		return snap_fail_at(err, in, 0,
				    "not expvar output: no \"memstats\" "
				    "object");
	}
	json_object_foreach(ms, key, v) {
		if (json_is_number(v))
			snap_memstat_set(&s->mem, key, strlen(key),
					 json_number_value(v));
	}
	json_decref(root);
	s->has |= SNAP_HAS_EXPVAR;
	return LH_OK;
}
