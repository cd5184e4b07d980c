package rt2

import "time"

// Reset after Stop starts it again; the return leaves it running.
func restartThenReturn(d time.Duration, work <-chan int) int {
	t := time.NewTicker(d) // want LH201
	<-t.C
	t.Stop()
	t.Reset(2 * d)
	return <-work
}

// Stopped, reset, stopped again by the deferred closure.
func restartDeferred(d time.Duration, work <-chan int) int {
	t := time.NewTicker(d)
	defer func() { t.Stop() }()
	<-t.C
	t.Stop()
	t.Reset(2 * d)
	<-t.C
	return <-work
}

// An unlabeled break in the select leaves only the select; the function
// stops the ticker on its one exit.
func breakInSelect(done <-chan struct{}, work <-chan int) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-done:
			t.Stop()
			return
		case v := <-work:
			if v < 0 {
				break
			}
		case <-t.C:
		}
	}
}
