package golden

import "sync"

// Each shard worker walks its files and marks itself done after the loop;
// a bad file returns from inside the loop and the shard is never done.
func scanShards(shards [][]int) {
	var wg sync.WaitGroup
	for _, files := range shards {
		wg.Add(1)
		go func(files []int) { // want LH106 "can return without wg.Done"
			for _, f := range files {
				if err := check(f); err != nil {
					return
				}
				process(f)
			}
			wg.Done()
		}(files)
	}
	wg.Wait()
}
