package review

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// TestCachedViewsShowAReviewAtOnce: the embedded store answers a repeated
// queue or dashboard from its search cache; a review made just before the
// next view must still show in it (counts, status, the row's badge).
func TestCachedViewsShowAReviewAtOnce(t *testing.T) {
	f := newFixture(t)
	dash := func() Dashboard { return allDashboard(t, f) }
	count := func(d Dashboard, st netra.Status) int {
		for _, b := range d.By[index.FacetStatus] {
			if b.Value == string(st) {
				return b.Count
			}
		}
		return 0
	}
	c, _ := f.login("budi", viewerPW)
	newQueue := func() string {
		t.Helper()
		code, page := f.page(c, "/?flagged=all&status=new&stories=off")
		if code != 200 {
			t.Fatalf("queue: %d", code)
		}
		return page
	}
	id := f.id(0)
	before := dash()
	if d := dash(); count(d, netra.StatusConfirmed) != count(before, netra.StatusConfirmed) {
		t.Fatalf("the same dashboard twice differs: %+v, %+v", before.By, d.By)
	}
	if !strings.Contains(newQueue(), id) || !strings.Contains(newQueue(), id) {
		t.Fatalf("item %s is not in the queue of new items before its review", id)
	}

	rec, err := f.store.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	code, body, _ := f.do("POST", "/api/v1/items/"+id+"/review", "rina", reviewerPW, map[string]any{"status": "confirmed", "note": "terbukti", "version": rec.Version})
	if code != 200 {
		t.Fatalf("review: %d %s", code, body)
	}
	after := dash()
	if count(after, netra.StatusConfirmed) != count(before, netra.StatusConfirmed)+1 || count(after, netra.StatusNew) != count(before, netra.StatusNew)-1 {
		t.Errorf("dashboard after a review: confirmed %d -> %d, new %d -> %d; want one moved", count(before, netra.StatusConfirmed), count(after, netra.StatusConfirmed),
			count(before, netra.StatusNew), count(after, netra.StatusNew))
	}
	if strings.Contains(newQueue(), id) {
		t.Errorf("item %s is still in the queue of new items after its review", id)
	}
}
