package golden

// The goroutine ranges over the inner ch, which is closed; the outer ch
// is only used for a buffered hand-off.
func shadowRange() {
	ch := make(chan int, 1)
	ch <- 1
	record(<-ch)
	{
		ch := make(chan int)
		go func() {
			for v := range ch {
				record(v)
			}
		}()
		ch <- 2
		close(ch)
	}
}
