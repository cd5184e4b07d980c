package lh601

import (
	"strings"
	"sync"
)

// Strings are values too: each Put boxes a string header.
var namePool = sync.Pool{New: func() any { return "" }}

func name(parts []string) string {
	s := namePool.Get().(string)
	s = strings.Join(parts, ".")
	namePool.Put(s) // want LH601
	return s
}

// An array value is copied into the interface on every Put.
type block [64]byte

var blockPool = sync.Pool{New: func() any { return block{} }}

func checksum(p []byte) byte {
	b := blockPool.Get().(block)
	copy(b[:], p)
	sum := b[0] ^ b[63]
	blockPool.Put(b) // want LH601 "non-pointer"
	return sum
}

// The fix: a pointer to the array.
var blockPtrPool = sync.Pool{New: func() any { return new(block) }}

func checksumPtr(p []byte) byte {
	b := blockPtrPool.Get().(*block)
	copy(b[:], p)
	sum := b[0] ^ b[63]
	blockPtrPool.Put(b)
	return sum
}

// &buf of a []byte: a pointer, no allocation.
var slicePool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

func render2(s string) int {
	bp := slicePool.Get().(*[]byte)
	buf := append((*bp)[:0], s...)
	n := len(buf)
	*bp = buf
	slicePool.Put(bp) // want LH602 "\*\[\]byte"
	return n
}

// A channel value is pointer-shaped.
var chanPool = sync.Pool{New: func() any { return make(chan int, 1) }}

func roundTrip(v int) int {
	ch := chanPool.Get().(chan int)
	ch <- v
	r := <-ch
	chanPool.Put(ch)
	return r
}

// A func value is pointer-shaped.
var fnPool = sync.Pool{New: func() any { return func() {} }}

func runPooled() {
	f := fnPool.Get().(func())
	f()
	fnPool.Put(f)
}

// Names defined through each other (a swap of untyped values): resolving
// them terminates, and the type stays unknown (silent).
var anyPool sync.Pool

func swapPut(x, y interface{}) {
	for i := 0; i < 2; i++ {
		x, y = y, x
	}
	anyPool.Put(x)
}
