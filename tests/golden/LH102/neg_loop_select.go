package golden

import "time"

// The tick case loops back to receiving: the sender is always taken.
func waitWithProgress(url string) string {
	c := make(chan string)
	go func() {
		b, _ := fetch(url)
		c <- b
	}()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case b := <-c:
			return b
		case <-t.C:
			println("still waiting")
		}
	}
}

// The result channel is returned to the caller.
func async(url string) <-chan string {
	c := make(chan string)
	go func() {
		b, _ := fetch(url)
		c <- b
	}()
	return c
}
