package golden

import "context"

// A buffer of one: the single send never waits.
func fetchBuffered(ctx context.Context, url string) (string, error) {
	res := make(chan string, 1)
	go func() {
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
