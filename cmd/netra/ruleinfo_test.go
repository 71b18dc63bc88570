package main

import (
	"slices"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/rules"
)

// TestRuleInfos checks the rows the review app and `rules report` get: the
// pack's rules in order, and the word model's only when the calibration
// weighs cancelled_model.
func TestRuleInfos(t *testing.T) {
	two := []*rules.Rule{
		{ID: "asn-campaign", Title: "ASN berkampanye", Category: "asn_campaign", Flag: true},
		{ID: "kades", Title: "Kepala desa", Category: "official_non_asn"},
	}
	withWeights := func(w map[string]float64) *rules.Pack {
		return &rules.Pack{Rules: two, Calibration: &rules.Calibration{Weights: w}}
	}
	for _, tc := range []struct {
		name string
		pack *rules.Pack
		want []string
	}{
		{"no calibration", &rules.Pack{Rules: two}, []string{"asn-campaign", "kades"}},
		{"calibration without the cancelled reading", withWeights(map[string]float64{"text_model": 0.8}), []string{"asn-campaign", "kades"}},
		{"cancelled_model weighed 0", withWeights(map[string]float64{"cancelled_model": 0}), []string{"asn-campaign", "kades"}},
		{"cancelled_model weighed", withWeights(map[string]float64{"text_model": 0.8, "cancelled_model": 0.5}), []string{"asn-campaign", "kades", netra.WordModelRule}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			infos := ruleInfos(tc.pack)
			var ids []string
			for _, r := range infos {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Fatalf("rule IDs %v, want %v", ids, tc.want)
			}
			if infos[1].Flag || !infos[0].Flag || infos[0].Title != "ASN berkampanye" || infos[0].Category != "asn_campaign" {
				t.Errorf("pack rules not carried over: %+v", infos[:2])
			}
			if len(infos) == 3 && infos[2] != review.WordModelInfo() {
				t.Errorf("word model row %+v, want %+v", infos[2], review.WordModelInfo())
			}
		})
	}
	// The built-in pack weighs it (since 2026.12.19).
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if infos := ruleInfos(p); len(infos) != len(p.Rules)+1 || infos[len(infos)-1].ID != netra.WordModelRule {
		t.Errorf("built-in pack: %d rows for %d rules, last %+v", len(infos), len(p.Rules), infos[len(infos)-1])
	}
}
