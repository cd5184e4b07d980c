package golden

import "sync"

type pluginManager struct {
	plugins []string
}

// Kernel of moby#25384: the group is sized for every plugin up front, but
// Wait runs inside the loop, after the first plugin's goroutine only: it
// waits for Done calls that the later rounds would make.
func (pm *pluginManager) initAll() {
	var group sync.WaitGroup
	group.Add(len(pm.plugins))
	for _, p := range pm.plugins {
		go func(p string) {
			defer group.Done()
			process(len(p))
		}(p)
		group.Wait() // want LH106 "group.Wait\(\) inside the loop"
	}
}
