// A one-shot program: main runs once and the map is filled once.
package main

import (
	"fmt"
	"os"
)

var seen = map[string]bool{}

func load(names []string) {
	for _, n := range names {
		seen[n] = true
	}
}

func main() {
	load(os.Args[1:])
	fmt.Println(len(seen))
}
