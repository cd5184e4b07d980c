package golden

import "context"

// The sender selects on ctx.Done() too: it leaves when the caller does.
func fetchPolite(ctx context.Context, url string) (string, error) {
	res := make(chan string)
	go func() {
		body, _ := fetch(url)
		select {
		case res <- body:
		case <-ctx.Done():
		}
	}()
	select {
	case b := <-res:
		return b, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
