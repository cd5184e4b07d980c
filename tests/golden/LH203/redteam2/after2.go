package rt2

import (
	"context"
	"time"
)

// A poll loop: each timer fires before the next is made.
func pollLoop(ctx context.Context, poll func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
			poll()
		}
	}
}

// The same with a message case that loops: one timer left per message.
func pollWithMessages(ctx context.Context, msgs <-chan int, poll func(), handle func(int)) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-msgs:
			handle(m)
		case <-time.After(time.Second): // want LH203
			poll()
		}
	}
}

// Inside a goroutine's literal.
func startWatcher(events <-chan string, log func(string)) {
	go func() { // want LH104
		for {
			select {
			case e := <-events:
				log(e)
			case <-time.After(time.Hour): // want LH203
				log("quiet")
			}
		}
	}()
}

// The deadline is made once per shutdown, outside the loop whose select
// receives from it: one timer for all its rounds.
func drainOnShutdown(in <-chan int, shutdown <-chan struct{}, handle func(int)) {
	for {
		select {
		case v := <-in:
			handle(v)
		case <-shutdown:
			deadline := time.After(time.Second)
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return
					}
					handle(v)
				case <-deadline:
					handle(-1)
				}
			}
		}
	}
}
