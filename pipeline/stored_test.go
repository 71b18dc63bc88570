package pipeline

import (
	"context"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index/bleve"
)

// The Stored hook sees every kept record once, in batches the store
// already returns, and never records Keep left out.
func TestStoredHookAfterStore(t *testing.T) {
	store, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	its := items(1000)
	seen := map[string]int{}
	var missing []string
	calls := 0
	_, err = RunFrom(t.Context(), wordClassifier{word: "camat"}, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range its {
			if err := send(it); err != nil {
				return err
			}
		}
		return nil
	}, Options{
		Workers: 2, BatchSize: 50, Sink: store,
		Keep: func(r *netra.Record) bool { return r.Verdict.Flagged },
		Stored: func(ctx context.Context, recs []netra.Record) {
			calls++
			for _, r := range recs {
				seen[r.Item.ID]++
				if _, err := store.Get(ctx, r.Item.ID); err != nil {
					missing = append(missing, r.Item.ID)
				}
			}
		},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("%d records handed to Stored before the store had them, e.g. %s", len(missing), missing[0])
	}
	want := 0
	for _, it := range its {
		flagged := wordClassifier{word: "camat"}.Classify(it).Flagged
		if flagged {
			want++
		}
		if n := seen[it.ID]; (flagged && n != 1) || (!flagged && n != 0) {
			t.Fatalf("item %s (flagged %v) seen %d times by Stored", it.ID, flagged, n)
		}
	}
	if want == 0 || calls < 2 {
		t.Fatalf("%d flagged items in %d calls: the test needs several batches of flagged items", want, calls)
	}
}
