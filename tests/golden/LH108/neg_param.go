package golden

// A parameter is the caller's channel, not a nil local.
func forward(in chan int, out chan int) {
	for v := range in {
		out <- v
	}
	close(out)
}
