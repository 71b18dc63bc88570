package classifier

import (
	"github.com/netra-id/netra"
)

// ExampleFailure is an inline rule example that did not behave as its rule
// says: a `match` example the rule missed, or a `no_match` example it hit.
type ExampleFailure struct {
	Rule    string
	Where   string // file:line of the rule
	Example string
	// WantMatch is true for a `match` example.
	WantMatch bool
}

// ExampleResult summarises CheckExamples.
type ExampleResult struct {
	Rules, Examples int
	Failures        []ExampleFailure
}

// CheckExamples runs every rule's inline examples through the whole
// classifier (first stage included) and reports those that fail. This is
// what `netra rules test` runs.
func (c *Classifier) CheckExamples() ExampleResult {
	var res ExampleResult
	for _, cr := range c.rules {
		r := cr.rule
		res.Rules++
		run := func(ex string, want bool) {
			res.Examples++
			if c.RuleFires(r.ID, ex) != want {
				res.Failures = append(res.Failures, ExampleFailure{Rule: r.ID, Where: r.Where(), Example: ex, WantMatch: want})
			}
		}
		for _, ex := range r.Match {
			run(ex, true)
		}
		for _, ex := range r.NoMatch {
			run(ex, false)
		}
	}
	return res
}

// RuleFires reports whether rule id gives a hit on text.
func (c *Classifier) RuleFires(id, text string) bool {
	v := c.Classify(netra.Item{Text: text})
	for _, h := range v.Hits {
		if h.Rule == id {
			return true
		}
	}
	return false
}
