package golden

import "sync"

type group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	return g.err
}

// errgroup-style fan-out: results are buffered and the group waits.
func fanOut(urls []string) ([]string, error) {
	var g group
	res := make(chan string, len(urls))
	for _, u := range urls {
		u := u
		g.Go(func() error {
			b, err := fetch(u)
			res <- b
			return err
		})
	}
	err := g.Wait()
	close(res)
	var all []string
	for b := range res {
		all = append(all, b)
	}
	return all, err
}
