// Constructors that store a file into a field of the struct they build
// and then fail (issue 3, gap 3): while nothing else can hold the new
// struct, dropping it at an error return drops the file in its field.
package ctorfail

import (
	"errors"
	"io"
	"os"
	"sync"
)

type table struct {
	f    *os.File
	name string
	size int64
}

func (t *table) stat() error {
	st, err := t.f.Stat()
	if err != nil {
		return err
	}
	t.size = st.Size()
	return nil
}

func (t *table) Close() error { return t.f.Close() }

// P1: the failed stat returns the error and drops t with its file.
func openTable(p string) (*table, error) {
	t := &table{name: p}
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	t.f = f
	if err := t.stat(); err != nil {
		return nil, err
	}
	return t, nil
}

// P2: a zero struct declared with var; the size check forgets Close.
func openNonEmpty(p string) (*table, error) {
	var t table
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	t.f = f
	if err := t.stat(); err != nil {
		t.Close()
		return nil, err
	}
	if t.size == 0 {
		return nil, errors.New("empty table")
	}
	return &t, nil
}

// P3: new(T), and the header check returns before anything holds t.
func openChecked(p string, magic []byte) (*table, error) {
	t := new(table)
	t.name = p
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	t.f = f
	hdr := make([]byte, len(magic))
	if _, err := io.ReadFull(t.f, hdr); err != nil {
		t.f.Close()
		return nil, err
	}
	if string(hdr) != string(magic) {
		return nil, errors.New("bad magic")
	}
	return t, nil
}

// ---- negatives ----

var (
	mu     sync.Mutex
	tables = map[string]*table{}
)

// N1: the table is registered before the file goes in: the registry
// holds the file too.
func openRegistered(p string) (*table, error) {
	t := &table{name: p}
	mu.Lock()
	tables[p] = t
	mu.Unlock()
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	if err := t.stat(); err != nil {
		return nil, err
	}
	return t, nil
}

// N2: the error paths close the table.
func openClosing(p string) (*table, error) {
	t := &table{name: p}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	if err := t.stat(); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// N3: a deferred closure closes it when the named error is set.
func openDeferred(p string) (t *table, err error) {
	t = &table{name: p}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	defer func() {
		if err != nil {
			t.Close()
		}
	}()
	err = t.stat()
	if err != nil {
		return nil, err
	}
	return t, nil
}

// N4: a method of the table runs before the store and may keep t.
func openStarted(p string) (*table, error) {
	t := &table{name: p}
	t.register()
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	if err := t.stat(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *table) register() {
	mu.Lock()
	tables[t.name] = t
	mu.Unlock()
}

// N5: the struct comes from the caller: the caller holds it.
func (t *table) reopen(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	t.f = f
	return t.stat()
}

// N6: stored into the registry after the file went in, then fails: the
// registry keeps both.
func openPublished(p string) (*table, error) {
	t := &table{name: p}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	mu.Lock()
	tables[p] = t
	mu.Unlock()
	if err := t.stat(); err != nil {
		return nil, err
	}
	return t, nil
}

// N7: the struct is assigned again later: which one holds the file is
// not followed.
func openTwice(p, q string) (*table, error) {
	t := &table{name: p}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	t.f = f
	if q != "" {
		t = &table{name: q, f: f}
	}
	if err := t.stat(); err != nil {
		return nil, err
	}
	return t, nil
}

// N8: the file goes into a struct of the standard library (its methods
// are not followed).
func openSection(p string) (*io.SectionReader, *os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	r := io.NewSectionReader(f, 0, 16)
	return r, f, nil
}

// forget drops a table from the registry.
func forget(p string) {
	mu.Lock()
	delete(tables, p)
	mu.Unlock()
}
