package golden

import "sync"

// Fixed: Done is deferred, the early return marks it too; and a worker
// that breaks out of its loop still reaches Done.
func scanShardsFixed(shards [][]int) {
	var wg sync.WaitGroup
	for _, files := range shards {
		wg.Add(1)
		go func(files []int) {
			defer wg.Done()
			for _, f := range files {
				if err := check(f); err != nil {
					return
				}
				process(f)
			}
		}(files)
	}
	wg.Wait()
}

func scanShardsBreak(shards [][]int) {
	var wg sync.WaitGroup
	for _, files := range shards {
		wg.Add(1)
		go func(files []int) {
			for _, f := range files {
				if err := check(f); err != nil {
					break
				}
				process(f)
			}
			wg.Done()
		}(files)
	}
	wg.Wait()
}
