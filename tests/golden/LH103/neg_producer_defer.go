package golden

// The producer closes with defer, whatever path it takes.
func transformSafe(items []int) {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, it := range items {
			if it < 0 {
				return
			}
			ch <- it
		}
	}()
	go func() {
		for v := range ch {
			record(v)
		}
	}()
}
