package golden

import "errors"

var errBad = errors.New("bad")

func validate(n int) error {
	if n < 0 {
		return errBad
	}
	return nil
}

func record(n int) {}
