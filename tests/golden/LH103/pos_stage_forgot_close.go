package golden

// A pipeline stage squares what it reads and forgets to close its output:
// the final stage ranges over it forever.
func squareStage(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
}

func pipeline(vals []int) {
	src := make(chan int)
	sq := make(chan int)
	go func() {
		defer close(src)
		for _, v := range vals {
			src <- v
		}
	}()
	go squareStage(src, sq)
	go func() { // want LH103 "ranges over sq"
		for v := range sq {
			record(v)
		}
	}()
}
