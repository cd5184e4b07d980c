package lh601

import (
	"bytes"
	"sync"
)

// A pool of []byte values: every Put boxes a slice header.
var bufPool = sync.Pool{
	New: func() interface{} { return make([]byte, 0, 4096) },
}

func render(s string) int {
	buf := bufPool.Get().([]byte)
	buf = append(buf[:0], s...)
	n := len(buf)
	if cap(buf) <= 64<<10 {
		bufPool.Put(buf[:0]) // want LH601 "Put of a \[\]byte value"
	}
	return n
}

// A small fixed-size slice is still boxed.
var idPool = sync.Pool{New: func() any { return make([]int64, 8) }}

func ids() int64 {
	s := idPool.Get().([]int64)
	v := s[0]
	idPool.Put(s) // want LH601
	return v
}

// A struct value.
type point struct{ x, y int }

var pointPool = sync.Pool{New: func() any { return point{} }}

func usePoint() int {
	pt := pointPool.Get().(point)
	pt.x++
	pointPool.Put(pt) // want LH601 "non-pointer"
	return pt.x
}

// The type is only known from Get: still a slice.
var rows sync.Pool

func row() []string {
	r, _ := rows.Get().([]string)
	rows.Put(r) // want LH601
	return nil
}

// Pointers: no allocation.
var ptrPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func renderPtr(s string) int {
	bp := ptrPool.Get().(*[]byte)
	b := append((*bp)[:0], s...)
	n := len(b)
	if cap(b) <= 64<<10 {
		*bp = b
		ptrPool.Put(bp)
	}
	return n
}

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func format(s string) string {
	b := bufs.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(s)
	out := b.String()
	if b.Cap() <= 1<<16 {
		bufs.Put(b)
	}
	return out
}

type state struct{ n int }

var states = sync.Pool{New: func() any { return &state{} }}

func step() int {
	st := states.Get().(*state)
	st.n++
	n := st.n
	states.Put(st)
	return n
}

// The pool's type is unknown: silent.
var anything sync.Pool

func keep(v interface{}) { anything.Put(v) }

// A map is pointer-shaped.
var maps = sync.Pool{New: func() any { return map[string]int{} }}

func count(k string) int {
	m := maps.Get().(map[string]int)
	m[k]++
	n := m[k]
	maps.Put(m)
	return n
}

// Not a sync.Pool: a Put method of our own.
type cache struct{}

func (cache) Put(v []byte) {}

func store(c cache, b []byte) { c.Put(b) }
