package golden

import "time"

// Same poller, one slot per reply channel: the late goroutine parks its
// answer and exits.
func pollAllFixed(targets []string, d time.Duration) []string {
	var up []string
	for _, t := range targets {
		reply := make(chan string, 1)
		go func(t string) {
			v, _ := fetch(t)
			reply <- v
		}(t)
		select {
		case v := <-reply:
			up = append(up, v)
		case <-time.After(d):
			continue
		}
	}
	return up
}

// One channel for the whole loop, received from on every round: a
// timeout round leaves the value for the next round's receive.
func pollShared(targets []string, d time.Duration) int {
	reply := make(chan string)
	n := 0
	for _, t := range targets {
		go func(t string) {
			v, _ := fetch(t)
			reply <- v
		}(t)
	}
	for range targets {
		select {
		case <-reply:
			n++
		case <-time.After(d):
		}
	}
	return n
}
