package lh302

import (
	"net/http"
	"sync"
	"time"
)

// Every request appends to an audit trail nobody trims.
var (
	auditMu sync.Mutex
	audit   []string
)

func auditRequest(w http.ResponseWriter, r *http.Request) {
	auditMu.Lock()
	audit = append(audit, r.URL.Path) // want LH302 "audit is appended to here and never truncated or reset"
	auditMu.Unlock()
}

// Appends two values at a time, still never trimmed.
var samples []float64

func observe(lat, size float64) {
	samples = append(samples, lat, size) // want LH302
}

// Declared with make and appended in a method of an unrelated type.
type recorder struct{ name string }

var history = make([]time.Time, 0, 16)

func (r *recorder) mark() {
	history = append(history, time.Now()) // want LH302
}

// A work queue: items are popped from the front.
var queue []string

func push(s string) { queue = append(queue, s) }

func pop() string {
	s := queue[0]
	queue = queue[1:]
	return s
}

// A buffer reset after each flush.
var pendingLines []string

func addLine(s string) { pendingLines = append(pendingLines, s) }

func flushLines() {
	pendingLines = pendingLines[:0]
}

// Dropped entirely.
var errs []error

func record(err error) { errs = append(errs, err) }
func clearErrs()       { errs = nil }

// Filled only at init.
var defaults []string

func init() {
	defaults = append(defaults, "a", "b")
}

// A registry of callbacks: bounded by the code that registers them.
var hooks []func()

func onExit(f func()) { hooks = append(hooks, f) }

// Items removed by index.
var members []string

func join(m string) { members = append(members, m) }

func leave(i int) {
	members = append(members[:i], members[i+1:]...)
}

// A local slice shadows the global.
var words []string

func split(s string) int {
	var words []string
	for i := range s {
		words = append(words, s[i:i+1])
	}
	return len(words)
}

// Writes to existing elements do not grow the slice.
var slots = make([]int, 8)

func set(i, v int) { slots[i] = v }
