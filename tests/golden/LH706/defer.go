package lh706

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"sync"
	"time"
)

// The classic: every file stays open until the function returns.
func sizes(names []string) (int64, error) {
	var total int64
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close() // want LH706 "defer f.Close\(\) inside a loop"
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		total += st.Size()
	}
	return total, nil
}

// Response bodies pile up.
func fetchAll(urls []string) error {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close() // want LH706
		io.Copy(io.Discard, resp.Body)
	}
	return nil
}

// A lock deferred in an endless loop.
func worker(mu *sync.Mutex, jobs <-chan func()) {
	for job := range jobs {
		mu.Lock()
		defer mu.Unlock() // want LH706
		job()
	}
}

// cancel funcs pile up too.
func pingAll(ctx context.Context, db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		c, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want LH706
		db.PingContext(c)
	}
}

// A deferred closure that releases is the same.
func rows(db *sql.DB, queries []string) {
	for _, q := range queries {
		r, err := db.Query(q)
		if err != nil {
			continue
		}
		defer func() { // want LH706
			r.Close()
		}()
	}
}

// Per-iteration function: the defer runs at the end of each iteration.
func sizesFixed(names []string) (int64, error) {
	var total int64
	for _, name := range names {
		err := func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil {
				return err
			}
			total += st.Size()
			return nil
		}()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

// The loop always returns in its first iteration.
func first(names []string) (*os.File, error) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return nil, nil
	}
	return nil, os.ErrNotExist
}

// The loop always breaks after one iteration.
func firstStat(names []string) int64 {
	var size int64
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0
		}
		defer f.Close()
		st, _ := f.Stat()
		size = st.Size()
		break
	}
	return size
}

// Released explicitly at the end of each iteration: no defer.
func explicit(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		f.Close()
	}
}

// A defer outside the loop.
func outside(name string, lines []string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, l := range lines {
		if _, err := f.WriteString(l); err != nil {
			return err
		}
	}
	return nil
}

// Not a release: logging in a defer inside a loop.
func trace(steps []string, log func(string)) {
	for _, s := range steps {
		defer log(s)
	}
}

// A goroutine per item owns its defer.
func spawn(names []string, wg *sync.WaitGroup) {
	for _, name := range names {
		wg.Add(1)
		go func(n string) {
			defer wg.Done()
			f, err := os.Open(n)
			if err != nil {
				return
			}
			defer f.Close()
		}(name)
	}
}

// Lock coupling up a chain of parents (testing.common.logDepth's shape):
// each iteration locks a different node and holds it until return on
// purpose.
type node struct {
	mu     sync.Mutex
	parent *node
	done   bool
	out    []string
}

func (n *node) logUp(s string) bool {
	for p := n.parent; p != nil; p = p.parent {
		p.mu.Lock()
		defer p.mu.Unlock()
		if !p.done {
			p.out = append(p.out, s)
			return true
		}
	}
	return false
}

// Read locks over a range of shards, all held while summing.
type shard struct {
	mu sync.RWMutex
	n  int
}

func total(shards []*shard) int {
	sum := 0
	for _, s := range shards {
		s.mu.RLock()
		defer s.mu.RUnlock()
		sum += s.n
	}
	return sum
}

// A deferred literal with its own Lock/Unlock pair releases nothing of
// the iteration.
func countDown(mu *sync.Mutex, n *int, jobs []func()) {
	for _, j := range jobs {
		defer func() {
			mu.Lock()
			*n--
			mu.Unlock()
		}()
		j()
	}
}

// The same mutex each iteration: deferred unlocks pile up (and the
// second Lock deadlocks).
func (n *node) appendAll(ss []string) {
	for _, s := range ss {
		n.mu.Lock()
		defer n.mu.Unlock() // want LH706
		n.out = append(n.out, s)
	}
}

// Lock coupling whose deferred release is a file, not the lock: still
// piles up.
func openChain(n *node, paths []string) error {
	for _, p := range paths {
		n.mu.Lock()
		f, err := os.Open(p)
		n.mu.Unlock()
		if err != nil {
			return err
		}
		defer f.Close() // want LH706
	}
	return nil
}
