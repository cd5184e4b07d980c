package lh602

import (
	"bytes"
	"strings"
	"sync"
)

// A bytes.Buffer pool with no size cap: one huge response keeps its
// buffer in the pool.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func encode(data []string) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	for _, d := range data {
		buf.WriteString(d)
	}
	out := append([]byte(nil), buf.Bytes()...)
	bufPool.Put(buf) // want LH602 "\*bytes.Buffer put back into the pool with no capacity check"
	return out
}

// Checking Len after Reset is not a check: it is always 0.
func encodeReset(data string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(data)
	s := buf.String()
	buf.Reset()
	if buf.Len() < 1<<16 {
		bufPool.Put(buf) // want LH602
	}
	return s
}

// A *[]byte pool.
var bytePool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func frame(p []byte) int {
	bp := bytePool.Get().(*[]byte)
	*bp = append((*bp)[:0], p...)
	n := len(*bp)
	bytePool.Put(bp) // want LH602 "\*\[\]byte"
	return n
}

// A strings.Builder in a struct field pool.
type Renderer struct {
	pool sync.Pool
}

func (r *Renderer) Render(parts []string) string {
	sb, ok := r.pool.Get().(*strings.Builder)
	if !ok {
		sb = new(strings.Builder)
	}
	sb.Reset()
	for _, p := range parts {
		sb.WriteString(p)
	}
	s := sb.String()
	r.pool.Put(sb) // want LH602
	return s
}

// Capped: large buffers are dropped.
func encodeCapped(data []string) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	for _, d := range data {
		buf.WriteString(d)
	}
	out := append([]byte(nil), buf.Bytes()...)
	if buf.Cap() > 64<<10 {
		return out
	}
	bufPool.Put(buf)
	return out
}

func frameCapped(p []byte) int {
	bp := bytePool.Get().(*[]byte)
	*bp = append((*bp)[:0], p...)
	n := len(*bp)
	if cap(*bp) <= 1<<16 {
		bytePool.Put(bp)
	}
	return n
}

// A length check before Reset bounds the buffer too.
func encodeLen(data string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(data)
	s := buf.String()
	if buf.Len() > 1<<16 {
		return s
	}
	buf.Reset()
	bufPool.Put(buf)
	return s
}

// Not a buffer: small objects have no size to grow.
type req struct{ id int }

var reqPool = sync.Pool{New: func() any { return &req{} }}

func handle(id int) int {
	r := reqPool.Get().(*req)
	r.id = id
	v := r.id
	reqPool.Put(r)
	return v
}

// A put helper that checks the capacity itself.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	bufPool.Put(b)
}
