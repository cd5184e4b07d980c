package golden

import "context"

// A cancellable context derived from Background: Done() is a real
// channel and cancel closes it.
func startWatcherCancel() context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-ctx.Done()
		serveConn()
	}()
	return cancel
}

// The Background context is replaced before the wait.
func startWatcherReplaced(parent context.Context) {
	ctx := context.Background()
	if parent != nil {
		ctx = parent
	}
	go func() {
		<-ctx.Done()
		serveConn()
	}()
}

// In a select with another case the nil Done() only disables that case.
func pollOnce(in chan int) int {
	ctx := context.TODO()
	select {
	case v := <-in:
		return v
	case <-ctx.Done():
		return 0
	}
}
