package pospkgvar

import "sync"

var (
	mu     sync.Mutex
	loaded = sync.NewCond(&mu)
	config map[string]string
)

func get(k string) string {
	mu.Lock()
	defer mu.Unlock()
	for config == nil {
		loaded.Wait() // want LH107
	}
	return config[k]
}

func load(c map[string]string) {
	mu.Lock()
	config = c
	mu.Unlock()
}
