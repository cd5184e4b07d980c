package golden

// close after the last send, no return in between.
func sumClosed(nums []int) {
	in := make(chan int)
	go func() {
		for n := range in {
			record(n)
		}
	}()
	for _, n := range nums {
		in <- n
	}
	close(in)
}
