package named

import "time"

// A named map type: its only instance grows through a method.
type registry map[string]time.Time

var seen = registry{}

func (r registry) add(k string) {
	r[k] = time.Now() // want LH301 "seen"
}

func Track(id string) { seen.add(id) }

// An alias is the map type itself.
type table = map[string][]byte

var blobs table = table{}

func Keep(id string, b []byte) {
	blobs[id] = b // want LH301 "blobs"
}

// A named slice type appended through a pointer receiver.
type trail []string

var events trail

func (t *trail) push(s string) {
	*t = append(*t, s) // want LH302 "events"
}

func Log(s string) { events.push(s) }

// A named map type with an eviction method: not a leak.
type lru map[string]int

var recent = lru{}

func (l lru) put(k string, v int) {
	if len(l) > 100 {
		l.evict()
	}
	l[k] = v
}

func (l lru) evict() {
	for k := range l {
		delete(l, k)
		return
	}
}

func Remember(k string, v int) { recent.put(k, v) }

// Two instances of the named type: a method write cannot be attributed.
type bag map[string]int

var (
	bagA = bag{}
	bagB = bag{}
)

func (b bag) inc(k string) { b[k]++ }

func Count(k string) {
	bagA.inc(k)
	bagB.inc(k)
}
