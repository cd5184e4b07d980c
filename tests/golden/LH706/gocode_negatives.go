package lh706

// Shapes from third-party code (Debian's Go sources) where a release
// deferred inside a loop is right, next to look-alikes that still pile up.

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
)

// The files are kept for after the loop: they must stay open until the
// function ends, so the defer is the correct place.
func concatAll(paths []string, dst io.Writer) error {
	var parts []io.Reader
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		parts = append(parts, f)
	}
	_, err := io.Copy(dst, io.MultiReader(parts...))
	return err
}

// Stored through a pointer that outlives the iteration.
type tlsFiles struct{ ca, cert, key io.Reader }

func loadTLS(names map[string]string, dst *tlsFiles) error {
	slots := map[string]*io.Reader{"ca": &dst.ca, "cert": &dst.cert, "key": &dst.key}
	for k, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		*slots[k] = f
	}
	return useTLS(dst)
}

func useTLS(*tlsFiles) error { return nil }

// Kept only in a variable of the iteration: still one file per round.
func lastLine(paths []string) (string, error) {
	var out string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		defer f.Close() // want LH706
		var r io.Reader
		r = f
		b, _ := io.ReadAll(r)
		out = string(b)
	}
	return out, nil
}

// The loop only visits resources that existed before it: deferring their
// Close to the end of the function piles nothing up.
func closeAllOnExit(conns []net.Conn, work func()) {
	for _, c := range conns {
		defer c.Close()
	}
	work()
}

// Every path after the defer returns: it runs once per call.
func firstReadable(paths []string) ([]byte, error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	return nil, errors.New("none readable")
}

// The same inside a switch case that always returns.
func scanRecords(next func() (string, error), backup string) bool {
	for {
		rec, err := next()
		switch err {
		case nil:
			_ = rec
			continue
		case io.ErrUnexpectedEOF:
			bf, err := os.Create(backup)
			if err != nil {
				return false
			}
			defer bf.Close()
			if _, err := bf.WriteString(rec); err != nil {
				return false
			}
			return true
		default:
			return false
		}
	}
}

// A defer followed by a path back into the loop piles up.
func retryOpen(paths []string) *os.File {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close() // want LH706
		if st, err := f.Stat(); err != nil || st.Size() == 0 {
			continue
		}
		return nil
	}
	return nil
}

// A set-once guard: the temporary directory is made (and its removal
// deferred) at most once per call.
func extractLinks(names []string) (err error) {
	var tmp string
	for _, n := range names {
		if !strings.HasPrefix(n, ".link/") {
			continue
		}
		if tmp == "" {
			if tmp, err = os.MkdirTemp("", "links"); err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(n)), nil, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// The guard variable is reset every round: a directory per round.
func extractEach(names []string) error {
	for _, n := range names {
		tmp := ""
		if tmp == "" {
			var err error
			if tmp, err = os.MkdirTemp("", "each"); err != nil {
				return err
			}
			defer os.RemoveAll(tmp) // want LH706
		}
		_ = n
	}
	return nil
}

// Rollback on failure: what each round created is removed only when the
// function fails, so it must wait for the function's result.
func makeTree(root string, parts []string) (err error) {
	cur := root
	for _, p := range parts {
		cur = filepath.Join(cur, p)
		if mkErr := os.Mkdir(cur, 0o755); mkErr != nil {
			if !os.IsExist(mkErr) {
				return mkErr
			}
			continue
		}
		dir := cur
		defer func() {
			if err != nil {
				os.Remove(dir)
			}
		}()
	}
	return nil
}

// The same written as an early return on success.
func listenAll(addrs []string) (ls []net.Listener, err error) {
	for _, a := range addrs {
		l, lerr := net.Listen("tcp", a)
		if lerr != nil {
			return nil, lerr
		}
		defer func() {
			if err == nil {
				return
			}
			l.Close()
		}()
		ls = append(ls, l)
	}
	return ls, nil
}

// A deferred closure testing a local error, not the function's result:
// it closes every round's listener at the end, a pile-up.
func probeAll(addrs []string) int {
	n := 0
	for _, a := range addrs {
		l, err := net.Listen("tcp", a)
		defer func() { // want LH706
			if err == nil {
				l.Close()
			}
		}()
		if err == nil {
			n++
		}
	}
	return n
}

// A loop variable stepped to a new resource each round is not a visit of
// existing ones: the files pile up.
type segment struct{ next string }

func openNext(f *os.File) *os.File {
	var s segment
	if _, err := f.Seek(0, io.SeekStart); err != nil || s.next == "" {
		return nil
	}
	n, err := os.Open(s.next)
	if err != nil {
		return nil
	}
	return n
}

func walkSegments(first *os.File) int {
	n := 0
	for f := first; f != nil; f = openNext(f) {
		defer f.Close() // want LH706
		n++
	}
	return n
}
