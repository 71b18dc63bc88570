// Package indextest is the conformance suite every index.Store backend must
// pass: the same tests run against the embedded bleve store and against a
// real Elasticsearch, so reviewers get the same answers from both.
//
// A backend's test calls Run with a function that opens a NEW, EMPTY store
// for each subtest (a fresh directory, or a fresh index prefix), configured
// with the analyser Analyze:
//
//	func TestConformance(t *testing.T) {
//		indextest.Run(t, func(t *testing.T) index.Store {
//			s, err := bleve.Open(t.TempDir(), bleve.WithAnalyzer(indextest.Analyze))
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { s.Close() })
//			return s
//		})
//	}
//
// The suite never sleeps: writes must be visible to Search once Review or
// DeleteByQuery return, and once Upsert and index.Refresh have (a
// near-real-time backend refreshes there, not after every bulk batch). Semantics pinned here beyond index.go's comments: MinScore and
// MaxScore are inclusive; Since is inclusive and Until exclusive; a new
// record starts at status new and version >= 1; every change (upsert of
// changed content, review) raises the version; a page shorter than Limit
// has no NextCursor.
package indextest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Run runs every conformance subtest; open must return a new, empty store
// each time it is called.
func Run(t *testing.T, open func(t *testing.T) index.Store) {
	t.Run("UpsertGet", func(t *testing.T) { testUpsertGet(t, open(t)) })
	t.Run("UpsertIdempotent", func(t *testing.T) { testUpsertIdempotent(t, open(t)) })
	t.Run("UpsertValidation", func(t *testing.T) { testUpsertValidation(t, open(t)) })
	t.Run("ReupsertKeepsReview", func(t *testing.T) { testReupsertKeepsReview(t, open(t)) })
	t.Run("Text", func(t *testing.T) { testText(t, open(t)) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, open(t)) })
	t.Run("Sort", func(t *testing.T) { testSort(t, open(t)) })
	t.Run("Facets", func(t *testing.T) { testFacets(t, open(t)) })
	t.Run("Overruled", func(t *testing.T) { testOverruled(t, open(t)) })
	t.Run("Highlight", func(t *testing.T) { testHighlight(t, open(t)) })
	t.Run("Limit", func(t *testing.T) { testLimit(t, open(t)) })
	t.Run("Cursor", func(t *testing.T) { testCursor(t, open(t)) })
	t.Run("Review", func(t *testing.T) { testReview(t, open(t)) })
	t.Run("ReviewConflict", func(t *testing.T) { testReviewConflict(t, open(t)) })
	t.Run("Stats", func(t *testing.T) { testStats(t, open(t)) })
	t.Run("DeleteByQuery", func(t *testing.T) { testDeleteByQuery(t, open(t)) })
	t.Run("Stories", func(t *testing.T) { testStories(t, open(t)) })
	t.Run("Places", func(t *testing.T) { testPlaces(t, open(t)) })
	t.Run("TimeBuckets", func(t *testing.T) { testTimeBuckets(t, open(t)) })
}

// --- helpers -------------------------------------------------------------

func upsert(t *testing.T, s index.Store, recs []netra.Record) {
	t.Helper()
	if err := s.Upsert(t.Context(), recs); err != nil {
		t.Fatalf("Upsert(%d records): %v", len(recs), err)
	}
	if err := index.Refresh(t.Context(), s); err != nil {
		t.Fatalf("Refresh after Upsert: %v", err)
	}
}

func seed(t *testing.T, s index.Store) []netra.Record {
	t.Helper()
	recs := fixtures()
	upsert(t, s, recs)
	return recs
}

func get(t *testing.T, s index.Store, id string) netra.Record {
	t.Helper()
	r, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("Get(%q): %v", id, err)
	}
	return r
}

