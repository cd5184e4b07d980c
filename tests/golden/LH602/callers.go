package lh602

import (
	"bytes"
	"sync"
)

var outPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// A put helper with no check of its own, but every caller drops oversized
// buffers before calling it.
func putOut(b *bytes.Buffer) {
	b.Reset()
	outPool.Put(b)
}

func writeA(s string) string {
	b := outPool.Get().(*bytes.Buffer)
	b.WriteString(s)
	out := b.String()
	if b.Cap() > 1<<16 {
		return out
	}
	putOut(b)
	return out
}

func writeB(parts []string) int {
	b := outPool.Get().(*bytes.Buffer)
	for _, p := range parts {
		b.WriteString(p)
	}
	n := b.Len()
	if b.Cap() <= 64<<10 {
		defer putOut(b)
	}
	return n
}

// The same helper shape, but one caller does not check: the pool keeps
// whatever that caller grew.
var logPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putLog(b *bytes.Buffer) {
	b.Reset()
	logPool.Put(b) // want LH602
}

func logChecked(s string) {
	b := logPool.Get().(*bytes.Buffer)
	b.WriteString(s)
	if b.Cap() > 1<<16 {
		return
	}
	putLog(b)
}

func logUnchecked(s string) {
	b := logPool.Get().(*bytes.Buffer)
	b.WriteString(s)
	putLog(b)
}

// The check is done by a helper the condition calls.
var msgPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

const maxPooled = 64 << 10

func oversized(b *[]byte) bool { return cap(*b) > maxPooled }

func encodeMsg(parts [][]byte) int {
	bp := msgPool.Get().(*[]byte)
	for _, p := range parts {
		*bp = append(*bp, p...)
	}
	n := len(*bp)
	*bp = (*bp)[:0]
	if oversized(bp) {
		return n
	}
	msgPool.Put(bp)
	return n
}

// A helper that is called but checks nothing: not a check.
func logSize(b *[]byte) bool { println(len(*b)); return false }

func encodeMsg2(parts [][]byte) int {
	bp := msgPool.Get().(*[]byte)
	for _, p := range parts {
		*bp = append(*bp, p...)
	}
	n := len(*bp)
	if logSize(bp) {
		return n
	}
	msgPool.Put(bp) // want LH602
	return n
}

// An exported put helper: callers in other packages may not check.
func PutOut(b *bytes.Buffer) {
	b.Reset()
	outPool.Put(b) // want LH602
}

// A fixed-size copy buffer: the function appends, but to something else;
// the pooled buffer keeps the size New gave it.
var copyPool = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func copyAll(dst *bytes.Buffer, srcs [][]byte) []string {
	var names []string
	for _, s := range srcs {
		p := copyPool.Get().(*[]byte)
		n := copy(*p, s)
		dst.Write((*p)[:n])
		names = append(names, string(s[:1]))
		copyPool.Put(p)
	}
	return names
}
