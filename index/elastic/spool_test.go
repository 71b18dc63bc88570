package elastic

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/indextest"
)

// closedPort returns a loopback URL nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// unreachableStore is a Store whose cluster went away after Open: built by
// hand, since Open itself refuses an unreachable cluster.
func unreachableStore(t *testing.T) *Store {
	url := closedPort(t)
	es, err := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{url}, MaxRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	return &Store{
		es:  es,
		cfg: Config{URLs: []string{url}, IndexPrefix: "netra", SpoolDir: t.TempDir()},
		opt: options{analyze: indextest.Analyze, attempts: 2, backoff: time.Millisecond, flushBytes: 1 << 20, workers: 1},
		url: url, itemsAlias: "netra-items", auditAlias: "netra-audit",
		ready: true, // it was reached once
	}
}

func TestUpsertSpoolsWhenUnreachable(t *testing.T) {
	s := unreachableStore(t)
	ctx := context.Background()
	var recs []netra.Record
	for i := range 2500 { // more than one chunk
		recs = append(recs, rec(i, fmt.Sprintf("teks nomor %d", i)))
	}
	recs = append(recs, rec(3, "teks nomor 3, versi kedua")) // a duplicate ID: the later wins
	err := s.Upsert(ctx, recs)
	var se *index.SpooledError
	if !errors.As(err, &se) {
		t.Fatalf("Upsert to an unreachable cluster: %v, want *index.SpooledError", err)
	}
	if se.Count != 2500 || se.Path != s.SpoolPath() {
		t.Errorf("spooled %d records to %s, want 2500 to %s", se.Count, se.Path, s.SpoolPath())
	}
	if !strings.Contains(err.Error(), "2500 records") || !strings.Contains(err.Error(), s.SpoolPath()) {
		t.Errorf("error %q does not say how many records were spooled where", err)
	}
	// A second failing batch appends, quickly (the store knows it is down).
	start := time.Now()
	if err := s.Upsert(ctx, recs[:10]); !errors.As(err, &se) || se.Count != 10 {
		t.Fatalf("second Upsert: %v, want 10 spooled", err)
	}
	t.Logf("second batch spooled in %v", time.Since(start))
	got, err := s.readSpool()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2510 {
		t.Fatalf("spool holds %d records, want 2510", len(got))
	}
	if got[3].Item.Text != "teks nomor 3, versi kedua" {
		t.Errorf("spooled rec-00003 has text %q, want the later duplicate", got[3].Item.Text)
	}
	// Replay against the still unreachable cluster keeps everything.
	if n, err := s.Replay(ctx); err == nil || n != 0 {
		t.Errorf("Replay while unreachable = %d, %v; want 0 and an error", n, err)
	}
	// It compacts the spool to the last record of each ID: the 10 records
	// of the second batch replace their earlier versions.
	got, err = s.readSpool()
	if err != nil || len(got) != 2500 {
		t.Fatalf("after a failed replay the spool has %d records (%v), want 2500", len(got), err)
	}
	if got[3].Item.Text != "teks nomor 3" {
		t.Errorf("rec-00003 in the compacted spool has text %q, want the one of the later batch", got[3].Item.Text)
	}
}

