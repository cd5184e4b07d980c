package golden

import "sync"

// Fixed: wait once, after the loop.
func (pm *pluginManager) initAllFixed() {
	var group sync.WaitGroup
	group.Add(len(pm.plugins))
	for _, p := range pm.plugins {
		go func(p string) {
			defer group.Done()
			process(len(p))
		}(p)
	}
	group.Wait()
}

// One Add per round and a Wait in the same round: each round waits for
// its own goroutine only.
func (pm *pluginManager) initOneByOne() {
	var group sync.WaitGroup
	for _, p := range pm.plugins {
		group.Add(1)
		go func(p string) {
			defer group.Done()
			process(len(p))
		}(p)
		group.Wait()
	}
}
