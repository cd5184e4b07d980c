package golden

type bus struct{ seen int }

func (b *bus) drain(q chan int) {
	for v := range q {
		b.seen += v
	}
}

// A method goroutine ranges over a channel never closed.
func (b *bus) run(vals []int) {
	q := make(chan int)
	go b.drain(q) // want LH103
	for _, v := range vals {
		q <- v
	}
}
