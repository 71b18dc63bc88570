package index

import (
	"slices"
	"testing"

	"github.com/netra-id/netra"
)

// TestRecordRules checks the rule values a record is filed under: its hits'
// rules, distinct and sorted, with an overruled hit under the word model
// instead of the rule that had cancelled its sentence.
func TestRecordRules(t *testing.T) {
	report := func(rule string) netra.Hit { return netra.Hit{Rule: rule, Mode: "report"} }
	over := func(rule string) netra.Hit {
		return netra.Hit{Rule: rule, Mode: netra.ModeOverruled, CancelledAs: "rule"}
	}
	for _, tc := range []struct {
		name string
		hits []netra.Hit
		want []string
	}{
		{"no hit", nil, nil},
		{"distinct and sorted", []netra.Hit{report("b"), report("a"), report("b")}, []string{"a", "b"}},
		{"empty rule dropped", []netra.Hit{report(""), report("a")}, []string{"a"}},
		{"overruled hits under the word model alone", []netra.Hit{over("asn-campaign"), over("asn-event")}, []string{netra.WordModelRule}},
		{"an overruled hit beside a hit that counts", []netra.Hit{report("kades-dukung"), over("asn-campaign")}, []string{"kades-dukung", netra.WordModelRule}},
		{"a rule both overruled and counting keeps its own id", []netra.Hit{over("asn-campaign"), report("asn-campaign")}, []string{"asn-campaign", netra.WordModelRule}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := RecordRules(netra.Record{Verdict: netra.Verdict{Hits: tc.hits}})
			if !slices.Equal(got, tc.want) {
				t.Errorf("RecordRules = %v, want %v", got, tc.want)
			}
		})
	}
}
