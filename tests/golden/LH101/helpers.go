package golden

import "errors"

var errBad = errors.New("bad")

func apply(n int) error {
	if n < 0 {
		return errBad
	}
	return nil
}

func cleanup()      {}
func use(v int)     {}
func compute() int  { return 42 }
