package lh301

import (
	"sync"
	"time"
)

// Sessions are deleted on logout: a cleanup path exists.
var sessions = map[string]time.Time{}

func login(id string)  { sessions[id] = time.Now() }
func logout(id string) { delete(sessions, id) }

// A size check guards the insert.
const maxEntries = 1000

var bounded = map[string]string{}

func remember(k, v string) {
	if len(bounded) >= maxEntries {
		return
	}
	bounded[k] = v
}

// Written only at init.
var mimeTypes = map[string]string{}

func init() {
	mimeTypes[".html"] = "text/html"
	mimeTypes[".css"] = "text/css"
}

// Keys from a bounded set: constants and the cases of a switch.
var counters = map[string]int{}

func count(kind string) {
	switch kind {
	case "get", "put", "delete":
		counters[kind]++
	default:
		counters["other"]++
	}
}

// The key type is an enum.
type Level int

const (
	Debug Level = iota
	Info
	Error
)

var perLevel = map[Level]int{}

func logAt(l Level) { perLevel[l]++ }

// A local map shadows the global: the global is never written.
var scratch = map[string]int{}

func tally(words []string) int {
	scratch := map[string]int{}
	for _, w := range words {
		scratch[w]++
	}
	return len(scratch) + len(globalScratchUse())
}

func globalScratchUse() map[string]int { return nil }

// Reset periodically by reassignment.
var window = map[string]int{}

func hit(k string) { window[k]++ }

func flush() {
	window = make(map[string]int)
}

// A sync.Map with a Delete path.
var conns sync.Map

func track(id string, c interface{}) { conns.Store(id, c) }
func untrack(id string)              { conns.Delete(id) }

// Filled once through sync.Once.
var (
	tableOnce sync.Once
	table     map[string]int
)

func lookupTable(k string) int {
	tableOnce.Do(func() {
		table = map[string]int{}
		for i, s := range []string{"a", "b", "c"} {
			table[s] = i
		}
	})
	return table[k]
}

// Handed to a function of the package that may shrink it: we cannot argue.
var pending = map[string]int{}

func enqueue(k string) {
	pending[k]++
	prune(pending)
}

func prune(m map[string]int) {
	for k, v := range m {
		if v > 10 {
			delete(m, k)
		}
	}
}

// Keyed by type: bounded by the types of the program.
type rtype struct{ name string }

var sizes = map[*rtype]int{}

func sizeOf(t *rtype) int {
	if n, ok := sizes[t]; ok {
		return n
	}
	sizes[t] = len(t.name)
	return sizes[t]
}
