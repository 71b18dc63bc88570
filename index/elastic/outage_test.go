//go:build unix

package elastic

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/indextest"
)

// instance is an Elasticsearch of its own, started with
// scripts/elasticsearch.sh under a separate instance name, so a test can
// kill it without disturbing the shared one.
type instance struct {
	t      *testing.T
	script string
	env    []string
}

func startInstance(t *testing.T) *instance {
	t.Helper()
	script, err := filepath.Abs("../../scripts/elasticsearch.sh")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("the outage test needs scripts/elasticsearch.sh: %v", err)
	}
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	in := &instance{t: t, script: script, env: append(os.Environ(), "NETRA_ES_NAME=outage-"+hex.EncodeToString(b))}
	t.Cleanup(func() {
		if out, err := in.run("clean"); err != nil {
			t.Logf("clean up instance: %v\n%s", err, out)
		}
	})
	return in
}

func (in *instance) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, in.script, args...)
	cmd.Env = in.env
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out) + string(ee.Stderr), err
	}
	return strings.TrimSpace(string(out)), err
}

func (in *instance) start() string {
	in.t.Helper()
	url, err := in.run("start")
	if err != nil {
		in.t.Fatalf("start a second Elasticsearch: %v\n%s", err, url)
	}
	return url
}

// kill stops the instance the hard way, like a crash or an OOM kill.
func (in *instance) kill() error {
	out, err := in.run("pid")
	if err != nil {
		return fmt.Errorf("pid of the second Elasticsearch: %v %s", err, out)
	}
	pid, err := strconv.Atoi(out)
	if err != nil {
		return fmt.Errorf("pid %q: %v", out, err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("kill %d: %v", pid, err)
	}
	for i := 0; i < 100 && syscall.Kill(pid, 0) == nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}

// TestOutageLosesNothing kills Elasticsearch in the middle of a bulk run,
// restarts it, replays the spool and checks that every record arrived
// exactly once.
func TestOutageLosesNothing(t *testing.T) {
	esURL(t) // skip (or fail under CI) like every Elasticsearch test
	if testing.Short() {
		t.Skip("starts and kills a second Elasticsearch")
	}
	in := startInstance(t)
	t0 := time.Now()
	url := in.start()
	t.Logf("started in %v", time.Since(t0))
	ctx := context.Background()
	spoolDir := t.TempDir()
	cfg := Config{URLs: []string{url}, IndexPrefix: testPrefix(t), SpoolDir: spoolDir}
	s, err := Open(ctx, cfg, WithAnalyzer(indextest.Analyze), WithRetry(2, 50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}

	const total, batch, killAfter = 10000, 500, 4
	all := make([]netra.Record, total)
	for i := range all {
		all[i] = rec(i, fmt.Sprintf("Laporan %d: ASN diduga ikut kampanye calon nomor %d di kecamatan %d.", i, i%3+1, i%17))
	}
	var acked atomic.Int32
	killed := make(chan error, 1)
	go func() {
		for acked.Load() < killAfter {
			time.Sleep(time.Millisecond)
		}
		killed <- in.kill() // while the next batch is being written
	}()
	var ackedRecs, spooledRecs int
	var spoolPath string
	for start := 0; start < total; start += batch {
		err := s.Upsert(ctx, all[start:start+batch])
		var se *index.SpooledError
		switch {
		case err == nil:
			ackedRecs += batch
			acked.Add(1)
		case errors.As(err, &se):
			// A batch cut off part-way: its written part is acknowledged
			// by the store, the rest spooled.
			ackedRecs += se.Stored
			spooledRecs += se.Count
			spoolPath = se.Path
		default:
			t.Fatalf("batch at %d: %v, want success or *index.SpooledError", start, err)
		}
	}
	if err := <-killed; err != nil {
		t.Fatal(err)
	}
	s.Close()
	t.Logf("acknowledged %d, spooled %d", ackedRecs, spooledRecs)
	if spooledRecs == 0 || ackedRecs < killAfter*batch || ackedRecs+spooledRecs != total {
		t.Fatalf("acknowledged %d + spooled %d records, want at least %d acknowledged, some spooled, %d in all",
			ackedRecs, spooledRecs, killAfter*batch, total)
	}
	if spoolPath != filepath.Join(spoolDir, "elastic-spool-"+cfg.IndexPrefix+".jsonl") {
		t.Errorf("spool path %q is not in the spool directory %s", spoolPath, spoolDir)
	}

	// Restart on the same data directory; Open delivers the spool first.
	t0 = time.Now()
	cfg.URLs = []string{in.start()}
	t.Logf("restarted in %v", time.Since(t0))
	s2, err := Open(ctx, cfg, WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("Open after restart (replays the spool): %v", err)
	}
	defer s2.Close()
	if n, err := s2.Spooled(); err != nil || n != 0 {
		t.Errorf("spool after replay: %d records (%v), want empty", n, err)
	}
	if _, err := os.Stat(spoolPath); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spool file still there after replay: %v", err)
	}

	// Every record exactly once: the count matches, each ID is found once
	// when paging through everything, and none was written twice (a
	// second write of a record bumps its version).
	st, err := s2.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != total {
		t.Errorf("after replay the store has %d records, want %d", st.Records, total)
	}
	seen := make(map[string]int, total)
	q := index.Query{Sort: index.SortTimeAsc, Limit: index.MaxLimit}
	for {
		res, err := s2.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Matches {
			seen[m.Record.Item.ID]++
			if m.Record.Version != 1 {
				t.Errorf("%s has version %d, want 1 (stored once)", m.Record.Item.ID, m.Record.Version)
			}
		}
		if res.NextCursor == "" {
			break
		}
		q.Cursor = res.NextCursor
	}
	if len(seen) != total {
		t.Errorf("paging found %d distinct records, want %d", len(seen), total)
	}
	for _, r := range all {
		if seen[r.Item.ID] != 1 {
			t.Errorf("record %s found %d times, want exactly once", r.Item.ID, seen[r.Item.ID])
		}
	}
}
