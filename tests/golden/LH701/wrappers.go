// Same-package wrappers that hand a file back (must), files opened in a
// closure into a variable of the enclosing function, and mutually
// recursive helpers: summaries iterated to a fixed point.
package lh701

import (
	"bufio"
	"os"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// must() hands the file through: the caller still owns it.
func headerOf(path string) string {
	f := must(os.Open(path)) // want LH701 "never closed"
	r := bufio.NewReader(f)
	line, _ := r.ReadString('\n')
	return line
}

func headerOfClosed(path string) string {
	f := must(os.Open(path))
	defer f.Close()
	r := bufio.NewReader(f)
	line, _ := r.ReadString('\n')
	return line
}

// Opened inside a closure, assigned to a variable of the enclosing
// function, never closed.
func sizeViaClosure(path string) (int64, error) {
	var f *os.File
	open := func() error {
		var err error
		f, err = os.Open(path) // want LH701 "never closed"
		return err
	}
	if err := open(); err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// The same, closed by the enclosing function.
func sizeViaClosureClosed(path string) (int64, error) {
	var f *os.File
	open := func() error {
		var err error
		f, err = os.Open(path)
		return err
	}
	if err := open(); err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// Mutually recursive helpers where one branch forgets.
func leakA(f *os.File, n int) {
	if n <= 0 {
		return
	}
	leakB(f, n-1)
}

func leakB(f *os.File, n int) {
	if n == 1 {
		f.Close()
		return
	}
	leakA(f, n)
}

func mutualLeaky(path string) error {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	leakA(f, 3)
	return nil
}

// must with an explicit type argument, closed by defer.
func firstByte(path string) byte {
	f := must[*os.File](os.Open(path))
	defer f.Close()
	b := make([]byte, 1)
	_, _ = f.Read(b)
	return b[0]
}

// A wrapper that adds context to the error and hands the file back.
func withContext(f *os.File, err error) (*os.File, error) {
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: "input", Err: err}
	}
	return f, nil
}

func statInput(path string) (int64, error) {
	f, err := withContext(os.Open(path)) // want LH701 "never closed"
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

func statInputClosed(path string) (int64, error) {
	f, err := withContext(os.Open(path))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// A wrapper that keeps the file (stores it): not a pass-through; the
// caller owes nothing.
var opened []*os.File

func remember(f *os.File, err error) *os.File {
	if err != nil {
		return nil
	}
	opened = append(opened, f) // want LH302
	return f
}

func openRemembered(path string) string {
	f := remember(os.Open(path))
	if f == nil {
		return ""
	}
	return f.Name()
}

// A retry helper runs the closure that opens into an outer variable.
func retry(n int, fn func() error) error {
	var err error
	for i := 0; i < n; i++ {
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}

func openWithRetry(path string) (string, error) {
	var f *os.File
	err := retry(3, func() error {
		var err error
		f, err = os.Open(path) // want LH701 "never closed"
		return err
	})
	if err != nil {
		return "", err
	}
	return f.Name(), nil
}

func openWithRetryClosed(path string) (string, error) {
	var f *os.File
	err := retry(3, func() error {
		var err error
		f, err = os.Open(path)
		return err
	})
	if err != nil {
		return "", err
	}
	defer f.Close()
	return f.Name(), nil
}

// The closure opens and closes by itself.
func closureOwnsIt(path string) (n int, err error) {
	var f *os.File
	err = retry(3, func() error {
		var err error
		f, err = os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			n++
		}
		return sc.Err()
	})
	return n, err
}

// A lazily opening closure returned to the caller keeps the file.
func lazyOpener(path string) func() (*os.File, error) {
	var f *os.File
	return func() (*os.File, error) {
		if f != nil {
			return f, nil
		}
		var err error
		f, err = os.Open(path)
		return f, err
	}
}
