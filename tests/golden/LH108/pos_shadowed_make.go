package golden

// The channel is made with := inside the branch, which declares a new
// errc there: the outer errc stays nil and the final receive blocks.
func runMaybeAsync(async bool, n int) int {
	var errc chan int
	if async {
		errc := make(chan int, 1)
		go func() { errc <- work(n) }()
	}
	if async {
		return <-errc // want LH108 "receive from nil channel errc"
	}
	return work(n)
}
