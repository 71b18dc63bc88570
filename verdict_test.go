package netra

import "testing"

// TestVerdictOverruled checks when a flag rests on the word model alone.
func TestVerdictOverruled(t *testing.T) {
	over := Hit{Rule: "asn-campaign", Mode: ModeOverruled, CancelledAs: "rule"}
	report := Hit{Rule: "asn-campaign", Mode: "report"}
	for _, tc := range []struct {
		name string
		v    Verdict
		want bool
	}{
		{"every hit overruled", Verdict{Flagged: true, Hits: []Hit{over, over}}, true},
		{"one hit counts on its own", Verdict{Flagged: true, Hits: []Hit{over, report}}, false},
		{"not flagged", Verdict{Hits: []Hit{over}}, false},
		{"no hit", Verdict{Flagged: true}, false},
	} {
		if got := tc.v.Overruled(); got != tc.want {
			t.Errorf("%s: Overruled() = %v, want %v", tc.name, got, tc.want)
		}
	}
}
