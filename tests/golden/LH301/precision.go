package lh301

import (
	"net"
	"strings"
	"sync"
	"time"
)

// Exported: other packages may reset or delete from it, so nothing here
// can argue that it is never shrunk.
var KnownHosts = map[string]bool{}

func AddKnownHost(h string) { KnownHosts[h] = true }

// The key is a parameter of an unexported function whose every call site
// passes a constant: a bounded set of keys (one counter per base name).
var (
	nameMu   sync.Mutex
	nameNext = make(map[string]int)
)

func uniqueName(base string) string {
	nameMu.Lock()
	defer nameMu.Unlock()
	nameNext[base]++
	return base
}

func WrapServerConn(c net.Conn) string { return uniqueName("server") }
func WrapClientConn(c net.Conn) string { return uniqueName("client") }

// The same helper called with a value from the caller's caller: every
// connection's address is a new key.
var (
	perAddrMu sync.Mutex
	perAddr   = make(map[string]int)
)

func countAddr(addr string) {
	perAddrMu.Lock()
	perAddr[addr]++ // want LH301 "perAddr"
	perAddrMu.Unlock()
}

func Accepted(c net.Conn) { countAddr(c.RemoteAddr().String()) }

// The key is built from the values of a fixed table (never written at run
// time): at most one entry per combination of its flags.
type modeFlags int

var modeNames = map[string]modeFlags{"a": 1, "b": 2, "c": 4}

var (
	modeMu    sync.Mutex
	modeCache = map[modeFlags]*time.Time{}
)

func ModeCurve(spec string) *time.Time {
	var flags modeFlags
	for _, s := range strings.Split(spec, "|") {
		flags |= modeNames[s]
	}
	modeMu.Lock()
	defer modeMu.Unlock()
	c := modeCache[flags]
	if c == nil {
		c = new(time.Time)
		modeCache[flags] = c
	}
	return c
}

// A fresh key per call (a time stamp): high confidence even in a
// function that also reads the map.
var byStamp = map[int64]string{}

func Stamp(s string) string {
	k := time.Now().UnixNano()
	if old, ok := byStamp[k]; ok {
		return old
	}
	byStamp[k] = s // want LH301 "byStamp"
	return s
}

// A memo cache keyed by what callers pass: it grows with the number of
// distinct keys, which callers we cannot see decide (low confidence,
// shown with --min-confidence low).
var (
	compiledMu sync.Mutex
	compiled   = map[string][]string{}
)

func Fields(pattern string) []string {
	compiledMu.Lock()
	defer compiledMu.Unlock()
	if f, ok := compiled[pattern]; ok {
		return f
	}
	f := strings.Fields(pattern)
	compiled[pattern] = f // want LH301 "distinct keys"
	return f
}

// A function handed to a helper that calls it in place, from start-up
// code only: runs once.
var builtins = map[string]int{}

func fillBuiltins() {
	for i, n := range []string{"len", "cap"} {
		builtins[n] = i
	}
}

func runNow(f func()) { f() }

func init() { runNow(fillBuiltins) }

// A function stored for later runs any time: its writes count.
var lateSeen = map[string]bool{}

var OnEvent = func(id string) {
	lateSeen[id] = true // want LH301 "lateSeen"
}

// Written only under a debug switch that is a constant false: dead code.
const debugTimers = false

var timers = map[string]time.Time{}

func startTimer(name string) {
	if debugTimers {
		timers[name] = time.Now()
	}
}

// A memo keyed by a field of the receiver: the object's creator chose it
// (low confidence, like a key its callers pass).
type tokenSource struct{ key string }

var (
	tokensMu sync.Mutex
	tokens   = map[string]*time.Time{}
)

func (ts *tokenSource) token() *time.Time {
	tokensMu.Lock()
	defer tokensMu.Unlock()
	t, ok := tokens[ts.key]
	if !ok {
		t = new(time.Time)
		tokens[ts.key] = t // want LH301 "distinct keys"
	}
	return t
}

// An exported setter: the keys are what other packages pass (medium
// confidence, shown by default).
var (
	timeoutsMu sync.Mutex
	timeouts   = map[string]time.Duration{}
)

func SetTimeout(key string, d time.Duration) {
	timeoutsMu.Lock()
	timeouts[key] = d // want LH301 "callers of the package's API"
	timeoutsMu.Unlock()
}
