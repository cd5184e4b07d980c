package lh303

import (
	"sync"
	"time"
)

// A singleton registry: its only instance is package-level, and Add
// writes through the receiver.
type Registry struct {
	mu    sync.Mutex
	items map[string]time.Time
}

var registry = &Registry{items: map[string]time.Time{}}

func (r *Registry) Add(k string) {
	r.mu.Lock()
	r.items[k] = time.Now() // want LH303 "registry.items"
	r.mu.Unlock()
}

// A struct value whose slice field is appended to directly.
type Stats struct {
	latencies []time.Duration
}

var stats Stats

func observe(d time.Duration) {
	stats.latencies = append(stats.latencies, d) // want LH303
}

// A singleton made by a constructor only called at package init.
type cache struct {
	entries sync.Map
}

func newCache() *cache { return &cache{} }

var defaultCache = newCache()

func (c *cache) put(k string, v []byte) {
	c.entries.Store(k, v) // want LH303
}

// The same shape with a cleanup method: not a leak.
type Table struct {
	rows map[int]string
}

var table = &Table{rows: map[int]string{}}

func (t *Table) Set(k int, v string) { t.rows[k] = v }
func (t *Table) Drop(k int)          { delete(t.rows, k) }

// Two package-level instances: a method write cannot be attributed.
type Set struct {
	m map[string]bool
}

var (
	allowed = &Set{m: map[string]bool{}}
	denied  = &Set{m: map[string]bool{}}
)

func (s *Set) add(k string) { s.m[k] = true }

// Instances made at run time: the type is not a singleton.
type Session struct {
	vals map[string]string
}

var defaultSession = &Session{vals: map[string]string{}}

func NewSession() *Session { return &Session{vals: map[string]string{}} }

func (s *Session) Put(k, v string) { s.vals[k] = v }

// Trimmed by a method.
type Log struct {
	lines []string
}

var appLog = &Log{}

func (l *Log) Print(s string) { l.lines = append(l.lines, s) }
func (l *Log) Rotate()        { l.lines = l.lines[:0] }

// A size check guards the insert.
type LRU struct {
	max int
	m   map[string]int
}

var lru = &LRU{max: 100, m: map[string]int{}}

func (c *LRU) Put(k string, v int) {
	if len(c.m) >= c.max {
		return
	}
	c.m[k] = v
}

// Replaced wholesale on reset.
type Index struct {
	byName map[string]int
}

var index = &Index{byName: map[string]int{}}

func addName(n string, i int) { index.byName[n] = i }
func resetIndex()             { index = &Index{byName: map[string]int{}} }

// Written only at init.
type Config struct {
	opts map[string]string
}

var config = Config{opts: map[string]string{}}

func init() {
	config.opts["mode"] = "fast"
}

// Filled once: sync.Once runs the method value a single time.
type searchDirs struct {
	once sync.Once
	list []string
}

var search searchDirs

func (d *searchDirs) init() { d.list = append(d.list, "/usr/lib", "/lib") }

func searchPath() []string {
	search.once.Do(search.init)
	return search.list
}

// Anonymous struct values hold collections too.
var hits = struct {
	sync.Mutex
	byPath map[string]int
}{byPath: map[string]int{}}

func hit(path string) {
	hits.Lock()
	hits.byPath[path]++ // want LH303 "hits.byPath"
	hits.Unlock()
}

var peers struct {
	mu   sync.Mutex
	list []string
}

func addPeer(p string) {
	peers.mu.Lock()
	peers.list = append(peers.list, p)
	peers.mu.Unlock()
}

func dropPeers() {
	peers.mu.Lock()
	peers.list = nil
	peers.mu.Unlock()
}

// Bounded through the capacity of a sibling array of the same value.
var callbacks struct {
	index map[string]int
	slots [64]func()
	n     int
}

func addCallback(name string, f func()) int {
	if i, ok := callbacks.index[name]; ok {
		return i
	}
	if callbacks.index == nil {
		callbacks.index = map[string]int{}
	}
	if callbacks.n >= len(callbacks.slots) {
		panic("too many callbacks")
	}
	callbacks.slots[callbacks.n] = f
	callbacks.index[name] = callbacks.n
	callbacks.n++
	return callbacks.n - 1
}
