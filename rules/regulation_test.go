package rules

import (
	"testing"

	"github.com/netra-id/netra/rules/regulation"
)

// TestPackCitesKnownRegulations: every rule of the built-in pack cites
// regulations and articles the regulation table holds, so the item page and
// the evidence bundle can show and link each one. A rule citing a statute
// or article missing from rules/regulation fails here.
func TestPackCitesKnownRegulations(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rules) == 0 {
		t.Fatal("the default pack has no rules")
	}
	for _, r := range p.Rules {
		cs, err := regulation.Cite(r.Regulation)
		if err != nil {
			t.Errorf("%s (%s): %v", r.ID, r.Where(), err)
			continue
		}
		if len(cs) == 0 {
			t.Errorf("%s (%s): regulation %q cites nothing", r.ID, r.Where(), r.Regulation)
		}
	}
}
