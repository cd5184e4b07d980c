package posalias

import s "sync"

type barrier struct {
	mu      s.Mutex
	arrived *s.Cond
	n, want int
}

func newBarrier(n int) *barrier {
	b := &barrier{want: n}
	b.arrived = s.NewCond(&b.mu)
	return b
}

// The last one in never broadcasts: everybody waits forever.
func (b *barrier) await() {
	b.mu.Lock()
	b.n++
	for b.n < b.want {
		b.arrived.Wait() // want LH107
	}
	b.mu.Unlock()
}
