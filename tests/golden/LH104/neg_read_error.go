package golden

import "os"

// The loop returns on a read error, and exits the process on a fatal one.
func reader() {
	go func() {
		for {
			v, err := readMsg()
			if err != nil {
				return
			}
			handle(v)
		}
	}()
	go func() {
		for {
			if busy() {
				os.Exit(1)
			}
			refresh()
		}
	}()
}
