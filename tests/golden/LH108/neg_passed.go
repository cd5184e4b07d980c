package golden

func setup(c *chan int) { *c = make(chan int, 1) }

// Made through a pointer.
func viaPointer() int {
	var ch chan int
	setup(&ch)
	ch <- 1
	return <-ch
}
