// A one-shot generator: its endless loops read input until it ends, they
// wait for no event; its tables live for one run.
package main

import (
	"bufio"
	"fmt"
	"os"
)

var types = map[int]string{}

var ntypes int

func lex(r *bufio.Reader) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		ntypes++
		types[ntypes] = line
	}
}

func main() {
	lex(bufio.NewReader(os.Stdin))
	fmt.Println(len(types))
}
