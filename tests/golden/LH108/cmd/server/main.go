package main

func serve() {}

// Only main calls it.
func run() {
	go serve()
	select {}
}

func main() {
	go serve()
	if len("x") > 0 {
		run()
	}
	select {}
}
