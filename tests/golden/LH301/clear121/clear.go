package clear121

// Emptied with clear() (Go 1.21).
var batch = map[string]int{}

func add(k string) { batch[k]++ }

func reset() { clear(batch) }

// Still leaking: the fix advice may use clear().
var forever = map[string]int{}

func keep(k string) { forever[k] = 1 } // want LH301 "forever"
