package golden

// Fixed: plain assignment makes the outer channel.
func runMaybeAsyncFixed(async bool, n int) int {
	var errc chan int
	if async {
		errc = make(chan int, 1)
		go func() { errc <- work(n) }()
	}
	if async {
		return <-errc
	}
	return work(n)
}
