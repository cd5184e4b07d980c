// filefixed: fileleak's twin: each file is read and closed.
package main

import (
	"io"
	"os"
	"time"

	"lhe2e/internal/serve"
)

func readConfig() {
	f, err := os.Open("/etc/hostname")
	if err != nil {
		return
	}
	defer f.Close()
	io.ReadAll(f)
}

func main() {
	serve.Start()
	serve.Every(50*time.Millisecond, func() {
		readConfig()
		serve.Garbage(8 << 10)
	})
}
