package golden

import "errors"

var errBad = errors.New("bad")

func fetch(url string) (string, error) {
	if url == "" {
		return "", errBad
	}
	return url, nil
}

func check(n int) error {
	if n < 0 {
		return errBad
	}
	return nil
}
