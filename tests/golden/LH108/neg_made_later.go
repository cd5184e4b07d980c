package golden

// Declared first, made before use.
func madeLater(n int) int {
	var ch chan int
	if n > 0 {
		ch = make(chan int, 1)
	} else {
		ch = make(chan int, 2)
	}
	ch <- n
	return <-ch
}
