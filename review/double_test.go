package review

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/agree"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/review/users"
)

// Two reviewers review eight records through the API, every record chosen
// for double review; κ per pair and per category, the adjudication queue
// and each reviewer's agreement with the adjudicated outcomes are checked
// against a hand computation.
func TestDoubleReviewAgreement(t *testing.T) {
	kv, err := alert.OpenBolt(filepath.Join(t.TempDir(), alert.BoltFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kv.Close() })
	var recs []netra.Record
	for i := range 8 {
		cat := "asn_partisan"
		if i >= 5 {
			cat = "kepala_desa"
		}
		text := fmt.Sprintf("Laporan nomor %d tentang pejabat yang hadir di acara kampanye calon.", i+1)
		it := netra.Item{Source: "uji", Kind: "news", URL: fmt.Sprintf("https://news.example.id/d%d", i+1), Title: fmt.Sprintf("d%d", i+1), Text: text,
			Published: time.Date(2024, 1, 10+i, 8, 0, 0, 0, time.UTC)}
		it.ID = netra.ItemID(it.URL, it.Source, text)
		recs = append(recs, netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.8, Categories: []string{cat}, Hits: []netra.Hit{}, RulesVersion: "test"}})
	}
	f := newFixture(t, withRecords(recs...), withOptions(WithDoubleReview(agree.Config{Share: 1}, kv)))
	if err := f.accts.Add("sari", users.RoleReviewer, reviewerPW); err != nil {
		t.Fatal(err)
	}
	const C, D = "confirmed", "dismissed"
	plan := []struct {
		first, second string // reviewers
		l1, l2        string // their labels
	}{
		{"rina", "sari", C, C}, {"rina", "sari", C, D}, {"rina", "sari", D, D}, {"rina", "sari", D, D}, {"rina", "sari", C, C}, // asn_partisan
		{"rina", "sari", D, C}, {"sari", "rina", C, C}, {"sari", "rina", D, D}, // kepala_desa
	}
	id := func(i int) string { return recs[i].Item.ID }
	for i, p := range plan {
		rec, err := f.store.Get(context.Background(), id(i))
		if err != nil {
			t.Fatal(err)
		}
		body := map[string]any{"status": p.l1, "version": rec.Version}
		if p.l1 == D {
			body["reason"] = "not_asn"
		}
		if code, b, _ := f.do("POST", "/api/v1/items/"+id(i)+"/review", p.first, reviewerPW, body); code != 200 {
			t.Fatalf("first review of %d: %d %s", i+1, code, b)
		}
	}
	// The blind queue: sari sees the six rina decided, without any review
	// fields; rina cannot second-review her own decision.
	code, b, _ := f.do("GET", "/api/v1/double", "sari", reviewerPW, nil)
	q := decode[struct{ Items []map[string]any }](t, b)
	if code != 200 || len(q.Items) != 6 {
		t.Fatalf("sari's double queue: %d, %d items, want 6: %s", code, len(q.Items), b)
	}
	for _, it := range q.Items {
		if _, ok := it["review"]; ok || strings.Contains(string(b), `"status"`) || strings.Contains(string(b), "not_asn") {
			t.Fatalf("the blind queue shows the first decision: %s", b)
		}
	}
	if code, _, _ := f.do("POST", "/api/v1/double/"+id(0), "rina", reviewerPW, map[string]any{"label": C}); code != http.StatusConflict {
		t.Errorf("first reviewer second-reviews her own item: %d, want 409", code)
	}
	for i, p := range plan {
		code, b, _ := f.do("POST", "/api/v1/double/"+id(i), p.second, reviewerPW, map[string]any{"label": p.l2})
		if code != 200 {
			t.Fatalf("second review of %d: %d %s", i+1, code, b)
		}
	}
	if code, _, _ := f.do("POST", "/api/v1/double/"+id(0), "sari", reviewerPW, map[string]any{"label": D}); code != http.StatusConflict {
		t.Errorf("a second second review: %d, want 409", code)
	}
	// Disagreements: items 2 and 6, for an admin only.
	if code, _, _ := f.do("GET", "/api/v1/adjudication", "rina", reviewerPW, nil); code != http.StatusForbidden {
		t.Errorf("reviewer reads the adjudication queue: %d, want 403", code)
	}
	_, b, _ = f.do("GET", "/api/v1/adjudication", "admin", adminPW, nil)
	aq := decode[struct{ Cases []agree.Case }](t, b)
	got := map[string]bool{}
	for _, c := range aq.Cases {
		got[c.Item] = true
	}
	if len(aq.Cases) != 2 || !got[id(1)] || !got[id(5)] {
		t.Fatalf("adjudication queue %s, want items 2 and 6", b)
	}
	for _, a := range []struct {
		i     int
		label string
	}{{1, D}, {5, C}} {
		if code, b, _ := f.do("POST", "/api/v1/adjudication/"+id(a.i), "admin", adminPW, map[string]any{"label": a.label}); code != 200 {
			t.Fatalf("adjudicate %d: %d %s", a.i+1, code, b)
		}
		rec, _ := f.store.Get(context.Background(), id(a.i))
		if string(rec.Review.Status) != a.label || rec.Review.Reviewer != "admin" {
			t.Errorf("item %d after adjudication: %s by %s, want %s by admin", a.i+1, rec.Review.Status, rec.Review.Reviewer, a.label)
		}
	}
	_, b, _ = f.do("GET", "/api/v1/adjudication", "admin", adminPW, nil)
	if aq := decode[struct{ Cases []agree.Case }](t, b); len(aq.Cases) != 0 {
		t.Errorf("adjudication queue after adjudicating: %s", b)
	}

	// By hand. Pair (rina, sari), labels as (rina, sari): CC CD DD DD CC
	// DC CC DD: po = 6/8, rina C 4/8, sari C 4/8, pe = .5, κ = .5.
	// asn_partisan (first, second): CC CD DD DD CC: po = .8, first C 3/5,
	// second C 2/5, pe = .6*.4 + .4*.6 = .48, κ = .32/.52.
	// kepala_desa: DC CC DD: po = 2/3, first C 1/3, second C 2/3,
	// pe = 4/9, κ = (2/9)/(5/9) = .4.
	// Outcomes: item 2 dismissed (sari right), item 6 confirmed (sari
	// right): rina 0 of 2, sari 2 of 2.
	_, b, _ = f.do("GET", "/api/v1/agreement", "budi", viewerPW, nil)
	rep := decode[struct{ Report agree.Report }](t, b).Report
	near := func(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-9 }
	if rep.Cases != 8 || rep.Disagreed != 2 || rep.Waiting != 0 || len(rep.Pairs) != 1 || rep.Pairs[0].Pair != [2]string{"rina", "sari"} ||
		rep.Pairs[0].Items != 8 || rep.Pairs[0].Agreed != 6 || !near(rep.Pairs[0].Kappa, 0.5) {
		t.Errorf("pair report: %s", b)
	}
	if len(rep.Categories) != 2 || rep.Categories[0].Category != "asn_partisan" || !near(rep.Categories[0].Kappa, 0.32/0.52) ||
		rep.Categories[1].Category != "kepala_desa" || !near(rep.Categories[1].Kappa, 0.4) {
		t.Errorf("category report: %s", b)
	}
	if len(rep.Reviewers) != 2 || rep.Reviewers[0].Reviewer != "rina" || rep.Reviewers[0].Adjudicated != 2 || !near(rep.Reviewers[0].Rate, 0) ||
		rep.Reviewers[1].Reviewer != "sari" || !near(rep.Reviewers[1].Rate, 1) {
		t.Errorf("reviewer agreement: %s", b)
	}
	// The dashboard shows the same figures.
	c, _ := f.login("budi", viewerPW)
	resp, err := c.Get(f.ts.URL + "/dashboard?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	code, page := resp.StatusCode, string(pb)
	for _, want := range []string{`id="agree-pairs"`, "rina – sari", `<td class="kappa">0.50</td>`, `<td class="kappa">0.62</td>`, `<td class="kappa">0.40</td>`,
		`<td class="kappa">0.00</td>`, `<td class="kappa">1.00</td>`, "8 items double reviewed, 2 disagreements, 0 waiting"} {
		if code != 200 || !strings.Contains(page, want) {
			t.Errorf("dashboard (%d) lacks %q", code, want)
		}
	}
}

