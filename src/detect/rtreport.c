/*
 * rtreport.c - runtime items to findings: the message states the fact seen
 * in the data (how many goroutines wait where, how much memory a site
 * holds and how it moved), the location is the first user frame, mapped
 * onto the source tree given with --src when there is one.
 */
#include <stdio.h>

#include "detect/rt.h"
#include "golang/golang.h"

/* ---------------------------------------------------------------- source map */

enum lh_status rt_src_init(struct rt_src *s, const char *dir,
			   struct lh_error *err)
{
	char *pattern = xasprintf("%s/...", dir);
	const char *paths[1] = { pattern };
	struct discover_options o = { 0 };
	godir_vec dirs = VEC_INIT;
	size_t errors = 0, dl = strlen(dir);

	memset(s, 0, sizeof(*s));
	map_init(&s->cache);
	s->dir = xstrdup(dir);
	discover(paths, 1, &o, &dirs, &errors);
	free(pattern);
	for (size_t i = 0; i < dirs.len; i++) {
		for (size_t k = 0; k < dirs.items[i].files.len; k++) {
			const char *f = dirs.items[i].files.items[k];

			VEC_PUSH(&s->files, xstrdup(f));
		}
	}
	discover_free(&dirs);
	if (errors || s->files.len == 0) {
		rt_src_release(s);
		return lh_fail(err, dir, "no readable .go files under --src");
	}
	(void)dl;
	return LH_OK;
}

void rt_src_release(struct rt_src *s)
{
	for (size_t i = 0; i < s->files.len; i++)
		free(s->files.items[i]);
	VEC_FREE(&s->files);
	map_release(&s->cache);
	free(s->dir);
	s->dir = NULL;
}

/* Number of trailing path elements a and b share (whole elements). */
static size_t common_suffix(const char *a, const char *b)
{
	size_t i = strlen(a), k = strlen(b), n = 0;

	while (i > 0 && k > 0 && a[i - 1] == b[k - 1]) {
		i--;
		k--;
		if (a[i] == '/')
			n++;
	}
	if ((i == 0 || a[i - 1] == '/') && (k == 0 || b[k - 1] == '/'))
		n++;
	return n;
}

const char *rt_src_map(struct rt_src *s, const char *frame_file)
{
	struct map_entry *e;
	size_t best = 0, besti = 0;
	bool tie = false;

	if (!s || !frame_file)
		return NULL;
	e = map_slot(&s->cache, frame_file, strlen(frame_file));
	if (e->value)
		return *(char *)e->value ? e->value : NULL;
	for (size_t i = 0; i < s->files.len; i++) {
		size_t n = common_suffix(s->files.items[i], frame_file);

		if (n > best) {
			best = n;
			besti = i;
			tie = false;
		} else if (n == best && n) {
			tie = true;
		}
	}
	/* the file name must match; two equally good candidates: none */
	e->value = best && !tie ? s->files.items[besti] : (char *)"";
	return *(char *)e->value ? e->value : NULL;
}

bool rt_src_line(const char *path, uint32_t line, char *out, size_t n)
{
	FILE *fp = fopen(path, "r");
	uint32_t cur = 1;
	size_t k = 0;
	int c;

	if (!fp || !n)
		return fp ? (fclose(fp), false) : false;
	while ((c = getc(fp)) != EOF && cur <= line) {
		if (c == '\n') {
			cur++;
			continue;
		}
		if (cur == line && k + 1 < n)
			out[k++] = (char)c;
	}
	fclose(fp);
	out[k] = '\0';
	return cur > line || (cur == line && k > 0);
}

/* ---------------------------------------------------------------- findings */

static void human_bytes(double v, char *out, size_t n)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	size_t u = 0;

	while (v >= 1024 && u + 1 < ARRAY_SIZE(units)) {
		v /= 1024;
		u++;
	}
	snprintf(out, n, u ? "%.1f %s" : "%.0f %s", v, units[u]);
}

/* Location of frame f: mapped through src, or as printed when that file
 * exists; snippet from the file when readable. */
static void locate(struct rt_src *src, const struct snap_frame *f,
		   struct lh_loc *loc, char *snip, size_t n)
{
	const char *path = NULL;

