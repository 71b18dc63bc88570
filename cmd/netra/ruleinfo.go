package main

import (
	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/rules"
)

// ruleInfos is what the review app (`netra serve`) and `netra rules report`
// know of a pack's rules, built in one place so the rule-health page, the
// API and the report list the same rows: every rule in pack order, then the
// word model (review.WordModelInfo) when the pack's calibration weighs
// cancelled_model or near_model, the features that flag an article whose
// every ASN match a discourse cue cancelled or on which a rule only came
// near. A pack that cannot raise such flags gets no row for them.
func ruleInfos(p *rules.Pack) []review.RuleInfo {
	out := make([]review.RuleInfo, 0, len(p.Rules)+1)
	for _, r := range p.Rules {
		out = append(out, review.RuleInfo{ID: r.ID, Title: r.Title, Category: r.Category, Flag: r.Flag})
	}
	if c := p.Calibration; c != nil && (c.Weights["cancelled_model"] != 0 || c.Weights["near_model"] != 0) {
		out = append(out, review.WordModelInfo())
	}
	return out
}