func TestSpoolTornAndCorruptLines(t *testing.T) {
	s := unreachableStore(t)
	if _, err := s.spool([]netra.Record{rec(1, "satu"), rec(2, "dua")}); err != nil {
		t.Fatal(err)
	}
	path := s.SpoolPath()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A crash in the middle of an append leaves a torn last line.
	if _, err := f.WriteString(`{"item":{"id":"rec-0000`); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := s.readSpool()
	if err != nil || len(got) != 2 {
		t.Fatalf("spool with a torn last line: %d records, %v; want the 2 whole ones", len(got), err)
	}
	// Damage in the middle is an error naming file and line, never a
	// silent skip.
	b, _ := os.ReadFile(path)
	lines := strings.SplitN(string(b), "\n", 2)
	if err := os.WriteFile(path, []byte(lines[0]+"\n{kacau\n"+lines[1]), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = s.readSpool()
	if err == nil || !strings.Contains(err.Error(), path+":2") {
		t.Errorf("corrupt spool line: error %v, want one naming %s:2", err, path)
	}
}

// FuzzReadSpool feeds arbitrary spool files to the reader: it must never
// panic, and whatever it accepts must be records with IDs it can store.
func FuzzReadSpool(f *testing.F) {
	f.Add([]byte(`{"item":{"id":"a","text":"satu"},"verdict":{"id":"a"}}` + "\n"))
	f.Add([]byte(`{"item":{"id":"a"}}` + "\n" + `{"item":{"id":"b"`))
	f.Add([]byte("\n\n{kacau}\n{}\n"))
	f.Add([]byte("{}\n{}\n"))
	f.Add([]byte(`{"item":{"id":"a","published":"bukan tanggal"}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		s := &Store{cfg: Config{IndexPrefix: "netra", SpoolDir: dir}}
		if err := os.WriteFile(s.SpoolPath(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		recs, err := s.readSpool()
		if err != nil {
			if !strings.Contains(err.Error(), s.SpoolPath()) {
				t.Errorf("error %v does not name the spool file", err)
			}
			return
		}
		for i, r := range recs {
			if r.Item.ID == "" {
				t.Errorf("record %d accepted without an item id", i)
			}
		}
		// What was read can be written back and read again unchanged.
		if err := s.rewriteSpool(recs); err != nil {
			t.Fatal(err)
		}
		again, err := s.readSpool()
		if err != nil || len(again) != len(recs) {
			t.Errorf("rewritten spool reads back %d records (%v), want %d", len(again), err, len(recs))
		}
	})
}

// TestSpoolSharedByTwoStores: two stores on one data directory (two
// commands at once) spool and replay concurrently without losing records.
func TestSpoolSharedByTwoStores(t *testing.T) {
	a := unreachableStore(t)
	b := unreachableStore(t)
	b.cfg.SpoolDir = a.cfg.SpoolDir
	ctx := context.Background()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 100; i++ {
			var batch []netra.Record
			for j := range 10 {
				batch = append(batch, rec(i*10+j, "teks"))
			}
			if _, err := a.spool(batch); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		_, _ = b.Replay(ctx) // fails (unreachable) and compacts the spool
	}
	got, err := a.readSpool()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range got {
		ids[r.Item.ID] = true
	}
	if len(ids) != 1000 {
		t.Errorf("spool holds %d distinct records after concurrent spooling and replays, want 1000", len(ids))
	}
}

// TestReplaySetsBadSpoolAside: a spool that cannot be delivered (damaged,
// or holding a record the cluster would refuse) must not block every later
// command; it is moved aside (not lost) and the error says where.
func TestReplaySetsBadSpoolAside(t *testing.T) {
	url := esURL(t)
	s := openTest(t, url)
	long := rec(3, "teks")
	long.Item.ID = strings.Repeat("y", 513)
	if err := s.Upsert(context.Background(), []netra.Record{rec(4, "teks"), long}); err == nil || !strings.Contains(err.Error(), "513 bytes") {
		t.Errorf("Upsert with a 513-byte ID: %v, want an error naming its length", err)
	}
	bad := rec(1, "teks")
	bad.Item.ID = strings.Repeat("x", 600) // longer than Elasticsearch allows an _id
	if _, err := s.spool([]netra.Record{bad, rec(2, "teks")}); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), s.cfg, WithAnalyzer(indextest.Analyze))
	if err == nil || !strings.Contains(err.Error(), ".rejected-") {
		t.Fatalf("Open with a spool the cluster rejects: %v, want an error naming where the records went", err)
	}
	matches, _ := filepath.Glob(s.SpoolPath() + ".rejected-*")
	if len(matches) != 1 {
		t.Fatalf("set-aside files: %v, want one", matches)
	}
	s2, err := Open(context.Background(), s.cfg, WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("the next Open: %v, want it to work", err)
	}
	s2.Close()
}

// Records Replay delivers reach WithReplayed's callback once each, and a
// replay with nothing to deliver calls nothing.
func TestReplayedHearsDeliveredRecords(t *testing.T) {
	url := esURL(t)
	s := openTest(t, url)
	if _, err := s.spool([]netra.Record{rec(2, "teks"), rec(3, "teks"), rec(2, "teks dua")}); err != nil {
		t.Fatal(err)
	}
	var heard [][]string
	hook := func(_ context.Context, recs []netra.Record) {
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.Item.ID)
		}
		slices.Sort(ids)
		heard = append(heard, ids)
	}
	s2, err := Open(context.Background(), s.cfg, WithAnalyzer(indextest.Analyze), WithReplayed(hook))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	want := []string{rec(2, "").Item.ID, rec(3, "").Item.ID}
	if len(heard) != 1 || !slices.Equal(heard[0], want) {
		t.Fatalf("replayed callback heard %v, want one call with %v", heard, want)
	}
	if _, err := s2.Replay(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(heard) != 1 {
		t.Errorf("an empty spool's replay called back: %v", heard)
	}
}