	memset(loc, 0, sizeof(*loc));
	snip[0] = '\0';
	if (!f || !f->file)
		return;
	if (src)
		path = rt_src_map(src, f->file);
	if (!path)
		path = f->file;
	loc->path = path;
	loc->line = f->line;
	loc->col = 0;
	if (f->line && !rt_src_line(path, f->line, snip, n))
		snip[0] = '\0';
	/* point at the statement: the first non-blank character */
	if (snip[0]) {
		size_t i = 0;

		while (snip[i] == ' ' || snip[i] == '\t')
			i++;
		if (snip[i])
			loc->col = (uint32_t)i + 1;
	}
}

/* Locates a finding at `at` (rt_site_frame): a user frame is mapped through
 * src, a standard library frame is not (its file is in GOROOT, and a
 * user file of the same name is not it). */
static void locate_site(struct rt_src *src, const struct snap_frame *at,
			bool is_user, struct lh_finding *f, char *snip,
			size_t n)
{
	locate(is_user ? src : NULL, at, &f->loc, snip, n);
	f->function = at ? at->func : NULL;
	f->snippet = snip[0] ? snip : NULL;
}

/* A step saying the location is not user code, when it is not. */
static void note_no_user_frame(lh_findings *out, struct lh_finding *x,
			       const struct snap_frame *at, bool is_user)
{
	struct lh_step st = { 0 };

	if (is_user || !at)
		return;
	st.note = "no frame of these stacks is user code: the location is "
		  "the first one outside the runtime";
	lh_findings_add_step(out, x, &st);
}

/* Adds the finding of item it located at `at` (rt_site_frame), with its
 * rule, confidence, fix and message (copied). */
static struct lh_finding *add_finding(lh_findings *out,
				      const struct rt_item *it,
				      struct rt_src *src,
				      const struct snap_frame *at,
				      bool is_user, const char *msg)
{
	struct lh_finding f = { 0 };
	struct lh_finding *x;
	char snip[512];

	locate_site(src, at, is_user, &f, snip, sizeof(snip));
	f.rule = it->rule;
	f.severity = it->rule->severity;
	f.confidence = it->conf;
	f.message = msg;
	f.fix = rt_rule_fix(it->rule);
	x = lh_findings_add(out, &f);
	note_no_user_frame(out, x, at, is_user);
	return x;
}

static void values(struct buf *b, const struct rt_item *it, size_t n,
		   bool bytes)
{
	for (size_t i = 0; i < n; i++) {
		char h[32];

		if (bytes)
			human_bytes(it->v[i], h, sizeof(h));
		else
			snprintf(h, sizeof(h), "%.0f", it->v[i]);
		buf_printf(b, "%s%s", i ? " -> " : "", h);
	}
}

static void report_goroutines(const struct rt_analysis *a,
			      const struct rt_item *it, struct rt_src *src,
			      lh_findings *out)
{
	const struct snap_gbucket *b = it->gb;
	size_t n = a->n;
	struct lh_finding *x;
	struct buf msg = BUF_INIT;
	char snip[512];
	bool is_user;
	const struct snap_frame *at = rt_site_frame(&b->stack, b->block, &is_user);
	double cnt = it->v[n - 1];

	if (it->rule == &lh_rule_lh791) {
		double w = it->pair ? it->pair->v[n - 1] : 0;

		buf_printf(&msg,
			   "%.0f http connections wait for their response body "
			   "to be read (net/http persistConn readLoop%s)",
			   cnt, w > 0 ? " and writeLoop goroutines" : "");
	} else if (it->rule == &lh_rule_lh190) {
		buf_printf(&msg, "%.0f goroutines accumulate in %s", cnt,
			   at ? at->func : "?");
	} else {
		buf_printf(&msg, "%.0f goroutine%s blocked %s %s in %s", cnt,
			   cnt == 1 ? "" : "s",
			   it->rule == &lh_rule_lh193 ? "forever on" : "in",
			   snap_wait_name(it->wait), at ? at->func : "?");
	}
	if (b->creator.func && it->rule != &lh_rule_lh791)
		buf_printf(&msg, ", created by %s", b->creator.func);
	if (n > 1)
		buf_printf(&msg, " (%s: %+.0f over %zu snapshots)",
			   rt_trend_name(it->trend), cnt - it->v[0], n);
	if (b->max_wait > 0)
		buf_printf(&msg, ", waiting up to %lld minutes",
			   (long long)b->max_wait);
	if (b->flags & SNAP_G_LEAKED)
		buf_adds(&msg, ", flagged (leaked) by the runtime");
	x = add_finding(out, it, src, at, is_user, msg.data);
	if (b->creator.func && b->creator.file) {
		struct lh_step st = { 0 };
		char note[600];

		locate(snap_frame_origin(b->creator.func) == SNAP_ORIGIN_USER
			       ? src
			       : NULL,
		       &b->creator, &st.loc, snip, sizeof(snip));
		snprintf(note, sizeof(note), "started by the go statement in %s",
			 b->creator.func);
		st.note = note;
		lh_findings_add_step(out, x, &st);
	}
	if (n > 1) {
		struct lh_step st = { 0 };

		buf_reset(&msg);
		buf_adds(&msg, "goroutines per snapshot: ");
		values(&msg, it, n, false);
		st.note = msg.data;
		lh_findings_add_step(out, x, &st);
	}
	buf_release(&msg);
}

