package crawler

import (
	"context"
	"errors"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/state"
)

// TestSharedStateHandsOver: two workers, each with its own state
// directory, share a crawl state (WithSharedState). The first is stopped
// after five items; the second, which never ran the source, resumes the
// first's pending URLs and emits exactly the items the first did not:
// none twice, none lost.
func TestSharedStateHandsOver(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	shared := state.NewMemory()
	src := Source{Name: "uji-shared", Kind: KindSitemap, URLs: []string{s.URL + "/"}, Workers: 1}

	a := testCrawler(s, t.TempDir(), WithWorkers(1), WithSharedState(shared, nil))
	stop := errors.New("worker a stopped")
	var first []netra.Item
	_, err := a.Run(context.Background(), src, func(it netra.Item) error {
		if len(first) == 5 {
			return stop
		}
		first = append(first, it)
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("run of worker a returned %v", err)
	}
	a.Close()

	var failed []error
	b := testCrawler(s, t.TempDir(), WithSharedState(shared, func(err error) { failed = append(failed, err) }))
	defer b.Close()
	rest, st := collect(t, b, src)
	if st.Resumed == 0 {
		t.Errorf("worker b resumed nothing of worker a's pending URLs: %+v", st)
	}
	seen := map[string]bool{}
	for _, it := range first {
		seen[it.URL] = true
	}
	for _, it := range rest {
		if seen[it.URL] {
			t.Errorf("%s emitted by both workers", it.URL)
		}
		seen[it.URL] = true
	}
	if len(first)+len(rest) != len(fx) {
		t.Errorf("the workers emitted %d + %d items, want %d in all", len(first), len(rest), len(fx))
	}
	if len(failed) > 0 {
		t.Errorf("shared state failures: %v", failed)
	}
}
