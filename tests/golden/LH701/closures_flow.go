package lh701

import (
	"errors"
	"io"
	"os"
	"sync"
)

// defer f.Close() binds the first file; the second is never closed.
func reopenMethod(a, b string) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer f.Close()
	f, err = os.Open(b) // want LH701 "never closed"
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, f)
	return err
}

// An endless watch loop that returns on done with the file open.
func watch(path string, done <-chan struct{}, tick <-chan struct{}) {
	f, err := os.Open(path) // want LH701 "never closed"
	if err != nil {
		return
	}
	for {
		select {
		case <-done:
			return
		case <-tick:
			_, _ = f.Seek(0, io.SeekStart)
		}
	}
}

// The same loop closing on done.
func watchClosed(path string, done <-chan struct{}, tick <-chan struct{}) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	for {
		select {
		case <-done:
			f.Close()
			return
		case <-tick:
			_, _ = f.Seek(0, io.SeekStart)
		}
	}
}

// Opened in a switch initializer.
func switchInit(p string) (int64, error) {
	switch f, err := os.Open(p); {
	case err != nil:
		return 0, err
	default:
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}
}

// Opened in a switch initializer, one case forgets.
func switchInitLeaky(p string, quick bool) (int64, error) {
	switch f, err := os.Open(p); { // want LH701 "not closed on every path"
	case err != nil:
		return 0, err
	case quick:
		return 0, nil
	default:
		defer f.Close()
		return 1, nil
	}
}

// Closed by an immediately called literal.
func scoped(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	func() {
		defer f.Close()
		_, _ = io.Copy(io.Discard, f)
	}()
	return nil
}

// A cleanup closure called on only one path.
func cleanupOnePath(p string, keep bool) (*os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	cleanup := func() { f.Close() }
	if keep {
		return f, nil
	}
	cleanup()
	return nil, errors.New("not kept")
}

// Opened once under sync.Once into a package cache: owned by the package.
var (
	cacheOnce sync.Once
	cacheFile *os.File
	cacheErr  error
)

func cache(p string) (*os.File, error) {
	cacheOnce.Do(func() {
		cacheFile, cacheErr = os.Open(p)
	})
	return cacheFile, cacheErr
}

// Opened once under sync.Once into a local: nobody closes it.
func onceLocal(p string) int64 {
	var once sync.Once
	var f *os.File
	for i := 0; i < 3; i++ {
		once.Do(func() {
			f, _ = os.Open(p) // want LH701 "never closed"
		})
	}
	if f == nil {
		return 0
	}
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

// A forward goto past the close.
func gotoSkip(p string, fast bool) error {
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	if fast {
		goto out
	}
	f.Close()
out:
	return nil
}

// A handler goroutine per connection-like file, closed by the handler.
func handleFile(f *os.File, wg *sync.WaitGroup) {
	defer wg.Done()
	defer f.Close()
	_, _ = io.Copy(io.Discard, f)
}

func serveFiles(paths []string) {
	var wg sync.WaitGroup
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		wg.Add(1)
		go handleFile(f, &wg)
	}
	wg.Wait()
}

// The handler only reads: every file leaks.
func readFile(f *os.File, wg *sync.WaitGroup) {
	defer wg.Done()
	_, _ = io.Copy(io.Discard, f)
}

func serveFilesLeaky(paths []string) {
	var wg sync.WaitGroup
	for _, p := range paths {
		f, err := os.Open(p) // want LH701 "never closed"
		if err != nil {
			continue
		}
		wg.Add(1)
		go readFile(f, &wg)
	}
	wg.Wait()
}
