// Table tests whose failing cases assert the error with Gomega or gocheck
// (issue 3): after `resp, err := ...`, a path that asserts err is an error
// and leaves resp alone is one where resp is nil. Asserting success, or
// negating the matcher, is not that.
package assertions

import (
	"net/http"
	"testing"

	"golden/check"
	. "golden/gomega"
)

var cases = []struct {
	url  string
	fail bool
}{
	{"http://127.0.0.1:1/ok", false},
	{"http://127.0.0.1:1/refused", true},
}

// ---- negatives ----

// N1: Expect(err).To(HaveOccurred()) on the failing cases.
func TestGomegaTable(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			Expect(err).To(HaveOccurred())
			continue
		}
		Expect(err).NotTo(HaveOccurred())
		resp.Body.Close()
	}
}

// N2: Ω(err).Should(HaveOccurred()).
func TestOmega(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			Ω(err).Should(HaveOccurred())
			continue
		}
		Ω(err).ShouldNot(HaveOccurred())
		resp.Body.Close()
	}
}

// N3: MatchError, through a test-bound Gomega.
func TestMatchError(t *testing.T) {
	g := NewWithT(t)
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			g.Expect(err).To(MatchError("connection refused"))
			continue
		}
		g.Expect(err).To(Succeed())
		resp.Body.Close()
	}
}

// N4: subtests; the assertion carries a description.
func TestSubtests(t *testing.T) {
	for _, tc := range cases {
		tc := tc
		t.Run(tc.url, func(t *testing.T) {
			g := NewWithT(t)
			resp, err := http.Get(tc.url)
			if tc.fail {
				g.Expect(err).Should(MatchError("refused"), "dialing a closed port")
				return
			}
			g.Expect(err).ToNot(HaveOccurred())
			defer resp.Body.Close()
		})
	}
}

type suite struct{}

// N5: gocheck, c.Assert(err, NotNil) on the failing cases.
func (s *suite) TestCheckTable(c *check.C) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			c.Assert(err, check.NotNil)
			continue
		}
		c.Assert(err, check.IsNil)
		resp.Body.Close()
	}
}

// N6: gocheck's ErrorMatches, through Check.
func (s *suite) TestCheckMatches(c *check.C) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			c.Check(err, check.ErrorMatches, ".*refused.*")
			continue
		}
		c.Assert(err, check.IsNil)
		resp.Body.Close()
	}
}

// N7: Expect(err).NotTo(BeNil()), and Not(BeNil()) inside To.
func TestNotNil(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			Expect(err).NotTo(BeNil())
			continue
		}
		if tc.url == "" {
			Expect(err).To(Not(BeNil()))
			continue
		}
		Expect(err).To(BeNil())
		resp.Body.Close()
	}
}

// N8: gocheck's Not(IsNil).
func (s *suite) TestCheckNotIsNil(c *check.C) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.fail {
			c.Assert(err, check.Not(check.IsNil))
			continue
		}
		c.Assert(err, check.IsNil)
		resp.Body.Close()
	}
}

// ---- positives ----

// P1: success asserted, the response dropped on the bad status.
func TestGomegaDropped(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/") // want LH702 "not closed on every path"
	Expect(err).NotTo(HaveOccurred())
	if resp.StatusCode != http.StatusOK {
		t.Error(resp.Status)
		return
	}
	resp.Body.Close()
}

// P2: a negated matcher is not an error assertion.
func TestNegated(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url) // want LH702 "not closed on every path"
		if tc.fail {
			Expect(err).To(Not(HaveOccurred()))
			continue
		}
		resp.Body.Close()
	}
}

// P3: gocheck asserting success, then the response is dropped.
func (s *suite) TestCheckDropped(c *check.C) {
	resp, err := http.Get("http://127.0.0.1:1/") // want LH702 "never closed"
	c.Assert(err, check.IsNil)
	c.Check(resp.StatusCode, check.NotNil)
}

// P4: the assertion is on another call's error.
func TestOtherCallsError(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url) // want LH702 "not closed on every path"
		_, rerr := http.NewRequest("BAD METHOD", tc.url, nil)
		if tc.fail {
			Expect(rerr).To(HaveOccurred())
			continue
		}
		Expect(err).To(Succeed())
		resp.Body.Close()
	}
}

// P5: the failing cases assert the error; a bad status on the others
// skips the close.
func (s *suite) TestCheckStatus(c *check.C) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url) // want LH702 "not closed on every path"
		if tc.fail {
			c.Check(err, check.ErrorMatches, ".*refused.*")
			continue
		}
		c.Assert(err, check.IsNil)
		if resp.StatusCode != http.StatusOK {
			continue
		}
		resp.Body.Close()
	}
}

// P6: the failing cases assert that there is no error.
func TestBeNilOnFailure(t *testing.T) {
	for _, tc := range cases {
		resp, err := http.Get(tc.url) // want LH702 "not closed on every path"
		if tc.fail {
			Expect(err).To(BeNil())
			continue
		}
		Expect(err).ShouldNot(HaveOccurred())
		resp.Body.Close()
	}
}
