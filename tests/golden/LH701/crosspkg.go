// Files handed to helpers of another package of the module (issue 3,
// gap 1).
package lh701

import (
	"errors"
	"os"

	"golden/lh701/fsutil"
)

// The helper only stats: the file stays open.
func fileSize(p string) (int64, error) {
	f, err := os.Open(p) // want LH701 "never closed"
	if err != nil {
		return 0, err
	}
	return fsutil.Size(f), nil
}

// Returns early before the release helper.
func nonEmpty(p string) error {
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	if fsutil.Size(f) == 0 {
		return errors.New("empty")
	}
	fsutil.CloseQuietly(f)
	return nil
}

// ---- negatives ----

// Closed by the helper.
func touch(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer fsutil.CloseQuietly(f)
	_, err = f.WriteString("")
	return err
}

// Kept by the other package: handed on.
func register(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	fsutil.Register(p, f)
	return nil
}

// Sized, then closed here.
func sizeThenClose(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return fsutil.Size(f), nil
}
