package t123

import "time"

func recv(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}
