package review

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// TestRuleHealth reviews the fixture's flagged items through the API and
// checks the rule-health figures against a hand count: the camat item
// (rule asn-dukung-paslon) confirmed, the Hulu Sungai Tengah item (rule
// asn-hadir-kampanye) dismissed as a norm.
func TestRuleHealth(t *testing.T) {
	f := ruleHealthFixture(t)

	got, _ := f.ruleHealth(t)
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

// TestRuleHealthWordModel dismisses a flag that rests on the word model
// alone (its one hit of asn-hadir-kampanye overruled: the rules had read
// the sentence as a rule stated) and checks that the dismissal counts in
// the word model's row, not against asn-hadir-kampanye, which had set the
// sentence aside; and that the queue's rule filter lists the flag under
// the word model, with its badge.
func TestRuleHealthWordModel(t *testing.T) {
	text := "Bawaslu menyebut ASN dilarang hadir di kampanye, tetapi camat itu tetap datang ke lapangan."
	it := netra.Item{Source: "uji", Kind: "news", Title: "Camat Datang ke Kampanye", Text: text, Language: "id",
		Published: time.Date(2024, 1, 11, 8, 0, 0, 0, time.UTC)}
	it.ID = netra.ItemID("", it.Source, it.Text)
	over := netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.45, Categories: []string{"asn_partisan"},
		Hits: []netra.Hit{{Rule: "asn-hadir-kampanye", Category: "asn_partisan", Sentence: text, Start: 0, End: len(text),
			Terms: []string{"kampanye"}, Mode: netra.ModeOverruled, Cue: "dilarang", CancelledAs: "rule"}}}}
	f := newFixture(t, withRecords(over), withOptions(WithRules([]RuleInfo{
		{ID: "asn-dukung-paslon", Title: "ASN mendukung paslon", Category: "asn_partisan", Flag: true},
		{ID: "asn-hadir-kampanye", Title: "ASN hadir di kampanye", Category: "asn_partisan", Flag: true},
		{ID: "kades-dukung-calon", Title: "Kades mendukung calon", Category: "kepala_desa", Flag: false},
		WordModelInfo(),
	})))
	body := map[string]any{"status": "dismissed", "reason": "norm", "note": "hanya imbauan", "version": f.version(it.ID)}
	if code, b, _ := f.do("POST", "/api/v1/items/"+it.ID+"/review", "rina", reviewerPW, body); code != 200 {
		t.Fatalf("dismiss the overruled flag: %d %s", code, b)
	}

	got, b := f.ruleHealth(t)
	wm, ok := got[netra.WordModelRule]
	if !ok {
		t.Fatalf("no row for %s: %s", netra.WordModelRule, b)
	}
	if wm.Title != wordModelTitle || !wm.Flag || wm.Fired != 1 || wm.Dismissed != 1 || wm.DismissedBy["norm"] != 1 ||
		wm.Precision == nil || *wm.Precision != 0 || len(wm.LatestDismissed) != 1 || wm.LatestDismissed[0].ID != it.ID {
		t.Errorf("word model: %+v", wm)
	}
	// asn-hadir-kampanye fired on the Hulu Sungai Tengah item alone, still
	// open: the dismissed flag is not counted against it.
	if h := got["asn-hadir-kampanye"]; h.Fired != 1 || h.Dismissed != 0 || h.Open != 1 || h.Precision != nil {
		t.Errorf("asn-hadir-kampanye: %+v", h)
	}

	// The page has the row, titled; the queue filtered by the word model
	// lists the flag, with its badge and the chip of the rule it rests on.
	c, _ := f.login("budi", viewerPW)
	if code, page := f.page(c, "/rules"); code != 200 || !strings.Contains(page, `data-rule="word-model"`) || !strings.Contains(page, wordModelTitle) {
		t.Errorf("rules page: %d, no word-model row titled %q", code, wordModelTitle)
	}
	code, page := f.page(c, "/?flagged=all&rule=word-model&lang=en")
	if code != 200 || !strings.Contains(page, "/items/"+it.ID) || strings.Contains(page, "/items/"+f.id(3)) ||
		!strings.Contains(page, `class="overruled-badge"`) || !strings.Contains(page, `class="rule" data-value="asn-hadir-kampanye"`) {
		t.Errorf("queue filtered by the word model: %d\n%s", code, page)
	}
}

// ruleHealth fetches GET /api/v1/rules as a viewer and returns its rows by
// rule ID, with the raw body for error messages.
func (f *fixture) ruleHealth(t *testing.T) (map[string]RuleHealth, []byte) {
	t.Helper()
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
	return got, body
}
