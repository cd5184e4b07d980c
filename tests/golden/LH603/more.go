package lh603

import (
	"bufio"
	"net"
	"net/http"
	"os"
	"sync"
)

// Listeners pooled for reuse: the GC drops them open.
var listeners = sync.Pool{New: func() any {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	return l
}}

func serveOnce(h http.Handler) error {
	l := listeners.Get().(net.Listener)
	c, err := l.Accept()
	if err == nil {
		c.Close()
	}
	listeners.Put(l) // want LH603
	return err
}

// The type is only known from what is Put: a file.
var logs sync.Pool

func logLine(path, line string) error {
	f, ok := logs.Get().(*os.File)
	if !ok {
		var err error
		f, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
	}
	_, err := f.WriteString(line)
	logs.Put(f) // want LH603
	return err
}

// A bufio.Writer over nothing: buffers, not descriptors.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

func flushTo(w *os.File, s string) error {
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(w)
	bw.WriteString(s)
	err := bw.Flush()
	bw.Reset(nil)
	writers.Put(bw)
	return err
}

// Closed before it goes back: what is pooled is a closed value (still
// odd, but nothing leaks).
type conn struct{ id int }

var connStates = sync.Pool{New: func() any { return &conn{} }}

func track(id int) int {
	c := connStates.Get().(*conn)
	c.id = id
	v := c.id
	connStates.Put(c)
	return v
}

// Request objects only hold data: nothing to close.
var reqs = sync.Pool{New: func() any { return new(http.Request) }}

func build(url string) string {
	r := reqs.Get().(*http.Request)
	r.Method = "GET"
	m := r.Method
	reqs.Put(r)
	return m + url
}
