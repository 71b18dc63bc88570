package elastic

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/indextest"
)

// esURL returns the URL of the Elasticsearch the tests run against
// (NETRA_ES_URL, set by scripts/test.sh). Without one the tests skip, except
// in CI (CI=true), where Elasticsearch tests must run.
func esURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("NETRA_ES_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NETRA_ES_URL is empty but CI=true: the Elasticsearch tests must run (scripts/test.sh starts Elasticsearch)")
		}
		t.Skip("NETRA_ES_URL not set; run scripts/elasticsearch.sh start and export NETRA_ES_URL=$(scripts/elasticsearch.sh url)")
	}
	return u
}

// testPrefix is a fresh index prefix, so each test has its own indices.
func testPrefix(t testing.TB) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	name := strings.ToLower(t.Name())
	name = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, name)
	if len(name) > 40 {
		name = name[len(name)-40:]
	}
	return "t-" + strings.Trim(name, "-") + "-" + hex.EncodeToString(b)
}

// openTest opens a store with a fresh prefix and removes its indices and
// templates when the test ends.
func openTest(t testing.TB, url string, opts ...Option) *Store {
	t.Helper()
	cfg := Config{URLs: []string{url}, IndexPrefix: testPrefix(t), SpoolDir: t.TempDir()}
	opts = append([]Option{WithAnalyzer(indextest.Analyze)}, opts...)
	s, err := Open(context.Background(), cfg, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		drop(t, s)
		s.Close()
	})
	return s
}

// drop deletes everything a test store created.
func drop(t testing.TB, s *Store) {
	ctx := context.Background()
	for _, a := range []string{s.itemsAlias, s.auditAlias} {
		if _, err := s.do(ctx, http.MethodDelete, "/"+a+"-*", nil, nil); err != nil {
			t.Logf("drop %s: %v", a, err)
		}
		if _, err := s.do(ctx, http.MethodDelete, "/_index_template/"+a, nil, nil); err != nil {
			t.Logf("drop template %s: %v", a, err)
		}
	}
}

func TestConformance(t *testing.T) {
	url := esURL(t)
	indextest.Run(t, func(t *testing.T) index.Store { return openTest(t, url) })
}

func TestOpenUnreachableNamesURL(t *testing.T) {
	// A port nothing listens on: bind one and close it.
	url := "http://127.0.0.1:1"
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := Open(ctx, Config{URLs: []string{url}}, WithRetry(1, time.Millisecond))
	if err == nil {
		t.Fatal("Open of an unreachable cluster succeeded")
	}
	if !strings.Contains(err.Error(), url) || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("error %q does not name the URL %s as unreachable", err, url)
	}
	var h *netra.Hint
	if !errors.As(err, &h) || h.Hint == "" {
		t.Errorf("error %v carries no hint", err)
	}
}

func TestOpenRejectsBadPrefix(t *testing.T) {
	_, err := Open(context.Background(), Config{URLs: []string{"http://127.0.0.1:1"}, IndexPrefix: "Netra Items"})
	if err == nil || !strings.Contains(err.Error(), "Netra Items") {
		t.Errorf("Open with a bad prefix: error %v, want one naming the prefix", err)
	}
}

func TestAliasAndMapping(t *testing.T) {
	s := openTest(t, esURL(t))
	idx, err := s.aliasIndex(context.Background(), s.ItemsAlias())
	if err != nil {
		t.Fatal(err)
	}
	if idx != s.ItemsAlias()+"-000001" {
		t.Errorf("alias %s points to %s, want %s-000001", s.ItemsAlias(), idx, s.ItemsAlias())
	}
	var m map[string]struct {
		Mappings struct {
			Properties map[string]struct {
				Type       string         `json:"type"`
				Properties map[string]any `json:"properties"`
			} `json:"properties"`
		} `json:"mappings"`
	}
	if _, err := s.do(context.Background(), http.MethodGet, "/"+idx+"/_mapping", nil, &m); err != nil {
		t.Fatal(err)
	}
	props := m[idx].Mappings.Properties
	if props["time"].Type != "date" || props["terms"].Type != "text" || props["rules"].Type != "keyword" {
		t.Errorf("mapping of %s: time %q terms %q rules %q", idx, props["time"].Type, props["terms"].Type, props["rules"].Type)
	}
	if v, err := s.IndexMappingVersion(context.Background()); err != nil || v != MappingVersion {
		t.Errorf("IndexMappingVersion = %d, %v; want %d", v, err, MappingVersion)
	}
	// Opening again is idempotent.
	s2, err := Open(context.Background(), s.cfg, WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	s2.Close()
}

// rec builds a small record for the tests of this package.
func rec(i int, text string) netra.Record {
	id := fmt.Sprintf("rec-%05d", i)
	return netra.Record{
		Item: netra.Item{ID: id, Source: "uji", Kind: "import", Text: text,
			Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)},
		Verdict: netra.Verdict{ID: id, Flagged: i%2 == 0, Score: float64(i%10) / 10,
			Categories: []string{"asn_kampanye"}, Hits: []netra.Hit{}, RulesVersion: "uji-1"},
	}
}

