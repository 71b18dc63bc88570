package classifier

import (
	"reflect"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestExplainNearMisses: a sentence with an ASN actor and a campaign act
// but no side named is not flagged, and the explanation says which rule
// came close and what it lacked; Explain's verdict is Classify's.
func TestExplainNearMisses(t *testing.T) {
	c := mustDefault(t)
	cases := []struct {
		text, rule, why, lacks string
	}{
		{"Seorang guru PNS di sekolah itu kemarin mengunggah video acara pentas seni.", "asn-social-media", "no target word the rule takes", "no target"},
		{"Para guru itu mengeluh. Kepala sekolah SD negeri di desa kami sudah lama dikenal sangat dekat dengan banyak orang, dan beberapa bulan yang lalu, seperti diceritakan warga kepada kami, juga mendukung secara terbuka pasangan calon bupati.", "asn-support", "words from the", "actor too far"},
	}
	for _, tc := range cases {
		it := netra.Item{ID: "t", Text: tc.text}
		v, near := c.Explain(it)
		if want := c.Classify(it); !reflect.DeepEqual(v, want) {
			t.Errorf("%q: Explain's verdict %+v differs from Classify's %+v", tc.text, v, want)
		}
		found := false
		for _, n := range near {
			if n.Rule == tc.rule && strings.Contains(n.Why, tc.why) {
				found = true
				if n.Lacks != tc.lacks {
					t.Errorf("%q: near miss of %s lacks %q, want %q", tc.text, tc.rule, n.Lacks, tc.lacks)
				}
				if !strings.Contains(tc.text, n.Sentence) || len(n.Found) < 2 {
					t.Errorf("%q: near miss %+v: sentence not from the text or fewer than two roles found", tc.text, n)
				}
			}
		}
		if !found {
			t.Errorf("%q: no near miss of %s saying %q in %+v (flagged %v)", tc.text, tc.rule, tc.why, near, v.Flagged)
		}
	}
}

// TestExplainNothingNearWithoutCandidate: a text the first stage passes
// over has no near misses.
func TestExplainNothingNearWithoutCandidate(t *testing.T) {
	c := mustDefault(t)
	if _, near := c.Explain(netra.Item{ID: "t", Text: "Harga cabai di pasar naik lagi minggu ini."}); len(near) != 0 {
		t.Errorf("near misses for a text with no actor: %+v", near)
	}
}

// TestWholePostNearMiss checks that an explanation says why a short post
// was not read whole, and why a rule that fired on it did not count.
func TestWholePostNearMiss(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct{ text, why string }{
		{"Ada yg nuduh kepala dinas kami ikut rapat timses. Beliau udah klarifikasi: malam itu lagi di RS.", "someone else is named as the agent"},
		{"Pak camat kemarin datang ke acara itu. Katanya ASN harus netral, dilarang ikut kampanye paslon 2.", "a cue stands in a sentence that holds the act's roles"},
	} {
		v, near := c.Explain(netra.Item{Text: tc.text})
		if v.Flagged {
			t.Errorf("%q flagged", tc.text)
			continue
		}
		found := false
		for _, n := range near {
			if n.Rule == wholePostRule && strings.Contains(n.Why, tc.why) {
				found = n.Lacks == "whole post"
			}
		}
		if !found {
			t.Errorf("%q: no whole-post near miss saying %q in %+v", tc.text, tc.why, near)
		}
	}
}
