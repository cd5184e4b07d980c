package async

import "time"

func recv(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d) // want LH204
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}
