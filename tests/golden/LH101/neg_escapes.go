package golden

type pipe struct{ in chan int }

// The channel is returned: the caller may send to it.
func newWaiter() chan int {
	c := make(chan int)
	go func() { use(<-c) }()
	return c
}

// Stored in a struct: someone else may send.
func newPipe() *pipe {
	c := make(chan int)
	go func() { use(<-c) }()
	return &pipe{in: c}
}

func register(c chan int) { go func() { c <- 1 }() }

// Passed to another function, which sends.
func registered() {
	c := make(chan int)
	go func() { use(<-c) }()
	register(c)
}
