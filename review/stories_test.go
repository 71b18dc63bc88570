package review

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/story"
)

// storyCopies are four copies of one hand-written post (a retweet, a quote
// with added words, a re-post elsewhere) grouped by the real story Grouper,
// as the pipeline's Enrich step groups them.
func storyCopies(t testing.TB) []netra.Record {
	t.Helper()
	base := "Camat Sukamaju terlihat hadir dalam deklarasi dukungan untuk pasangan calon bupati nomor urut 2 di lapangan desa pada Minggu pagi, sambil mengajak warga memilih paslon tersebut."
	copies := []struct{ src, text string }{
		{"tweets", base},
		{"tweets", "RT @warga_sukamaju: " + base},
		{"tweets", "Parah ini, harus dilaporkan! " + base},
		{"facebook", base + " #pilkada"},
	}
	g := story.New()
	day := time.Date(2024, 1, 12, 8, 0, 0, 0, time.UTC)
	var out []netra.Record
	for i, c := range copies {
		it := netra.Item{Source: c.src, Kind: "post", Text: c.text, Region: "Jawa Barat", Language: "id",
			Published: day.Add(time.Duration(i) * time.Hour)}
		it.ID = netra.ItemID("", c.src, c.text)
		sig := g.Signature("", it.Text)
		st, _ := sig.MarshalText()
		it.Meta = map[string]string{index.MetaStory: g.Add(it.ID, sig), index.MetaStorySig: string(st)}
		h := evidence(t, c.text, "asn-dukung-paslon", "asn_partisan", "Camat Sukamaju terlihat hadir dalam deklarasi dukungan", "Camat", "dukungan")
		out = append(out, netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.8,
			Categories: []string{"asn_partisan"}, Hits: []netra.Hit{h}, RulesVersion: "test"}})
	}
	sid := out[0].Item.Meta[index.MetaStory]
	for _, r := range out {
		if r.Item.Meta[index.MetaStory] != sid {
			t.Fatalf("the Grouper did not group the copies: %s is in %s, want %s", r.Item.ID, r.Item.Meta[index.MetaStory], sid)
		}
	}
	return out
}

