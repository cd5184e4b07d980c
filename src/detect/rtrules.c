/*
 * rtrules.c - the runtime rules (LHc9x, c = the class digit). They share
 * one classifier (rt.c), so they live in one family file: each is a
 * descriptor with kind LH_RULE_RUNTIME and no run(), and a fix text more
 * specific than its class advice. Docs: src/detect/lhNNN.md.
 *
 * One table row per rule: number, name, class, severity, title, fix. It
 * is expanded twice: into the descriptors lh_rule_lhNNN and into the fix
 * lookup.
 */
#include "detect/rt.h"

#define RT_RULES(X) \
	X(190, "goroutines-accumulate", \
	  LH_CLASS_GOROUTINE, LH_SEV_WARNING, \
	  "goroutines keep accumulating at one place", \
	  "Open the line and find what it waits on; every goroutine " \
	  "started there needs a way to return: a buffered channel, a " \
	  "select on ctx.Done(), or a close() by the producer.") \
	X(191, "goroutines-blocked-on-channel", \
	  LH_CLASS_GOROUTINE, LH_SEV_ERROR, \
	  "goroutines pile up blocked on a channel operation", \
	  "Nobody will ever take the other side of this channel " \
	  "operation. Buffer the channel for the number of sends " \
	  "(make(chan T, 1) for a single result), select on ctx.Done() " \
	  "next to the send or receive, or close the channel from the " \
	  "producer so receivers and range loops end.") \
	X(192, "goroutines-blocked-on-lock", \
	  LH_CLASS_GOROUTINE, LH_SEV_ERROR, \
	  "goroutines pile up on a lock, WaitGroup or Cond", \
	  "The lock is never released or the count never reaches zero: " \
	  "use defer mu.Unlock() right after Lock, call wg.Done() in a " \
	  "defer at the top of each goroutine (Add before go), " \
	  "Signal/Broadcast after every state change, and take locks in " \
	  "one global order.") \
	X(193, "goroutines-blocked-forever", \
	  LH_CLASS_GOROUTINE, LH_SEV_ERROR, \
	  "goroutines blocked on a nil channel or an empty select", \
	  "A nil channel blocks forever: make the channel before use " \
	  "(or guard the nil case), and replace select {} with a wait " \
	  "on a done channel or ctx.Done().") \
	X(291, "timers-accumulate", \
	  LH_CLASS_TIMER, LH_SEV_WARNING, \
	  "live timers or tickers keep accumulating at one site", \
	  "Stop every ticker and timer: defer t.Stop() right after " \
	  "time.NewTicker/NewTimer; inside loops reuse one time.Timer " \
	  "instead of time.After. Before Go 1.23 (or with " \
	  "asynctimerchan=1) an unstopped ticker is never collected.") \
	X(292, "contexts-accumulate", \
	  LH_CLASS_TIMER, LH_SEV_WARNING, \
	  "contexts that are never cancelled keep accumulating", \
	  "Call the cancel func of " \
	  "context.WithCancel/WithTimeout/WithDeadline on every path " \
	  "(defer cancel()): until then the child stays in its parent's " \
	  "children set, with its timer.") \
	X(390, "heap-site-grows", \
	  LH_CLASS_GLOBAL, LH_SEV_WARNING, \
	  "in-use memory keeps growing at one allocation site", \
	  "Something keeps what is allocated here: a global map, slice, " \
	  "cache or registry without eviction. Bound it (LRU, TTL, cap) " \
	  "or delete entries when their owner ends.") \
	X(391, "map-grows", \
	  LH_CLASS_GLOBAL, LH_SEV_WARNING, \
	  "a map keeps growing and is never trimmed", \
	  "Bound the map: evict with a TTL or an LRU, or delete keys " \
	  "when their owner ends. Maps never shrink: recreate (or " \
	  "clear, Go 1.21+) a map that was once large.") \
	X(392, "slice-grows", \
	  LH_CLASS_GLOBAL, LH_SEV_WARNING, \
	  "a slice keeps growing by append and is never trimmed", \
	  "Bound the slice: drop or trim old elements (copy the tail " \
	  "into a new slice, s = s[:0] keeps the array), or use a ring " \
	  "buffer.") \
	X(491, "large-buffers-retained", \
	  LH_CLASS_SUBSLICE, LH_SEV_WARNING, \
	  "large buffers allocated at one site are retained", \
	  "Large buffers stay alive because a small piece of them is " \
	  "kept: copy the piece (bytes.Clone, strings.Clone, " \
	  "append([]byte(nil), b[i:j]...)) before storing it, and read " \
	  "with a size limit.") \
	X(591, "closure-allocations-grow", \
	  LH_CLASS_CLOSURE, LH_SEV_INFO, \
	  "memory allocated in a func literal keeps growing", \
	  "A long-lived func literal keeps what it captures: capture " \
	  "only the values it uses, and unregister callbacks when done.") \
	X(691, "pool-keeps-allocating", \
	  LH_CLASS_POOL, LH_SEV_WARNING, \
	  "a sync.Pool keeps allocating new objects that stay live", \
	  "Objects taken from the pool are never put back (or the pool " \
	  "is dropped): Put them back when done (defer pool.Put(b)), " \
	  "and do not keep pooled objects after returning them.") \
	X(791, "http-connections-held", \
	  LH_CLASS_RESOURCE, LH_SEV_ERROR, \
	  "http connections held open by unread response bodies", \
	  "Close every response body: defer resp.Body.Close() right " \
	  "after the error check, drain it (io.Copy(io.Discard, " \
	  "resp.Body)) to reuse the connection, and set client " \
	  "timeouts.") \
	X(792, "files-accumulate", \
	  LH_CLASS_RESOURCE, LH_SEV_WARNING, \
	  "open files or sockets keep accumulating at one site", \
	  "Close what you open: defer f.Close() right after the error " \
	  "check, also on error paths; don't keep *os.File or net.Conn " \
	  "in long-lived structures without closing them.")

#define RT_DESCRIPTOR(n, nm, cls, sev, ttl, fx)                               \
	const struct lh_rule lh_rule_lh##n = {                                 \
		.id = "LH" #n, .name = nm, .title = ttl, .class = cls,         \
		.severity = sev, .kind = LH_RULE_RUNTIME, .since = "0.1",     \
	};
RT_RULES(RT_DESCRIPTOR)

#define RT_FIX(n, nm, cls, sev, ttl, fx) { &lh_rule_lh##n, fx },
static const struct {
	const struct lh_rule *rule;
	const char *fix;
} fixes[] = { RT_RULES(RT_FIX) };

const char *rt_rule_fix(const struct lh_rule *r)
{
	for (size_t i = 0; i < ARRAY_SIZE(fixes); i++) {
		if (fixes[i].rule == r)
			return fixes[i].fix;
	}
	return NULL;
}
