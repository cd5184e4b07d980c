package rtcf

import (
	"io"
	"os"
)

// Every file stays open until the function returns.
func concat(w io.Writer, paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close() // want LH706
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// The closure called on the spot runs its defer at the end of each
// iteration.
func concatScoped(w io.Writer, paths []string) error {
	for _, p := range paths {
		err := func() error {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}()
		if err != nil {
			return err
		}
	}
	return nil
}
