package lh303

import "net/http"

// Exported: other packages may reset the field (Routes.table = nil).
type RouteSet struct {
	table map[string]http.Handler
}

var Routes = &RouteSet{table: map[string]http.Handler{}}

func (r *RouteSet) Add(p string, h http.Handler) { r.table[p] = h }

// A field of a named map type: writes through it grow the only instance.
type pathCount map[string]int

type metrics struct {
	byPath pathCount
}

var served = metrics{byPath: pathCount{}}

func countServed(w http.ResponseWriter, r *http.Request) {
	served.byPath[r.URL.Path]++ // want LH303 "keyed by request data"
}

// Keys from a fixed table of the package: bounded.
var methodNames = map[string]int{"GET": 0, "POST": 1, "PUT": 2}

type perMethod struct {
	counts map[int]int
}

var byMethod = perMethod{counts: map[int]int{}}

func countMethod(r *http.Request) {
	byMethod.counts[methodNames[r.Method]]++
}
