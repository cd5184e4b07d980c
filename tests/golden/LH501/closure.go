package lh501

import (
	"fmt"
	"io"
	"os"
)

// The seed's example: the closure only needs the length.
func leakClosure() func() {
	bigData := make([]byte, 100*1024*1024)
	return func() { // want LH501 "keeps all of bigData"
		fmt.Println("len of bigData:", len(bigData))
	}
}

// Stored in a package-level registry through a local.
var sizes = map[string]func() int{}

func register(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	f := func() int { return len(data) } // want LH501 "stored in package-level sizes"
	sizes[name] = f
	return nil
}

// One byte of a whole body.
func versionOf(r io.Reader) func() byte {
	body, _ := io.ReadAll(r)
	return func() byte { return body[0] } // want LH501
}

// A large receiver: the closure only reads its name.
type Frame struct {
	name string
	pix  [1 << 20]byte
}

func (fr *Frame) Namer() func() string {
	return func() string { return fr.name } // want LH501 "receiver"
}

// The fix: capture only what is needed.
func fixedClosure() func() {
	bigData := make([]byte, 100*1024*1024)
	n := len(bigData)
	return func() { fmt.Println(n) }
}

// The closure needs all of the data.
func reader(name string) func() []byte {
	data, _ := os.ReadFile(name)
	return func() []byte { return data }
}

func writer(name string, w io.Writer) func() error {
	data, _ := os.ReadFile(name)
	return func() error {
		_, err := w.Write(data)
		return err
	}
}

// Called in place: it does not outlive the function.
func inPlace() int {
	big := make([]byte, 1<<20)
	return func() int { return len(big) }()
}

// Run as a goroutine, not stored.
func background(done chan<- int) {
	big := make([]byte, 1<<20)
	go func() { done <- len(big) }()
}

// A small buffer.
func smallBuf() func() int {
	buf := make([]byte, 128)
	return func() int { return len(buf) }
}

// Ranges over all of it.
func summer(name string) func() int {
	data, _ := os.ReadFile(name)
	return func() int {
		s := 0
		for _, b := range data {
			s += int(b)
		}
		return s
	}
}

// Registered as an HTTP handler: lives as long as the server.
func serveSize(mux interface {
	HandleFunc(string, func(w io.Writer, r interface{}))
}, name string) {
	page, _ := os.ReadFile(name)
	mux.HandleFunc("/size", func(w io.Writer, r interface{}) { // want LH501 "registered as an HTTP handler"
		fmt.Fprintln(w, len(page))
	})
}

// A handler that serves the whole page needs it.
func servePage(mux interface {
	HandleFunc(string, func(w io.Writer, r interface{}))
}, name string) {
	page, _ := os.ReadFile(name)
	mux.HandleFunc("/", func(w io.Writer, r interface{}) {
		w.Write(page)
	})
}
