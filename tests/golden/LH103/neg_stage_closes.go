package golden

// The stage closes its output when its input ends.
func squareStageFixed(in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		out <- v * v
	}
}

func pipelineFixed(vals []int) {
	src := make(chan int)
	sq := make(chan int)
	go func() {
		defer close(src)
		for _, v := range vals {
			src <- v
		}
	}()
	go squareStageFixed(src, sq)
	go func() {
		for v := range sq {
			record(v)
		}
	}()
}
