/*
 * classes.c - names, titles and fix advice of the seven leak classes, and
 * severity/confidence names. The advice is what a finding prints when its
 * rule gives nothing more specific.
 */
#include <strings.h>

#include "core/core.h"

struct lh_class_info {
	const char *name, *title, *advice;
};

static const struct lh_class_info classes[] = {
	[LH_CLASS_NONE] = { "none", "no class", "" },
	[LH_CLASS_GOROUTINE] = {
		"goroutine", "goroutine leak",
		"Give every goroutine a way out: buffer the channel for the "
		"number of sends (cap 1 for a single result), select on "
		"ctx.Done() next to every blocking send or receive, close the "
		"channel from the producer (defer close(ch)), and unlock or call "
		"Done on every path (defer mu.Unlock(), defer wg.Done()).",
	},
	[LH_CLASS_TIMER] = {
		"timer", "timer or context leak",
		"Stop what you start: defer t.Stop() right after "
		"time.NewTicker/NewTimer, call the cancel func of "
		"context.WithCancel/WithTimeout on every path (defer cancel()), "
		"and use a reusable time.Timer instead of time.After inside "
		"loops. With go >= 1.23 in go.mod unreferenced timers are "
		"collected, but Stop still ends the work.",
	},
	[LH_CLASS_GLOBAL] = {
		"global", "unbounded global collection",
		"Bound the collection: evict with a TTL or an LRU, delete "
		"entries when their owner ends, or cap the size before "
		"inserting. Go maps never shrink: recreate the map (or clear "
		"it, Go >= 1.21) when it is emptied.",
	},
	[LH_CLASS_SUBSLICE] = {
		"subslice", "sub-slice pinning a large array",
		"Copy the small part before keeping it: bytes.Clone(b[i:j]) or "
		"strings.Clone(s[i:j]) (Go >= 1.20), append([]byte(nil), "
		"b[i:j]...), or copy into a new slice of the right size.",
	},
	[LH_CLASS_CLOSURE] = {
		"closure", "closure keeping a large value alive",
		"Capture only what the closure uses: copy len(x) or the one "
		"field into a local before the func literal, and capture that "
		"local instead of the large value.",
	},
	[LH_CLASS_POOL] = {
		"pool", "sync.Pool misuse",
		"Put pointers, not values (store *[]byte or *bytes.Buffer); drop "
		"buffers larger than a cap instead of putting them back (if "
		"b.Cap() > 64<<10 { return }); never pool things that must be "
		"closed: the pool drops them at GC without closing.",
	},
	[LH_CLASS_RESOURCE] = {
		"resource", "resource not released",
		"Release on every path: defer x.Close() right after the error "
		"check of the call that opened it (resp.Body.Close() for HTTP, "
		"rows.Close() for queries, cmd.Wait() after Start), close "
		"inside loops without defer, or hand the resource to an owner "
		"that closes it.",
	},
};

static enum lh_class class__clamp(enum lh_class c)
{
	return (unsigned)c < ARRAY_SIZE(classes) ? c : LH_CLASS_NONE;
}

const char *lh_class_name(enum lh_class c)
{
	return classes[class__clamp(c)].name;
}

const char *lh_class_title(enum lh_class c)
{
	return classes[class__clamp(c)].title;
}

const char *lh_class_advice(enum lh_class c)
{
	return classes[class__clamp(c)].advice;
}

static const char *const severities[] = { "info", "warning", "error" };
static const char *const confidences[] = { "low", "medium", "high" };

const char *lh_severity_name(enum lh_severity s)
{
	return (unsigned)s < ARRAY_SIZE(severities) ? severities[s] : "?";
}

const char *lh_confidence_name(enum lh_confidence c)
{
	return (unsigned)c < ARRAY_SIZE(confidences) ? confidences[c] : "?";
}

bool lh_severity_parse(const char *s, enum lh_severity *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(severities); i++) {
		if (strcasecmp(s, severities[i]) == 0) {
			*out = (enum lh_severity)i;
			return true;
		}
	}
	return false;
}

bool lh_confidence_parse(const char *s, enum lh_confidence *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(confidences); i++) {
		if (strcasecmp(s, confidences[i]) == 0) {
			*out = (enum lh_confidence)i;
			return true;
		}
	}
	return false;
}
