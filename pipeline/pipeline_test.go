package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// wordClassifier is a test double for the plumbing: it flags texts that
// contain a word, and sleeps a text-dependent moment so that workers finish
// out of order.
type wordClassifier struct {
	word  string
	delay bool
}

func (w wordClassifier) Classify(it netra.Item) netra.Verdict {
	if w.delay {
		h := fnv.New32a()
		h.Write([]byte(it.Text))
		time.Sleep(time.Duration(h.Sum32()%200) * time.Microsecond)
	}
	v := netra.Verdict{ID: it.ID, RulesVersion: "test"}
	if strings.Contains(it.Text, w.word) {
		v.Flagged, v.Score = true, 1
		v.Categories = []string{"asn"}
	}
	return v
}

func items(n int) []netra.Item {
	out := make([]netra.Item, n)
	for i := range out {
		text := fmt.Sprintf("kalimat nomor %d", i)
		if i%7 == 0 {
			text = fmt.Sprintf("camat mendukung paslon nomor %d", i)
		}
		out[i] = netra.Item{ID: fmt.Sprintf("id-%d", i), Source: "test", Text: text}
	}
	return out
}

func feed(ctx context.Context, its []netra.Item) <-chan netra.Item {
	ch := make(chan netra.Item)
	go func() {
		defer close(ch)
		for _, it := range its {
			select {
			case ch <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

// memSink records batches; optionally fails on the nth call.
type memSink struct {
	mu      sync.Mutex
	batches [][]netra.Record
	failAt  int
}

func (s *memSink) Upsert(ctx context.Context, recs []netra.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failAt > 0 && len(s.batches)+1 == s.failAt {
		return errors.New("disk full")
	}
	s.batches = append(s.batches, append([]netra.Record(nil), recs...))
	return nil
}

func TestRunKeepsInputOrder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := items(3000)
	var got []string
	st, err := Run(ctx, wordClassifier{word: "mendukung", delay: true}, feed(ctx, in), Options{Workers: 4}, func(r netra.Record) error {
		got = append(got, r.Item.ID)
		if r.Verdict.ID != r.Item.ID {
			t.Errorf("verdict %s paired with item %s", r.Verdict.ID, r.Item.ID)
		}
		if r.Review.Status != netra.StatusNew {
			t.Errorf("record %s: review status %q, want new", r.Item.ID, r.Review.Status)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("emitted %d records, want %d", len(got), len(in))
	}
	for i := range in {
		if got[i] != in[i].ID {
			t.Fatalf("record %d is %s, want %s", i, got[i], in[i].ID)
		}
	}
	wantFlagged := int64((len(in) + 6) / 7)
	if st.Items != int64(len(in)) || st.Flagged != wantFlagged {
		t.Errorf("stats %+v, want %d items, %d flagged", st, len(in), wantFlagged)
	}
}

func TestRunBatchesToSinkInOrder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := items(1000)
	sink := &memSink{}
	st, err := Run(ctx, wordClassifier{word: "mendukung"}, feed(ctx, in), Options{Workers: 3, BatchSize: 64, Sink: sink}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, b := range sink.batches {
		if len(b) > 64 {
			t.Errorf("batch %d has %d records, more than the batch size", i, len(b))
		}
		for _, r := range b {
			if r.Item.ID != in[n].ID {
				t.Fatalf("stored record %d is %s, want %s", n, r.Item.ID, in[n].ID)
			}
			n++
		}
	}
	if n != len(in) || st.Stored != int64(len(in)) || st.Batches != int64(len(sink.batches)) {
		t.Errorf("stored %d records in %d batches, stats %+v", n, len(sink.batches), st)
	}
}

func TestRunKeepFiltersSinkOnly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := items(500)
	sink := &memSink{}
	emitted := 0
	_, err := Run(ctx, wordClassifier{word: "mendukung"}, feed(ctx, in), Options{
		Sink: sink,
		Keep: func(r *netra.Record) bool { return r.Verdict.Flagged },
	}, func(netra.Record) error { emitted++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, b := range sink.batches {
		for _, r := range b {
			if !r.Verdict.Flagged {
				t.Errorf("unflagged record %s stored", r.Item.ID)
			}
			stored++
		}
	}
	if emitted != len(in) || stored != (len(in)+6)/7 {
		t.Errorf("emitted %d stored %d", emitted, stored)
	}
}

func TestRunStopsOnErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		opt  Options
		emit func(netra.Record) error
		c    Classifier
		want string
	}{
		{name: "emit", emit: func(r netra.Record) error {
			if r.Item.ID == "id-100" {
				return boom
			}
			return nil
		}, c: wordClassifier{word: "x"}, want: "boom"},
		{name: "sink", opt: Options{Sink: &memSink{failAt: 2}, BatchSize: 10}, c: wordClassifier{word: "x"}, want: "disk full"},
		{name: "panic", c: panicky{}, want: "classify item id-13: panic"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := Run(ctx, tc.c, feed(ctx, items(5000)), tc.opt, tc.emit)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestRunGoesOnPastFailedItems: with Options.Failed, an item whose
// classification panics is reported once, in order, and left out; every
// other item (its neighbours in the same chunk too) is emitted and stored
// in input order, and every item, the failed ones included, is
// acknowledged.
func TestRunGoesOnPastFailedItems(t *testing.T) {
	for _, withSink := range []bool{false, true} {
		t.Run(fmt.Sprintf("sink=%v", withSink), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			in := items(500)
			var emitted, failed []string
			acked := 0
			sink := &memSink{}
			opt := Options{
				Workers: 3,
				Failed: func(it netra.Item, err error) error {
					if !strings.Contains(err.Error(), "classify item "+it.ID+": panic") {
						t.Errorf("error %q does not name item %s", err, it.ID)
					}
					failed = append(failed, it.ID)
					return nil
				},
				Ack: func(its []netra.Item) error { acked += len(its); return nil },
			}
			if withSink {
				opt.Sink = sink
			}
			st, err := Run(ctx, panicky{}, feed(ctx, in), opt, func(r netra.Record) error {
				emitted = append(emitted, r.Item.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(failed) != 1 || failed[0] != "id-13" || st.Failed != 1 {
				t.Errorf("failed %v (stats %d), want [id-13]", failed, st.Failed)
			}
			if len(emitted) != len(in)-1 || emitted[12] != "id-12" || emitted[13] != "id-14" || emitted[len(emitted)-1] != "id-499" {
				t.Errorf("emitted %d items, around the failure %v", len(emitted), emitted[11:15])
			}
			if acked != len(in) {
				t.Errorf("acked %d items, want %d", acked, len(in))
			}
			if withSink && sink.count() != len(in)-1 {
				t.Errorf("stored %d records, want %d", sink.count(), len(in)-1)
			}
		})
	}
}

type panicky struct{}

func (panicky) Classify(it netra.Item) netra.Verdict {
	if it.ID == "id-13" {
		panic("index out of range")
	}
	return netra.Verdict{ID: it.ID}
}

func TestRunHonoursCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan netra.Item) // never closed: only cancel can end Run
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, wordClassifier{word: "x"}, in, Options{}, nil)
		done <- err
	}()
	in <- netra.Item{ID: "a", Text: "satu"}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestRunReportsProgress(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last Stats
	calls := 0
	_, err := Run(ctx, wordClassifier{word: "mendukung"}, feed(ctx, items(200)), Options{
		Progress: func(s Stats) { calls++; last = s },
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last.Items != 200 {
		t.Errorf("progress called %d times, last %+v", calls, last)
	}
}

func BenchmarkRun(b *testing.B) {
	in := items(10000)
	var bytes int64
	for _, it := range in {
		bytes += int64(len(it.Text))
	}
	b.SetBytes(bytes)
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		if _, err := Run(ctx, wordClassifier{word: "mendukung"}, feed(ctx, in), Options{}, func(netra.Record) error { return nil }); err != nil {
			b.Fatal(err)
		}
		cancel()
	}
	b.ReportMetric(float64(len(in)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func (s *memSink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, b := range s.batches {
		n += len(b)
	}
	return n
}

// A slow source (a crawl) must not keep records out of the store until a
// batch fills up.
func TestRunFlushesPartialBatchesOfATrickle(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan netra.Item)
	sink := &memSink{}
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, wordClassifier{word: "mendukung"}, in, Options{Sink: sink, BatchSize: 100, FlushInterval: 10 * time.Millisecond}, nil)
		done <- err
	}()
	for i, it := range items(3) {
		in <- it
		deadline := time.Now().Add(10 * time.Second)
		for sink.count() < i+1 {
			if time.Now().After(deadline) {
				t.Fatalf("item %d not stored while the input stays open", i)
			}
			time.Sleep(time.Millisecond)
		}
	}
	close(in)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if sink.count() != 3 {
		t.Errorf("stored %d records, want 3", sink.count())
	}
}

// TestEnrich: Enrich sees each item's verdict after classification, and
// what it changes is what the Sink stores and emit sees.
func TestEnrich(t *testing.T) {
	in := make(chan netra.Item, 3)
	for _, s := range []string{"a camat", "b", "c camat"} {
		in <- netra.Item{ID: s[:1], Text: s}
	}
	close(in)
	sink := &memSink{}
	var seen []string
	_, err := Run(t.Context(), wordClassifier{word: "camat"}, in, Options{Sink: sink, Enrich: func(it *netra.Item, v netra.Verdict) {
		if v.Flagged {
			it.Region = "Jawa Timur"
		}
	}}, func(r netra.Record) error {
		seen = append(seen, r.Item.ID+":"+r.Item.Region)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, ",") != "a:Jawa Timur,b:,c:Jawa Timur" {
		t.Errorf("emitted %v", seen)
	}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	stored := 0
	for _, b := range sink.batches {
		for _, r := range b {
			stored++
			if (r.Item.Region != "") != r.Verdict.Flagged {
				t.Errorf("stored %s region %q flagged %v", r.Item.ID, r.Item.Region, r.Verdict.Flagged)
			}
		}
	}
	if stored != 3 {
		t.Errorf("stored %d records, want 3", stored)
	}
}
