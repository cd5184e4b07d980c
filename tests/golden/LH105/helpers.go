package golden

import "errors"

var errMissing = errors.New("missing")

func valid(k string) bool { return k != "" }

func use(v int) {}
