//go:build unix

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/review/config"
)

// esInstance is an Elasticsearch of the test's own (scripts/elasticsearch.sh
// under a unique NETRA_ES_NAME), so the test can kill and restart it
// without disturbing the one other tests use.
type esInstance struct {
	t   *testing.T
	env []string
}

func startESInstance(t *testing.T) (*esInstance, string) {
	t.Helper()
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	in := &esInstance{t: t, env: append(os.Environ(), "NETRA_ES_NAME=outage-cmd-"+hex.EncodeToString(b))}
	t.Cleanup(func() {
		if out, err := in.run("clean"); err != nil {
			t.Logf("clean up the test's Elasticsearch: %v\n%s", err, out)
		}
	})
	return in, in.start()
}

func (in *esInstance) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "../../scripts/elasticsearch.sh", args...)
	cmd.Env = in.env
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out) + string(ee.Stderr), err
	}
	return strings.TrimSpace(string(out)), err
}

func (in *esInstance) start() string {
	in.t.Helper()
	url, err := in.run("start")
	if err != nil {
		in.t.Fatalf("start the test's Elasticsearch: %v\n%s", err, url)
	}
	return url
}

// kill stops the instance the hard way, like a crash.
func (in *esInstance) kill() {
	in.t.Helper()
	out, err := in.run("pid")
	if err != nil {
		in.t.Fatalf("pid of the test's Elasticsearch: %v %s", err, out)
	}
	pid, err := strconv.Atoi(out)
	if err != nil {
		in.t.Fatalf("pid %q: %v", out, err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		in.t.Fatalf("kill %d: %v", pid, err)
	}
	for i := 0; i < 100 && syscall.Kill(pid, 0) == nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
}

// TestOutageIsAPause kills Elasticsearch in the middle of a crawl of a
// 320-page site and imports a corpus from stdin while it is down: both
// commands go on, keep every record in the spool and exit cleanly. After a
// restart, the next command delivers the spool first, and every page and
// every document is in the index exactly once (version 1), without
// re-reading the input.
func TestOutageIsAPause(t *testing.T) {
	esTestURL(t) // skip (or fail under CI) like every Elasticsearch test
	if testing.Short() {
		t.Skip("starts and kills an Elasticsearch of its own")
	}
	in, url := startESInstance(t)
	data := filepath.Join(t.TempDir(), "data")
	g := &globals{dataDir: data, esURLs: []string{url}, esIndexPrefix: "netra"}
	esArgs := func(args ...string) []string { return append([]string{"--es", url}, args...) }

	// 1. The crawl: Elasticsearch dies after 150 pages.
	s := newTestSite(t, 320, 150)
	sources := s.writeSources(t, "")
	crawl := netraChild(esArgs(crawlArgs(data, sources, s)...)...)
	var crawlOut strings.Builder
	crawl.Stdout, crawl.Stderr = &crawlOut, &crawlOut
	if err := crawl.Start(); err != nil {
		t.Fatal(err)
	}
	waitServed(t, s, 150, crawl)
	// Let the first pages reach the index, so the outage falls midway.
	deadline := time.Now().Add(time.Minute)
	for esCount(url) == 0 {
		if time.Now().After(deadline) {
			crawl.Process.Kill()
			t.Fatal("no page reached the index within a minute")
		}
		time.Sleep(20 * time.Millisecond)
	}
	in.kill()
	s.open()
	if err := crawl.Wait(); err != nil {
		t.Fatalf("crawl during the outage: %v\n%s", err, crawlOut.String())
	}
	t.Logf("crawl during the outage: %s", strings.TrimSpace(crawlOut.String()))
	if !strings.Contains(crawlOut.String(), "spooled") {
		t.Errorf("the crawl summary does not mention the spool:\n%s", crawlOut.String())
	}

	// 2. An import while Elasticsearch is down from the start: stdin is
	// read to the end and every document spooled.
	const docs = 3000
	var in2 strings.Builder
	for i := range docs {
		line, _ := json.Marshal(map[string]any{"id": i, "text": fmt.Sprintf("%s (laporan %d)", e2eTexts[i%len(e2eTexts)], i)})
		in2.Write(line)
		in2.WriteByte('\n')
	}
	score := netraChild(esArgs("--data", data, "score", "--index", "--source", "impor", "--out", os.DevNull, "-")...)
	score.Stdin = strings.NewReader(in2.String())
	out, err := score.CombinedOutput()
	if err != nil {
		t.Fatalf("score --index with Elasticsearch down: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d documents", docs)) || !strings.Contains(string(out), fmt.Sprintf("%d stored (%d of them spooled", docs, docs)) {
		t.Errorf("score summary with Elasticsearch down:\n%s", out)
	}

	// 3. Back up: the next crawl delivers the spool before anything else
	// and finds nothing left to fetch.
	in.start()
	out, err = netraChild(esArgs(crawlArgs(data, sources, s)...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("crawl after the restart: %v\n%s", err, out)
	}
	t.Logf("crawl after the restart: %s", strings.TrimSpace(string(out)))

	store, err := openStore(context.Background(), g, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	want := map[string]bool{}
	for i := range s.n {
		want[s.ID(t, i)] = true
	}
	for i := range docs {
		want[netra.ItemID("", "impor", fmt.Sprintf("%s (laporan %d)", e2eTexts[i%len(e2eTexts)], i))] = true
	}
	st, err := store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != len(want) {
		entries, _ := os.ReadDir(data)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the index holds %d records, want %d (data directory: %v)", st.Records, len(want), names)
	}
	missing := 0
	for id := range want {
		rec, err := store.Get(context.Background(), id)
		switch {
		case err != nil:
			missing++
		case rec.Version != 1:
			t.Errorf("%s has version %d, want 1 (stored once)", id, rec.Version)
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d records missing after the replay", missing, len(want))
	}
	if _, err := os.Stat(filepath.Join(data, "elastic-spool-netra.jsonl")); !os.IsNotExist(err) {
		t.Errorf("spool still there after the replay: %v", err)
	}
}

// TestSpoolBudget: with Elasticsearch unreachable and a small --spool-max,
// an import stops with an error naming the data directory; what it
// accepted before stays in the spool.
func TestSpoolBudget(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	var in strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":%q}\n", i, fmt.Sprintf("%s (%d)", e2eTexts[i%len(e2eTexts)], i))
	}
	_, errOut, err := runNetra(t, in.String(), "--es", "http://"+closedAddr(t), "--data", data, "--spool-max", "200KB",
		"score", "--index", "--batch-size", "100", "--out", os.DevNull, "-")
	if err == nil || !strings.Contains(err.Error(), "spool in "+data+" is full") {
		t.Fatalf("score past the spool budget: %v\n%s", err, errOut)
	}
	fi, serr := os.Stat(filepath.Join(data, "elastic-spool-netra.jsonl"))
	if serr != nil || fi.Size() == 0 || fi.Size() > 200_000 {
		t.Fatalf("spool after hitting the budget: %v (want some records, within 200 KB)", serr)
	}
}

// TestServeShowsSpool: `netra serve` starts while Elasticsearch is
// unreachable, and /healthz and /metrics show what waits in the spool (an
// import spooled it before) and since when.
func TestServeShowsSpool(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	es := "http://" + closedAddr(t)
	var in strings.Builder
	for i := range 300 {
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":%q}\n", i, fmt.Sprintf("%s (%d)", e2eTexts[i%len(e2eTexts)], i))
	}
	if _, errOut, err := runNetra(t, in.String(), "--es", es, "--data", data, "score", "--index", "--out", os.DevNull, "-"); err != nil {
		t.Fatalf("score --index with Elasticsearch down: %v\n%s", err, errOut)
	}
	fi, err := os.Stat(filepath.Join(data, "elastic-spool-netra.jsonl"))
	if err != nil {
		t.Fatal(err)
	}

	cfg := config.Defaults()
	cfg.Addr, cfg.LogLevel = "127.0.0.1:0", "error"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &globals{dataDir: data, esURLs: []string{es}, esIndexPrefix: "netra"}, cfg, false, io.Discard, ready)
	}()
	var base string
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		t.Fatalf("serve with Elasticsearch down: %v", err)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Status string
		Spool  struct {
			Path       string
			Bytes      int64
			AgeSeconds float64 `json:"age_seconds"`
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || health.Status != "unavailable" {
		t.Errorf("healthz with the store down: %d %q, want 503 unavailable", resp.StatusCode, health.Status)
	}
	if health.Spool.Bytes != fi.Size() || health.Spool.AgeSeconds <= 0 || !strings.HasPrefix(health.Spool.Path, data) {
		t.Errorf("healthz spool = %+v, want %d bytes in %s and an age", health.Spool, fi.Size(), data)
	}
	metrics := fetchText(t, base+"/metrics")
	if !strings.Contains(metrics, fmt.Sprintf("netra_spool_bytes %d\n", fi.Size())) && !strings.Contains(metrics, fmt.Sprintf("netra_spool_bytes %g\n", float64(fi.Size()))) {
		t.Errorf("metrics lack netra_spool_bytes %d", fi.Size())
	}
	if !regexp.MustCompile(`(?m)^netra_spool_age_seconds [0-9.e+]+$`).MatchString(metrics) || strings.Contains(metrics, "netra_spool_age_seconds 0\n") {
		t.Errorf("metrics lack a spool age:\n%s", metrics)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve stop: %v", err)
	}
}

// esCount returns how many records the netra items index holds (0 when it
// cannot tell).
func esCount(url string) int {
	resp, err := http.Get(url + "/netra-items/_count")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	var c struct{ Count int }
	if json.NewDecoder(resp.Body).Decode(&c) != nil {
		return 0
	}
	return c.Count
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
