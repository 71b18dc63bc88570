package levenshtein

import (
	"reflect"
	"testing"
)

// TestLazyBuilderMatchesEager (added for Netra): a builder whose
// parametric DFA is built on first use reports the same distance and
// builds the same automata as one built up front, as upstream did.
func TestLazyBuilderMatchesEager(t *testing.T) {
	for _, d := range []uint8{0, 1, 2, 3} {
		for _, tr := range []bool{false, true} {
			lb, err := NewLevenshteinAutomatonBuilder(d, tr)
			if err != nil {
				t.Fatal(err)
			}
			eager, err := fromNfa(newLevenshtein(d, tr))
			if err != nil {
				t.Fatal(err)
			}
			if lb.MaxDistance() != eager.maxDistance {
				t.Errorf("d=%d: MaxDistance %d, eager %d", d, lb.MaxDistance(), eager.maxDistance)
			}
			for _, q := range []string{"", "a", "camat", "kecamatan", "dukungannya", "héllo"} {
				got, err := lb.BuildDfa(q, d)
				if err != nil {
					t.Fatal(err)
				}
				want, err := eager.buildDfa(q, d, false)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("d=%d transposition=%v %q: lazy and eager automata differ", d, tr, q)
				}
			}
		}
	}
}
