package golden

import "time"

// A nil channel disables a select case: the idiom, not a leak.
func throttle(in chan int, slow bool) int {
	var tick <-chan time.Time
	if slow {
		tick = time.After(time.Second)
	}
	var never chan int
	select {
	case v := <-in:
		return v
	case <-tick:
		return 0
	case v := <-never:
		return v
	}
}
