package review

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestRuleHealth reviews the fixture's flagged items through the API and
// checks the rule-health figures against a hand count: the camat item
// (rule asn-dukung-paslon) confirmed, the Hulu Sungai Tengah item (rule
// asn-hadir-kampanye) dismissed as a norm.
func TestRuleHealth(t *testing.T) {
	f := ruleHealthFixture(t)

	code, body, _ := f.do("GET", "/api/v1/rules", "budi", viewerPW, nil)
	if code != 200 {
		t.Fatalf("GET /api/v1/rules: %d %s", code, body)
	}
	var rep struct{ Rules []RuleHealth }
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]RuleHealth{}
	for _, h := range rep.Rules {
		got[h.Rule] = h
	}
	if h := got["asn-dukung-paslon"]; h.Fired != 1 || h.Confirmed != 1 || h.Dismissed != 0 || h.Precision == nil || *h.Precision != 1 {
		t.Errorf("asn-dukung-paslon: %+v", h)
	}
	h := got["asn-hadir-kampanye"]
	if h.Fired != 1 || h.Dismissed != 1 || h.DismissedBy["norm"] != 1 || h.Precision == nil || *h.Precision != 0 || len(h.LatestDismissed) != 1 || h.LatestDismissed[0].Note != "norm: imbauan" {
		t.Errorf("asn-hadir-kampanye: %+v", h)
	}
	if h := got["kades-dukung-calon"]; h.Fired != 1 || h.Open != 1 || h.Precision != nil {
		t.Errorf("kades-dukung-calon: %+v", h)
	}
	if code, _, _ := f.do("GET", "/api/v1/rules?since=kemarin", "budi", viewerPW, nil); code != 400 {
		t.Errorf("bad since: %d", code)
	}
	// The same figures through the store directly, over a period that ends
	// before the fixture's items: nothing fired.
	early, err := RuleHealthReport(t.Context(), f.store, []RuleInfo{{ID: "asn-dukung-paslon"}}, time.Time{}, mustDay(t, "2020-01-01"), mustDay(t, "2020-02-01"))
	if err != nil || len(early) != 1 || early[0].Fired != 0 {
		t.Errorf("period before the items: %+v %v", early, err)
	}

	// The page shows the same numbers, with reasons in Indonesian.
	c, _ := f.login("budi", viewerPW)
	code, page := f.page(c, "/rules")
	if code != 200 || !strings.Contains(page, `data-rule="asn-hadir-kampanye"`) || !strings.Contains(page, "Norma/imbauan, bukan perbuatan: 1") || !strings.Contains(page, "1.00") {
		t.Errorf("rules page: %d\n%s", code, page)
	}
}

func mustDay(t *testing.T, s string) (d time.Time) {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ruleHealthFixture is the fixture with three rules, its camat item
// (asn-dukung-paslon) confirmed and its Hulu Sungai Tengah item
// (asn-hadir-kampanye) dismissed as a norm, through the API.
func ruleHealthFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, withOptions(WithRules([]RuleInfo{
		{ID: "asn-dukung-paslon", Title: "ASN mendukung paslon", Category: "asn_partisan", Flag: true},
		{ID: "asn-hadir-kampanye", Title: "ASN hadir di kampanye", Category: "asn_partisan", Flag: true},
		{ID: "kades-dukung-calon", Title: "Kades mendukung calon", Category: "kepala_desa", Flag: false},
	})))
	decide := func(idx int, body map[string]any) {
		t.Helper()
		id := f.recs[idx].Item.ID
		body["version"] = f.version(id)
		if code, b, _ := f.do("POST", "/api/v1/items/"+id+"/review", "rina", reviewerPW, body); code != 200 {
			t.Fatalf("review %s: %d %s", id, code, b)
		}
	}
	decide(0, map[string]any{"status": "confirmed"})
	decide(3, map[string]any{"status": "dismissed", "reason": "norm", "note": "imbauan"})
	return f
}
