package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// TestScoreKillHelper is not a test: it is the child process of
// TestScoreIndexSurvivesKill and the crawl kill tests, running `netra` with
// the arguments in $NETRA_SCORE_CHILD_ARGS (separated by U+001F) and the
// signal handling of main.
func TestScoreKillHelper(t *testing.T) {
	args := os.Getenv("NETRA_SCORE_CHILD_ARGS")
	if args == "" {
		t.Skip("child process helper")
	}
	ctx, release := signalContext(os.Stderr)
	defer release()
	cmd := newRootCmd()
	cmd.SetArgs(strings.Split(args, "\x1f"))
	if err := cmd.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "netra:", err)
		var ec exitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
	os.Exit(0)
}

// TestScoreIndexSurvivesKill kills `netra score --index` with SIGKILL while
// it is storing, runs it again to the end, and checks that the store holds
// every document exactly once: ids are stable, upserts idempotent.
func TestScoreIndexSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")

	// Real texts made unique by a number, without URLs so that ids come
	// from source + text.
	sample, err := os.ReadFile(filepath.Join(corpusDir, "posts-sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, l := range strings.Split(strings.TrimSpace(string(sample)), "\n") {
		var m struct{ Text string }
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, m.Text)
	}
	const docs = 20000
	input := filepath.Join(dir, "posts.jsonl")
	var b strings.Builder
	for i := range docs {
		line, _ := json.Marshal(map[string]any{"id": i, "text": fmt.Sprintf("%s (%d)", texts[i%len(texts)], i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	child := func(out string) *exec.Cmd {
		args := []string{"--data", data, "score", "--index", "--batch-size", "50", "--workers", "2", "--out", out, input}
		cmd := exec.Command(os.Args[0], "-test.run=^TestScoreKillHelper$")
		cmd.Env = append(os.Environ(), "NETRA_SCORE_CHILD_ARGS="+strings.Join(args, "\x1f"))
		cmd.Stderr = os.Stderr
		return cmd
	}

	// First run: kill it once its output shows it is well under way.
	first := child(filepath.Join(dir, "out1.jsonl"))
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if fi, err := os.Stat(filepath.Join(dir, "out1.jsonl")); err == nil && fi.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatal("the first run wrote nothing in 2 minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v (did the run finish before it could be killed?)", err)
	}
	err = first.Wait()
	if ws, ok := first.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("first run ended with %v before it was killed; make the input larger", err)
	}

	stored := countStored(t, data)
	t.Logf("killed after %d of %d documents were stored", stored, docs)
	// Output is written before a record is stored and the store holds
	// back the output by at most three batches, so output on disk means
	// records in the store.
	if stored == 0 || stored >= docs {
		t.Fatalf("%d of %d documents stored at the kill: not part-way", stored, docs)
	}

	// Second run, to the end.
	second := child(filepath.Join(dir, "out2.jsonl"))
	second.Stderr = nil
	if out, err := second.CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	if n := countStored(t, data); n != docs {
		t.Fatalf("store holds %d records after the re-run, want %d (one per document)", n, docs)
	}
	st, err := openStore(context.Background(), &globals{dataDir: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := st.Search(context.Background(), index.Query{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != docs {
		t.Errorf("search finds %d records, want %d", res.Total, docs)
	}
	// Spot-check: a document's id is what the import derives, and its
	// record carries the verdict and a new review.
	id := netra.ItemID("", "posts.jsonl", fmt.Sprintf("%s (%d)", texts[7], 7))
	rec, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("document 7 (%s): %v", id, err)
	}
	if rec.Verdict.ID != id || rec.Review.Status != netra.StatusNew || rec.Item.Meta["input_id"] != "7" {
		t.Errorf("record 7: %+v", rec)
	}
}

func countStored(t *testing.T, data string) int {
	t.Helper()
	st, err := openStore(context.Background(), &globals{dataDir: data}, nil)
	if err != nil {
		t.Fatalf("open store after the run: %v", err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Records
}
