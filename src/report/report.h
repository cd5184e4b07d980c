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

#endif /* LH_REPORT_H */
