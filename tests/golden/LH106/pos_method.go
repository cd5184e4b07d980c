package golden

import "sync"

type batch struct {
	wg    sync.WaitGroup
	items []int
}

func (b *batch) handle(i int) {
	if b.items[i] < 0 {
		return
	}
	process(b.items[i])
	b.wg.Done()
}

// A method goroutine skips b.wg.Done() for negative items.
func (b *batch) run() {
	for i := range b.items {
		b.wg.Add(1)
		go b.handle(i) // want LH106
	}
	b.wg.Wait()
}
