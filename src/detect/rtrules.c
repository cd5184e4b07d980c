/*
 * rtrules.c - the runtime rules (LHc9x, c = the class digit). They share
 * one classifier (rt.c), so they live in one family file: each is a
 * descriptor with kind LH_RULE_RUNTIME and no run(), and a fix text more
 * specific than its class advice. Docs: src/detect/lhNNN.md.
 */
#include "detect/rt.h"

#define RT_RULE(lc, ID, nm, ttl, cls, sev)                                     \
	const struct lh_rule lh_rule_##lc = {                                  \
		.id = ID, .name = nm, .title = ttl, .class = cls,             \
		.severity = sev, .kind = LH_RULE_RUNTIME, .since = "0.1",     \
	}

RT_RULE(lh190, "LH190", "goroutines-accumulate",
	"goroutines keep accumulating at one place", LH_CLASS_GOROUTINE,
	LH_SEV_WARNING);
RT_RULE(lh191, "LH191", "goroutines-blocked-on-channel",
	"goroutines pile up blocked on a channel operation",
	LH_CLASS_GOROUTINE, LH_SEV_ERROR);
RT_RULE(lh192, "LH192", "goroutines-blocked-on-lock",
	"goroutines pile up on a lock, WaitGroup or Cond", LH_CLASS_GOROUTINE,
	LH_SEV_ERROR);
RT_RULE(lh193, "LH193", "goroutines-blocked-forever",
	"goroutines blocked on a nil channel or an empty select",
	LH_CLASS_GOROUTINE, LH_SEV_ERROR);
RT_RULE(lh291, "LH291", "timers-accumulate",
	"live timers or tickers keep accumulating at one site",
	LH_CLASS_TIMER, LH_SEV_WARNING);
RT_RULE(lh292, "LH292", "contexts-accumulate",
	"contexts that are never cancelled keep accumulating",
	LH_CLASS_TIMER, LH_SEV_WARNING);
RT_RULE(lh390, "LH390", "heap-site-grows",
	"in-use memory keeps growing at one allocation site", LH_CLASS_GLOBAL,
	LH_SEV_WARNING);
RT_RULE(lh391, "LH391", "map-grows", "a map keeps growing and is never trimmed",
	LH_CLASS_GLOBAL, LH_SEV_WARNING);
RT_RULE(lh392, "LH392", "slice-grows",
	"a slice keeps growing by append and is never trimmed",
	LH_CLASS_GLOBAL, LH_SEV_WARNING);
RT_RULE(lh491, "LH491", "large-buffers-retained",
	"large buffers allocated at one site are retained",
	LH_CLASS_SUBSLICE, LH_SEV_WARNING);
RT_RULE(lh591, "LH591", "closure-allocations-grow",
	"memory allocated in a func literal keeps growing", LH_CLASS_CLOSURE,
	LH_SEV_INFO);
RT_RULE(lh691, "LH691", "pool-keeps-allocating",
	"a sync.Pool keeps allocating new objects that stay live",
	LH_CLASS_POOL, LH_SEV_WARNING);
RT_RULE(lh791, "LH791", "http-connections-held",
	"http connections held open by unread response bodies",
	LH_CLASS_RESOURCE, LH_SEV_ERROR);
RT_RULE(lh792, "LH792", "files-accumulate",
	"open files or sockets keep accumulating at one site",
	LH_CLASS_RESOURCE, LH_SEV_WARNING);

static const struct {
	const struct lh_rule *rule;
	const char *fix;
} fixes[] = {
	{ &lh_rule_lh190,
	  "Open the line and find what it waits on; every goroutine started "
	  "there needs a way to return: a buffered channel, a select on "
	  "ctx.Done(), or a close() by the producer." },
	{ &lh_rule_lh191,
	  "Nobody will ever take the other side of this channel operation. "
	  "Buffer the channel for the number of sends (make(chan T, 1) for a "
	  "single result), select on ctx.Done() next to the send or receive, "
	  "or close the channel from the producer so receivers and range "
	  "loops end." },
	{ &lh_rule_lh192,
	  "The lock is never released or the count never reaches zero: use "
	  "defer mu.Unlock() right after Lock, call wg.Done() in a defer at "
	  "the top of each goroutine (Add before go), Signal/Broadcast after "
	  "every state change, and take locks in one global order." },
	{ &lh_rule_lh193,
	  "A nil channel blocks forever: make the channel before use (or "
	  "guard the nil case), and replace select {} with a wait on a "
	  "done channel or ctx.Done()." },
	{ &lh_rule_lh291,
	  "Stop every ticker and timer: defer t.Stop() right after "
	  "time.NewTicker/NewTimer; inside loops reuse one time.Timer "
	  "instead of time.After. Before Go 1.23 (or with asynctimerchan=1) "
	  "an unstopped ticker is never collected." },
	{ &lh_rule_lh292,
	  "Call the cancel func of context.WithCancel/WithTimeout/WithDeadline "
	  "on every path (defer cancel()): until then the child stays in its "
	  "parent's children set, with its timer." },
	{ &lh_rule_lh390,
	  "Something keeps what is allocated here: a global map, slice, "
	  "cache or registry without eviction. Bound it (LRU, TTL, cap) or "
	  "delete entries when their owner ends." },
	{ &lh_rule_lh391,
	  "Bound the map: evict with a TTL or an LRU, or delete keys when "
	  "their owner ends. Maps never shrink: recreate (or clear, Go 1.21+) "
	  "a map that was once large." },
	{ &lh_rule_lh392,
	  "Bound the slice: drop or trim old elements (copy the tail into a "
	  "new slice, s = s[:0] keeps the array), or use a ring buffer." },
	{ &lh_rule_lh491,
	  "Large buffers stay alive because a small piece of them is kept: "
	  "copy the piece (bytes.Clone, strings.Clone, append([]byte(nil), "
	  "b[i:j]...)) before storing it, and read with a size limit." },
	{ &lh_rule_lh591,
	  "A long-lived func literal keeps what it captures: capture only the "
	  "values it uses, and unregister callbacks when done." },
	{ &lh_rule_lh691,
	  "Objects taken from the pool are never put back (or the pool is "
	  "dropped): Put them back when done (defer pool.Put(b)), and do not "
	  "keep pooled objects after returning them." },
	{ &lh_rule_lh791,
	  "Close every response body: defer resp.Body.Close() right after the "
	  "error check, drain it (io.Copy(io.Discard, resp.Body)) to reuse the "
	  "connection, and set client timeouts." },
	{ &lh_rule_lh792,
	  "Close what you open: defer f.Close() right after the error check, "
	  "also on error paths; don't keep *os.File or net.Conn in long-lived "
	  "structures without closing them." },
};

const char *rt_rule_fix(const struct lh_rule *r)
{
	for (size_t i = 0; i < ARRAY_SIZE(fixes); i++) {
		if (fixes[i].rule == r)
			return fixes[i].fix;
	}
	return NULL;
}
