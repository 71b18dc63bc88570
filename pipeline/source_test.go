package pipeline

import (
	"context"
	"errors"
	"testing"

	"github.com/netra-id/netra"
)

func TestRunFromKeepsOrderAndStats(t *testing.T) {
	its := items(5000)
	var got []string
	st, err := RunFrom(t.Context(), wordClassifier{}, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range its {
			if err := send(it); err != nil {
				return err
			}
		}
		return nil
	}, Options{Workers: 2}, func(r netra.Record) error {
		got = append(got, r.Item.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("RunFrom: %v", err)
	}
	if st.Items != int64(len(its)) || len(got) != len(its) {
		t.Fatalf("stats %d items, emitted %d, want %d", st.Items, len(got), len(its))
	}
	for i := range its {
		if got[i] != its[i].ID {
			t.Fatalf("record %d is %s, want %s (input order)", i, got[i], its[i].ID)
		}
	}
}

func TestRunFromProducerError(t *testing.T) {
	boom := errors.New("sumber tidak terbaca")
	_, err := RunFrom(t.Context(), wordClassifier{}, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range items(10) {
			if err := send(it); err != nil {
				return err
			}
		}
		return boom
	}, Options{}, nil)
	if !errors.Is(err, boom) {
		t.Fatalf("RunFrom error = %v, want the producer's", err)
	}
}

// A pipeline that stops early (here: emit fails) must release a producer
// that is still sending, instead of leaving it blocked forever.
func TestRunFromReleasesProducer(t *testing.T) {
	stop := errors.New("keluaran penuh")
	_, err := RunFrom(t.Context(), wordClassifier{}, func(ctx context.Context, send func(netra.Item) error) error {
		it := items(1)[0]
		for {
			if err := send(it); err != nil {
				return err
			}
		}
	}, Options{}, func(netra.Record) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("RunFrom error = %v, want emit's", err)
	}
}
