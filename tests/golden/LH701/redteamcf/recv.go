package rtcf

import (
	"io"
	"os"
)

type logger struct {
	f    *os.File
	name string
}

func (l logger) Close() error { return l.f.Close() }

func (l *logger) label() string { return l.name }

// A value receiver's Close still closes the shared *os.File.
func valueReceiverClose(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	l := logger{f: f, name: p}
	defer l.Close()
	return l.label(), nil
}

// The struct stays local and nobody closes it.
func localStructDropped(p string) (string, error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return "", err
	}
	l := &logger{f: f, name: p}
	return l.label(), nil
}

// Returned inside the struct: the caller owns it.
func openLogger(p string) (*logger, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	return &logger{f: f, name: p}, nil
}

func closeQuietly(c io.Closer) { _ = c.Close() }

// A deferred helper call takes f's value at the defer statement.
func deferHelperRebound(a, b string) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer closeQuietly(f)
	if _, err := f.Stat(); err != nil {
		return err
	}
	f, err = os.Open(b) // want LH701
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// The argument of a deferred call is evaluated at once: closed right here.
func deferArgEvaluatedNow(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer println("close:", f.Close() == nil)
	return nil
}
