// A one-shot build tool: worker goroutines and loops over its input, but
// no request loop; its tables live for one run.
package main

import (
	"fmt"
	"os"
	"sync"
)

var (
	installedMu sync.Mutex
	installed   = map[string]chan struct{}{}
	built       []string
)

func startInstall(dir string) chan struct{} {
	installedMu.Lock()
	defer installedMu.Unlock()
	ch := installed[dir]
	if ch == nil {
		ch = make(chan struct{})
		installed[dir] = ch
		go runInstall(dir, ch)
	}
	return ch
}

func runInstall(dir string, ch chan struct{}) {
	installedMu.Lock()
	built = append(built, dir)
	installedMu.Unlock()
	close(ch)
}

func main() {
	var wg sync.WaitGroup
	for _, dir := range os.Args[1:] {
		wg.Add(1)
		go func(d string) {
			defer wg.Done()
			<-startInstall(d)
		}(dir)
	}
	wg.Wait()
	fmt.Println(len(built))
}
