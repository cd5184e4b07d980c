package golden

import "context"

// A slot per replica: the losers park their answers and exit.
func firstReplicaSized(replicas []string) string {
	answers := make(chan string, len(replicas))
	for _, r := range replicas {
		go func(r string) {
			v, _ := fetch(r)
			answers <- v
		}(r)
	}
	return <-answers
}

// The losers give up when the winner cancels the context.
func firstReplicaCancel(ctx context.Context, replicas []string) string {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	answers := make(chan string)
	for _, r := range replicas {
		go func(r string) {
			v, _ := fetch(r)
			select {
			case answers <- v:
			case <-ctx.Done():
			}
		}(r)
	}
	return <-answers
}
