package golden

import "errors"

var errBad = errors.New("bad")

func check(i int) error {
	if i < 0 {
		return errBad
	}
	return nil
}

func process(i int) {}
