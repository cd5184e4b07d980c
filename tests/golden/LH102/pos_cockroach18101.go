package golden

import "context"

// Kernel of cockroach#18101: the restore loop stops ranging over the
// spans when the context is cancelled; the splitter still has more spans
// than the buffer holds and blocks on the next one.
func restoreSpans(ctx context.Context, spans []string) bool {
	ready := make(chan string, 4)
	go func() { // want LH102 "sending on ready after restoreSpans returns from its receive loop"
		defer close(ready)
		for _, s := range spans {
			ready <- s
		}
	}()
	for s := range ready {
		select {
		case <-ctx.Done():
			return false
		default:
			use(len(s))
		}
	}
	return true
}

func use(n int) {}
