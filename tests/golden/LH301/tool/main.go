// A one-shot program: main runs once, the map grows with its input only.
package main

import (
	"fmt"
	"os"
)

var seen = map[string]bool{}

func visit(name string) {
	seen[name] = true
}

func main() {
	for _, a := range os.Args[1:] {
		visit(a)
	}
	fmt.Println(len(seen))
}
