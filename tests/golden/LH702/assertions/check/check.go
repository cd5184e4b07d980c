// Package check is a small stand-in with the shapes of gocheck's API
// (gopkg.in/check.v1): c.Assert(obtained, checker, args...).
package check

import (
	"fmt"
	"regexp"
)

// Checker checks an obtained value against its arguments.
type Checker interface {
	Check(obtained interface{}, args []interface{}) bool
}

type checkerFunc func(obtained interface{}, args []interface{}) bool

func (f checkerFunc) Check(o interface{}, args []interface{}) bool { return f(o, args) }

// IsNil holds for nil.
var IsNil Checker = checkerFunc(func(o interface{}, _ []interface{}) bool { return o == nil })

// NotNil holds for anything else.
var NotNil Checker = checkerFunc(func(o interface{}, _ []interface{}) bool { return o != nil })

// ErrorMatches holds for an error whose text matches args[0].
var ErrorMatches Checker = checkerFunc(func(o interface{}, args []interface{}) bool {
	err, ok := o.(error)
	if !ok || err == nil || len(args) != 1 {
		return false
	}
	re, _ := args[0].(string)
	m, _ := regexp.MatchString("^("+re+")$", err.Error())
	return m
})

// Not negates c.
func Not(c Checker) Checker {
	return checkerFunc(func(o interface{}, args []interface{}) bool { return !c.Check(o, args) })
}

// C is a test's context.
type C struct{ failed bool }

// Check reports whether the check holds and marks the test failed if not.
func (c *C) Check(obtained interface{}, checker Checker, args ...interface{}) bool {
	if !checker.Check(obtained, args) {
		c.failed = true
		return false
	}
	return true
}

// Assert stops the test when the check fails.
func (c *C) Assert(obtained interface{}, checker Checker, args ...interface{}) {
	if !c.Check(obtained, checker, args...) {
		panic(fmt.Sprintf("assertion failed on %v", obtained))
	}
}
