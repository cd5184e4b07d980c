package golden

// The nil outer ch is never used; the inner one is made.
func shadowNil() int {
	var ch chan int
	_ = cap(ch)
	{
		ch := make(chan int, 1)
		ch <- 3
		return <-ch
	}
}
