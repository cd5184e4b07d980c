package golden

// The consumer ranges over a nil channel.
func consumeNil() {
	var in chan int
	go func() { // want LH108 "ranging over nil channel in"
		for v := range in {
			_ = work(v)
		}
	}()
}
