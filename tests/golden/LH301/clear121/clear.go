package clear121

// Emptied with clear() (Go 1.21).
var batch = map[string]int{}

func add(k string) { batch[k]++ }

func reset() { clear(batch) }

// Still leaking: the fix advice may use clear().
var forever = map[string]int{}

func keep(k string) { forever[k] = 1 } // want LH301 "clear\(\) \(Go >= 1.21\)"

// A slice: with Go 1.21 the advice clears the dropped elements with clear().
var backlog []string

func queueUp(s string) { backlog = append(backlog, s) } // want LH302 "after clear\(\) to release references"
