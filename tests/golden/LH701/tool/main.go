// A one-shot generator: what main leaves open when it returns is taken
// back by the system as the process exits. Only what piles up while main
// runs is a leak.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
)

var (
	in  = flag.String("in", "", "input")
	out = flag.String("out", "", "output")
)

func main() {
	flag.Parse()
	src, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	dst, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(dst)
	defer w.Flush()
	s := bufio.NewScanner(src)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), "//") {
			continue
		}
		fmt.Fprintln(w, s.Text())
	}
	if *out == "-" {
		return
	}
	for _, name := range flag.Args() {
		f, err := os.Open(name) // want LH701 "file is never closed"
		if err != nil {
			log.Fatal(err)
		}
		st, _ := f.Stat()
		fmt.Fprintln(w, name, st.Size())
	}
	serve()
	poll(flag.Args())
}

// Not main: returning with the listener open leaks it.
func serve() {
	l, err := net.Listen("tcp", "127.0.0.1:0") // want LH704 "listener is never closed"
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Addr())
}

// A helper of main is an ordinary function.
func poll(urls []string) {
	for _, u := range urls {
		http.Get(u) // want LH702 "response body is discarded"
	}
}