// A story of four copies is one row of the queue; confirming it confirms
// each copy with its own audit entry; one copy can be split off again.
func TestBrowserStoryReviewedAtOnce(t *testing.T) {
	copies := storyCopies(t)
	sid := copies[0].Item.Meta[index.MetaStory]
	f := newFixture(t, withRecords(copies...), withOptions(workbenchRules()))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	rows := rowIDs(b)
	// Flagged: two fixture records and one story of four.
	if len(rows) != 3 {
		t.Fatalf("queue rows %v, want 3 (two records and one story)", rows)
	}
	if total := run(b, chromedp.Text(chromedp.CSS(`#total b`))); total != "6" {
		t.Errorf("total %q, want 6 records", total)
	}
	info := run(b, chromedp.Evaluate[map[string]string](`(() => { const s = document.querySelector("#queue .story");
		return s ? {id: s.dataset.story, size: s.querySelector(".story-size").textContent, sources: s.querySelector(".story-sources").textContent} : {} })()`))
	if info["id"] != sid || info["size"] != "4 salinan" || !strings.Contains(info["sources"], "tweets") || !strings.Contains(info["sources"], "facebook") {
		t.Fatalf("story row shows %v, want story %s of 4 copies from tweets and facebook", info, sid)
	}

	// Select the story's row, confirm: every copy is confirmed.
	b.do(chromedp.Click(chromedp.CSS(`#queue input.story-select[value="`+sid+`"]`)),
		chromedp.SetValue(chromedp.ID("bulk-action"), "confirmed"))
	b.navigate("bulk=", chromedp.Click(chromedp.ID("bulk-submit")))
	report := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#bulk-report li.ok")].map(l => l.dataset.id)`))
	var want []string
	for _, c := range copies {
		want = append(want, c.Item.ID)
	}
	slices.Sort(report)
	slices.Sort(want)
	if !slices.Equal(report, want) {
		t.Errorf("bulk report ok lines %v, want the four copies %v", report, want)
	}
	for _, c := range copies {
		rec, err := f.store.Get(t.Context(), c.Item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Review.Status != netra.StatusConfirmed || rec.Review.Reviewer != "rina" {
			t.Errorf("%s: %s by %q, want confirmed by rina", c.Item.ID, rec.Review.Status, rec.Review.Reviewer)
		}
		trail, err := f.store.Audit(t.Context(), c.Item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(trail) != 1 || trail[0].To != netra.StatusConfirmed || trail[0].ItemID != c.Item.ID {
			t.Errorf("%s: audit trail %+v, want its own one entry", c.Item.ID, trail)
		}
	}
	for _, id := range rows {
		if slices.Contains(want, id) {
			continue
		}
		if rec, _ := f.store.Get(t.Context(), id); rec.Review.Status == netra.StatusConfirmed {
			t.Errorf("%s outside the story was confirmed too", id)
		}
	}

	// The story's members, one split off.
	b.navigate("story=", chromedp.Click(chromedp.CSS(`#queue .story-size`)))
	members := rowIDs(b)
	if len(members) != 4 {
		t.Fatalf("members page rows %v, want 4", members)
	}
	split := members[len(members)-1]
	b.navigate("story=", chromedp.Click(chromedp.CSS(`#queue button.split[data-id="`+split+`"]`)))
	if left := rowIDs(b); len(left) != 3 || slices.Contains(left, split) {
		t.Errorf("after the split the story lists %v, want the other three", left)
	}
	rec, _ := f.store.Get(t.Context(), split)
	if got := index.RecordStory(rec); got == sid {
		t.Errorf("split member still in story %s", sid)
	}
	b.navigate(f.ts.URL+"/", chromedp.Navigate(f.ts.URL+"/"))
	if n := len(rowIDs(b)); n != 4 {
		t.Errorf("queue after the split has %d rows, want 4", n)
	}
}

// POST /api/v1/stories/{id}/review reviews each member with its own version
// and audit entry; POST /api/v1/items/{id}/split moves one member out.
func TestAPIStoryReviewAndSplit(t *testing.T) {
	copies := storyCopies(t)
	sid := copies[0].Item.Meta[index.MetaStory]
	f := newFixture(t, withRecords(copies...), withOptions(workbenchRules()))
	c, tok := f.login("rina", reviewerPW)
	post := func(path, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", tok)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	// Someone else already escalated one copy: the others are dismissed,
	// that one keeps its own history too.
	other := copies[2].Item.ID
	st := netra.StatusEscalated
	if _, err := f.store.Review(t.Context(), other, index.ReviewUpdate{Status: &st, Who: "admin", BaseVersion: f.version(other)}); err != nil {
		t.Fatal(err)
	}
	code, out := post("/api/v1/stories/"+sid+"/review", `{"status":"dismissed","reason":"not_election","note":"bukan pemilu"}`)
	if code != http.StatusOK {
		t.Fatalf("story review: %d %v", code, out)
	}
	results, _ := out["results"].([]any)
	if len(results) != 4 {
		t.Fatalf("results %v, want 4", out["results"])
	}
	for _, cp := range copies {
		rec, _ := f.store.Get(t.Context(), cp.Item.ID)
		if rec.Review.Status != netra.StatusDismissed || !strings.Contains(rec.Review.Note, "bukan pemilu") {
			t.Errorf("%s: %s %q", cp.Item.ID, rec.Review.Status, rec.Review.Note)
		}
		trail, _ := f.store.Audit(t.Context(), cp.Item.ID)
		want := 1
		if cp.Item.ID == other {
			want = 2
		}
		if len(trail) != want {
			t.Errorf("%s: %d audit entries, want %d", cp.Item.ID, len(trail), want)
		}
	}
	if code, _ := post("/api/v1/stories/nope/review", `{"status":"confirmed"}`); code != http.StatusNotFound {
		t.Errorf("unknown story: %d, want 404", code)
	}
	if code, out := post("/api/v1/stories/"+sid+"/review", `{"status":"sideways"}`); code != http.StatusBadRequest {
		t.Errorf("bad status: %d %v", code, out)
	}

	// Split the founder: it leaves, the rest keep the story id.
	founder := copies[0].Item.ID
	if founder != sid {
		t.Fatalf("fixture: the first copy %s should found story %s", founder, sid)
	}
	code, out = post("/api/v1/items/"+founder+"/split", ``)
	if code != http.StatusOK || out["from"] != sid || out["story"] == sid || out["story"] == "" {
		t.Fatalf("split: %d %v", code, out)
	}
	res, err := f.store.Search(t.Context(), index.Query{Stories: []string{sid}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("story %s has %d members after the split, want 3", sid, res.Total)
	}
	// Splitting a record that is alone changes nothing.
	before := f.version(founder)
	if code, out = post("/api/v1/items/"+founder+"/split", ``); code != http.StatusOK || f.version(founder) != before {
		t.Errorf("second split: %d %v, version %d → %d", code, out, before, f.version(founder))
	}
	rec, _ := f.store.Get(t.Context(), founder)
	if rec.Review.Status != netra.StatusDismissed {
		t.Errorf("the split kept no review: %+v", rec.Review)
	}
	// The story view of the API.
	resp, err := c.Get(f.ts.URL + "/api/v1/items?stories=true&flagged=true")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sr index.Result
	if err := json.NewDecoder(resp.Body).Decode(&sr); err != nil {
		t.Fatal(err)
	}
	sizes := map[string]int{}
	for _, m := range sr.Matches {
		if m.Story == nil {
			t.Fatalf("match %s without story", m.Record.Item.ID)
		}
		sizes[m.Story.ID] = m.Story.Size
	}
	if sizes[sid] != 3 || len(sr.Matches) != 4 || sr.Total != 6 {
		t.Errorf("stories=true: total %d, rows %d, sizes %v", sr.Total, len(sr.Matches), sizes)
	}
}

// version is a record's current version.
func (f *fixture) version(id string) int64 {
	f.t.Helper()
	rec, err := f.store.Get(f.t.Context(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return rec.Version
}
