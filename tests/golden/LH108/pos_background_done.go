package golden

import "context"

// The watcher was meant to stop with its caller's context, but it was
// handed a Background context: Done() is nil and the goroutine waits
// forever.
func startWatcher() {
	ctx := context.Background()
	go func() {
		<-ctx.Done() // want LH108 "receive from nil channel ctx.Done\(\) blocks forever"
		serveConn()
	}()
}
