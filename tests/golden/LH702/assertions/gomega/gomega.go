// Package gomega is a small stand-in with the shapes of Gomega's API (the
// goldens use the standard library only): a matcher chain on an actual
// value.
package gomega

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Matcher says whether a value matches.
type Matcher interface {
	Match(actual interface{}) (bool, error)
}

type matcherFunc func(actual interface{}) (bool, error)

func (f matcherFunc) Match(actual interface{}) (bool, error) { return f(actual) }

// Assertion holds the actual value.
type Assertion struct {
	actual interface{}
	fail   func(string)
}

func (a Assertion) check(m Matcher, want bool) bool {
	ok, err := m.Match(a.actual)
	if err != nil || ok != want {
		a.fail(fmt.Sprintf("%v: matched %v, want %v (%v)", a.actual, ok, want, err))
		return false
	}
	return true
}

// To asserts that the value matches.
func (a Assertion) To(m Matcher, _ ...interface{}) bool { return a.check(m, true) }

// Should is To.
func (a Assertion) Should(m Matcher, _ ...interface{}) bool { return a.check(m, true) }

// NotTo asserts that it does not.
func (a Assertion) NotTo(m Matcher, _ ...interface{}) bool { return a.check(m, false) }

// ShouldNot is NotTo.
func (a Assertion) ShouldNot(m Matcher, _ ...interface{}) bool { return a.check(m, false) }

// ToNot is NotTo.
func (a Assertion) ToNot(m Matcher, _ ...interface{}) bool { return a.check(m, false) }

var failHandler = func(msg string) { panic(msg) }

// Expect starts an assertion on actual.
func Expect(actual interface{}, _ ...interface{}) Assertion {
	return Assertion{actual, failHandler}
}

// Ω is Expect.
func Ω(actual interface{}, _ ...interface{}) Assertion { return Expect(actual) }

// WithT binds assertions to a test.
type WithT struct{ t *testing.T }

// NewWithT returns assertions that fail t.
func NewWithT(t *testing.T) *WithT { return &WithT{t} }

// Expect starts an assertion failing g's test.
func (g *WithT) Expect(actual interface{}, _ ...interface{}) Assertion {
	return Assertion{actual, func(m string) { g.t.Fatal(m) }}
}

// HaveOccurred matches a non-nil error.
func HaveOccurred() Matcher {
	return matcherFunc(func(actual interface{}) (bool, error) {
		err, _ := actual.(error)
		return err != nil, nil
	})
}

// BeNil matches nil.
func BeNil() Matcher {
	return matcherFunc(func(actual interface{}) (bool, error) {
		return actual == nil, nil
	})
}

// Succeed matches a nil error.
func Succeed() Matcher {
	return matcherFunc(func(actual interface{}) (bool, error) {
		return actual == nil, nil
	})
}

// MatchError matches an error whose text is expected.
func MatchError(expected string) Matcher {
	return matcherFunc(func(actual interface{}) (bool, error) {
		err, ok := actual.(error)
		if !ok || err == nil {
			return false, errors.New("not an error")
		}
		return strings.Contains(err.Error(), expected), nil
	})
}

// Not negates m.
func Not(m Matcher) Matcher {
	return matcherFunc(func(actual interface{}) (bool, error) {
		ok, err := m.Match(actual)
		return !ok, err
	})
}
