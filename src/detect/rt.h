/*
 * rt.h - runtime detection: from one or more snapshots of the same kind to
 * ranked items (goroutine buckets or heap sites followed across the
 * snapshots), each classified into a leak class, and from those to
 * findings (FORMATS.md "leak signatures").
 *
 * One snapshot: items are ranked by how suspicious they look (count, wait
 * kind, wait minutes, in-use bytes); only shapes that cannot be benign or
 * that are concentrated enough become findings, with the confidence saying
 * how sure. Several snapshots in time order: each item gets its values per
 * snapshot and a verdict (growing, stable, shrinking); growing items of a
 * leak class become findings, flat ones (worker pools, caches that reached
 * their size) do not.
 *
 * Ownership: an rt_analysis borrows its snapshots (they must outlive it)
 * and owns its items, in its arena.
 */
#ifndef LH_DETECT_RT_H
#define LH_DETECT_RT_H

#include "runtime/snapshot.h"

struct rt_options {
	uint64_t min_count;	/* goroutines in one bucket worth a finding (5) */
	int64_t long_wait;	/* minutes that make a wait suspicious (10) */
	int64_t large_object;	/* bytes: a "large object" site (32 KiB) */
	double min_rise_rel;	/* growth that counts, relative (0.05) */
	int64_t min_rise_bytes; /* growth that counts, heap bytes (64 KiB) */
	double noise_z;	/* heap growth over its sampling noise, in standard
			 * deviations (2.576, as series_options.z_noise) */
};
#define RT_OPTIONS_INIT { 5, 10, 32 * 1024, 0.05, 64 * 1024, 2.576 }

enum rt_trend { RT_SINGLE = 0, RT_GROWING, RT_STABLE, RT_SHRINKING };
const char *rt_trend_name(enum rt_trend t); /* "", "growing", ... */

/* Source files under a directory, to map frames (possibly -trimpath'd or
 * built elsewhere) to files on disk by the longest common path suffix. */
struct rt_src {
	char *dir;
	VEC(char *) files; /* paths relative to dir */
	struct map cache;  /* frame file -> mapped path ("" = none) */
	VEC(char *) owned;
};
/* Lists the .go files under dir (skipping vendor/testdata/hidden). */
LH_WARN_UNUSED enum lh_status rt_src_init(struct rt_src *s, const char *dir,
					  struct lh_error *err);
void rt_src_release(struct rt_src *s);
/* The file under dir for a frame's file, or NULL. Borrowed: valid until
 * s is released. */
const char *rt_src_map(struct rt_src *s, const char *frame_file);
/* Line `line` (1-based) of path, without its newline, into out (bounded).
 * False when unreadable. */
bool rt_src_line(const char *path, uint32_t line, char *out, size_t n);

struct rt_item {
	bool heap;
	uint64_t key;
	/* per snapshot: the bucket/site or NULL when absent there */
	const struct snap_gbucket **g;
	const struct snap_hsite **h;
	double *v;   /* goroutines, or in-use bytes */
	double *obj; /* heap: in-use objects */
	double *var; /* heap: sampling variance of v (snap_hsite.inuse_var) */
	double *freed; /* heap: bytes freed so far (alloc - in-use) */
	const struct snap_gbucket *gb; /* representative (newest present) */
	const struct snap_hsite *hs;
	uint64_t merged; /* buckets of one snapshot folded into this key */
	enum rt_trend trend;
	bool monotonic; /* every step non-decreasing */
	double score;
	const struct lh_rule *rule; /* the class, or NULL: nothing to report */
	enum lh_confidence conf;
	enum snap_wait wait; /* goroutines: after source sniffing */
	const struct rt_item *pair; /* LH791: the writeLoop partner */
};

struct rt_analysis {
	struct arena arena;
	const struct snapshot *const *snaps;
	size_t n;
	bool heap;
	VEC(struct rt_item *) items; /* most suspicious first */
};

/* Follows the goroutine buckets (heap = false) or heap sites (heap = true)
 * of snaps[0..n) (time order) and classifies them. src may be NULL. */
void rt_analyze(struct rt_analysis *a, const struct snapshot *const *snaps,
		size_t n, bool heap, const struct rt_options *o,
		struct rt_src *src);
void rt_analysis_release(struct rt_analysis *a);

/* One finding per classified item, located at its first user frame
 * (mapped through src when given). */
void rt_report(const struct rt_analysis *a, const struct rt_options *o,
	       struct rt_src *src, lh_findings *out);

/* The frame a runtime finding is located at: the first user frame (index
 * `user` of st, -1 none), else, for stacks wholly in the runtime and the
 * standard library (net/http's connection goroutines, a listener's fds),
 * the first frame outside the runtime: where they wait or allocate.
 * *is_user says which. NULL when the stack is all runtime. Borrowed from
 * st. */
const struct snap_frame *rt_site_frame(const struct snap_stack *st, int user,
				       bool *is_user);
/* True when a heap site allocates files or sockets (os.newFile,
 * net.newFD, ... in its stack). */
bool rt_heap_opens_fds(const struct snap_hsite *h);

/* The runtime rules (src/detect/rtrules.c). */
extern const struct lh_rule lh_rule_lh190, lh_rule_lh191, lh_rule_lh192,
	lh_rule_lh193, lh_rule_lh291, lh_rule_lh292, lh_rule_lh390,
	lh_rule_lh391, lh_rule_lh392, lh_rule_lh491, lh_rule_lh591,
	lh_rule_lh691, lh_rule_lh791, lh_rule_lh792;
/* The rule-specific fix advice of a runtime rule, or NULL. */
const char *rt_rule_fix(const struct lh_rule *r);

#endif /* LH_DETECT_RT_H */
