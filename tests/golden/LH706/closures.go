// Deferred closures in loops and the variables they capture (issue 3,
// gap 5). A deferred closure reads its variables when the function
// returns: one declared outside the loop holds only the last value by
// then, so it closes one resource however many the loop opened.
package lh706

import (
	"io"
	"os"
)

// A new f per iteration: every file is closed, but only at the return.
func concatEach(ps []string, w io.Writer) error {
	for _, p := range ps {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer func() { f.Close() }() // want LH706
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// f declared before the loop: each closure closes the last file only.
func concatShared(ps []string, w io.Writer) error {
	var f *os.File
	var err error
	for _, p := range ps {
		f, err = os.Open(p) // want LH701 "overwritten"
		if err != nil {
			return err
		}
		defer func() { f.Close() }() // want LH706
		io.Copy(w, f)
	}
	return nil
}

// One deferred closure after the loop closes only the last file.
func lastOnly(ps []string) (int64, error) {
	var f *os.File
	var total int64
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	for _, p := range ps {
		var err error
		f, err = os.Open(p) // want LH701 "overwritten"
		if err != nil {
			return 0, err
		}
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		total += st.Size()
	}
	return total, nil
}

// The closure's f is reassigned in the same iteration: the first file of
// each round is lost, the second is closed at the return.
func withBackup(ps []string) error {
	for _, p := range ps {
		f, err := os.Open(p) // want LH701 "overwritten"
		if err != nil {
			return err
		}
		defer func() { // want LH706
			f.Close()
		}()
		f, err = os.Open(p + ".bak")
		if err != nil {
			return err
		}
	}
	return nil
}

// ---- negatives (for LH701: every file is closed at the return) ----

// The file passed as an argument: each deferred call has its own.
func concatArgs(ps []string, w io.Writer) error {
	var f *os.File
	var err error
	for _, p := range ps {
		f, err = os.Open(p)
		if err != nil {
			return err
		}
		defer func(f *os.File) { f.Close() }(f) // want LH706
		io.Copy(w, f)
	}
	return nil
}

// Opened once, deferred once, after the loop picked the name.
func firstExisting(ps []string) (*os.File, error) {
	var name string
	for _, p := range ps {
		if _, err := os.Stat(p); err == nil {
			name = p
			break
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Closed in the iteration, before the next open: no defer needed.
func sizesEach(ps []string) ([]int64, error) {
	var out []int64
	var f *os.File
	for _, p := range ps {
		var err error
		f, err = os.Open(p)
		if err != nil {
			return nil, err
		}
		st, err := f.Stat()
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, st.Size())
	}
	return out, nil
}

// A closure run in the iteration (not deferred) closes each file.
func eachFile(ps []string, fn func(*os.File) error) error {
	for _, p := range ps {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = func() error {
			defer f.Close()
			return fn(f)
		}()
		if err != nil {
			return err
		}
	}
	return nil
}
