package golden

func pump(in chan int) {
	for {
		v := <-in
		handle(v)
	}
}

// A named pump with no way out, started per call.
func startPump() chan int {
	in := make(chan int)
	go pump(in) // want LH104
	return in
}
