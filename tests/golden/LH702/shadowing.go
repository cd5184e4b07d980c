package lh702

import (
	"fmt"
	"net/http"
)

// The inner resp shadows the outer one and is never closed.
func shadowInner(a, b string, x bool) error {
	resp, err := http.Get(a)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if x {
		resp, err := http.Get(b) // want LH702 "never closed"
		if err != nil {
			return err
		}
		fmt.Println(resp.StatusCode)
	}
	return nil
}

// The inner err shadows the outer one: the outer check still guards.
func shadowErr(a string) error {
	resp, err := http.Get(a)
	if err != nil {
		return err
	}
	if err := check(resp.StatusCode); err != nil {
		resp.Body.Close()
		return err
	}
	return resp.Body.Close()
}

func check(code int) error {
	if code != 200 {
		return fmt.Errorf("status %d", code)
	}
	return nil
}

// The inner err shadows; the early return leaks the outer response.
func shadowErrLeak(a string) error {
	resp, err := http.Get(a) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	if err := check(resp.StatusCode); err != nil {
		return err
	}
	return resp.Body.Close()
}

// A method expression closes it.
func methodValue(a string) error {
	resp, err := http.Get(a)
	if err != nil {
		return err
	}
	closeFn := resp.Body.Close
	defer func() { _ = closeFn() }()
	return nil
}

// Generic helper taking the response.
func with[T any](v T, fn func(T)) { fn(v) }

func genericWith(a string) error {
	resp, err := http.Get(a)
	if err != nil {
		return err
	}
	with(resp, func(r *http.Response) { r.Body.Close() })
	return nil
}
