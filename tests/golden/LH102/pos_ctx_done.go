package golden

import "context"

// The caller gives up on ctx.Done(); the fetcher waits forever to hand
// over its result.
func fetchCtx(ctx context.Context, url string) (string, error) {
	res := make(chan string)
	go func() { // want LH102 "sending on res after fetchCtx takes the <-ctx.Done\(\) case"
		body, _ := fetch(url)
		res <- body
	}()
	select {
	case b := <-res:
		return b, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