// The pages do what the API does: a second reviewer decides blind on
// /double, an admin settles the disagreement on /adjudication.
func TestDoubleReviewPages(t *testing.T) {
	kv, err := alert.OpenBolt(filepath.Join(t.TempDir(), alert.BoltFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kv.Close() })
	f := newFixture(t, withOptions(WithDoubleReview(agree.Config{Categories: []string{"asn_partisan"}}, kv)))
	rec := f.recs[0] // asn_partisan
	body := map[string]any{"status": "confirmed", "version": rec.Version}
	if r, err := f.store.Get(context.Background(), rec.Item.ID); err == nil {
		body["version"] = r.Version
	}
	if code, b, _ := f.do("POST", "/api/v1/items/"+rec.Item.ID+"/review", "rina", reviewerPW, body); code != 200 {
		t.Fatalf("first review: %d %s", code, b)
	}
	get := func(c *http.Client, path string) (int, string) {
		resp, err := c.Get(f.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	post := func(c *http.Client, path, csrf, label string) int {
		resp, err := c.PostForm(f.ts.URL+path, url.Values{"csrf": {csrf}, "label": {label}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if err := f.accts.Add("sari", users.RoleReviewer, reviewerPW); err != nil {
		t.Fatal(err)
	}
	sari, sariTok := f.login("sari", reviewerPW)
	code, page := get(sari, "/double")
	if code != 200 || !strings.Contains(page, `data-id="`+rec.Item.ID+`"`) || strings.Contains(page, "rina") {
		t.Fatalf("sari's /double (%d) lacks the item or shows who decided first:\n%s", code, page)
	}
	if code := post(sari, "/double/"+rec.Item.ID, sariTok, "dismissed"); code != http.StatusSeeOther {
		t.Fatalf("second decision: %d", code)
	}
	if _, page := get(sari, "/double"); strings.Contains(page, `data-id="`+rec.Item.ID+`"`) {
		t.Error("the decided item is still in the blind queue")
	}
	admin, adminTok := f.login("admin", adminPW)
	code, page = get(admin, "/adjudication")
	if code != 200 || !strings.Contains(page, `class="case" data-id="`+rec.Item.ID+`"`) || !strings.Contains(page, "rina: confirmed") || !strings.Contains(page, "sari: dismissed") {
		t.Fatalf("/adjudication (%d):\n%s", code, page)
	}
	if code, _ := get(sari, "/adjudication"); code != http.StatusForbidden {
		t.Errorf("reviewer opens /adjudication: %d, want 403", code)
	}
	if code := post(admin, "/adjudication/"+rec.Item.ID, adminTok, "dismissed"); code != http.StatusSeeOther {
		t.Fatalf("adjudicate: %d", code)
	}
	if got, _ := f.store.Get(context.Background(), rec.Item.ID); got.Review.Status != netra.StatusDismissed {
		t.Errorf("status after adjudication: %s", got.Review.Status)
	}
	if _, page := get(admin, "/adjudication"); strings.Contains(page, `class="case"`) {
		t.Error("the settled case is still waiting")
	}
}
