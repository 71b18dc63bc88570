package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index/bleve"
)

// Every item is acknowledged exactly once, in input order, and only when
// the real embedded store can already return its record.
func TestAckAfterStore(t *testing.T) {
	store, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	its := items(3000)
	var acked []string
	var notStored []string
	st, err := RunFrom(t.Context(), wordClassifier{word: "camat", delay: true}, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range its {
			if err := send(it); err != nil {
				return err
			}
		}
		return nil
	}, Options{
		Workers: 3, BatchSize: 100, Sink: store,
		// Only flagged records are stored; the others are acknowledged
		// with the batch after which they were emitted.
		Keep: func(r *netra.Record) bool { return r.Verdict.Flagged },
		Ack: func(batch []netra.Item) error {
			for _, it := range batch {
				acked = append(acked, it.ID)
				var n int
				if _, err := fmt.Sscanf(it.ID, "id-%d", &n); err != nil || n%7 != 0 {
					continue // not flagged, not stored
				}
				if _, err := store.Get(context.Background(), it.ID); err != nil {
					notStored = append(notStored, it.ID)
				}
			}
			return nil
		},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(notStored) > 0 {
		t.Fatalf("%d items acknowledged before the store had them, e.g. %s", len(notStored), notStored[0])
	}
	if len(acked) != len(its) || st.Acked != int64(len(its)) {
		t.Fatalf("acknowledged %d items (stats %d), want %d", len(acked), st.Acked, len(its))
	}
	for i := range its {
		if acked[i] != its[i].ID {
			t.Fatalf("ack %d is %s, want %s (input order, each once)", i, acked[i], its[i].ID)
		}
	}
}

// A failing store must not have its records acknowledged: here the store
// is closed part-way, so the run fails and what was acknowledged before
// is exactly what the store holds.
func TestNoAckWhenStoreFails(t *testing.T) {
	dir := t.TempDir()
	store, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	its := items(2000)
	var acked []string
	_, err = RunFrom(t.Context(), wordClassifier{}, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range its {
			if err := send(it); err != nil {
				return err
			}
		}
		return nil
	}, Options{
		Workers: 2, BatchSize: 50, Sink: store,
		Ack: func(batch []netra.Item) error {
			for _, it := range batch {
				acked = append(acked, it.ID)
			}
			if len(acked) >= 500 {
				store.Close() // the next Upsert fails
			}
			return nil
		},
	}, nil)
	if err == nil {
		t.Fatal("run succeeded although the store was closed")
	}
	if len(acked) == 0 || len(acked) >= len(its) {
		t.Fatalf("%d of %d acknowledged: not part-way", len(acked), len(its))
	}
	store.Close()
	store, err = bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, id := range acked {
		if _, err := store.Get(context.Background(), id); err != nil {
			t.Fatalf("acknowledged %s is not in the store: %v", id, err)
		}
	}
}

// Until ends the input at a stop without failing the run: what was sent
// before is still stored and acknowledged.
func TestUntilDrains(t *testing.T) {
	store, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	stop, cancel := context.WithCancel(t.Context())
	sent := 0
	var acked int
	st, err := RunFrom(t.Context(), wordClassifier{}, Until(stop, func(ctx context.Context, send func(netra.Item) error) error {
		for i, it := range items(100000) {
			if i == 700 {
				cancel() // Ctrl-C
			}
			if err := send(it); err != nil {
				return err
			}
			sent++
		}
		return nil
	}), Options{Workers: 2, BatchSize: 64, Sink: store, Ack: func(b []netra.Item) error { acked += len(b); return nil }}, nil)
	if err != nil {
		t.Fatalf("a stopped producer failed the run: %v", err)
	}
	if !errors.Is(stop.Err(), context.Canceled) || sent != 700 {
		t.Fatalf("sent %d items", sent)
	}
	if st.Stored != int64(sent) || acked != sent {
		t.Fatalf("sent %d, stored %d, acknowledged %d: want all the same", sent, st.Stored, acked)
	}
}
