package lh302

import (
	"flag"
	"os"
	"strconv"
	"strings"
)

// Filled from the command line: the slice mirrors the flags, once per
// process, whatever calls it.
var (
	portList *string
	ports    []int
)

func Init() {
	portList = flag.String("ports", "80", "comma-separated ports")
}

func ParsePorts() {
	for _, p := range strings.Split(*portList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err == nil {
			ports = append(ports, n)
		}
	}
}

// From the environment: configuration too.
var searchPath []string

func LoadPath() {
	for _, d := range strings.Split(os.Getenv("APP_PATH"), ":") {
		searchPath = append(searchPath, d)
	}
}

// A set kept as a slice: it grows with the distinct names callers pass,
// not with the calls (low confidence).
var known []string

func Remember(name string) {
	for _, k := range known {
		if k == name {
			return
		}
	}
	known = append(known, name) // want LH302 "distinct keys"
}

// A consumer goroutine started at init: it appends for as long as
// someone sends.
var (
	lines    = make(chan string)
	received []string
)

func init() {
	go func() {
		for l := range lines {
			received = append(received, l) // want LH302 "received"
		}
	}()
}

func Send(l string) { lines <- l }

// A constant appended per call still grows per call.
var ticks []int

func Tick() {
	ticks = append(ticks, 1) // want LH302 "ticks"
}
