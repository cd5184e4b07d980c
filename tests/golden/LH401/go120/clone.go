package go120

import "os"

var keep [][]byte

// Go 1.20: the advice is bytes.Clone.
func remember(name string) {
	data, _ := os.ReadFile(name)
	keep = append(keep, data[:8]) // want LH401 "bytes.Clone\(b\) \(Go >= 1.20\)" LH302
}