func search(t *testing.T, s index.Store, q index.Query) index.Result {
	t.Helper()
	res, err := s.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func review(t *testing.T, s index.Store, id string, u index.ReviewUpdate) netra.Record {
	t.Helper()
	r, err := s.Review(t.Context(), id, u)
	if err != nil {
		t.Fatalf("Review(%q, %+v): %v", id, u, err)
	}
	return r
}

func idsOf(res index.Result) []string {
	out := make([]string, 0, len(res.Matches))
	for _, m := range res.Matches {
		out = append(out, m.Record.Item.ID)
	}
	return out
}

func sortedIDs(res index.Result) []string {
	out := idsOf(res)
	sort.Strings(out)
	return out
}

// wantIDs checks the set of IDs of a result (order ignored) and that Total
// agrees with it (the result must fit in one page).
func wantIDs(t *testing.T, what string, res index.Result, want ...string) {
	t.Helper()
	want = slices.Clone(want)
	sort.Strings(want)
	if want == nil {
		want = []string{}
	}
	if got := sortedIDs(res); !slices.Equal(got, want) {
		t.Errorf("%s: got IDs %v, want %v", what, got, want)
	}
	if res.Total != len(want) {
		t.Errorf("%s: Total = %d, want %d", what, res.Total, len(want))
	}
}

// where returns the IDs of fixture records satisfying keep: the expected
// answer of a filter, computed from the data rather than typed in.
func where(recs []netra.Record, keep func(netra.Record) bool) []string {
	var out []string
	for _, r := range recs {
		if keep(r) {
			out = append(out, r.Item.ID)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// --- upsert and get --------------------------------------------------------

func testUpsertGet(t *testing.T, s index.Store) {
	recs := seed(t, s)
	for _, want := range recs {
		got := get(t, s, want.Item.ID)
		gi, wi := got.Item, want.Item
		if gi.ID != wi.ID || gi.Source != wi.Source || gi.Kind != wi.Kind || gi.URL != wi.URL ||
			gi.Title != wi.Title || gi.Text != wi.Text || gi.Region != wi.Region || gi.Language != wi.Language {
			t.Errorf("Get(%s).Item = %+v, want %+v", wi.ID, gi, wi)
		}
		if !gi.Published.Equal(wi.Published) || !gi.Fetched.Equal(wi.Fetched) {
			t.Errorf("Get(%s) times = %v/%v, want %v/%v", wi.ID, gi.Published, gi.Fetched, wi.Published, wi.Fetched)
		}
		if !reflect.DeepEqual(gi.Meta, wi.Meta) {
			t.Errorf("Get(%s).Item.Meta = %v, want %v", wi.ID, gi.Meta, wi.Meta)
		}
		if !reflect.DeepEqual(got.Verdict, want.Verdict) {
			t.Errorf("Get(%s).Verdict = %+v, want %+v", wi.ID, got.Verdict, want.Verdict)
		}
		if got.Review.Status != netra.StatusNew {
			t.Errorf("Get(%s).Review.Status = %q, want %q", wi.ID, got.Review.Status, netra.StatusNew)
		}
		if got.Version < 1 {
			t.Errorf("Get(%s).Version = %d, want >= 1", wi.ID, got.Version)
		}
	}
	_, err := s.Get(t.Context(), "tidak-ada")
	if !errors.Is(err, netra.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want one matching netra.ErrNotFound", err)
	}
	wantIDs(t, "match all", search(t, s, index.Query{}), where(recs, func(netra.Record) bool { return true })...)
}

func testUpsertIdempotent(t *testing.T, s index.Store) {
	recs := seed(t, s)
	before := map[string]int64{}
	for _, r := range recs {
		before[r.Item.ID] = get(t, s, r.Item.ID).Version
	}
	upsert(t, s, fixtures())
	// The same ID twice in one batch: the later one wins, one record.
	twice := fixtures()[:2]
	second := fixtures()[0]
	second.Verdict.Score = 0.93
	upsert(t, s, append(twice, second))

	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Records != len(recs) {
		t.Errorf("after upserting the same records again: Stats.Records = %d, want %d", st.Records, len(recs))
	}
	res := search(t, s, index.Query{Limit: 100})
	wantIDs(t, "match all after re-upsert", res, where(recs, func(netra.Record) bool { return true })...)
	if got := get(t, s, "r1"); got.Verdict.Score != 0.93 {
		t.Errorf("r1 upserted twice in one batch: score = %v, want the later 0.93", got.Verdict.Score)
	} else if got.Version <= before["r1"] {
		t.Errorf("r1 changed by re-upsert: version %d, want > %d", got.Version, before["r1"])
	}
	wantIDs(t, "index follows the later duplicate", search(t, s, index.Query{MinScore: ptr(0.925)}), "r1")
}

func testUpsertValidation(t *testing.T, s index.Store) {
	if err := s.Upsert(t.Context(), nil); err != nil {
		t.Errorf("Upsert(nil) = %v, want nil", err)
	}
	bad := fixtures()[:1]
	bad[0].Item.ID = ""
	if err := s.Upsert(t.Context(), bad); err == nil {
		t.Errorf("Upsert of a record without ID succeeded, want an error")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.Upsert(ctx, fixtures()); err == nil {
		// Allowed only if the write really happened.
		if _, gerr := s.Get(t.Context(), "r1"); gerr != nil {
			t.Errorf("Upsert with a cancelled context returned nil but stored nothing: %v", gerr)
		}
	}
}

func testReupsertKeepsReview(t *testing.T, s index.Store) {
	seed(t, s)
	r1 := get(t, s, "r1")
	reviewed := review(t, s, "r1", index.ReviewUpdate{
		Status: ptr(netra.StatusConfirmed), Note: ptr("video asli, camat hadir di lokasi"),
		Assignee: ptr("budi"), Who: "siti", BaseVersion: r1.Version,
	})

	// The classifier runs again with new rules: new verdict and title, and
	// the caller's record carries a stale review that must be ignored.
	again := fixtures()[0]
	again.Item.Title = "Camat Magelang diperiksa Bawaslu"
	again.Verdict.Score = 0.5
	again.Verdict.RulesVersion = "test-2"
	again.Review = netra.Review{Status: netra.StatusDismissed, Note: "basi"}
	upsert(t, s, []netra.Record{again})

	got := get(t, s, "r1")
	if got.Review.Status != netra.StatusConfirmed || got.Review.Note != "video asli, camat hadir di lokasi" ||
		got.Review.Assignee != "budi" || got.Review.Reviewer != "siti" {
		t.Errorf("review after re-upsert = %+v, want the review made before (%+v)", got.Review, reviewed.Review)
	}
	if got.Verdict.Score != 0.5 || got.Verdict.RulesVersion != "test-2" || got.Item.Title != again.Item.Title {
		t.Errorf("re-upsert did not replace item and verdict: title %q score %v rules %q", got.Item.Title, got.Verdict.Score, got.Verdict.RulesVersion)
	}
	if got.Version <= reviewed.Version {
		t.Errorf("version after re-upsert = %d, want > %d", got.Version, reviewed.Version)
	}
	audit, err := s.Audit(t.Context(), "r1")
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	if len(audit) != 1 || audit[0].To != netra.StatusConfirmed {
		t.Errorf("audit after re-upsert = %+v, want the one confirm entry", audit)
	}
	// The search index follows the new verdict and the kept review.
	wantIDs(t, "confirmed", search(t, s, index.Query{Statuses: []netra.Status{netra.StatusConfirmed}}), "r1")
	wantIDs(t, "min score 0.9", search(t, s, index.Query{MinScore: ptr(0.9)}))
	wantIDs(t, "new title word", search(t, s, index.Query{Text: "diperiksa"}), "r1")
	wantIDs(t, "assignee kept in index", search(t, s, index.Query{Assignees: []string{"budi"}}), "r1")
	// A record that is new in the store may bring its review along (imports
	// of reviewed data); one that exists keeps the stored one (checked above).
}

// --- text ---------------------------------------------------------------

func testText(t *testing.T, s index.Store) {
	seed(t, s)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"stem: mendukung finds dukungan and dukungannya", "mendukung", []string{"r1", "r4", "r6", "r8"}},
		{"stem: dukungan finds mendukung", "dukungan", []string{"r1", "r4", "r6", "r8"}},
		{"case-insensitive", "KAMPANYE", []string{"r6", "r7"}},
		{"AND by default", "kampanye guru", []string{"r6"}},
		{"explicit AND", "kampanye AND guru", []string{"r6"}},
		{"OR", "beras OR jari", []string{"r3", "r5"}},
		{"OR binds tighter than AND", "calon kampanye OR jari", []string{"r3", "r6", "r7"}},
		{"phrase", `"kampanye akbar"`, []string{"r7"}},
		{"phrase words in other order", `"akbar kampanye"`, nil},
		{"a quoted phrase is exact: dukungan is not dukungannya", `"menyatakan dukungan"`, nil},
		{"exact phrase", `"Menyatakan dukungannya"`, []string{"r6"}},
		{"unquoted words stem: camat finds kecamatan", "camat", []string{"r1", "r2"}},
		{"quoted word is exact: camat is not kecamatan", `"camat"`, []string{"r1"}},
		{"=word is exact", "=camat", []string{"r1"}},
		{"=word is exact the other way", "=kecamatan", []string{"r2"}},
		{"exact words are case-insensitive", "=CAMAT", []string{"r1"}},
		{"exact word: mendukung is not dukungannya", "=mendukung", []string{"r1", "r8"}},
		{"exact word OR stemmed word", "=kecamatan OR beras", []string{"r2", "r5"}},
		{"exact word and stemmed word", "=camat mendukung", []string{"r1"}},
		{"exact word in a title", "=netralitas", []string{"r4"}},
		{"exact phrase words in other order", `"dua salam"`, nil},
		{"prefix", "kampa*", []string{"r6", "r7"}},
		{"prefix and word", "kampa* guru", []string{"r6"}},
		{"title is searched", "netralitas", []string{"r4"}},
		{"no match", "gubernur", nil},
		{"punctuation ignored", "beras,", []string{"r5"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantIDs(t, c.text, search(t, s, index.Query{Text: c.text, Limit: 50}), c.want...)
		})
	}
	t.Run("text and filter", func(t *testing.T) {
		wantIDs(t, "calon in kompas", search(t, s, index.Query{Text: "calon", Sources: []string{"kompas"}}), "r2", "r7")
	})
	t.Run("unclosed quote is an error", func(t *testing.T) {
		if _, err := s.Search(t.Context(), index.Query{Text: `"kampanye akbar`}); err == nil {
			t.Errorf("Search with an unclosed quote succeeded, want an error")
		}
	})
}

// --- filters ------------------------------------------------------------

func testFilters(t *testing.T, s index.Store) {
	recs := seed(t, s)
	// Reviews so status, assignee and reviewer filters have something to find.
	r1 := review(t, s, "r1", index.ReviewUpdate{Status: ptr(netra.StatusConfirmed), Assignee: ptr("budi"), Who: "siti", BaseVersion: get(t, s, "r1").Version})
	review(t, s, "r3", index.ReviewUpdate{Status: ptr(netra.StatusDismissed), Note: ptr("foto lama"), Who: "andi", BaseVersion: get(t, s, "r3").Version})
	review(t, s, "r6", index.ReviewUpdate{Status: ptr(netra.StatusEscalated), Assignee: ptr("dewi"), Who: "siti", BaseVersion: get(t, s, "r6").Version})
	if r1.Review.Assignee != "budi" {
		t.Fatalf("Review did not set the assignee: %+v", r1.Review)
	}
	status := map[string]netra.Status{"r1": netra.StatusConfirmed, "r3": netra.StatusDismissed, "r6": netra.StatusEscalated}
	statusOf := func(r netra.Record) netra.Status {
		if st, ok := status[r.Item.ID]; ok {
			return st
		}
		return netra.StatusNew
	}
	has := func(list []string, v string) bool { return slices.Contains(list, v) }
	inTime := func(since, until time.Time) func(netra.Record) bool {
		return func(r netra.Record) bool {
			tm := index.ItemTime(r)
			return !tm.Before(since) && tm.Before(until)
		}
	}

	cases := []struct {
		name string
		q    index.Query
		keep func(netra.Record) bool
	}{
		{"flagged", index.Query{Flagged: ptr(true)}, func(r netra.Record) bool { return r.Verdict.Flagged }},
		{"not flagged", index.Query{Flagged: ptr(false)}, func(r netra.Record) bool { return !r.Verdict.Flagged }},
		{"min score inclusive", index.Query{MinScore: ptr(0.66)}, func(r netra.Record) bool { return r.Verdict.Score >= 0.66 }},
		{"max score inclusive", index.Query{MaxScore: ptr(0.1)}, func(r netra.Record) bool { return r.Verdict.Score <= 0.1 }},
		{"score range", index.Query{MinScore: ptr(0.5), MaxScore: ptr(0.8)}, func(r netra.Record) bool { return r.Verdict.Score >= 0.5 && r.Verdict.Score <= 0.8 }},
		{"category", index.Query{Categories: []string{"asn_kampanye"}}, func(r netra.Record) bool { return has(r.Verdict.Categories, "asn_kampanye") }},
		{"categories ORed", index.Query{Categories: []string{"asn_gestur", "kades_partisan"}}, func(r netra.Record) bool {
			return has(r.Verdict.Categories, "asn_gestur") || has(r.Verdict.Categories, "kades_partisan")
		}},
		{"rule", index.Query{Rules: []string{"asn-mendukung-paslon"}}, func(r netra.Record) bool { return has(index.RecordRules(r), "asn-mendukung-paslon") }},
		{"source", index.Query{Sources: []string{"twitter"}}, func(r netra.Record) bool { return r.Item.Source == "twitter" }},
		{"regions ORed", index.Query{Regions: []string{"dki-jakarta", "jawa-timur"}}, func(r netra.Record) bool { return r.Item.Region == "dki-jakarta" || r.Item.Region == "jawa-timur" }},
		{"status new", index.Query{Statuses: []netra.Status{netra.StatusNew}}, func(r netra.Record) bool { return statusOf(r) == netra.StatusNew }},
		{"statuses ORed", index.Query{Statuses: []netra.Status{netra.StatusConfirmed, netra.StatusEscalated}}, func(r netra.Record) bool {
			return statusOf(r) == netra.StatusConfirmed || statusOf(r) == netra.StatusEscalated
		}},
		{"assignee", index.Query{Assignees: []string{"budi", "dewi"}}, func(r netra.Record) bool { return r.Item.ID == "r1" || r.Item.ID == "r6" }},
		{"reviewer", index.Query{Reviewers: []string{"andi"}}, func(r netra.Record) bool { return r.Item.ID == "r3" }},
		{"ids", index.Query{IDs: []string{"r2", "r5", "tidak-ada"}}, func(r netra.Record) bool { return r.Item.ID == "r2" || r.Item.ID == "r5" }},
		{"since inclusive, until exclusive", index.Query{Since: day(10), Until: day(18)}, inTime(day(10), day(18))},
		{"since only, falls back to fetch time", index.Query{Since: day(20)}, inTime(day(20), day(31))},
		{"until only", index.Query{Until: day(8)}, inTime(day(1), day(8))},
		{"filters ANDed", index.Query{Flagged: ptr(true), Regions: []string{"jawa-barat"}}, func(r netra.Record) bool { return r.Verdict.Flagged && r.Item.Region == "jawa-barat" }},
		{"status and category", index.Query{Statuses: []netra.Status{netra.StatusNew}, Categories: []string{"asn_kampanye"}}, func(r netra.Record) bool {
			return statusOf(r) == netra.StatusNew && has(r.Verdict.Categories, "asn_kampanye")
		}},
		{"unknown value", index.Query{Sources: []string{"tidak-ada"}}, func(netra.Record) bool { return false }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := where(recs, c.keep)
			if c.name != "unknown value" && (len(want) == 0 || len(want) == len(recs)) {
				t.Fatalf("fixture problem: filter %q keeps %d of %d records", c.name, len(want), len(recs))
			}
			c.q.Limit = 50
			wantIDs(t, c.name, search(t, s, c.q), want...)
		})
	}
}

// --- facets ---------------------------------------------------------------

func facetWant(recs []netra.Record, keep func(netra.Record) bool, name string) map[string]int {
	out := map[string]int{}
	for _, r := range recs {
		if !keep(r) {
			continue
		}
		var vals []string
		switch name {
		case index.FacetCategory:
			vals = r.Verdict.Categories
		case index.FacetRule:
			vals = index.RecordRules(r)
		case index.FacetSource:
			vals = []string{r.Item.Source}
		case index.FacetRegion:
			vals = []string{r.Item.Region}
		case index.FacetStatus:
			vals = []string{string(netra.StatusNew)}
		case index.FacetPlace:
			vals = index.RecordPlaces(r)
		case index.FacetStory:
			vals = []string{index.RecordStory(r)}
		case index.FacetReviewer:
			if r.Review.Reviewer != "" {
				vals = []string{r.Review.Reviewer}
			}
		}
		for _, v := range vals {
			out[v]++
		}
	}
	return out
}

func testFacets(t *testing.T, s index.Store) {
	recs := seed(t, s)
	all := index.FacetNames()
	cases := []struct {
		name string
		q    index.Query
		keep func(netra.Record) bool
	}{
		{"flagged, one-record page", index.Query{Flagged: ptr(true), Limit: 1}, func(r netra.Record) bool { return r.Verdict.Flagged }},
		{"text query", index.Query{Text: "kampanye"}, func(r netra.Record) bool { return r.Item.ID == "r6" || r.Item.ID == "r7" }},
		{"everything", index.Query{Limit: 2}, func(netra.Record) bool { return true }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.q.Facets = all
			res := search(t, s, c.q)
			for _, name := range all {
				want := facetWant(recs, c.keep, name)
				got := map[string]int{}
				for i, fc := range res.Facets[name] {
					got[fc.Value] = fc.Count
					if i > 0 && fc.Count > res.Facets[name][i-1].Count {
						t.Errorf("facet %s not ordered by count: %v", name, res.Facets[name])
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("facet %s = %v, want %v", name, got, want)
				}
			}
		})
	}
	t.Run("status facet follows reviews", func(t *testing.T) {
		review(t, s, "r7", index.ReviewUpdate{Status: ptr(netra.StatusEscalated), Who: "siti", BaseVersion: get(t, s, "r7").Version})
		res := search(t, s, index.Query{Flagged: ptr(true), Facets: []string{index.FacetStatus}})
		got := map[string]int{}
		for _, fc := range res.Facets[index.FacetStatus] {
			got[fc.Value] = fc.Count
		}
		want := map[string]int{"new": 3, "escalated": 1}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("status facet = %v, want %v", got, want)
		}
	})
	t.Run("no facets unless asked", func(t *testing.T) {
		if res := search(t, s, index.Query{}); len(res.Facets) != 0 {
			t.Errorf("facets without asking: %v", res.Facets)
		}
	})
	t.Run("unknown facet is an error", func(t *testing.T) {
		if _, err := s.Search(context.Background(), index.Query{Facets: []string{index.FacetSource, "item.text"}}); err == nil {
			t.Error("Search accepted an unknown facet")
		}
	})
}

// --- highlight -------------------------------------------------------------

// marked returns the words between highlight markers in a snippet, and
// whether the markers are balanced.
func marked(snippet string) ([]string, bool) {
	var out []string
	rest := snippet
	for {
		i := strings.Index(rest, index.HighlightPre)
		j := strings.Index(rest, index.HighlightPost)
		if i < 0 && j < 0 {
			return out, true
		}
		if i < 0 || j < i {
			return out, false
		}
		inner := rest[i+len(index.HighlightPre) : j]
		if strings.Contains(inner, index.HighlightPre) {
			return out, false
		}
		out = append(out, inner)
		rest = rest[j+len(index.HighlightPost):]
	}
}

func testHighlight(t *testing.T, s index.Store) {
	recs := seed(t, s)
	hostile := fixtures()[4]
	hostile.Item.ID = "r9"
	hostile.Item.Text = "Teks berisi \x02penanda\x03 palsu dan ajakan ikut kampanye di desa."
	hostile.Verdict.ID = "r9"
	upsert(t, s, append(recs[:0:0], hostile))

	stem := Analyze("mendukung")
	res := search(t, s, index.Query{Text: "mendukung", Highlight: true})
	if len(res.Matches) == 0 {
		t.Fatalf("no matches for mendukung")
	}
	for _, m := range res.Matches {
		id := m.Record.Item.ID
		if len(m.Snippets) == 0 {
			t.Errorf("%s: no snippets", id)
			continue
		}
		found := false
		for _, sn := range m.Snippets {
			words, ok := marked(sn)
			if !ok {
				t.Errorf("%s: unbalanced markers in %q", id, sn)
			}
			for _, w := range words {
				if slices.Equal(Analyze(w), stem) {
					found = true
				} else {
					t.Errorf("%s: marked %q, which does not analyse to %v", id, w, stem)
				}
			}
		}
		if !found {
			t.Errorf("%s: no snippet marks a form of dukung: %q", id, m.Snippets)
		}
		if id == "r6" && !strings.Contains(strings.Join(m.Snippets, " "), index.HighlightPre+"dukungannya"+index.HighlightPost) {
			t.Errorf("r6: snippets %q do not mark dukungannya", m.Snippets)
		}
	}

	res = search(t, s, index.Query{Text: "kampa*", Highlight: true})
	wantIDs(t, "prefix with hostile record", res, "r6", "r7", "r9")
	for _, m := range res.Matches {
		joined := strings.Join(m.Snippets, " ")
		words, ok := marked(joined)
		if !ok || len(words) == 0 {
			t.Errorf("%s: snippets %q: want balanced markers around kampanye", m.Record.Item.ID, m.Snippets)
		}
		for _, w := range words {
			if !strings.HasPrefix(strings.ToLower(w), "kampa") {
				t.Errorf("%s: marked %q for prefix kampa* (forged markers must not survive)", m.Record.Item.ID, w)
			}
		}
	}

	// An exact word marks that word, not the words sharing its stem.
	res = search(t, s, index.Query{Text: "=camat OR =kecamatan", Highlight: true})
	wantIDs(t, "exact words", res, "r1", "r2")
	for _, m := range res.Matches {
		words, ok := marked(strings.Join(m.Snippets, " "))
		want := map[string]string{"r1": "camat", "r2": "kecamatan"}[m.Record.Item.ID]
		if !ok || len(words) == 0 {
			t.Errorf("%s: snippets %q: want %q marked", m.Record.Item.ID, m.Snippets, want)
		}
		for _, w := range words {
			if lw := strings.ToLower(w); lw != "camat" && lw != "kecamatan" {
				t.Errorf("%s: marked %q for =camat OR =kecamatan", m.Record.Item.ID, w)
			}
		}
	}
	res = search(t, s, index.Query{Text: "=camat", Highlight: true})
	for _, m := range res.Matches {
		words, _ := marked(strings.Join(m.Snippets, " "))
		for _, w := range words {
			if strings.ToLower(w) != "camat" {
				t.Errorf("%s: marked %q for =camat", m.Record.Item.ID, w)
			}
		}
	}
}

// --- limit and cursor ----------------------------------------------------------

func testLimit(t *testing.T, s index.Store) {
	upsert(t, s, pagingRecords("p", 25, day(1)))
	res := search(t, s, index.Query{Sources: []string{"laporan"}})
	if len(res.Matches) != index.DefaultLimit || res.Total != 25 {
		t.Errorf("no Limit: %d matches, Total %d; want %d matches, Total 25", len(res.Matches), res.Total, index.DefaultLimit)
	}
	if res.NextCursor == "" {
		t.Errorf("first of two pages has no NextCursor")
	}
	res = search(t, s, index.Query{Sources: []string{"laporan"}, Limit: 5})
	if len(res.Matches) != 5 || res.Total != 25 {
		t.Errorf("Limit 5: %d matches, Total %d", len(res.Matches), res.Total)
	}
}

func testCursor(t *testing.T, s index.Store) {
	originals := pagingRecords("p", 25, day(10))
	for i := 4; i < len(originals); i += 6 {
		// Some without a publication date, so pages cross from dated to
		// undated records.
		originals[i].Item.Fetched = originals[i].Item.Published.Add(30 * time.Second)
		originals[i].Item.Published = time.Time{}
	}
	upsert(t, s, originals)
	recOf := map[string]netra.Record{}
	timeOf := map[string]time.Time{}
	scoreOf := map[string]float64{}
	for _, r := range originals {
		recOf[r.Item.ID] = r
		timeOf[r.Item.ID] = index.ItemTime(r)
		scoreOf[r.Item.ID] = r.Verdict.Score
	}
	sorts := []index.Sort{index.SortTimeDesc, index.SortTimeAsc, index.SortScoreDesc}
	for si, so := range sorts {
		t.Run(string(so), func(t *testing.T) {
			q := index.Query{Sources: []string{"laporan"}, Sort: so, Limit: 7}
			seen := map[string]int{}
			var order []string
			for page := 0; ; page++ {
				if page > 20 {
					t.Fatalf("more than 20 pages of 7 for about 30 records: cursor does not advance")
				}
				res := search(t, s, q)
				for _, m := range res.Matches {
					id := m.Record.Item.ID
					seen[id]++
					if _, orig := timeOf[id]; orig {
						order = append(order, id)
					}
				}
				if len(res.Matches) < q.Limit && res.NextCursor != "" {
					t.Errorf("page %d has %d < %d matches but a NextCursor", page, len(res.Matches), q.Limit)
				}
				if res.NextCursor == "" || len(res.Matches) == 0 {
					break
				}
				if page == 0 {
					// New records arrive between pages: newer, older and
					// with every score, some before and some after the cursor.
					extra := pagingRecords(string(rune('a'+si))+"-baru", 4, day(10).Add(-2*time.Minute))
					extra[3].Item.Published = day(11)
					upsert(t, s, extra)
				}
				q.Cursor = res.NextCursor
			}
			for id, n := range seen {
				if n > 1 {
					t.Errorf("%s returned %d times", id, n)
				}
			}
			for id := range timeOf {
				if seen[id] != 1 {
					t.Errorf("%s returned %d times, want once", id, seen[id])
				}
			}
			for i := 1; i < len(order); i++ {
				a, b := order[i-1], order[i]
				bad := false
				switch so {
				case index.SortTimeDesc:
					bad = timeOrder(true)(recOf[b], recOf[a])
				case index.SortTimeAsc:
					bad = timeOrder(false)(recOf[b], recOf[a])
				case index.SortScoreDesc:
					bad = scoreOf[b] > scoreOf[a]
				}
				if bad {
					t.Errorf("pages out of %s order: %s after %s", so, b, a)
				}
			}
		})
	}
	t.Run("relevance", func(t *testing.T) {
		// No writes between pages: relevance may shift when the corpus
		// changes, but a stable corpus must page without gaps or repeats.
		q := index.Query{Text: "kampanye OR kecamatan", Sources: []string{"laporan"}, Limit: 4}
		seen := map[string]int{}
		last := 0.0
		for page := 0; ; page++ {
			if page > 20 {
				t.Fatalf("relevance cursor does not advance")
			}
			res := search(t, s, q)
			for i, m := range res.Matches {
				seen[m.Record.Item.ID]++
				if (page > 0 || i > 0) && m.Relevance > last {
					t.Errorf("relevance rises across pages: %v after %v", m.Relevance, last)
				}
				last = m.Relevance
			}
			if res.NextCursor == "" || len(res.Matches) == 0 {
				break
			}
			q.Cursor = res.NextCursor
		}
		total := search(t, s, index.Query{Text: q.Text, Sources: q.Sources, Limit: 1}).Total
		if len(seen) != total {
			t.Errorf("relevance paging returned %d distinct records, the query matches %d", len(seen), total)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("%s returned %d times", id, n)
			}
		}
	})
	t.Run("bad cursor", func(t *testing.T) {
		if _, err := s.Search(t.Context(), index.Query{Cursor: "bukan-kursor!"}); err == nil {
			t.Errorf("Search with a garbage cursor succeeded, want an error")
		}
		res := search(t, s, index.Query{Sort: index.SortScoreDesc, Limit: 2})
		if res.NextCursor == "" {
			t.Fatalf("no NextCursor on a 2-record page of many")
		}
		if _, err := s.Search(t.Context(), index.Query{Sort: index.SortTimeAsc, Limit: 2, Cursor: res.NextCursor}); err == nil {
			t.Errorf("a score-sorted cursor was accepted for a time-sorted query, want an error")
		}
	})
}
