package lh501

import "sync"

// A method value binds its receiver: returning t.Rows keeps all of the
// table alive although Rows only reads one field.
type Table struct {
	rows  int
	cells [1 << 20]byte
}

func (t *Table) Rows() int { return t.rows }

func (t *Table) RowCounter() func() int {
	return t.Rows // want LH501 "method value"
}

// Stored for later in a package-level hook.
var hooks = map[string]func() int{}

func (t *Table) Register(name string) {
	hooks[name] = t.Rows // want LH501 "stored in package-level hooks"
}

// A method that needs all of the receiver: nothing to trim.
func (t *Table) Sum() int {
	s := 0
	for _, c := range t.cells {
		s += int(c)
	}
	return s
}

func (t *Table) Summer() func() int {
	return t.Sum
}

// Called, not bound: the result is an int.
func (t *Table) RowCount() int {
	return t.Rows()
}

// Used in place (sync.Once runs it now).
func (t *Table) Once(o *sync.Once) {
	o.Do(t.reset)
}

func (t *Table) reset() { t.rows = 0 }

// A small receiver: nothing large is kept.
type counter struct{ n int }

func (c *counter) Get() int { return c.n }

func (c *counter) Getter() func() int { return c.Get }

// The closure form of the fix: capture the field.
func (t *Table) RowCounterFixed() func() int {
	n := t.rows
	return func() int { return n }
}
