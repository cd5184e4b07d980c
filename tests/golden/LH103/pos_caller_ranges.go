package golden

// The caller ranges over the results its workers send, but nobody closes
// results: after the last value the range waits forever, and so does
// whoever called sumAll.
func sumAll(xs []int) int {
	results := make(chan int)
	for _, x := range xs {
		go func(x int) {
			results <- x * 2
		}(x)
	}
	sum := 0
	for r := range results { // want LH103 "ranges over results, which nothing closes"
		sum += r
	}
	return sum
}
