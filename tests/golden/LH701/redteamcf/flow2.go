package rtcf

import (
	"io"
	"os"
)

func bad(x int) bool { return x < 0 }

// An unlabeled break in a select case leaves the select, not the loop:
// the only way out closes the file.
func breakLeavesSelect(p string, done <-chan struct{}, tick <-chan int) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	for {
		select {
		case <-done:
			return f.Close()
		case v := <-tick:
			if bad(v) {
				break
			}
			if _, err := f.Seek(int64(v), io.SeekStart); err != nil {
				f.Close()
				return err
			}
		}
	}
}

// The same with a switch inside the loop.
func breakLeavesSwitch(p string, in <-chan int) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	for v := range in {
		switch {
		case bad(v):
			break
		case v == 0:
			return f.Close()
		}
	}
	return f.Close()
}

// A forward goto to the error exit skips the Close.
func gotoFail(p string, n int64) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	if _, err = f.Seek(n, io.SeekStart); err != nil {
		goto fail
	}
	return f.Close()
fail:
	return err
}

func gotoFailCloses(p string, n int64) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	if _, err = f.Seek(n, io.SeekStart); err != nil {
		goto fail
	}
	return f.Close()
fail:
	f.Close()
	return err
}

// Blocks forever after the open: never returns.
func serveBlock(p string, start func(*os.File)) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	go start(nil)
	_ = f.Name()
	select {} // want LH108
}

// A switch without default: the value 3 goes through with f open.
func switchNoDefault(p string, mode int) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	switch mode {
	case 1:
		return f.Close()
	case 2:
		f.Close()
	}
	return nil
}

// An else-if chain with no final else.
func elseIfChain(p string, a, b bool) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return
	}
	if a {
		f.Close()
	} else if b {
		f.Close()
	}
}

func elseIfChainElse(p string, a, b bool) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	if a {
		f.Close()
	} else if b {
		_ = f.Sync()
		f.Close()
	} else {
		f.Close()
	}
}

// A defer in one branch only.
func deferInBranch(p string, verbose bool) ([]byte, error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return nil, err
	}
	if verbose {
		defer f.Close()
	}
	return io.ReadAll(f)
}

// The defer under `err == nil` covers the file whenever it exists.
func deferUnderNoError(p string) []byte {
	f, err := os.Open(p)
	if err == nil {
		defer f.Close()
	}
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(f)
	return b
}

// continue to the outer loop skips the Close.
func continueOuter(paths []string, xs []int) int {
	n := 0
outer:
	for _, p := range paths {
		f, err := os.Open(p) // want LH701
		if err != nil {
			continue
		}
		for _, x := range xs {
			if bad(x) {
				continue outer
			}
			n++
		}
		f.Close()
	}
	return n
}

func continueOuterCloses(paths []string, xs []int) int {
	n := 0
outer:
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		for _, x := range xs {
			if bad(x) {
				f.Close()
				continue outer
			}
			n++
		}
		f.Close()
	}
	return n
}

// break out of both loops lands on the Close.
func breakOuterThenClose(p string, rows [][]int) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	n := 0
scan:
	for _, r := range rows {
		for _, x := range r {
			if bad(x) {
				break scan
			}
			n += x
		}
	}
	return n, f.Close()
}

// Closing with the error checked: both branches closed.
func closeChecked(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("x"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return nil
}

// An endless loop with no break: the file is the loop's for good.
func pumpForever(p string, out chan<- []byte) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	buf := make([]byte, 512)
	for {
		n, _ := f.ReadAt(buf, 0)
		out <- buf[:n]
	}
}
