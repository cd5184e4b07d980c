// A one-shot tool: it appends while it walks its arguments and exits.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

var found []string

func visit(path string, info os.FileInfo, err error) error {
	if err == nil && !info.IsDir() {
		found = append(found, path)
	}
	return nil
}

func main() {
	for _, root := range os.Args[1:] {
		filepath.Walk(root, visit)
	}
	fmt.Println(len(found))
}
