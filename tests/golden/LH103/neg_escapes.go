package golden

type stage struct{ out chan int }

// The channel is stored: its owner closes it elsewhere.
func newStage() *stage {
	c := make(chan int)
	go func() {
		for v := range c {
			record(v)
		}
	}()
	return &stage{out: c}
}

func feed(c chan int) {
	defer close(c)
	c <- 1
}

// Passed to a plain call that closes it.
func fed() {
	c := make(chan int)
	go func() {
		for v := range c {
			record(v)
		}
	}()
	feed(c)
}
