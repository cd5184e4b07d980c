package golden

// results is nil: every send and the receive block forever.
func collect(n int) []int {
	var results chan int
	for i := 0; i < n; i++ {
		go func(i int) { results <- work(i) }(i) // want LH108 "sending on nil channel results"
	}
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, <-results) // want LH108 "receive from nil channel results"
	}
	return out
}
