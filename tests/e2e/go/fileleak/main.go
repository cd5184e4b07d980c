// fileleak: opens a file per request and keeps the *os.File (never
// closed) in a list of "open handles".
package main

import (
	"os"
	"time"

	"lhe2e/internal/serve"
)

var handles []*os.File

func openConfig() {
	f, err := os.Open("/etc/hostname")
	if err != nil {
		return
	}
	handles = append(handles, f) // never closed
}

func main() {
	serve.Start()
	serve.Every(50*time.Millisecond, func() {
		openConfig()
		serve.Garbage(8 << 10)
	})
}
