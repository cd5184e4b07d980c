package lh706

import (
	"bufio"
	"database/sql"
	"net/http"
	"os"
	"sync"
)

// Each file's close waits for the function.
func countAll(paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, err
		}
		defer f.Close() // want LH706
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			n++
		}
	}
	return n, nil
}

// The per-file work in a func literal called per iteration.
func countAllScoped(paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		err := func() error {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				n++
			}
			return sc.Err()
		}()
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// A named helper called per iteration holds the defer.
func countOne(p string) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func countAllHelper(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		n, err := countOne(p)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// A worker goroutine's loop defers each response's close.
func poller(c *http.Client, urls <-chan string, wg *sync.WaitGroup) {
	go func() {
		defer wg.Done()
		for u := range urls {
			resp, err := c.Get(u)
			if err != nil {
				continue
			}
			defer resp.Body.Close() // want LH706
		}
	}()
}

// A labelled loop with a select: the rows' close is deferred per round.
func drain(db *sql.DB, queries <-chan string, quit <-chan struct{}) error {
loop:
	for {
		select {
		case q := <-queries:
			rows, err := db.Query(q)
			if err != nil {
				return err
			}
			defer rows.Close() // want LH706
			for rows.Next() {
			}
		case <-quit:
			break loop
		}
	}
	return nil
}

// A loop that always runs once (it ends in an unconditional return):
// the defer runs when the function returns, right after.
func firstReadableFile(paths []string) (*bufio.Reader, *os.File) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil
		}
		defer f.Close()
		return bufio.NewReader(f), nil
	}
	return nil, nil
}

// A deferred unlock inside a loop piles up too (and deadlocks).
func bumpAll(mu *sync.Mutex, m map[string]int, keys []string) {
	for _, k := range keys {
		mu.Lock()
		defer mu.Unlock() // want LH706
		m[k]++
	}
}

// A defer inside a goroutine started per iteration runs when that
// goroutine ends.
func closeEach(files []*os.File) {
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func(f *os.File) {
			defer wg.Done()
			defer f.Close()
		}(f)
	}
	wg.Wait()
}

// The defer is followed only by a return in its own block: it runs once.
func openFirstGood(paths []string) (int64, error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if st, err := f.Stat(); err == nil && st.Size() > 0 {
			defer f.Close()
			return st.Size(), nil
		}
		f.Close()
	}
	return 0, nil
}

// A reply channel made here answers once: the case runs once.
func awaitReply(work chan<- chan error, tick <-chan struct{}) error {
	reply := make(chan error, 1)
	work <- reply
	for {
		select {
		case err := <-reply:
			if err != nil {
				return err
			}
			mu := new(sync.Mutex)
			mu.Lock()
			defer mu.Unlock()
		case <-tick:
		}
	}
}

// A select case that breaks out of the select after the defer goes on
// to the next round.
func drainBreak(db *sql.DB, queries <-chan string) error {
	for {
		select {
		case q, ok := <-queries:
			if !ok {
				return nil
			}
			rows, err := db.Query(q)
			if err != nil {
				return err
			}
			defer rows.Close() // want LH706
			if !rows.Next() {
				break
			}
			return nil
		}
	}
}