func TestMigrateKeepsRecordsAndReviews(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	var recs []netra.Record
	for i := range 50 {
		recs = append(recs, rec(i, fmt.Sprintf("ASN nomor %d ikut kampanye di desa", i)))
	}
	if err := s.Upsert(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := s.Get(ctx, "rec-00007")
	if err != nil {
		t.Fatal(err)
	}
	st := netra.StatusEscalated
	if _, err := s.Review(ctx, "rec-00007", index.ReviewUpdate{Status: &st, Who: "siti", BaseVersion: r.Version}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Migrate(ctx)
	if err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if res.From != s.ItemsAlias()+"-000001" || res.To != s.ItemsAlias()+"-000002" || res.Copied != 50 {
		t.Errorf("Migrate = %+v, want 50 records from -000001 to -000002", res)
	}
	now, err := s.aliasIndex(ctx, s.ItemsAlias())
	if err != nil || now != res.To {
		t.Errorf("alias now points to %q (%v), want %s", now, err, res.To)
	}
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Records != 50 || stats.ByStatus[netra.StatusEscalated] != 1 {
		t.Errorf("after migrate: %d records, %d escalated; want 50 and 1", stats.Records, stats.ByStatus[netra.StatusEscalated])
	}
	// Text search works on the new index (its analysed terms are rebuilt
	// from the records, since _source does not keep them).
	found, err := s.Search(ctx, index.Query{Text: "kampanye desa", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if found.Total != 50 {
		t.Errorf("after migrate a text search finds %d records, want 50", found.Total)
	}
	got, err := s.Get(ctx, "rec-00007")
	if err != nil {
		t.Fatal(err)
	}
	// Reviews keep working with optimistic concurrency on the new index.
	st = netra.StatusConfirmed
	after, err := s.Review(ctx, "rec-00007", index.ReviewUpdate{Status: &st, Who: "budi", BaseVersion: got.Version})
	if err != nil {
		t.Fatalf("review after migrate: %v", err)
	}
	if _, err := s.Review(ctx, "rec-00007", index.ReviewUpdate{Status: &st, Who: "budi", BaseVersion: got.Version}); !errors.Is(err, netra.ErrConflict) {
		t.Errorf("stale review after migrate: %v, want a conflict", err)
	}
	if after.Version != got.Version+1 {
		t.Errorf("version after review = %d, want %d", after.Version, got.Version+1)
	}
}

// TestCursorOutlivesItsPointInTime pages on after the point in time a
// cursor carries has gone (expired, or the node restarted): the cursor
// still continues where it was, without repeats or gaps.
func TestCursorOutlivesItsPointInTime(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	var recs []netra.Record
	for i := range 30 {
		recs = append(recs, rec(i, fmt.Sprintf("laporan kampanye nomor %d", i)))
	}
	if err := s.Upsert(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	q := index.Query{Sort: index.SortTimeAsc, Limit: 7}
	var got []string
	var pits []string
	for page := 0; page < 10; page++ {
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		for _, m := range res.Matches {
			got = append(got, m.Record.Item.ID)
		}
		if res.NextCursor == "" {
			break
		}
		c, err := index.DecodeCursor(res.NextCursor, Backend, index.SortTimeAsc)
		if err != nil {
			t.Fatal(err)
		}
		var a cursorAfter
		if err := json.Unmarshal(c.After, &a); err != nil {
			t.Fatal(err)
		}
		if a.PIT != "" {
			// Close it under the cursor's feet.
			s.closePIT(ctx, a.PIT)
			pits = append(pits, a.PIT)
		}
		q.Cursor = res.NextCursor
	}
	if len(pits) == 0 {
		t.Fatal("no page carried a point in time")
	}
	var want []string
	for _, r := range recs {
		want = append(want, r.Item.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("paging with closed points in time returned %v, want %v", got, want)
	}
}

// TestSeveralURLs: with one node of the list down, the client goes on with
// the others.
func TestSeveralURLs(t *testing.T) {
	live := esURL(t)
	dead := closedPort(t)
	ctx := context.Background()
	cfg := Config{URLs: []string{dead, live}, IndexPrefix: testPrefix(t), SpoolDir: t.TempDir()}
	s, err := Open(ctx, cfg, WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("Open with %v: %v", cfg.URLs, err)
	}
	t.Cleanup(func() { drop(t, s); s.Close() })
	for i := range 5 {
		if err := s.Upsert(ctx, []netra.Record{rec(i, "laporan kampanye")}); err != nil {
			t.Fatalf("upsert %d: %v", i, err)
		}
		if err := s.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Records != 5 {
		t.Errorf("Stats = %d records, %v; want 5", st.Records, err)
	}
}

// TestReviewedRecordsStayFindableByText: a review rewrites the document;
// its text must still be searchable afterwards (the analysed terms are not
// in _source, so the store must rebuild them).
func TestReviewedRecordsStayFindableByText(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	if err := s.Upsert(ctx, []netra.Record{rec(1, "Camat terekam mendukung pasangan calon")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := s.Get(ctx, "rec-00001")
	if err != nil {
		t.Fatal(err)
	}
	st := netra.StatusConfirmed
	if _, err := s.Review(ctx, "rec-00001", index.ReviewUpdate{Status: &st, Who: "siti", BaseVersion: r.Version}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, index.Query{Text: "dukungan", Statuses: []netra.Status{netra.StatusConfirmed}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("text search after a review finds %d records, want 1", res.Total)
	}
}

// TestForgedCursor: a cursor that decodes but holds a position or point in
// time the cluster cannot use is reported as a bad cursor, not a failure of
// the store.
func TestForgedCursor(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	if err := s.Upsert(ctx, []netra.Record{rec(1, "satu"), rec(2, "dua")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for name, after := range map[string]string{
		"position of the wrong type": `{"v":["bukan-waktu","x"]}`,
		"garbage point in time":      `{"pit":"!!!","v":[1,"x"]}`,
	} {
		c, err := index.EncodeCursor(index.Cursor{Backend: Backend, Sort: index.SortTimeDesc, After: json.RawMessage(after)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Search(ctx, index.Query{Cursor: c})
		if !errors.Is(err, index.ErrBadCursor) {
			t.Errorf("%s: error %v, want index.ErrBadCursor", name, err)
		}
	}
}
