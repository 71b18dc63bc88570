package bleve

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// TestJournalReplay simulates a crash between the netra.db commit and the
// search-index batch: records and pending marks are in netra.db, the search
// index has never seen them. Open must index them.
func TestJournalReplay(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	seed := netra.Record{Item: netra.Item{ID: "lama", Source: "uji", Text: "catatan lama tentang pemilu"}}
	if err := s.Upsert(ctx, []netra.Record{seed}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := bolt.Open(filepath.Join(dir, dbFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		rb, pb := tx.Bucket(bucketRecords), tx.Bucket(bucketPending)
		r := netra.Record{Item: netra.Item{ID: "baru", Source: "uji", Text: "camat ikut kampanye"}, Review: netra.Review{Status: netra.StatusNew}, Version: 1}
		v, _ := json.Marshal(r)
		if err := rb.Put([]byte("baru"), v); err != nil {
			return err
		}
		if err := pb.Put([]byte("baru"), nil); err != nil {
			return err
		}
		// "lama" was deleted in netra.db but not yet in the search index.
		if err := rb.Delete([]byte("lama")); err != nil {
			return err
		}
		return pb.Put([]byte("lama"), nil)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Search(ctx, index.Query{Text: "kampanye"})
	if err != nil || res.Total != 1 {
		t.Fatalf("replayed record not searchable: %d, %v", res.Total, err)
	}
	res, err = s.Search(ctx, index.Query{Text: "pemilu"})
	if err != nil || res.Total != 0 {
		t.Fatalf("deleted record still in the search index: %d, %v", res.Total, err)
	}
	var pending int
	s.db.View(func(tx *bolt.Tx) error { pending = tx.Bucket(bucketPending).Stats().KeyN; return nil })
	if pending != 0 {
		t.Errorf("%d pending marks left after replay", pending)
	}
}

func TestHostileIDsAndDates(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	bad := netra.Record{Item: netra.Item{ID: "a\x00b", Text: "x"}}
	if err := s.Upsert(ctx, []netra.Record{bad}); err == nil {
		t.Errorf("an ID with a NUL byte was accepted")
	}
	far := []netra.Record{
		{Item: netra.Item{ID: "jauh", Text: "kampanye", Published: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}},
		{Item: netra.Item{ID: "kuno", Text: "kampanye", Published: time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)}},
		{Item: netra.Item{ID: "biasa", Text: "kampanye", Published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}},
	}
	if err := s.Upsert(ctx, far); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, index.Query{Text: "kampanye", Sort: index.SortTimeAsc})
	if err != nil || res.Total != 3 {
		t.Fatalf("search: %d, %v", res.Total, err)
	}
	if res.Matches[0].Record.Item.ID != "biasa" {
		t.Errorf("oldest first = %s; out-of-range dates must sort as their storage time (now)", res.Matches[0].Record.Item.ID)
	}
}

// TestUnfinishedRebuild: a rebuild interrupted by a crash leaves its marker;
// the next open throws the half-built index away and builds it again.
func TestUnfinishedRebuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	recs := []netra.Record{
		{Item: netra.Item{ID: "a", Text: "camat ikut kampanye"}},
		{Item: netra.Item{ID: "b", Text: "lurah ikut kampanye"}},
	}
	if err := s.Upsert(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(filepath.Join(dir, dbFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	// As if the crash came after record b was stored but its index
	// document never made it, during a rebuild.
	db.Update(func(tx *bolt.Tx) error {
		r := netra.Record{Item: netra.Item{ID: "c", Text: "sekda ikut kampanye"}, Review: netra.Review{Status: netra.StatusNew}, Version: 1}
		v, _ := json.Marshal(r)
		tx.Bucket(bucketRecords).Put([]byte("c"), v)
		return tx.Bucket(bucketMeta).Put(keyRebuild, []byte("1"))
	})
	db.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Search(t.Context(), index.Query{Text: "kampanye"})
	if err != nil || res.Total != 3 {
		t.Fatalf("after an unfinished rebuild: %d records found, %v; want 3", res.Total, err)
	}
}

// TestAnalyzerChangeReindexes: a store built with one analyser and opened
// with another re-indexes, so stemmed queries keep finding what they should.
func TestAnalyzerChangeReindexes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	s, err := Open(dir) // default: words only, no stemming
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(t.Context(), []netra.Record{{Item: netra.Item{ID: "a", Text: "camat memberikan dukungannya"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	stem := func(text string) []string {
		var out []string
		for _, w := range index.Words(text) {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(w, "nya"), "men"), "an"))
		}
		return out
	}
	s, err = Open(dir, WithAnalyzer(stem))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Search(t.Context(), index.Query{Text: "mendukung"})
	if err != nil || res.Total != 1 {
		t.Fatalf("after changing the analyser: %d found, %v; want the record re-indexed and found", res.Total, err)
	}
}
