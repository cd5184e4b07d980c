// gendump writes a synthetic goroutine?debug=2 dump in the Go 1.19 format:
// N goroutines spread over S distinct stacks (5 to 7 frames each, user and
// standard library frames, wait states with and without minutes, creators),
// about 375 bytes per goroutine like the real dumps FORMATS.md measured.
//
//	go run ./gendump -n 100000 -stacks 200 -o dump.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
)

var states = []string{"chan send", "chan receive", "select", "semacquire", "IO wait", "sleep", "sync.Cond.Wait"}

var stdFrames = [][2]string{
	{"net/http.(*conn).serve", "net/http/server.go"},
	{"net/http.serverHandler.ServeHTTP", "net/http/server.go"},
	{"net/http.(*ServeMux).ServeHTTP", "net/http/server.go"},
	{"net/http.HandlerFunc.ServeHTTP", "net/http/server.go"},
	{"bufio.(*Reader).fill", "bufio/bufio.go"},
	{"io.ReadAtLeast", "io/io.go"},
	{"sync.(*Mutex).lockSlow", "sync/mutex.go"},
	{"context.(*cancelCtx).Done", "context/context.go"},
}

type frame struct {
	fn, file string
	line     int
	args     string
	off      int
}

type shape struct {
	state   string
	frames  []frame
	creator frame
	minutes bool
}

func mkShape(r *rand.Rand, i int) shape {
	s := shape{state: states[i%len(states)], minutes: i%3 == 0}
	n := 5 + r.Intn(3)
	for k := 0; k < n; k++ {
		var f frame
		if k%3 == 2 {
			sf := stdFrames[r.Intn(len(stdFrames))]
			f = frame{fn: sf[0], file: "/usr/lib/go/src/" + sf[1]}
		} else {
			f = frame{
				fn:   fmt.Sprintf("svc/p%d.(*W%d).h%d", i%17, k, i),
				file: fmt.Sprintf("/app/p%d/w%d.go", i%17, k),
			}
		}
		f.line = 20 + r.Intn(400)
		f.off = r.Intn(0x400)
		switch r.Intn(3) {
		case 0:
			f.args = "(...)"
			f.off = -1
		case 1:
			f.args = fmt.Sprintf("(0xc%09x, 0x%x)", r.Int63n(1<<36), r.Intn(64))
		default:
			f.args = fmt.Sprintf("(0xc%09x?)", r.Int63n(1<<36))
		}
		s.frames = append(s.frames, f)
	}
	s.creator = frame{
		fn:   fmt.Sprintf("svc/p%d.Start%d", i%17, i),
		file: fmt.Sprintf("/app/p%d/start.go", i%17),
		line: 10 + r.Intn(90), off: r.Intn(0x200),
	}
	return s
}

func main() {
	n := flag.Int("n", 100000, "goroutines")
	nstacks := flag.Int("stacks", 200, "distinct stacks")
	out := flag.String("o", "", "output file (default stdout)")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	r := rand.New(rand.NewSource(*seed))
	shapes := make([]shape, *nstacks)
	for i := range shapes {
		shapes[i] = mkShape(r, i)
	}
	f := os.Stdout
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "goroutine 1 [running]:\nmain.main()\n\t/home/ci/src/example.com/svc/main.go:42 +0x1d\n\n")
	for g := 0; g < *n; g++ {
		// skewed: a few stacks hold most goroutines, like a real leak
		i := int(float64(*nstacks) * r.Float64() * r.Float64())
		s := &shapes[i]
		fmt.Fprintf(w, "goroutine %d [%s", g+2, s.state)
		if s.minutes {
			fmt.Fprintf(w, ", %d minutes", 1+r.Intn(300))
		}
		w.WriteString("]:\n")
		for _, fr := range s.frames {
			fmt.Fprintf(w, "%s%s\n\t%s:%d", fr.fn, fr.args, fr.file, fr.line)
			if fr.off >= 0 {
				fmt.Fprintf(w, " +0x%x", fr.off)
			}
			w.WriteByte('\n')
		}
		fmt.Fprintf(w, "created by %s\n\t%s:%d +0x%x\n\n", s.creator.fn, s.creator.file, s.creator.line, s.creator.off)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
