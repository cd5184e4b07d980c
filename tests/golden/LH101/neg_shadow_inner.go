package golden

// The goroutine reads the outer ch, which is closed; the inner ch that
// nobody sends to is never received from.
func shadowInner() {
	ch := make(chan int)
	go func() {
		for {
			v, ok := <-ch
			if !ok {
				return
			}
			use(v)
		}
	}()
	{
		ch := make(chan int, 1)
		use(cap(ch))
	}
	close(ch)
}