/* What a heap site's memory is, by the rule that classified it. */
static const char *heap_what(const struct lh_rule *r)
{
	static const struct {
		const struct lh_rule *rule;
		const char *what;
	} whats[] = {
		{ &lh_rule_lh291, "timers/tickers" },
		{ &lh_rule_lh292, "contexts" },
		{ &lh_rule_lh792, "files/sockets" },
		{ &lh_rule_lh791, "http connection buffers" },
		{ &lh_rule_lh391, "map memory" },
		{ &lh_rule_lh392, "slice memory" },
		{ &lh_rule_lh691, "pool objects" },
		{ &lh_rule_lh491, "large buffers" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(whats); i++)
		if (whats[i].rule == r)
			return whats[i].what;
	return "memory";
}

static void report_heap(const struct rt_analysis *a, const struct rt_item *it,
			struct rt_src *src, lh_findings *out)
{
	const struct snap_hsite *h = it->hs;
	size_t n = a->n;
	struct lh_finding *x;
	struct buf msg = BUF_INIT;
	char snip[512], b1[32], b2[32], ob[32];
	bool is_user;
	const struct snap_frame *at = rt_site_frame(&h->stack, h->user, &is_user);
	const char *what;

	what = heap_what(it->rule);
	human_bytes(it->v[n - 1], b2, sizeof(b2));
	if (n > 1) {
		human_bytes(it->v[0], b1, sizeof(b1));
		buf_printf(&msg, "%s allocated here in use: %s -> %s over %zu "
				 "snapshots (%s)",
			   what, b1, b2, n, rt_trend_name(it->trend));
	} else {
		buf_printf(&msg, "%s allocated here in use: %s", what, b2);
	}
	buf_printf(&msg, ", about %.0f objects", it->obj[n - 1]);
	if (it->merged && it->obj[n - 1] > 0) {
		human_bytes(it->v[n - 1] / it->obj[n - 1], ob, sizeof(ob));
		buf_printf(&msg, " of %s on average", ob);
	} else if (h->obj_bytes > 0) {
		human_bytes((double)h->obj_bytes, ob, sizeof(ob));
		buf_printf(&msg, " of %s", ob);
	}
	x = add_finding(out, it, src, at, is_user, msg.data);
	/* the callers above the site, up to three user frames */
	for (uint32_t i = (uint32_t)(h->user + 1), k = 0;
	     is_user && i < h->stack.nframes && k < 3; i++) {
		const struct snap_frame *fr = &h->stack.frames[i];
		struct lh_step st = { 0 };
		char note[300];

		if (snap_frame_origin(fr->func) != SNAP_ORIGIN_USER)
			continue;
		locate(src, fr, &st.loc, snip, sizeof(snip));
		snprintf(note, sizeof(note), "called from %s", fr->func);
		st.note = note;
		lh_findings_add_step(out, x, &st);
		k++;
	}
	buf_release(&msg);
}

void rt_report(const struct rt_analysis *a, const struct rt_options *o,
	       struct rt_src *src, lh_findings *out)
{
	(void)o;
	for (size_t i = 0; i < a->items.len; i++) {
		const struct rt_item *it = a->items.items[i];

		if (!it->rule)
			continue;
		if (it->heap)
			report_heap(a, it, src, out);
		else
			report_goroutines(a, it, src, out);
	}
}
