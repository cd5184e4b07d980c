package lh701

import (
	"errors"
	"io"
	"os"
)

// A named result overwritten by an explicit return: the file is lost.
func openRegular(p string) (f *os.File, err error) {
	f, err = os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	return
}

// The same, closing before the explicit returns.
func openRegularClosed(p string) (f *os.File, err error) {
	f, err = os.Open(p)
	if err != nil {
		return
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, errors.New("is a directory")
	}
	return
}

// A deferred closure closes the named result on error; bare returns.
func openDeferred(p string) (f *os.File, err error) {
	f, err = os.Open(p)
	if err != nil {
		return
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	var st os.FileInfo
	if st, err = f.Stat(); err != nil {
		return
	}
	if st.IsDir() {
		err = errors.New("is a directory")
	}
	return
}

// A constructor through a named result: its caller owns the file.
func createLog(p string) (f *os.File, err error) {
	f, err = os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	return
}

func logLine(p, line string) error {
	f, err := createLog(p) // want LH701 "never closed"
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, line+"\n")
	return err
}

func logLineClosed(p, line string) error {
	f, err := createLog(p)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.WriteString(f, line+"\n")
	return err
}

// Deferred call with arguments: evaluated at the defer, so the second
// file is never closed.
func closeFile(f *os.File) { f.Close() }

func reopen(a, b string) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer closeFile(f)
	f, err = os.Open(b) // want LH701 "never closed"
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// A deferred closure reads the variable at the end: the first file is
// the one lost.
func reopenLate(a, b string) error {
	f, err := os.Open(a) // want LH701 "overwritten"
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}
