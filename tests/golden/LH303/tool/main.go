// A one-shot tool with a singleton that keeps its history: it lives for
// one run.
package main

import (
	"fmt"
	"os"
)

type dirs struct {
	hist []string
}

var history = &dirs{}

func (d *dirs) next(name string) {
	d.hist = append(d.hist, name)
}

func main() {
	for _, a := range os.Args[1:] {
		history.next(a)
	}
	fmt.Println(len(history.hist))
}
