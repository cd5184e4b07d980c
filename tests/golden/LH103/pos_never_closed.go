package golden

// The consumer's range never ends: in is never closed.
func sum(nums []int) int {
	in := make(chan int)
	go func() { // want LH103 "ranges over in, which is never closed"
		t := 0
		for n := range in {
			t += n
		}
		record(t)
	}()
	for _, n := range nums {
		in <- n
	}
	return len(nums)
}
