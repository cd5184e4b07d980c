package rtcf

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
)

// The labeled break reaches the Close; the return on a closed channel
// does not.
func labeledSelect(p string, done <-chan struct{}, lines <-chan string) error {
	f, err := os.Create(p) // want LH701
	if err != nil {
		return err
	}
loop:
	for {
		select {
		case <-done:
			break loop
		case l, ok := <-lines:
			if !ok {
				return io.EOF
			}
			fmt.Fprintln(f, l)
		}
	}
	return f.Close()
}

func labeledSelectOK(p string, done <-chan struct{}, lines <-chan string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
loop:
	for {
		select {
		case <-done:
			break loop
		case l, ok := <-lines:
			if !ok {
				break loop
			}
			fmt.Fprintln(f, l)
		}
	}
	return f.Close()
}

// goto retry re-opens without closing the file of the failed read.
func retryLeaks(p string) ([]byte, error) {
	n := 0
retry:
	f, err := os.Open(p) // want LH701
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		n++
		if n < 3 {
			goto retry
		}
		return nil, err
	}
	f.Close()
	return data, nil
}

func retryCloses(p string) ([]byte, error) {
	n := 0
retry:
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		n++
		if n < 3 {
			goto retry
		}
		return nil, err
	}
	return data, nil
}

// Case 1 falls through into the Close of case 2.
func fallthroughClose(f *os.File, kind int) error {
	g, err := os.Create(f.Name() + ".bak")
	if err != nil {
		return err
	}
	switch kind {
	case 1:
		fmt.Fprint(g, "one")
		fallthrough
	case 2:
		return g.Close()
	default:
		g.Close()
		return nil
	}
}

// Case 1 forgets the fallthrough.
func missingFallthrough(f *os.File, kind int) error {
	g, err := os.Create(f.Name() + ".bak") // want LH701
	if err != nil {
		return err
	}
	switch kind {
	case 1:
		fmt.Fprint(g, "one")
	case 2:
		return g.Close()
	default:
		g.Close()
	}
	return nil
}

// Closed in every case of the type switch but one.
func typeSwitchOneMissing(p string, x interface{}) int {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return -1
	}
	switch v := x.(type) {
	case int:
		f.Close()
		return v
	case string:
		f.Close()
		return len(v)
	case []byte:
		return len(v)
	default:
		f.Close()
		return 0
	}
}

func typeSwitchAll(p string, x interface{}) int {
	f, err := os.Open(p)
	if err != nil {
		return -1
	}
	switch v := x.(type) {
	case int:
		f.Close()
		return v
	case []byte:
		f.Close()
		return len(v)
	default:
		f.Close()
		return 0
	}
}

// The deferred Close runs on the panic path too.
func panicDeferred(p string, n int) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	defer f.Close()
	if n < 0 {
		panic("negative")
	}
	io.CopyN(io.Discard, f, int64(n))
}

// A panic is not a return: the only return closes.
func panicNoDefer(p string, n int) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	if n < 0 {
		panic(fmt.Sprintf("negative %d", n))
	}
	io.CopyN(io.Discard, f, int64(n))
	f.Close()
}

var errBad = errors.New("bad")

// Named results and bare returns hand the file to the caller.
func openNamed(p string, check bool) (f *os.File, err error) {
	f, err = os.Open(p)
	if err != nil {
		return
	}
	if check {
		f.Close()
		f, err = nil, errBad
		return
	}
	return
}

// The named results carry a count, not the file.
func readNamed(p string, buf []byte) (n int, err error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return
	}
	n, err = f.Read(buf)
	return
}

// The inner f shadows the outer one; only the outer is closed.
func shadowedFile(a, b string) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer f.Close()
	if b != "" {
		f, err := os.Open(b) // want LH701
		if err != nil {
			return err
		}
		if _, err = io.Copy(io.Discard, f); err != nil {
			return err
		}
	}
	_, err = io.Copy(io.Discard, f)
	return err
}

// A shadowed err in the inner block; the file is closed on both paths.
func shadowedErr(p string, b []byte) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func deferredClosureArg(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer func(f *os.File) {
		f.Close()
	}(f)
	return io.ReadAll(f)
}

