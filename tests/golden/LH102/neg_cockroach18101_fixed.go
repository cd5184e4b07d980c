package golden

import "context"

// Fixed: the splitter also watches the context, so it leaves when the
// restore loop does.
func restoreSpansFixed(ctx context.Context, spans []string) bool {
	ready := make(chan string, 4)
	go func() {
		defer close(ready)
		for _, s := range spans {
			select {
			case ready <- s:
			case <-ctx.Done():
				return
			}
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
