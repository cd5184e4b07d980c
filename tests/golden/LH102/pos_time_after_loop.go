package golden

import "time"

// A poller gives every target a deadline; a slow target's goroutine is
// abandoned when the loop moves on to the next target and its channel.
func pollAll(targets []string, d time.Duration) []string {
	var up []string
	for _, t := range targets {
		reply := make(chan string)
		go func(t string) { // want LH102 "sending on reply after pollAll takes the <-time.After\(d\) case"
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