// defer f.Close() binds the first file: the second is never closed.
func deferReceiverReassigned(a, b string, w io.Writer) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	f, err = os.Open(b) // want LH701
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// The deferred closure closes whatever f holds last; the first is closed
// before it is replaced.
func deferClosureReassigned(a, b string, w io.Writer) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	f.Close()
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// continue skips the Close.
func sizesLeak(paths []string) int64 {
	var total int64
	for _, p := range paths {
		f, err := os.Open(p) // want LH701
		if err != nil {
			continue
		}
		st, err := f.Stat()
		if err != nil {
			continue
		}
		total += st.Size()
		f.Close()
	}
	return total
}

func sizesOK(paths []string) int64 {
	var total int64
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		st, err := f.Stat()
		f.Close()
		if err != nil {
			continue
		}
		total += st.Size()
	}
	return total
}

// The select's first case returns before the deferred Close is set up.
func selectDefault(p string, done <-chan struct{}) error {
	f, err := os.Create(p) // want LH701
	if err != nil {
		return err
	}
	select {
	case <-done:
		return errBad
	default:
	}
	defer f.Close()
	_, err = f.WriteString("x")
	return err
}

func selectDefaultOK(p string, done <-chan struct{}) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	select {
	case <-done:
		f.Close()
		return errBad
	default:
	}
	defer f.Close()
	_, err = f.WriteString("x")
	return err
}

// Leaves only through log.Fatal.
func tailForever(p string, out chan<- []byte) {
	f, err := os.Open(p)
	if err != nil {
		log.Fatal(err)
	}
	buf := make([]byte, 4096)
	for {
		n, err := f.Read(buf)
		if err != nil && err != io.EOF {
			log.Fatalf("read %s: %v", p, err)
		}
		out <- append([]byte(nil), buf[:n]...)
	}
}

func fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// A package helper that never returns ends the path like os.Exit.
func dieHelper(p string) []byte {
	f, err := os.Open(p)
	if err != nil {
		fatalf("open %s: %v", p, err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		fatalf("read %s: %v", p, err)
	}
	f.Close()
	return data
}

// runtime.Goexit ends the goroutine, log.Panicf panics.
func goexitPath(p string, quit bool) {
	f, err := os.Create(p)
	if err != nil {
		return
	}
	if quit {
		runtime.Goexit()
	}
	if len(p) > 100 {
		log.Panicf("path too long: %s", p)
	}
	f.Close()
}

// A closure called on the spot closes on every path.
func immediateClosure(p string) (n int, err error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	func() {
		defer f.Close()
		var st os.FileInfo
		st, err = f.Stat()
		if err != nil {
			return
		}
		n = int(st.Size())
	}()
	return n, err
}

// The closure called on the spot closes only when verbose.
func immediateClosureMaybe(p string, verbose bool) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	func() {
		if verbose {
			fmt.Println(f.Name())
			f.Close()
		}
	}()
	return nil
}

// The closure called on the spot returns early on a Stat error.
func immediateClosureEarly(p string) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	err = func() error {
		if _, err := f.Stat(); err != nil {
			return err
		}
		return f.Close()
	}()
	return err
}

// A closure called on the spot with a nested one that returns early: the
// outer one closes on every path.
func immediateClosureNested(p string, a bool) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	func() {
		func() {
			if a {
				return
			}
			fmt.Println("not a")
		}()
		f.Close()
	}()
	return nil
}

// A closure variable closes, but the early return skips it.
func closerVarEarly(p string, skip bool) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	done := func() { f.Close() }
	if skip {
		return nil
	}
	done()
	return nil
}

func closerVarDeferred(p string, skip bool) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	done := func() { f.Close() }
	defer done()
	if skip {
		return nil
	}
	_, err = f.Stat()
	return err
}

// Block scoping: the file of the if-statement lives only there.
func ifInitLeak(p string) []byte {
	var data []byte
	if f, err := os.Open(p); err == nil { // want LH701
		data, _ = io.ReadAll(f)
	}
	return data
}

func ifInitElse(p string) ([]byte, error) {
	if f, err := os.Open(p); err != nil {
		return nil, err
	} else {
		defer f.Close()
		return io.ReadAll(f)
	}
}

// Named error result set by the deferred closure.
func writeAll(p string, b []byte) (err error) {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(b)
	return err
}
