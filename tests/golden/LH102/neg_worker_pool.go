package golden

import "sync"

// A worker pool with a done channel: results are drained until every
// worker finished.
func pool(jobs []int) int {
	in := make(chan int)
	out := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j, ok := <-in:
					if !ok {
						return
					}
					out <- j * 2
				case <-done:
					return
				}
			}
		}()
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			in <- j
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	close(done)
	return sum
}
