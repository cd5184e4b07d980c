package golden

import "time"

type Cache struct{ items map[string]int }

func (c *Cache) evict() {}

// Every NewCache leaks a janitor nobody can stop.
func NewCache() *Cache {
	c := &Cache{items: map[string]int{}}
	go func() { // want LH104 "its loop at line 14 has no way out"
		t := time.NewTicker(time.Minute)
		for {
			select {
			case <-t.C:
				c.evict()
			}
		}
	}()
	return c
}
