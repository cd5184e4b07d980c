/*
 * report.h - helpers shared by the renderers, suppressions, baseline and
 * autofix in src/report/ (internal; the public API is leakhound.h).
 *
 * JSON values are jansson's: every rj_* constructor returns a new reference
 * the caller passes on (json_object_set_new) or decrefs.
 */
#ifndef LH_REPORT_H
#define LH_REPORT_H

#include <jansson.h>

#include "core/core.h"

/* A JSON string of s (NULL -> JSON null). Bytes that are not UTF-8 become
 * U+FFFD so that a strange file name or snippet never loses a finding. */
json_t *rj_str(const char *s);
json_t *rj_strn(const char *s, size_t n);
/* Appends s to b with invalid UTF-8 replaced by U+FFFD. */
void rj_utf8_repair(struct buf *b, const char *s, size_t n);
/* Writes v (indented, keys in insertion order) and a newline; takes
 * ownership of v. LH_ERR when writing fails. */
enum lh_status rj_dump(FILE *out, json_t *v);

/* The fingerprint as 16 lowercase hex digits into out[17]. */
void report_fingerprint_hex(uint64_t fp, char out[17]);
/* The fix advice a finding prints: its own, or its class's. */
const char *report_advice(const struct lh_finding *x);

/* Replaces path's contents with data[0..len) through a temporary file in
 * the same directory and rename(2), keeping the old file's mode. On failure
 * the file is unchanged and err says why. */
enum lh_status report_write_atomic(const char *path, const char *data,
				   size_t len, struct lh_error *err);

/* ---------------------------------------------------------------- fix */

/* One edit of one file, from finding number `group`. */
struct fix_edit {
	uint32_t start, end; /* bytes [start, end) replaced */
	const char *text;    /* borrowed */
	size_t group;
	bool accepted;
};

/* Chooses the edits to apply to a file of len bytes: groups are taken in
 * order 0..ngroups-1, each whole or not at all (rejected[g] set) when an
 * edit overlaps an accepted one or lies outside the file. Identical edits
 * of two groups are applied once. Reorders e: the accepted edits come
 * first, sorted by offset; returns their number. */
size_t fix_select(struct fix_edit *e, size_t n, size_t len, size_t ngroups,
		  bool *rejected);
/* Appends src with the n sorted, non-overlapping edits applied to out. */
void fix_apply(const char *src, size_t len, const struct fix_edit *e,
	       size_t n, struct buf *out);
/* Appends to out a unified diff (3 lines of context; "--- a/path" and
 * "+++ b/path" for relative paths) of applying the edits to src. */
void fix_diff(struct buf *out, const char *path, const char *src, size_t len,
	      const struct fix_edit *e, size_t n);

#endif /* LH_REPORT_H */
